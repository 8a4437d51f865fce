"""Reporting periods: quarters, halves and years, as the province asks for them.

A period has an id (``2024-Q3``, ``2024-H1``, ``2024``), a first and a last day (both included).
Quarters are Q1 = January–March … Q4 = October–December; halves are H1 = January–June and
H2 = July–December.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum


class PeriodKind(str, Enum):
    quarter = "quarter"
    half = "half"
    year = "year"


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    year: int
    number: int  # 1-4 for a quarter, 1-2 for a half, 0 for a year

    @property
    def id(self) -> str:
        if self.kind is PeriodKind.quarter:
            return f"{self.year}-Q{self.number}"
        if self.kind is PeriodKind.half:
            return f"{self.year}-H{self.number}"
        return str(self.year)

    @property
    def start(self) -> dt.date:
        months = {PeriodKind.quarter: 3, PeriodKind.half: 6, PeriodKind.year: 12}[self.kind]
        first_month = 1 + (max(self.number, 1) - 1) * months
        return dt.date(self.year, first_month, 1)

    @property
    def end(self) -> dt.date:
        months = {PeriodKind.quarter: 3, PeriodKind.half: 6, PeriodKind.year: 12}[self.kind]
        last_month = max(self.number, 1) * months
        following = dt.date(self.year + last_month // 12, last_month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


_QUARTER = re.compile(r"\s*([0-9]{4})\s*-?\s*[Qq]([1-4])\s*\Z")
_HALF = re.compile(r"\s*([0-9]{4})\s*-?\s*[Hh]([12])\s*\Z")
_YEAR = re.compile(r"\s*([0-9]{4})\s*\Z")


def parse_period(text: str, kind: PeriodKind) -> Period | None:
    """``2024-Q3``/``2024Q3``/``2024-q3`` for a quarter, ``2024-H1``/``2024H1`` for a half, ``2024``
    for a year; ``None`` when the text is not such a period."""
    pattern = {PeriodKind.quarter: _QUARTER, PeriodKind.half: _HALF, PeriodKind.year: _YEAR}[kind]
    match = pattern.match(text)
    if match is None:
        return None
    year = int(match.group(1))
    number = int(match.group(2)) if kind is not PeriodKind.year else 0
    return Period(kind, year, number)


def period_from_id(text: str) -> Period | None:
    """The period a canonical id names (``2024-Q3``, ``2024-H1``, ``2024``), or ``None``."""
    for kind in PeriodKind:
        period = parse_period(text, kind)
        if period is not None and period.id == text:
            return period
    return None
