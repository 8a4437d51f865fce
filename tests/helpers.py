"""What many test modules share: the repository's paths, the CLI runner, golden files, and the
catalogue method for bad input.

The catalogue method: every case starts from ``tests/fixtures/valid/`` (copied into
``tmp_path/data``) and rewrites ONE file with ONE kind of mistake. The rewritten text is written
with a line-number gutter (``15|     titel: …``) that :func:`numbered` strips after checking the
numbers run in order, so the expected ``line`` of each problem can be read straight off the text
next to it. :func:`check_case` then asserts, for every case: the exact list of problems (code, path,
line, column, in order), the exit code of ``d8 validate`` (and of ``--strict``), the exact
``PATH:LINE:COL: error[CODE]: `` prefix of each output line, no traceback, and one distinctive piece
of the message in Vietnamese (the default) and in English (``--lang en``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from trabong_d8.cli import app
from trabong_d8.codes import CODES, Severity
from trabong_d8.dataset import LoadResult
from trabong_d8.loader import load_dataset
from trabong_d8.messages import word
from trabong_d8.problems import Problem
from trabong_d8.report import Report

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
VALID = TESTS / "fixtures" / "valid"
GOLDEN = TESTS / "golden"
DATA = ROOT / "data"
EXAMPLE = ROOT / "examples" / "half-year-2024"
EXAMPLE_YEARS = ROOT / "examples" / "2024-2025"

# Paths as the loader shows them: relative to the current folder, which every case sets to
# tmp_path, with the data folder at tmp_path/data.
PLAN = "data/plan_2024.yaml"
BUI = "data/communes/tra-bui.yaml"
SON = "data/communes/tra-son.yaml"
XUAN = "data/communes/tra-xuan.yaml"

#: Codes that are warnings (exit 0 unless --strict): read from the one table, checked by name in
#: test_codes.py.
WARNING_CODES = frozenset(code for code, severity in CODES.items() if severity is Severity.WARNING)

Expected = tuple[str, str, int, int]  # (code, path, line, column); line 0 = the whole file

runner = CliRunner()
#: the environment of a CLI test: no language or data folder from the caller, no colours
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "D8_LANG": "", "D8_DATA": ""}
CASE_ENV = {"D8_LANG": "", "D8_DATA": "", "NO_COLOR": "1", "COLUMNS": "200"}


def run(*args: str, **env: str) -> Result:
    """``d8 ARGS`` through typer's runner, in the test environment (``env`` adds to it)."""
    return runner.invoke(app, list(args), env={**ENV, **env})


def load(data: Path, today: dt.date | None = None) -> LoadResult:
    """``load_dataset`` as the commands call it, today unless told otherwise."""
    return load_dataset(data, today or dt.date.today())


# --- golden files --------------------------------------------------------------------------------

