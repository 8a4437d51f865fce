"""Today's date comes from one place (``clock``): the api asks it when a caller gives no date."""

from __future__ import annotations

import datetime as dt

import pytest

from trabong_d8 import api, clock

from .helpers import EXAMPLE


def test_today_is_the_calendar_day() -> None:
    assert clock.today() == dt.date.today()


def test_the_api_asks_the_clock_when_no_day_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: dt.date(2024, 3, 1))
    assert api.status(EXAMPLE).moment.as_of == dt.date(2024, 3, 1)
    # a day given by the caller wins
    assert api.status(EXAMPLE, today=dt.date(2024, 5, 1)).moment.as_of == dt.date(2024, 5, 1)
