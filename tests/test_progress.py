"""Completion maths against figures worked out by hand (the working is in each test's comments)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trabong_d8.commune import Commune
from trabong_d8.plan import Pace, Plan
from trabong_d8.planindex import PlanIndex, build_index
from trabong_d8.progress import (
    Status,
    compute_status,
    elapsed_share,
    pace_status,
    percent_of,
    round_half_up,
    tally,
)
from trabong_d8.validation import adapter, validate_document
from trabong_d8.yamlio import read_yaml

from .helpers import ROOT

PACE = Pace(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), on_track=0.9, at_risk=0.5)
JUNE_30 = dt.date(2024, 6, 30)


@pytest.fixture(scope="module")
def plan() -> PlanIndex:
    doc = read_yaml(ROOT / "data" / "plan_2024.yaml")
    loaded = validate_document(doc, Plan)
    assert loaded is not None, doc.problems
    return build_index(loaded)


def test_elapsed_share_counts_both_ends_of_a_leap_year() -> None:
    # 2024 has 366 days; 30 June is day 182
    assert elapsed_share(PACE, JUNE_30) == pytest.approx(182 / 366)
    assert elapsed_share(PACE, dt.date(2024, 1, 1)) == pytest.approx(1 / 366)
    assert elapsed_share(PACE, dt.date(2024, 12, 31)) == 1.0
    assert elapsed_share(PACE, dt.date(2023, 12, 31)) == 0.0
    assert elapsed_share(PACE, dt.date(2026, 12, 2)) == 1.0


def test_percent_rounds_half_up_and_caps_at_100() -> None:
    assert percent_of(1, 3) == 33.3
    assert percent_of(2, 3) == 66.7
    assert percent_of(1, 8) == 12.5
    assert percent_of(1, 16) == 6.3  # 6.25 → 6.3, not banker's 6.2
    assert percent_of(5, 4) == 100.0
    assert percent_of(3, None) is None
    assert round_half_up(0.25) == 0.3


@pytest.mark.parametrize(
    ("achieved", "status"),
    [
        # target 21 at mid-year (elapsed 0.5): on track from 0.9 × 0.5 = 0.45 (9.45 dialogues),
        # behind from 0.5 × 0.5 = 0.25 (5.25 dialogues)
        (21, Status.achieved),
        (25, Status.achieved),
        (10, Status.on_track),
        (9, Status.behind),
        (6, Status.behind),
        (5, Status.at_risk),
        (0, Status.not_started),
    ],
)
def test_pace_status_thresholds(achieved: int, status: Status) -> None:
    assert pace_status(achieved, 21, 0.5, PACE) is status


def test_pace_status_without_a_number_is_none() -> None:
    assert pace_status(3, None, 0.5, PACE) is None


def test_thresholds_come_from_the_plan_file() -> None:
    lenient = Pace(start=PACE.start, end=PACE.end, on_track=0.5, at_risk=0.2)
    assert pace_status(6, 21, 0.5, lenient) is Status.on_track  # 0.286 ≥ 0.25


def commune(cid: str, dialogues: int, group: int | None, **lists: Any) -> Commune:
    return adapter(Commune).validate_python(
        {
            "schema_version": 1,
            "id": cid,
            "name": cid.upper(),
            "kind": "xa",
            "code": None,
            "allocations": {
                "2024": {
                    "source": "estimate",
                    "items": {"nd3.hd1.2": dialogues},
                    "safe_birth_target_group": group,
                }
            },
            **lists,
        }
    )


def rec(date: str, item: str, organiser: str, **extra: Any) -> dict[str, Any]:
    return {"date": date, "item": item, "organiser": organiser, "title": "t", **extra}


@pytest.fixture
def two_communes() -> list[Commune]:
    a = commune(
        "a",
        2,
        100,
        records=[
            rec("2024-03-10", "nd3.hd1.2", "commune"),
            rec("2024-05-20", "nd3.hd1.2", "commune"),
            rec("2024-07-15", "nd3.hd1.2", "commune"),  # after the as-of date
            rec("2024-04-02", "nd3.hd1.2", "district"),
            rec("2024-04-10", "nd1.hd4.3", "commune", safe_birth_reached=60),
            rec("2024-05-05", "nd4.2", "district", count=2),
            rec("2024-05-10", "nd3.hd2.7", "district", entity="club-1"),
        ],
        entities=[
            {
                "id": "club-1",
                "kind": "change_leader_club",
                "item": "nd3.hd2.2",
                "name": "CLB 1",
                "village": "THCS A",
                "events": [{"date": "2024-04-01", "action": "founded"}],
                "organiser": "district",
                "members": {"total": 25, "girls": 14, "children": 25},
            },
            {
                "id": "ta-1",
                "kind": "trusted_address",
                "item": "nd2.hd3.1",
                "name": "ĐCTC 1",
                "village": "Thôn 1",
                "events": [{"date": "2024-08-01", "action": "founded"}],
                "organiser": "district",
                "members": {"total": 5},
            },
        ],
    )
    b = commune(
        "b",
        17,
        300,
        records=[rec("2024-06-01", "nd1.hd4.3", "commune", safe_birth_reached=60)],
        entities=[
            {
                "id": "club-2",
                "kind": "change_leader_club",
                "item": "nd3.hd2.2",
                "name": "CLB 2",
                "village": "THCS B",
                "events": [{"date": "2024-06-30", "action": "founded"}],
                "organiser": "district",
                "members": {"total": 20},
            },
        ],
    )
    return [a, b]


def by_id(rows: list[Any]) -> dict[str, Any]:
    return {row.id: row for row in rows}


def test_tally_counts_entities_once_and_skips_later_dates(plan: PlanIndex, two_communes: list) -> None:
    counts = tally(plan, two_communes, JUNE_30)
    assert counts.achieved("nd3.hd1.2") == 3  # 2 commune + 1 district; the July one not yet
    assert counts.achieved("nd3.hd2.2") == 2  # club-1 (+ a record about it) and club-2 on 30/6
    assert counts.achieved("nd2.hd3.1") == 0  # founded in August
    assert counts.achieved("nd4.2") == 2  # one record of count 2
    report = compute_status(plan, two_communes, JUNE_30)
    assert (report.records, report.entities) == (7, 2)


def test_district_status_by_hand(plan: PlanIndex, two_communes: list) -> None:
    report = compute_status(plan, two_communes, JUNE_30)
    rows = by_id(report.targets)
    # elapsed 182/366 = 0.4973: on track from 0.4475, behind from 0.2486

    # 3 of 21 dialogues = 14.29 % → 14.3; 0.143 < 0.2486 → at risk
    d = rows["policy_dialogues"]
    assert (d.target, d.achieved, d.percent, d.remaining, d.status) == (
        21,
        3,
        14.3,
        18,
        Status.at_risk,
    )
    # 2 of 3 clubs = 66.7 %, on track
    c = rows["change_leader_clubs"]
    assert (c.achieved, c.percent, c.remaining, c.status) == (2, 66.7, 1, Status.on_track)
    # trusted addresses: the only one is dated after 30/6
    t = rows["trusted_addresses"]
    assert (t.achieved, t.percent, t.status) == (0, 0.0, Status.not_started)
    # 2 of 4 mainstreaming classes = 50 %, on track
    m = rows["mainstreaming_classes"]
    assert (m.achieved, m.percent, m.status) == (2, 50.0, Status.on_track)
    # safe birth: (60 + 60) / (100 + 300) = 30.0 % (the mean of 60 % and 20 % would say 40 %);
    # 30 / 80 = 37.5 % of the target; 0.375 is behind (≥ 0.2486, < 0.4475); 50 points remain
    s = rows["safe_birth_outreach"]
    assert (s.numerator, s.denominator, s.achieved, s.percent, s.remaining, s.status) == (
        120,
        400,
        30.0,
        37.5,
        50,
        Status.behind,
    )


def test_commune_status_by_hand(plan: PlanIndex, two_communes: list) -> None:
    report = compute_status(plan, two_communes, JUNE_30, commune="a")
    rows = by_id(report.targets)
    # commune a was allocated 2 dialogues and held 2 (its district-held one is not its own target)
    d = rows["policy_dialogues"]
    assert (d.target, d.achieved, d.percent, d.status) == (2, 2, 100.0, Status.achieved)
    # 60 of 100 women = 60 %; 60 / 80 = 75 %, on track
    s = rows["safe_birth_outreach"]
    assert (s.numerator, s.denominator, s.achieved, s.percent, s.status) == (
        60,
        100,
        60.0,
        75.0,
        Status.on_track,
    )
    # clubs are a district-wide target: the commune's contribution, no percentage
    c = rows["change_leader_clubs"]
    assert (c.target, c.achieved, c.percent, c.status) == (None, 1, None, None)
    assert report.records == 6  # the July record is not yet counted


def test_item_rows_by_level(plan: PlanIndex, two_communes: list) -> None:
    report = compute_status(plan, two_communes, JUNE_30)
    rows = {(r.id, r.level): r for r in report.items}
    district = rows[("nd3.hd1.2", "district")]
    assert (district.target, district.achieved, district.percent, district.status) == (
        2,
        1,
        50.0,
        Status.on_track,
    )
    communal = rows[("nd3.hd1.2", "commune")]
    # 2 of 19 = 10.53 % → 10.5, at risk
    assert (communal.target, communal.achieved, communal.percent, communal.status) == (
        19,
        2,
        10.5,
        Status.at_risk,
    )
    # a word target reports what was done, without a percentage
    words = rows[("nd3.hd2.7", "district")]
    assert (words.target, words.target_text, words.achieved, words.percent, words.status) == (
        None,
        "Huyện",
        1,
        None,
        None,
    )


def test_no_denominator_means_no_percentage(plan: PlanIndex) -> None:
    lonely = commune(
        "c", 19, None, records=[rec("2024-04-01", "nd1.hd4.3", "commune", safe_birth_reached=10)]
    )
    s = by_id(compute_status(plan, [lonely], JUNE_30).targets)["safe_birth_outreach"]
    assert (s.target, s.percent, s.status, s.numerator, s.denominator) == (None, None, None, 0, 0)


def test_status_is_pure(plan: PlanIndex, two_communes: list) -> None:
    first = compute_status(plan, two_communes, JUNE_30)
    second = compute_status(plan, two_communes, JUNE_30)
    assert first == second


def test_unknown_commune_is_refused(plan: PlanIndex, two_communes: list) -> None:
    with pytest.raises(ValueError, match="no commune with id 'zz'"):
        compute_status(plan, two_communes, JUNE_30, commune="zz")
