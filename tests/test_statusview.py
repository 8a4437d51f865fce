"""The status view (``statusview``): the table at a fixed width, in both languages, for the district
and one commune, and the JSON object; golden files compared exactly, and figures checked by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from trabong_d8 import api
from trabong_d8.statusview import bar, status_json

from .helpers import EXAMPLE, check_golden, run


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_table_golden(lang: str) -> None:
    result = run("status", "--data", str(EXAMPLE), "--as-of", "2024-06-30", "--lang", lang)
    assert result.exit_code == 0, result.output
    check_golden(f"status-example-{lang}.txt", result.stdout)


def test_status_items_golden() -> None:
    result = run("status", "--data", str(EXAMPLE), "--as-of", "2024-06-30", "--items")
    assert result.exit_code == 0, result.output
    check_golden("status-example-items-vi.txt", result.stdout)


def test_status_commune_golden() -> None:
    result = run(
        "status",
        "--data",
        str(EXAMPLE),
        "--as-of",
        "2024-06-30",
        "--commune",
        "Trà Bùi",
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    check_golden("status-example-tra-bui-en.txt", result.stdout)


def test_status_json_golden_and_stable_keys() -> None:
    result = run("status", "--data", str(EXAMPLE), "--as-of", "2024-06-30", "--json", "--items")
    assert result.exit_code == 0, result.output
    check_golden("status-example.json", result.stdout)
    data = json.loads(result.stdout)
    assert data["plan_year"] == 2024
    assert data["as_of"] == "2024-06-30"
    assert [t["id"] for t in data["targets"]] == [
        "livelihood_groups",
        "policy_dialogues",
        "change_leader_clubs",
        "trusted_addresses",
        "safe_birth_outreach",
        "gender_me_classes",
        "mainstreaming_classes",
    ]
    for target in data["targets"]:
        assert {"id", "unit", "target", "achieved", "percent", "status"} <= set(target)
        assert target["percent"] is None or 0 <= target["percent"] <= 100
    safe = next(t for t in data["targets"] if t["id"] == "safe_birth_outreach")
    assert {"numerator", "denominator"} <= set(safe)


def test_json_is_the_same_in_both_languages() -> None:
    args = ("status", "--data", str(EXAMPLE), "--as-of", "2024-06-30", "--json")
    assert run(*args, "--lang", "vi").stdout == run(*args, "--lang", "en").stdout


def test_example_figures_by_hand() -> None:
    """The illustrative data set as of 30 June 2024, counted by hand from its files.

    Elapsed 182/366 = 0.4973: on track from 0.4475 of a target, behind from 0.2486.
    """
    result = run("status", "--data", str(EXAMPLE), "--as-of", "2024-06-30", "--json")
    rows = {t["id"]: t for t in json.loads(result.stdout)["targets"]}
    got = {k: (v["achieved"], v["target"], v["percent"], v["status"]) for k, v in rows.items()}
    assert got == {
        # 1 district dialogue (tra-tay) + 6 commune dialogues: 7/21 = 33.3 %, behind
        "policy_dialogues": (7, 21, 33.3, "behind"),
        "change_leader_clubs": (2, 3, 66.7, "on_track"),  # Trà Bùi and Trà Phong schools
        "trusted_addresses": (3, 4, 75.0, "on_track"),  # tra-lam, tra-thanh, son-tra
        "livelihood_groups": (1, 2, 50.0, "on_track"),  # tra-thuy
        # 860 of 2075 women = 41.45 %; 41.446 / 80 = 51.8 % of the target
        "safe_birth_outreach": (41.4, 80, 51.8, "on_track"),
        "gender_me_classes": (1, 2, 50.0, "on_track"),
        "mainstreaming_classes": (0, 4, 0.0, "not_started"),
    }
    assert (rows["safe_birth_outreach"]["numerator"], rows["safe_birth_outreach"]["denominator"]) == (
        860,
        2075,
    )


def test_the_bar_has_eight_cells() -> None:
    assert bar(None).plain == ""
    assert bar(0).plain == "░" * 8
    assert bar(50).plain == "████░░░░"
    assert bar(100).plain == "█" * 8


def test_json_rows_carry_numerator_and_level_only_where_they_mean_something() -> None:
    report = api.status(EXAMPLE, as_of=dt.date(2024, 6, 30)).report
    payload = status_json(report, show_items=True)
    safe = next(t for t in payload["targets"] if t["id"] == "safe_birth_outreach")
    assert (safe["numerator"], safe["denominator"]) == (860, 2075)
    assert "level" not in safe
    assert all({"level", "target_text"} <= set(row) for row in payload["items"])
    assert payload["plan_year"] == 2024
