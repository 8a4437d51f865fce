"""Rules about the commune files, each against the others and against the plans.

Each function takes the check's :class:`~trabong_d8.rulebase.Context` and returns located problems.
A record or an entity's event belongs to the plan whose year holds its date; its item, level and
kind are checked against that plan.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import os
from collections.abc import Iterator

from .commune import Commune, Entity, Participants
from .document import Path_, YamlDocument
from .fields import Level
from .planindex import IndexedItem, PlanIndex, TargetKind
from .problems import Problem
from .rulebase import Context, given, plan_ranges, problem, where, years_text


def _suggest(value: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def commune_ids(ctx: Context) -> Iterator[Problem]:
    """Two files for one commune (by id or by name); a file not named after its commune."""
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for commune, doc in ctx.pairs():
        if commune.id in ids:
            yield problem(doc, ("id",), "commune-duplicate-id", id=commune.id, other=ids[commune.id])
        else:
            ids[commune.id] = doc.path
        folded = commune.name.casefold()
        if folded in names:
            yield problem(doc, ("name",), "commune-duplicate-name", name=commune.name, other=names[folded])
        else:
            names[folded] = doc.path
        stem = os.path.splitext(os.path.basename(doc.path.replace("\\", "/")))[0]
        if stem != commune.id:
            yield problem(doc, ("id",), "commune-file-name", expected=f"{commune.id}.yaml", id=commune.id)


def unique_ids(ctx: Context) -> Iterator[Problem]:
    """An entity id or a record id used twice anywhere in the data."""
    for commune, doc in ctx.pairs():
        for e, entity in enumerate(commune.entities):
            first = ctx.entity_ids[entity.id]
            path: Path_ = ("entities", e, "id")
            if first != (doc, path):
                yield problem(doc, path, "duplicate-id", id=entity.id, other=where(first))
    records: dict[str, tuple[YamlDocument, Path_]] = {}
    for commune, doc in ctx.pairs():
        for r, record in enumerate(commune.records):
            if record.id is None:
                continue
            path = ("records", r, "id")
            if record.id in records:
                yield problem(doc, path, "duplicate-id", id=record.id, other=where(records[record.id]))
            else:
                records[record.id] = (doc, path)


def _dated(commune: Commune, doc: YamlDocument) -> Iterator[tuple[Path_, dt.date]]:
    """Every date of a commune file with its path: records', then entities' events'."""
    for r, record in enumerate(commune.records):
        yield ("records", r, "date"), record.date
    for e, entity in enumerate(commune.entities):
        for k, event in enumerate(entity.events):
            yield _event_path(doc, e, k, "date"), event.date


def _event_path(doc: YamlDocument, e: int, k: int, name: str) -> Path_:
    """Where an entity's event holds ``name``: in ``events`` or, in the older form, the entity."""
    events: Path_ = ("entities", e, "events")
    return (*events, k, name) if given(doc, events) else ("entities", e, name)


def dates(ctx: Context) -> Iterator[Problem]:
    """A date in no plan year (error), or after today (warning)."""
    dataset = ctx.dataset
    for commune, doc in ctx.pairs():
        for path, date in _dated(commune, doc):
            if dataset.plan_for(date) is None:
                yield problem(
                    doc, path, "date-outside-plan", date=date.isoformat(), ranges=plan_ranges(dataset)
                )
            elif date > ctx.today:
                yield problem(doc, path, "date-in-future", date=date.isoformat(), today=ctx.today.isoformat())


def _leaf(
    ctx: Context, plan: PlanIndex, doc: YamlDocument, path: Path_, item_id: str
) -> tuple[IndexedItem | None, Problem | None]:
    """The leaf item ``item_id`` of ``plan``, or the problem with it."""
    leaf = plan.leaf(item_id)
    if leaf is not None:
        return leaf, None
    parent = plan.item(item_id)
    if parent is not None:
        children = ", ".join(sub.id for sub in parent.item.sub_items)
        return None, problem(doc, path, "parent-item", id=item_id, children=children)
    suggestion = _suggest(item_id, [leaf.id for leaf in plan.leaves])
    plan_file = ctx.plan_doc(plan).path
    return None, problem(doc, path, "unknown-item", id=item_id, suggestion=suggestion, plan_file=plan_file)


