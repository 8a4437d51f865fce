"""Checks that need more than one file, or more than one part of a file, at once.

Each check takes the validated models with their parsed documents (for positions) and returns
problems; none of them raises or prints.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .document import YamlDocument
from .kinds import CoreTargetId, Level
from .messages import Suggestion, Word, show_value
from .problems import Location, Problem, Severity
from .progress import TargetKind, classify_target, elapsed_share, numeric_target, tally

if TYPE_CHECKING:
    from .dataset import Dataset
    from .models import Commune, Participants, Plan

Path_ = tuple[str | int, ...]


def check_dataset(dataset: Dataset, today: dt.date | None = None) -> list[Problem]:
    problems = list(check_plan(dataset.plan, dataset.plan_doc))
    problems.extend(check_communes(dataset, today or dt.date.today()))
    return problems


def _err(doc: YamlDocument, path: Path_, code: str, *, key: bool = False, **params: Any) -> Problem:
    return Problem(doc.locate(path, prefer_key=key), code, params)


def _warn(doc: YamlDocument, path: Path_, code: str, **params: Any) -> Problem:
    return Problem(doc.locate(path), code, params, Severity.WARNING)


# --- the plan ------------------------------------------------------------------------------------


def _item_paths(plan: Plan) -> Iterator[tuple[Path_, Any]]:
    """Every item of the table with its key path in the plan file."""
    for c, content in enumerate(plan.activity_table.contents):
        base: Path_ = ("activity_table", "contents", c)
        groups = [((*base, "items"), content.items)]
        groups += [
            ((*base, "activities", a, "items"), activity.items)
            for a, activity in enumerate(content.activities)
        ]
        for prefix, items in groups:
            for i, item in enumerate(items):
                yield (*prefix, i), item
                for s, sub in enumerate(item.sub_items):
                    yield (*prefix, i, "sub_items", s), sub


def check_plan(plan: Plan, doc: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []
    items: dict[str, Any] = {}
    # where each id was first seen, located only when it turns out to be needed (see yamlio)
    first_path: dict[str, Path_] = {}
    for path, item in _item_paths(plan):
        if item.id in items:
            first_line = doc.locate((*first_path[item.id], "id")).line
            problems.append(
                Problem(
                    doc.locate((*path, "id")), "plan-duplicate-id", {"id": item.id, "first_line": first_line}
                )
            )
            continue
        items[item.id] = item
        first_path[item.id] = path
        for level in ("district", "commune"):
            text = getattr(item, level)
            if text is not None and classify_target(text) is None:
                problems.append(_err(doc, (*path, level), "plan-target-wording", value=show_value(text)))

    seen_core: dict[CoreTargetId, Path_] = {}
    for t, core in enumerate(plan.core_targets):
        path = ("core_targets", t)
        if core.id in seen_core:
            first_line = doc.locate((*seen_core[core.id], "id")).line
            problems.append(
                _err(doc, (*path, "id"), "plan-duplicate-id", id=core.id.value, first_line=first_line)
            )
        else:
            seen_core[core.id] = path
        total = 0
        resolved = True
        for n, item_id in enumerate(core.counts_from):
            item = items.get(item_id)
            if item is None or item.sub_items:
                problems.append(_err(doc, (*path, "counts_from", n), "plan-unknown-item", id=item_id))
                resolved = False
                continue
            total += sum(numeric_target(item, level) or 0 for level in Level)
        if core.measure == "ratio" and core.target > 100:
            problems.append(_err(doc, (*path, "target"), "percent-over-100", value=core.target))
        if core.measure == "count" and resolved and total != core.target:
            problems.append(
                _err(
                    doc,
                    (*path, "target"),
                    "plan-target-mismatch",
                    id=core.id.value,
                    target=core.target,
                    items=", ".join(core.counts_from),
                    total=total,
                )
            )
    for missing in sorted(set(CoreTargetId) - set(seen_core), key=lambda x: x.value):
        problems.append(_err(doc, ("core_targets",), "plan-core-targets", id=missing.value))
    return problems


# --- communes ------------------------------------------------------------------------------------


def check_communes(dataset: Dataset, today: dt.date) -> list[Problem]:
    plan = dataset.plan
    items = {item.id: item for item in plan.items()}
    leaves = {item.id: item for item in plan.leaf_items()}
    problems: list[Problem] = []
    commune_ids: dict[str, str] = {}
    names: dict[str, str] = {}
    # where each id was first seen, located only for a duplicate (see yamlio)
    entity_ids: dict[str, tuple[YamlDocument, Path_]] = {}
    record_ids: dict[str, tuple[YamlDocument, Path_]] = {}
    pairs = list(zip(dataset.communes, dataset.commune_docs, strict=True))

    for commune, doc in pairs:
        if commune.id in commune_ids:
            problems.append(
                _err(
                    doc,
                    ("id",),
                    "commune-duplicate-id",
                    id=commune.id,
                    other=commune_ids[commune.id],
                )
            )
        else:
            commune_ids[commune.id] = doc.path
        folded = commune.name.casefold()
        if folded in names:
            problems.append(
                _err(doc, ("name",), "commune-duplicate-name", name=commune.name, other=names[folded])
            )
        else:
            names[folded] = doc.path
        stem = doc.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if stem != commune.id:
            problems.append(
                _warn(doc, ("id",), "commune-file-name", expected=f"{commune.id}.yaml", id=commune.id)
            )
        for e, entity in enumerate(commune.entities):
            path: Path_ = ("entities", e, "id")
            if entity.id in entity_ids:
                problems.append(
                    _err(doc, path, "duplicate-id", id=entity.id, other=_where(entity_ids[entity.id]))
                )
            else:
                entity_ids[entity.id] = (doc, path)
        for r, record in enumerate(commune.records):
            if record.id is None:
                continue
            path = ("records", r, "id")
            if record.id in record_ids:
                problems.append(
                    _err(doc, path, "duplicate-id", id=record.id, other=_where(record_ids[record.id]))
                )
            else:
                record_ids[record.id] = (doc, path)

    # When a commune file could not be read, its entities and its share of the allocation are
    # unknown: checks that need every file would only report the same mistake again, wrongly.
    complete = dataset.complete
    for commune, doc in pairs:
        problems.extend(_check_commune(commune, doc, plan, items, leaves, entity_ids, today, complete))
    if complete:
        problems.extend(_check_allocations(dataset, pairs, leaves))
    return problems


def check_progress(dataset: Dataset, today: dt.date) -> list[Problem]:
    """One warning per numbered item with nothing recorded although a steady pace expects some.

    Only ``d8 validate`` asks for these (on a data set that loaded without errors): ``d8 status``
    already shows such an item as not started, and a warning that depends on the calendar has no
    place in ``load_dataset``, whose answer should depend on the files.

    An item whose plan target (both levels together) is ``target`` is expected to have
    ``floor(target × elapsed)`` done by ``today`` (clamped to the plan year) at a steady pace; when
    that is at least one and no record or entity counts toward it, it is worth a look (a forgotten
    record?). A data folder with no record and no entity at all has not started to be filled in
    (the shipped data) and gets no such warning: ``d8 status`` shows everything as not started.
    """
    plan = dataset.plan
    if not any(c.records or c.entities for c in dataset.communes):
        return []
    as_of = min(max(today, plan.pace.start), plan.pace.end)
    elapsed = elapsed_share(plan.pace, as_of)
    done = tally(plan, dataset.communes, as_of)
    problems = []
    for path, item in _item_paths(plan):
        if item.sub_items:
            continue
        target = sum(numeric_target(item, level) or 0 for level in Level)
        expected = int(target * elapsed + 1e-9)
        if expected >= 1 and done.achieved(item.id) == 0:
            problems.append(
                _warn(
                    dataset.plan_doc,
                    (*path, "id"),
                    "item-no-progress",
                    id=item.id,
                    target=target,
                    expected=expected,
                    date=as_of.isoformat(),
                )
            )
    return problems


def _where(first: tuple[YamlDocument, Path_]) -> str:
    doc, path = first
    return str(doc.locate(path))


def _suggest(value: str, choices: list[str]) -> Suggestion:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return Suggestion(close[0] if close else None)


def _check_commune(
    commune: Commune,
    doc: YamlDocument,
    plan: Plan,
    items: dict[str, Any],
    leaves: dict[str, Any],
    entity_ids: dict[str, tuple[YamlDocument, Path_]],
    today: dt.date,
    complete: bool,
) -> list[Problem]:
    problems: list[Problem] = []
    start, end = plan.pace.start, plan.pace.end
    leaf_ids = list(leaves)

    def check_date(path: Path_, date: dt.date) -> None:
        if not start <= date <= end:
            problems.append(
                _err(
                    doc,
                    path,
                    "date-outside-plan",
                    date=date.isoformat(),
                    start=start.isoformat(),
                    end=end.isoformat(),
                )
            )
        elif date > today:
            problems.append(
                _warn(doc, path, "date-in-future", date=date.isoformat(), today=today.isoformat())
            )

    def check_item(path: Path_, item_id: str) -> Any:
        if item_id in leaves:
            return leaves[item_id]
        if item_id in items:
            children = ", ".join(sub.id for sub in items[item_id].sub_items)
            problems.append(_err(doc, path, "parent-item", id=item_id, children=children))
        else:
            problems.append(
                _err(doc, path, "unknown-item", id=item_id, suggestion=_suggest(item_id, leaf_ids))
            )
        return None

    no_target: dict[tuple[str, Level], bool] = {}  # by item and level: worked out once, not per record

    def check_level(path: Path_, item: Any, level: Level) -> None:
        text = item.district if level is Level.district else item.commune
        empty = no_target.get((item.id, level))
        if empty is None:
            cell = classify_target(text) if text is not None else None
            empty = no_target[item.id, level] = cell is not None and cell.kind is TargetKind.none
        if empty:
            problems.append(
                _warn(
                    doc, path, "level-no-target", level=Word(f"level_{level.value}"), item=item.id, cell=text
                )
            )

    for e, entity in enumerate(commune.entities):
        path: Path_ = ("entities", e)
        check_date((*path, "date"), entity.date)
        item = check_item((*path, "item"), entity.item)
        if item is not None:
            if item.entity_kind is None or item.entity_kind != entity.kind:
                expected = item.entity_kind.value if item.entity_kind else None
                problems.append(
                    _err(
                        doc,
                        (*path, "kind"),
                        "entity-item-kind",
                        item=item.id,
                        kind=entity.kind.value,
                        expected=Word("expected_kind", expected),
                    )
                )
            check_level((*path, "organiser"), item, entity.organiser)
        problems.extend(_check_participants(doc, (*path, "members"), entity.members))

    for r, record in enumerate(commune.records):
        path = ("records", r)
        check_date((*path, "date"), record.date)
        item = check_item((*path, "item"), record.item)
        if item is not None:
            if item.counts == "entities" and record.entity is None:
                problems.append(_warn(doc, (*path, "item"), "record-on-entity-item", item=item.id))
            elif item.counts == "events":
                check_level((*path, "organiser"), item, record.organiser)
        if record.entity is not None and record.entity not in entity_ids and complete:
            problems.append(
                _err(
                    doc,
                    (*path, "entity"),
                    "unknown-entity",
                    id=record.entity,
                    suggestion=_suggest(record.entity, list(entity_ids)),
                )
            )
        if record.participants is not None:
            problems.extend(_check_participants(doc, (*path, "participants"), record.participants))

    reached = sum(r.safe_birth_reached or 0 for r in commune.records)
    group = commune.allocation.safe_birth_target_group
    if group is None:
        problems.append(_warn(doc, ("allocation",), "allocation-no-denominator"))
    elif reached > group:
        problems.append(
            _warn(
                doc,
                ("allocation", "safe_birth_target_group"),
                "safe-birth-over",
                reached=reached,
                group=group,
            )
        )
    return problems


_PARTS = (
    ("women", "total"),
    ("men", "total"),
    ("ethnic_minority", "total"),
    ("children", "total"),
    ("girls", "total"),
    ("girls", "children"),
)


def _check_participants(doc: YamlDocument, path: Path_, people: Participants) -> list[Problem]:
    total, women, men, children, girls = people.total, people.women, people.men, people.children, people.girls
    minority = people.ethnic_minority
    if not (  # the usual case, said at once: nothing exceeds its whole
        (women is not None and women > total)
        or (men is not None and men > total)
        or (minority is not None and minority > total)
        or (children is not None and children > total)
        or (girls is not None and (girls > total or (children is not None and girls > children)))
        or (women is not None and men is not None and women + men > total)
    ):
        return []
    problems = []
    for part, whole in _PARTS:
        value, whole_value = getattr(people, part), getattr(people, whole)
        if value is not None and whole_value is not None and value > whole_value:
            problems.append(
                _err(
                    doc,
                    (*path, part),
                    "participants-exceed",
                    part=part,
                    value=value,
                    whole=whole,
                    whole_value=whole_value,
                )
            )
    if people.women is not None and people.men is not None and people.women + people.men > people.total:
        problems.append(
            _err(
                doc,
                (*path, "men"),
                "participants-exceed",
                part="women + men",
                value=people.women + people.men,
                whole="total",
                whole_value=people.total,
            )
        )
    return problems


def _check_allocations(
    dataset: Dataset, pairs: list[tuple[Commune, YamlDocument]], leaves: dict[str, Any]
) -> list[Problem]:
    problems: list[Problem] = []
    allocatable = {
        item_id: target for item_id, item in leaves.items() if (target := numeric_target(item, Level.commune))
    }
    totals: dict[str, int] = {item_id: 0 for item_id in allocatable}
    shares: dict[str, list[str]] = {item_id: [] for item_id in allocatable}
    for commune, doc in pairs:
        for item_id, value in commune.allocation.items.items():
            if item_id not in allocatable:
                problems.append(
                    _err(
                        doc,
                        ("allocation", "items", item_id),
                        "allocation-unknown-item",
                        key=True,
                        id=item_id,
                        suggestion=_suggest(item_id, list(allocatable)),
                    )
                )
                continue
            totals[item_id] += value
            if value:
                shares[item_id].append(f"{commune.id} {value}")
    plan_doc = dataset.plan_doc
    for item_id, target in allocatable.items():
        if totals[item_id] != target:
            path = _plan_item_path(dataset.plan, item_id)
            problems.append(
                Problem(
                    plan_doc.locate((*path, "commune")) if path else Location(plan_doc.path),
                    "allocation-sum",
                    {
                        "id": item_id,
                        "total": totals[item_id],
                        "target": target,
                        "detail": ", ".join(shares[item_id]) or "—",
                    },
                )
            )
    return problems


def _plan_item_path(plan: Plan, item_id: str) -> Path_ | None:
    for path, item in _item_paths(plan):
        if item.id == item_id:
            return path
    return None
