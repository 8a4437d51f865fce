"""Fixtures every test gets: a private parse cache, golden files, the report of a golden refresh."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.helpers")  # its asserts explain themselves, as a test's do

from .helpers import EXAMPLE, REWRITTEN, check_golden  # noqa: E402


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    return check_golden


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the illustrative half-year at ``tmp_path/data`` (outside git, so a report's footer
    is the same on every machine), with the current folder at ``tmp_path``."""
    shutil.copytree(EXAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets an empty parse cache of its own, never the user's (see trabong_d8.cache)."""
    monkeypatch.setenv("D8_CACHE_DIR", str(tmp_path_factory.mktemp("d8-cache")))
    monkeypatch.delenv("D8_NO_CACHE", raising=False)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After ``D8_UPDATE_GOLDEN=1``, say which golden files were rewritten: review their diff."""
    if REWRITTEN:
        terminalreporter.section("golden files rewritten (review with git diff tests/golden)")
        for name in sorted(set(REWRITTEN)):
            terminalreporter.line(f"tests/golden/{name}")
