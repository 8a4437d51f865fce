"""The data folder's layout (``layout``): plan files by year, and paths as the user knows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from trabong_d8.layout import display_path, plan_file_name, plan_year_of


@pytest.mark.parametrize(
    ("name", "year"),
    [("plan_2024.yaml", 2024), ("plan_2025.yaml", 2025), ("plan_next.yaml", None), ("plan_24.yaml", None),
     ("plan_2024.yml", None), ("Plan_2024.yaml", None)],
)  # fmt: skip
def test_a_plan_file_names_its_year(name: str, year: int | None) -> None:
    assert plan_year_of(name) == year


def test_the_name_of_a_year_s_plan() -> None:
    assert plan_file_name(2025) == "plan_2025.yaml" and plan_year_of(plan_file_name(2025)) == 2025


def test_paths_inside_the_current_folder_are_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "data" / "plan_2024.yaml") == str(Path("data") / "plan_2024.yaml")
    outside = tmp_path.parent / "elsewhere.yaml"
    assert display_path(outside) == str(outside)
