"""The strict YAML reader: values, positions, and every refusal located."""

from __future__ import annotations

import time
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from trabong_d8 import yamlio
from trabong_d8.yamlfile import MAX_FILE_BYTES
from trabong_d8.yamlio import MAX_PROBLEMS_PER_FILE, YamlDocument, locate, parse_text, read_yaml


def parse(text: str) -> YamlDocument:
    return parse_text(text, YamlDocument("t.yaml"))


def codes(doc: YamlDocument) -> list[tuple[str, int, int]]:
    return [(p.code, p.location.line, p.location.column) for p in doc.problems]


def test_quoted_scalars_are_always_text() -> None:
    doc = parse("a: '12'\nb: \"true\"\nc: 'null'\n")
    assert doc.value == {"a": "12", "b": "true", "c": "null"}


def test_positions_of_keys_and_values() -> None:
    doc = parse("a: 1\nrecords:\n  - id: x\n    count: 3\n")
    assert doc.positions is None  # a clean text: the fast path, no positions until asked
    positions, key_positions = yamlio._positions(doc)
    assert positions[("a",)] == (1, 4)
    assert key_positions[("records", 0, "count")] == (4, 5)
    assert positions[("records", 0, "count")] == (4, 12)
    assert str(locate(doc, ("records", 0, "missing"))) == "t.yaml:3:5"
    assert str(locate(doc, ("records",))) == "t.yaml:2:1"


def test_duplicate_keys_are_refused_not_overwritten() -> None:
    doc = parse("a: 1\nb:\n  x: 1\n  x: 2\na: 3\n")
    assert codes(doc) == [("yaml-duplicate-key", 4, 3), ("yaml-duplicate-key", 5, 1)]
    assert doc.problems[0].params == {"key": "x", "first_line": 3}
    assert doc.value == {"a": 1, "b": {"x": 1}}  # the first value is kept, nothing merged


def test_duplicates_in_different_list_entries_are_fine() -> None:
    doc = parse("- id: a\n- id: b\n")
    assert not doc.problems


def test_anchors_aliases_merge_keys_and_tags_are_refused() -> None:
    doc = parse("a: &x 1\nb: *x\nc:\n  <<: {d: 1}\ne: !!python/object/apply:os.system [echo]\n")
    assert [c[0] for c in codes(doc)] == ["yaml-anchor", "yaml-alias", "yaml-merge-key", "yaml-tag"]
    assert codes(doc)[1][1:] == (2, 4)


def test_billion_laughs_is_refused_at_once() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    doc = parse("\n".join(lines) + "\n")
    assert doc.problems and {p.code for p in doc.problems} == {"yaml-anchor", "yaml-alias"}
    # aliases become None: nothing was expanded
    assert doc.value["a9"] == [None] * 9


def test_nfc_normalisation_of_keys_and_values() -> None:
    decomposed = unicodedata.normalize("NFD", "Trà Bồng")
    doc = parse(f"name: {decomposed}\n{decomposed}: 1\n")
    assert doc.value == {"name": "Trà Bồng", "Trà Bồng": 1}


def test_nfd_and_nfc_keys_are_duplicates() -> None:
    doc = parse(f"Trà: 1\n{unicodedata.normalize('NFD', 'Trà')}: 2\n")
    assert [p.code for p in doc.problems] == ["yaml-duplicate-key"]


def test_second_document_is_refused() -> None:
    doc = parse("a: 1\n---\nb: 2\n")
    assert codes(doc) == [("yaml-multiple-documents", 2, 1)]
    assert doc.value == {"a": 1}


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a:\n\tb: 1\n", "yaml-tab", 2, 1),
        ("a: 'x\nb: 2\n", "yaml-unclosed-quote", 3, 1),
        ("a: b: c\n", "yaml-colon-in-value", 1, 5),
        ("a:\n  - x\n  y: 1\n", "yaml-indentation", 3, 3),
        ("a: [1, 2\n", "yaml-unclosed-bracket", 2, 1),
        ("a: @x\n", "yaml-reserved-char", 1, 4),
    ],
)
def test_syntax_errors_are_located(text: str, code: str, line: int, column: int) -> None:
    doc = parse(text)
    assert codes(doc) == [(code, line, column)]
    assert doc.value is None