def _no_target(leaf: IndexedItem, level: Level) -> bool:
    cell = leaf.cell(level)
    return cell is not None and cell.kind is TargetKind.none


def _level_warning(doc: YamlDocument, path: Path_, leaf: IndexedItem, level: Level, year: int) -> Problem:
    cell = getattr(leaf.item, level.value)
    return problem(doc, path, "level-no-target", level=level.value, item=leaf.id, cell=cell, year=year)


def records(ctx: Context) -> Iterator[Problem]:
    """A record's item (a leaf of its year's plan), its level (one the plan gives a target) and
    its entity (declared somewhere)."""
    dataset = ctx.dataset
    entity_ids = list(ctx.entity_ids)
    for commune, doc in ctx.pairs():
        for r, record in enumerate(commune.records):
            path: Path_ = ("records", r)
            plan = dataset.plan_for(record.date)
            if plan is not None:
                leaf, found = _leaf(ctx, plan, doc, (*path, "item"), record.item)
                if found is not None:
                    yield found
                elif leaf is not None and leaf.item.counts == "entities" and record.entity is None:
                    yield problem(doc, (*path, "item"), "record-on-entity-item", item=leaf.id)
                elif leaf is not None and leaf.item.counts == "events" and _no_target(leaf, record.organiser):
                    yield _level_warning(doc, (*path, "organiser"), leaf, record.organiser, plan.year)
            if record.entity is not None and record.entity not in ctx.entity_ids and dataset.complete:
                suggestion = _suggest(record.entity, entity_ids)
                yield problem(
                    doc, (*path, "entity"), "unknown-entity", id=record.entity, suggestion=suggestion
                )


def entities(ctx: Context) -> Iterator[Problem]:
    """Each event of an entity: its item is a leaf of its year's plan that counts this kind of
    entity, at a level the plan gives a target."""
    dataset = ctx.dataset
    for commune, doc in ctx.pairs():
        for e, entity in enumerate(commune.entities):
            reported: set[tuple[int, int, str]] = set()
            for k, event in enumerate(entity.events):
                plan = dataset.plan_for(event.date)
                if plan is None:
                    continue  # the date's own problem
                for found in _entity_event(ctx, plan, doc, entity, e, k):
                    key = (found.location.line, found.location.column, found.code)
                    if key not in reported:  # one mistake on the entity, said once for its events
                        reported.add(key)
                        yield found


def _entity_event(
    ctx: Context, plan: PlanIndex, doc: YamlDocument, entity: Entity, e: int, k: int
) -> Iterator[Problem]:
    event = entity.events[k]
    item_path = _event_path(doc, e, k, "item") if event.item else ("entities", e, "item")
    leaf, found = _leaf(ctx, plan, doc, item_path, event.item or entity.item)
    if found is not None:
        yield found
    if leaf is None:
        return
    expected = leaf.item.entity_kind
    if expected is None or expected != entity.kind:
        yield problem(
            doc,
            ("entities", e, "kind"),
            "entity-item-kind",
            item=leaf.id,
            kind=entity.kind.value,
            expected_kind=expected.value if expected else None,
        )
    organiser = event.organiser or entity.organiser
    if _no_target(leaf, organiser):
        level_path = _event_path(doc, e, k, "organiser") if event.organiser else ("entities", e, "organiser")
        yield _level_warning(doc, level_path, leaf, organiser, plan.year)


def participants(ctx: Context) -> Iterator[Problem]:
    """A breakdown of participants (or of an entity's members) larger than its whole."""
    for commune, doc in ctx.pairs():
        for e, entity in enumerate(commune.entities):
            yield from _participants(doc, ("entities", e, "members"), entity.members)
        for r, record in enumerate(commune.records):
            if record.participants is not None:
                yield from _participants(doc, ("records", r, "participants"), record.participants)


#: each breakdown, and the whole it must not exceed
PARTS = (
    ("women", "total"),
    ("men", "total"),
    ("ethnic_minority", "total"),
    ("children", "total"),
    ("girls", "total"),
    ("girls", "children"),
)


