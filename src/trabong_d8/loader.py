"""Load a data folder (the plan and the commune files) into validated models.

``load_dataset`` never raises on bad data: it returns the models it could build and every problem
found in every file, each located at ``file:line:column``. Shape problems come from pydantic and are
translated here into the project's codes, at the line of the offending key or value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .dataset import COMMUNES_DIR, NARRATIVES_DIR, PLAN_FILE, YAML_SUFFIXES, Dataset, LoadResult
from .messages import Found, Suggestion, Word, show_value
from .models import ITEM_ID_PATTERN, SLUG_PATTERN, Commune, PeriodNarrative, Plan
from .problems import Location, Problem
from .yamlio import MAX_PROBLEMS_PER_FILE, YamlDocument, paused_gc, read_yaml, too_many_problems

__all__ = [
    "COMMUNES_DIR",
    "NARRATIVES_DIR",
    "PLAN_FILE",
    "YAML_SUFFIXES",
    "Dataset",
    "LoadResult",
    "display_path",
    "load_dataset",
    "validate_document",
]


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the current folder when inside it,
    otherwise as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def load_dataset(root: Path, today: dt.date | None = None) -> LoadResult:
    """Read and check every file of a data folder; see the module docstring."""
    with paused_gc():
        return _load_dataset(root, today)


def _load_dataset(root: Path, today: dt.date | None) -> LoadResult:
    from .checks import check_dataset  # cross-file checks need the models first

    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(Location(display_path(root)), "data-dir-missing"))
        return LoadResult(None, problems)

    plan: Plan | None = None
    plan_doc = YamlDocument(display_path(root / PLAN_FILE))
    if _link_is_inside(root / PLAN_FILE, root.resolve(), problems):  # else: said, and not read
        plan_doc = read_yaml(root / PLAN_FILE, plan_doc.path)
        plan = validate_document(plan_doc, Plan)
        problems.extend(plan_doc.problems)

    commune_docs: list[YamlDocument] = []
    communes: list[Commune] = []
    listed = len(problems)
    paths = _commune_files(root, problems)
    complete = len(problems) == listed  # no folder, or a file that is refused before reading
    for path in paths:
        doc = read_yaml(path, display_path(path))
        commune = validate_document(doc, Commune)
        problems.extend(doc.problems)
        if commune is not None:
            commune_docs.append(doc)
            communes.append(commune)
        else:
            complete = False

    narratives = _load_narratives(root, problems)

    if plan is None:
        return LoadResult(None, _sorted(problems))
    dataset = Dataset(root, plan, communes, plan_doc, commune_docs, complete, narratives)
    problems.extend(check_dataset(dataset, today=today))
    has_errors = any(p.is_error for p in problems)
    return LoadResult(None if has_errors else dataset, _sorted(problems))


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def _load_narratives(root: Path, problems: list[Problem]) -> dict[str, PeriodNarrative]:
    """``narratives/<period>.yaml``: optional; a report without one says its narrative is missing."""
    from .periods import period_from_id

    folder = root / NARRATIVES_DIR
    if not folder.is_dir():
        return {}
    narratives: dict[str, PeriodNarrative] = {}
    for path in _yaml_files(folder, root, problems):
        doc = read_yaml(path, display_path(path))
        narrative = validate_document(doc, PeriodNarrative)
        problems.extend(doc.problems)
        period = period_from_id(path.stem)
        if period is None:
            problems.append(Problem(Location(doc.path), "narrative-file-name", {"name": path.name}))
        elif narrative is not None:
            narratives[period.id] = narrative
    return narratives


def _commune_files(root: Path, problems: list[Problem]) -> list[Path]:
    folder = root / COMMUNES_DIR
    if not folder.is_dir():
        problems.append(Problem(Location(display_path(folder)), "communes-missing"))
        return []
    if not _link_is_inside(folder, root.resolve(), problems):
        return []
    found = _yaml_files(folder, root, problems)
    if not found:
        problems.append(Problem(Location(display_path(folder)), "communes-missing"))
    return found


def _yaml_files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """The YAML files of ``folder``, refusing links that lead outside the data folder."""
    resolved_root = root.resolve()
    if not _link_is_inside(folder, resolved_root, problems):
        return []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        where = Location(display_path(folder))
        problems.append(Problem(where, "file-unreadable", {"reason": exc.strerror or str(exc)}))
        return []
    found: list[Path] = []
    for path in entries:
        if path.suffix.lower() not in YAML_SUFFIXES:
            continue
        if _link_is_inside(path, resolved_root, problems):
            found.append(path)
    return found


def _link_is_inside(path: Path, resolved_root: Path, problems: list[Problem]) -> bool:
    """True unless ``path`` is a link that dangles, loops or points outside the data folder (each a
    located problem)."""
    if not path.is_symlink():
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # dangling link, or a loop of links
        reason = getattr(exc, "strerror", None) or str(exc)
        problems.append(Problem(Location(display_path(path)), "file-unreadable", {"reason": reason}))
        return False
    if not target.is_relative_to(resolved_root):
        problems.append(Problem(Location(display_path(path)), "file-outside-data", {"target": str(target)}))
        return False
    return True


# --- from pydantic's errors to located problems --------------------------------------------------


ModelT = typing.TypeVar("ModelT", bound=BaseModel)


def validate_document(doc: YamlDocument, model: type[ModelT]) -> ModelT | None:
    """Validate a parsed file against ``model``; problems are appended to ``doc.problems``."""
    if any(p.is_error for p in doc.problems):  # unreadable or not YAML: nothing more about its shape
        return None
    if doc.value is None:
        doc.problems.append(Problem(Location(doc.path, 1, 1), "file-empty"))
        return None
    if not isinstance(doc.value, dict):
        doc.problems.append(
            Problem(Location(doc.path, 1, 1), "file-not-mapping", {"found": Found(doc.value)})
        )
        return None
    try:
        validated = model.model_validate(doc.value)
    except ValidationError as exc:
        problems = translate_errors(exc.errors(), doc, model)
        if len(problems) > MAX_PROBLEMS_PER_FILE:
            stop = problems[MAX_PROBLEMS_PER_FILE].location.line or 1
            problems = [*problems[:MAX_PROBLEMS_PER_FILE], too_many_problems(doc.path, stop)]
        doc.problems.extend(problems)
        return None
    doc.release()  # the model holds the data now; the raw tree would only double the memory
    return validated


def _clean_loc(loc: Iterable[Any], value: Any) -> tuple[str | int, ...]:
    """``loc`` as keys and indices of the file.

    pydantic adds the names of union members and validators (``function-after[…]``) to ``loc``;
    they are dropped. A part that is a key of the file is always kept, even if it holds a ``[``
    (``0[# note: …`` is a key a stray paste can make).
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


def translate_errors(errors: list[Any], doc: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    located = []
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    for error in errors:
        loc = _clean_loc(error["loc"], doc.value)
        problem = _translate(error, loc, doc, model)
        key = (loc, problem.code)
        if key in seen:  # a union reports the same fault once per member
            continue
        seen.add(key)
        located.append((loc, problem))
    # A misspelt key ("organizer") also leaves the real one missing; one mistake, one message.
    suggested = {
        (loc[:-1], problem.params["suggestion"].key)
        for loc, problem in located
        if problem.code == "unknown-key" and problem.params["suggestion"].key
    }
    return [
        problem
        for loc, problem in located
        if not (problem.code == "missing-key" and (loc[:-1], loc[-1]) in suggested)
    ]


def _translate(error: Any, loc: tuple[str | int, ...], doc: YamlDocument, model: type[BaseModel]) -> Problem:
    problem = _translate_one(error, loc, doc, model)
    if "input" in error and "value" not in problem.params:
        problem.params["value"] = show_value(error["input"])
    return problem


def _translate_one(
    error: Any, loc: tuple[str | int, ...], doc: YamlDocument, model: type[BaseModel]
) -> Problem:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    where = doc.locate(loc)
    found = Found(value)

    if kind == "extra_forbidden" and loc:
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        return Problem(
            doc.locate(loc, prefer_key=True),
            "unknown-key",
            {
                "key": key,
                "suggestion": Suggestion(close[0] if close else None),
                "allowed": ", ".join(allowed),
            },
        )
    if kind == "missing" and loc:
        return Problem(doc.locate(loc[:-1]), "missing-key", {"key": str(loc[-1])})
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, float):
            return Problem(where, "expected-whole-number", {"found": found})
        if isinstance(value, str) and value.isdigit():
            code = "leading-zero-number" if value.startswith("0") else "expected-integer"
            return Problem(where, code, {"found": found})
        return Problem(where, "expected-integer", {"found": found})
    if kind in ("float_type", "float_parsing"):
        return Problem(where, "expected-number", {"found": found})
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        if limit == 0 and isinstance(value, (int, float)) and value < 0:
            return Problem(where, "negative-count", {"found": found})
        return Problem(where, "too-small", {"found": found, "limit": limit})
    if kind in ("less_than_equal", "less_than"):
        return Problem(where, "too-large", {"found": found, "limit": ctx.get("le", ctx.get("lt"))})
    if kind == "string_type":
        return Problem(where, "expected-text", {"found": found, "raw": _raw(value)})
    if kind == "string_too_short":
        return Problem(where, "empty-text")
    if kind == "too_short":
        return Problem(where, "empty-list")
    if kind == "bool_type":
        return Problem(where, "expected-boolean", {"found": found})
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Problem(where, "expected-mapping", {"found": found})
    if kind == "list_type":
        return Problem(where, "expected-list", {"found": found})
    if kind in ("literal_error", "enum"):
        # pydantic joins the choices with an English "or"
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return Problem(where, "unexpected-value", {"found": found, "expected": expected})
    if kind == "date_format":
        return Problem(where, "bad-date", {"found": found})
    if kind == "date_impossible":
        return Problem(where, "impossible-date", {"found": found})
    if kind == "narrative_type":
        return Problem(where, "expected-narrative", {"found": found})
    if kind == "code_format":
        return Problem(where, "bad-code", {"found": found})
    if kind in _MODEL_RULES:
        return Problem(where, _MODEL_RULES[kind])
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        help_key = "item_help" if pattern == ITEM_ID_PATTERN else "slug_help"
        if pattern not in (ITEM_ID_PATTERN, SLUG_PATTERN):
            help_key = "item_help" if "nd" in str(pattern) else "slug_help"
        return Problem(where, "bad-id", {"found": found, "pattern_help": Word(help_key)})
    return Problem(where, "invalid-value", {"detail": error.get("msg", kind)})


# The models' own rules (``model_validator`` in models.py), by error type: one code each, so the
# message is in the user's language rather than pydantic's English.
_MODEL_RULES = {
    "ratio_items": "ratio-target-items",
    "count_items": "count-target-items",
    "parent_targets": "item-parent-targets",
    "missing_targets": "item-missing-targets",
    "entity_kind": "item-entity-kind",
    "content_shape": "content-shape",
    "pace_dates": "pace-dates",
    "pace_order": "pace-order",
}


def _raw(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _first_model(info.annotation)
    return list(current.model_fields) if current is not None else []


def _first_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None
