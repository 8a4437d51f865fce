"""What every rule needs: the data set being checked, ``today``, and a way to say where.

A rule is a function that finds one kind of mistake (or a few closely related ones) and returns
located problems; it never raises or prints. The table of rules is :mod:`trabong_d8.rules`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .commune import Commune
from .dataset import Dataset
from .document import Path_, YamlDocument
from .planindex import PlanIndex
from .problems import Problem
from .yamlio import locate, value_at


@dataclass
class Context:
    """One check of a data set."""

    dataset: Dataset
    today: dt.date
    #: where each entity id is first declared (built once, read by several rules)
    entity_ids: dict[str, tuple[YamlDocument, Path_]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for commune, doc in self.pairs():
            for e, entity in enumerate(commune.entities):
                self.entity_ids.setdefault(entity.id, (doc, ("entities", e, "id")))

    def pairs(self) -> list[tuple[Commune, YamlDocument]]:
        """Each commune with its parsed file."""
        return list(zip(self.dataset.communes, self.dataset.commune_docs, strict=True))

    def plan_doc(self, plan: PlanIndex) -> YamlDocument:
        return self.dataset.plan_docs[self.dataset.plans.index(plan)]


def problem(doc: YamlDocument, path: Path_, code: str, *, key: bool = False, **params: Any) -> Problem:
    """A problem of ``code`` at ``path`` in ``doc`` (at its key with ``key=True``)."""
    return Problem(locate(doc, path, prefer_key=key), code, params)


def where(first: tuple[YamlDocument, Path_]) -> str:
    """``file:line:column`` of a place, for a message that names another place."""
    doc, path = first
    return str(locate(doc, path))


def given(doc: YamlDocument, path: Path_) -> bool:
    """True when the file itself holds ``path`` (rather than a value the loader filled in)."""
    return value_at(doc, path) is not None


def plan_ranges(dataset: Dataset) -> str:
    """The plan years as date ranges, for a message: ``2024-01-01 – 2024-12-31``."""
    return ", ".join(f"{p.start.isoformat()} – {p.end.isoformat()}" for p in dataset.plans)


def years_text(dataset: Dataset) -> str:
    return ", ".join(str(year) for year in dataset.years)
