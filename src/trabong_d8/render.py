"""Render a :class:`~trabong_d8.report.Report` to Markdown or HTML through the Jinja templates.

One Jinja environment per format, both with ``StrictUndefined`` (a misspelt name in a template is an
error, never an empty cell):

* **HTML** autoescapes every value (a record titled ``<script>…`` is shown as text);
* **Markdown** escapes every value too, through ``finalize``: Markdown's special characters get a
  backslash, ``|`` cannot break a table, a line break becomes ``<br>``, and a value that starts like a
  list or a heading stays text. Only :class:`Raw` values, built by code, pass unescaped.

Templates live in the top-level ``templates/`` folder (shipped inside the package); their words are
the message catalogues' (:mod:`trabong_d8.messages`), shared with the command line. ``--templates
DIR`` puts another folder first: any file there (``report.md.j2``, ``report.html.j2``,
``report.css``) replaces the shipped one, and a ``words.yaml`` there replaces the words it names
(``key: {vi: "…", en: "…"}``). Rendering returns text; writing files is the caller's job.
"""

from __future__ import annotations

import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .formatting import format_date, format_number
from .layout import display_path
from .messages import words
from .problems import Location, Problem
from .report import Report, TargetLine
from .yamlio import locate, read_yaml

FORMATS = {"md": "report.md.j2", "html": "report.html.j2"}
WORDS_FILE = "words.yaml"


def shipped_templates() -> Path:
    """The templates folder: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parents[1] / "templates"):
        if (candidate / FORMATS["md"]).is_file():
            return candidate
    raise FileNotFoundError("the report templates are missing from this installation")


class TemplateFailure(Exception):
    """A template could not be read or rendered; ``problem`` says where and why."""

    def __init__(self, problem: Problem, custom: bool):
        super().__init__(problem.code)
        self.problem = problem
        self.custom = custom  # the failing file is the user's (exit 1), not a shipped one (exit 3)


# --- Markdown escaping ---------------------------------------------------------------------------


class Raw(str):
    """Markdown built by code, which the Markdown environment passes unescaped."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|~#!])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_BULLET = re.compile(r"^(\s*)([-+=])")  # a list item, or a setext heading's underline
_MD_ORDERED = re.compile(r"^(\s*[0-9]+)([.)])")  # an ordered list item: escape its . or )


def md_escape(value: Any, *, block_start: bool = False) -> str:
    """A value as Markdown text that shows exactly what was written, in a paragraph or a table cell.

    ``block_start=True`` is for a value that starts a line of the template (a narrative paragraph,
    a point after ``- ``): there a leading ``1.``, ``-`` or ``+`` would start a list, so it gets a
    backslash too. Elsewhere (after ``| `` or other text) it cannot, and is left alone.
    """
    if isinstance(value, Raw):
        return value
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if block_start:
        text = _MD_BULLET.sub(r"\1\\\2", text)
        text = _MD_ORDERED.sub(r"\1\\\2", text)
    return "<br>".join(line.strip() for line in text.split("\n"))


def _md_finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else md_escape(value)


# --- what the templates can call ---------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """A target's chart: fractions of the target (0..1), for an SVG drawn by the template."""

    before: float  # achieved before the period
    period: float  # added in the period
    mark: float  # the pace mark: the elapsed share of the year


def chart(line: TargetLine) -> Bar:
    target = line.now.target or line.target.target
    done = min(line.now.achieved / target, 1.0) if target else 0.0
    before = min(line.before.achieved / target, done) if target else 0.0
    return Bar(round(before, 4), round(done - before, 4), round(line.expected / line.target.target, 4))


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ORDINAL = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def _helpers(lang: str, all_words: dict[str, Any]) -> dict[str, Any]:
    def num(value: float | None) -> str:
        return format_number(value, lang)

    def date(value: Any) -> str:
        return format_date(value, lang)

    def label(obj: Any) -> str:
        return str(getattr(obj.label, lang, None) or obj.label.vi)

    def unit(target: Any) -> str:
        """A core target's unit in words: the plan's own, else the catalogue's, else as written."""
        if target.unit_label is not None:
            return str(getattr(target.unit_label, lang, None) or target.unit_label.vi)
        return str(all_words.get(f"unit_{target.unit}", target.unit))

    def status(value: Any) -> str:
        return str(all_words[f"status_{value.value}" if value else "status_none"])

    def level(value: Any) -> str:
        return str(all_words[f"level_{value.value}"])

    def fill(name: str, /, **values: Any) -> str:
        return str(all_words[name]).format(**values)

    def period_name(period: Any) -> str:
        if period.kind.value == "quarter":
            key = "period_quarter"
        elif period.kind.value == "half":
            key = f"period_h{period.number}"
        else:
            key = "period_year"
        n = period.number
        return fill(key, roman=_ROMAN.get(n, ""), ordinal=_ORDINAL.get(n, ""), year=period.year)

    return {
        "lang": lang,
        "fill": fill,
        "period_name": period_name,
        "w": all_words,
        "num": num,
        "date": date,
        "label": label,
        "unit": unit,
        "status": status,
        "level": level,
        "chart": chart,
        "pct": lambda value: "—" if value is None else f"{num(value)}%",
    }