#: the golden files a run with D8_UPDATE_GOLDEN=1 rewrote (conftest prints them at the end)
REWRITTEN: list[str] = []


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with ``tests/golden/<name>``; ``D8_UPDATE_GOLDEN=1`` rewrites the file
    (and the run's summary says which files changed)."""
    path = GOLDEN / name
    if os.environ.get("D8_UPDATE_GOLDEN"):
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != actual:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="\n")
            REWRITTEN.append(name)
        return
    if not path.exists():
        pytest.fail(f"golden file {path.name} is missing: run with D8_UPDATE_GOLDEN=1 to create it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from tests/golden/{name}"


# --- building cases ------------------------------------------------------------------------------

_GUTTER = re.compile(r" *(\d+)\|(?: (.*))?\Z")


def numbered(text: str, start: int = 1) -> str:
    """The file text written with a ``N| `` gutter, without it; the gutter must count from start."""
    lines = []
    for n, line in enumerate(text.strip("\n").split("\n"), start):
        match = _GUTTER.match(line)
        assert match, f"no gutter on {line!r}"
        assert int(match[1]) == n, f"gutter says {match[1]}, the line is {n}: {line!r}"
        lines.append(match[2] or "")
    return "\n".join(lines) + "\n"


# The first ten lines of fixtures/valid/communes/tra-xuan.yaml (test_xuan_head_is_the_fixtures
# keeps them equal). Trà Xuân is allocated no dialogues, so a case that breaks this file does not
# change the allocation sum: a broken file that is allocated some would also bring a false
# allocation-sum (see the case a-broken-file-does-not-also-break-the-sum in test_checks.py).
XUAN_HEAD = numbered("""
 1| schema_version: 1
 2| id: tra-xuan
 3| name: Trà Xuân
 4| kind: thi_tran
 5| code: null
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|   safe_birth_target_group: 80
""")


def xuan(body: str) -> dict[str, str | bytes | None]:
    """tra-xuan.yaml as its first ten lines and ``body``, whose gutter goes on from 11."""
    return {XUAN: XUAN_HEAD + numbered(body, start=11)}


def plan_with(line: int, old: str, new: str) -> dict[str, str | bytes | None]:
    """The valid plan with line ``line`` (which must read ``old``) replaced by ``new``."""
    lines = (VALID / "plan_2024.yaml").read_text(encoding="utf-8").split("\n")
    assert lines[line - 1] == old, f"plan line {line} is {lines[line - 1]!r}"
    lines[line - 1] = new
    return {PLAN: "\n".join(lines)}


@dataclass
class Case:
    """One kind of mistake: the files to change, what must be found, and a word of each message."""

    #: path as shown (``data/…``) → new text, or bytes, or None to delete the file
    files: dict[str, str | bytes | None]
    expected: list[Expected]
    en: str  # a distinctive piece of the English output
    vi: str  # a distinctive piece of the Vietnamese (default) output
    setup: Callable[[Path], None] | None = None  # any other change, given the data folder


def case_by_id(cases: list[Any], case_id: str) -> Case:
    """The Case of a ``pytest.param`` in a catalogue, by its id."""
    [case] = [param.values[0] for param in cases if param.id == case_id]
    assert isinstance(case, Case)
    return case


def build(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copy the valid folder to tmp_path/data, apply the case, chdir to tmp_path; the data folder."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data, symlinks=True)
    for shown, content in case.files.items():
        path = tmp_path / shown
        if content is None:
            path.unlink()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    if case.setup is not None:
        case.setup(data)
    monkeypatch.chdir(tmp_path)
    return data


def found(problems: list[Problem]) -> list[Expected]:
    return [(p.code, p.location.path, p.location.line, p.location.column) for p in problems]


def validate(folder: Path, *args: str) -> Result:
    result = runner.invoke(app, ["validate", "--data", str(folder), *args], env=CASE_ENV)
    assert "Traceback" not in result.output
    # a fault inside the command would surface here (CliRunner turns it into exit code 1)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


_PREFIX = re.compile(r"(\S+): (error|warning)\[([a-z0-9-]+)\]: ")


def check_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    data = build(case, tmp_path, monkeypatch)

    problems = load(data).problems
    assert found(problems) == case.expected
    for problem in problems:
        assert problem.code in CODES, problem.code
        expected_severity = Severity.WARNING if problem.code in WARNING_CODES else Severity.ERROR
        assert problem.severity is expected_severity, problem.code

    # the output's problem lines, exactly and in order: errors, then warnings under their heading
    prefixes = []
    in_output_order = sorted(case.expected, key=lambda e: e[0] in WARNING_CODES)  # stable
    for code, path, line, column in in_output_order:
        severity = "warning" if code in WARNING_CODES else "error"
        where = f"{path}:{line}:{column}" if line else path
        prefixes.append(f"{where}: {severity}[{code}]: ")
    errors = any(code not in WARNING_CODES for code, *_ in case.expected)

    vi = validate(data)
    assert vi.exit_code == (1 if errors else 0), vi.output
    assert [m[0] for line in vi.output.splitlines() if (m := _PREFIX.match(line))] == prefixes
    assert case.vi in vi.output

    en = validate(data, "--lang", "en")
    assert en.exit_code == vi.exit_code
    assert [m[0] for line in en.output.splitlines() if (m := _PREFIX.match(line))] == prefixes
    assert case.en in en.output
    assert case.en not in vi.output
    assert case.vi not in en.output
    warnings = any(code in WARNING_CODES for code, *_ in case.expected)
    for result, lang in ((vi, "vi"), (en, "en")):
        lines = result.output.splitlines()
        heading = word("warnings_heading", lang)
        assert (heading in lines) == warnings
        if warnings:  # the heading stands right before the first warning
            first = next(i for i, text in enumerate(lines) if ": warning[" in text)
            assert lines[first - 1] == heading
            assert all(": error[" not in text for text in lines[first:])

    if case.expected and not errors:
        strict = validate(data, "--strict")
        assert strict.exit_code == 1
        assert word("warnings_heading_strict", "vi") in strict.output.splitlines()

    # a case must never run anything (the python/object tag case would create this file)
    assert not list(tmp_path.rglob("PWNED"))
    return problems


# --- a case of several files at once, printed in every format (rules, output) ---------------------

SEVERAL = Case(
    {
        SON: numbered("""
 1| schema_version: 1
 2| id: tra-son
 3| name: Trà Sơn
 4| kind: xa
 5| code: null
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 9
10|   safe_birth_target_group: 120
11| records:
12|   - id: ts-dt-01
13|     date: 2023-04-19
14|     item: nd3.hd1.2
15|     organiser: commune
16|     title: Đối thoại chính sách về phòng, chống bạo lực gia đình
"""),
        XUAN: numbered("""
 1| schema_version: 1
 2| id: tra-xuan
 3| name: Trà Xuân
 4| kind: thi_tran
 5| code: "21x15"
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|   safe_birth_target_group: 80
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     titel: Truyền thông pháp luật
"""),
        **plan_with(518, '              commune: "Xã"', '              commune: "Cấp xã"'),
    },
    [
        ("date-outside-plan", SON, 13, 11),
        ("bad-code", XUAN, 5, 7),
        ("unknown-key", XUAN, 15, 5),
        ("plan-target-wording", PLAN, 518, 24),
    ],
    en="4 error(s), 0 warning(s).",
    vi="4 lỗi, 0 cảnh báo.",
)


# --- reports: the example's figures, and records added to it ----------------------------------------

MADE_ON = "2024-07-05"


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


def report_of(data: Path, period_id: str, made_on: str = MADE_ON) -> Report:
    """The report model of ``period_id`` for the data folder ``data``, made on ``made_on``."""
    from trabong_d8.periods import period_from_id
    from trabong_d8.provenance import Provenance
    from trabong_d8.report import build_report

    result = load(data)
    assert result.dataset is not None, [p.code for p in result.problems]
    period = period_from_id(period_id)
    assert period is not None
    plan = result.dataset.plan(period.year)
    assert plan is not None
    return build_report(result.dataset, plan, period, Provenance(generated_on=dt.date.fromisoformat(made_on)))
