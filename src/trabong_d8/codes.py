"""Every problem code ``d8`` can report, with its severity: declared here and nowhere else.

A code is stable: scripts, editors and tests rely on it, and the message catalogues
(:mod:`trabong_d8.lang_vi`, :mod:`trabong_d8.lang_en`) are keyed by it. An *error* fails ``d8
validate`` and stops the commands that need the data whole; a *warning* is worth a look and fails
only ``d8 validate --strict``. Adding a code: add it here, then its sentence to each catalogue (a
test checks that every code has one in every language).
"""

from __future__ import annotations

from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Severity] = {
    # the data folder and its files
    "data-dir-missing": E,
    "plan-missing": E,
    "plan-file-name": E,
    "file-missing": E,
    "communes-missing": E,
    "file-unreadable": E,
    "file-is-directory": E,
    "file-not-regular": E,
    "file-outside-data": E,
    "file-too-large": E,
    "file-binary": E,
    "encoding-not-utf8": E,
    "encoding-unsupported": E,
    "file-empty": E,
    "file-not-mapping": E,
    "too-many-problems": E,
    # YAML syntax and the strict reader
    "yaml-syntax": E,
    "yaml-tab": E,
    "yaml-reserved-char": E,
    "yaml-unclosed-quote": E,
    "yaml-bad-escape": E,
    "yaml-missing-colon": E,
    "yaml-colon-in-value": E,
    "yaml-indentation": E,
    "yaml-missing-value": E,
    "yaml-unclosed-bracket": E,
    "yaml-bad-anchor": E,
    "yaml-control-char": E,
    "yaml-comment-in-text": W,
    "yaml-duplicate-key": E,
    "yaml-anchor": E,
    "yaml-alias": E,
    "yaml-merge-key": E,
    "yaml-tag": E,
    "yaml-complex-key": E,
    "yaml-multiple-documents": E,
    # the shape of one file
    "unknown-key": E,
    "missing-key": E,
    "expected-integer": E,
    "expected-whole-number": E,
    "expected-number": E,
    "leading-zero-number": E,
    "negative-count": E,
    "too-small": E,
    "too-large": E,
    "expected-text": E,
    "expected-narrative": E,
    "empty-text": E,
    "empty-list": E,
    "expected-boolean": E,
    "expected-mapping": E,
    "expected-list": E,
    "unexpected-value": E,
    "bad-date": E,
    "impossible-date": E,
    "bad-code": E,
    "bad-id": E,
    "invalid-value": E,
    # the plan's own consistency
    "plan-year-mismatch": E,
    "plan-years-overlap": E,
    "plan-duplicate-id": E,
    "plan-unknown-item": E,
    "plan-target-wording": E,
    "plan-target-mismatch": E,
    "ratio-target-items": E,
    "ratio-target-twice": E,
    "count-target-items": E,
    "item-parent-targets": E,
    "item-missing-targets": E,
    "item-entity-kind": E,
    "item-too-deep": E,
    "content-shape": E,
    "pace-dates": E,
    "pace-order": E,
    "percent-over-100": E,
    # communes, their records and entities
    "narrative-file-name": E,
    "commune-duplicate-id": E,
    "commune-duplicate-name": E,
    "commune-file-name": W,
    "duplicate-id": E,
    "unknown-item": E,
    "parent-item": E,
    "unknown-entity": E,
    "entity-item-kind": E,
    "entity-date-and-events": E,
    "record-on-entity-item": W,
    "date-outside-plan": E,
    "date-in-future": W,
    "participants-exceed": E,
    "allocation-twice": E,
    "allocation-needs-year": E,
    "allocation-year-unknown": E,
    "allocation-unknown-item": E,
    "allocation-sum": E,
    "allocation-no-denominator": W,
    "safe-birth-over": W,
    "item-no-progress": W,
    "level-no-target": W,
    # reports and the command line (reported in the same form)
    "template-error": E,
    "output-unwritable": E,
    "words-not-mapping": E,
    "words-entry": E,
    "internal-error": E,
}


def severity(code: str) -> Severity:
    """The severity of ``code``; an unknown code is an error (a test keeps the table complete)."""
    return CODES.get(code, Severity.ERROR)
