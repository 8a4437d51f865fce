"""The one exception type of the application layer (``errors``)."""

from __future__ import annotations

from trabong_d8.errors import D8Error
from trabong_d8.problems import Location, Problem


def test_a_usage_error_names_its_sentence_and_option() -> None:
    error = D8Error.usage("bad_date_option", "--as-of", key="x")
    assert (error.kind, error.key, error.option, error.params) == (
        "usage",
        "bad_date_option",
        "--as-of",
        {"key": "x"},
    )
    assert error.problems == [] and error.warnings is None
    assert str(error) == "bad_date_option"


def test_a_data_error_carries_its_located_problems() -> None:
    problem = Problem(
        Location("data/communes/a.yaml", 3, 5), "yaml-duplicate-key", {"key": "id", "first_line": 2}
    )
    error = D8Error("data", problems=[problem], warnings=0)
    assert (error.kind, error.problems, error.warnings, str(error)) == (
        "data",
        [problem],
        0,
        "yaml-duplicate-key",
    )
