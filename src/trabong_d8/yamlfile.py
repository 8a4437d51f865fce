"""Reading a data file's bytes and decoding them, refusing with a located problem whatever is not
a YAML text: a folder, a device, a huge or binary file, a legacy Vietnamese encoding."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from .problems import Location, Problem

#: Files larger than this are refused before parsing (a district's file is a few tens of KiB).
MAX_FILE_BYTES = 5 * 1024 * 1024

_BYTE_LINE_BREAK = re.compile(rb"\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9]")


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """The text of the file at ``path`` (named ``shown`` in messages), or ``None`` with the reason
    appended to ``problems``."""
    where = Location(shown)
    try:
        if path.is_dir():
            problems.append(Problem(where, "file-is-directory"))
            return None
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever, a device never end
            problems.append(Problem(where, "file-not-regular"))
            return None
        size = info.st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(where, "file-too-large", {"size": size, "limit": MAX_FILE_BYTES}))
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(where, "file-missing"))
        return None
    except OSError as exc:
        problems.append(Problem(where, "file-unreadable", {"reason": exc.strerror or str(exc)}))
        return None
    return decode_bytes(raw, shown, problems)


def decode_bytes(raw: bytes, shown: str, problems: list[Problem]) -> str | None:
    """Decode a file's bytes as UTF-8 (a BOM is allowed; UTF-16 with a BOM too)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        problems.append(Problem(Location(shown, 1, 1), "encoding-unsupported", {"encoding": "UTF-32"}))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            problems.append(_encoding_problem(shown, raw, exc.start))
            return None
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    raw = raw[bom:]
    if b"\x00" in raw:
        if _looks_like_utf16(raw):
            where = Location(shown, 1, 1)
            problems.append(Problem(where, "encoding-unsupported", {"encoding": "UTF-16 (no BOM)"}))
            return None
        offset = raw.index(b"\x00")
        line, col = _byte_line_col(raw, offset)
        problems.append(Problem(Location(shown, line, col), "file-binary", {"offset": offset + bom}))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(_encoding_problem(shown, raw, exc.start, bom))
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


def _encoding_problem(shown: str, raw: bytes, offset: int, bom: int = 0) -> Problem:
    line, col = _byte_line_col(raw, offset)
    return Problem(
        Location(shown, line, col),
        "encoding-not-utf8",
        {"offset": offset + bom, "byte": f"0x{raw[offset]:02X}"},
    )
