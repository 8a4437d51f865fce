"""One index of a plan's activity table, built once and read by every part that walks the items.

The table is contents (``Nội dung``) → activities (``Hoạt động``, absent in a content without them)
→ numbered items → dash sub-items. :func:`build_index` walks it once, to any depth, and records for
every item its place in the plan (content, activity, number as printed, parent), its depth, its key
path in the plan file (for messages) and what its two target cells mean. Records and entities stand
on *leaf* items only.

The allowed depth is an item and one level of sub-items (:data:`MAX_DEPTH`): the plan's table has
no deeper lines. The index still lists a deeper item, so that the rule ``item-too-deep`` can point
at it; a data set with such an item does not load, so no later command ever sees one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum

from .fields import Level
from .frozen import Frozen, frozen
from .plan import Activity, Content, CoreTarget, Item, Pace, Plan

#: 0 = an item of an activity (or of a content without activities), 1 = a dash sub-item
MAX_DEPTH = 1


class TargetKind(str, Enum):
    number = "number"  # "02", "4", "19"
    none = "none"  # "0": nothing planned at that level this year
    responsibility = "responsibility"  # "Huyện", "Xã", "Địa phương thực hiện", "Tại địa phương"
    discretionary = "discretionary"  # "Tùy (vào) tình hình thực tế tại địa phương"


_RESPONSIBILITY = frozenset({"huyện", "xã", "địa phương thực hiện", "tại địa phương"})
_DISCRETIONARY = frozenset(
    {"tùy tình hình thực tế tại địa phương", "tùy vào tình hình thực tế tại địa phương"}
)


@frozen
class TargetCell(Frozen):
    """A target cell of the activity table: the text as written and what it means."""

    text: str
    kind: TargetKind
    value: int | None  # the number for kind ``number`` (and 0 for ``none``)


def classify_target(text: str) -> TargetCell | None:
    """What a cell of the table means; ``None`` for wording the plan does not use."""
    stripped = " ".join(text.split())
    if stripped.isdigit() and stripped.isascii():
        value = int(stripped)
        return TargetCell(text=text, kind=TargetKind.number if value else TargetKind.none, value=value)
    folded = stripped.casefold()
    if folded in _RESPONSIBILITY:
        return TargetCell(text=text, kind=TargetKind.responsibility, value=None)
    if folded in _DISCRETIONARY:
        return TargetCell(text=text, kind=TargetKind.discretionary, value=None)
    return None


@frozen
class IndexedItem(Frozen):
    """An item of the table with everything the rest of ``d8`` asks about it."""

    item: Item
    content: Content
    activity: Activity | None
    parent: Item | None
    depth: int
    #: the key path of the item in the plan file, e.g. ("activity_table", "contents", 0, …)
    path: tuple[str | int, ...]
    district: TargetCell | None
    commune: TargetCell | None

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def is_leaf(self) -> bool:
        return not self.item.sub_items

    def cell(self, level: Level) -> TargetCell | None:
        """What the plan's cell at ``level`` means (``None`` when absent or not recognised)."""
        return self.district if level is Level.district else self.commune

    def numeric(self, level: Level) -> int | None:
        """The item's number at ``level``, or ``None`` when its target there is not a number."""
        cell = self.cell(level)
        return cell.value if cell is not None and cell.kind is TargetKind.number else None

    def total(self) -> int:
        """The numbered targets of both levels together."""
        return (self.numeric(Level.district) or 0) + (self.numeric(Level.commune) or 0)


@frozen
class PlanIndex(Frozen):
    """A plan with its items indexed (see the module docstring)."""

    plan: Plan
    #: every item in table order, parents before their sub-items
    items: tuple[IndexedItem, ...]
    #: the items records stand on, in table order
    leaves: tuple[IndexedItem, ...]
    #: each id's first item (a repeated id is the rule ``plan-duplicate-id``'s to report)
    by_id: Mapping[str, IndexedItem]

    @property
    def year(self) -> int:
        return self.plan.year

    @property
    def pace(self) -> Pace:
        return self.plan.pace

    @property
    def start(self) -> dt.date:
        return self.plan.pace.start

    @property
    def end(self) -> dt.date:
        return self.plan.pace.end

    @property
    def core_targets(self) -> tuple[CoreTarget, ...]:
        return self.plan.core_targets

    def covers(self, day: dt.date) -> bool:
        return self.plan.covers(day)

    def item(self, item_id: str) -> IndexedItem | None:
        return self.by_id.get(item_id)

    def leaf(self, item_id: str) -> IndexedItem | None:
        found = self.by_id.get(item_id)
        return found if found is not None and found.is_leaf else None


def _cell(text: str | None) -> TargetCell | None:
    return classify_target(text) if text is not None else None


def build_index(plan: Plan) -> PlanIndex:
    """Walk ``plan``'s activity table once (see the module docstring)."""
    found: list[IndexedItem] = []

    def walk(
        items: tuple[Item, ...],
        prefix: tuple[str | int, ...],
        content: Content,
        activity: Activity | None,
        parent: Item | None,
        depth: int,
    ) -> None:
        for i, item in enumerate(items):
            path = (*prefix, i)
            found.append(
                IndexedItem(
                    item=item,
                    content=content,
                    activity=activity,
                    parent=parent,
                    depth=depth,
                    path=path,
                    district=_cell(item.district),
                    commune=_cell(item.commune),
                )
            )
            walk(item.sub_items, (*path, "sub_items"), content, activity, item, depth + 1)

    for c, content in enumerate(plan.activity_table.contents):
        base: tuple[str | int, ...] = ("activity_table", "contents", c)
        walk(content.items, (*base, "items"), content, None, None, 0)
        for a, activity in enumerate(content.activities):
            walk(activity.items, (*base, "activities", a, "items"), content, activity, None, 0)
    by_id: dict[str, IndexedItem] = {}
    for entry in found:
        by_id.setdefault(entry.id, entry)
    return PlanIndex(
        plan=plan,
        items=tuple(found),
        leaves=tuple(entry for entry in found if entry.is_leaf),
        by_id=by_id,
    )
