"""The output formats of problems (``output``): text, JSON with every parameter, GitHub workflow
annotations; and the paths they show, relative to where the command runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from trabong_d8.messages import problem_message

from .helpers import (
    SEVERAL,
    XUAN,
    Case,
    build,
    case_by_id,
    load,
    numbered,
    validate,
    xuan,
)

#: the cases these tests print (copies of three of the communes' catalogue)
CASES = [
    pytest.param(
        Case(
            {
                XUAN: numbered("""
 1| schema_version: 1
 2| id: tra-xuan
 3| name: Trà Xuân
 4| kind: thi_tran
 5| code: null
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|   safe_birth_target_group: null
""")
            },
            [("allocation-no-denominator", XUAN, 6, 1)],
            en="this commune's 80 % target cannot be computed",
            vi="tỷ lệ 80% của xã này chưa tính được",
        ),
        id="no-safe-birth-group",
    ),
    # --- dates ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2023-12-31
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("date-outside-plan", XUAN, 12, 11)],
            en="the date 2023-12-31 is outside the plan year (2024-01-01 – 2024-12-31)",
            vi="ngày 2023-12-31 nằm ngoài năm kế hoạch (2024-01-01 – 2024-12-31)",
        ),
        id="date-outside-plan",
    ),
    # --- warnings are shown apart, after the errors, even when they come first in the file ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd2.4
14|     organiser: commune
15|     title: Tập huấn Dẫn Trình viên
16|   - date: 2023-03-09
17|     item: nd3.hd1.6
18|     organiser: commune
19|     title: Truyền thông pháp luật
"""),
            [("level-no-target", XUAN, 14, 16), ("date-outside-plan", XUAN, 16, 11)],
            en="1 error(s), 1 warning(s).",
            vi="1 lỗi, 1 cảnh báo.",
        ),
        id="warning-shown-after-error",
    ),
]


def test_json_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = build(SEVERAL, tmp_path, monkeypatch)
    problems = load(data).problems
    result = validate(data, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.output)  # the whole output is the JSON list, nothing else
    assert isinstance(payload, list)
    assert [set(entry) for entry in payload] == [
        {"path", "line", "column", "severity", "code", "message", "params"}
    ] * len(SEVERAL.expected)
    assert [(e["code"], e["path"], e["line"], e["column"]) for e in payload] == SEVERAL.expected
    # the parameters of each message, as plain values a program can use
    assert [e["params"] for e in payload] == [p.params for p in problems]
    [bad_code] = [e for e in payload if e["code"] == "bad-code"]
    assert bad_code["params"] == {"found": "21x15", "value": "21x15"}
    assert {e["severity"] for e in payload} == {"error"}
    assert [e["message"] for e in payload] == [problem_message(p, "vi") for p in problems]
    english = json.loads(validate(data, "--format", "json", "--lang", "en").output)
    assert [e["message"] for e in english] == [problem_message(p, "en") for p in problems]


def test_github_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = build(SEVERAL, tmp_path, monkeypatch)
    problems = load(data).problems
    result = validate(data, "--format", "github", "--lang", "en")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"::error file={path},line={line},col={column},title={code}::{problem_message(p, 'en')}"
        for (code, path, line, column), p in zip(SEVERAL.expected, problems, strict=True)
    ]


def test_github_format_marks_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(CASES, "no-safe-birth-group")
    data = build(case, tmp_path, monkeypatch)
    result = validate(data, "--format", "github")
    assert result.exit_code == 0
    assert re.fullmatch(
        rf"::warning file={XUAN},line=6,col=1,title=allocation-no-denominator::[^\n]+\n",
        result.output,
    )


def test_paths_are_relative_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(CASES, "date-outside-plan")
    data = build(case, tmp_path, monkeypatch)
    monkeypatch.chdir(data / "communes")
    result = validate(data)  # an absolute --data, shown from where the command runs
    assert result.output.startswith("tra-xuan.yaml:12:11: error[date-outside-plan]: ")


def test_json_format_gives_each_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(CASES, "warning-shown-after-error")
    data = build(case, tmp_path, monkeypatch)
    result = validate(data, "--format", "json", "--lang", "en")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert [(e["code"], e["severity"], e["line"]) for e in payload] == [
        ("level-no-target", "warning", 14),
        ("date-outside-plan", "error", 16),
    ]
    github = validate(data, "--format", "github").output.splitlines()
    assert [line.split(" ", 1)[0] for line in github] == ["::warning", "::error"]
