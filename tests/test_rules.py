"""The table of rules (``rules``): every code a rule reports is declared with its severity, every
rule has a summary, and the problems of several files are found in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from trabong_d8.codes import CODES
from trabong_d8.rules import RULES

from .helpers import (
    SEVERAL,
    check_case,
)


def test_every_rule_reports_declared_codes_and_says_what_it_finds() -> None:
    for rule in RULES:
        assert rule.codes and set(rule.codes) <= set(CODES), rule
        assert rule.summary, f"{rule.find.__name__} has no docstring"
    found_codes = {code for rule in RULES for code in rule.codes}
    # the rules' codes are none of the reader's or the validation's own
    assert not any(code.startswith("yaml-") or code.startswith("file-") for code in found_codes)


def test_several_files_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_case(SEVERAL, tmp_path, monkeypatch)
