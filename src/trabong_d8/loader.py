"""Load a data folder (the plans, the commune files, the narratives) into the data's types.

``load_dataset`` never raises on bad data: it returns the data it could build and every problem
found in every file, each located at ``file:line:column``: a file's reading and shape first
(:mod:`trabong_d8.yamlio`, :mod:`trabong_d8.validation`), then the rules that need several files
at once (:mod:`trabong_d8.rules`), and on data without errors the rules that also depend on the
day (``today``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .collector import paused_gc
from .commune import Commune
from .dataset import Dataset, LoadResult
from .document import YamlDocument
from .forms import current_form
from .layout import COMMUNES_DIR, NARRATIVES_DIR, PLAN_GLOB, YAML_SUFFIXES, display_path, plan_year_of
from .narrative import PeriodNarrative
from .periods import period_from_id
from .plan import Plan
from .planindex import PlanIndex, build_index
from .problems import Location, Problem
from .rules import run_rules
from .validation import validate_document
from .yamlio import read_yaml

__all__ = ["load_dataset"]


def load_dataset(root: Path, today: dt.date) -> LoadResult:
    """Read and check every file of a data folder; see the module docstring."""
    with paused_gc():
        return _load_dataset(root, today)


def _load_dataset(root: Path, today: dt.date) -> LoadResult:
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(Location(display_path(root)), "data-dir-missing"))
        return LoadResult(None, problems)

    plans = _load_plans(root, problems)
    years = tuple(index.year for index, _ in plans or ())

    commune_docs: list[YamlDocument] = []
    communes: list[Commune] = []
    listed = len(problems)
    paths = _commune_files(root, problems)
    complete = len(problems) == listed  # no folder, or a file that is refused before reading
    for path in paths:
        doc = read_yaml(path, display_path(path))
        commune = validate_document(doc, Commune)
        if commune is not None:
            commune, forms = current_form(commune, doc, years)
            if forms:  # a form that cannot be brought to the current one: the file does not load
                doc.problems.extend(forms)
                commune = None
        problems.extend(doc.problems)
        if commune is not None:
            commune_docs.append(doc)
            communes.append(commune)
        else:
            complete = False

    narratives = _load_narratives(root, years[-1] if years else today.year, problems)

    if plans is None:
        return LoadResult(None, _sorted(problems))
    dataset = Dataset(
        root=root,
        plans=tuple(index for index, _ in plans),
        communes=tuple(communes),
        plan_docs=tuple(doc for _, doc in plans),
        commune_docs=tuple(commune_docs),
        complete=complete,
        narratives=narratives,
    )
    problems.extend(run_rules(dataset, today))
    if any(p.is_error for p in problems):
        return LoadResult(None, _sorted(problems))
    # the calendar's rules too: the result depends on the day already (a date after today is a
    # warning), and ``d8 status`` counts the warnings as ``d8 validate`` lists them
    problems.extend(run_rules(dataset, today, ("calendar",)))
    return LoadResult(dataset, _sorted(problems))


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def _load_plans(root: Path, problems: list[Problem]) -> list[tuple[PlanIndex, YamlDocument]] | None:
    """Every ``plan_<year>.yaml``, in order of years; ``None`` when one of them did not load."""
    resolved = root.resolve()
    found: list[tuple[PlanIndex, YamlDocument]] = []
    failed = False
    paths = sorted(root.glob(PLAN_GLOB))
    for path in paths:
        if plan_year_of(path.name) is None:
            problems.append(Problem(Location(display_path(path)), "plan-file-name", {"name": path.name}))
            failed = True
            continue
        if not _link_is_inside(path, resolved, problems):  # said, and not read
            failed = True
            continue
        doc = read_yaml(path, display_path(path))
        plan = validate_document(doc, Plan)
        problems.extend(doc.problems)
        if plan is None:
            failed = True
        else:
            found.append((build_index(plan), doc))
    if not paths:
        problems.append(Problem(Location(display_path(root)), "plan-missing"))
    if failed or not found:
        return None
    return sorted(found, key=lambda pair: pair[0].year)


def _load_narratives(root: Path, year: int, problems: list[Problem]) -> dict[str, PeriodNarrative]:
    """``narratives/<period>.yaml``: optional; a report without one says its narrative is missing."""
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
            problems.append(
                Problem(Location(doc.path), "narrative-file-name", {"name": path.name, "year": year})
            )
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
    return [
        path
        for path in entries
        if path.suffix.lower() in YAML_SUFFIXES and _link_is_inside(path, resolved_root, problems)
    ]


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
