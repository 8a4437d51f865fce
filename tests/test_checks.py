"""A catalogue of bad inputs, part 2: the checks across files (``checks.py``).

Same method as ``test_loader.py`` (whose helpers are used here): each case copies
``tests/fixtures/valid/`` and rewrites one file, written below with its line-number gutter, then
:func:`check_case` asserts the exact problems, the CLI's lines and exit codes, and the message in
both languages. Plan cases change one line of the plan, named by its number.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from trabong_d8.codes import CODES
from trabong_d8.messages import problem_message

from .helpers import (
    BUI,
    PLAN,
    SON,
    VALID,
    WARNING_CODES,
    XUAN,
    XUAN_HEAD,
    Case,
    build,
    case_by_id,
    check_case,
    found,
    load,
    numbered,
    plan_with,
    validate,
    xuan,
)
from .test_loader import LOADER_CASES

#: Where allocation-sum points: the commune target of nd3.hd1.2 in the plan.
ALLOCATION_LINE = (509, 24)

# The entity as tra-bui.yaml declares it, for the cases that declare one more in tra-xuan.yaml.
CLUB = """
11| entities:
12|   - id: clb-tra-bui
13|     kind: change_leader_club
14|     item: nd3.hd2.2
15|     name: CLB “Thủ lĩnh của sự thay đổi” Trường THCS Trà Xuân
16|     village: Trường THCS Trà Xuân
17|     date: 2024-04-02
18|     action: founded
19|     organiser: district
20|     members:
21|       total: 20
"""


def test_plan_lines_the_cases_rely_on() -> None:
    lines = (VALID / "plan_2024.yaml").read_text(encoding="utf-8").split("\n")
    assert lines[501 - 1] == "            - id: nd3.hd1.2"
    assert lines[ALLOCATION_LINE[0] - 1] == '              commune: "19"'
    assert lines[ALLOCATION_LINE[0] - 1].index('"19"') + 1 == ALLOCATION_LINE[1]
    bui = (VALID / "communes" / "tra-bui.yaml").read_text(encoding="utf-8").split("\n")
    assert bui[16 - 1] == "  - id: clb-tra-bui"  # named by duplicate-entity-id
    assert bui[47 - 1] == "  - id: tb-dt-01"  # named by duplicate-record-id


CHECK_CASES = [
    # --- participants ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     participants:
17|       total: 10
18|       women: 11
"""),
            [("participants-exceed", XUAN, 18, 14)],
            en="women (11) is more than total (10)",
            vi="women (11) lớn hơn total (10)",
        ),
        id="women-over-total",
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
17|       total: 10
18|       children: 4
19|       girls: 5
"""),
            [("participants-exceed", XUAN, 19, 14)],
            en="girls (5) is more than children (4)",
            vi="girls (5) lớn hơn children (4)",
        ),
        id="girls-over-children",
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
17|       total: 10
18|       women: 6
19|       men: 5
"""),
            [("participants-exceed", XUAN, 19, 12)],  # at men, the figure that tips it over
            en="women + men (11) is more than total (10)",
            vi="women + men (11) lớn hơn total (10)",
        ),
        id="women-and-men-over-total",
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
    # --- ids ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - id: tb-dt-01
13|     date: 2024-03-08
14|     item: nd3.hd1.6
15|     organiser: commune
16|     title: Truyền thông pháp luật
"""),
            [("duplicate-id", XUAN, 12, 9)],
            en=f"the id 'tb-dt-01' is already used at {BUI}:47:9",
            vi=f"mã 'tb-dt-01' đã dùng ở {BUI}:47:9",
        ),
        id="duplicate-record-id",
    ),
    pytest.param(
        Case(
            xuan(CLUB),
            [("duplicate-id", XUAN, 12, 9)],
            en=f"the id 'clb-tra-bui' is already used at {BUI}:16:9",
            vi=f"mã 'clb-tra-bui' đã dùng ở {BUI}:16:9",
        ),
        id="duplicate-entity-id",
    ),
    pytest.param(
        Case(
            {
                XUAN: numbered("""
 1| schema_version: 1
 2| id: tra-bui
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
            # and the file's name no longer matches its id
            [("commune-duplicate-id", XUAN, 2, 5), ("commune-file-name", XUAN, 2, 5)],
            en=f"the commune id 'tra-bui' is already used in {BUI}",
            vi=f"mã xã 'tra-bui' đã dùng trong {BUI}",
        ),
        id="duplicate-commune-id",
    ),
    pytest.param(
        Case(
            # "Trà Bùi" typed in decomposed form (NFD): the same name as tra-bui.yaml's (NFC)
            {
                XUAN: numbered(f"""
 1| schema_version: 1
 2| id: tra-xuan
 3| name: {unicodedata.normalize("NFD", "Trà Bùi")}
 4| kind: thi_tran
 5| code: null
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|   safe_birth_target_group: 80
""")
            },
            [("commune-duplicate-name", XUAN, 3, 7)],
            en=f"the name 'Trà Bùi' is the same as in {BUI}",
            vi=f"tên 'Trà Bùi' trùng với {BUI}",
        ),
        id="duplicate-commune-name-nfd",
    ),
    # --- references ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.9
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("unknown-item", XUAN, 13, 11)],
            en="there is no item 'nd3.hd1.9' in the plan (did you mean 'nd3.hd1.7'?)",
            vi="không có mục 'nd3.hd1.9' trong kế hoạch (có phải ý bạn là 'nd3.hd1.7'?)",
        ),
        id="unknown-item",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd2.hd3.4
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
            [("parent-item", XUAN, 13, 11)],
            en="has sub-items (nd2.hd3.4a, nd2.hd3.4b, nd2.hd3.4c); record against one of them",
            vi="có các mục con (nd2.hd3.4a, nd2.hd3.4b, nd2.hd3.4c)",
        ),
        id="parent-item",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     entity: clb-x
