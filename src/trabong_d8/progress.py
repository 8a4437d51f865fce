"""Completion maths: pure functions of the plan, the communes and a date.

Nothing here reads files, prints or knows about rich or Jinja; every function takes models and plain
values and returns plain values, so it is tested against figures computed by hand.

The rules
---------
* **Achieved.** An *events* item counts the ``count`` of every record against it dated on or before
  the as-of date. An *entities* item counts each entity declared against it (founded or strengthened
  on or before the date) once, however many records mention it. Records and entities count at the
  level of their ``organiser`` (district or commune).
* **Core targets.** A count target sums its ``counts_from`` items over both levels. The safe-birth
  target is a ratio: women reached ÷ women in the target group, both summed over the communes first
  (never an average of the communes' percentages); ``achieved`` is that share in per cent.
* **Percent** is achieved ÷ target × 100, capped at 100 (``achieved`` keeps the real figure), rounded
  half up to one decimal; ``None`` when the target is not a number.
* **Remaining** is ``max(target − achieved, 0)``.
* **Pace.** ``elapsed`` is the share of the plan year gone by on the as-of date (both ends counted,
  clamped to 0..1). With ``progress = achieved ÷ target``:
  ``achieved`` when progress ≥ 1; else ``not_started`` when nothing is achieved; else ``on_track``
  when progress ≥ ``pace.on_track`` × elapsed; ``behind`` when progress ≥ ``pace.at_risk`` ×
  elapsed; otherwise ``at_risk``. The two factors (0.9 and 0.5 by default) are set in the plan file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import TYPE_CHECKING

from .kinds import CoreTargetId, Level

if TYPE_CHECKING:  # a cached data set brings snapshots of these, and no pydantic (see cache)
    from .models import Commune, CoreTarget, Item, Pace, Plan


class TargetKind(str, Enum):
    number = "number"  # "02", "4", "19"
    none = "none"  # "0": nothing planned at that level in 2024
    responsibility = "responsibility"  # "Huyện", "Xã", "Địa phương thực hiện", "Tại địa phương"
    discretionary = "discretionary"  # "Tùy (vào) tình hình thực tế tại địa phương"


class Status(str, Enum):
    achieved = "achieved"
    on_track = "on_track"
    behind = "behind"
    at_risk = "at_risk"
    not_started = "not_started"


_RESPONSIBILITY = frozenset({"huyện", "xã", "địa phương thực hiện", "tại địa phương"})
_DISCRETIONARY = frozenset(
    {"tùy tình hình thực tế tại địa phương", "tùy vào tình hình thực tế tại địa phương"}
)


@dataclass(frozen=True)
class TargetCell:
    """A target cell of the activity table: the text as written and what it means."""

    text: str
    kind: TargetKind
    value: int | None  # the number for kind ``number`` (and 0 for ``none``)


def classify_target(text: str) -> TargetCell | None:
    """What a cell of the table means; ``None`` for wording the plan does not use."""
    stripped = " ".join(text.split())
    if stripped.isdigit() and stripped.isascii():
        value = int(stripped)
        return TargetCell(text, TargetKind.number if value else TargetKind.none, value)
    folded = stripped.casefold()
    if folded in _RESPONSIBILITY:
        return TargetCell(text, TargetKind.responsibility, None)
    if folded in _DISCRETIONARY:
        return TargetCell(text, TargetKind.discretionary, None)
    return None


def item_target(item: Item, level: Level) -> TargetCell | None:
    cell = item.district if level is Level.district else item.commune
    return classify_target(cell) if cell is not None else None


def numeric_target(item: Item, level: Level) -> int | None:
    """The item's number at ``level``, or ``None`` when its target there is not a number."""
    cell = item_target(item, level)
    return cell.value if cell is not None and cell.kind is TargetKind.number else None


# --- small pure pieces ---------------------------------------------------------------------------


