"""The value types of the data files (``fields``): dates, codes and narratives checked by their own
functions, constraints read by pydantic only, and no pydantic imported to use them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from trabong_d8.fields import Invalid, parse_code, parse_date, parse_narrative


@pytest.mark.parametrize("value", ["2024-03-08", dt.date(2024, 3, 8)])
def test_a_date_is_exactly_year_month_day(value: object) -> None:
    assert parse_date(value) == dt.date(2024, 3, 8)


@pytest.mark.parametrize(
    ("value", "kind"),
    [("2024-3-8", "date_format"), (45000, "date_format"), ("8/3/2024", "date_format"),
     ("2024-02-30", "date_impossible"), (dt.datetime(2024, 3, 8, 10), "date_format")],
)  # fmt: skip
def test_what_is_not_a_date(value: object, kind: str) -> None:
    with pytest.raises(Invalid) as caught:
        parse_date(value)
    assert caught.value.kind == kind


def test_codes_are_digits_kept_as_text() -> None:
    assert parse_code(21115) == "21115" and parse_code("074") == "074"
    for bad in (True, -1, "21x15", "２１"):
        with pytest.raises(Invalid):
            parse_code(bad)


def test_a_narrative_is_a_text_or_a_list_of_texts() -> None:
    assert parse_narrative("Đoạn văn") == "Đoạn văn"
    assert parse_narrative(["ý 1", "ý 2"]) == ("ý 1", "ý 2")
    for bad in ("  ", [], ["ý", 3], 12):
        with pytest.raises(Invalid):
            parse_narrative(bad)


def test_the_data_types_import_without_pydantic() -> None:
    code = (
        "import sys, trabong_d8.plan, trabong_d8.commune, trabong_d8.narrative;"
        "print('pydantic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
