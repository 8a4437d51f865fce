"""A catalogue of bad inputs, part 1: files, YAML and shapes (what ``load_dataset`` refuses itself).

Every case starts from ``tests/fixtures/valid/`` (copied into ``tmp_path/data``) and rewrites ONE
file with ONE kind of mistake. The rewritten text is written here with a line-number gutter
(``15|     titel: …``) that :func:`numbered` strips after checking the numbers run in order, so the
expected ``line`` of each problem can be read straight off the text next to it.

:func:`check_case` then asserts, for every case: the exact list of problems (code, path, line,
column, in order), the exit code of ``d8 validate`` (and of ``--strict``), the exact
``PATH:LINE:COL: error[CODE]: `` prefix of each output line, no traceback, and one distinctive
piece of the message in Vietnamese (the default) and in English (``--lang en``).

The cross-file checks (ids, references, allocation, warnings, the plan's own sums) are in
``test_checks.py``; both use the helpers of ``helpers.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from trabong_d8.messages import problem_message
from trabong_d8.yamlfile import MAX_FILE_BYTES
from trabong_d8.yamlio import MAX_PROBLEMS_PER_FILE

from .helpers import (
    PLAN,
    ROOT,
    VALID,
    XUAN,
    XUAN_HEAD,
    Case,
    Expected,
    build,
    case_by_id,
    check_case,
    found,
    load,
    numbered,
    validate,
    xuan,
)

# --- the valid folder ----------------------------------------------------------------------------


def test_valid_plan_is_a_copy_of_the_shipped_plan() -> None:
    assert (VALID / "plan_2024.yaml").read_bytes() == (ROOT / "data" / "plan_2024.yaml").read_bytes()


def test_xuan_head_is_the_fixtures() -> None:
    text = (VALID / "communes" / "tra-xuan.yaml").read_text(encoding="utf-8")
    assert text.startswith(XUAN_HEAD + "records:\n")


def test_valid_folder_has_no_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    result = load(VALID)
    assert result.problems == []
    assert result.dataset is not None
    communes = result.dataset.communes
    assert [c.id for c in communes] == ["tra-bui", "tra-son", "tra-xuan"]
    assert sum(c.allocation_for(2024).items["nd3.hd1.2"] for c in communes) == 19  # the plan's commune target
    club = communes[0].entities[0]
    assert (club.id, club.kind.value, club.item) == ("clb-tra-bui", "change_leader_club", "nd3.hd2.2")
    assert any(r.entity == "clb-tra-bui" for r in communes[0].records)

    monkeypatch.chdir(ROOT)
    for args in ([], ["--strict"]):
        result = validate(Path("tests/fixtures/valid"), *args)
        assert result.exit_code == 0, result.output
        assert result.output == "Dữ liệu hợp lệ: 4 tệp, 18 bản ghi, 3 mô hình.\n"


# --- the catalogue: files, YAML, shapes ----------------------------------------------------------


def _oversized(data: Path) -> None:
    # one byte over the limit, and sparse: nothing is written, nothing need be read
    with (data / "communes" / "tra-xuan.yaml").open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)


def _outside_plan(data: Path) -> None:
    outside = data.parent / "plan.yaml"
    (data / "plan_2024.yaml").rename(outside)
    (data / "plan_2024.yaml").symlink_to(outside)


def _outside_communes(data: Path) -> None:
    outside = data.parent / "elsewhere"
    (data / "communes").rename(outside)
    (data / "communes").symlink_to(outside, target_is_directory=True)


def _outside_symlink(data: Path) -> None:
    outside = data.parent / "outside.yaml"
    outside.write_bytes((data / "communes" / "tra-xuan.yaml").read_bytes())
    (data / "communes" / "tra-xuan-link.yaml").symlink_to(outside)


LOADER_CASES = [
    # --- keys ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     titel: Truyền thông pháp luật
"""),
            # the typo leaves the record without its title, so both are said
            [("unknown-key", XUAN, 15, 5)],  # not also "title is missing"
            en="unknown key 'titel' (did you mean 'title'?)",
            vi="khóa không hợp lệ 'titel' (có phải ý bạn là 'title'?)",
        ),
        id="unknown-key-titel",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organizer: commune
