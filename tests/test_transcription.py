"""The transcription in data/plan_2024.yaml checked against the plan's own text.

The source is the verbatim copy in data/source/plan_2024_source.txt. Each test parses one part of it
(the activity table, section II, the legal bases, the prose sections) and compares it with the YAML,
so that an edited figure, a lost item or a retyped sentence shows up as a failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from trabong_d8.plan import Item, Plan
from trabong_d8.planindex import build_index
from trabong_d8.validation import adapter
from trabong_d8.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "source" / "plan_2024_source.txt"
PLAN = ROOT / "data" / "plan_2024.yaml"

# DOMAIN.md, "Numbered district targets in the table".
EXPECTED_DISTRICT_NUMBERS = {
    "nd1.hd1.3": 2,
    "nd1.hd2.2": 1,
    "nd1.hd3.1": 1,
    "nd1.hd4.1": 2,
    "nd1.hd4.2": 2,
    "nd2.hd2.3": 2,
    "nd2.hd3.1": 4,
    "nd2.hd3.2": 1,
    "nd2.hd3.4b": 1,
    "nd3.hd1.2": 2,
    "nd3.hd1.7": 1,
    "nd3.hd2.1": 3,
    "nd3.hd2.2": 3,
    "nd3.hd2.4": 2,
    "nd3.hd2.5": 1,
    "nd3.hd3.1": 2,
    "nd4.2": 4,
}
# The only numbered commune target in the table.
EXPECTED_COMMUNE_NUMBERS = {"nd3.hd1.2": 19}

# DOMAIN.md, "The seven core targets", in order.
EXPECTED_CORE = [
    ("livelihood_groups", 2, ["nd2.hd2.3"]),
    ("policy_dialogues", 21, ["nd3.hd1.2"]),
    ("change_leader_clubs", 3, ["nd3.hd2.2"]),
    ("trusted_addresses", 4, ["nd2.hd3.1"]),
    ("safe_birth_outreach", 80, []),
    ("gender_me_classes", 2, ["nd3.hd3.1"]),
    ("mainstreaming_classes", 4, ["nd4.2"]),
]

EXPECTED_ENTITIES = {
    "nd1.hd1.1": "communication_team",
    "nd2.hd2.3": "livelihood_group",
    "nd2.hd3.1": "trusted_address",
    "nd3.hd2.2": "change_leader_club",
}

# Document numbers such as 27/2022/NĐ-CP, 1719/QĐ-TTg, 64/TTr-BTV.
DOC_NUMBER = re.compile(r"\b\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐ]*(?:-[A-Za-zĐ]+)+")


# --- reading -------------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Drop HTML tags and markdown emphasis, collapse white space, tighten '( x )' to '(x)'."""
    text = re.sub(r"</?[a-zA-Z]+>", "", text).replace("*", "")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))


def unbullet(line: str) -> str:
    return clean(re.sub(r"^\s*-\s+", "", line))


@cache
def source_lines() -> tuple[str, ...]:
    return tuple(SOURCE.read_text(encoding="utf-8").split("\n"))


def between(start: str, end: str) -> list[str]:
    """The source lines after the first starting with ``start``, up to one starting with ``end``."""
    lines = source_lines()
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i in range(first + 1, len(lines)) if lines[i].startswith(end))
    return list(lines[first + 1 : last])


def paragraphs(lines: list[str]) -> list[str]:
    return [unbullet(line) for line in lines if line.strip()]


@cache
def _load() -> tuple[Any, Plan]:
    doc = read_yaml(PLAN)
    assert not doc.problems, [str(p) for p in doc.problems]
    return doc.value, adapter(Plan).validate_python(doc.value)


@pytest.fixture
def plan() -> Plan:
    return _load()[1]


@pytest.fixture
def raw() -> Any:
    return _load()[0]


def numbered(value: str | None) -> int:
    """A target cell's number ("02" -> 2); 0 for words ("Huyện", "Xã"…), "0" and a missing cell."""
    return int(value) if value and value.isdigit() else 0


def all_items(plan: Plan) -> list[Item]:
    """Every item of the table in order, parents before their sub-items (the plan's index)."""
    return [entry.item for entry in build_index(plan).items]


def items_by_id(plan: Plan) -> dict[str, Item]:
    return {item.id: item for item in all_items(plan)}


# --- the activity table --------------------------------------------------------------------------


