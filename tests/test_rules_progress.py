"""The calendar's rule (``rules_progress``): a numbered item with nothing recorded although a steady
pace expects some by today, in each plan year, and never on a folder with nothing recorded at all."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from trabong_d8.loader import load_dataset

from .helpers import DATA, EXAMPLE_YEARS, ROOT, load, run


@pytest.mark.parametrize(
    ("day", "warned"),
    [
        ("2024-01-05", []),  # 4 × 5/366 < 1: too early to expect one
        ("2024-03-31", []),  # 4 × 91/366 = 0.995
        ("2024-04-01", [("nd4.2", 1)]),  # 4 × 92/366 = 1.005: one expected, none recorded
        ("2024-07-01", [("nd4.2", 2)]),  # every other item has its records by then
        ("2024-12-31", [("nd4.2", 4)]),
        ("2026-12-02", [("nd4.2", 4)]),  # after the plan year: its last day
    ],
)
def test_item_with_no_progress_is_a_warning(
    day: str, warned: list[tuple[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", folder)
    bui = folder / "communes" / "tra-bui.yaml"
    text = bui.read_text("utf-8")
    last = "  - date: 2024-02-23\n    item: nd4.2\n    organiser: district\n"
    last += "    title: Tập huấn lồng ghép giới\n"
    assert text.endswith(last + "    count: 4\n")
    bui.write_text(text.removesuffix(last + "    count: 4\n"), "utf-8")
    monkeypatch.chdir(tmp_path)

    loaded = load_dataset(folder, dt.date.fromisoformat(day))
    assert {p.code for p in loaded.problems} <= {"date-in-future", "item-no-progress"}
    assert loaded.dataset is not None
    problems = [p for p in loaded.problems if p.code == "item-no-progress"]
    # before July, items whose fixture records come later are warned about too: only nd4.2 here
    assert [(p.params["id"], p.params["expected"]) for p in problems if p.params["id"] == "nd4.2"] == warned
    assert all(not p.is_error for p in problems)
    if day < "2024-07-01":
        return

    assert [p.params["id"] for p in problems] == [i for i, _ in warned]
    monkeypatch.setattr("trabong_d8.clock.today", lambda: dt.date.fromisoformat(day))
    result = run("validate", "--data", "data", "--lang", "en")
    assert result.exit_code == 0
    if warned:
        assert result.output.splitlines()[:2] == [
            "Warnings (worth a look; they do not fail the check unless --strict):",
            f"data/plan_2024.yaml:680:15: warning[item-no-progress]: nothing is recorded yet for item "
            f"'nd4.2' (target 4 for the year; at a steady pace at least {warned[0][1]} would be done by "
            f"{min(day, '2024-12-31')}). If it was done, add it to the commune's records (or entities)",
        ]
        assert run("validate", "--data", "data", "--strict").exit_code == 1
        vi = run("validate", "--data", "data").output
        assert "chưa có kết quả nào cho mục 'nd4.2' (chỉ tiêu cả năm 4" in vi
    else:
        assert "warning[" not in result.output


def test_nothing_recorded_at_all_is_not_warned_about() -> None:
    assert load(DATA, dt.date(2024, 12, 31)).problems == []


def test_each_plan_year_is_warned_about_on_its_own() -> None:
    # on 30 June 2025, the 2025 plan expects half its numbered items; the 2024 plan, all of its own
    problems = [p for p in load(EXAMPLE_YEARS, dt.date(2025, 6, 30)).problems if p.code == "item-no-progress"]
    by_file = {p.location.path.rsplit("/", 1)[-1] for p in problems}
    assert by_file == {"plan_2024.yaml", "plan_2025.yaml"}
    nd42 = [p.params for p in problems if p.params["id"] == "nd4.2"]
    assert {(p["target"], p["expected"], p["date"]) for p in nd42} == {
        (4, 4, "2024-12-31"),
        (3, 1, "2025-06-30"),
    }
    # before 2025 begins, nothing of it is expected yet
    early = load(EXAMPLE_YEARS, dt.date(2024, 12, 31)).problems
    assert all("plan_2025" not in p.location.path for p in early)