def _measure(path: Path) -> tuple[YamlDocument, float, int]:
    """Read ``path``; the document, the seconds it took and the peak of Python memory in bytes."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        doc = read_yaml(path, path.name)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return doc, elapsed, peak


def test_billion_laughs_file_is_refused_quickly_and_small(tmp_path: Path) -> None:
    # expanded, this is 9**10 (3.5 billion) strings; read, it is a few hundred bytes
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc, elapsed, peak = _measure(path)
    assert {p.code for p in doc.problems} == {"yaml-anchor", "yaml-alias"}
    assert doc.value["a9"] == [None] * 9  # nothing expanded
    assert elapsed < 2.0  # generous: it takes milliseconds
    assert peak < 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("unit", "code"),
    [("*a,", "yaml-alias"), (None, "yaml-duplicate-key")],
    ids=["aliases", "duplicate-keys"],
)
def test_a_file_full_of_problems_stops_at_the_limit(tmp_path: Path, unit: str | None, code: str) -> None:
    # just under the size limit: ~1.7 million aliases, or ~600,000 repeated keys
    path = tmp_path / "flood.yaml"
    if unit is None:
        body = "k: 1\n" * ((MAX_FILE_BYTES - 100) // 5)
    else:
        body = "a: &a x\nb: [" + unit * ((MAX_FILE_BYTES - 100) // len(unit)) + "*a]\n"
    path.write_text(body, encoding="utf-8")
    assert path.stat().st_size <= MAX_FILE_BYTES
    doc, elapsed, peak = _measure(path)
    assert len(doc.problems) == MAX_PROBLEMS_PER_FILE + 1
    assert doc.problems[-1].code == "too-many-problems"
    assert doc.problems[-1].params == {"limit": MAX_PROBLEMS_PER_FILE}
    assert sum(p.code == code for p in doc.problems) >= MAX_PROBLEMS_PER_FILE - 1
    assert doc.value is None
    # before the limit existed this took ~90 s and 1.3 GB (aliases); reading 5 MiB stays the cost
    assert elapsed < 10.0
    assert peak < 64 * 1024 * 1024


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("title: Đợt #2\n", (1, 12)),
        ("a: 1\r\ntitle: Đợt #2\r\n", (2, 12)),  # Windows line endings
        ("a: 1\rtitle: Đợt #2\r", (2, 12)),  # old Mac line endings: the parser's lines too
        ("ids: [x #y\n  ]\n", (1, 9)),
        ("- x #y\n", (1, 5)),
    ],
)
def test_text_cut_by_a_comment_is_a_warning(text: str, where: tuple[int, int]) -> None:
    doc = parse(text)
    [problem] = doc.problems
    assert (problem.code, problem.location.line, problem.location.column) == ("yaml-comment-in-text", *where)
    assert not problem.is_error


@pytest.mark.parametrize(
    "text",
    ["kind: xa  # xã\n", 'title: "Đợt #2"\n', "title: Đợt#2\n", "count: 3 #2\n", "# a: b #c\n", "a: b\n#c\n"],
)
def test_meant_comments_and_hashes_in_text_are_fine(text: str) -> None:
    assert parse(text).problems == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_lines_are_counted_alike_for_every_newline(tmp_path: Path, newline: str) -> None:
    # an old Mac file ends lines with CR alone: the parser, editors and messages all count it
    lines = ["schema_version: 1", "id: x", "name: Trà", "kind: \x07"]
    doc = parse(newline.join(lines) + newline)
    assert codes(doc) == [("yaml-control-char", 4, 7)]
    path = tmp_path / "legacy.yaml"
    path.write_bytes(newline.join(lines[:3]).replace("Trà", "Tr\xe0").encode("latin-1") + newline.encode())
    assert codes(read_yaml(path)) == [("encoding-not-utf8", 3, 9)]


def test_a_control_character_after_vietnamese_text_is_located_by_characters() -> None:
    # libyaml reports a byte offset; "Trà Bồng" is 8 characters but 12 bytes
    text = "name: Trà Bồng\n" * 30 + "kind: Trà\x07\n"
    assert codes(parse(text)) == [("yaml-control-char", 31, 10)]
