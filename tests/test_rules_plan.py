"""The plan's own rules (``rules_plan``): its items, its core targets, its year.

Each case copies ``tests/fixtures/valid/`` and changes one line of the plan, named by its number;
``check_case`` (in helpers) asserts the exact problems, the CLI's lines and exit codes, and the
message in both languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import (
    PLAN,
    Case,
    check_case,
    plan_with,
)

PLAN_CASES = [
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
]


@pytest.mark.parametrize("case", PLAN_CASES)
def test_plan_rules_catalogue(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, tmp_path, monkeypatch)
