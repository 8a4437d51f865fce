"""What a period's summary report says, as plain values: no files, no Jinja, no language.

:func:`build_report` takes a loaded :class:`~trabong_d8.dataset.Dataset`, the plan of the period's
year, a :class:`~trabong_d8.periods.Period` and the provenance of the data, and returns a
:class:`Report` that the templates render (see :mod:`trabong_d8.render`). Every figure comes from
:func:`~trabong_d8.progress.compute_status`:

* **cumulative** figures are ``compute_status`` as of the period's last day, i.e. exactly what
  ``d8 status --as-of <last day> --json`` prints;
* **done in the period** is that minus the same figure as of the day before the period starts (for
  the ratio target: women reached in the period);
* the **pace mark** is where an even spread over the plan year would stand at the period's end:
  ``elapsed share × target``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .commune import Commune, Participants
from .dataset import Dataset
from .fields import Level
from .layout import NARRATIVES_DIR, display_path
from .narrative import PeriodNarrative
from .periods import Period
from .plan import Content, CoreTarget, Item, Plan
from .planindex import PlanIndex
from .progress import Completion, StatusReport, compute_status, round_half_up, tidy
from .provenance import Provenance

BREAKDOWNS = ("total", "women", "men", "ethnic_minority", "children", "girls")


@dataclass(frozen=True)
class TargetLine:
    """One core target: as it stood before the period, at its end, and what the period added."""

    target: CoreTarget
    before: Completion  # as of the day before the period starts
    now: Completion  # as of the period's last day (the figures of ``d8 status``)
    in_period: float  # achieved in the period; for the ratio target, women reached in the period
    expected: float  # the pace mark: elapsed share of the year × target

    @property
    def is_ratio(self) -> bool:
        return self.target.measure == "ratio"


@dataclass(frozen=True)
class Entry:
    """A record, or an entity's event (founded or strengthened), dated inside the period."""

    date: dt.date
    commune: Commune
    title: str
    organiser: Level
    village: str | None
    count: int
    participants: Participants | None
    evidence: tuple[str, ...]
    notes: str | None = None
    entity_action: str | None = None  # "founded" / "strengthened" for an entity's event
    safe_birth_reached: int | None = None


@dataclass(frozen=True)
class ItemGroup:
    item: Item
    entries: list[Entry]


@dataclass(frozen=True)
class ActivityGroup:
    heading: str | None  # "Hoạt động 1"; None for a content's own items
    title: str | None
    items: list[ItemGroup]


@dataclass(frozen=True)
class ContentGroup:
    content: Content
    activities: list[ActivityGroup]

    @property
    def entries(self) -> int:
        return sum(len(i.entries) for a in self.activities for i in a.items)


@dataclass(frozen=True)
class CommuneRow:
    commune: Commune
    #: per commune-level core target, in the order of ``Report.commune_targets``
    now: list[Completion]
    in_period: list[float]


@dataclass
class ParticipantRow:
    """Participants of the period's records, summed; ``None`` breakdowns are not guessed."""

    content: Content | None  # None for the total row
    records: int = 0
    without_participants: int = 0
    sums: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BREAKDOWNS, 0))
    #: records that gave each breakdown (a sum over fewer records than ``records`` is partial)
    given: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BREAKDOWNS, 0))

    def add(self, people: Participants | None) -> None:
        self.records += 1
        if people is None:
            self.without_participants += 1
            return
        for key in BREAKDOWNS:
            value = getattr(people, key)
            if value is not None:
                self.sums[key] += value
                self.given[key] += 1

    def partial(self, key: str) -> bool:
        """Some, but not all, of the records with participants gave this breakdown."""
        return 0 < self.given[key] < self.records - self.without_participants


@dataclass(frozen=True)
class Report:
    period: Period
    plan: Plan
    provenance: Provenance
    status: StatusReport  # compute_status as of the period's end: the cumulative figures
    targets: list[TargetLine]
    contents: list[ContentGroup]
    commune_targets: list[CoreTarget]
    communes: list[CommuneRow]
    participants: list[ParticipantRow]  # one per content with records, then the total
    narrative: PeriodNarrative | None
    narrative_path: str  # where the coordinator writes it, relative to the data folder

    @property
    def as_of(self) -> dt.date:
        return self.period.end

    @property
    def entries(self) -> int:
        return sum(group.entries for group in self.contents)

    @property
    def period_over(self) -> bool:
        return self.provenance.generated_on > self.period.end

    def narrative_part(self, name: str) -> list[str] | None:
        """A narrative part as paragraphs (a text split at blank lines) or points (a list)."""
        value = getattr(self.narrative, name, None) if self.narrative else None
        if value is None:
            return None
        if isinstance(value, tuple):
            return list(value)
        return [p.strip("\n") for p in _paragraphs(value)]

    def narrative_is_list(self, name: str) -> bool:
        return self.narrative is not None and isinstance(getattr(self.narrative, name), tuple)