def _participants(doc: YamlDocument, path: Path_, people: Participants) -> Iterator[Problem]:
    for part, whole in PARTS:
        value, whole_value = getattr(people, part), getattr(people, whole)
        if value is not None and whole_value is not None and value > whole_value:
            yield problem(
                doc,
                (*path, part),
                "participants-exceed",
                part=part,
                value=value,
                whole=whole,
                whole_value=whole_value,
            )
    if people.women is not None and people.men is not None and people.women + people.men > people.total:
        yield problem(
            doc,
            (*path, "men"),
            "participants-exceed",
            part="women + men",
            value=people.women + people.men,
            whole="total",
            whole_value=people.total,
        )


def _allocation_path(doc: YamlDocument, year: int) -> Path_:
    """Where a commune's allocation for ``year`` is written: ``allocations`` or the older form."""
    return ("allocations", str(year)) if given(doc, ("allocations",)) else ("allocation",)


def safe_birth(ctx: Context) -> Iterator[Problem]:
    """Per plan year: a commune without the safe-birth denominator, or reaching more women than it."""
    for plan in ctx.dataset.plans:
        if not any(core.measure == "ratio" for core in plan.core_targets):
            continue
        for commune, doc in ctx.pairs():
            allocation = commune.allocation_for(plan.year)
            group = allocation.safe_birth_target_group if allocation else None
            path = _allocation_path(doc, plan.year)
            if group is None:
                yield problem(doc, path, "allocation-no-denominator", year=plan.year)
                continue
            reached = sum(r.safe_birth_reached or 0 for r in commune.records if plan.covers(r.date))
            if reached > group:
                yield problem(
                    doc, (*path, "safe_birth_target_group"), "safe-birth-over", reached=reached, group=group
                )


def allocation_years(ctx: Context) -> Iterator[Problem]:
    """An allocation for a year that has no plan."""
    years = set(ctx.dataset.years)
    for commune, doc in ctx.pairs():
        for key in commune.allocations:
            if int(key) not in years and given(doc, ("allocations", key)):
                yield problem(
                    doc,
                    ("allocations", key),
                    "allocation-year-unknown",
                    key=True,
                    year=key,
                    years=years_text(ctx.dataset),
                )


def allocations(ctx: Context) -> Iterator[Problem]:
    """Per plan year: the communes' shares are of numbered commune-level items, and add up to the
    plan's commune-level target of each."""
    if not ctx.dataset.complete:  # a commune file that did not load holds an unknown share
        return
    for plan in ctx.dataset.plans:
        allocatable = {leaf.id: target for leaf in plan.leaves if (target := leaf.numeric(Level.commune))}
        totals = dict.fromkeys(allocatable, 0)
        shares: dict[str, list[str]] = {item_id: [] for item_id in allocatable}
        for commune, doc in ctx.pairs():
            allocation = commune.allocation_for(plan.year)
            if allocation is None:
                continue
            for item_id, value in allocation.items.items():
                if item_id not in allocatable:
                    yield problem(
                        doc,
                        (*_allocation_path(doc, plan.year), "items", item_id),
                        "allocation-unknown-item",
                        key=True,
                        id=item_id,
                        suggestion=_suggest(item_id, list(allocatable)),
                    )
                    continue
                totals[item_id] += value
                if value:
                    shares[item_id].append(f"{commune.id} {value}")
        plan_doc = ctx.plan_doc(plan)
        for item_id, target in allocatable.items():
            if totals[item_id] != target:
                yield problem(
                    plan_doc,
                    (*plan.by_id[item_id].path, "commune"),
                    "allocation-sum",
                    id=item_id,
                    total=totals[item_id],
                    target=target,
                    detail=", ".join(shares[item_id]) or "—",
                )


def plan_years(ctx: Context) -> Iterator[Problem]:
    """Two plans whose years overlap."""
    plans = ctx.dataset.plans
    for before, after in itertools.pairwise(plans):
        if after.start <= before.end:
            doc = ctx.plan_doc(after)
            yield problem(
                doc,
                ("pace", "start"),
                "plan-years-overlap",
                year=after.year,
                start=after.start.isoformat(),
                end=after.end.isoformat(),
                other=before.year,
            )
