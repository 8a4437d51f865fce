"""``d8 report``: figures equal ``d8 status``, escaping, determinism, narratives, templates, files.

Every case copies the illustrative data set into ``tmp_path/data`` (outside git, so the footer is
the same on every machine) and runs there, so paths in the output read ``data/…``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from trabong_d8.cli import app
from trabong_d8.periods import Period, PeriodKind, parse_period, period_from_id
from trabong_d8.provenance import Provenance
from trabong_d8.render import md_escape, render_report
from trabong_d8.report import build_report

from .helpers import ROOT, check_golden, load

EXAMPLE = ROOT / "examples" / "half-year-2024"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "D8_LANG": "", "D8_DATA": ""}
MADE_ON = "2024-07-05"

runner = CliRunner()


def run(*args: str, **env: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={**ENV, **env})


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def add_record(data: Path, commune: str, text: str) -> None:
    """Append records (YAML list entries, two-space indented) to a commune's ``records:``."""
    path = data / "communes" / f"{commune}.yaml"
    source = path.read_text("utf-8")
    assert source.rstrip().splitlines()[-1].startswith("      "), "records: must be the file's last key"
    path.write_text(source.rstrip("\n") + "\n" + text.strip("\n") + "\n", "utf-8")


Q3_RECORDS = """
  - date: 2024-07-10
    item: nd3.hd1.2
    organiser: commune
    title: "Đối thoại chính sách quý III"
    count: 2
    participants: {total: 40, women: 25, men: 15, ethnic_minority: 38}
  - date: 2024-08-02
    item: nd1.hd4.3
    organiser: commune
    title: "Tư vấn sinh đẻ an toàn quý III"
    participants: {total: 44, women: 42, men: 2, ethnic_minority: 44}
    safe_birth_reached: 40
"""


# --- periods -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2024-Q1", PeriodKind.quarter, "2024-01-01", "2024-03-31"),
        ("2024Q2", PeriodKind.quarter, "2024-04-01", "2024-06-30"),
        ("2024-q3", PeriodKind.quarter, "2024-07-01", "2024-09-30"),
        ("2024-Q4", PeriodKind.quarter, "2024-10-01", "2024-12-31"),
        ("2024-H1", PeriodKind.half, "2024-01-01", "2024-06-30"),
        ("2024H2", PeriodKind.half, "2024-07-01", "2024-12-31"),
        ("2024", PeriodKind.year, "2024-01-01", "2024-12-31"),
    ],
)
def test_periods_cover_their_days(text: str, kind: PeriodKind, start: str, end: str) -> None:
    period = parse_period(text, kind)
    assert period is not None
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)
    assert period_from_id(period.id) == period
    assert period.contains(period.start) and period.contains(period.end)
    assert not period.contains(period.start - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2024-Q5", PeriodKind.quarter),
        ("Q3-2024", PeriodKind.quarter),
        ("2024-H3", PeriodKind.half),
        ("24", PeriodKind.year),
        ("2024-Q3", PeriodKind.half),
    ],
)
def test_bad_periods_are_refused(text: str, kind: PeriodKind) -> None:
    assert parse_period(text, kind) is None


def test_narrative_file_names_must_be_canonical_period_ids() -> None:
    assert period_from_id("2024-Q3") is not None
    assert period_from_id("2024q3") is None  # a file name is the id as d8 writes it


# --- the figures -------------------------------------------------------------------------------


def _report(data: Path, period_id: str, made_on: str = MADE_ON):  # type: ignore[no-untyped-def]
    result = load(data)
    assert result.dataset is not None, [p.code for p in result.problems]
    period = period_from_id(period_id)
    assert period is not None
    plan = result.dataset.plan(period.year)
    assert plan is not None
    return build_report(result.dataset, plan, period, Provenance(generated_on=dt.date.fromisoformat(made_on)))


@pytest.mark.parametrize(
    ("period_id", "end"),
    [("2024-Q2", "2024-06-30"), ("2024-H1", "2024-06-30"), ("2024-Q3", "2024-09-30"), ("2024", "2024-12-31")],
)
def test_cumulative_figures_equal_status_json(data: Path, period_id: str, end: str) -> None:
    add_record(data, "tra-bui", Q3_RECORDS)
    status = json.loads(run("status", "--as-of", end, "--json").stdout)
    report = _report(data, period_id)
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
    q2 = {t.target.id: t for t in _report(data, "2024-Q2").targets}
    assert (q2["policy_dialogues"].in_period, q2["policy_dialogues"].now.achieved) == (7, 7)
    assert q2["safe_birth_outreach"].in_period == 860
    # Q3 adds 2 dialogues (one record, count 2) and 40 women in Trà Bùi
    add_record(data, "tra-bui", Q3_RECORDS)
    q3 = {t.target.id: t for t in _report(data, "2024-Q3").targets}
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
    report = _report(data, "2024-Q3")
    assert [ct.id for ct in report.commune_targets] == ["policy_dialogues", "safe_birth_outreach"]
    rows = {row.commune.id: row for row in report.communes}
    bui = rows["tra-bui"]
    assert bui.in_period == [2, 40]
    assert (bui.now[0].achieved, bui.now[0].target, bui.now[0].percent) == (3, 1, 100.0)
    assert (bui.now[1].numerator, bui.now[1].denominator) == (125, 160)  # 85 + 40 of 160
    assert rows["tra-xuan"].now[0].target == 0  # the town has no commune dialogue allocated
    assert len(report.communes) == 16


