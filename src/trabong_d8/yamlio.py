"""The one place where YAML is read.

PyYAML's ordinary loaders are unsafe for people who are not programmers: they keep the last of two
duplicate keys without a word, turn ``no`` into ``False``, ``074`` into ``60`` and ``10:30`` into ``630``,
expand aliases (billion laughs) and, with the wrong loader, run code from tags. This module builds plain
Python values straight from the parser's events with a small, strict scalar resolver instead:

* plain ``true``/``false`` become booleans, ``null``/``~``/empty become ``None``, decimal integers
  without a leading zero become ``int``, decimals with a point become ``float``; everything else stays
  exactly the text that was typed (``no``, ``074``, ``10:30``, ``2024-03-05``);
* quoted and block scalars are always text;
* duplicate keys, anchors, aliases, merge keys (``<<``), tags and second documents are problems;
* every key and text value is NFC-normalised, so a name typed in decomposed form (NFD) matches;
* the position of every key and value is kept, so later checks can point at ``file:line:column``.

Nothing here raises on bad input: problems are returned with the value (see :mod:`problems`).
"""

from __future__ import annotations

import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .document import Path_, YamlDocument, paused_gc
from .problems import Location, Problem, Severity

__all__ = ["MAX_FILE_BYTES", "YamlDocument", "parse_text", "paused_gc", "read_yaml", "resolve_plain"]

try:  # libyaml's C parser when present; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Parser
    from yaml._yaml import CParser as _EventSource
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    _EventSource = _Parser  # type: ignore[misc]

#: Files larger than this are refused before parsing (a district's file is a few tens of KiB).
MAX_FILE_BYTES = 5 * 1024 * 1024

#: After this many problems in one file, reading it stops with a ``too-many-problems`` note: a file
#: pasted full of aliases or repeated keys must not cost minutes and gigabytes to list every one.
MAX_PROBLEMS_PER_FILE = 100

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
#: What the YAML parser counts as a line break (so that its line numbers index these lines)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BYTE_LINE_BREAK = re.compile(rb"\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9]")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


def read_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse one YAML file, returning its value and every problem found."""
    shown = display or str(path)
    doc = YamlDocument(shown)
    text = _read_text(path, doc)
    if text is not None:
        doc._source = path.absolute()
        if not _fast_parse(text, doc):
            _strict_parse(text, doc)
    return doc


def parse_text(text: str, doc: YamlDocument) -> YamlDocument:
    """Parse ``text`` into ``doc`` (used directly by tests and for files already decoded)."""
    if _fast_parse(text, doc):
        doc._source = text
        return doc
    return _strict_parse(text, doc)


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
    anything to report, so that the exact path reads it again and says what."""
    if _one_space_comment(text):
        return False
    try:
        with paused_gc():
            value = _fast_build(text)
    except Exception:  # a problem (or anything odd): the exact path will find and locate it
        return False
    doc.value = value
    return True


def _strict_parse(text: str, doc: YamlDocument) -> YamlDocument:
    """The exact path: builds the value with every position and finds every problem."""
    doc._positions, doc._key_positions = {}, {}
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


# --- reading bytes -------------------------------------------------------------------------------


def _read_text(path: Path, doc: YamlDocument) -> str | None:
    where = Location(doc.path)
    try:
        if path.is_dir():
            doc.problems.append(Problem(where, "file-is-directory"))
            return None
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever, a device never end
            doc.problems.append(Problem(where, "file-not-regular"))
            return None
        size = info.st_size
        if size > MAX_FILE_BYTES:
            doc.problems.append(Problem(where, "file-too-large", {"size": size, "limit": MAX_FILE_BYTES}))
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        doc.problems.append(Problem(where, "file-missing"))
        return None
    except OSError as exc:
        doc.problems.append(Problem(where, "file-unreadable", {"reason": exc.strerror or str(exc)}))
        return None
    return decode_bytes(raw, doc)


def decode_bytes(raw: bytes, doc: YamlDocument) -> str | None:
    """Decode a file's bytes as UTF-8 (a BOM is allowed; UTF-16 with a BOM too)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        doc.problems.append(Problem(Location(doc.path, 1, 1), "encoding-unsupported", {"encoding": "UTF-32"}))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            doc.problems.append(_encoding_problem(doc.path, raw, exc.start))
            return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        bom = 3
    else:
        bom = 0
    if b"\x00" in raw:
        if _looks_like_utf16(raw):
            where = Location(doc.path, 1, 1)
            doc.problems.append(Problem(where, "encoding-unsupported", {"encoding": "UTF-16 (no BOM)"}))
            return None
        offset = raw.index(b"\x00")
        doc.problems.append(_binary_problem(doc.path, raw, offset, bom))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        doc.problems.append(_encoding_problem(doc.path, raw, exc.start, bom))
        return None


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: in mostly-ASCII YAML every other byte is NUL, the others never are."""
    sample = raw[:400]
    if len(sample) < 8:
        return False
    for text, high in ((sample[0::2], sample[1::2]), (sample[1::2], sample[0::2])):
        if b"\x00" not in text and high.count(0) >= len(high) // 2:
            return True
    return False


