"""The ``d8`` command line: parse options, call the library, print, choose the exit code.

Exit codes: 0 fine; 1 the data has problems; 2 the command was misused; 3 an internal fault (one short
line saying how to report it; the traceback only with ``--debug``). Ctrl+C ends with 130, quietly
(typer's own handling).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .messages import format_problem, problem_message, resolve_lang, word
from .problems import Location, Problem

if TYPE_CHECKING:
    from .dataset import Dataset, LoadResult
    from .periods import Period

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class Lang(str, Enum):
    vi = "vi"
    en = "en"


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


class SchemaKind(str, Enum):
    commune = "commune"
    plan = "plan"
    narrative = "narrative"


app = typer.Typer(
    name="d8",
    help=(
        "Theo dõi chỉ tiêu Dự án 8 năm 2024 của huyện Trà Bồng. / "
        "Tracks Trà Bồng district's 2024 Project 8 targets."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DataOption = Annotated[
    Path,
    typer.Option(
        "--data",
        envvar="D8_DATA",
        help="Thư mục dữ liệu (plan_2024.yaml, communes/) / data folder.",
        show_default=True,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="D8_NO_CACHE",
        help="Đọc lại mọi tệp, không dùng bộ nhớ đệm / read every file again, without the cache.",
    ),
]
LangOption = Annotated[
    Optional[Lang],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option(
        "--lang",
        envvar="D8_LANG",
        case_sensitive=False,
        help="Ngôn ngữ / language: vi (mặc định / default) or en.",
        show_default=False,
    ),
]


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help="Hiện chi tiết lỗi nội bộ / show internal tracebacks.")
    ] = False,
) -> None:
    """Theo dõi chỉ tiêu Dự án 8 năm 2024 của huyện Trà Bồng / Trà Bồng's Project 8 tracker."""