def _paragraphs(text: str) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def build_report(dataset: Dataset, plan: PlanIndex, period: Period, provenance: Provenance) -> Report:
    """Everything the report shows for ``period`` of ``plan`` (see the module docstring)."""
    communes = dataset.communes
    day_before = period.start - dt.timedelta(days=1)
    now = compute_status(plan, communes, period.end)
    before = compute_status(plan, communes, day_before)
    targets = [
        _target_line(ct, b, n, now.elapsed)
        for ct, b, n in zip(plan.core_targets, before.targets, now.targets, strict=True)
    ]
    commune_targets, rows = _commune_rows(plan, communes, period, day_before)
    return Report(
        period=period,
        plan=plan.plan,
        provenance=provenance,
        status=now,
        targets=targets,
        contents=_contents(plan, communes, period),
        commune_targets=commune_targets,
        communes=rows,
        participants=_participants(plan, communes, period),
        narrative=dataset.narratives.get(period.id),
        narrative_path=display_path(dataset.root / NARRATIVES_DIR / f"{period.id}.yaml"),
    )


def _target_line(ct: CoreTarget, before: Completion, now: Completion, elapsed: float) -> TargetLine:
    if ct.measure == "ratio":
        in_period = float((now.numerator or 0) - (before.numerator or 0))
    else:
        in_period = now.achieved - before.achieved
    expected = tidy(round_half_up(elapsed * ct.target))
    return TargetLine(ct, before, now, tidy(in_period), expected)


def _commune_rows(
    plan: PlanIndex, communes: Iterable[Commune], period: Period, day_before: dt.date
) -> tuple[list[CoreTarget], list[CommuneRow]]:
    """Per commune, the core targets that are allocated to communes (a target in some commune)."""
    # a commune's own figures depend on its own file only, so each is computed on its own
    per_commune = [
        (
            commune,
            compute_status(plan, [commune], day_before, commune.id),
            compute_status(plan, [commune], period.end, commune.id),
        )
        for commune in communes
    ]
    chosen = [
        i
        for i, _ in enumerate(plan.core_targets)
        if any(now.targets[i].target is not None for _, _, now in per_commune)
    ]
    rows = []
    for commune, before, now in per_commune:
        cells = [now.targets[i] for i in chosen]
        added = [
            _target_line(plan.core_targets[i], before.targets[i], now.targets[i], now.elapsed).in_period
            for i in chosen
        ]
        rows.append(CommuneRow(commune, cells, added))
    return [plan.core_targets[i] for i in chosen], rows


def _entries_by_item(plan: PlanIndex, communes: Iterable[Commune], period: Period) -> dict[str, list[Entry]]:
    found: dict[str, list[Entry]] = {}
    for commune in communes:
        for record in commune.records:
            if period.contains(record.date):
                found.setdefault(record.item, []).append(
                    Entry(
                        date=record.date,
                        commune=commune,
                        title=record.title,
                        organiser=record.organiser,
                        village=record.village,
                        count=record.count,
                        participants=record.participants,
                        evidence=record.evidence,
                        notes=record.notes,
                        safe_birth_reached=record.safe_birth_reached,
                    )
                )
        for entity in commune.entities:
            first = min(entity.events, key=lambda e: e.date, default=None)
            for event in entity.events:
                if not period.contains(event.date):
                    continue
                # what the entity carries (its evidence, its notes) belongs to its first event
                own = event is first
                found.setdefault(event.item or entity.item, []).append(
                    Entry(
                        date=event.date,
                        commune=commune,
                        title=entity.name,
                        organiser=event.organiser or entity.organiser,
                        village=entity.village,
                        count=1,
                        participants=entity.members,
                        evidence=(*event.evidence, *(entity.evidence if own else ())),
                        notes=event.notes or (entity.notes if own else None),
                        entity_action=event.action,
                    )
                )
    for entries in found.values():
        entries.sort(key=lambda e: (e.date, e.commune.id, e.title, e.entity_action or ""))
    return found


def _contents(plan: PlanIndex, communes: Iterable[Commune], period: Period) -> list[ContentGroup]:
    by_item = _entries_by_item(plan, communes, period)
    groups: dict[tuple[str, str | None], list[ItemGroup]] = {}
    for leaf in plan.leaves:
        if leaf.id in by_item:
            key = (leaf.content.id, leaf.activity.id if leaf.activity else None)
            groups.setdefault(key, []).append(ItemGroup(leaf.item, by_item[leaf.id]))
    contents = []
    for content in plan.plan.activity_table.contents:
        activities = []
        own = groups.get((content.id, None))
        if own:
            activities.append(ActivityGroup(None, None, own))
        for activity in content.activities:
            found = groups.get((content.id, activity.id))
            if found:
                activities.append(ActivityGroup(activity.heading, activity.title, found))
        contents.append(ContentGroup(content, activities))
    return contents


def _participants(plan: PlanIndex, communes: Iterable[Commune], period: Period) -> list[ParticipantRow]:
    rows = {content.id: ParticipantRow(content) for content in plan.plan.activity_table.contents}
    total = ParticipantRow(None)
    for commune in communes:
        for record in commune.records:
            if period.contains(record.date):
                leaf = plan.leaf(record.item)
                if leaf is not None:  # records stand on leaf items only (a rule refuses others)
                    rows[leaf.content.id].add(record.participants)
                total.add(record.participants)
    return [row for row in rows.values() if row.records] + [total]
