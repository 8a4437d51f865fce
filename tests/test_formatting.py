"""Numbers and dates as each language writes them (``formatting``)."""

from __future__ import annotations

import datetime as dt

from trabong_d8.formatting import format_date, format_number


def test_numbers_keep_whole_numbers_whole_and_use_the_language_s_decimal_mark() -> None:
    assert format_number(12, "vi") == format_number(12.0, "en") == "12"
    assert (format_number(38.6, "vi"), format_number(38.6, "en")) == ("38,6", "38.6")
    assert format_number(None, "vi") == "—"


def test_dates_are_day_first_in_vietnamese_and_iso_in_english() -> None:
    day = dt.date(2024, 6, 30)
    assert (format_date(day, "vi"), format_date(day, "en")) == ("30/06/2024", "2024-06-30")
