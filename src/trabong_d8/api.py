"""The application layer: one function for each thing a user, or a program, does with ``d8``.

The command line calls these and nothing below them; so can any Python program::

    from pathlib import Path
    from trabong_d8 import api

    checked = api.validate(Path("data"))
    for problem in checked.problems:             # every problem, located at file:line:column
        print(problem.location, problem.code, problem.params)
    result = api.status(Path("data"), as_of=datetime.date(2024, 6, 30))
    print(result.report.targets[0].achieved)

Results are plain typed values; a request that cannot be carried out raises
:class:`~trabong_d8.errors.D8Error` (see there for its kinds). ``today`` defaults to the clock
(:mod:`trabong_d8.clock`), so every function can be asked about any day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from . import clock
from .dataset import Dataset, LoadResult
from .errors import D8Error
from .frozen import Frozen, frozen
from .problems import Location, Problem

if TYPE_CHECKING:
    from .commune import Commune
    from .periods import Period
    from .planindex import PlanIndex
    from .progress import StatusReport, Tally
    from .report import Report

__all__ = [
    "D8Error",
    "PeriodValues",
    "ReportOutput",
    "StatusResult",
    "load",
    "open_data",
    "parse_date",
    "parse_period",
    "period_values",
    "render_report",
    "report_model",
    "schema",
    "status",
    "status_by_commune",
    "validate",
    "words_file",
    "write_report",
]

ReportFormat = Literal["md", "html"]
REPORT_SUFFIXES: dict[str, ReportFormat] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def _today(today: dt.date | None) -> dt.date:
    return today if today is not None else clock.today()


# --- loading and checking ------------------------------------------------------------------------


def load(data: Path, *, today: dt.date | None = None, use_cache: bool = True) -> LoadResult:
    """Read and check every file of a data folder (through the parse cache unless told not to):
    the data set (``None`` when it has errors) and every problem, sorted."""
    from .cache import load as cached_load

    return cached_load(data, _today(today), use_cache=use_cache)


def validate(data: Path, *, today: dt.date | None = None, use_cache: bool = True) -> LoadResult:
    """Every problem of the data folder (what ``d8 validate`` lists); the same as :func:`load`,
    under the name of what it is for."""
    return load(data, today=today, use_cache=use_cache)


def open_data(data: Path, *, today: dt.date | None = None, use_cache: bool = True) -> tuple[Dataset, int]:
    """The data set and its number of warnings (as ``d8 validate`` counts them), for commands that
    need the data whole; raises ``D8Error("data")`` with the errors when it has any."""
    checked = validate(data, today=today, use_cache=use_cache)
    if checked.dataset is None or checked.errors:
        raise D8Error("data", problems=checked.errors, warnings=len(checked.warnings))
    return checked.dataset, len(checked.warnings)


# --- dates, plans and periods --------------------------------------------------------------------


def parse_date(text: str, option: str) -> dt.date:
    """A ``YYYY-MM-DD`` option's date; ``D8Error("usage")`` otherwise."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise D8Error.usage("bad_date_option", option) from None


