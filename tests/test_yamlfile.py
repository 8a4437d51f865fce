"""Reading a file's bytes (``yamlfile``): what is not a YAML text is refused with a located problem
(a folder, a FIFO, a huge or binary file, a legacy encoding); BOMs and UTF-16 with a BOM are read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from trabong_d8.yamlfile import MAX_FILE_BYTES
from trabong_d8.yamlio import YamlDocument, read_yaml


def codes(doc: YamlDocument) -> list[tuple[str, int, int]]:
    return [(p.code, p.location.line, p.location.column) for p in doc.problems]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: Tr\xc3\xa0\n")
    doc = read_yaml(path, "bom.yaml")
    assert not doc.problems
    assert doc.value == {"name": "Trà"}


def test_utf16_with_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "u16.yaml"
    path.write_bytes("name: Trà Bồng\n".encode("utf-16"))
    doc = read_yaml(path, "u16.yaml")
    assert not doc.problems
    assert doc.value == {"name": "Trà Bồng"}


def test_legacy_encoding_is_refused_with_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.yaml"
    path.write_bytes("id: x\nname: Trà\n".encode("cp1258"))
    doc = read_yaml(path, "cp1258.yaml")
    assert codes(doc) == [("encoding-not-utf8", 2, 9)]
    assert doc.problems[0].params == {"offset": 14, "byte": "0xE0"}


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00junk")
    assert [p.code for p in read_yaml(path).problems] == ["file-binary"]


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert [p.code for p in read_yaml(path).problems] == ["file-too-large"]


def test_directory_and_missing_file(tmp_path: Path) -> None:
    assert [p.code for p in read_yaml(tmp_path).problems] == ["file-is-directory"]
    assert [p.code for p in read_yaml(tmp_path / "nope.yaml").problems] == ["file-missing"]


@pytest.mark.parametrize(
    ("codec", "named"),
    [("utf-16-le", "UTF-16 (no BOM)"), ("utf-16-be", "UTF-16 (no BOM)"), ("utf-32", "UTF-32")],
)
def test_utf16_without_bom_and_utf32_are_named(tmp_path: Path, codec: str, named: str) -> None:
    # before, UTF-16 without a BOM was "not text, a renamed Word file?" and UTF-32 a control character
    path = tmp_path / "wide.yaml"
    path.write_bytes("schema_version: 1\nname: Trà Bồng\n".encode(codec))
    doc = read_yaml(path, "wide.yaml")
    assert codes(doc) == [("encoding-unsupported", 1, 1)]
    assert doc.problems[0].params == {"encoding": named}


def test_nul_bytes_in_utf8_text_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"schema_version: 1\nname: x\x00y\nkind: xa\n")
    assert [p.code for p in read_yaml(path).problems] == ["file-binary"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    # reading a FIFO with no writer blocks for ever: it must be refused before any read
    path = tmp_path / "fifo.yaml"
    os.mkfifo(path)
    started = time.perf_counter()
    assert [p.code for p in read_yaml(path, "fifo.yaml").problems] == ["file-not-regular"]
    assert time.perf_counter() - started < 2
