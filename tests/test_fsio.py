"""Atomic writes: whatever fails, the previous file is left exactly as it was, and no temp file stays."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from trabong_d8 import fsio
from trabong_d8.fsio import atomic_write

PREVIOUS = "Báo cáo cũ / the previous report\n".encode()


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "reports" / "report.md"
    path.parent.mkdir()
    path.write_bytes(PREVIOUS)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "report.md")


def test_writes_text_as_utf8_with_lf(target: Path) -> None:
    atomic_write(target, "Trà Bồng\nhai dòng\n")
    assert target.read_bytes() == "Trà Bồng\nhai dòng\n".encode()
    assert leftovers(target.parent) == []


def test_windows_line_endings_become_lf(target: Path) -> None:
    # a template checked out with CRLF must not make a report with CRLF
    atomic_write(target, lambda: "a\r\nb\r\n")
    assert target.read_bytes() == b"a\nb\n"


def test_a_render_that_raises_leaves_the_previous_file(target: Path) -> None:
    def render() -> str:
        raise RuntimeError("template error")

    with pytest.raises(RuntimeError, match="template error"):
        atomic_write(target, render)
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_render_that_raises_creates_nothing(tmp_path: Path) -> None:
    def render() -> str:
        raise ValueError("bad")

    path = tmp_path / "new" / "report.md"
    with pytest.raises(ValueError):
        atomic_write(path, render)
    assert not path.exists()
    assert not path.parent.exists() or list(path.parent.iterdir()) == []


def test_text_that_cannot_be_encoded_leaves_the_previous_file(target: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "lone surrogate \udc80")
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_failure_half_way_through_writing_leaves_the_previous_file(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class HalfWriter:
        """Writes half of what it is given, then the disk is full."""

        def __init__(self, handle: Any):
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsio.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, "x" * 10_000)
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_failing_fsync_leaves_the_previous_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fsio.os, "fsync", fsync)
    with pytest.raises(OSError):
        atomic_write(target, "new text\n")
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_failing_replace_leaves_the_previous_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")  # e.g. the report is open in Word on Windows

    monkeypatch.setattr(fsio.os, "replace", replace)
    with pytest.raises(PermissionError):
        atomic_write(target, "new text\n")
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent) == []


def test_a_directory_in_the_way_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.mkdir()
    with pytest.raises(OSError):
        atomic_write(path, "text\n")
    assert path.is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_permissions_of_the_previous_file_are_kept(target: Path) -> None:
    target.chmod(0o640)
    atomic_write(target, "new text\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new text\n"


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.md", "text\n")
    finally:
        os.umask(old)
    # not mkstemp's private 0600: what any other new file would get under this umask
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


def test_a_second_write_replaces_the_first_whole(target: Path) -> None:
    atomic_write(target, "long text " * 1000)
    atomic_write(target, "short\n")
    assert target.read_bytes() == b"short\n"
    assert leftovers(target.parent) == []
