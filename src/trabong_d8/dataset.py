"""A loaded data folder, and the result of loading one, as plain values.

:func:`trabong_d8.loader.load_dataset` builds these; the parse cache (:mod:`trabong_d8.cache`)
stores and brings back the very same objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path

from .commune import Commune
from .document import YamlDocument
from .frozen import Frozen, frozen
from .narrative import PeriodNarrative
from .planindex import PlanIndex
from .problems import Problem
from .textsafe import fold


@frozen
class Dataset(Frozen):
    """A whole data folder once it has loaded: the plans, the communes and where they came from."""

    root: Path
    #: one plan per plan year, in order of years
    plans: tuple[PlanIndex, ...]
    communes: tuple[Commune, ...]
    #: the parsed plan and commune files, beside ``plans`` and ``communes`` (for positions)
    plan_docs: tuple[YamlDocument, ...]
    commune_docs: tuple[YamlDocument, ...]
    #: False when some commune file could not be loaded (its problems are reported on their own)
    complete: bool = True
    #: what the coordinator wrote for each reporting period, by period id (``2024-Q3``)
    narratives: Mapping[str, PeriodNarrative] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(p.year for p in self.plans)

    def plan(self, year: int) -> PlanIndex | None:
        """The plan of ``year``, if the data has one."""
        for plan in self.plans:
            if plan.year == year:
                return plan
        return None

    def plan_for(self, day: dt.date) -> PlanIndex | None:
        """The plan whose year contains ``day``."""
        for plan in self.plans:
            if plan.covers(day):
                return plan
        return None

    def commune(self, key: str) -> Commune | None:
        """A commune by id or by name (any case, with or without diacritics typed)."""
        wanted = fold(key)
        for commune in self.communes:
            if wanted in (fold(commune.id), fold(commune.name)):
                return commune
        return None

    @property
    def files(self) -> int:
        return len(self.plans) + len(self.communes) + len(self.narratives)

    @property
    def record_count(self) -> int:
        return sum(len(c.records) for c in self.communes)

    @property
    def entity_count(self) -> int:
        return sum(len(c.entities) for c in self.communes)


@frozen(kw_only=False)
class LoadResult(Frozen):
    """What loading a data folder gave: the data set (``None`` when it has errors) and every problem."""

    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def failed(self, strict: bool = False) -> bool:
        """True when ``d8 validate`` fails: on errors, and with ``strict`` on warnings too."""
        return bool(self.errors) or (strict and bool(self.warnings))
