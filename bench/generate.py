"""Synthetic but valid data folders at a chosen scale: the shipped plan plus N generated communes.

Every generated folder passes ``d8 validate`` without an error, and without a warning once it has
enough records to touch every numbered item (16 communes × 50 records do): records use items whose
target at their organiser's level is not "0", entities go with items that count entities, record ids
are unique across the folder, participants' breakdowns never exceed their totals, the commune-level
allocation adds up to the plan's target, and every date lies in 2024. The output is deterministic for
a given scale and seed. Generated data is written to a folder the caller chooses (a temporary one in
the benchmark) and is never committed.

    python -m bench.generate OUT --communes 100 --records 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "plan_2024.yaml"

# Items of the shipped plan, by what a record against them may be (see the module docstring).
# Each entry: item id, the levels whose target is not "0", whether records carry safe_birth_reached.
EVENT_ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nd1.hd1.3", ("district", "commune")),
    ("nd1.hd2.1", ("district", "commune")),
    ("nd1.hd2.2", ("district", "commune")),
    ("nd1.hd2.3", ("commune",)),
    ("nd1.hd3.1", ("district", "commune")),
    ("nd1.hd3.2", ("district", "commune")),
    ("nd1.hd4.1", ("district",)),
    ("nd1.hd4.2", ("district",)),
    ("nd1.hd4.3", ("commune",)),
    ("nd1.hd4.4", ("district", "commune")),
    ("nd2.hd3.2", ("district",)),
    ("nd2.hd3.3", ("commune",)),
    ("nd2.hd3.4b", ("district", "commune")),
    ("nd3.hd1.7", ("district",)),
    ("nd3.hd2.4", ("district",)),
    ("nd3.hd3.1", ("district",)),
    ("nd3.hd1.2", ("district", "commune")),
    ("nd3.hd1.3", ("district", "commune")),
    ("nd3.hd2.1", ("district",)),
    ("nd3.hd2.5", ("district", "commune")),
    ("nd3.hd3.2", ("district", "commune")),
    ("nd4.2", ("district",)),
)
SAFE_BIRTH_ITEM = "nd1.hd4.3"
# entity items, all with a district-level target only
ENTITY_ITEMS = (
    ("nd2.hd2.3", "livelihood_group", "Tổ sinh kế"),
    ("nd2.hd3.1", "trusted_address", "Địa chỉ tin cậy"),
    ("nd3.hd2.2", "change_leader_club", "CLB Thủ lĩnh của sự thay đổi"),
)
DIALOGUE_ITEM, DIALOGUE_TOTAL = "nd3.hd1.2", 19  # the one commune-level target with a number

TITLES = (
    "Tuyên truyền, tư vấn kiến thức và hỗ trợ tiếp cận dịch vụ sinh đẻ an toàn cho phụ nữ DTTS",
    "Đối thoại chính sách về bình đẳng giới với phụ nữ và trẻ em gái tại cụm thôn",
    "Chiến dịch truyền thông trực tiếp tại cộng đồng về xóa bỏ tảo hôn, hôn nhân cận huyết thống",
    "Sinh hoạt câu lạc bộ thủ lĩnh của sự thay đổi tại trường",
    "Lớp tập huấn kiến thức về bình đẳng giới cho cán bộ cơ sở",
    "Hội nghị sơ kết công tác triển khai Dự án 8 tại xã",
)
VILLAGES = ("Thôn 1", "Thôn 2", "Thôn 3", "Thôn Nước Rinh", "Thôn Trà Ong", "Tổ dân phố 1")
NOTES = (None, None, None, "Có sự tham gia của Đoàn Thanh niên", "Phối hợp với Trạm Y tế xã")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _participants(rng: random.Random) -> tuple[str, int]:
    total = rng.randint(12, 240)
    women = rng.randint(0, total)
    men = rng.randint(0, total - women)
    minority = rng.randint(0, total)
    parts = [f"total: {total}", f"women: {women}", f"men: {men}", f"ethnic_minority: {minority}"]
    if rng.random() < 0.2:
        children = rng.randint(0, total - women - men)
        parts += [f"children: {children}", f"girls: {rng.randint(0, children)}"]
    return "{" + ", ".join(parts) + "}", women


def commune_text(index: int, communes: int, records: int, seed: int = 2024) -> str:
    """The YAML text of the ``index``-th of ``communes`` generated communes, with ``records`` records."""
    rng = random.Random(seed * 1_000_003 + index)
    cid = f"xa-{index:04d}"
    share = DIALOGUE_TOTAL // communes + (1 if index < DIALOGUE_TOTAL % communes else 0)
    entities = max(1, records // 25)
    lines = [
        "# Dữ liệu tổng hợp cho phép đo / synthetic data for the benchmark",
        "schema_version: 1",
        f"id: {cid}",
        f'name: "Xã Thử Nghiệm {index:04d}"',
        "kind: xa",
        f"code: {20000 + index}" if index % 3 else "code: null",
        'origin: "dữ liệu tổng hợp / synthetic"',
        "especially_difficult: " + ("true" if index % 2 else "false"),
        "ethnic_groups: [Cor, Ca Dong, Hrê]",
        "allocation:",
        "  source: estimate",
        '  note: "Phân bổ tổng hợp cho phép đo / synthetic allocation"',
        "  items:",
        f"    {DIALOGUE_ITEM}: {share}",
        f"  safe_birth_target_group: {records * 250 + 100}",
        "entities:",
    ]
    entity_ids: list[tuple[str, str]] = []
    for e in range(entities):
        item, kind, label = ENTITY_ITEMS[(index + e) % len(ENTITY_ITEMS)]
        eid = f"{cid}-mh-{e:04d}"
        entity_ids.append((eid, item))
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
        members, _ = _participants(rng)
        lines += [
            f"  - id: {eid}",
            f"    kind: {kind}",
            f"    item: {item}",
            f'    name: "{label} {e + 1}"',
            f"    village: {_quote(rng.choice(VILLAGES))}",
            f"    date: {day.isoformat()}",
            "    action: " + ("founded" if e % 2 else "strengthened"),
            "    organiser: district",
            f"    members: {members}",
            "    evidence:",
            f'      - "Quyết định thành lập số {e + 1}/QĐ-UBND"',
        ]
    lines.append("records:")
    for r in range(records):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
        participants, women = _participants(rng)
        lines.append(f"  - id: {cid}-{r:05d}")
        lines.append(f"    date: {day.isoformat()}")
        if r % 20 == 19:  # an activity of an entity (a club's meeting, a group's session)
            eid, item = entity_ids[r % len(entity_ids)]
            lines += [f"    item: {item}", "    organiser: district"]
            lines.append(f"    entity: {eid}")
        else:
            item, levels = EVENT_ITEMS[rng.randrange(len(EVENT_ITEMS))]
            lines += [f"    item: {item}", f"    organiser: {rng.choice(levels)}"]
        lines.append(f"    title: {_quote(rng.choice(TITLES))}")
        lines.append(f"    village: {_quote(rng.choice(VILLAGES))}")
        if r % 7 == 3:
            lines.append(f"    count: {rng.randint(2, 4)}")
        lines.append(f"    participants: {participants}")
        if item == SAFE_BIRTH_ITEM:
            lines.append(f"    safe_birth_reached: {rng.randint(0, women)}")
        lines += [
            "    evidence:",
            f'      - "Biên bản ngày {day.day}/{day.month}/2024"',
            f'      - "evidence/{day.isoformat()}-{r:05d}.pdf"',
        ]
        note = NOTES[r % len(NOTES)]
        if note:
            lines.append(f"    notes: {_quote(note)}")
    return "\n".join(lines) + "\n"


def generate(out: Path, communes: int, records: int, seed: int = 2024) -> Path:
    """Write a data folder with ``communes`` communes of ``records`` records each into ``out``."""
    if communes < 1 or records < 1:
        raise ValueError("communes and records must be at least 1")
    folder = out / "communes"
    if out.exists():
        shutil.rmtree(out)
    folder.mkdir(parents=True)
    shutil.copyfile(PLAN, out / "plan_2024.yaml")
    for index in range(communes):
        text = commune_text(index, communes, records, seed)
        (folder / f"xa-{index:04d}.yaml").write_text(text, encoding="utf-8", newline="\n")
    return out


def folder_bytes(root: Path) -> int:
    """Total size of the YAML files of a data folder."""
    files = [root / "plan_2024.yaml", *sorted((root / "communes").glob("*.yaml"))]
    return sum(p.stat().st_size for p in files)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="folder to create (replaced if it exists)")
    parser.add_argument("--communes", type=int, default=16)
    parser.add_argument("--records", type=int, default=50, help="records per commune")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    root = generate(args.out, args.communes, args.records, args.seed)
    print(f"{root}: {args.communes} communes × {args.records} records, {folder_bytes(root):,} bytes")


if __name__ == "__main__":
    main()