def parse_period(
    quarter: str | None = None,
    half: str | None = None,
    year: str | None = None,
    *,
    today: dt.date | None = None,
) -> Period:
    """The one period given as ``2024-Q3``, ``2024-H1`` or ``2024``; ``D8_Error("usage")`` otherwise."""
    from .periods import PeriodKind
    from .periods import parse_period as parse

    example = _today(today).year
    given = [
        (value, kind, option)
        for value, kind, option in (
            (quarter, PeriodKind.quarter, "--quarter"),
            (half, PeriodKind.half, "--half"),
            (year, PeriodKind.year, "--year"),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise D8Error.usage("period_required", "--quarter / --half / --year", year=example)
    value, kind, option = given[0]
    period = parse(value, kind)
    if period is None:
        raise D8Error.usage(f"bad_{kind.value}", option, year=example)
    return period


def _plan_of_period(dataset: Dataset, period: Period) -> PlanIndex:
    plan = dataset.plan(period.year)
    if plan is None:
        years = ", ".join(str(y) for y in dataset.years)
        raise D8Error.usage(
            "period_outside_plan", "--quarter / --half / --year", years=years, period=period.id
        )
    return plan


@frozen(kw_only=False)
class Moment(Frozen):
    """The plan a status is about, and the day it is taken on."""

    plan: PlanIndex
    as_of: dt.date
    #: True when no date was asked for and today lies after the plan year: its last day is shown
    year_over: bool = False


def moment(dataset: Dataset, *, as_of: dt.date | None, year: int | None, today: dt.date) -> Moment:
    """Which plan and day a status shows: the plan of ``as_of`` (or of ``year``); after a plan year
    that no later plan covers, that year's last day; without a date, the plan of ``year`` or of
    today (the latest begun, else the first) as of today, or its last day once it is over."""
    if as_of is not None:
        plan = dataset.plan(year) if year is not None else dataset.plan_for(as_of)
        if plan is not None and plan.covers(as_of):
            return Moment(plan, as_of)
        ended = [p for p in dataset.plans if p.end < as_of]
        if year is None and ended:  # after a plan year and before the next: that year's results
            return Moment(ended[-1], ended[-1].end, year_over=True)
        years = ", ".join(str(y) for y in dataset.years)
        raise D8Error.usage("date_outside_plans", "--as-of", date=as_of.isoformat(), years=years)
    if year is not None:
        chosen = dataset.plan(year)
        if chosen is None:
            years = ", ".join(str(y) for y in dataset.years)
            raise D8Error.usage("year_without_plan", "--year", year=year, years=years)
    else:
        begun = [p for p in dataset.plans if p.start <= today]
        chosen = begun[-1] if begun else dataset.plans[0]
    if today > chosen.end:
        return Moment(chosen, chosen.end, year_over=True)
    return Moment(chosen, max(today, chosen.start))


# --- status --------------------------------------------------------------------------------------


@frozen(kw_only=False)
class StatusResult(Frozen):
    dataset: Dataset
    report: StatusReport
    plan: PlanIndex
    moment: Moment
    commune: Commune | None
    warnings: int


def find_commune(dataset: Dataset, key: str) -> Commune:
    """A commune by id or name; ``D8Error("usage")`` with the closest id when there is none."""
    found = dataset.commune(key)
    if found is None:
        import difflib

        ids = [c.id for c in dataset.communes]
        close = difflib.get_close_matches(key, ids, n=1)
        raise D8Error.usage(
            "commune_unknown",
            "--commune",
            key=key,
            suggestion=close[0] if close else None,
            communes=", ".join(ids),
        )
    return found


def status(
    data: Path,
    *,
    as_of: dt.date | None = None,
    year: int | None = None,
    commune: str | None = None,
    today: dt.date | None = None,
    use_cache: bool = True,
) -> StatusResult:
    """Completion of every target and item, district-wide or for one commune (see ``moment``)."""
    from .progress import compute_status

    day = _today(today)
    dataset, warnings = open_data(data, today=day, use_cache=use_cache)
    chosen = find_commune(dataset, commune) if commune is not None else None
    when = moment(dataset, as_of=as_of, year=year, today=day)
    report = compute_status(when.plan, dataset.communes, when.as_of, chosen.id if chosen else None)
    return StatusResult(dataset, report, when.plan, when, chosen, warnings)


def status_by_commune(dataset: Dataset, plan: PlanIndex, as_of: dt.date) -> list[StatusReport]:
    """Every commune's own status as of ``as_of``, in the order of the data."""
    from .progress import compute_status

    return [compute_status(plan, dataset.communes, as_of, c.id) for c in dataset.communes]


@frozen(kw_only=False)
class PeriodValues(Frozen):
    """What exports need of a period: what was done in it and up to its end, item by item,
    commune by commune, level by level, and the status at its end (district-wide and per commune)."""

    plan: PlanIndex
    period: Period
    in_period: Tally
    cumulative: Tally
    status: StatusReport
    by_commune: list[StatusReport]


def period_values(dataset: Dataset, period: Period) -> PeriodValues:
    from .progress import compute_status, tally

    plan = _plan_of_period(dataset, period)
    return PeriodValues(
        plan=plan,
        period=period,
        in_period=tally(plan, dataset.communes, period.end, since=period.start),
        cumulative=tally(plan, dataset.communes, period.end),
        status=compute_status(plan, dataset.communes, period.end),
        by_commune=status_by_commune(dataset, plan, period.end),
    )


# --- reports -------------------------------------------------------------------------------------


def report_model(dataset: Dataset, period: Period, *, generated_on: dt.date | None = None) -> Report:
    """What the report of ``period`` says, as plain values (see :mod:`trabong_d8.report`)."""
    from .provenance import data_provenance
    from .report import build_report

    plan = _plan_of_period(dataset, period)
    return build_report(dataset, plan, period, data_provenance(dataset.root, _today(generated_on)))


def render_report(report: Report, fmt: ReportFormat, lang: str, templates: Path | None = None) -> str:
    """The report as Markdown or HTML text; a broken template is ``D8Error`` (``data`` for the
    user's own, ``internal`` for a shipped one) with its located problem."""
    from .render import TemplateFailure
    from .render import render_report as render

    if templates is not None and not templates.is_dir():
        raise D8Error.usage("templates_missing", "--templates", path=str(templates))
    try:
        return render(report, fmt, lang, templates)
    except TemplateFailure as failure:
        raise D8Error("data" if failure.custom else "internal", problems=[failure.problem]) from None


@frozen(kw_only=False)
class ReportOutput(Frozen):
    period: Period
    text: str
    #: where the report was written; ``None`` when it was asked for as text (``-``)
    path: Path | None
    #: that path as the user will recognise it
    shown: str = ""


def report_format(fmt: ReportFormat | None, output: str | None) -> ReportFormat:
    """The format asked for, else the one the output's suffix names, else Markdown."""
    if fmt is not None:
        return fmt
    if output is None or output == "-":
        return "md"
    found = REPORT_SUFFIXES.get(Path(output).suffix.lower())
    if found is None:
        raise D8Error.usage("bad_format_for_output", "--format", path=output)
    return found


def write_report(
    data: Path,
    period: Period,
    *,
    lang: str,
    fmt: ReportFormat | None = None,
    output: str | None = None,
    templates: Path | None = None,
    generated_on: dt.date | None = None,
    today: dt.date | None = None,
) -> ReportOutput:
    """Make the report of ``period`` and write it atomically to ``output`` (default
    ``reports/<period>[.<lang>].<format>``; ``-`` returns the text without writing)."""
    from .fsio import atomic_write
    from .layout import display_path

    chosen = report_format(fmt, output)
    if templates is not None and not templates.is_dir():
        raise D8Error.usage("templates_missing", "--templates", path=str(templates))
    # a report reads the whole data: fresh from the files, not the cache (reports are rare)
    dataset, _ = open_data(data, today=today, use_cache=False)
    text = render_report(report_model(dataset, period, generated_on=generated_on), chosen, lang, templates)
    if output == "-":
        return ReportOutput(period, text, None)
    suffix = "" if lang == "vi" else f".{lang}"
    target = Path(output) if output else Path("reports") / f"{period.id}{suffix}.{chosen}"
    try:
        atomic_write(target, text)
    except OSError as exc:  # a folder in the way, no permission, a full disk: the old file is intact
        reason = exc.strerror or str(exc)
        raise D8Error(
            "usage",
            problems=[Problem(Location(display_path(target)), "output-unwritable", {"reason": reason})],
        ) from None
    return ReportOutput(period, text, target, display_path(target))


def words_file() -> str:
    """Every word of the reports (and the command line) as a ``words.yaml`` to adapt."""
    from .messages import words_file as make

    return make()


# --- editors -------------------------------------------------------------------------------------


def schema(kind: Literal["commune", "plan", "narrative"]) -> str:
    """The JSON Schema of a kind of data file, for editors."""
    from .schema import schema_text

    return schema_text(kind)