def test_participants_are_summed_from_the_records_of_the_period(data: Path) -> None:
    report = _report(data, "2024-Q2")
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


@pytest.mark.parametrize(("lang", "fmt"), [("vi", "md"), ("en", "md"), ("vi", "html"), ("en", "html")])
def test_golden_reports(data: Path, lang: str, fmt: str) -> None:
    result = run(
        "report",
        "--quarter",
        "2024-Q2",
        "--format",
        fmt,
        "--lang",
        lang,
        "--generated-on",
        MADE_ON,
        "--output",
        "-",
    )
    assert result.exit_code == 0, result.output
    check_golden(f"report-2024-Q2-{lang}.{fmt}", result.output)


def test_rendered_figures_are_those_of_status(data: Path) -> None:
    status = json.loads(run("status", "--as-of", "2024-06-30", "--json").stdout)
    text = run(
        "report", "--quarter", "2024-Q2", "--output", "-", "--generated-on", MADE_ON, "--lang", "en"
    ).output
    rows = [line for line in text.splitlines() if line.startswith("| ") and line.count("|") == 7]
    table = rows[1:8]  # the targets table (after its header)
    for row, expected in zip(table, status["targets"], strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        if expected["unit"] == "percent":
            assert cells[3] == f"{expected['achieved']}% ({expected['numerator']}/{expected['denominator']})"
        else:
            assert cells[3] == str(expected["achieved"])
        assert cells[4] == f"{expected['percent']:g}%"


def test_reports_are_byte_identical_for_the_same_inputs(data: Path) -> None:
    for fmt in ("md", "html"):
        first = run("report", "--quarter", "2024-Q2", "--format", fmt, "--generated-on", MADE_ON)
        assert first.exit_code == 0, first.output
        produced = Path("reports") / f"2024-Q2.{fmt}"
        before = produced.read_bytes()
        again = run("report", "--quarter", "2024-Q2", "--format", fmt, "--generated-on", MADE_ON)
        assert again.exit_code == 0
        assert produced.read_bytes() == before
        assert b"\r" not in before and before.endswith(b"\n") and not before.endswith(b"\n\n")


HOSTILE_TITLE = 'A | B <script>alert("x")</script> *đậm* [link](http://x) `code` &amp; \\ _u_'


def _hostile(data: Path) -> None:
    add_record(
        data,
        "tra-bui",
        f"""
  - date: 2024-06-29
    item: nd3.hd1.3
    organiser: commune
    title: '{HOSTILE_TITLE.replace("'", "''")}'
    village: "- Thôn | 9\\ndòng hai"
    evidence: ["1. biên bản", "# không phải tiêu đề"]
""",
    )


def test_markdown_tables_stay_tables_and_show_what_was_written(data: Path) -> None:
    _hostile(data)
    text = run("report", "--quarter", "2024-Q2", "--output", "-", "--generated-on", MADE_ON).output
    html = MarkdownIt("commonmark").enable("table").render(text)
    # the record's row: six cells, each showing exactly the text typed
    row = next(line for line in text.splitlines() if "alert" in line)
    assert "<script>" not in html and "&lt;script&gt;" in html
    parsed = MarkdownIt("commonmark").enable("table").parse(text)
    cells = _row_cells(parsed, "alert")
    assert len(cells) == 6, row
    assert cells[3] == HOSTILE_TITLE
    assert cells[1] == "Trà Bùi, - Thôn | 9<br>dòng hai"  # a line break shows as one in the cell
    assert cells[5] == "1. biên bản<br># không phải tiêu đề"


def _row_cells(tokens, needle: str) -> list[str]:  # type: ignore[no-untyped-def]
    rows: list[list[str]] = []
    in_row = False
    for token in tokens:
        if token.type in ("tr_open", "tr_close"):
            in_row = token.type == "tr_open"
            if in_row:
                rows.append([])
        elif token.type == "inline" and in_row:
            rows[-1].append("".join(_text(child) for child in token.children or []))
    return next(r for r in rows if any(needle in c for c in r))


def _text(token) -> str:  # type: ignore[no-untyped-def]
    if token.type in ("text", "code_inline"):
        return str(token.content) if token.type == "text" else f"`{token.content}`"
    if token.type == "html_inline":
        return str(token.content)
    return "".join(_text(c) for c in token.children or [])


def test_md_escape_round_trips_through_a_markdown_parser() -> None:
    md = MarkdownIt("commonmark").enable("table")
    for text in [
        "1. not a list",
        "- not a bullet",
        "# not a heading",
        "a|b",
        "*x* _y_ `z` [q](r) <b>",
        "&lt;",
    ]:
        tokens = md.parseInline(md_escape(text, block_start=True))
        assert "".join(_text(t) for t in tokens) == text, text


def test_html_is_escaped_and_self_contained(data: Path) -> None:
    _hostile(data)
    text = run(
        "report", "--quarter", "2024-Q2", "--format", "html", "--output", "-", "--generated-on", MADE_ON
    ).output
    assert "<script" not in text and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    assert "- Thôn | 9\ndòng hai" in text
    # self-contained: nothing is fetched (no external link, script, font or image)
    for needle in ("http://", "https://", "<link", "src=", "@import", "url("):
        assert needle not in text.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
            "[link](http://x)", ""
        ), needle
    assert text.count("<svg") == 7  # one chart per core target
    assert "@page { size: A4" in text