def _print_problems(problems: list[Problem], lang: str, fmt: Format = Format.text, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    if fmt is Format.json:
        payload = [
            {
                "path": p.location.path,
                "line": p.location.line,
                "column": p.location.column,
                "severity": p.severity.value,
                "code": p.code,
                "message": problem_message(p, lang),
            }
            for p in problems
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=stream)
        return
    for problem in problems:
        if fmt is Format.github:
            loc = problem.location
            kind = "error" if problem.is_error else "warning"
            message = _github_escape(problem_message(problem, lang))
            path = _github_escape(loc.path, prop=True)
            print(
                f"::{kind} file={path},line={loc.line or 1},col={loc.column or 1},"
                f"title={problem.code}::{message}",
                file=stream,
            )
        else:
            print(format_problem(problem, lang), file=stream)


def _github_escape(text: str, prop: bool = False) -> str:
    """Escape for GitHub's workflow commands (``%``, line breaks; ``:`` and ``,`` in properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


#: what the ``d8`` script keeps to its end (see :func:`run`)
_KEEP: list[object] = []
_EXIT_FAST = False


def _load(data: Path, no_cache: bool = False) -> LoadResult:
    # through the parse cache: a warm run imports neither pydantic nor the YAML parser
    from .cache import load

    result = load(data, use_cache=not no_cache)
    if _EXIT_FAST:
        _KEEP.append(result)
    return result


def _load_or_exit(data: Path, lang: str, no_cache: bool = False) -> Dataset:
    """The dataset, for commands that need it whole: on errors, print them and exit 1; warnings are
    only counted (``d8 validate`` shows them)."""
    result = _load(data, no_cache)
    if result.dataset is None or result.errors:
        _print_problems(result.errors, lang, err=True)
        print(
            word("summary_problems", lang).format(errors=len(result.errors), warnings=len(result.warnings)),
            file=sys.stderr,
        )
        raise typer.Exit(EXIT_DATA)
    if result.warnings:
        print(word("warnings_hint", lang, len(result.warnings)), file=sys.stderr)
    return result.dataset


@app.command()
def validate(
    data: DataOption = Path("data"),
    language: LangOption = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Cảnh báo cũng tính là lỗi / warnings fail too.")
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", help="Dạng kết quả / output format: text, json, github."),
    ] = Format.text,
    no_cache: NoCacheOption = False,
) -> None:
    """Kiểm tra toàn bộ dữ liệu, báo mọi lỗi kèm tệp:dòng:cột / check all data, report every
    problem."""
    lang = resolve_lang(language.value if language else None)
    result = _load(data, no_cache)
    if result.dataset is not None:
        from .checks import check_progress

        result.problems = sorted(
            [*result.problems, *check_progress(result.dataset, today())], key=Problem.sort_key
        )
    errors, warnings = result.errors, result.warnings
    if fmt is Format.text:
        # errors first; warnings apart, under their own heading, since they do not fail the check
        _print_problems(errors, lang, fmt)
        if warnings:
            print(word("warnings_heading_strict" if strict else "warnings_heading", lang))
            _print_problems(warnings, lang, fmt)
    else:
        _print_problems(result.problems, lang, fmt)
    if fmt is Format.text:
        if result.dataset is not None and not errors:
            ds = result.dataset
            print(
                word("summary_ok", lang).format(
                    files=ds.files, records=ds.record_count, entities=ds.entity_count
                )
            )
        if result.problems:
            print(word("summary_problems", lang).format(errors=len(errors), warnings=len(warnings)))
    failed = bool(errors) or (strict and bool(warnings))
    raise typer.Exit(EXIT_DATA if failed else EXIT_OK)


def today() -> dt.date:
    """The default as-of date (a function, so tests can fix it)."""
    return dt.date.today()


def _parse_date(value: str | None, lang: str, option: str) -> dt.date:
    """A YYYY-MM-DD option's date; today when it is not given."""
    if value is None:
        return today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(word("bad_date_option", lang), param_hint=option) from None


@app.command()
def status(
    data: DataOption = Path("data"),
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Tính đến ngày / as of date (today)."),
    ] = None,
    commune: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--commune", metavar="ID", help="Một xã (mã hoặc tên) / one commune."),
    ] = None,
    items: Annotated[
        bool, typer.Option("--items", help="Thêm mọi mục của bảng hoạt động / every table item.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON.")] = False,
    language: LangOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Mức độ hoàn thành các chỉ tiêu / completion against the plan's targets."""
    lang = resolve_lang(language.value if language else None)
    day = _parse_date(as_of, lang, "--as-of")
    dataset = _load_or_exit(data, lang, no_cache)

    chosen = None
    if commune is not None:
        chosen = dataset.commune(commune)
        if chosen is None:
            import difflib

            ids = [c.id for c in dataset.communes]
            close = difflib.get_close_matches(commune, ids, n=1)
            hint = word("did_you_mean", lang, close[0]) if close else ""
            raise typer.BadParameter(
                word("commune_unknown", lang, commune, hint, ", ".join(ids)), param_hint="--commune"
            )

    from .formatting import format_date
    from .progress import compute_status
    from .statusview import status_json, status_view

    if as_of is None and day > dataset.plan.pace.end:
        # a 2024 plan looked at later: the year-end figures, said plainly, rather than "today"
        day = dataset.plan.pace.end
        if not as_json:
            print(word("year_over", lang, format_date(day, lang)))
    report = compute_status(dataset.plan, dataset.communes, day, chosen.id if chosen else None)
    if as_json:
        print(json.dumps(status_json(report, show_items=items), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    console.print(
        status_view(
            report,
            dataset.plan,
            lang,
            commune_name=chosen.name if chosen else None,
            show_items=items,
        )
    )


def _period(quarter: str | None, half: str | None, year: str | None, lang: str) -> Period:
    from .periods import PeriodKind, parse_period

    given = [(v, k, o) for v, k, o in (
        (quarter, PeriodKind.quarter, "--quarter"),
        (half, PeriodKind.half, "--half"),
        (year, PeriodKind.year, "--year"),
    ) if v is not None]
    if len(given) != 1:
        raise typer.BadParameter(word("period_required", lang), param_hint="--quarter / --half / --year")
    value, kind, option = given[0]
    period = parse_period(value, kind)
    if period is None:
        raise typer.BadParameter(word(f"bad_{kind.value}", lang), param_hint=option)
    return period


def _report_format(fmt: ReportFormat | None, output: str | None, lang: str) -> ReportFormat:
    if fmt is not None:
        return fmt
    if output is None or output == "-":
        return ReportFormat.md
    suffix = Path(output).suffix.lower()
    if suffix in (".md", ".markdown"):
        return ReportFormat.md
    if suffix in (".html", ".htm"):
        return ReportFormat.html
    raise typer.BadParameter(word("bad_format_for_output", lang, output), param_hint="--format")


@app.command()
def report(
    quarter: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--quarter", metavar="YYYY-QN", help="Quý / quarter, e.g. 2024-Q3."),
    ] = None,
    half: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--half", metavar="YYYY-HN", help="6 tháng / half year, e.g. 2024-H1."),
    ] = None,
    year: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--year", metavar="YYYY", help="Cả năm / the whole year, e.g. 2024."),
    ] = None,
    fmt: Annotated[
        Optional[ReportFormat],  # noqa: UP045
        typer.Option("--format", help="md (Markdown, mặc định / default) or html."),
    ] = None,
    output: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Tệp kết quả (mặc định reports/KỲ.md; - là in ra màn hình) / output file (- prints).",
        ),
    ] = None,
    templates: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--templates", metavar="DIR", help="Thư mục mẫu riêng / your own templates folder."),
    ] = None,
    generated_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--generated-on", metavar="YYYY-MM-DD", help="Ngày lập báo cáo / date made (today)."),
    ] = None,
    data: DataOption = Path("data"),
    language: LangOption = None,
) -> None:
    """Lập báo cáo quý, 6 tháng, năm (Markdown hoặc HTML) / write a period's summary report."""
    lang = resolve_lang(language.value if language else None)
    period = _period(quarter, half, year, lang)
    chosen = _report_format(fmt, output, lang)
    made_on = _parse_date(generated_on, lang, "--generated-on")
    if templates is not None and not templates.is_dir():
        raise typer.BadParameter(word("templates_missing", lang, templates), param_hint="--templates")

    # a report reads the whole plan: fresh models, not the cache's snapshots (reports are rare)
    dataset = _load_or_exit(data, lang, no_cache=True)
    plan_year = dataset.plan.pace.start.year
    if period.year != plan_year:
        raise typer.BadParameter(
            word("period_outside_plan", lang, plan_year, period.id), param_hint="--quarter / --half / --year"
        )

    from .fsio import atomic_write
    from .provenance import data_provenance
    from .render import TemplateFailure, render_report
    from .report import build_report

    summary = build_report(dataset, period, data_provenance(data, made_on))
    try:
        text = render_report(summary, chosen.value, lang, templates)
    except TemplateFailure as failure:
        print(format_problem(failure.problem, lang), file=sys.stderr)
        raise typer.Exit(EXIT_DATA if failure.custom else EXIT_INTERNAL) from None
    if output == "-":
        sys.stdout.write(text)
        return
    suffix = "" if lang == "vi" else f".{lang}"
    target = Path(output) if output else Path("reports") / f"{period.id}{suffix}.{chosen.value}"
    from .loader import display_path

    try:
        atomic_write(target, text)
    except OSError as exc:  # a folder in the way, no permission, a full disk: the old file is intact
        reason = exc.strerror or str(exc)
        problem = Problem(Location(display_path(target)), "output-unwritable", {"reason": reason})
        print(format_problem(problem, lang), file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None

    print(word("report_written", lang, period.id, display_path(target)))


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help="commune (data/communes/*.yaml) hoặc / or plan (data/plan_2024.yaml)."),
    ] = SchemaKind.commune,
) -> None:
    """In JSON Schema của tệp YAML cho trình soạn thảo / print the JSON Schema for editors."""
    from .schema import schema_text

    sys.stdout.write(schema_text(kind.value))