15|     title: Truyền thông pháp luật
"""),
            [("unknown-key", XUAN, 14, 5)],
            en="(did you mean 'organiser'?)",
            vi="(có phải ý bạn là 'organiser'?)",
        ),
        id="unknown-key-organizer",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
"""),
            [("missing-key", XUAN, 12, 5)],  # at the record's first key
            en="the required key 'title' is missing",
            vi="thiếu khóa bắt buộc 'title'",
        ),
        id="missing-key",
    ),
    # --- types ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: "12"
"""),
            [("expected-integer", XUAN, 17, 14)],
            en="Write just the number, e.g. 12 (no quotes, units or words)",
            vi="Chỉ viết con số, ví dụ 12 (không dấu nháy, không đơn vị hay chữ)",
        ),
        id="count-as-text",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: 12.5
"""),
            [("expected-whole-number", XUAN, 17, 14)],
            en="Counts are whole numbers",
            vi="Số lượng phải là số nguyên",
        ),
        id="count-as-decimal",
    ),
    pytest.param(
        Case(
            {
                XUAN: numbered("""
 1| schema_version: 1
 2| id: tra-xuan
 3| name: Trà Xuân
 4| kind: thi_tran
 5| code: null
 6| especially_difficult: yes
 7| allocation:
 8|   source: estimate
 9|   items:
10|     nd3.hd1.2: 0
11|   safe_birth_target_group: 80
""")
            },
            [("expected-boolean", XUAN, 6, 23)],
            en="yes/no are not accepted",
            vi="Không dùng yes/no",
        ),
        id="yes-for-boolean",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: 123
"""),
            [("expected-text", XUAN, 15, 12)],
            en='Put the value in double quotes to keep it as written, e.g. "123"',
            vi='Đặt giá trị trong dấu nháy kép để giữ đúng như đã viết, ví dụ "123"',
        ),
        id="number-for-text",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants: [1, 2]
"""),
            [("expected-mapping", XUAN, 16, 5)],  # at the key: its value is a whole block
            en="expected a mapping (indented 'key: value' lines below), found a list",
            vi="cần một bảng khóa: giá trị",
        ),
        id="list-for-mapping",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: -3
"""),
            [("negative-count", XUAN, 17, 14)],
            en="a count cannot be negative",
            vi="số lượng không được âm",
        ),
        id="negative-count",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     count: 0
"""),
            [("too-small", XUAN, 16, 12)],
            en="below the minimum 1",
            vi="nhỏ hơn mức tối thiểu 1",
        ),
        id="zero-sessions",
    ),
    pytest.param(
        Case(
            {
                XUAN: numbered("""
 1| schema_version: 1
 2| id: tra-xuan
 3| name: Trà Xuân
 4| kind: thị trấn
 5| code: null
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|   safe_birth_target_group: 80
""")
            },
            [("unexpected-value", XUAN, 4, 7)],
            en="Choose one of: 'thi_tran', 'xa'",
            vi="Chọn một trong: 'thi_tran', 'xa'",
        ),
        id="not-one-of-the-choices",
    ),
    # --- dates and codes ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-02-30
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("impossible-date", XUAN, 12, 11)],
            en="does not exist. Check the day and month",
            vi="không tồn tại. Kiểm tra ngày và tháng",
        ),
        id="impossible-date",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 30/4/2024
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("bad-date", XUAN, 12, 11)],
            en="expected a date as YEAR-MONTH-DAY (e.g. 2024-03-08), found the text '30/4/2024'",
            vi="cần ngày dạng NĂM-THÁNG-NGÀY",
        ),
        id="not-a-date",
    ),
    pytest.param(
        Case(
            {
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
""")
            },
            [("bad-code", XUAN, 5, 7)],
            en="the code must be digits",
            vi="mã đơn vị phải gồm chữ số",
        ),
        id="code-with-letters",
    ),
    # --- ids ---
    pytest.param(
        Case(
            {
                XUAN: numbered("""
 1| schema_version: 1
 2| id: Trà Bùi
 3| name: Trà Xuân
 4| kind: thi_tran
 5| code: null
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|   safe_birth_target_group: 80
""")
            },
            [("bad-id", XUAN, 2, 5)],
            en="use lower-case ASCII letters, digits and hyphens, e.g. tra-bui",
            vi="chỉ dùng chữ thường không dấu",
        ),
        id="bad-slug",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3-hd1-6
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("bad-id", XUAN, 13, 11)],
            en="item ids look like nd3.hd1.2 (or nd4.2)",
            vi="mã mục có dạng nd3.hd1.2",
        ),
        id="bad-item-id",
    ),
    # --- YAML the reader refuses ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: 5
18|       women: 2
19|       total: 6
"""),
            [("yaml-duplicate-key", XUAN, 19, 7)],
            en="the key 'total' is repeated (already at line 17)",
            vi="khóa 'total' lặp lại (đã có ở dòng 17)",
        ),
        id="duplicate-key",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants: &people
17|       total: 40
18|   - date: 2024-03-09
19|     item: nd3.hd1.6
20|     organiser: commune
21|     title: Truyền thông pháp luật, buổi 2
22|     participants: *people
"""),
            [("yaml-anchor", XUAN, 16, 19), ("yaml-alias", XUAN, 22, 19)],
            en="YAML aliases (*people) are not allowed",
            vi="không dùng tham chiếu YAML (*people)",
        ),
        id="anchor-and-alias",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: !!python/object/apply:os.system ["touch PWNED"]
"""),
            [("yaml-tag", XUAN, 15, 12)],
            en="are refused and nothing is executed",
            vi="không có gì được thực thi",
        ),
        id="python-tag",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15| \ttitle: Truyền thông pháp luật
