"""The types of a plan file (``plan``): its year, its days, and its shape checked by validation."""

from __future__ import annotations

import datetime as dt

import pytest

from trabong_d8.document import YamlDocument
from trabong_d8.plan import Plan
from trabong_d8.validation import validate_document
from trabong_d8.yamlio import read_yaml

from .helpers import EXAMPLE_YEARS, ROOT


@pytest.fixture(scope="module")
def plans() -> dict[int, Plan]:
    found = {}
    for path in (ROOT / "data" / "plan_2024.yaml", EXAMPLE_YEARS / "plan_2025.yaml"):
        plan = validate_document(read_yaml(path), Plan)
        assert plan is not None
        found[plan.year] = plan
    return found


def test_a_plan_covers_its_year(plans: dict[int, Plan]) -> None:
    plan = plans[2024]
    assert plan.year == 2024
    assert plan.covers(dt.date(2024, 1, 1)) and plan.covers(dt.date(2024, 12, 31))
    assert not plan.covers(dt.date(2025, 1, 1))


def test_core_targets_are_the_plan_s_own(plans: dict[int, Plan]) -> None:
    assert len(plans[2024].core_targets) == 7
    ids_2025 = [t.id for t in plans[2025].core_targets]
    assert "communication_teams" in ids_2025 and len(ids_2025) == 8
    assert plans[2025].core_targets[0].unit_label is not None


def test_a_target_id_is_lower_case_words() -> None:
    from trabong_d8.yamlio import parse_text

    text = (
        (ROOT / "data" / "plan_2024.yaml")
        .read_text("utf-8")
        .replace("- id: policy_dialogues", "- id: Policy-Dialogues")
    )
    doc = parse_text(text, YamlDocument("plan_2024.yaml"))
    assert validate_document(doc, Plan) is None
    assert [(p.code, p.params["pattern_help"]) for p in doc.problems] == [("bad-id", "target_help")]
