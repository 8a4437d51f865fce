"""What every rule shares (``rulebase``): the check's context, and saying where."""

from __future__ import annotations

import datetime as dt

from trabong_d8.rulebase import Context, given, plan_ranges, problem, where, years_text

from .helpers import EXAMPLE, EXAMPLE_YEARS, load


def test_the_context_knows_where_each_entity_is_first_declared() -> None:
    dataset = load(EXAMPLE).dataset
    assert dataset is not None
    ctx = Context(dataset, dt.date(2024, 6, 30))
    doc, path = ctx.entity_ids["clb-thcs-tra-bui"]
    assert doc.path.endswith("tra-bui.yaml") and path == ("entities", 0, "id")
    assert where((doc, path)).endswith("tra-bui.yaml:48:9")
    assert len(ctx.pairs()) == 16
    assert ctx.plan_doc(dataset.plans[0]).path.endswith("plan_2024.yaml")


def test_what_a_file_holds_itself_and_the_plan_years_in_words() -> None:
    dataset = load(EXAMPLE_YEARS).dataset
    assert dataset is not None
    bui = dataset.commune_docs[[c.id for c in dataset.communes].index("tra-bui")]
    assert given(bui, ("allocations",)) and not given(bui, ("allocation",))
    assert plan_ranges(dataset) == "2024-01-01 – 2024-12-31, 2025-01-01 – 2025-12-31"
    assert years_text(dataset) == "2024, 2025"
    found = problem(bui, ("entities", 0, "kind"), "entity-item-kind", item="x")
    assert (found.location.line, found.code, found.params) == (55, "entity-item-kind", {"item": "x"})
