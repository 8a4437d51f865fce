"""Completion maths: pure functions of a plan, the communes and a date.

Nothing here reads files, prints or knows about rich or Jinja; every function takes the data's plain
types and returns plain values, so it is tested against figures computed by hand.

The rules
---------
* **The plan year.** Each plan covers its year (``pace.start`` … ``pace.end``); only records and
  entity events dated inside it count toward it, however the data is asked.
* **Achieved.** An *events* item counts the ``count`` of every record against it dated from the plan
  year's start to the as-of date. An *entities* item counts each entity once a plan year: at the
  first of its events that year (founded or strengthened), if that is on or before the date, however
  many events or records it has. Records and entities count at the level of their ``organiser``
  (an event may name its own organiser and item).
* **Core targets.** A count target sums its ``counts_from`` items over both levels. The ratio target
  (safe birth) is women reached ÷ women in the target group, both summed over the communes first
  (never an average of the communes' percentages); ``achieved`` is that share in per cent. A
  commune without a denominator contributes to neither side.
* **Percent** is achieved ÷ target × 100, capped at 100 (``achieved`` keeps the real figure), rounded
  half up to one decimal; ``None`` when the target is not a number.
* **Remaining** is ``max(target − achieved, 0)``.
* **Pace.** ``elapsed`` is the share of the plan year gone by on the as-of date (both ends counted,
  clamped to 0..1). With ``progress = achieved ÷ target``: ``achieved`` when progress ≥ 1; else
  ``not_started`` when nothing is achieved; else ``on_track`` when progress ≥ ``pace.on_track`` ×
  elapsed; ``behind`` when progress ≥ ``pace.at_risk`` × elapsed; otherwise ``at_risk``. The two
  factors (0.9 and 0.5 by default) are set in the plan file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from .commune import Commune, Entity, EntityEvent
from .fields import Level
from .frozen import Frozen, frozen
from .plan import CoreTarget, Pace
from .planindex import IndexedItem, PlanIndex, TargetKind

LEVELS = (Level.district, Level.commune)


class Status(str, Enum):
    achieved = "achieved"
    on_track = "on_track"
    behind = "behind"
    at_risk = "at_risk"
    not_started = "not_started"


# --- small pure pieces ---------------------------------------------------------------------------


def round_half_up(value: float, places: int = 1) -> float:
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def tidy(value: float) -> float:
    """12.0 → 12, so that counts stay whole numbers in JSON and tables."""
    return int(value) if float(value).is_integer() else value


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


def first_event(entity: Entity, start: dt.date, end: dt.date) -> EntityEvent | None:
    """The entity's first event dated from ``start`` to ``end`` (both included), if any."""
    found = None
    for event in entity.events:
        if start <= event.date <= end and (found is None or event.date < found.date):
            found = event
    return found


# --- tallies -------------------------------------------------------------------------------------


def _nested() -> defaultdict[str, defaultdict[Level, int]]:
    return defaultdict(lambda: defaultdict(int))


class Tally:
    """What was done in a window of one plan year: ``done[item][commune][level]``, plus the
    safe-birth counts (reached in the window, and each commune's target group)."""

    def __init__(self) -> None:
        self.done: defaultdict[str, defaultdict[str, defaultdict[Level, int]]] = defaultdict(_nested)
        self.safe_birth_reached: dict[str, int] = {}
        self.safe_birth_group: dict[str, int | None] = {}

    def achieved(
        self, item_id: str, communes: Iterable[str] | None = None, levels: Iterable[Level] = LEVELS
    ) -> int:
        per_commune = self.done.get(item_id)
        if per_commune is None:
            return 0
        chosen = per_commune.keys() if communes is None else communes
        wanted = tuple(levels)
        total = 0
        for commune in chosen:
            levels_done = per_commune.get(commune)
            if levels_done is not None:
                total += sum(levels_done.get(level, 0) for level in wanted)
        return total


def tally(
    index: PlanIndex, communes: Iterable[Commune], as_of: dt.date, since: dt.date | None = None
) -> Tally:
    """Count what was done from ``since`` (default: the plan year's start) to ``as_of``, both
    clamped to the plan year, item by item, commune by commune, level by level."""
    start = max(since, index.start) if since is not None else index.start
    end = min(as_of, index.end)
    result = Tally()
    for commune in communes:
        reached = 0
        for record in commune.records:
            if not start <= record.date <= end:
                continue
            reached += record.safe_birth_reached or 0
            leaf = index.leaf(record.item)
            if leaf is not None and leaf.item.counts == "events":
                result.done[record.item][commune.id][record.organiser] += record.count
        for entity in commune.entities:
            event = first_event(entity, index.start, index.end)
            if event is None or not start <= event.date <= end:
                continue
            item = event.item or entity.item
            result.done[item][commune.id][event.organiser or entity.organiser] += 1
        allocation = commune.allocation_for(index.year)
        result.safe_birth_reached[commune.id] = reached
        result.safe_birth_group[commune.id] = allocation.safe_birth_target_group if allocation else None
    return result


# --- results -------------------------------------------------------------------------------------


@frozen
class Completion(Frozen):
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
    target_kind: TargetKind | None = None  # what that wording means
    numerator: int | None = None  # the ratio target only
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


