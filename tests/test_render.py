"""Rendering reports (``render``): golden files in both languages and formats, Markdown and HTML
escaping of what the data holds, determinism, narratives as written, the user's templates and words.

Every case copies the illustrative data set into ``tmp_path/data`` (the ``data`` fixture).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from trabong_d8.periods import Period, PeriodKind
from trabong_d8.render import md_escape, render_report

from .helpers import MADE_ON, add_record, check_golden, report_of, run


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
def test_a_broken_custom_template_is_located_and_leaves_the_previousreport_of(
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


def test_report_renders_without_the_cli(data: Path) -> None:
    report = report_of(data, "2024-Q2")
    assert render_report(report, "md", "vi") == render_report(report, "md", "vi")
    assert isinstance(Period(PeriodKind.quarter, 2024, 2).end, dt.date)
