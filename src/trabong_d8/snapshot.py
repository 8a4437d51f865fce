"""Read-only snapshots of validated models, for the parse cache.

A snapshot has the attributes of the model it was taken from (and, for the plan, its ``items()`` and
``leaf_items()``), holding the same values: text, numbers, dates, the enums of :mod:`kinds`, lists,
dicts and further snapshots. Unpickling one needs neither pydantic nor the model classes, which is
what lets a warm ``d8 status`` start in little more than the time Python takes to start.
Code that only reads attributes (completion, the status view, the cross-file checks) takes a
snapshot and a model alike; pydantic's own methods (``model_dump`` …) are not there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .kinds import plan_items


class Snapshot:
    """The attributes of one validated model, frozen."""

    def __init__(self, fields: dict[str, Any]):
        object.__setattr__(self, "__dict__", fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


class PlanSnapshot(Snapshot):
    def items(self) -> list[Any]:
        """Every item in table order, parents before their sub-items."""
        return plan_items(self)

    def leaf_items(self) -> list[Any]:
        return [item for item in self.items() if not item.sub_items]


def freeze(value: Any) -> Any:
    """A snapshot of ``value``: models become snapshots, lists and dicts are copied, the rest kept."""
    from pydantic import BaseModel

    from .models import Plan

    kept = (str, int, float, bool, type(None), dt.date)  # most values: taken as they are, at once

    def walk(node: Any) -> Any:
        kind = type(node)
        if kind in kept:
            return node
        if kind is list:
            return [walk(item) for item in node]
        if kind is dict:
            return {key: walk(item) for key, item in node.items()}
        if isinstance(node, BaseModel):
            cls = PlanSnapshot if kind is Plan else Snapshot
            return cls({name: walk(item) for name, item in node.__dict__.items()})
        return node

    return walk(value)
