"""Reporting periods (``periods``): quarters, halves and years as the province asks for them."""

from __future__ import annotations

import datetime as dt

import pytest

from trabong_d8.periods import PeriodKind, parse_period, period_from_id


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2024-Q1", PeriodKind.quarter, "2024-01-01", "2024-03-31"),
        ("2024Q2", PeriodKind.quarter, "2024-04-01", "2024-06-30"),
        ("2024-q3", PeriodKind.quarter, "2024-07-01", "2024-09-30"),
        ("2024-Q4", PeriodKind.quarter, "2024-10-01", "2024-12-31"),
        ("2024-H1", PeriodKind.half, "2024-01-01", "2024-06-30"),
        ("2024H2", PeriodKind.half, "2024-07-01", "2024-12-31"),
        ("2024", PeriodKind.year, "2024-01-01", "2024-12-31"),
    ],
)
def test_periods_cover_their_days(text: str, kind: PeriodKind, start: str, end: str) -> None:
    period = parse_period(text, kind)
    assert period is not None
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)
    assert period_from_id(period.id) == period
    assert period.contains(period.start) and period.contains(period.end)
    assert not period.contains(period.start - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2024-Q5", PeriodKind.quarter),
        ("Q3-2024", PeriodKind.quarter),
        ("2024-H3", PeriodKind.half),
        ("24", PeriodKind.year),
        ("2024-Q3", PeriodKind.half),
    ],
)
def test_bad_periods_are_refused(text: str, kind: PeriodKind) -> None:
    assert parse_period(text, kind) is None


def test_narrative_file_names_must_be_canonical_period_ids() -> None:
    assert period_from_id("2024-Q3") is not None
    assert period_from_id("2024q3") is None  # a file name is the id as d8 writes it
