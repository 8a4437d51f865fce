"""The application layer as a program uses it: data for more than one plan year, the plan a
status is about, period values for exports, reports, errors, and the README's own example."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from trabong_d8 import api
from trabong_d8.errors import D8Error
from trabong_d8.periods import PeriodKind, parse_period

from .helpers import EXAMPLE, EXAMPLE_YEARS, ROOT, run

SPRING_2025 = dt.date(2025, 3, 31)


def targets(report) -> dict[str, tuple[float, float | None]]:  # type: ignore[no-untyped-def]
    return {t.id: (t.achieved, t.target) for t in report.targets}


def test_the_plan_of_the_date_is_the_one_shown() -> None:
    result = api.status(EXAMPLE_YEARS, as_of=SPRING_2025)
    assert (result.plan.year, result.report.plan_year, result.report.as_of) == (2025, 2025, SPRING_2025)
    # the 2025 plan's own eight targets, read from it (one of them new in 2025)
    assert targets(result.report) == {
        "livelihood_groups": (0, 3),
        "policy_dialogues": (2, 24),
        "change_leader_clubs": (1, 2),  # the club founded in 2024, strengthened in March 2025
        "trusted_addresses": (1, 5),
        "communication_teams": (1, 4),
        "safe_birth_outreach": (2.7, 85),  # 55 women of 2,075: only 2025's records count
        "gender_me_classes": (1, 1),
        "mainstreaming_classes": (0, 3),
    }
    assert (result.report.records, result.report.entities) == (5, 3)


def test_2024_is_unchanged_by_a_second_plan() -> None:
    day = dt.date(2024, 6, 30)
    both = api.status(EXAMPLE_YEARS, as_of=day).report
    alone = api.status(EXAMPLE, as_of=day).report
    assert both.plan_year == 2024
    assert both.targets == alone.targets and both.items == alone.items
    assert (both.records, both.entities) == (alone.records, alone.entities)
    for commune in ("tra-bui", "tra-phong"):
        assert (
            api.status(EXAMPLE_YEARS, as_of=day, commune=commune).report.targets
            == api.status(EXAMPLE, as_of=day, commune=commune).report.targets
        )


def test_the_cli_says_the_plan_year_in_json() -> None:
    result = run("status", "--data", str(EXAMPLE_YEARS), "--as-of", "2025-03-31", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["plan_year"] == 2025 and len(payload["targets"]) == 8
    assert (
        "Tiến độ Dự án 8 năm 2025"
        in run("status", "--data", str(EXAMPLE_YEARS), "--as-of", "2025-03-31").stdout
    )


@pytest.mark.parametrize(
    ("today", "year", "plan_year", "as_of", "over"),
    [
        ("2025-02-01", None, 2025, "2025-02-01", False),  # today's plan, as of today
        ("2024-06-30", None, 2024, "2024-06-30", False),
        ("2023-11-15", None, 2024, "2024-01-01", False),  # before every plan: the first, at its start
        ("2026-12-02", None, 2025, "2025-12-31", True),  # after every plan: the last one's last day
        ("2025-02-01", 2024, 2024, "2024-12-31", True),  # an earlier year asked for: its last day
        ("2024-06-30", 2025, 2025, "2025-01-01", False),  # a later year: not begun, its first day
    ],
)
def test_which_plan_and_day_without_a_date(
    today: str, year: int | None, plan_year: int, as_of: str, over: bool
) -> None:
    result = api.status(EXAMPLE_YEARS, year=year, today=dt.date.fromisoformat(today))
    assert (result.plan.year, result.moment.as_of.isoformat(), result.moment.year_over) == (
        plan_year,
        as_of,
        over,
    )


def test_a_date_after_the_last_plan_shows_its_year_end() -> None:
    result = api.status(EXAMPLE, as_of=dt.date(2025, 1, 15))
    assert (result.plan.year, result.moment.as_of, result.moment.year_over) == (
        2024,
        dt.date(2024, 12, 31),
        True,
    )


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"as_of": dt.date(2023, 12, 31)}, "date_outside_plans"),
        ({"as_of": dt.date(2025, 2, 1), "year": 2024}, "date_outside_plans"),
        ({"year": 2030}, "year_without_plan"),
        ({"commune": "tra-bu"}, "commune_unknown"),
    ],
)
def test_a_request_outside_the_data_is_a_usage_error(kwargs: dict, key: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(D8Error) as caught:
        api.status(EXAMPLE_YEARS, **kwargs)
    assert (caught.value.kind, caught.value.key) == ("usage", key)


def test_bad_data_is_a_data_error_with_its_problems(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    (data / "communes" / "tra-bui.yaml").write_text("schema_version: 1\nid: a\nid: b\n", "utf-8")
    with pytest.raises(D8Error) as caught:
        api.status(data)
    assert caught.value.kind == "data" and caught.value.warnings is not None
    assert [p.code for p in caught.value.problems] == ["yaml-duplicate-key"]


def test_period_values_for_exports() -> None:
    dataset, _ = api.open_data(EXAMPLE_YEARS)
    period = parse_period("2025-Q1", PeriodKind.quarter)
    assert period is not None
    values = api.period_values(dataset, period)
    assert values.plan.year == 2025 and values.status.as_of == period.end
    # item by item, commune by commune, level by level, in the quarter
    assert values.in_period.achieved("nd3.hd1.2") == 2
    assert values.in_period.achieved("nd3.hd1.2", ["tra-bui"]) == 1
    assert values.in_period.achieved("nd3.hd2.2", levels=[api_level("district")]) == 1
    assert sum(values.in_period.safe_birth_reached.values()) == 55
    assert len(values.by_commune) == 16 and values.by_commune[0].commune == dataset.communes[0].id
    # before the quarter nothing of 2025 was done: in the period equals up to its end
    assert values.cumulative.achieved("nd3.hd1.2") == 2


def api_level(name: str):  # type: ignore[no-untyped-def]
    from trabong_d8.fields import Level

    return Level(name)


def test_a_period_outside_every_plan_is_a_usage_error() -> None:
    dataset, _ = api.open_data(EXAMPLE)
    period = parse_period("2025-Q1", PeriodKind.quarter)
    assert period is not None
    with pytest.raises(D8Error) as caught:
        api.report_model(dataset, period)
    assert (caught.value.key, caught.value.params) == (
        "period_outside_plan",
        {"years": "2024", "period": "2025-Q1"},
    )


def test_an_entity_counts_once_a_plan_year_and_its_events_are_reported_in_their_period() -> None:
    dataset, _ = api.open_data(EXAMPLE_YEARS)
    club = "CLB “Thủ lĩnh của sự thay đổi” Trường PTDTBT THCS Trà Bùi"
    q1 = api.report_model(dataset, api.parse_period(quarter="2025-Q1"), generated_on=dt.date(2025, 4, 5))
    entries = [e for group in q1.contents for a in group.activities for i in a.items for e in i.entries]
    assert [(e.title, e.entity_action, e.date.isoformat()) for e in entries if e.title == club] == [
        (club, "strengthened", "2025-03-12")
    ]
    q2 = api.report_model(dataset, api.parse_period(quarter="2024-Q2"), generated_on=dt.date(2024, 7, 5))
    entries = [e for group in q2.contents for a in group.activities for i in a.items for e in i.entries]
    assert [(e.entity_action, e.date.isoformat()) for e in entries if e.title == club] == [
        ("founded", "2024-05-17")
    ]
    year_2024 = api.status(EXAMPLE_YEARS, as_of=dt.date(2024, 12, 31)).report
    assert targets(year_2024)["change_leader_clubs"] == (2, 3)  # not counted again by its 2025 event


def test_write_report_picks_the_format_and_the_default_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    period = api.parse_period(quarter="2025-Q1")
    written = api.write_report(EXAMPLE_YEARS, period, lang="en", generated_on=dt.date(2025, 4, 5))
    assert written.path == Path("reports/2025-Q1.en.md") and written.path.read_text("utf-8") == written.text
    as_html = api.write_report(
        EXAMPLE_YEARS, period, lang="vi", output="q1.html", generated_on=dt.date(2025, 4, 5)
    )
    assert as_html.text.startswith("<!DOCTYPE html>")
    with pytest.raises(D8Error) as caught:
        api.write_report(EXAMPLE_YEARS, period, lang="vi", output="q1.pdf")
    assert caught.value.key == "bad_format_for_output"


def _readme_python() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text[text.index("## Dùng d8 từ Python / Using d8 from Python") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the README's Python example is missing"
    return match.group(1)


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(_readme_python(), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "policy_dialogues 2 / 24" in printed
    assert "2025-Q1" in printed