"""),
            [("yaml-tab", XUAN, 15, 1)],
            en="a Tab is used for indentation",
            vi="có ký tự Tab để thụt lề",
        ),
        id="tab",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: "Truyền thông pháp luật
"""),
            [("yaml-unclosed-quote", XUAN, 16, 1)],  # where the file ends, still inside the quote
            en="a quote is opened but never closed",
            vi="dấu nháy mở mà không đóng",
        ),
        id="unclosed-quote",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title Truyền thông pháp luật
16|     village: Tổ dân phố 1
"""),
            [("yaml-missing-colon", XUAN, 15, 5)],
            en="a colon is missing after a key",
            vi="thiếu dấu hai chấm sau tên khóa",
        ),
        id="missing-colon",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants: {total: 5
"""),
            [("yaml-unclosed-bracket", XUAN, 17, 1)],
            en="is opened but not closed",
            vi="mở mà không đóng",
        ),
        id="unclosed-bracket",
    ),
    # --- whole files ---
    pytest.param(
        Case({XUAN: ""}, [("file-empty", XUAN, 1, 1)], en="the file is empty", vi="tệp rỗng"),
        id="empty-file",
    ),
    pytest.param(
        Case(
            {XUAN: "# Thị trấn Trà Xuân: to be filled in\n"},
            [("file-empty", XUAN, 1, 1)],
            en="(or holds only comments)",
            vi="(hoặc chỉ có chú thích)",
        ),
        id="only-a-comment",
    ),
    pytest.param(
        Case(
            {
                XUAN: numbered("""
 1| - id: tra-xuan
 2| - name: Trà Xuân
""")
            },
            [("file-not-mapping", XUAN, 1, 1)],
            en="the file must be a mapping of keys to values",
            vi="tệp phải là một bảng khóa: giá trị",
        ),
        id="list-at-top-level",
    ),
    pytest.param(
        Case(
            {
                XUAN: XUAN_HEAD
                + numbered(
                    """
11| ---
12| id: tra-xuan-2
""",
                    start=11,
                )
            },
            [("yaml-multiple-documents", XUAN, 11, 1)],
            en="the file holds more than one YAML document",
            vi="tệp có nhiều hơn một tài liệu YAML",
        ),
        id="two-documents",
    ),
    pytest.param(
        Case(
            {XUAN: b"PK\x03\x04\x00\x00junk"},  # a zip (a renamed .docx/.xlsx) starts like this
            [("file-binary", XUAN, 1, 5)],
            en="the file is not text (a NUL byte at offset 4)",
            vi="tệp không phải văn bản (có byte NUL ở vị trí 4)",
        ),
        id="binary-junk",
    ),
    pytest.param(
        Case(
            # line 3 is "name: Trà Xuân"; 'à' is byte 0xE0 in Windows-1258, at offset 18 + 13 + 8
            {XUAN: XUAN_HEAD.encode("cp1258")},
            [("encoding-not-utf8", XUAN, 3, 9)],
            en="byte 0xE0 at offset 39 is invalid",
            vi="byte 0xE0 ở vị trí 39 không hợp lệ",
        ),
        id="windows-1258",
    ),
    pytest.param(
        Case(
            {},
            [("file-is-directory", "data/communes/x.yaml", 0, 0)],
            en="this is a folder, not a YAML file",
            vi="đây là một thư mục, không phải tệp YAML",
            setup=lambda data: (data / "communes" / "x.yaml").mkdir(),
        ),
        id="directory-named-yaml",
    ),
    pytest.param(
        Case(
            {},
            [("file-outside-data", "data/communes/tra-xuan-link.yaml", 0, 0)],
            en="the symlink points outside the data folder",
            vi="liên kết (symlink) trỏ ra ngoài thư mục dữ liệu",
            setup=_outside_symlink,
        ),
        id="symlink-outside",
    ),
    pytest.param(
        Case(
            {},
            # the plan too (it used to be read wherever its link pointed)
            [("file-outside-data", PLAN, 0, 0)],
            en="the symlink points outside the data folder",
            vi="liên kết (symlink) trỏ ra ngoài thư mục dữ liệu",
            setup=_outside_plan,
        ),
        id="plan-symlink-outside",
    ),
    pytest.param(
        Case(
            {},
            # and the communes folder (its files used to be read, as none of them is a link)
            [("file-outside-data", "data/communes", 0, 0)],
            en="the symlink points outside the data folder",
            vi="liên kết (symlink) trỏ ra ngoài thư mục dữ liệu",
            setup=_outside_communes,
        ),
        id="communes-symlink-outside",
    ),
    pytest.param(
        Case(
            {},
            [("communes-missing", "data/communes", 0, 0)],
            en="communes/ is missing or empty",
            vi="không có thư mục communes/ hoặc thư mục rỗng",
            setup=lambda data: shutil.rmtree(data / "communes"),
        ),
        id="communes-missing",
    ),
    pytest.param(
        Case(
            {},
            [("data-dir-missing", "data", 0, 0)],
            en="the data folder does not exist",
            vi="không tìm thấy thư mục dữ liệu",
            setup=shutil.rmtree,
        ),
        id="data-folder-missing",
    ),
    pytest.param(
        Case(
            {PLAN: None},
            [("plan-missing", "data", 0, 0)],
            en="there is no plan file in the data folder. Each plan year is a file plan_YEAR.yaml",
            vi="không có tệp kế hoạch trong thư mục dữ liệu. Mỗi năm kế hoạch là một tệp plan_NĂM.yaml",
        ),
        id="plan-missing",
    ),
    pytest.param(
        Case(
            {"data/plan_next.yaml": "schema_version: 1\n"},
            [("plan-file-name", "data/plan_next.yaml", 0, 0)],
            en="the plan file name 'plan_next.yaml' holds no year. Name it plan_YEAR.yaml",
            vi="tên tệp kế hoạch 'plan_next.yaml' không có năm. Đặt tên plan_NĂM.yaml",
        ),
        id="plan-file-name",
    ),
    # --- issue 4: the hostile-input catalogue, completed ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|    organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("yaml-indentation", XUAN, 14, 4)],
            en="the indentation does not line up",
            vi="thụt lề không khớp",
        ),
        id="bad-indentation",
    ),
    pytest.param(
        Case(
            xuan("""
11| kind: xa
"""),
            [("yaml-duplicate-key", XUAN, 11, 1)],
            en="the key 'kind' is repeated (already at line 4)",
            vi="khóa 'kind' lặp lại (đã có ở dòng 4)",
        ),
        id="duplicate-key-top-level",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|   - date: 2024-03-09
17|     item: nd3.hd1.6
18|     organiser: commune
19|     title: Truyền thông pháp luật, buổi 2
20|     date: 2024-03-10
"""),
            # the same key in two records is fine; twice in the second record is not
            [("yaml-duplicate-key", XUAN, 20, 5)],
            en="the key 'date' is repeated (already at line 16)",
            vi="khóa 'date' lặp lại (đã có ở dòng 16)",
        ),
        id="duplicate-key-in-second-record",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: true
"""),
            [("expected-text", XUAN, 15, 12)],
            en="expected text, found the boolean true. Put the value in double quotes to keep it as "
            'written, e.g. "true"',
            vi="cần văn bản, nhưng thấy giá trị đúng/sai true",
        ),
        id="boolean-for-text",
    ),
    pytest.param(
        Case(
            {XUAN: XUAN_HEAD.replace("code: null\n", "code: null\nespecially_difficult: off\n")},
            [("expected-boolean", XUAN, 6, 23)],
            en="expected true or false (or null while unknown), found the text 'off'",
            vi="cần true hoặc false (hoặc null nếu chưa biết), nhưng thấy văn bản 'off'",
        ),
        id="off-for-boolean",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: 10:30
"""),
            [("expected-integer", XUAN, 17, 14)],  # never the base-60 number 630
            en="expected a whole number, found the text '10:30'",
            vi="cần một số nguyên (không âm), nhưng thấy văn bản '10:30'",
        ),
        id="base-60-for-count",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: 08
"""),
            [("leading-zero-number", XUAN, 17, 14)],  # never a silent 8 (nor YAML 1.1's octal)
            en="the number '08' has a leading zero",
            vi="số '08' có số 0 ở đầu",
        ),
        id="leading-zero-for-count",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     count: 1.0
