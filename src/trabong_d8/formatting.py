"""How numbers and dates are written, in Vietnamese and in English (shared by every view)."""

from __future__ import annotations

import datetime as dt


def format_number(value: float | None, lang: str) -> str:
    """12 → "12"; 38.6 → "38,6" in Vietnamese (decimal comma), "38.6" in English."""
    if value is None:
        return "—"
    text = str(int(value)) if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


def format_date(value: dt.date, lang: str) -> str:
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()
