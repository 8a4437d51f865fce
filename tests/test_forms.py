"""The older forms of a commune file stay readable, and what keeps them from being brought to the
current one is located: ``allocation:`` (one plan year) and an entity's ``date:`` + ``action:``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trabong_d8.commune import EntityEvent

from .helpers import (
    BUI,
    EXAMPLE_YEARS,
    SON,
    XUAN,
    XUAN_HEAD,
    Case,
    build,
    check_case,
    load,
    numbered,
    xuan,
)


def _second_plan(data: Path) -> None:
    shutil.copyfile(EXAMPLE_YEARS / "plan_2025.yaml", data / "plan_2025.yaml")


def test_the_older_forms_are_read_as_the_current_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = build(Case({}, [], en="", vi=""), tmp_path, monkeypatch)  # the fixtures use them
    dataset = load(data).dataset
    assert dataset is not None
    bui = dataset.commune("tra-bui")
    assert bui is not None and bui.allocation is None
    assert set(bui.allocations) == {"2024"} and bui.allocation_for(2024).items == {"nd3.hd1.2": 10}
    club = bui.entities[0]
    assert (club.date, club.action) == (None, None)
    assert club.events == (EntityEvent(date=club.events[0].date, action="founded"),)
    assert club.events[0].date.isoformat() == "2024-03-26"


FORM_CASES = [
    pytest.param(
        Case(
            {},
            [
                ("allocation-needs-year", BUI, 9, 1),
                ("allocation-needs-year", SON, 6, 1),
                ("allocation-needs-year", XUAN, 6, 1),
            ],
            en='rename allocation: to allocations: and add a line "2025": below it',
            vi='đổi allocation: thành allocations: rồi thêm dòng "2025": phía dưới',
            setup=_second_plan,
        ),
        id="allocation-without-a-year-beside-two-plans",
    ),
    pytest.param(
        Case(
            xuan("""
11| allocations:
12|   "2024":
13|     source: estimate
14|     items: {nd3.hd1.2: 0}
15| records: []
"""),
            [("allocation-twice", XUAN, 6, 1)],
            en="the file has both allocation and allocations",
            vi="tệp có cả allocation và allocations",
        ),
        id="allocation-and-allocations",
    ),
    pytest.param(
        Case(
            xuan("""
11| entities:
12|   - id: dctc-tra-xuan
13|     kind: trusted_address
14|     item: nd2.hd3.1
15|     name: Địa chỉ tin cậy tổ dân phố 1
16|     village: Tổ dân phố 1
17|     date: 2024-04-02
18|     events:
19|       - {date: 2024-04-02, action: founded}
20|     organiser: district
21|     members: {total: 4}
22| records: []
"""),
            [("entity-date-and-events", XUAN, 17, 5)],
            en="the entity 'dctc-tra-xuan' has both date/action and events",
            vi="mô hình 'dctc-tra-xuan' vừa có date/action vừa có events",
        ),
        id="entity-date-and-events",
    ),
    pytest.param(
        Case(
            xuan("""
11| entities:
12|   - id: dctc-tra-xuan
13|     kind: trusted_address
14|     item: nd2.hd3.1
15|     name: Địa chỉ tin cậy tổ dân phố 1
16|     village: Tổ dân phố 1
17|     organiser: district
18|     members: {total: 4}
19| records: []
"""),
            [("missing-key", XUAN, 12, 5), ("missing-key", XUAN, 12, 5)],
            en="the required key 'date' is missing",
            vi="thiếu khóa bắt buộc 'action'",
        ),
        id="entity-without-a-date",
    ),
]


@pytest.mark.parametrize("case", FORM_CASES)
def test_forms_catalogue(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(case, tmp_path, monkeypatch)


def test_the_current_forms_beside_two_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the two-year example, whose files use allocations by year and entities' events, loads whole
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE_YEARS, data)
    monkeypatch.chdir(tmp_path)
    result = load(data)
    assert result.errors == []
    assert result.dataset is not None and result.dataset.years == (2024, 2025)
    assert XUAN_HEAD and numbered  # the helpers the cases above are written with