"""),
            [("expected-whole-number", XUAN, 16, 12)],
            en="expected a whole number, found the decimal 1.0",
            vi="cần số nguyên, nhưng thấy số thập phân 1.0",
        ),
        id="float-for-sessions",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: 1.200
"""),
            # "1.200" is 1200 written the Vietnamese way; YAML reads 1.2: refused, never 1
            [("expected-whole-number", XUAN, 17, 14)],
            en="found the decimal 1.2. Counts are whole numbers, e.g. 12; no thousands separator "
            "(write 1200, not 1.200",
            vi="thấy số thập phân 1.2. Số lượng phải là số nguyên, ví dụ 12; không dùng dấu chấm ngăn cách",
        ),
        id="thousands-separator",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       <<: {total: 40}
"""),
            [("yaml-merge-key", XUAN, 17, 7)],
            en="merge keys ('<<') are not allowed",
            vi="không dùng khóa gộp '<<'",
        ),
        id="merge-key",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     village: !thon Thôn 1
17|     participants:
18|       total: !!int "40"
"""),
            [("yaml-tag", XUAN, 16, 14), ("yaml-tag", XUAN, 18, 14)],
            en="YAML tags (tag:yaml.org,2002:int) are refused",
            vi="không dùng thẻ YAML (!thon)",
        ),
        id="other-tags",
    ),
    pytest.param(
        Case(
            # TCVN3 (ABC): "Trà Xuân" is Tr\xb5 Xu\xa9n
            {XUAN: XUAN_HEAD.encode("utf-8").replace("Trà Xuân".encode(), b"Tr\xb5 Xu\xa9n")},
            [("encoding-not-utf8", XUAN, 3, 9)],
            en="byte 0xB5 at offset 39 is invalid. It may have been saved in a legacy encoding "
            "(Windows-1258, TCVN3, VNI). Open it, Save As with encoding UTF-8, and rerun",
            vi="byte 0xB5 ở vị trí 39 không hợp lệ. Có thể tệp được lưu bằng bảng mã cũ",
        ),
        id="tcvn3",
    ),
    pytest.param(
        Case(
            # VNI-Windows: "Trà Xuân" is Tra\xf8 Xua\xe2n (a letter, then its marks as a second byte)
            {XUAN: XUAN_HEAD.encode("utf-8").replace("Trà Xuân".encode(), b"Tra\xf8 Xua\xe2n")},
            [("encoding-not-utf8", XUAN, 3, 10)],
            en="byte 0xF8 at offset 40 is invalid",
            vi="byte 0xF8 ở vị trí 40 không hợp lệ",
        ),
        id="vni",
    ),
    pytest.param(
        Case(
            # a file cut in the middle of "ú" (C3 BA): only its first byte is left
            {XUAN: XUAN_HEAD.encode("utf-8") + b"# ghi ch\xc3"},
            [("encoding-not-utf8", XUAN, 11, 9)],
            en="byte 0xC3 at offset 169 is invalid",
            vi="byte 0xC3 ở vị trí 169 không hợp lệ",
        ),
        id="truncated-utf8",
    ),
    pytest.param(
        Case(
            {XUAN: XUAN_HEAD.encode("utf-16-le")},  # Notepad's old "Unicode", without its BOM
            [("encoding-unsupported", XUAN, 1, 1)],
            en="the file is saved as UTF-16 (no BOM); d8 reads UTF-8 (or UTF-16 with a BOM). Open it, "
            "Save As with encoding UTF-8",
            vi="tệp được lưu bằng bảng mã UTF-16 (no BOM)",
        ),
        id="utf-16-without-bom",
    ),
    pytest.param(
        Case(
            {XUAN: XUAN_HEAD.replace("allocation:", "allocatoin:")},
            # the misspelt key is said once, with its suggestion (not also "allocation is missing")
            [("unknown-key", XUAN, 6, 1)],
            en="unknown key 'allocatoin' (did you mean 'allocation'?)",
            vi="khóa không hợp lệ 'allocatoin' (có phải ý bạn là 'allocation'?)",
        ),
        id="unknown-key-top-level",
    ),
    pytest.param(
        Case(
            {XUAN: XUAN_HEAD.replace("kind: thi_tran\n", "")},
            [("missing-key", XUAN, 1, 1)],  # at the file's first key: the file is the parent
            en="the required key 'kind' is missing",
            vi="thiếu khóa bắt buộc 'kind'",
        ),
        id="missing-key-top-level",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       women: 12
"""),
            [("missing-key", XUAN, 16, 5)],  # at participants, the mapping that lacks it
            en="the required key 'total' is missing",
            vi="thiếu khóa bắt buộc 'total'",
        ),
        id="missing-key-nested",
    ),
    pytest.param(
        Case(
            {},
            [("file-too-large", XUAN, 0, 0)],
            en=f"the file is too large ({MAX_FILE_BYTES + 1} bytes, at most {MAX_FILE_BYTES})",
            vi=f"tệp quá lớn ({MAX_FILE_BYTES + 1} byte, tối đa {MAX_FILE_BYTES})",
            setup=_oversized,
        ),
        id="huge-file",
    ),
    pytest.param(
        Case(
            # a "[" in a key used to be taken for pydantic's own names and dropped: a traceback
            {XUAN: "0[# Thị trấn Trà Xuân: ghi chú\n" + XUAN_HEAD},
            [("unknown-key", XUAN, 1, 1)],
            en="unknown key '0[# Thị trấn Trà Xuân'",
            vi="khóa không hợp lệ '0[# Thị trấn Trà Xuân'",
        ),
        id="key-with-a-bracket",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật đợt #2
16|     village: Tổ dân phố 1  # a comment after two spaces is meant as one
"""),
            # YAML drops " #2" as a comment: said, since the title silently lost its end
            [("yaml-comment-in-text", XUAN, 15, 39)],
            en="the value reads 'Truyền thông pháp luật đợt': the '#2' after it is a YAML comment and is "
            "dropped. If it belongs to the text, put the whole value in double quotes",
            vi="giá trị được đọc là 'Truyền thông pháp luật đợt': phần '#2' sau nó là chú thích YAML",
        ),
        id="hash-cuts-the-text",
    ),
    pytest.param(
        Case(
            # a non-breaking space pasted from Word: the key must not read 'title' in the message
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title\u00a0: Truyền thông pháp luật
"""),
            [("unknown-key", XUAN, 15, 5)],
            en="unknown key 'title⟨U+00A0⟩' (did you mean 'title'?)",
            vi="khóa không hợp lệ 'title⟨U+00A0⟩' (có phải ý bạn là 'title'?)",
        ),
        id="invisible-character-in-a-key",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total[1]: 12
"""),
            [("unknown-key", XUAN, 17, 7)],  # one mistake, one message
            en="unknown key 'total[1]' (did you mean 'total'?)",
            vi="khóa không hợp lệ 'total[1]' (có phải ý bạn là 'total'?)",
        ),
        id="nested-key-with-a-bracket",
    ),
]