def round_half_up(value: float, places: int = 1) -> float:
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def elapsed_share(pace: Pace, as_of: dt.date) -> float:
    """Share of the plan year gone by on ``as_of`` (both ends counted), clamped to 0..1."""
    total = (pace.end - pace.start).days + 1
    gone = (as_of - pace.start).days + 1
    return min(max(gone / total, 0.0), 1.0)


def percent_of(achieved: float, target: float | None) -> float | None:
    if not target:
        return None
    return round_half_up(min(achieved / target, 1.0) * 100)


def pace_status(achieved: float, target: float | None, elapsed: float, pace: Pace) -> Status | None:
    """The pace status of ``achieved`` against ``target`` (see the module docstring)."""
    if not target:
        return None
    progress = achieved / target
    if progress >= 1:
        return Status.achieved
    if achieved <= 0:
        return Status.not_started
    if progress >= pace.on_track * elapsed:
        return Status.on_track
    if progress >= pace.at_risk * elapsed:
        return Status.behind
    return Status.at_risk


# --- tallies -------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Achievements up to a date: ``done[item][commune][level]``, plus the safe-birth counts."""

    done: dict[str, dict[str, dict[Level, int]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    )
    safe_birth_reached: dict[str, int] = field(default_factory=dict)
    safe_birth_group: dict[str, int | None] = field(default_factory=dict)

    def achieved(
        self,
        item_id: str,
        communes: Iterable[str] | None = None,
        levels: Iterable[Level] = (Level.district, Level.commune),
    ) -> int:
        per_commune = self.done.get(item_id, {})
        chosen = per_commune.keys() if communes is None else communes
        wanted = tuple(levels)
        return sum(per_commune.get(c, {}).get(level, 0) for c in chosen for level in wanted)


def tally(plan: Plan, communes: Iterable[Commune], as_of: dt.date) -> Tally:
    """Count what was achieved on or before ``as_of``, item by item, commune by commune, level by
    level."""
    entity_items = {item.id for item in plan.leaf_items() if item.counts == "entities"}
    result = Tally()
    for commune in communes:
        reached = 0
        for record in commune.records:
            if record.date > as_of:
                continue
            reached += record.safe_birth_reached or 0
            if record.item not in entity_items:
                result.done[record.item][commune.id][record.organiser] += record.count
        for entity in commune.entities:
            if entity.date > as_of:
                continue
            result.done[entity.item][commune.id][entity.organiser] += 1
        result.safe_birth_reached[commune.id] = reached
        result.safe_birth_group[commune.id] = commune.allocation.safe_birth_target_group
    return result


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Completion:
    """One row of status: a core target, or an item at one level."""

    id: str
    unit: str | None
    target: float | None
    achieved: float
    percent: float | None
    remaining: float | None
    status: Status | None
    level: str = "all"  # "all", "district" or "commune"
    target_text: str | None = None  # the plan's wording, for items
    numerator: int | None = None  # safe birth only
    denominator: int | None = None


def _completion(
    id_: str,
    unit: str | None,
    target: float | None,
    achieved: float,
    elapsed: float,
    pace: Pace,
    **extra: object,
) -> Completion:
    # percent, remaining and status come from the exact figure; only what is shown is rounded
    remaining = None if target is None else tidy(round_half_up(max(target - achieved, 0.0)))
    return Completion(
        id=id_,
        unit=unit,
        target=target,
        achieved=tidy(round_half_up(achieved)),
        percent=percent_of(achieved, target),
        remaining=remaining,
        status=pace_status(achieved, target, elapsed, pace),
        **extra,  # type: ignore[arg-type]
    )


def tidy(value: float) -> float:
    """12.0 → 12, so that counts stay whole numbers in JSON and tables."""
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class StatusReport:
    as_of: dt.date
    elapsed: float
    commune: str | None
    targets: list[Completion]
    items: list[Completion]
    estimated_allocations: int
    communes: int
    records: int
    entities: int


def compute_status(
    plan: Plan, communes: list[Commune], as_of: dt.date, commune: str | None = None
) -> StatusReport:
    """Completion of every core target and every item, district-wide or for one commune's id."""
    counts = tally(plan, communes, as_of)
    elapsed = elapsed_share(plan.pace, as_of)
    scope = [c for c in communes if commune is None or c.id == commune]
    if commune is None:
        targets = [_core_district(ct, plan, counts, elapsed) for ct in plan.core_targets]
        items = [row for item in plan.leaf_items() for row in _item_rows(item, plan, counts, elapsed)]
    elif not scope:
        raise ValueError(f"no commune with id {commune!r}")
    else:
        only = scope[0]
        targets = [_core_commune(ct, plan, counts, elapsed, only) for ct in plan.core_targets]
        items = [_item_commune(item, plan, counts, elapsed, only) for item in plan.leaf_items()]
    return StatusReport(
        as_of=as_of,
        elapsed=elapsed,
        commune=commune,
        targets=targets,
        items=items,
        estimated_allocations=sum(1 for c in communes if c.allocation.source != "official_appendix"),
        communes=len(communes),
        records=sum(1 for c in scope for r in c.records if r.date <= as_of),
        entities=sum(1 for c in scope for e in c.entities if e.date <= as_of),
    )


def _safe_birth(
    ct_target: float, counts: Tally, elapsed: float, pace: Pace, ids: Iterable[str]
) -> Completion:
    ids = list(ids)
    denominator = sum(counts.safe_birth_group.get(c) or 0 for c in ids)
    # communes without a denominator cannot contribute a numerator either: the share would lie
    numerator = sum(counts.safe_birth_reached.get(c, 0) for c in ids if counts.safe_birth_group.get(c))
    share = numerator / denominator * 100 if denominator else 0.0
    target = ct_target if denominator else None
    return _completion(
        CoreTargetId.safe_birth_outreach.value,
        "percent",
        target,
        share,
        elapsed,
        pace,
        numerator=numerator,
        denominator=denominator,
    )


def _core_district(ct: CoreTarget, plan: Plan, counts: Tally, elapsed: float) -> Completion:
    if ct.measure == "ratio":
        return _safe_birth(ct.target, counts, elapsed, plan.pace, counts.safe_birth_group)
    achieved = sum(counts.achieved(item_id) for item_id in ct.counts_from)
    return _completion(ct.id.value, ct.unit, ct.target, achieved, elapsed, plan.pace)


def _core_commune(ct: CoreTarget, plan: Plan, counts: Tally, elapsed: float, commune: Commune) -> Completion:
    if ct.measure == "ratio":
        return _safe_birth(ct.target, counts, elapsed, plan.pace, [commune.id])
    allocated = [commune.allocation.items[i] for i in ct.counts_from if i in commune.allocation.items]
    if allocated:
        achieved = sum(counts.achieved(i, [commune.id], [Level.commune]) for i in ct.counts_from)
        return _completion(ct.id.value, ct.unit, sum(allocated), achieved, elapsed, plan.pace)
    achieved = sum(counts.achieved(i, [commune.id]) for i in ct.counts_from)
    return _completion(ct.id.value, ct.unit, None, achieved, elapsed, plan.pace)


def _item_rows(item: Item, plan: Plan, counts: Tally, elapsed: float) -> list[Completion]:
    rows = []
    for level in (Level.district, Level.commune):
        cell = item_target(item, level)
        target = numeric_target(item, level)
        achieved = counts.achieved(item.id, levels=[level])
        rows.append(
            _completion(
                item.id,
                item.unit,
                target,
                achieved,
                elapsed,
                plan.pace,
                level=level.value,
                target_text=cell.text if cell else None,
            )
        )
    return rows


def _item_commune(item: Item, plan: Plan, counts: Tally, elapsed: float, commune: Commune) -> Completion:
    target = commune.allocation.items.get(item.id)
    levels = [Level.commune] if target is not None else [Level.district, Level.commune]
    achieved = counts.achieved(item.id, [commune.id], levels)
    cell = item_target(item, Level.commune)
    return _completion(
        item.id,
        item.unit,
        target,
        achieved,
        elapsed,
        plan.pace,
        level="commune" if target is not None else "all",
        target_text=cell.text if cell else None,
    )
