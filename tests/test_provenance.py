"""Which version of the data a report was made from (``provenance``): the git commit, uncommitted
changes, or no git at all; never a failure."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from trabong_d8.provenance import Provenance, data_provenance

DAY = dt.date(2024, 7, 5)


def _git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_outside_git(tmp_path: Path) -> None:
    assert data_provenance(tmp_path, DAY) == Provenance(generated_on=DAY)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_commit_and_uncommitted_changes(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.yaml").write_text("a: 1\n", "utf-8")
    _git(tmp_path, "add", "a.yaml")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data")
    commit = _git(tmp_path, "rev-parse", "--short=12", "HEAD")
    clean = data_provenance(tmp_path, DAY)
    assert (clean.commit, clean.dirty, clean.in_git) == (commit, False, True)
    (tmp_path / "a.yaml").write_text("a: 2\n", "utf-8")
    assert data_provenance(tmp_path, DAY).dirty


def test_without_git_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git to be found
    assert data_provenance(tmp_path, DAY) == Provenance(generated_on=DAY)
