"""The one index of the plan: every item with its place, parent, depth and target cells; the
allowed depth, and a deeper item refused with a located error (the issue's nested sub-item case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trabong_d8.fields import Level
from trabong_d8.plan import Plan
from trabong_d8.planindex import MAX_DEPTH, TargetKind, build_index, classify_target
from trabong_d8.validation import validate_document
from trabong_d8.yamlio import read_yaml

from .helpers import PLAN, ROOT, XUAN_HEAD, Case, build, found, load, numbered, run


@pytest.fixture(scope="module")
def index():  # type: ignore[no-untyped-def]
    doc = read_yaml(ROOT / "data" / "plan_2024.yaml")
    plan = validate_document(doc, Plan)
    assert plan is not None
    return build_index(plan)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("02", TargetKind.number, 2),
        ("19", TargetKind.number, 19),
        ("0", TargetKind.none, 0),
        ("Huyện", TargetKind.responsibility, None),
        ("xã", TargetKind.responsibility, None),
        ("Xã", TargetKind.responsibility, None),
        ("Địa phương thực hiện", TargetKind.responsibility, None),
        ("Tại địa phương", TargetKind.responsibility, None),
        ("Tùy tình hình thực tế tại địa phương", TargetKind.discretionary, None),
        ("Tùy vào tình hình thực tế tại địa phương", TargetKind.discretionary, None),
    ],
)
def test_classify_target(text: str, kind: TargetKind, value: int | None) -> None:
    cell = classify_target(text)
    assert cell is not None
    assert (cell.kind, cell.value, cell.text) == (kind, value, text)


def test_unknown_wording_is_not_guessed() -> None:
    assert classify_target("hai lớp") is None
    assert classify_target("２") is None  # a full-width digit is not a plan number


def test_every_item_in_table_order_with_its_place(index) -> None:  # type: ignore[no-untyped-def]
    ids = [entry.id for entry in index.items]
    assert len(ids) == 43 and len(set(ids)) == 43
    assert ids[:3] == ["nd1.hd1.1", "nd1.hd1.2", "nd1.hd1.3"]
    assert ids[-2:] == ["nd4.1", "nd4.2"]  # content 4 has no activities: its own items
    parent = index.item("nd2.hd3.4")
    assert (parent.is_leaf, parent.depth, parent.parent) == (False, 0, None)
    sub = index.item("nd2.hd3.4b")
    assert (sub.is_leaf, sub.depth, sub.parent.id, sub.item.number) == (True, 1, "nd2.hd3.4", "-")
    assert (sub.content.heading, sub.activity.heading) == ("Nội dung 2", "Hoạt động 3")
    assert index.item("nd4.2").activity is None
    # the key path of each item in the plan file, for messages
    assert sub.path == ("activity_table", "contents", 1, "activities", 1, "items", 3, "sub_items", 1)


def test_leaves_are_what_records_stand_on(index) -> None:  # type: ignore[no-untyped-def]
    leaves = [entry.id for entry in index.leaves]
    assert "nd2.hd3.4" not in leaves and "nd2.hd3.4a" in leaves
    assert len(leaves) == 42
    assert index.leaf("nd2.hd3.4") is None and index.leaf("nd2.hd3.4a") is not None


def test_target_cells_are_read_once(index) -> None:  # type: ignore[no-untyped-def]
    dialogues = index.item("nd3.hd1.2")
    assert (dialogues.numeric(Level.district), dialogues.numeric(Level.commune), dialogues.total()) == (
        2,
        19,
        21,
    )
    words = index.item("nd3.hd2.7")
    assert (
        words.cell(Level.district).kind is TargetKind.responsibility and words.numeric(Level.district) is None
    )


# --- the allowed depth ---------------------------------------------------------------------------

#: nd2.hd3.4c, the last dash sub-item of nd2.hd3.4 in the fixtures' plan (lines 473-480), given a
#: sub-item of its own in place of its two targets: the case of the issue
_PLAN_LINES = (ROOT / "tests" / "fixtures" / "valid" / "plan_2024.yaml").read_text("utf-8").split("\n")
assert (
    _PLAN_LINES[472] == "                - id: nd2.hd3.4c"
    and _PLAN_LINES[479] == '                  commune: "Xã"'
)
NESTED = "\n".join(
    [
        *_PLAN_LINES[:478],
        "                  sub_items:",
        "                    - id: nd2.hd3.4d",
        '                      number: "-"',
        '                      text: "Một mục con của mục con"',
        "                      label: {vi: Mục con sâu, en: A deeper item}",
        '                      district: "Huyện"',
        '                      commune: "Xã"',
        *_PLAN_LINES[480:],
    ]
)
RECORD_ON_IT = XUAN_HEAD + numbered(
    """
11| records:
12|   - date: 2024-03-08
13|     item: nd2.hd3.4d
14|     organiser: commune
15|     title: Phối hợp liên ngành
""",
    start=11,
)


def test_max_depth_is_an_item_and_its_sub_items() -> None:
    assert MAX_DEPTH == 1


def test_an_item_below_a_sub_item_is_refused_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # before: validate passed, status --items showed it, report exited 3 (KeyError), and a bad
    # target wording on it passed validate
    case = Case({PLAN: NESTED, "data/communes/tra-xuan.yaml": RECORD_ON_IT}, [], en="", vi="")
    data = build(case, tmp_path, monkeypatch)
    result = load(data)
    # at nd2.hd3.4c's sub_items key; nothing about the communes until the plan is sound
    assert found(result.problems) == [("item-too-deep", PLAN, 479, 19)]
    assert result.dataset is None
    checked = run("validate", "--data", "data", "--lang", "en")
    assert checked.exit_code == 1
    assert "error[item-too-deep]: the sub-item 'nd2.hd3.4c' has sub-items of its own" in checked.output
    for command in (["status", "--items"], ["report", "--quarter", "2024-Q1", "-o", "-"]):
        refused = run(*command, "--data", "data")
        assert refused.exit_code == 1, refused.output  # the data's errors, never an internal fault
        assert "item-too-deep" in refused.output


def test_a_bad_wording_on_a_deeper_item_is_found_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep_target = '                      district: "Huyện"'
    assert deep_target in NESTED
    bad = NESTED.replace(deep_target, '                      district: "hai"')
    data = build(Case({PLAN: bad}, [], en="", vi=""), tmp_path, monkeypatch)
    codes = {p.code for p in load(data).problems}
    assert {"item-too-deep", "plan-target-wording"} <= codes
