"""A parsed file as plain data (``document``): its value dropped once validated, and stored in the
cache without what can be read again."""

from __future__ import annotations

import pickle
from pathlib import Path

from trabong_d8.document import YamlDocument
from trabong_d8.yamlio import locate, parse_text, read_yaml


def test_release_drops_the_value_of_a_document_that_can_be_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\nb:\n  c: 2\n", "utf-8")
    doc = read_yaml(path, "a.yaml")
    doc.release()
    assert (doc.value, doc.released) == (None, True)
    assert str(locate(doc, ("b", "c"))) == "a.yaml:3:6"  # read again, the value with it
    assert doc.value == {"a": 1, "b": {"c": 2}} and not doc.released


def test_a_document_without_a_source_keeps_its_value() -> None:
    doc = YamlDocument("t.yaml", {"a": 1})
    doc.release()
    assert doc.value == {"a": 1}


def test_the_cache_stores_a_file_s_document_without_value_or_positions(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", "utf-8")
    doc = read_yaml(path, "a.yaml")
    locate(doc, ("a",))
    back = pickle.loads(pickle.dumps(doc))
    assert (back.value, back.positions, back.released) == (None, None, True)
    assert str(locate(back, ("a",))) == "a.yaml:1:4"
    text_doc = parse_text("a: 1\n", YamlDocument("t.yaml"))
    assert pickle.loads(pickle.dumps(text_doc)).value == {"a": 1}
