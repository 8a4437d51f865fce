"""Which version of the data a report was made from: the git commit of the data folder.

The coordinator keeps the data in git, so a report names the commit it was made from, or says the data
had uncommitted changes (then the commit alone does not reproduce it). Outside git, or without git
installed, the report says so; none of this ever stops a report.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from .frozen import Frozen, frozen

_TIMEOUT = 10  # seconds; git on a network drive can be slow, but must never hang a report


@frozen
class Provenance(Frozen):
    """Where the data came from, for the report's footer."""

    generated_on: dt.date
    commit: str | None = None  # the data's git commit (short), None outside git
    dirty: bool = False  # the work tree differs from that commit
    in_git: bool = False


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def data_provenance(root: Path, generated_on: dt.date) -> Provenance:
    """The commit of the repository holding ``root``, and whether ``root`` differs from it."""
    commit = _git(root, "rev-parse", "--short=12", "HEAD")
    if commit is None:
        return Provenance(generated_on=generated_on)
    status = _git(root, "status", "--porcelain", "--untracked-files=normal", "--", ".")
    dirty = status is None or bool(status.strip())
    return Provenance(generated_on=generated_on, commit=commit.strip(), dirty=dirty, in_git=True)
