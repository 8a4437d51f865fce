"""The plan's fixed vocabularies, and the walk over its items, without pydantic.

They live apart from :mod:`trabong_d8.models` so that what needs only them (the completion maths, the
status view, a cached data set) starts without paying for pydantic; ``models`` re-exports them.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class CoreTargetId(str, Enum):
    """The seven core targets of section II, with the ids fixed by the domain notes."""

    livelihood_groups = "livelihood_groups"
    policy_dialogues = "policy_dialogues"
    change_leader_clubs = "change_leader_clubs"
    trusted_addresses = "trusted_addresses"
    safe_birth_outreach = "safe_birth_outreach"
    gender_me_classes = "gender_me_classes"
    mainstreaming_classes = "mainstreaming_classes"


class Level(str, Enum):
    district = "district"
    commune = "commune"


class EntityKind(str, Enum):
    communication_team = "communication_team"
    trusted_address = "trusted_address"
    change_leader_club = "change_leader_club"
    livelihood_group = "livelihood_group"


def plan_items(plan: Any) -> list[Any]:
    """Every item of ``plan``'s activity table in order, parents before their sub-items (for a
    validated plan and for its cached snapshot alike)."""
    found: list[Any] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            found.append(item)
            walk(item.sub_items)

    for content in plan.activity_table.contents:
        walk(content.items)
        for activity in content.activities:
            walk(activity.items)
    return found
