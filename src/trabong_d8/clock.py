"""Today's date, from one place: the api asks here when a caller gives none (tests fix it here)."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    return dt.date.today()