# --- words -------------------------------------------------------------------------------------


def load_words(templates: Path | None, lang: str) -> dict[str, Any]:
    """The report's words in ``lang``: the catalogue's, with those of ``templates/words.yaml``."""
    merged = words(lang)
    path = templates / WORDS_FILE if templates is not None else None
    if path is None or not path.is_file():
        return merged
    doc = read_yaml(path, display_path(path))
    if doc.problems:
        raise TemplateFailure(doc.problems[0], custom=True)
    if not isinstance(doc.value, dict):
        raise TemplateFailure(Problem(Location(doc.path, 1, 1), "words-not-mapping"), custom=True)
    for key, entry in doc.value.items():
        value = entry.get(lang) if isinstance(entry, dict) else None
        if not (
            isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            where = locate(doc, (key,), prefer_key=True)
            raise TemplateFailure(Problem(where, "words-entry", {"key": key, "lang": lang}), custom=True)
        merged[key] = value
    return merged


# --- rendering ---------------------------------------------------------------------------------


def _environment(fmt: str, folders: list[Path]) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(f)) for f in folders])
    options: dict[str, Any] = {
        "loader": loader,
        "undefined": jinja2.StrictUndefined,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "auto_reload": False,
    }
    if fmt == "html":
        return jinja2.Environment(autoescape=True, **options)
    return jinja2.Environment(autoescape=False, finalize=_md_finalize, **options)


def render_report(report: Report, fmt: str, lang: str, templates: Path | None = None) -> str:
    """The report as Markdown (``fmt="md"``) or HTML (``"html"``), in ``lang``.

    Raises :class:`TemplateFailure` (with a located problem) when a template is broken.
    """
    shipped = shipped_templates()
    folders = [templates, shipped] if templates is not None else [shipped]
    env = _environment(fmt, folders)
    env.globals.update(_helpers(lang, load_words(templates, lang)))
    # a value at the start of a line (see md_escape); in HTML it is the value itself
    env.filters["block"] = (lambda v: Raw(md_escape(v, block_start=True))) if fmt == "md" else (lambda v: v)
    name = FORMATS[fmt]
    try:
        template = env.get_template(name)
        text = template.render(report=report, r=report)
    except jinja2.TemplateSyntaxError as exc:
        raise _failure(exc, exc.filename, exc.lineno, shipped, templates) from None
    except Exception as exc:  # a template is code the user may have written: any fault is located
        filename, lineno = _template_frame(exc)
        raise _failure(exc, filename, lineno, shipped, templates) from None
    return _normalise(text)


def _normalise(text: str) -> str:
    """One newline at the end, no trailing spaces, no runs of blank lines: clean diffs."""
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering error happened at (Jinja maps its frames to them)."""
    tb = exc.__traceback__ or sys.exc_info()[2]
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(tb):
        if frame.filename.endswith((".j2", ".css")):
            found = (frame.filename, frame.lineno)
    return found


def _failure(
    exc: Exception, filename: str | None, lineno: int | None, shipped: Path, templates: Path | None
) -> TemplateFailure:
    path = Path(filename) if filename else shipped / "?"
    custom = templates is not None and _inside(path, templates)
    shown = display_path(path) if filename else "templates"
    message = getattr(exc, "message", None) or str(exc)
    problem = Problem(Location(shown, lineno or 0, 1 if lineno else 0), "template-error", {"detail": message})
    return TemplateFailure(problem, custom)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
