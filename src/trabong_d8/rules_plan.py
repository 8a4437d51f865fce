"""Rules about one plan file on its own: its items, its core targets, its year.

Each function takes the plan's index and its parsed file and returns located problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from .document import YamlDocument
from .fields import Level
from .layout import plan_year_of
from .planindex import MAX_DEPTH, PlanIndex
from .problems import Problem
from .rulebase import problem
from .yamlio import locate


def duplicate_ids(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """Two items, or two core targets, with one id."""
    for entry in plan.items:
        first = plan.by_id[entry.id]
        if first is not entry:
            line = locate(doc, (*first.path, "id")).line
            yield problem(doc, (*entry.path, "id"), "plan-duplicate-id", id=entry.id, first_line=line)
    seen: dict[str, int] = {}
    for t, core in enumerate(plan.core_targets):
        if core.id in seen:
            line = locate(doc, ("core_targets", seen[core.id], "id")).line
            yield problem(doc, ("core_targets", t, "id"), "plan-duplicate-id", id=core.id, first_line=line)
        else:
            seen[core.id] = t


def target_wording(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """A target cell worded as the plan never words one."""
    for entry in plan.items:
        for level in Level:
            text = getattr(entry.item, level.value)
            if text is not None and entry.cell(level) is None:
                yield problem(doc, (*entry.path, level.value), "plan-target-wording", value=text)


def item_shape(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """An item with sub-items carries no targets; a leaf carries both; ``entity_kind`` goes with
    ``counts: entities``."""
    for entry in plan.items:
        item = entry.item
        if item.sub_items:
            if item.district is not None or item.commune is not None:
                yield problem(doc, entry.path, "item-parent-targets")
        elif item.district is None or item.commune is None:
            yield problem(doc, entry.path, "item-missing-targets")
        if (item.counts == "entities") != (item.entity_kind is not None):
            yield problem(doc, entry.path, "item-entity-kind")


def item_depth(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """An item deeper than an item's sub-items (see ``planindex.MAX_DEPTH``)."""
    for entry in plan.items:
        if entry.depth == MAX_DEPTH and entry.item.sub_items:
            yield problem(doc, (*entry.path, "sub_items"), "item-too-deep", id=entry.id)


def content_shape(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """A content has either activities or items of its own."""
    for c, content in enumerate(plan.plan.activity_table.contents):
        if bool(content.activities) == bool(content.items):
            yield problem(doc, ("activity_table", "contents", c), "content-shape")


def core_target_shape(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """A ratio target counts from no item; a count target needs items; a plan has one ratio target
    at most."""
    first_ratio: str | None = None
    for t, core in enumerate(plan.core_targets):
        path = ("core_targets", t)
        if core.measure == "ratio":
            if core.counts_from:
                yield problem(doc, path, "ratio-target-items")
            if first_ratio is None:
                first_ratio = core.id
            else:
                yield problem(doc, (*path, "measure"), "ratio-target-twice", id=core.id, first=first_ratio)
        elif not core.counts_from:
            yield problem(doc, path, "count-target-items")


def ratio_target(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """A ratio target above 100 %."""
    for t, core in enumerate(plan.core_targets):
        if core.measure == "ratio" and core.target > 100:
            yield problem(doc, ("core_targets", t, "target"), "percent-over-100", value=core.target)


def core_target_items(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """A core target counts from items that exist, are leaves, and add up to it."""
    for t, core in enumerate(plan.core_targets):
        path = ("core_targets", t)
        total = 0
        resolved = True
        for n, item_id in enumerate(core.counts_from):
            leaf = plan.leaf(item_id)
            if leaf is None:
                yield problem(doc, (*path, "counts_from", n), "plan-unknown-item", id=item_id)
                resolved = False
                continue
            total += leaf.total()
        if core.measure == "count" and core.counts_from and resolved and total != core.target:
            items = ", ".join(core.counts_from)
            yield problem(
                doc,
                (*path, "target"),
                "plan-target-mismatch",
                id=core.id,
                target=core.target,
                items=items,
                total=total,
            )


def pace(plan: PlanIndex, doc: YamlDocument) -> Iterator[Problem]:
    """The plan year ends after it starts, in the year its file is named after; at_risk ≤ on_track."""
    pace = plan.pace
    if pace.end <= pace.start:
        yield problem(doc, ("pace",), "pace-dates")
    if pace.at_risk > pace.on_track:
        yield problem(doc, ("pace",), "pace-order")
    name = os.path.basename(doc.path)
    file_year = plan_year_of(name)
    if file_year is not None and file_year != pace.start.year:
        yield problem(
            doc,
            ("pace", "start"),
            "plan-year-mismatch",
            name=name,
            file_year=file_year,
            start=pace.start.isoformat(),
        )