# --- narratives --------------------------------------------------------------------------------


def test_missing_narrative_parts_are_marked(data: Path) -> None:
    text = run("report", "--half", "2024-H1", "--output", "-", "--generated-on", MADE_ON).output
    assert text.count("\\[CHƯA VIẾT\\]") == 5  # no 2024-H1.yaml: every part is missing
    assert "data/narratives/2024-H1.yaml" in text
    q2 = run("report", "--quarter", "2024-Q2", "--output", "-", "--generated-on", MADE_ON).output
    assert q2.count("\\[CHƯA VIẾT\\]") == 1  # the example leaves out only the overall assessment
    assert "- Kinh phí năm 2024 được giao muộn" in q2
    assert "Địa hình đồi núi, giao thông chưa thuận lợi; phong tục tập quán còn nặng nề.\n\nĐội ngũ" in q2


def test_narrative_number_date_and_signer_fill_the_header(data: Path) -> None:
    path = data / "narratives" / "2024-Q2.yaml"
    text = (
        path.read_text("utf-8")
        .replace("number: null ", 'number: "25/BC-HLHPN"')
        .replace("signed_on: null ", "signed_on: 2024-07-05")
    )
    path.write_text(text + 'signer: {title: "CHỦ TỊCH", name: "Nguyễn Thị A"}\n', "utf-8")
    out = run("report", "--quarter", "2024-Q2", "--output", "-", "--generated-on", MADE_ON).output
    assert "Số: 25/BC\\-HLHPN" not in out and "Số: 25/BC-HLHPN" in out
    assert "Trà Bồng, ngày 05 tháng 07 năm 2024" in out
    assert "**Nguyễn Thị A**" in out


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


def test_bad_data_writes_no_report(data: Path) -> None:
    (data / "communes" / "tra-bui.yaml").write_text("schema_version: 1\nid: tra-bui\nid: x\n", "utf-8")
    result = run("report", "--quarter", "2024-Q2")
    assert result.exit_code == 1
    assert "error[yaml-duplicate-key]" in result.output
    assert not Path("reports").exists()


def test_custom_words_override_only_what_they_change(data: Path, tmp_path: Path) -> None:
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "words.yaml").write_text('report: {vi: "BÁO CÁO NHANH", en: "QUICK REPORT"}\n', "utf-8")
    out = run("report", "--quarter", "2024-Q2", "--templates", str(custom), "-o", "-").output
    assert "# BÁO CÁO NHANH" in out
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out  # every other word is the shipped one


@pytest.mark.parametrize(
    ("template", "line"),
    [
        ("# {{ w.report }}\n{% for x in %}\n", 2),  # a syntax error
        ("# {{ w.report }}\n\n{{ r.no_such_thing }}\n", 3),  # a name that does not exist
        ("# ok\n{{ w.no_such_word }}\n", 2),
    ],
)
def test_a_broken_custom_template_is_located_and_leaves_the_previous_report(
    data: Path, tmp_path: Path, template: str, line: int
) -> None:
    assert run("report", "--quarter", "2024-Q2", "--generated-on", MADE_ON).exit_code == 0
    previous = Path("reports/2024-Q2.md").read_bytes()
    custom = tmp_path / "mine"
    custom.mkdir()
    (custom / "report.md.j2").write_text(template, "utf-8")
    result = run("report", "--quarter", "2024-Q2", "--templates", str(custom))
    assert result.exit_code == 1, result.output
    first = result.output.splitlines()[0]
    assert first.startswith(f"mine/report.md.j2:{line}:1: error[template-error]: "), first
    assert "Traceback" not in result.output
    # the render failed half-way: the previous file is intact and no temporary file is left
    assert Path("reports/2024-Q2.md").read_bytes() == previous
    assert sorted(p.name for p in Path("reports").iterdir()) == ["2024-Q2.md"]


def test_a_failure_while_writing_leaves_the_previous_report(
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


def test_report_renders_without_the_cli(data: Path) -> None:
    report = _report(data, "2024-Q2")
    assert render_report(report, "md", "vi") == render_report(report, "md", "vi")
    assert isinstance(Period(PeriodKind.quarter, 2024, 2).end, dt.date)


def test_an_output_path_that_is_a_folder_is_refused_clearly(data: Path) -> None:
    Path("out.md").mkdir()
    result = run("report", "--quarter", "2024-Q2", "--output", "out.md")
    assert result.exit_code == 2
    assert result.output.startswith("out.md: error[output-unwritable]: ")
