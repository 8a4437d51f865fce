"""Every sentence the user reads, by key, in the language they chose, with a fallback.

The catalogues are one module per language (:mod:`trabong_d8.lang_vi`, :mod:`trabong_d8.lang_en`),
each with ``MESSAGES`` (problem messages by code) and ``WORDS`` (everything else). A language's
catalogue may be incomplete: a key it lacks is taken from English, then from Vietnamese, so a new
language can be added one sentence at a time. Only the catalogues that are needed are imported.

Placeholders are named. A problem's parameters are plain values; a few parameter names are
rendered in the reader's language rather than shown as they are:

* ``found``: a value the user wrote, named by its kind (``the text 'yes'``, ``a list``);
* ``value``: a value the user wrote, quoted (``'yes'``, ``12``, ``true``);
* ``suggestion``: a close match, as `` (did you mean 'x'?)``, or nothing;
* ``level``: ``district`` or ``commune``, in words;
* ``expected_kind``: the entity kind an item counts, as a phrase, or nothing;
* ``pattern_help``: the key of a word that explains an id's form.

Every other text parameter goes through :func:`~trabong_d8.textsafe.visible`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from types import ModuleType
from typing import Any

from .problems import Problem
from .textsafe import visible

#: the languages with a catalogue (``lang_<code>.py``); the first is the default
LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
#: where a missing key is looked for, after the chosen language
FALLBACK = ("en", "vi")

_CATALOGUES: dict[str, ModuleType] = {}


def resolve_lang(lang: str | None) -> str:
    """The language asked for, else ``D8_LANG``, else Vietnamese."""
    chosen = (lang or os.environ.get("D8_LANG") or DEFAULT_LANG).strip().lower()
    return chosen if chosen in LANGS else DEFAULT_LANG


def _catalogue(lang: str) -> ModuleType:
    module = _CATALOGUES.get(lang)
    if module is None:
        module = _CATALOGUES[lang] = importlib.import_module(f"{__package__}.lang_{lang}")
    return module


def _lookup(table: str, key: str, lang: str) -> Any:
    for candidate in (lang, *FALLBACK):
        found = getattr(_catalogue(candidate), table).get(key)
        if found is not None:
            return found
    raise KeyError(f"no {table} entry {key!r} in any language")


def word(key: str, lang: str, /, **values: Any) -> str:
    """The word or sentence ``key`` in ``lang``, its placeholders filled from ``values``."""
    text = _lookup("WORDS", key, lang)
    return str(text).format(**values) if values else str(text)


def words(lang: str) -> dict[str, Any]:
    """Every word in ``lang`` (missing ones from the fallback languages), for templates."""
    merged: dict[str, Any] = {}
    for candidate in reversed((lang, *FALLBACK)):
        merged.update(_catalogue(candidate).WORDS)
    return merged


def words_file() -> str:
    """Every word in every language as a ``words.yaml`` (``key: {vi: "…", en: "…"}``), to copy into
    a ``--templates`` folder and edit; JSON strings are valid YAML, so each value is quoted as JSON."""
    import json

    lines = [
        "# d8's words, in every language. Keep only the lines you change, in <folder>/words.yaml, and",
        "# run `d8 report --templates <folder> ...`. Words in braces, e.g. {year}, are filled in by d8.",
    ]
    for key in _catalogue(DEFAULT_LANG).WORDS:
        values = ", ".join(
            f"{lang}: {json.dumps(_lookup('WORDS', key, lang), ensure_ascii=False)}" for lang in LANGS
        )
        lines.append(f"{key}: {{{values}}}")
    return "\n".join(lines) + "\n"


def has_message(code: str, lang: str) -> bool:
    """True when ``lang``'s own catalogue words the problem ``code`` (not a fallback)."""
    return code in _catalogue(lang).MESSAGES


# --- problem messages --------------------------------------------------------------------------


def describe_found(value: Any, lang: str) -> str:
    """How to name a value the user wrote, in a message."""
    if value is None:
        return word("found_nothing", lang)
    if isinstance(value, bool):
        return word("found_bool", lang, value=str(value).lower())
    if isinstance(value, int):
        return word("found_int", lang, value=value)
    if isinstance(value, float):
        return word("found_float", lang, value=value)
    if isinstance(value, list):
        return word("found_list", lang)
    if isinstance(value, dict):
        return word("found_mapping", lang)
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return word("found_text", lang, text=f"'{visible(text)}'")


def show_value(value: Any) -> str:
    """A value the user wrote, quoted as in a message: 'text', 12.5, true."""
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f"'{visible(text)}'"


_RENDER: dict[str, Callable[[Any, str], str]] = {
    "found": describe_found,
    "value": lambda value, lang: show_value(value),
    "suggestion": lambda value, lang: word("did_you_mean", lang, key=visible(value)) if value else "",
    "level": lambda value, lang: word(f"level_{value}", lang),
    "expected_kind": lambda value, lang: word("expected_kind", lang, kind=value) if value else "",
    "pattern_help": lambda value, lang: word(value, lang),
}


def render_params(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """A problem's parameters as the text its message shows (see the module docstring)."""
    return {
        name: _RENDER[name](value, lang)
        if name in _RENDER
        else visible(value)
        if isinstance(value, str)
        else value
        for name, value in params.items()
    }


def problem_message(problem: Problem, lang: str) -> str:
    try:
        template = _lookup("MESSAGES", problem.code, lang)
    except KeyError:
        template = "{detail}"
    params = render_params(problem.params, lang)
    try:
        return str(template).format(**params)
    except (KeyError, IndexError, ValueError):  # a missing parameter must never hide the problem itself
        return f"{template} {params}"


def format_problem(problem: Problem, lang: str) -> str:
    """``PATH:LINE:COL: error[CODE]: message`` (the form editors and CI logs understand).

    The words ``error``/``warning`` stay in English in both languages: editors' problem matchers
    look for them.
    """
    where = visible(str(problem.location))
    return f"{where}: {problem.severity.value}[{problem.code}]: {problem_message(problem, lang)}"