"""),
            [("unknown-entity", XUAN, 16, 13)],
            en="there is no entity 'clb-x' under any commune's entities. Add it",
            vi="không có mô hình 'clb-x' trong mục entities của bất kỳ xã nào. Thêm",
        ),
        id="unknown-entity",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
16|     entity: clb-tra-bu
"""),
            [("unknown-entity", XUAN, 16, 13)],
            en="(did you mean 'clb-tra-bui'?)",
            vi="(có phải ý bạn là 'clb-tra-bui'?)",
        ),
        id="unknown-entity-typo",
    ),
    pytest.param(
        Case(
            xuan(
                CLUB.replace("clb-tra-bui", "dctc-tra-xuan").replace("change_leader_club", "trusted_address")
            ),
            [("entity-item-kind", XUAN, 13, 11)],
            en="kind trusted_address (this item counts entities of kind change_leader_club)",
            vi="không đếm mô hình loại trusted_address (mục này đếm mô hình loại change_leader_club)",
        ),
        id="entity-kind-not-its-items",
    ),
    # --- allocation ---
    pytest.param(
        Case(
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
 9|     nd3.hd1.2: 8
10|   safe_birth_target_group: 120
""")
            },
            [("allocation-sum", PLAN, *ALLOCATION_LINE)],  # 10 (tra-bui) + 8 + 0 = 18
            en="allocated 18 in all for item nd3.hd1.2, but the plan sets 19 at commune level",
            vi="tổng cộng 18 cho mục nd3.hd1.2, nhưng kế hoạch giao 19 cho cấp xã",
        ),
        id="allocation-sum",
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
 6| allocation:
 7|   source: estimate
 8|   items:
 9|     nd3.hd1.2: 0
10|     nd3.hd2.2: 1
11|   safe_birth_target_group: 80
""")
            },
            [("allocation-unknown-item", XUAN, 10, 5)],  # at the key: the id is what is wrong
            en="no item 'nd3.hd2.2' with a numbered commune target to allocate (did you mean",
            vi="không có mục 'nd3.hd2.2' có chỉ tiêu cấp xã bằng số để phân bổ",
        ),
        id="allocation-of-unnumbered-item",
    ),
    # --- warnings ---
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd2.4
14|     organiser: commune
15|     title: Tập huấn Dẫn Trình viên
"""),
            [("level-no-target", XUAN, 14, 16)],  # nd3.hd2.4's commune target is "0"
            en="the plan sets no commune-level target for item 'nd3.hd2.4' in 2024 (\"0\")",
            vi="kế hoạch không giao chỉ tiêu cấp xã cho mục 'nd3.hd2.4' năm 2024 (\"0\")",
        ),
        id="level-with-no-target",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd3.hd2.2
14|     organiser: district
15|     title: Thành lập CLB
"""),
            [("record-on-entity-item", XUAN, 13, 11)],
            en="is counted from the entities list (once each); this record does not count",
            vi="được đếm theo danh sách entities (mỗi mô hình một lần)",
        ),
        id="record-on-entity-item",
    ),
    pytest.param(
        Case(
            xuan("""
11| records:
12|   - date: 2024-03-08
13|     item: nd1.hd4.3
14|     organiser: commune
15|     title: Tư vấn sinh đẻ an toàn
16|     safe_birth_reached: 81
"""),
            # at the group (line 10: safe_birth_target_group: 80), the figure it goes over
            [("safe-birth-over", XUAN, 10, 28)],
            en="more women reached (81) than in the target group (80)",
            vi="số phụ nữ được tiếp cận (81) vượt số phụ nữ thuộc nhóm đối tượng (80)",
        ),
        id="safe-birth-over-group",
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
    pytest.param(
        Case(
            {
                XUAN: None,
                "data/communes/thi-tran-tra-xuan.yaml": XUAN_HEAD,
            },
            [("commune-file-name", "data/communes/thi-tran-tra-xuan.yaml", 2, 5)],
            en="the file should be named 'tra-xuan.yaml' for the commune with id 'tra-xuan'",
            vi="tên tệp nên là 'tra-xuan.yaml' cho xã có mã 'tra-xuan'",
        ),
        id="file-name-not-id",
    ),
    # --- the plan itself ---
    pytest.param(
        Case(
            plan_with(518, '              commune: "Xã"', '              commune: "Cấp xã"'),
            [("plan-target-wording", PLAN, 518, 24)],
            en="is not recognised. Use a number",
            vi="không nhận ra chỉ tiêu",
        ),
        id="plan-target-wording",
    ),
    pytest.param(
        Case(
            plan_with(189, "    target: 3", "    target: 4"),  # change_leader_clubs
            [("plan-target-mismatch", PLAN, 189, 13)],
            en="the target 'change_leader_clubs' is 4 but its items nd3.hd2.2 add up to 3",
            vi="chỉ tiêu 'change_leader_clubs' là 4 nhưng các mục nd3.hd2.2 cộng lại được 3",
        ),
        id="plan-target-mismatch",
    ),
    pytest.param(
        Case(
            plan_with(527, "            - id: nd3.hd1.5", "            - id: nd3.hd1.4"),
            [("plan-duplicate-id", PLAN, 527, 19)],
            en="the id 'nd3.hd1.4' is already used at line 519",
            vi="mã 'nd3.hd1.4' đã dùng ở dòng 519",
        ),
        id="plan-duplicate-item-id",
    ),
    pytest.param(
        Case(
            plan_with(210, "  - id: gender_me_classes", "  - id: mainstreaming_classes"),
            [("plan-duplicate-id", PLAN, 219, 9)],
            en="the id 'mainstreaming_classes' is already used at line 210",
            vi="mã 'mainstreaming_classes' đã dùng ở dòng 210",
        ),
        id="plan-duplicate-core-target-id",
    ),
    # --- a broken file must not make a second, false problem elsewhere ---
    pytest.param(
        Case(
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
13|     date: 2024-04-19
14|     item: nd3.hd1.2
15|     organiser: commune
16|     titel: Đối thoại chính sách về phòng, chống bạo lực gia đình
""")
            },
            [("unknown-key", SON, 16, 5)],
            en="(did you mean 'title'?)",
            vi="(có phải ý bạn là 'title'?)",
        ),
        id="a-broken-file-does-not-also-break-the-sum",
    ),
    # --- the plan's own rules, in the user's language (they used to show pydantic's English) ---
    pytest.param(
        Case(
            plan_with(207, "    target: 80", "    target: 120"),  # safe_birth_outreach, a percentage
            [("percent-over-100", PLAN, 207, 13)],
            en="the ratio target is 120 %, above 100 %",
            vi="chỉ tiêu tỷ lệ là 120%, lớn hơn 100%",
        ),
        id="percent-over-100",
    ),
    pytest.param(
        Case(
            plan_with(827, "  on_track: 0.9", "  on_track: 1.5"),  # a share of the target, at most 1
            [("too-large", PLAN, 827, 13)],
            en="the value 1.5 is above the maximum 1",
            vi="giá trị 1.5 lớn hơn mức tối đa 1",
        ),
        id="pace-share-over-1",
    ),
    pytest.param(
        Case(
            plan_with(828, "  at_risk: 0.5", "  at_risk: 0.95"),
            [("pace-order", PLAN, 824, 1)],
            en="pace.at_risk must not exceed pace.on_track",
            vi="pace.at_risk không được lớn hơn pace.on_track",
        ),
        id="pace-order",
    ),
    pytest.param(
        Case(
            plan_with(826, "  end: 2024-12-31", "  end: 2023-12-31"),
            [("pace-dates", PLAN, 824, 1)],
            en="pace.end must come after pace.start",
            vi="pace.end phải sau pace.start",
        ),
        id="pace-dates",
    ),
    pytest.param(
        Case(
            plan_with(201, "    counts_from: [nd2.hd3.1]", "    counts_from: []"),
            [("count-target-items", PLAN, 193, 5)],  # at the core target's first key
            en="a count target (measure: count) needs counts_from",
            vi="chỉ tiêu dạng đếm (measure: count) cần counts_from",
        ),
        id="count-target-without-items",
    ),
    pytest.param(
        Case(
            plan_with(209, "    measure: ratio", "    measure: ratio\n    counts_from: [nd1.hd4.3]"),
            [("ratio-target-items", PLAN, 202, 5)],
            en="a ratio target (measure: ratio) counts from no item",
            vi="chỉ tiêu dạng tỷ lệ (measure: ratio) không lấy số từ mục nào",
        ),
        id="ratio-target-with-items",
    ),
    pytest.param(
        Case(
            plan_with(258, "              counts: entities", "              counts: events"),
            [("item-entity-kind", PLAN, 249, 15)],  # at the item's first key (its id)
            en="entity_kind goes with counts: entities, and only with it",
            vi="entity_kind đi cùng counts: entities, và chỉ với nó",
        ),
        id="entity-kind-without-entities",
    ),
    pytest.param(
        Case(
            plan_with(256, '              district: "0"', ""),
            [("item-missing-targets", PLAN, 249, 15)],
            en="an item needs both a district and a commune target",
            vi="mục cần cả chỉ tiêu cấp huyện (district) và cấp xã (commune)",
        ),
        id="item-without-district-target",
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

# Mistakes in three files at once: all of them in one run, by file then line.
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


@pytest.mark.parametrize("case", [*CHECK_CASES, pytest.param(SEVERAL, id="several-files-at-once")])
def test_checks_catalogue(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, tmp_path, monkeypatch)


def test_date_in_future_is_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # only load_dataset can be given "today"; the CLI uses the real date
    case = Case(
        xuan("""
11| records:
12|   - date: 2024-07-01
13|     item: nd3.hd1.6
14|     organiser: commune
15|     title: Truyền thông pháp luật
"""),
        [],
        en="",
        vi="",
    )
    data = build(case, tmp_path, monkeypatch)
    [problem] = load(data, today=dt.date(2024, 6, 30)).problems
    assert found([problem]) == [("date-in-future", XUAN, 12, 11)]
    assert problem.code in WARNING_CODES and not problem.is_error
    assert "is in the future (today is 2024-06-30)" in problem_message(problem, "en")
    assert load(data, today=dt.date(2024, 7, 1)).problems == []


# --- output formats ------------------------------------------------------------------------------


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
    case = case_by_id(CHECK_CASES, "no-safe-birth-group")
    data = build(case, tmp_path, monkeypatch)
    result = validate(data, "--format", "github")
    assert result.exit_code == 0
    assert re.fullmatch(
        rf"::warning file={XUAN},line=6,col=1,title=allocation-no-denominator::[^\n]+\n",
        result.output,
    )


def test_paths_are_relative_to_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(CHECK_CASES, "date-outside-plan")
    data = build(case, tmp_path, monkeypatch)
    monkeypatch.chdir(data / "communes")
    result = validate(data)  # an absolute --data, shown from where the command runs
    assert result.output.startswith("tra-xuan.yaml:12:11: error[date-outside-plan]: ")


# --- messages ------------------------------------------------------------------------------------


def test_every_expected_code_has_a_message() -> None:
    cases = [p.values[0] for p in [*LOADER_CASES, *CHECK_CASES]] + [SEVERAL]
    codes = {code for case in cases for code, *_ in case.expected} | WARNING_CODES
    assert codes <= set(CODES), codes - set(CODES)


_DOUBLED = re.compile(r"\bthe (decimal|date|id|value|target) the (text|number|boolean)\b")


@pytest.mark.parametrize(
    ("case_id", "raw"),
    [
        ("count-as-decimal", "12.5"),
        ("zero-sessions", "0"),
        ("not-one-of-the-choices", "thị trấn"),
        ("impossible-date", "2024-02-30"),
        ("bad-slug", "Trà Bùi"),
        ("plan-target-wording", "Cấp xã"),
    ],
)
def test_a_value_is_named_once(
    case_id: str, raw: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = case_by_id([*LOADER_CASES, *CHECK_CASES], case_id)
    data = build(case, tmp_path, monkeypatch)
    [problem] = load(data).problems
    message = problem_message(problem, "en")
    assert raw in message
    assert not _DOUBLED.search(message), message


def test_json_format_gives_each_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = case_by_id(CHECK_CASES, "warning-shown-after-error")
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
