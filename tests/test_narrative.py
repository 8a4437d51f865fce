"""The types of a period's narrative (``narrative``)."""

from __future__ import annotations

import dataclasses

from trabong_d8.document import YamlDocument
from trabong_d8.narrative import NARRATIVE_PARTS, PeriodNarrative
from trabong_d8.validation import validate_document
from trabong_d8.yamlio import parse_text


def test_every_part_is_a_field() -> None:
    fields = {f.name for f in dataclasses.fields(PeriodNarrative)}
    assert set(NARRATIVE_PARTS) <= fields


def test_a_part_is_text_or_points_and_all_are_optional() -> None:
    text = "schema_version: 1\nsummary: |\n  Một đoạn.\ndifficulties:\n  - Ý một\n  - Ý hai\n"
    narrative = validate_document(parse_text(text, YamlDocument("2024-Q3.yaml")), PeriodNarrative)
    assert narrative is not None
    assert narrative.summary == "Một đoạn.\n" and narrative.difficulties == ("Ý một", "Ý hai")
    assert narrative.causes is None and narrative.signer is None


def test_a_number_where_words_are_expected_is_one_problem() -> None:
    doc = parse_text("schema_version: 1\nsummary: 12\n", YamlDocument("2024-Q3.yaml"))
    assert validate_document(doc, PeriodNarrative) is None
    assert [p.code for p in doc.problems] == ["expected-narrative"]
