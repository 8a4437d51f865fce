"""How results are written for people and programs: problems as text, JSON or GitHub annotations,
the summaries of ``d8 validate``, the sentences of usage errors.

Every function returns text; the command line prints it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Literal

from .errors import D8Error
from .messages import format_problem, problem_message, render_params, word
from .problems import Problem
from .textsafe import visible

ProblemFormat = Literal["text", "json", "github"]


def problems_text(problems: Iterable[Problem], lang: str, fmt: ProblemFormat = "text") -> str:
    """The problems in ``fmt``: one ``PATH:LINE:COL: error[CODE]: message`` line each (text), a
    JSON list with every parameter (json), or GitHub workflow commands (github)."""
    problems = list(problems)
    if fmt == "json":
        payload = [
            {
                "path": p.location.path,
                "line": p.location.line,
                "column": p.location.column,
                "severity": p.severity.value,
                "code": p.code,
                "message": problem_message(p, lang),
                "params": p.params,
            }
            for p in problems
        ]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(_github(p, lang) + "\n" for p in problems)
    return "".join(format_problem(p, lang) + "\n" for p in problems)


def _github(problem: Problem, lang: str) -> str:
    loc = problem.location
    kind = problem.severity.value
    message = _github_escape(problem_message(problem, lang))
    path = _github_escape(visible(loc.path), prop=True)
    return f"::{kind} file={path},line={loc.line or 1},col={loc.column or 1},title={problem.code}::{message}"


def _github_escape(text: str, prop: bool = False) -> str:
    """Escape for GitHub's workflow commands (``%``, line breaks; ``:`` and ``,`` in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validation_text(
    errors: list[Problem],
    warnings: list[Problem],
    lang: str,
    *,
    strict: bool,
    valid: tuple[int, int, int] | None,
) -> str:
    """What ``d8 validate`` prints as text: errors, then warnings under their own heading, then a
    summary (``valid`` is files, records and entities of data without errors)."""
    parts = [problems_text(errors, lang)]
    if warnings:
        parts.append(word("warnings_heading_strict" if strict else "warnings_heading", lang) + "\n")
        parts.append(problems_text(warnings, lang))
    if valid is not None and not errors:
        files, records, entities = valid
        parts.append(word("summary_ok", lang, files=files, records=records, entities=entities) + "\n")
    if errors or warnings:
        parts.append(summary(len(errors), len(warnings), lang) + "\n")
    return "".join(parts)


def summary(errors: int, warnings: int, lang: str) -> str:
    return word("summary_problems", lang, errors=errors, warnings=warnings)


def warnings_hint(warnings: int, lang: str) -> str:
    """For commands that use the data: it has warnings, and where to see them."""
    return word("warnings_hint", lang, n=warnings)


def usage_message(error: D8Error, lang: str) -> str:
    """The sentence of a usage error, in ``lang``."""
    if error.key is None:
        return "; ".join(problem_message(p, lang) for p in error.problems)
    return word(error.key, lang, **render_params(error.params, lang))


def sentence(key: str, lang: str, /, **params: object) -> str:
    """A sentence of the catalogue for the command line (``report_written``, ``year_over`` …)."""
    return word(key, lang, **render_params(dict(params), lang))


def year_over(last_day: dt.date, lang: str) -> str:
    """The plan year asked about is over: its last day is shown."""
    from .formatting import format_date

    return word("year_over", lang, date=format_date(last_day, lang))


def internal_error_text(error: str, rerun: str, lang: str) -> str:
    """The one line an internal fault prints: not the data's fault, and how to report it."""
    from .problems import Location

    return format_problem(Problem(Location("d8"), "internal-error", {"error": error, "rerun": rerun}), lang)


def problem_line(problem: Problem, lang: str) -> str:
    return format_problem(problem, lang)


def resolve_lang(lang: str | None) -> str:
    """The language asked for, else ``D8_LANG``, else Vietnamese."""
    from .messages import resolve_lang as resolve

    return resolve(lang)