@frozen
class StatusReport(Frozen):
    plan_year: int
    as_of: dt.date
    elapsed: float
    commune: str | None
    targets: tuple[Completion, ...]
    items: tuple[Completion, ...]
    estimated_allocations: int
    communes: int
    records: int
    entities: int


def compute_status(
    index: PlanIndex, communes: Sequence[Commune], as_of: dt.date, commune: str | None = None
) -> StatusReport:
    """Completion of every core target and every item of ``index``'s plan as of ``as_of``,
    district-wide or for one commune's id."""
    counts = tally(index, communes, as_of)
    elapsed = elapsed_share(index.pace, as_of)
    scope = [c for c in communes if commune is None or c.id == commune]
    if commune is None:
        targets = [_core_district(ct, index, counts, elapsed) for ct in index.core_targets]
        items = [row for leaf in index.leaves for row in _item_rows(leaf, index, counts, elapsed)]
    elif not scope:
        raise ValueError(f"no commune with id {commune!r}")
    else:
        only = scope[0]
        targets = [_core_commune(ct, index, counts, elapsed, only) for ct in index.core_targets]
        items = [_item_commune(leaf, index, counts, elapsed, only) for leaf in index.leaves]
    start, end = index.start, min(as_of, index.end)
    return StatusReport(
        plan_year=index.year,
        as_of=as_of,
        elapsed=elapsed,
        commune=commune,
        targets=tuple(targets),
        items=tuple(items),
        estimated_allocations=sum(1 for c in communes if not _official(c, index.year)),
        communes=len(communes),
        records=sum(1 for c in scope for r in c.records if start <= r.date <= end),
        entities=sum(1 for c in scope for e in c.entities if _counts_by(e, index, end)),
    )


def _official(commune: Commune, year: int) -> bool:
    allocation = commune.allocation_for(year)
    return allocation is not None and allocation.source == "official_appendix"


def _counts_by(entity: Entity, index: PlanIndex, end: dt.date) -> bool:
    event = first_event(entity, index.start, index.end)
    return event is not None and event.date <= end


def _ratio(ct: CoreTarget, counts: Tally, elapsed: float, pace: Pace, ids: Iterable[str]) -> Completion:
    ids = list(ids)
    denominator = sum(counts.safe_birth_group.get(c) or 0 for c in ids)
    # communes without a denominator cannot contribute a numerator either: the share would lie
    numerator = sum(counts.safe_birth_reached.get(c, 0) for c in ids if counts.safe_birth_group.get(c))
    share = numerator / denominator * 100 if denominator else 0.0
    target = ct.target if denominator else None
    return _completion(
        ct.id, "percent", target, share, elapsed, pace, numerator=numerator, denominator=denominator
    )


def _core_district(ct: CoreTarget, index: PlanIndex, counts: Tally, elapsed: float) -> Completion:
    if ct.measure == "ratio":
        return _ratio(ct, counts, elapsed, index.pace, counts.safe_birth_group)
    achieved = sum(counts.achieved(item_id) for item_id in ct.counts_from)
    return _completion(ct.id, ct.unit, ct.target, achieved, elapsed, index.pace)


def _core_commune(
    ct: CoreTarget, index: PlanIndex, counts: Tally, elapsed: float, commune: Commune
) -> Completion:
    if ct.measure == "ratio":
        return _ratio(ct, counts, elapsed, index.pace, [commune.id])
    allocation = commune.allocation_for(index.year)
    shares = allocation.items if allocation else {}
    allocated = [shares[i] for i in ct.counts_from if i in shares]
    if allocated:
        achieved = sum(counts.achieved(i, [commune.id], [Level.commune]) for i in ct.counts_from)
        return _completion(ct.id, ct.unit, sum(allocated), achieved, elapsed, index.pace)
    achieved = sum(counts.achieved(i, [commune.id]) for i in ct.counts_from)
    return _completion(ct.id, ct.unit, None, achieved, elapsed, index.pace)


def _item_rows(leaf: IndexedItem, index: PlanIndex, counts: Tally, elapsed: float) -> list[Completion]:
    rows = []
    for level in LEVELS:
        cell = leaf.cell(level)
        rows.append(
            _completion(
                leaf.id,
                leaf.item.unit,
                leaf.numeric(level),
                counts.achieved(leaf.id, levels=[level]),
                elapsed,
                index.pace,
                level=level.value,
                target_text=cell.text if cell else None,
                target_kind=cell.kind if cell else None,
            )
        )
    return rows


def _item_commune(
    leaf: IndexedItem, index: PlanIndex, counts: Tally, elapsed: float, commune: Commune
) -> Completion:
    allocation = commune.allocation_for(index.year)
    target = allocation.items.get(leaf.id) if allocation else None
    levels = [Level.commune] if target is not None else list(LEVELS)
    cell = leaf.cell(Level.commune)
    return _completion(
        leaf.id,
        leaf.item.unit,
        target,
        counts.achieved(leaf.id, [commune.id], levels),
        elapsed,
        index.pace,
        level="commune" if target is not None else "all",
        target_text=cell.text if cell else None,
        target_kind=cell.kind if cell else None,
    )
