"""The one place where YAML is read.

PyYAML's ordinary loaders are unsafe for people who are not programmers: they keep the last of two
duplicate keys without a word, turn ``no`` into ``False`` and ``074`` into ``60`` (see
:mod:`trabong_d8.yamlscalar` for the strict resolver used instead), expand aliases (billion laughs)
and, with the wrong loader, run code from tags. This module builds plain Python values straight from
the parser's events:

* duplicate keys, anchors, aliases, merge keys (``<<``), tags and second documents are problems;
* the position of every key and value is kept, so checks can point at ``file:line:column``.

A clean file is read on the fast path (:mod:`trabong_d8.yamlfast`), without positions; a file with
anything to report is read on the exact path here, and :func:`locate` reads a file again on the
exact path the first time a position in it is asked for. Nothing here raises on bad input: problems
are returned in the document (see :mod:`trabong_d8.problems`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .collector import paused_gc
from .document import Path_, YamlDocument
from .problems import Location, Problem
from .yamlfast import Bail, fast_build
from .yamlfile import read_text
from .yamlscalar import nfc, resolve

__all__ = ["MAX_PROBLEMS_PER_FILE", "YamlDocument", "locate", "parse_text", "read_yaml", "value_at"]

try:  # libyaml's C parser when present; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

#: After this many problems in one file, reading it stops with a ``too-many-problems`` note: a file
#: pasted full of aliases or repeated keys must not cost minutes and gigabytes to list every one.
MAX_PROBLEMS_PER_FILE = 100

#: What the YAML parser counts as a line break (so that its line numbers index these lines)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file, returning its value and every problem found."""
    doc = YamlDocument(display or str(path))
    text = read_text(path, doc.path, doc.problems)
    if text is not None:
        doc.source = path.absolute()
        if not _fast_parse(text, doc):
            _exact_parse(text, doc)
    return doc


def parse_text(text: str, doc: YamlDocument) -> YamlDocument:
    """Parse ``text`` into ``doc`` (for text already decoded, and for tests)."""
    doc.source = text
    if not _fast_parse(text, doc):
        _exact_parse(text, doc)
    return doc


def _one_space_comment(text: str) -> bool:
    """True when something other than white space stands right before a `` #`` in ``text``: maybe
    a plain value cut short by a comment (warning ``yaml-comment-in-text``), which the exact path
    looks for value by value. A literal search: a regular expression here cost 0.5 s on 40 MiB."""
    at = text.find(" #")
    while at != -1:
        if at > 0 and text[at - 1] not in " \t\r\n":
            return True
        at = text.find(" #", at + 2)
    return False


def _fast_parse(text: str, doc: YamlDocument) -> bool:
    """The fast path: True when ``text`` is clean and its value is now in ``doc``; False when it has
    anything to report, so that the exact path reads it again and says what. Any other exception is
    a fault of the fast path and is not hidden."""
    if _one_space_comment(text):
        return False
    try:
        with paused_gc():
            doc.value = fast_build(text)
    except (Bail, yaml.YAMLError):
        return False
    return True


