"""The rules across the commune files (``rules_communes``): ids, references to items and entities,
dates in a plan year, participants, allocations and their sums.

Each case copies ``tests/fixtures/valid/`` and rewrites one file, written below with its line-number
gutter; ``check_case`` (in helpers) asserts the exact problems, the CLI's lines and exit codes, and
the message in both languages.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

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
    check_case,
    found,
    load,
    numbered,
    xuan,
)

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


COMMUNE_CASES = [
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


@pytest.mark.parametrize("case", COMMUNE_CASES)
def test_commune_rules_catalogue(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
