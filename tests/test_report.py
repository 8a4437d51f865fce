"""The report model (``report``) and ``d8 report``: figures equal ``d8 status``, done in the period by
hand, narratives located, files written or refused.

Every case copies the illustrative data set into ``tmp_path/data`` (the ``data`` fixture) and runs
there, so paths in the output read ``data/…``. Rendering is ``test_render.py``'s.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import MADE_ON, Q3_RECORDS, add_record, load, report_of, run

# --- periods -----------------------------------------------------------------------------------


# --- the figures -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period_id", "end"),
    [("2024-Q2", "2024-06-30"), ("2024-H1", "2024-06-30"), ("2024-Q3", "2024-09-30"), ("2024", "2024-12-31")],
)
def test_cumulative_figures_equal_status_json(data: Path, period_id: str, end: str) -> None:
    add_record(data, "tra-bui", Q3_RECORDS)
    status = json.loads(run("status", "--as-of", end, "--json").stdout)
    report = report_of(data, period_id)
    for line, expected in zip(report.targets, status["targets"], strict=True):
        now = line.now
        got = {
            "id": now.id,
            "unit": now.unit,
            "target": now.target,
            "achieved": now.achieved,
            "percent": now.percent,
            "remaining": now.remaining,
            "status": now.status.value,
        }
        if now.numerator is not None:
            got |= {"numerator": now.numerator, "denominator": now.denominator}
        assert got == expected


def test_done_in_the_period_by_hand(data: Path) -> None:
    # Q2 (the example): everything counted by 30/6 happened from April on, but nothing in Q1
    q2 = {t.target.id: t for t in report_of(data, "2024-Q2").targets}
    assert (q2["policy_dialogues"].in_period, q2["policy_dialogues"].now.achieved) == (7, 7)
    assert q2["safe_birth_outreach"].in_period == 860
    # Q3 adds 2 dialogues (one record, count 2) and 40 women in Trà Bùi
    add_record(data, "tra-bui", Q3_RECORDS)
    q3 = {t.target.id: t for t in report_of(data, "2024-Q3").targets}
    dialogues = q3["policy_dialogues"]
    assert (dialogues.before.achieved, dialogues.in_period, dialogues.now.achieved) == (7, 2, 9)
    assert dialogues.now.percent == 42.9  # 9 / 21 = 42.857…
    assert dialogues.expected == 15.7  # the pace mark: 274 of 366 days gone (74.86 %) × 21 = 15.72
    birth = q3["safe_birth_outreach"]
    assert (birth.in_period, birth.now.numerator, birth.now.denominator) == (40, 900, 2075)
    assert birth.now.achieved == 43.4  # 900 / 2075 = 43.37 %
    assert birth.now.percent == 54.2  # 43.37 / 80 = 54.2 % of the target


def test_commune_table_rows_by_hand(data: Path) -> None:
    add_record(data, "tra-bui", Q3_RECORDS)
    report = report_of(data, "2024-Q3")
    assert [ct.id for ct in report.commune_targets] == ["policy_dialogues", "safe_birth_outreach"]
    rows = {row.commune.id: row for row in report.communes}
    bui = rows["tra-bui"]
    assert bui.in_period == [2, 40]
    assert (bui.now[0].achieved, bui.now[0].target, bui.now[0].percent) == (3, 1, 100.0)
    assert (bui.now[1].numerator, bui.now[1].denominator) == (125, 160)  # 85 + 40 of 160
    assert rows["tra-xuan"].now[0].target == 0  # the town has no commune dialogue allocated
    assert len(report.communes) == 16


def test_participants_are_summed_from_the_records_of_the_period(data: Path) -> None:
    report = report_of(data, "2024-Q2")
    result = load(data)
    assert result.dataset is not None
    records = [
        r
        for c in result.dataset.communes
        for r in c.records
        if dt.date(2024, 4, 1) <= r.date <= dt.date(2024, 6, 30)
    ]
    total = report.participants[-1]
    assert total.records == len(records) == 47
    assert total.sums["total"] == sum(r.participants.total for r in records if r.participants) == 2570
    assert total.sums["women"] == 1814
    assert total.without_participants == 1
    assert sum(row.records for row in report.participants[:-1]) == total.records


# --- rendering ---------------------------------------------------------------------------------


# --- narratives --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "2024-Q5.yaml",
            "schema_version: 1\n",
            ("narrative-file-name", "data/narratives/2024-Q5.yaml", 0, 0),
        ),
        (
            "2024-Q3.yaml",
            "schema_version: 1\ncauses: 12\n",
            ("expected-narrative", "data/narratives/2024-Q3.yaml", 2, 9),
        ),
        (
            "2024-Q3.yaml",
            "schema_version: 1\ncause: x\n",
            ("unknown-key", "data/narratives/2024-Q3.yaml", 2, 1),
        ),
        (
            "2024-Q3.yaml",
            "schema_version: 1\nproposals: [ok, '']\n",
            ("expected-narrative", "data/narratives/2024-Q3.yaml", 2, 1),
        ),
    ],
)
def test_bad_narratives_are_located(
    data: Path, name: str, text: str, expected: tuple[str, str, int, int]
) -> None:
    (data / "narratives" / name).write_text(text, "utf-8")
    problems = load(data).problems
    assert [(p.code, p.location.path, p.location.line, p.location.column) for p in problems] == [expected]
    result = run("report", "--quarter", "2024-Q3", "--output", "-")
    assert result.exit_code == 1
    assert "Traceback" not in result.output


# --- the command -------------------------------------------------------------------------------


def test_default_output_paths_and_message(data: Path) -> None:
    result = run("report", "--quarter", "2024Q2", "--generated-on", MADE_ON)
    assert result.exit_code == 0, result.output
    assert result.output == f"Đã ghi báo cáo 2024-Q2: {os.path.join('reports', '2024-Q2.md')}\n"
    english = run("report", "--year", "2024", "--format", "html", "--lang", "en", "--generated-on", MADE_ON)
    assert english.output == f"Report 2024 written to {os.path.join('reports', '2024.en.html')}\n"
    assert Path("reports/2024.en.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    inferred = run("report", "--quarter", "2024-Q2", "-o", "out/q2.html", "--generated-on", MADE_ON)
    assert inferred.exit_code == 0 and Path("out/q2.html").read_text("utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--quarter", "2024-Q2", "--half", "2024-H1"],
        ["--quarter", "2024-Q5"],
        ["--half", "2024-Q1"],
        ["--quarter", "2025-Q1"],
        ["--quarter", "2024-Q2", "-o", "report.docx"],
        ["--quarter", "2024-Q2", "--generated-on", "5/7/2024"],
        ["--quarter", "2024-Q2", "--templates", "no-such-folder"],
    ],
)
def test_misuse_is_exit_2_with_a_message(data: Path, args: list[str]) -> None:
    result = run("report", *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not Path("reports").exists()


def test_bad_data_writes_noreport_of(data: Path) -> None:
    (data / "communes" / "tra-bui.yaml").write_text("schema_version: 1\nid: tra-bui\nid: x\n", "utf-8")
    result = run("report", "--quarter", "2024-Q2")
    assert result.exit_code == 1
    assert "error[yaml-duplicate-key]" in result.output
    assert not Path("reports").exists()


def test_a_failure_while_writing_leaves_the_previousreport_of(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("report", "--quarter", "2024-Q2", "--generated-on", MADE_ON).exit_code == 0
    previous = Path("reports/2024-Q2.md").read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("trabong_d8.fsio.os.replace", broken_replace)
    result = run("report", "--quarter", "2024-Q2", "--generated-on", "2024-07-06")
    assert result.exit_code == 2
    assert result.output.startswith("reports/2024-Q2.md: error[output-unwritable]: ")
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert Path("reports/2024-Q2.md").read_bytes() == previous
    assert sorted(p.name for p in Path("reports").iterdir()) == ["2024-Q2.md"]


# --- provenance --------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_footer_names_the_commit_or_uncommitted_changes(data: Path) -> None:
    _git(data.parent, "init", "-q")
    _git(data.parent, "add", "data")
    _git(data.parent, "commit", "-qm", "data")
    commit = _git(data.parent, "rev-parse", "--short=12", "HEAD").strip()
    clean = run("report", "--quarter", "2024-Q2", "-o", "-", "--lang", "en").output
    assert f"Data version (commit): {commit}." in clean
    add_record(data, "tra-bui", Q3_RECORDS)
    dirty = run("report", "--quarter", "2024-Q2", "-o", "-", "--lang", "en").output
    assert f"Data version (commit): {commit}, with uncommitted changes" in dirty


def test_an_output_path_that_is_a_folder_is_refused_clearly(data: Path) -> None:
    Path("out.md").mkdir()
    result = run("report", "--quarter", "2024-Q2", "--output", "out.md")
    assert result.exit_code == 2
    assert result.output.startswith("out.md: error[output-unwritable]: ")
