"""From pydantic's errors to the project's located problems (``validation``)."""

from __future__ import annotations

from trabong_d8.commune import Commune
from trabong_d8.document import YamlDocument
from trabong_d8.validation import validate_document
from trabong_d8.yamlio import MAX_PROBLEMS_PER_FILE, parse_text

HEAD = "schema_version: 1\nid: tra-xuan\nname: Trà Xuân\nkind: thi_tran\ncode: null\n"


def problems(text: str) -> list[tuple[str, int, int, dict]]:  # type: ignore[type-arg]
    doc = parse_text(text, YamlDocument("t.yaml"))
    assert validate_document(doc, Commune) is None
    return [(p.code, p.location.line, p.location.column, p.params) for p in doc.problems]


def test_an_unknown_key_inside_a_year_s_allocation_is_suggested_its_name() -> None:
    text = HEAD + 'allocations:\n  "2024":\n    sorce: estimate\n'
    [(code, line, column, params), *rest] = problems(text)
    assert (code, line, column, params["suggestion"]) == ("unknown-key", 8, 5, "source")
    assert params["allowed"] == "source, note, items, safe_birth_target_group"
    assert rest == []  # the missing 'source' it was meant to be is not said again


def test_lists_and_mappings_of_the_wrong_kind() -> None:
    # a container in the wrong place is pointed at by its key
    assert problems(HEAD + "records: {a: 1}\n")[0][:3] == ("expected-list", 6, 1)
    assert problems(HEAD + "records:\n  - 12\n")[0][:3] == ("expected-mapping", 7, 5)


def test_a_file_full_of_shape_problems_stops_at_the_limit() -> None:
    text = (
        HEAD + "records:\n" + "  - {date: 2024-02-30, item: nd3.hd1.6, organiser: commune, title: t}\n" * 150
    )
    found = problems(text)
    assert len(found) == MAX_PROBLEMS_PER_FILE + 1 and found[-1][0] == "too-many-problems"


def test_a_valid_file_is_released_once_its_data_is_built() -> None:
    doc = parse_text(HEAD, YamlDocument("t.yaml"))
    commune = validate_document(doc, Commune)
    assert commune is not None and commune.id == "tra-xuan"
    assert (doc.value, doc.released) == (None, True)
