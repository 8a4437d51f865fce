"""Older forms of a commune file, brought to the current one before anything else reads it.

* ``allocation:`` (one plan year, the first form) is the allocation of the plan year when the data
  has one plan; with plans for several years it must be written ``allocations:`` by year.
* An entity's ``date:`` and ``action:`` (one time founded or strengthened) are its one event.

What the user wrote is never changed on disk; the data the rest of ``d8`` sees has one form.
"""

from __future__ import annotations

from dataclasses import replace

from .commune import Commune, Entity, EntityEvent
from .document import YamlDocument
from .problems import Problem
from .yamlio import locate


def current_form(
    commune: Commune, doc: YamlDocument, years: tuple[int, ...]
) -> tuple[Commune, list[Problem]]:
    """``commune`` in the current form, and the problems that stop it from being brought there."""
    problems: list[Problem] = []
    allocations = commune.allocations
    if commune.allocation is not None:
        if commune.allocations:
            problems.append(Problem(locate(doc, ("allocation",), prefer_key=True), "allocation-twice"))
        elif len(years) == 1:
            allocations = {str(years[0]): commune.allocation}
        elif years:  # several plans (with none loaded, there is nothing to bring it to)
            listed = ", ".join(str(y) for y in years)
            where = locate(doc, ("allocation",), prefer_key=True)
            problems.append(Problem(where, "allocation-needs-year", {"years": listed, "year": years[-1]}))
    entities = tuple(_entity(entity, e, doc, problems) for e, entity in enumerate(commune.entities))
    return replace(commune, allocation=None, allocations=allocations, entities=entities), problems


def _entity(entity: Entity, e: int, doc: YamlDocument, problems: list[Problem]) -> Entity:
    single = entity.date is not None or entity.action is not None
    if entity.events:
        if single:
            key = "date" if entity.date is not None else "action"
            where = locate(doc, ("entities", e, key), prefer_key=True)
            problems.append(Problem(where, "entity-date-and-events", {"id": entity.id}))
        return entity
    missing = [key for key in ("date", "action") if getattr(entity, key) is None]
    for key in missing:
        problems.append(Problem(locate(doc, ("entities", e)), "missing-key", {"key": key}))
    if missing or entity.date is None or entity.action is None:
        return entity
    event = EntityEvent(date=entity.date, action=entity.action)
    return replace(entity, date=None, action=None, events=(event,))
