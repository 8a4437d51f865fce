"""Problems as plain values (``problems``): located, coded, with plain parameters."""

from __future__ import annotations

import pickle

from trabong_d8.codes import Severity
from trabong_d8.problems import PARAM_TEXT_LIMIT, Location, Problem, plain


def test_a_location_reads_as_editors_want_it() -> None:
    assert str(Location("a.yaml", 3, 5)) == "a.yaml:3:5"
    assert str(Location("a.yaml", 3)) == "a.yaml:3:1"
    assert str(Location("data/communes")) == "data/communes"


def test_severity_comes_from_the_code() -> None:
    assert Problem(Location("a"), "date-in-future").severity is Severity.WARNING
    assert Problem(Location("a"), "unknown-key").is_error


def test_problems_sort_by_place_then_code() -> None:
    late = Problem(Location("a.yaml", 9, 1), "b")
    early = Problem(Location("a.yaml", 2, 7), "z")
    other = Problem(Location("b.yaml", 1, 1), "a")
    assert sorted([other, late, early], key=Problem.sort_key) == [early, late, other]


def test_parameters_are_plain_and_bounded() -> None:
    assert plain("yes") == "yes" and plain(12) == 12 and plain(None) is None and plain(True) is True
    assert plain([1, 2]) == [] and plain({"a": 1}) == {}
    long = plain("x" * 10_000)
    assert len(long) == PARAM_TEXT_LIMIT and long.endswith("…")


def test_problems_survive_the_cache() -> None:
    problem = Problem(Location("a.yaml", 1, 2), "unknown-key", {"key": "titel", "suggestion": "title"})
    assert pickle.loads(pickle.dumps(problem)) == problem
