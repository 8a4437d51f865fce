"""The message catalogues (``messages``, ``lang_vi``, ``lang_en``): complete, named placeholders that
agree between languages, a fallback for a partial catalogue, and every key the code asks for there."""

from __future__ import annotations

import re
import string
import sys
import types
from pathlib import Path

import pytest

from trabong_d8 import lang_en, lang_vi, messages
from trabong_d8.codes import CODES
from trabong_d8.commune import Commune
from trabong_d8.document import YamlDocument
from trabong_d8.messages import problem_message, render_params, word, words
from trabong_d8.problems import Location, Problem
from trabong_d8.validation import validate_document
from trabong_d8.yamlio import parse_text

from .helpers import ROOT

CATALOGUES = {"vi": lang_vi, "en": lang_en}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_code_has_a_message_in_every_language() -> None:
    for lang, catalogue in CATALOGUES.items():
        assert set(catalogue.MESSAGES) == set(CODES), lang
        for code, text in catalogue.MESSAGES.items():
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code
            assert text.strip(), (lang, code)


#: words whose languages name the same thing differently; the report fills in both forms
#: (a quarter is "quý {roman}" in Vietnamese and "the {ordinal} quarter" in English)
_OWN_FORMS = {"period_quarter"}


def test_placeholders_are_named_and_agree_between_languages() -> None:
    for table in ("MESSAGES", "WORDS"):
        vi, en = getattr(lang_vi, table), getattr(lang_en, table)
        assert set(vi) == set(en), table
        for key, text in vi.items():
            if isinstance(text, list):
                continue
            fields = _fields(text)  # raises ValueError on a stray '{'
            assert all(name and not name.isdigit() for name in fields), (key, fields)
            if key not in _OWN_FORMS:
                assert fields == _fields(en[key]), key


def _keys_asked_for() -> set[str]:
    """The word keys the package asks for by name: word("…"), sentence("…"), a usage error's key."""
    found: set[str] = set()
    for path in (ROOT / "src" / "trabong_d8").glob("*.py"):
        text = path.read_text("utf-8")
        found |= set(re.findall(r'\b(?:word|sentence)\(\s*"([a-z_]+)"', text))
        found |= set(re.findall(r'D8Error\.usage\(\s*"([a-z_]+)"', text))
    for path in (ROOT / "templates").glob("*.j2"):
        text = path.read_text("utf-8")
        found |= set(re.findall(r"\bw\.([a-z_]+)", text))
        found |= set(re.findall(r'fill\("([a-z_]+)"', text))
    return found


def test_every_key_the_code_asks_for_is_in_the_catalogues() -> None:
    asked = _keys_asked_for()
    assert len(asked) > 80  # the search itself works
    assert asked - set(lang_vi.WORDS) == set()


def test_a_partial_catalogue_falls_back_to_english_then_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    partial = types.ModuleType("trabong_d8.lang_xx")
    partial.MESSAGES = {"file-missing": "xx: {x}"}  # type: ignore[attr-defined]
    partial.WORDS = {"col_target": "Zielwert"}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trabong_d8.lang_xx", partial)
    monkeypatch.setattr(messages, "LANGS", (*messages.LANGS, "xx"))
    monkeypatch.setattr(messages, "_CATALOGUES", {})
    assert word("col_target", "xx") == "Zielwert"
    assert word("col_done", "xx") == lang_en.WORDS["col_done"]  # not translated yet: English
    problem = Problem(Location("a.yaml"), "communes-missing")
    assert problem_message(problem, "xx") == lang_en.MESSAGES["communes-missing"]
    assert words("xx")["col_target"] == "Zielwert" and words("xx")["col_done"] == lang_en.WORDS["col_done"]
    assert messages.resolve_lang("xx") == "xx"
    # and when English lacks it too (a key only in Vietnamese), Vietnamese
    monkeypatch.setitem(lang_vi.WORDS, "only_vi", "chỉ có tiếng Việt")
    assert word("only_vi", "xx") == "chỉ có tiếng Việt"


def test_an_unknown_language_is_vietnamese() -> None:
    assert messages.resolve_lang("fr") == "vi"
    assert messages.resolve_lang(None) in ("vi", "en")


def _problem_of(yaml_text: str) -> Problem:
    doc = parse_text(yaml_text, YamlDocument("t.yaml"))
    assert validate_document(doc, Commune) is None
    [problem] = doc.problems
    return problem


_HEAD = "schema_version: 1\nid: tra-xuan\nname: Trà Xuân\nkind: thi_tran\ncode: null\n"
_RECORD = "records:\n  - date: 2024-03-08\n    item: nd3.hd1.6\n    organiser: commune\n    title: t\n"
_DOUBLED = re.compile(r"\bthe (decimal|date|id|value|target) the (text|number|boolean)\b")


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        (_HEAD + _RECORD + "    count: 12.5\n", "12.5"),
        (_HEAD + _RECORD + "    count: 0\n", "0"),
        (_HEAD.replace("kind: thi_tran", "kind: thị trấn") + "records: []\n", "thị trấn"),
        (_HEAD + _RECORD.replace("2024-03-08", "2024-02-30"), "2024-02-30"),
        (_HEAD.replace("id: tra-xuan", "id: Trà Bùi") + "records: []\n", "Trà Bùi"),
    ],
)
def test_a_value_is_named_once(text: str, raw: str) -> None:
    message = problem_message(_problem_of(text), "en")
    assert raw in message
    assert not _DOUBLED.search(message), message


def test_special_parameters_are_rendered_in_the_language() -> None:
    params = {"suggestion": "title", "found": [], "level": "district", "value": "x\u00a0"}
    assert render_params(params, "vi") == {
        "suggestion": " (có phải ý bạn là 'title'?)",
        "found": "một danh sách",
        "level": "huyện",
        "value": "'x⟨U+00A0⟩'",
    }
    assert render_params({"suggestion": None, "expected_kind": None}, "en") == {
        "suggestion": "",
        "expected_kind": "",
    }


def test_a_message_never_hides_its_problem_when_a_parameter_is_missing() -> None:
    text = problem_message(Problem(Location("a.yaml"), "unknown-key", {}), "en")
    assert text.startswith("unknown key '{key}'")


def test_words_file_lists_every_word_and_reads_back(tmp_path: Path) -> None:
    from trabong_d8.yamlio import read_yaml

    path = tmp_path / "words.yaml"
    path.write_text(messages.words_file(), "utf-8")
    doc = read_yaml(path)
    assert doc.problems == []
    assert set(doc.value) == set(lang_vi.WORDS)
    assert doc.value["recipients"]["en"] == lang_en.WORDS["recipients"]