@pytest.mark.parametrize("case", LOADER_CASES)
def test_loader_catalogue(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, tmp_path, monkeypatch)


# --- around the catalogue ------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "loaded"), [("074", "074"), ("21115", "21115")])
def test_codes_stay_text(written: str, loaded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = XUAN_HEAD.replace("code: null\n", f"code: {written}\n")
    case = Case({XUAN: text}, [], en="Data is valid", vi="Dữ liệu hợp lệ")
    build(case, tmp_path, monkeypatch)
    result = load(tmp_path / "data")
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.commune("tra-xuan").code == loaded  # type: ignore[union-attr]
    assert validate(tmp_path / "data").exit_code == 0


def test_missing_colon_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(LOADER_CASES, "missing-colon")
    data = build(case, tmp_path, monkeypatch)
    assert [p.code for p in load(data).problems] == ["yaml-missing-colon"]
    assert validate(data).exit_code == 1


def test_missing_communes_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(LOADER_CASES, "communes-missing")
    data = build(case, tmp_path, monkeypatch)
    assert found(load(data).problems)[0] == ("communes-missing", "data/communes", 0, 0)
    result = validate(data)
    assert result.exit_code == 1
    assert "data/communes: error[communes-missing]: " in result.output


def test_top_level_list_is_named_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(LOADER_CASES, "list-at-top-level")
    data = build(case, tmp_path, monkeypatch)
    [problem] = load(data).problems
    assert problem_message(problem, "en").endswith("but a list was found")
    assert problem_message(problem, "vi").endswith("nhưng tìm thấy một danh sách")


# --- what must be kept exactly as typed (valid, never converted) ---------------------------------


@pytest.mark.parametrize(
    "typed",
    ["no", "yes", "on", "off", "No", "YES", "y", "n", "10:30", "074", "08", "2024-03-08", "1e3", ".inf"],
)
def test_text_values_are_kept_as_typed(typed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # YAML 1.1 would make booleans, base-60 and octal numbers, dates and floats of these
    body = "records:\n  - date: 2024-03-08\n    item: nd3.hd1.6\n    organiser: commune\n"
    body += f"    title: {typed}\n    village: {typed}\n"
    data = build(Case({XUAN: XUAN_HEAD + body}, [], en="", vi=""), tmp_path, monkeypatch)
    result = load(data)
    assert result.problems == []
    assert result.dataset is not None
    [record] = result.dataset.commune("tra-xuan").records  # type: ignore[union-attr]
    assert (record.title, record.village) == (typed, typed)
    assert validate(data).exit_code == 0


@pytest.mark.parametrize(
    "encode",
    [lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), lambda t: t.encode("utf-16")],
    ids=["utf-8-bom", "utf-16-bom"],
)
def test_bom_files_are_accepted(
    encode: Callable[[str], bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (VALID / "communes" / "tra-xuan.yaml").read_text(encoding="utf-8")
    data = build(Case({XUAN: encode(text)}, [], en="", vi=""), tmp_path, monkeypatch)
    result = load(data)
    assert result.problems == []
    assert result.dataset is not None
    commune = result.dataset.commune("tra-xuan")
    assert commune is not None and commune.name == "Trà Xuân"
    assert commune.records[0].title == "Truyền thông pháp luật về bình đẳng giới ngày 8/3"
    assert validate(data).exit_code == 0
    # the UTF-8 BOM is not counted as a column: problems still point at the right place
    broken = encode(text.replace("kind: thi_tran", "kind: [thi_tran"))
    (data / "communes" / "tra-xuan.yaml").write_bytes(broken)
    [problem] = load(data).problems
    assert problem.location.line == 5


def test_nfd_names_are_read_as_nfc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nfd = unicodedata.normalize("NFD", "Trà Xuân")
    assert nfd != "Trà Xuân"
    text = XUAN_HEAD.replace("name: Trà Xuân", f"name: {nfd}") + (
        f"records:\n  - date: 2024-03-08\n    item: nd3.hd1.6\n    organiser: commune\n"
        f"    title: {unicodedata.normalize('NFD', 'Truyền thông')}\n"
    )
    data = build(Case({XUAN: text}, [], en="", vi=""), tmp_path, monkeypatch)
    result = load(data)
    assert result.problems == [] and result.dataset is not None
    commune = result.dataset.commune("Trà Xuân")  # typed composed, found
    assert commune is not None and commune.name == "Trà Xuân"
    assert result.dataset.commune(nfd) is commune  # typed decomposed, the same commune
    assert commune.records[0].title == "Truyền thông"
    assert len(result.dataset.communes) == 3


def test_nfd_and_nfc_ids_get_the_same_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ids are ASCII slugs, so a Vietnamese letter in one is refused in either form, with one message
    outputs = []
    for form in ("NFC", "NFD"):
        text = XUAN_HEAD.replace("id: tra-xuan", f"id: {unicodedata.normalize(form, 'trà-xuân')}")
        data = build(Case({XUAN: text}, [], en="", vi=""), tmp_path / form, monkeypatch)
        assert found(load(data).problems) == [("bad-id", XUAN, 2, 5)]
        outputs.append(validate(data, "--lang", "en").output)
    assert outputs[0] == outputs[1]
    assert "the id 'trà-xuân' is not well formed" in outputs[0]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = Case(
        {},
        [("file-unreadable", XUAN, 0, 0)],
        en="the file cannot be read (Permission denied). Check the file's permissions",
        vi="không đọc được tệp (Permission denied). Kiểm tra quyền truy cập của tệp",
    )
    if os.name != "nt" and os.geteuid() != 0:
        case.setup = lambda data: (data / "communes" / "tra-xuan.yaml").chmod(0)
    else:
        # root (as in many CI containers) reads a chmod 000 file anyway: refuse the read instead,
        # exactly as the operating system would for anyone else
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "tra-xuan.yaml":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    try:
        check_case(case, tmp_path, monkeypatch)
    finally:
        xuan_file = tmp_path / "data" / "communes" / "tra-xuan.yaml"
        if xuan_file.exists():
            xuan_file.chmod(0o644)  # so that pytest can remove tmp_path


def test_many_shape_problems_stop_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = "  - {date: 2024-02-30, item: nd3.hd1.6, organiser: commune, title: x}\n"
    text = XUAN_HEAD + "records:\n" + record * (MAX_PROBLEMS_PER_FILE + 20)
    data = build(Case({XUAN: text}, [], en="", vi=""), tmp_path, monkeypatch)
    problems = load(data).problems
    assert [p.code for p in problems] == ["impossible-date"] * MAX_PROBLEMS_PER_FILE + ["too-many-problems"]
    assert problems[-1].location.line == 12 + MAX_PROBLEMS_PER_FILE  # the first record not listed
    result = validate(data, "--lang", "en")
    assert result.exit_code == 1
    assert f"stopped reading this file at this line after {MAX_PROBLEMS_PER_FILE} problems" in result.output


def test_billion_laughs_in_a_commune_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    expected: list[Expected] = []
    for i, line in enumerate(lines):
        expected.append(("yaml-anchor", XUAN, 11 + i, len(f"lol{i}: ") + 1))
        if i:
            columns = [m.start() + 1 for m in re.finditer(r"\*a", line)]
            expected.extend(("yaml-alias", XUAN, 11 + i, c) for c in columns)
    case = Case(
        {XUAN: XUAN_HEAD + "\n".join(lines) + "\n"},
        expected,
        en="YAML aliases (*a8) are not allowed",
        vi="không dùng tham chiếu YAML (*a8)",
    )
    assert len(expected) == 10 + 81 < MAX_PROBLEMS_PER_FILE
    started = time.perf_counter()
    check_case(case, tmp_path, monkeypatch)  # loads it three times, and the CLI twice
    assert time.perf_counter() - started < 10
