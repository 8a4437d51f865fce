"""A loaded data folder (``dataset``): its plans by year and by day, its communes by id or name."""

from __future__ import annotations

import datetime as dt

import pytest

from trabong_d8.codes import Severity
from trabong_d8.dataset import LoadResult
from trabong_d8.problems import Location, Problem

from .helpers import EXAMPLE, EXAMPLE_YEARS, load


@pytest.fixture(scope="module")
def two_years():  # type: ignore[no-untyped-def]
    dataset = load(EXAMPLE_YEARS).dataset
    assert dataset is not None
    return dataset


def test_plans_by_year_and_by_day(two_years) -> None:  # type: ignore[no-untyped-def]
    assert two_years.years == (2024, 2025)
    assert two_years.plan(2025).year == 2025 and two_years.plan(2023) is None
    assert two_years.plan_for(dt.date(2024, 12, 31)).year == 2024
    assert two_years.plan_for(dt.date(2025, 1, 1)).year == 2025
    assert two_years.plan_for(dt.date(2026, 1, 1)) is None


@pytest.mark.parametrize("key", ["tra-bui", "Trà Bùi", "tra bui", "TRÀ BÙI"])
def test_a_commune_by_id_or_by_name(two_years, key: str) -> None:  # type: ignore[no-untyped-def]
    assert two_years.commune(key).id == "tra-bui"


def test_an_unknown_commune_is_none(two_years) -> None:  # type: ignore[no-untyped-def]
    assert two_years.commune("tra-bu") is None


def test_counts() -> None:
    dataset = load(EXAMPLE).dataset
    assert dataset is not None
    assert (dataset.files, dataset.record_count, dataset.entity_count) == (18, 48, 6)


def test_a_load_result_splits_errors_and_warnings() -> None:
    warning = Problem(Location("a.yaml", 1, 1), "date-in-future")
    error = Problem(Location("a.yaml", 2, 1), "unknown-key")
    assert warning.severity is Severity.WARNING
    result = LoadResult(None, [warning, error])
    assert (result.errors, result.warnings) == ([error], [warning])
    assert result.failed() and result.failed(strict=True)
    only_warned = LoadResult(None, [warning])
    assert not only_warned.failed() and only_warned.failed(strict=True)
