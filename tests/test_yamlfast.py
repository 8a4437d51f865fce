"""The fast YAML path builds exactly what the exact path builds, with libyaml and without it.

Both paths resolve scalars with the one resolver of ``yamlscalar``; here the two builders are fed
the same texts (a list of tricky ones, every shipped file, and texts made at random by hypothesis)
and must agree: where the fast builder gives a value, the exact one gives the same value, of the
same types, and no error; where the fast builder stops (``Bail``) or the parser refuses the text,
the exact path reports a located problem. Any other exception of the fast builder fails the test:
it is never hidden by falling back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from trabong_d8 import yamlfast, yamlio
from trabong_d8.document import YamlDocument
from trabong_d8.yamlio import locate, parse_text

from .helpers import EXAMPLE, ROOT, load

SHIPPED = sorted([*ROOT.glob("data/**/*.yaml"), *ROOT.glob("examples/**/*.yaml")])

TRICKY = [
    "",
    "---\n",
    "a: 1\n",
    "just text\n",
    "- 1\n- [2, 3]\n- {a: b}\n",
    "a: {b: [1, 2.5, -3, +4, .5, 1e3, 074, 10:30, no, ~, null, True, 'true', \"x\"]}\n",
    "k: |\n  line\n  two\n",
    "'quoted key': 1\n\"1\": 2\n3: x\n",
    "cafe\u0301: Tra\u0300 Bu\u0300i\n",  # NFD keys and values become NFC
    "<<: 1\n",
    "'<<': 1\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: ! 1\n",
    "? [a]\n: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    "a:\n\t- 1\n",
    "a: 'unclosed\n",
    "a: 1\n b: 2\n",
    "x: " + "9" * 5000 + "\n",
    "title: Đợt #2\n",  # a value cut by a one-space comment: a warning, from the exact path
    "kind: xa  # xã\n",
    'title: "Đợt #2"\n',
]


def exact(text: str) -> YamlDocument:
    return yamlio._exact_parse(text, YamlDocument("t.yaml"))


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in (k, *_leaves(v))]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


def agree(text: str) -> None:
    """The two builders agree on ``text`` (see the module docstring)."""
    try:
        expected = exact(text)
    except ValueError:  # what the exact path does with it, the fast path must do too
        with pytest.raises(ValueError):
            yamlfast.fast_build(text)
        return
    try:
        value: Any = yamlfast.fast_build(text)
    except (yamlfast.Bail, yaml.YAMLError):
        assert expected.problems, f"the fast path stopped on {text!r}, the exact path found nothing"
        return
    assert [p for p in expected.problems if p.is_error] == [], text
    assert value == expected.value
    assert [type(v) for v in _leaves(value)] == [type(v) for v in _leaves(expected.value)]


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure-python":  # as where PyYAML was built without libyaml
        monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
        monkeypatch.setattr(yamlfast, "EventSource", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml here")
    return str(request.param)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts(text: str, parser: str) -> None:
    agree(text)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files(path: Path, parser: str) -> None:
    text = path.read_text(encoding="utf-8")
    agree(text)
    # and the whole reader: the fast path's value, the exact path's problems and positions
    fast = parse_text(text, YamlDocument("t.yaml"))
    assert fast.value == exact(text).value


_FRAGMENTS = st.sampled_from(
    [
        "a",
        "b",
        "id",
        "title",
        ":",
        ": ",
        " ",
        "  ",
        "\n",
        "\n  ",
        "\n- ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        '"',
        "#",
        " #",
        "&x ",
        "*x",
        "!!str ",
        "<<",
        "? ",
        "---\n",
        "|\n  ",
        ">\n  ",
        "\t",
        "0",
        "074",
        "12",
        "-3",
        "+4",
        "1.5",
        ".5",
        "1e3",
        "10:30",
        "no",
        "true",
        "null",
        "~",
        "",
        "Trà Bùi",
        "cafe\u0301",
        "\u00a0",
        "2024-03-08",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=30).map("".join))
def test_random_texts(text: str) -> None:
    agree(text)


def test_clean_files_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = yamlio._exact_parse
    monkeypatch.setattr(yamlio, "_exact_parse", lambda text, doc: calls.append(doc.path) or real(text, doc))
    doc = yamlio.read_yaml(ROOT / "data" / "plan_2024.yaml")
    assert calls == [] and doc.value["schema_version"] == 1
    locate(doc, ("document", "title"))  # a position asked for: the exact path, once
    locate(doc, ("document", "year"))
    assert len(calls) == 1


def test_a_fault_of_the_fast_path_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> object:
        raise KeyError("a bug")

    monkeypatch.setattr(yamlio, "fast_build", broken)
    with pytest.raises(KeyError):
        parse_text("a: 1\n", YamlDocument("t.yaml"))


def test_whole_folder_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    with_c = load(EXAMPLE)
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    monkeypatch.setattr(yamlfast, "EventSource", yaml.SafeLoader)
    pure = load(EXAMPLE)
    assert pure.problems == with_c.problems
    assert pure.dataset is not None and with_c.dataset is not None
    assert pure.dataset.communes == with_c.dataset.communes
    assert pure.dataset.plans == with_c.dataset.plans