def _utf8_streams() -> None:
    # Windows consoles and redirections may default to a legacy code page that cannot print
    # Vietnamese; never let printing a message become a crash.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    """Entry point of the ``d8`` script: turns unexpected faults into exit code 3."""
    _utf8_streams()
    debug = "--debug" in sys.argv[1:] or bool(os.environ.get("D8_DEBUG"))
    try:
        app(prog_name="d8")
    except SystemExit:
        raise
    except Exception as exc:  # the one place an unforeseen fault becomes a short message
        if debug:
            raise
        import shlex

        lang = resolve_lang(_lang_from_argv(sys.argv[1:]))
        rerun = shlex.join(["d8", "--debug", *(a for a in sys.argv[1:] if a != "--debug")])
        params = {"error": type(exc).__name__, "rerun": rerun}
        print(format_problem(Problem(Location("d8"), "internal-error", params), lang), file=sys.stderr)
        sys.exit(EXIT_INTERNAL)


def run() -> None:
    """The ``d8`` script: :func:`main`, then an exit that does not free the loaded data object by
    object (on 100,000 records that takes half a second, for memory the system takes back at once)."""
    global _EXIT_FAST
    _EXIT_FAST = True
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    status = code if isinstance(code, int) else 0 if code is None else 1
    if not _KEEP:  # nothing loaded (help, schema, a misused option): the usual exit, atexit and all
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (d8 status | head): the usual exit reports it
        sys.exit(status)
    os._exit(status)


def _lang_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
