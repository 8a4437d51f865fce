"""Validating a parsed file into the data's frozen types, and pydantic's errors as located problems.

Pydantic checks the shape of one file (known keys only, types, ranges; see :mod:`trabong_d8.fields`)
and builds the frozen dataclasses of :mod:`trabong_d8.plan`, :mod:`trabong_d8.commune` and
:mod:`trabong_d8.narrative` directly. Its errors are translated here into the project's codes, at
the line of the offending key or value.
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from .fields import ITEM_ID_PATTERN, SLUG_PATTERN, TARGET_ID_PATTERN
from .frozen import Frozen
from .problems import Location, Problem, plain
from .yamlio import MAX_PROBLEMS_PER_FILE, YamlDocument, locate, too_many_problems

__all__ = ["translate_errors", "validate_document"]

T = TypeVar("T", bound=Frozen)

_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(kind: type[T]) -> TypeAdapter[T]:
    """The (cached) pydantic validator of a frozen type."""
    found = _ADAPTERS.get(kind)
    if found is None:
        found = _ADAPTERS[kind] = TypeAdapter(kind)
    return found


def validate_document(doc: YamlDocument, kind: type[T]) -> T | None:
    """Validate a parsed file into ``kind``; problems are appended to ``doc.problems``."""
    if any(p.is_error for p in doc.problems):  # unreadable or not YAML: nothing more about its shape
        return None
    if doc.value is None:
        doc.problems.append(Problem(Location(doc.path, 1, 1), "file-empty"))
        return None
    if not isinstance(doc.value, dict):
        doc.problems.append(
            Problem(Location(doc.path, 1, 1), "file-not-mapping", {"found": plain(doc.value)})
        )
        return None
    try:
        validated = adapter(kind).validate_python(doc.value)
    except ValidationError as exc:
        problems = translate_errors(exc.errors(), doc, kind)
        if len(problems) > MAX_PROBLEMS_PER_FILE:
            stop = problems[MAX_PROBLEMS_PER_FILE].location.line or 1
            problems = [*problems[:MAX_PROBLEMS_PER_FILE], too_many_problems(doc.path, stop)]
        doc.problems.extend(problems)
        return None
    doc.release()  # the data holds the values now; the raw tree would only double the memory
    return validated


def _clean_loc(loc: Iterable[Any], value: Any) -> tuple[str | int, ...]:
    """``loc`` as keys and indices of the file.

    pydantic adds names of its own to ``loc`` (union members, ``[key]`` for a mapping's key); they
    are dropped. A part that is a key of the file is always kept, even if it holds a ``[`` (``0[#
    note: …`` is a key a stray paste can make).
    """
    path: list[str | int] = []
    node = value
    for part in loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            node = node[part]
        elif isinstance(part, str) and "[" in part:
            continue  # pydantic's own name, not in the file
        else:
            node = None  # a key the file lacks (a missing key): kept, nothing below it
        path.append(part)
    return tuple(path)


def translate_errors(errors: list[Any], doc: YamlDocument, kind: type[Any]) -> list[Problem]:
    located = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    for error in errors:
        loc = _clean_loc(error["loc"], doc.value)
        problem = _translate(error, loc, doc, kind)
        key = (loc, problem.code)
        if key in seen:  # a union reports the same fault once per member
            continue
        seen.add(key)
        located.append((loc, problem))
    # A misspelt key ("organizer") also leaves the real one missing; one mistake, one message.
    suggested = {
        (loc[:-1], problem.params["suggestion"])
        for loc, problem in located
        if problem.code == "unknown-key" and problem.params["suggestion"]
    }
    return [
        problem
        for loc, problem in located
        if not (problem.code == "missing-key" and (loc[:-1], loc[-1]) in suggested)
    ]


def _translate(error: Any, loc: tuple[str | int, ...], doc: YamlDocument, kind: type[Any]) -> Problem:
    code, params, where = _translate_one(error, loc, doc, kind)
    if "input" in error and "value" not in params:
        params["value"] = plain(error["input"])
    return Problem(where, code, params)


_PATTERN_HELP = {ITEM_ID_PATTERN: "item_help", SLUG_PATTERN: "slug_help", TARGET_ID_PATTERN: "target_help"}
#: pydantic's error types, by the project's code (the types that need more than a code are below)
_SIMPLE = {
    "float_type": "expected-number",
    "float_parsing": "expected-number",
    "string_too_short": "empty-text",
    "too_short": "empty-list",
    "bool_type": "expected-boolean",
    "dataclass_type": "expected-mapping",
    "dataclass_args_type": "expected-mapping",
    "dict_type": "expected-mapping",
    "list_type": "expected-list",
    "tuple_type": "expected-list",
    "date_format": "bad-date",
    "date_impossible": "impossible-date",
    "narrative_type": "expected-narrative",
    "code_format": "bad-code",
}


def _translate_one(
    error: Any, loc: tuple[str | int, ...], doc: YamlDocument, kind: type[Any]
) -> tuple[str, dict[str, Any], Location]:
    etype = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    found = plain(value)

    if etype in ("extra_forbidden", "unexpected_keyword_argument") and loc:
        key = str(loc[-1])
        allowed = _allowed_keys(kind, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        params = {"key": key, "suggestion": close[0] if close else None, "allowed": ", ".join(allowed)}
        return "unknown-key", params, locate(doc, loc, prefer_key=True)
    if etype in ("missing", "missing_keyword_argument") and loc:
        return "missing-key", {"key": str(loc[-1])}, locate(doc, loc[:-1])
    where = locate(doc, loc)
    if etype in _SIMPLE:
        return _SIMPLE[etype], {"found": found}, where
    if etype in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, float):
            return "expected-whole-number", {"found": found}, where
        if isinstance(value, str) and value.isdigit():
            code = "leading-zero-number" if value.startswith("0") else "expected-integer"
            return code, {"found": found}, where
        return "expected-integer", {"found": found}, where
    if etype in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        if limit == 0 and isinstance(value, (int, float)) and value < 0:
            return "negative-count", {"found": found}, where
        return "too-small", {"found": found, "limit": limit}, where
    if etype in ("less_than_equal", "less_than"):
        return "too-large", {"found": found, "limit": ctx.get("le", ctx.get("lt"))}, where
    if etype == "string_type":
        return "expected-text", {"found": found, "raw": _raw(value)}, where
    if etype in ("literal_error", "enum"):
        # pydantic joins the choices with an English "or"
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return "unexpected-value", {"found": found, "expected": expected}, where
    if etype == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        help_key = _PATTERN_HELP.get(pattern) or ("item_help" if "nd" in pattern else "slug_help")
        return "bad-id", {"found": found, "pattern_help": help_key}, where
    return "invalid-value", {"detail": error.get("msg", etype)}, where


def _raw(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(plain(value))


def _allowed_keys(kind: type[Any], loc: tuple[str | int, ...]) -> list[str]:
    """The keys the frozen type at ``loc`` (below ``kind``) allows, in the order it declares them."""
    current: type[Any] | None = kind
    key_next = False  # the part after a mapping's name is one of its keys, not a field
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        if key_next:
            key_next = False
            continue
        hint = _hints(current).get(part)
        if hint is None:
            return []
        key_next = _is_mapping(hint)
        current = _first_frozen(hint)
    return [f.name for f in dataclasses.fields(current)] if current is not None else []


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(kind: type[Any]) -> dict[str, Any]:
    found = _HINTS.get(kind)
    if found is None:
        found = _HINTS[kind] = typing.get_type_hints(kind)
    return found


def _is_mapping(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (dict, Mapping):
        return True
    return any(_is_mapping(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def _first_frozen(annotation: Any) -> type[Any] | None:
    if isinstance(annotation, type) and issubclass(annotation, Frozen):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_frozen(arg)
        if found is not None:
            return found
    return None
