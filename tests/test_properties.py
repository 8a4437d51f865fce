"""Property-based tests: valid files mutated at random always give a valid load or located problems.

Each example takes one file of ``tests/fixtures/valid/`` and applies one to three random mutations
(delete a line or some characters, duplicate or swap lines, re-indent, retype a value with a YAML
trap, insert random bytes including invalid UTF-8, NUL and BOMs), then loads the folder. Whatever
happens, no exception may escape, nothing may hang (a per-example deadline), the files must not be
changed, and every problem must be located: a known code, a path, a line ≥ 1 within the file when it
has one, and a message that formats in both languages.

Two profiles, chosen with ``D8_HYPOTHESIS_PROFILE``: ``ci`` (the default, 300 examples in all, well
under a minute) and ``thorough`` (6,000)::

    D8_HYPOTHESIS_PROFILE=thorough python -m pytest tests/test_properties.py --hypothesis-show-statistics
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from typer.testing import CliRunner

from trabong_d8 import lang_en, lang_vi
from trabong_d8.cli import app
from trabong_d8.codes import CODES, Severity
from trabong_d8.layout import display_path
from trabong_d8.loader import load_dataset
from trabong_d8.messages import format_problem, render_params, word
from trabong_d8.problems import Problem

from .helpers import VALID

CATALOGUES = {"vi": lang_vi.MESSAGES, "en": lang_en.MESSAGES}
FILES = ["plan_2024.yaml", "communes/tra-bui.yaml", "communes/tra-son.yaml", "communes/tra-xuan.yaml"]

PROFILE = os.environ.get("D8_HYPOTHESIS_PROFILE", "ci")
_COMMON = {
    # "no hang": one example loads four files in a few tens of milliseconds; 5 s is a hang
    "deadline": dt.timedelta(seconds=5),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", **_COMMON)
settings.register_profile("thorough", **_COMMON)
settings.load_profile(PROFILE)
#: examples per test: (loader, loader on whole random files, CLI)
EXAMPLES = {"ci": (200, 50, 50), "thorough": (4000, 1000, 1000)}[PROFILE]

# --- mutations -----------------------------------------------------------------------------------

TRAPS = [
    "yes",
    "no",
    "on",
    "off",
    "Y",
    "NO",
    "true",
    "False",
    "null",
    "~",
    "",
    "074",
    "08",
    "0o17",
    "0x1F",
    "10:30",
    "1_000",
    "+12",
    "-1",
    "0",
    "1.5",
    "1e999",
    ".nan",
    ".inf",
    "2024-02-30",
    "2023-12-31",
    "2025-01-01",
    "2024-13-01",
    "30/4/2024",
    "2024-06-30T10:00:00",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "[",
    "{",
    "]",
    "}",
    "'unclosed",
    '"unclosed',
    "'",
    '"',
    "a: b",
    "- x",
    "|",
    ">-",
    "#",
    "# x",
    "---",
    "...",
    "%YAML 1.1",
    "@x",
    "`x",
    "?",
    ",",
    "*",
    "&a x",
    "*a",
    "<<: {a: 1}",
    "!!str 12",
    "!x y",
    "!!binary aGk=",
    "!!set {a}",
    '!!python/object/apply:os.system ["touch PWNED"]',
    "!!python/name:os.system",
    "nd3.hd1.99",
    "nd3.hd2.2",
    "tra-bui",
    "clb-tra-bui",
    "tb-dt-01",
    "district",
    "commune",
    unicodedata.normalize("NFD", "Trà Bồng"),
    "Trà Bồng",
    "x" * 300,
    "\u200b",
    "\ufeff",
    "\x85",
    '"\\x"',
    '"\\u00e0"',
    "\t",
    "   ",
    "a\tb",
]
BYTES = [
    b"\xff",
    b"\xfe",
    b"\xc3",
    b"\xe1\xba",
    b"\xc0\xaf",
    b"\xed\xa0\x80",
    b"\xf8",
    b"\xb5",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\r",
    b"\r\n",
    b"\n",
    b"\t",
    b"\x1b",
    b"\x7f",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b":",
    b"- ",
    b"  ",
    b"#",
    b"&",
    b"*",
    b"!",
    b"'",
    b'"',
    b"[",
    b"{",
]


class Mutated:
    """A file of the valid folder after some mutations; shown by what was done, not its 60 KB
    (a plain class: hypothesis would print every field of a dataclass)."""

    def __init__(self, name: str, data: bytes):
        self.name = name
        self.data = data
        self.done: list[str] = []

    def __repr__(self) -> str:
        return f"Mutated({self.name!r}, done={self.done!r})"


@st.composite
def mutation(draw: st.DrawFn, data: bytes, done: list[str]) -> bytes:
    lines = data.split(b"\n")
    kind = draw(
        st.sampled_from(
            [
                "delete-line",
                "delete-chars",
                "duplicate-line",
                "swap-lines",
                "reindent",
                "retype",
                "insert-bytes",
                "insert-text",
            ]
        )
    )
    event(kind)
    n = len(lines)
    i = draw(st.integers(0, max(n - 1, 0)))
    done.append(f"{kind} at line {i + 1}")
    if kind == "delete-line" and n > 1:
        del lines[i]
    elif kind == "duplicate-line":
        lines.insert(i, lines[i])
    elif kind == "swap-lines" and n > 1:
        j = draw(st.integers(0, n - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "reindent":
        stripped = lines[i].lstrip(b" ")
        indent = draw(st.sampled_from([b"", b" ", b"  ", b"   ", b"    ", b"      ", b"\t", b" \t"]))
        lines[i] = indent + stripped
    elif kind == "retype":
        line = lines[i]
        cut = line.find(b": ")
        cut = cut + 2 if cut >= 0 else (line.find(b"- ") + 2 if b"- " in line else len(line))
        trap = draw(st.sampled_from(TRAPS))
        done[-1] += f": {trap!r}"
        lines[i] = line[:cut] + trap.encode("utf-8")
    else:
        joined = b"\n".join(lines)
        at = draw(st.integers(0, len(joined)))
        if kind == "delete-chars":
            count = draw(st.integers(1, 40))
            done[-1] = f"delete {count} bytes at offset {at}"
            return joined[:at] + joined[at + count :]
        if kind == "insert-bytes":
            piece = draw(st.one_of(st.sampled_from(BYTES), st.binary(min_size=1, max_size=8)))
        else:
            piece = draw(st.text(max_size=12)).encode("utf-8", "surrogatepass")
        done[-1] = f"insert {piece!r} at offset {at}"
        return joined[:at] + piece + joined[at:]
    return b"\n".join(lines)


@st.composite
def mutated_file(draw: st.DrawFn) -> Mutated:
    name = draw(st.sampled_from(FILES))
    result = Mutated(name, (VALID / name).read_bytes())
    for _ in range(draw(st.integers(1, 3))):
        result.data = draw(mutation(result.data, result.done))
    return result


# --- the properties ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    data = tmp_path_factory.mktemp("props") / "data"
    shutil.copytree(VALID, data)
    yield data


def _apply(folder: Path, name: str, content: bytes) -> Path:
    for other in FILES:  # every other file as in the valid folder
        (folder / other).write_bytes((VALID / other).read_bytes())
    path = folder / name
    path.write_bytes(content)
    return path


_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _lines(path: Path) -> int:
    """Lines as the YAML parser (and most editors) count them: CR, LF, CRLF, NEL, LS and PS."""
    raw = path.read_bytes()
    # a UTF-16 BOM in front of UTF-8 bytes: d8 reports the line by the bytes, so allow either count
    codecs = ("utf-8", "utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8",)
    return max(len(_BREAKS.findall(raw.decode(codec, "replace"))) for codec in codecs) + 1


def _line_lengths(path: Path) -> list[int] | None:
    """The length in characters of each line of a UTF-8 file (None for anything else)."""
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    return [len(line) for line in _BREAKS.split(text)]


def assert_located(folder: Path, problems: list[Problem]) -> None:
    known = {display_path(folder / f): _lines(folder / f) for f in FILES}
    widths = {display_path(folder / f): _line_lengths(folder / f) for f in FILES}
    known[display_path(folder / "communes")] = 0
    known[display_path(folder)] = 0
    for problem in problems:
        where = problem.location
        assert where.path in known, where
        assert problem.code in CODES, problem.code
        assert problem.severity in (Severity.ERROR, Severity.WARNING)
        assert where.line >= 0 and where.column >= 0
        if where.line:
            assert where.column >= 1, where
            assert where.line <= known[where.path] + 1, (where, known[where.path])
            lengths = widths.get(where.path)
            if lengths is not None and where.line <= len(lengths):
                # the column is on its line (one past the end for "missing here")
                assert where.column <= lengths[where.line - 1] + 2, (where, lengths[where.line - 1])
        for lang, catalogue in CATALOGUES.items():
            catalogue[problem.code].format(
                **render_params(problem.params, lang)
            )  # a parameter missing raises
            assert format_problem(problem, lang).startswith(f"{where}: {problem.severity.value}[")


def _event(text: str) -> None:
    if currently_in_test_context():  # the plain tests below share check_folder
        event(text)


def check_folder(folder: Path, name: str, content: bytes) -> None:
    path = _apply(folder, name, content)
    # the calendar's rules too, as on the last day of the plan year (every item then expected)
    result = load_dataset(folder, dt.date(2024, 12, 31))  # must not raise
    assert path.read_bytes() == content  # nothing the user typed is changed
    assert_located(folder, result.problems)
    if result.errors:
        assert result.dataset is None
        _event(f"outcome: errors, first {result.errors[0].code}")
    else:
        assert result.dataset is not None
        _event("outcome: valid" + (" with warnings" if result.warnings else ""))
    assert not list(folder.parent.rglob("PWNED")) and not Path("PWNED").exists()


@settings(max_examples=EXAMPLES[0])
@given(mutated_file())
def test_mutated_files_load_or_are_located(folder: Path, change: Mutated) -> None:
    check_folder(folder, change.name, change.data)


@settings(max_examples=EXAMPLES[1])
@given(
    st.sampled_from(FILES),
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(TRAPS), max_size=20).map(lambda ts: ": ".join(ts).encode("utf-8")),
        st.lists(st.sampled_from(TRAPS), max_size=20).map(lambda ts: "\n".join(ts).encode("utf-8")),
    ),
)
def test_whole_random_files_are_located(folder: Path, name: str, content: bytes) -> None:
    check_folder(folder, name, content)


_LINE = re.compile(r"\S.*?:(\d+:\d+: )?(error|warning)\[[a-z0-9-]+\]: .+")
_runner = CliRunner()
_OTHER = {
    lang: [
        re.compile(re.sub(r"\\\{\w*\\\}", r"\\d+", re.escape(word(key, lang))))
        for key in ("warnings_heading", "summary_ok", "summary_problems")
    ]
    for lang in ("vi", "en")
}


@settings(max_examples=EXAMPLES[2])
@given(mutated_file(), st.sampled_from(["vi", "en"]), st.sampled_from(["text", "json", "github"]))
def test_mutated_files_through_the_cli(folder: Path, change: Mutated, lang: str, fmt: str) -> None:
    _apply(folder, change.name, change.data)
    result = _runner.invoke(
        app,
        ["validate", "--data", str(folder), "--lang", lang, "--format", fmt],
        env={"D8_LANG": "", "D8_DATA": "", "NO_COLOR": "1"},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if fmt == "json":
        payload = json.loads(result.stdout)
        assert all(e["severity"] in ("error", "warning") and e["code"] in CODES for e in payload)
        assert (result.exit_code == 1) == any(e["severity"] == "error" for e in payload)
        return
    for line in result.output.splitlines():
        if fmt == "github":
            assert re.match(r"::(error|warning) file=[^,]+,line=\d+,col=\d+,title=[a-z0-9-]+::", line), line
        else:  # a problem, the warnings' heading, or a summary
            assert _LINE.fullmatch(line) or any(other.fullmatch(line) for other in _OTHER[lang]), line


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("prefix", [b"\xff\xfe", b"\xfe\xff", b"0[", b"\xef\xbb\xbf\xef\xbb\xbf"])
def test_examples_found_by_the_thorough_run(folder: Path, name: str, prefix: bytes) -> None:
    # shrunk examples of failures the random runs found (a UTF-16 BOM before UTF-8 text, a key
    # starting "0[" before its fix), kept as plain tests so they run every time
    check_folder(folder, name, prefix + (VALID / name).read_bytes())
