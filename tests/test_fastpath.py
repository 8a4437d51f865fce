"""The fast YAML path gives exactly what the exact path gives, with libyaml and without it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trabong_d8 import yamlio
from trabong_d8.loader import load_dataset
from trabong_d8.yamlio import YamlDocument, parse_text

from .conftest import ROOT

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
    return yamlio._strict_parse(text, YamlDocument("t.yaml"))


def problems(doc: YamlDocument) -> list[tuple[str, int, int]]:
    return [(p.code, p.location.line, p.location.column) for p in doc.problems]


def same(text: str) -> None:
    try:
        expected = exact(text)
    except ValueError:  # what the exact path does with it, the fast path must do too
        with pytest.raises(ValueError):
            parse_text(text, YamlDocument("t.yaml"))
        return
    got = parse_text(text, YamlDocument("t.yaml"))
    assert got.value == expected.value
    assert [type(v) for v in _leaves(got.value)] == [type(v) for v in _leaves(expected.value)]
    assert problems(got) == problems(expected)
    assert got.positions == expected.positions
    assert got.key_positions == expected.key_positions


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in (k, *_leaves(v))]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v)]
    return [value]


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure-python":  # as where PyYAML was built without libyaml
        monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
        monkeypatch.setattr(yamlio, "_EventSource", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml here")
    return str(request.param)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts(text: str, parser: str) -> None:
    same(text)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_shipped_files(path: Path, parser: str) -> None:
    same(path.read_text(encoding="utf-8"))


def test_clean_files_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = yamlio._strict_parse
    monkeypatch.setattr(yamlio, "_strict_parse", lambda text, doc: calls.append(doc.path) or real(text, doc))
    doc = yamlio.read_yaml(ROOT / "data" / "plan_2024.yaml")
    assert calls == [] and doc.value["schema_version"] == 1
    doc.locate(("document", "title"))  # a position asked for: the exact path, once
    doc.locate(("document", "year"))
    assert len(calls) == 1


def test_whole_folder_without_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    with_c = load_dataset(ROOT / "examples" / "half-year-2024")
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    monkeypatch.setattr(yamlio, "_EventSource", yaml.SafeLoader)
    pure = load_dataset(ROOT / "examples" / "half-year-2024")
    assert pure.problems == with_c.problems
    assert pure.dataset is not None and with_c.dataset is not None
    assert pure.dataset.communes == with_c.dataset.communes
    assert pure.dataset.plan == with_c.dataset.plan
