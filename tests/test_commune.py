"""The types of a commune file (``commune``): allocations by plan year, entities with events."""

from __future__ import annotations

import datetime as dt

import pytest

from trabong_d8.commune import Commune, EntityEvent
from trabong_d8.validation import adapter

BASE = {"schema_version": 1, "id": "tra-bui", "name": "Trà Bùi", "kind": "xa", "code": None}


def test_an_allocation_per_plan_year() -> None:
    commune = adapter(Commune).validate_python(
        {
            **BASE,
            "allocations": {
                "2024": {"source": "estimate", "items": {"nd3.hd1.2": 1}},
                "2025": {"source": "estimate"},
            },
        }
    )
    assert commune.allocation_for(2024).items == {"nd3.hd1.2": 1}
    assert commune.allocation_for(2025).items == {}
    assert commune.allocation_for(2026) is None


def test_an_entity_with_its_history() -> None:
    entity = {
        "id": "clb-1", "kind": "change_leader_club", "item": "nd3.hd2.2", "name": "CLB", "village": "THCS",
        "organiser": "district", "members": {"total": 20},
        "events": [
            {"date": "2024-05-17", "action": "founded"},
            {"date": "2025-03-12", "action": "strengthened", "organiser": "commune", "notes": "Củng cố"},
        ],
    }  # fmt: skip
    [club] = adapter(Commune).validate_python({**BASE, "entities": [entity]}).entities
    assert club.events[0] == EntityEvent(date=dt.date(2024, 5, 17), action="founded")
    assert (club.events[1].organiser.value, club.events[1].item, club.events[1].notes) == (
        "commune",
        None,
        "Củng cố",
    )


@pytest.mark.parametrize(
    ("allocations", "code"),
    [
        ({"24": {"source": "estimate"}}, "string_pattern_mismatch"),
        ({"2024": {"source": "guess"}}, "literal_error"),
    ],
)
def test_a_year_key_and_its_allocation_are_checked(allocations: dict, code: str) -> None:  # type: ignore[type-arg]
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        adapter(Commune).validate_python({**BASE, "allocations": allocations})
    assert [e["type"] for e in caught.value.errors()] == [code]
