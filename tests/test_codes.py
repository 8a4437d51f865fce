"""Every problem code and its severity, declared once (``codes``)."""

from __future__ import annotations

import re

from trabong_d8.codes import CODES, Severity, severity

#: the warnings, by name: a code moved from one list to the other changes what fails `validate`
WARNINGS = {
    "yaml-comment-in-text",
    "commune-file-name",
    "record-on-entity-item",
    "date-in-future",
    "allocation-no-denominator",
    "safe-birth-over",
    "item-no-progress",
    "level-no-target",
}


def test_the_warnings_are_these() -> None:
    assert {code for code, level in CODES.items() if level is Severity.WARNING} == WARNINGS


def test_codes_are_stable_kebab_case_words() -> None:
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in CODES)


def test_an_unknown_code_counts_as_an_error() -> None:
    assert severity("no-such-code") is Severity.ERROR
    assert severity("date-in-future") is Severity.WARNING
