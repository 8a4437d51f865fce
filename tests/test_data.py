"""The shipped data: the 16 units of 2024, their codes, the allocation's provenance, the example."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from .helpers import ROOT, load

DATA = ROOT / "data"
EXAMPLE = ROOT / "examples" / "half-year-2024"

# DOMAIN.md, "Communes (commune-level units of Trà Bồng in 2024)"; None where the code is unknown
UNITS = {
    "tra-xuan": ("Trà Xuân", "thi_tran", "21115"),
    "tra-giang": ("Trà Giang", "xa", "21118"),
    "tra-thuy": ("Trà Thủy", "xa", "21121"),
    "tra-hiep": ("Trà Hiệp", "xa", "21124"),
    "tra-binh": ("Trà Bình", "xa", "21127"),
    "tra-phu": ("Trà Phú", "xa", "21130"),
    "tra-lam": ("Trà Lâm", "xa", "21133"),
    "tra-tan": ("Trà Tân", "xa", "21136"),
    "tra-son": ("Trà Sơn", "xa", "21139"),
    "tra-bui": ("Trà Bùi", "xa", "21142"),
    "tra-thanh": ("Trà Thanh", "xa", "21145"),
    "tra-phong": ("Trà Phong", "xa", "21154"),
    "tra-xinh": ("Trà Xinh", "xa", "21163"),
    "son-tra": ("Sơn Trà", "xa", None),
    "huong-tra": ("Hương Trà", "xa", None),
    "tra-tay": ("Trà Tây", "xa", None),
}


@pytest.fixture(scope="module", params=[DATA, EXAMPLE], ids=["data", "example"])
def dataset(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    result = load(request.param, dt.date(2024, 6, 30))  # the example's own day
    assert result.dataset is not None and not result.errors, result.errors
    # warned of only what the example leaves undone on purpose (no mainstreaming class yet)
    assert [(p.code, p.params["id"]) for p in result.warnings] in ([], [("item-no-progress", "nd4.2")])
    return result.dataset


def test_the_sixteen_units_of_2024(dataset) -> None:  # type: ignore[no-untyped-def]
    got = {c.id: (c.name, c.kind, c.code) for c in dataset.communes}
    assert got == UNITS


def test_allocation_says_where_it_comes_from(dataset) -> None:  # type: ignore[no-untyped-def]
    for commune in dataset.communes:
        allocation = commune.allocation_for(2024)
        assert allocation is not None
        assert allocation.source == "estimate"  # the official Appendix is not published
        assert allocation.note and "Phụ lục" in allocation.note
        assert allocation.safe_birth_target_group
    assert sum(c.allocation_for(2024).items.get("nd3.hd1.2", 0) for c in dataset.communes) == 19


def test_shipped_data_starts_with_no_achievements() -> None:
    result = load(DATA)
    assert result.dataset is not None
    assert all(not c.records and not c.entities for c in result.dataset.communes)


def test_example_uses_the_same_plan_and_allocation() -> None:
    assert (EXAMPLE / "plan_2024.yaml").read_bytes() == (DATA / "plan_2024.yaml").read_bytes()
    shipped = {c.id: c.allocations for c in load(DATA).dataset.communes}  # type: ignore[union-attr]
    example = {c.id: c.allocations for c in load(EXAMPLE).dataset.communes}  # type: ignore[union-attr]
    assert shipped == example


def test_example_is_labelled_illustrative() -> None:
    for path in [EXAMPLE / "README.md", *sorted((EXAMPLE / "communes").glob("*.yaml"))]:
        text = path.read_text("utf-8")
        assert "MINH HỌA" in text.upper() and "ILLUSTRATIVE" in text.upper(), path


def test_files_are_utf8_lf_nfc() -> None:
    import unicodedata

    files = [DATA / "plan_2024.yaml", *DATA.glob("communes/*.yaml"), *EXAMPLE.rglob("*.yaml")]
    for path in files:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        assert b"\r" not in raw, path
        assert unicodedata.is_normalized("NFC", text), path


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_dangling_and_looping_symlinks_are_located(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    (data / "communes" / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (data / "communes" / "loop.yaml").symlink_to("loop.yaml")
    problems = load(data).problems
    assert [(p.code, Path(p.location.path).name) for p in problems] == [
        ("file-unreadable", "gone.yaml"),
        ("file-unreadable", "loop.yaml"),
    ]