def _byte_line_col(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column of byte ``offset``, counting lines as the parser and editors do (CR, LF or
    CRLF; old Mac files end lines with CR alone)."""
    breaks = list(_BYTE_LINE_BREAK.finditer(raw, 0, offset))
    line_start = breaks[-1].end() if breaks else 0
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return len(breaks) + 1, column


def _encoding_problem(path: str, raw: bytes, offset: int, bom: int = 0) -> Problem:
    line, col = _byte_line_col(raw, offset)
    return Problem(
        Location(path, line, col),
        "encoding-not-utf8",
        {"offset": offset + bom, "byte": f"0x{raw[offset]:02X}"},
    )


def _binary_problem(path: str, raw: bytes, offset: int, bom: int) -> Problem:
    line, col = _byte_line_col(raw, offset)
    return Problem(Location(path, line, col), "file-binary", {"offset": offset + bom})


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


def resolve_plain(text: str) -> Any:
    """The strict resolver for unquoted scalars (see the module's docstring)."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


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
        positions = doc.positions
        key_positions = doc.key_positions
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
                key = _nfc(event.value)
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
                value: Any = event.value if event.style or tag is not None else resolve_plain(event.value)
                if isinstance(value, str):
                    value = _nfc(value)
                    if not event.style and value and (cut := self._cut_by_comment(event)) is not None:
                        at = event.end_mark  # the "#", one space after the value
                        self.doc.problems.append(
                            Problem(
                                Location(self.doc.path, at.line + 1, at.column + 2),
                                "yaml-comment-in-text",
                                {
                                    "kept": value if len(value) <= 40 else "…" + value[-39:],
                                    "comment": _nfc(cut),
                                },
                                Severity.WARNING,
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


# --- the fast path -------------------------------------------------------------------------------


class _Bail(Exception):
    """Something the fast path does not handle: the exact path reads the text instead."""


_PLAIN: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
}
_NUMBER_START = frozenset("0123456789+-.")
_NOKEY = object()


def _fast_build(text: str) -> Any:
    """Build the value of a clean document straight from the parser's events, without positions.

    Raises :class:`_Bail` at the first thing that :class:`_Builder` would report (an anchor, an alias,
    a tag, a duplicate or merge key, a key that is not a scalar, a second document) and lets the
    parser's own errors through; either way the caller falls back to the exact path. What it builds
    for a clean document is exactly what :class:`_Builder` builds.
    """
    get: Any = _EventSource(text).get_event  # events are read by attribute, fast, untyped
    scalar_event, mapping_start = yaml.ScalarEvent, yaml.MappingStartEvent
    sequence_start = yaml.SequenceStartEvent
    end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    plain, number_start, nokey, normalize = _PLAIN, _NUMBER_START, _NOKEY, unicodedata.normalize
    int_match, float_match = _INT.match, _FLOAT.match
    # one object for each distinct text value: item ids, villages and titles repeat record after
    # record, and the models keep the very objects (keys are not kept: pydantic has its own)
    share: Any = {}.setdefault
    # anchors, aliases and tags are written with & * !: a text without them needs no look for them
    props = "&" in text or "*" in text or "!" in text

    get()  # StreamStartEvent
    event = get()
    if type(event) is yaml.StreamEndEvent:
        return None
    # stack entries: (container, is_mapping, pending key of the parent mapping)
    stack: list[tuple[Any, bool, Any]] = []
    container: Any = None
    is_map = False
    key: Any = nokey
    root: Any = None
    while True:
        event = get()
        kind = type(event)
        if kind is scalar_event:
            if props and (event.anchor is not None or event.tag is not None):
                raise _Bail
            value = event.value
            if is_map and key is nokey:  # a key: always text
                if value == "<<" and not event.style:
                    raise _Bail
                if not value.isascii():
                    value = normalize("NFC", value)
                if value in container:
                    raise _Bail
                key = value
                continue
            if event.style:  # quoted or block: text
                if not value.isascii():
                    value = normalize("NFC", value)
                value = share(value, value)
            elif value in plain:
                value = plain[value]
            elif value[0] not in number_start:  # most plain text: ids, dates aside, words
                if not value.isascii():
                    value = normalize("NFC", value)
                value = share(value, value)
            # resolve_plain's rules, cheapest test first: digits without a leading zero are an int,
            # a sign needs the int pattern, a float has a point
            elif (value.isdigit() and value.isascii() and (value[0] != "0" or len(value) == 1)) or (
                value[0] in "+-" and int_match(value)
            ):
                value = int(value)
            elif "." in value and float_match(value):
                value = float(value)
            else:
                if not value.isascii():
                    value = normalize("NFC", value)
                value = share(value, value)
            if is_map:
                container[key] = value
                key = nokey
            elif container is not None:
                container.append(value)
            else:
                root = value
        elif kind is mapping_start or kind is sequence_start:
            if (props and (event.anchor is not None or event.tag is not None)) or (is_map and key is nokey):
                raise _Bail
            new: Any = {} if kind is mapping_start else []
            if is_map:
                container[key] = new
            elif container is not None:
                container.append(new)
            else:
                root = new
            stack.append((container, is_map, key))
            container, is_map, key = new, kind is mapping_start, nokey
        elif kind in end_events:
            container, is_map, key = stack.pop()
            key = nokey
        elif kind is yaml.DocumentEndEvent:
            break
        else:  # an alias
            raise _Bail
    if type(get()) is not yaml.StreamEndEvent:  # a second document
        raise _Bail
    return root