def _exact_parse(text: str, doc: YamlDocument) -> YamlDocument:
    """The exact path: builds the value with every position and finds every problem."""
    try:
        _Builder(doc, text).build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as exc:
        doc.value = None
        doc.problems.append(_syntax_problem(doc.path, exc, text))
    except yaml.reader.ReaderError as exc:
        doc.value = None
        index = exc.position
        if _Parser.__name__.startswith("C"):  # libyaml counts UTF-8 bytes, Python's reader characters
            index = len(text.encode("utf-8")[:index].decode("utf-8", errors="ignore"))
        line, col = _line_col(text, index)
        doc.problems.append(
            Problem(
                Location(doc.path, line, col),
                "yaml-control-char",
                {"char": f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"},
            )
        )
    except yaml.YAMLError as exc:  # any other parser complaint still has to be located
        doc.value = None
        doc.problems.append(Problem(Location(doc.path, 1, 1), "yaml-syntax", {"detail": str(exc)}))
    return doc


# --- positions -----------------------------------------------------------------------------------


def _positions(doc: YamlDocument) -> tuple[dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
    """The document's positions, read again on the exact path the first time they are needed."""
    if doc.positions is None or doc.key_positions is None:
        scratch = YamlDocument(doc.path)
        source = doc.source
        text = source if isinstance(source, str) or source is None else read_text(source, doc.path, [])
        if text is not None:
            _exact_parse(text, scratch)
        doc.positions, doc.key_positions = scratch.positions or {}, scratch.key_positions or {}
        if doc.released:
            doc.value, doc.released = scratch.value, False
    return doc.positions, doc.key_positions


def value_at(doc: YamlDocument, path: Path_) -> Any:
    """The value at ``path`` in the document (``None`` where there is none)."""
    if doc.released:
        _positions(doc)
    node = doc.value
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def locate(doc: YamlDocument, path: Path_, *, prefer_key: bool = False) -> Location:
    """Where ``path`` stands in the file; the nearest existing parent when it does not exist."""
    positions, key_positions = _positions(doc)
    probe = tuple(path)
    while True:
        if prefer_key and probe in key_positions:
            line, col = key_positions[probe]
            return Location(doc.path, line, col)
        if probe in positions:
            # a mapping's own position is its first key; its key's line reads better
            if probe in key_positions and isinstance(value_at(doc, probe), (dict, list)):
                line, col = key_positions[probe]
            else:
                line, col = positions[probe]
            return Location(doc.path, line, col)
        if not probe:
            return Location(doc.path, 1, 1)
        probe = probe[:-1]
        prefer_key = True


def _line_col(text: str, index: int) -> tuple[int, int]:
    breaks = list(_LINE_BREAK.finditer(text, 0, index))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, index - line_start + 1


# --- syntax errors -------------------------------------------------------------------------------

# libyaml and the pure-Python parser word their complaints slightly differently; match on both.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("cannot start any token", "yaml-tab"),
    ("found a tab character", "yaml-tab"),
    ("found unexpected end of stream", "yaml-unclosed-quote"),
    ("found unknown escape character", "yaml-bad-escape"),
    ("could not find expected ':'", "yaml-missing-colon"),
    ("mapping values are not allowed", "yaml-colon-in-value"),
    ("did not find expected key", "yaml-indentation"),
    ("did not find expected '-' indicator", "yaml-indentation"),
    ("bad indentation", "yaml-indentation"),
    ("expected <block end>", "yaml-indentation"),
    ("did not find expected node content", "yaml-missing-value"),
    ("did not find expected ',' or", "yaml-unclosed-bracket"),
    ("expected ',' or", "yaml-unclosed-bracket"),
    ("did not find expected alphabetic or numeric character", "yaml-bad-anchor"),
)


def _leading_tab(line: str) -> int:
    """1-based column of a tab among the line's leading white space, 0 if none."""
    for i, ch in enumerate(line):
        if ch == "\t":
            return i + 1
        if ch != " ":
            return 0
    return 0


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    problem = exc.problem or ""
    code = "yaml-syntax"
    for needle, hint_code in _SYNTAX_HINTS:
        if needle in problem:
            code = hint_code
            break
    mark = exc.problem_mark or exc.context_mark
    if code == "yaml-missing-colon" and exc.context_mark is not None:
        mark = exc.context_mark  # the key that lacks its colon, not the line after it
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    if code == "yaml-tab":
        # libyaml says "found character that cannot start any token" of tabs and of '@' and '`' alike
        lines = text.splitlines()
        here = lines[line - 1] if 0 < line <= len(lines) else ""
        tab_col = _leading_tab(here)
        if tab_col:
            col = tab_col
        elif "\\t" not in problem:
            code = "yaml-reserved-char"
    if code == "yaml-unclosed-quote" and "quoted scalar" not in (exc.context or ""):
        code = "yaml-syntax"
    detail = problem if not exc.context else f"{exc.context}, {problem}"
    return Problem(Location(path, line, col), code, {"detail": detail})


# --- building values from events -----------------------------------------------------------------


class _Builder:
    """Turns a stream of parser events into plain values, recording positions and problems."""

    def __init__(self, doc: YamlDocument, text: str = ""):
        self.doc = doc
        self.text = text
        self._lines: list[str] | None = None

    def _cut_by_comment(self, event: Any) -> str | None:
        """What follows a plain text value after one space and ``#``: YAML drops it as a comment.

        ``title: Đợt #2`` reads as ``Đợt``. A comment after two spaces or more (the usual style,
        ``kind: xa  # xã``) is taken as meant; after one space, it is more likely part of the text.
        """
        if self._lines is None:
            self._lines = _LINE_BREAK.split(self.text)
        end = event.end_mark
        if end.line >= len(self._lines):
            return None
        rest: str = self._lines[end.line][end.column :]
        if rest.startswith(" #"):
            return rest[1:]
        return None

    def _problem(self, mark: Any, code: str, **params: Any) -> None:
        self.doc.problems.append(
            Problem(Location(self.doc.path, mark.line + 1, mark.column + 1), code, params)
        )
        if len(self.doc.problems) >= MAX_PROBLEMS_PER_FILE:
            raise _TooManyProblems(mark)

    def build(self, events: Any) -> None:
        try:
            self._build(events)
        except _TooManyProblems as stop:
            self.doc.value = None
            self.doc.problems.append(too_many_problems(self.doc.path, stop.mark.line + 1))

    def _build(self, events: Any) -> None:
        doc = self.doc
        positions: dict[Path_, tuple[int, int]] = {}
        key_positions: dict[Path_, tuple[int, int]] = {}
        doc.positions, doc.key_positions = positions, key_positions
        # each frame: [container, path, pending_key, key_mark, first_seen_keys]
        stack: list[list[Any]] = []
        documents = 0
        root: Any = None
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._problem(event.start_mark, "yaml-multiple-documents")
                    # keep reading for syntax errors but drop the extra document's values
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                closed = stack.pop()[0]
                if not stack and documents == 1:
                    root = closed
                continue

            mark = event.start_mark
            if kind is not yaml.AliasEvent and getattr(event, "anchor", None) is not None:
                self._problem(mark, "yaml-anchor", name=event.anchor)
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!" and kind is not yaml.AliasEvent:
                self._problem(mark, "yaml-tag", tag=tag)

            # a scalar as a mapping key
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                frame = stack[-1]
                if kind is not yaml.ScalarEvent:
                    self._problem(mark, "yaml-complex-key")
                    # keep going: push a throw-away container so events stay balanced
                    if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                        stack.append([{} if kind is yaml.MappingStartEvent else [], None, None, None, {}])
                    frame[2] = object()  # an unreachable key for the value that follows
                    frame[3] = mark
                    continue
                key = nfc(event.value)
                if key == "<<" and not event.style:
                    self._problem(mark, "yaml-merge-key")
                seen = frame[4]
                if key in seen:
                    first_line = seen[key]
                    self._problem(mark, "yaml-duplicate-key", key=key, first_line=first_line)
                    frame[2] = _DUPLICATE
                else:
                    seen[key] = mark.line + 1
                    frame[2] = key
                frame[3] = mark
                continue

            # a value: work out where it goes
            if not stack:
                path: Path_ | None = () if documents == 1 else None
                parent = None
                slot: Any = None
            else:
                parent_frame = stack[-1]
                parent = parent_frame[0]
                base = parent_frame[1]
                if isinstance(parent, dict):
                    slot = parent_frame[2]
                    parent_frame[2] = None
                    if base is None or not isinstance(slot, str):
                        path = None
                    else:
                        path = (*base, slot)
                        km = parent_frame[3]
                        key_positions[path] = (km.line + 1, km.column + 1)
                else:
                    slot = len(parent)
                    path = None if base is None else (*base, slot)

            if kind is yaml.ScalarEvent:
                # only an untagged plain scalar is resolved; quoted, block and tagged ones are text
                value: Any = resolve(event.value, quoted=bool(event.style) or tag is not None)
                plain_text = isinstance(value, str) and not event.style and value
                if plain_text and (cut := self._cut_by_comment(event)) is not None:
                    at = event.end_mark  # the "#", one space after the value
                    self.doc.problems.append(
                        Problem(
                            Location(self.doc.path, at.line + 1, at.column + 2),
                            "yaml-comment-in-text",
                            {
                                "kept": value if len(value) <= 40 else "…" + value[-39:],
                                "comment": nfc(cut),
                            },
                        )
                    )
            elif kind is yaml.AliasEvent:
                self._problem(mark, "yaml-alias", name=event.anchor)
                value = None
            elif kind is yaml.MappingStartEvent:
                value = {}
                stack.append([value, path, None, None, {}])
            else:  # SequenceStartEvent
                value = []
                stack.append([value, path, None, None, {}])

            if path is not None:
                positions[path] = (mark.line + 1, mark.column + 1)
            if parent is None:
                # a scalar document; a container one becomes the root when it closes
                if documents == 1 and (not stack or stack[-1][0] is not value):
                    root = value
            elif isinstance(parent, dict):
                if isinstance(slot, str):
                    parent[slot] = value
            else:
                parent.append(value)
        doc.value = root


_DUPLICATE = object()


class _TooManyProblems(Exception):
    def __init__(self, mark: Any):
        self.mark = mark


def too_many_problems(path: str, line: int) -> Problem:
    """The note that ends a file's list of problems once it reaches ``MAX_PROBLEMS_PER_FILE``."""
    return Problem(Location(path, line, 1), "too-many-problems", {"limit": MAX_PROBLEMS_PER_FILE})
