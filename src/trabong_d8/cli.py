"""The ``d8`` command line: parse options, call one api function, print, choose the exit code.

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
from typing import Annotated, NoReturn, Optional

import typer

from . import api, output
from .api import D8Error

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
        "Theo dõi chỉ tiêu Dự án 8 của huyện Trà Bồng theo kế hoạch từng năm. / "
        "Tracks Trà Bồng district's Project 8 targets, plan year by plan year."
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
        help="Thư mục dữ liệu (plan_NĂM.yaml, communes/) / data folder.",
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
    """Theo dõi chỉ tiêu Dự án 8 của huyện Trà Bồng / Trà Bồng's Project 8 tracker."""


#: what the ``d8`` script keeps to its end (see :func:`run`)
_KEEP: list[object] = []
_EXIT_FAST = False


def _keep(result: object) -> None:
    if _EXIT_FAST:
        _KEEP.append(result)


def _lang(language: Lang | None) -> str:
    return output.resolve_lang(language.value if language else None)


def _fail(error: D8Error, lang: str) -> NoReturn:
    """Print what stopped the command and exit with its code."""
    if error.kind == "usage" and error.key is not None:
        raise typer.BadParameter(output.usage_message(error, lang), param_hint=error.option)
    sys.stderr.write(output.problems_text(error.problems, lang))
    if error.warnings is not None:  # the data's own errors: counted as `d8 validate` counts them
        print(output.summary(len(error.problems), error.warnings, lang), file=sys.stderr)
    raise typer.Exit({"usage": EXIT_USAGE, "data": EXIT_DATA, "internal": EXIT_INTERNAL}[error.kind])


def _date(value: str | None, option: str, lang: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return api.parse_date(value, option)
    except D8Error as error:
        _fail(error, lang)


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
    lang = _lang(language)
    checked = api.validate(data, use_cache=not no_cache)
    _keep(checked)
    if fmt is Format.text:
        ds = checked.dataset
        valid = (ds.files, ds.record_count, ds.entity_count) if ds is not None else None
        sys.stdout.write(
            output.validation_text(checked.errors, checked.warnings, lang, strict=strict, valid=valid)
        )
    else:
        sys.stdout.write(output.problems_text(checked.problems, lang, fmt.value))
    raise typer.Exit(EXIT_DATA if checked.failed(strict) else EXIT_OK)


@app.command()
def status(
    data: DataOption = Path("data"),
    as_of: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--as-of", metavar="YYYY-MM-DD", help="Tính đến ngày / as of date (today)."),
    ] = None,
    year: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--year", metavar="YYYY", help="Năm kế hoạch / plan year (that of the date)."),
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
    lang = _lang(language)
    day = _date(as_of, "--as-of", lang)
    try:
        result = api.status(data, as_of=day, year=year, commune=commune, use_cache=not no_cache)
    except D8Error as error:
        _fail(error, lang)
    _keep(result)
    if result.warnings:
        print(output.warnings_hint(result.warnings, lang), file=sys.stderr)
    if as_json:
        from .statusview import status_json

        print(json.dumps(status_json(result.report, show_items=items), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from .statusview import status_view

    if result.moment.year_over:
        print(output.year_over(result.moment.as_of, lang))
    commune_name = result.commune.name if result.commune else None
    view = status_view(result.report, result.plan, lang, commune_name=commune_name, show_items=items)
    Console(highlight=False, soft_wrap=False).print(view)


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
    output_path: Annotated[
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
    show_words: Annotated[
        bool,
        typer.Option(
            "--words", help="In mọi lời văn dạng words.yaml để sửa / print every word as a words.yaml."
        ),
    ] = False,
) -> None:
    """Lập báo cáo quý, 6 tháng, năm (Markdown hoặc HTML) / write a period's summary report."""
    lang = _lang(language)
    if show_words:
        sys.stdout.write(api.words_file())
        return
    try:
        period = api.parse_period(quarter, half, year)
        made_on = _date(generated_on, "--generated-on", lang)
        written = api.write_report(
            data,
            period,
            lang=lang,
            fmt=fmt.value if fmt else None,
            output=output_path,
            templates=templates,
            generated_on=made_on,
        )
    except D8Error as error:
        _fail(error, lang)
    if written.path is None:
        sys.stdout.write(written.text)
        return
    print(output.sentence("report_written", lang, period=period.id, path=written.shown))


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help="commune (data/communes/*.yaml), plan (data/plan_NĂM.yaml) or narrative."),
    ] = SchemaKind.commune,
) -> None:
    """In JSON Schema của tệp YAML cho trình soạn thảo / print the JSON Schema for editors."""
    sys.stdout.write(api.schema(kind.value))


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

        lang = output.resolve_lang(_lang_from_argv(sys.argv[1:]))
        rerun = shlex.join(["d8", "--debug", *(a for a in sys.argv[1:] if a != "--debug")])
        print(output.internal_error_text(type(exc).__name__, rerun, lang), file=sys.stderr)
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