@dataclass
class Row:
    id: str
    number: str
    text: str
    district: str | None
    commune: str | None


@dataclass
class Table:
    contents: list[tuple[str, str, str]] = field(default_factory=list)  # id, heading, title
    activities: list[tuple[str, str, str]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


@cache
def source_table() -> Table:
    table = Table()
    content: int | None = None
    activity: int | None = None
    parent: Row | None = None
    for line in between("## III.", "#### **IV."):
        cells = [*line.split("\t"), "", "", "", ""][:4]
        first, text, district, commune = (cell.strip() for cell in cells)
        head = clean(first)
        if not line.strip() or head == "TT" or (head, text, district) == ("", "", "Huyện"):
            continue  # a blank line or one of the two header rows
        if m := re.fullmatch(r"(Nội dung (\d+))[.:] (.+)", head):
            content, activity, parent = int(m[2]), None, None
            table.contents.append((f"nd{content}", m[1], m[3]))
        elif m := re.fullmatch(r"Hoạt động (\d+)", head):
            activity, parent = int(m[1]), None
            table.activities.append((f"nd{content}.hd{activity}", head, clean(text)))
        elif re.fullmatch(r"\d+", head):
            prefix = f"nd{content}" if activity is None else f"nd{content}.hd{activity}"
            parent = Row(f"{prefix}.{head}", head, clean(text), district or None, commune or None)
            table.rows.append(parent)
        elif head == "-":
            assert parent is not None and parent.district is None and parent.commune is None
            letter = "abcdefghij"[sum(r.id.startswith(parent.id) for r in table.rows) - 1]
            table.rows.append(Row(parent.id + letter, "-", clean(text), district, commune))
        elif head == "" and text and not district and not commune:
            # nd3.hd2.7: a page break carries the end of the text into a row of its own
            table.rows[-1].text = clean(table.rows[-1].text + " " + text)
        else:
            pytest.fail(f"unexpected table row: {line!r}")
    return table


def test_table_items_match_source(plan: Plan) -> None:
    rows = source_table().rows
    items = all_items(plan)
    assert [row.id for row in rows] == [item.id for item in items]
    for row, item in zip(rows, items, strict=True):
        assert (item.number, item.text) == (row.number, row.text), item.id
        assert (item.district, item.commune) == (row.district, row.commune), item.id
    assert {row.id for row in rows} == set(items_by_id(plan))
    assert len(items) == len(items_by_id(plan)), "duplicate item ids"


def test_table_structure_matches_source(plan: Plan) -> None:
    table = plan.activity_table
    source = source_table()
    assert [(c.id, c.heading, c.title) for c in table.contents] == source.contents
    assert [(a.id, a.heading, a.title) for c in table.contents for a in c.activities] == source.activities
    for content in table.contents:
        assert content.id == f"nd{content.number}"
        for activity in content.activities:
            assert activity.id == f"{content.id}.hd{activity.number}"
            for item in activity.items:
                assert item.id.startswith(activity.id + ".")
    assert [row for row in between("## III.", "#### **IV.") if row.startswith("TT\t")] == [
        "\t".join(table.columns[:3]) + "\t"
    ]
    assert "\t\t" + "\t".join(table.columns[3:]) in between("## III.", "#### **IV.")
    assert (table.number, table.heading) == ("III", "NỘI DUNG THỰC HIỆN NĂM 2024")


def test_numbered_district_targets(plan: Plan) -> None:
    rows = {row.id: row for row in source_table().rows}
    items = items_by_id(plan)
    for level, expected in (
        ("district", EXPECTED_DISTRICT_NUMBERS),
        ("commune", EXPECTED_COMMUNE_NUMBERS),
    ):
        in_yaml = {i: numbered(getattr(it, level)) for i, it in items.items()}
        in_source = {i: numbered(getattr(row, level)) for i, row in rows.items()}
        assert {i: n for i, n in in_yaml.items() if n} == expected, level
        assert {i: n for i, n in in_source.items() if n} == expected, level
    for item in (entry.item for entry in build_index(plan).leaves):
        if numbered(item.district) or numbered(item.commune):
            assert item.unit, f"{item.id} has a numbered target but no unit"


def test_counting_rules(plan: Plan) -> None:
    for item in all_items(plan):
        if item.id in EXPECTED_ENTITIES:
            assert item.counts == "entities", item.id
            assert item.entity_kind is not None
            assert item.entity_kind.value == EXPECTED_ENTITIES[item.id]
        else:
            assert item.counts == "events", item.id
        for label in (item.label.vi, item.label.en):
            assert 0 < len(label) <= 60, item.id


# --- section II ----------------------------------------------------------------------------------


def test_core_targets(plan: Plan) -> None:
    lines = paragraphs(between("## II.", "*(Chỉ tiêu cụ thể"))
    numbers = [int(re.match(r"\d+", line)[0]) for line in lines]  # type: ignore[index]
    assert numbers == [target for _, target, _ in EXPECTED_CORE]
    core = plan.core_targets
    assert [c.id for c in core] == [cid for cid, _, _ in EXPECTED_CORE]
    assert [c.target for c in core] == numbers
    assert [c.text for c in core] == lines
    assert [list(c.counts_from) for c in core] == [items for _, _, items in EXPECTED_CORE]
    items = items_by_id(plan)

    for target in core:
        for label in (target.label.vi, target.label.en):
            assert 0 < len(label) <= 60, target.id
        if target.measure == "ratio":
            assert (target.id, target.unit) == ("safe_birth_outreach", "percent")
            continue
        total = sum(numbered(items[i].district) + numbered(items[i].commune) for i in target.counts_from)
        assert total == target.target, target.id
    assert plan.core_targets_heading == clean(
        next(line for line in source_lines() if line.startswith("## II.")).lstrip("#")
    )
    note = next(line for line in source_lines() if line.startswith("*(Chỉ tiêu cụ thể"))
    assert plan.core_targets_note == clean(note)


# --- legal bases and references ------------------------------------------------------------------


def _cited(doc_number: str, day: int, month: int, year: int, text: str) -> bool:
    pattern = rf"{re.escape(doc_number)} ngày 0?{day}/0?{month}/{year}\b"
    return re.search(pattern, text) is not None


def test_legal_bases(plan: Plan) -> None:
    source = [clean(line) for line in source_lines() if line.startswith("Căn cứ ")]
    assert len(source) == 8
    bases = plan.legal_bases
    assert [b.id for b in bases] == [f"lb{i}" for i in range(1, 9)]
    assert [b.text for b in bases] == source
    for basis in bases:
        numbers = {d.number for d in basis.documents}
        assert set(DOC_NUMBER.findall(basis.text)) == numbers, basis.id
        assert len(numbers) == len(basis.documents), basis.id
        for doc in basis.documents:
            d = doc.date
            assert _cited(doc.number, d.day, d.month, d.year, basis.text), doc.number
            assert f"của {doc.issuer}" in basis.text, doc.number
            assert doc.subject in basis.text, doc.number
            assert f"{doc.kind} số {doc.number}" in basis.text, doc.number


def test_section_references(plan: Plan) -> None:
    for section, expected in (
        (plan.preamble, {"64/TTr-BTV"}),
        (plan.requirements, {"04/HD-ĐCT", "24/HD-ĐCT", "12/HD-BTV"}),
        (plan.budget, {"1347/QĐ-UBND"}),
    ):
        text = " ".join(section.paragraphs)
        assert set(DOC_NUMBER.findall(text)) == expected
        assert [r.number for r in section.references] == sorted(expected, key=lambda n: text.index(n))
        for ref in section.references:
            d = ref.date
            assert _cited(ref.number, d.day, d.month, d.year, text), ref.number
            assert ref.subject in text, ref.number
            assert f"{ref.kind} số {ref.number}" in text, ref.number


# --- prose sections ------------------------------------------------------------------------------


def _heading(line: str) -> tuple[str | None, str]:
    text = clean(line.lstrip("#"))
    m = re.fullmatch(r"([IVX]+|\d+)\. (.+)", text)
    return (m[1], m[2]) if m else (None, text)


def test_purposes_and_requirements(plan: Plan) -> None:
    assert list(plan.purposes.paragraphs) == paragraphs(between("### **1. Mục đích", "### **Yêu cầu"))
    assert list(plan.requirements.paragraphs) == paragraphs(between("### **Yêu cầu", "## II."))
    assert (plan.purposes.number, plan.purposes.heading) == _heading("### **1. Mục đích**")
    assert (plan.requirements.number, plan.requirements.heading) == (None, "Yêu cầu")
    preamble = [clean(line) for line in source_lines() if line.startswith("Trên cơ sở đề xuất")]
    assert list(plan.preamble.paragraphs) == preamble


def test_budget_and_closing(plan: Plan) -> None:
    heading = next(line for line in source_lines() if line.startswith("#### **IV."))
    assert (plan.budget.number, plan.budget.heading) == _heading(heading)
    assert list(plan.budget.paragraphs) == paragraphs(between("#### **IV.", "#### **V."))
    # the closing paragraph is split by a page break: one paragraph, joined with a space
    closing = clean(" ".join(between("- Xây dựng kế hoạch và dự toán", "**Nơi nhận:**")))
    assert list(plan.closing.paragraphs) == [closing]


def test_organisation(plan: Plan) -> None:
    units: list[tuple[str | None, str, list[str]]] = []
    for line in between("#### **V.", "Trên đây là"):
        if line.startswith("#"):
            units.append((*_heading(line), []))
        elif line.strip():
            units[-1][2].append(unbullet(line))
    org = plan.organisation
    heading = next(line for line in source_lines() if line.startswith("#### **V."))
    assert (org.number, org.heading) == _heading(heading)
    assert [(u.number, u.heading, list(u.duties)) for u in org.units] == units
    assert len(units) == 4


def test_recipients_and_signature(plan: Plan) -> None:
    lines = between("**Nơi nhận:**", "**KT.")
    assert list(plan.recipients) == paragraphs(lines)
    assert plan.recipients_heading == clean("**Nơi nhận:**")
    signature = plan.document.signature
    tail = [clean(line) for line in source_lines()[-5:] if line.strip()]
    assert tail == [signature.authority, signature.title, signature.name]


def test_header(plan: Plan) -> None:
    lines = [line for line in source_lines()[:10] if line.strip()]
    meta = plan.document
    assert lines[0] == meta.number_text
    assert lines[1] == f"{meta.place}, {meta.date_text}"
    assert clean(lines[2].lstrip("#")) == meta.kind
    assert clean(lines[3].lstrip("#")) == meta.title
    assert (meta.number, meta.year, meta.month, meta.day) == (None, 2024, 5, None)
    assert plan.pace.start.isoformat() == "2024-01-01"
    assert plan.pace.end.isoformat() == "2024-12-31"
    assert (plan.pace.on_track, plan.pace.at_risk) == (0.9, 0.5)


# --- quirks --------------------------------------------------------------------------------------


def resolve(raw: Any, where: str) -> Any:
    node = raw
    for key, index in re.findall(r"([A-Za-z_]+)|\[(\d+)\]", where):
        node = node[key] if key else node[int(index)]
    return node


def test_domain_quirks_kept(plan: Plan) -> None:
    text = " ".join(clean(line) for line in source_lines())
    items = items_by_id(plan)
    core = {c.id: c for c in plan.core_targets}
    # kept as written in the data...
    assert plan.document.place == "Trà Bông"
    assert text.count("Trà Bông") == 2  # the place line and the title: the header only
    circulars = [d.number for d in plan.legal_bases[2].documents]
    assert circulars == ["02/2022/TT-UBND", "02/2023/TT-UBND"]
    assert "TT-UBDT" not in text
    assert plan.requirements.number is None and "### **Yêu cầu**" in source_lines()
    assert "cán bộ thôn/ tổ" in core["gender_me_classes"].text
    assert "cán bộ xã, thôn" in items["nd3.hd3.1"].text
    assert "Dự án 8 năm 2023-2024" in plan.organisation.units[2].duties[0]
    assert "Lòng ghép giới" in core["mainstreaming_classes"].text
    # ...and flagged
    flagged = {(q.where, q.as_written) for q in plan.quirks}
    for expected in (
        ("document.place", "Trà Bông"),
        ("legal_bases[2].documents[0].number", "02/2022/TT-UBND"),
        ("requirements.heading", "Yêu cầu"),
        ("core_targets[5].text", "cán bộ thôn/ tổ"),
        ("organisation.units[2].duties[0]", "Dự án 8 năm 2023-2024"),
        ("core_targets[6].text", "Lòng ghép giới"),
    ):
        assert expected in flagged, expected


def test_every_quirk_points_at_its_text(plan: Plan, raw: Any) -> None:
    text = " ".join(clean(line) for line in source_lines())
    assert len({q.id for q in plan.quirks}) == len(plan.quirks)
    for quirk in plan.quirks:
        assert quirk.as_written in str(resolve(raw, quirk.where)), quirk.id
        assert quirk.as_written in text, quirk.id
