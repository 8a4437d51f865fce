"""How a data folder is laid out, and how its paths are shown to the user.

A data folder holds one plan file per plan year (``plan_2024.yaml``, ``plan_2025.yaml`` …), a
``communes/`` folder with one file per commune, and optionally ``narratives/`` with one file per
reporting period (``2024-Q3.yaml``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

PLAN_GLOB = "plan_*.yaml"
PLAN_NAME = re.compile(r"plan_([0-9]{4})\.yaml\Z")
COMMUNES_DIR = "communes"
NARRATIVES_DIR = "narratives"
YAML_SUFFIXES = (".yaml", ".yml")


def plan_file_name(year: int) -> str:
    return f"plan_{year}.yaml"


def plan_year_of(name: str) -> int | None:
    """The year a plan file's name says (``plan_2024.yaml`` → 2024), or ``None``."""
    match = PLAN_NAME.match(name)
    return int(match.group(1)) if match else None


def display_path(path: Path) -> str:
    """The path as the user will recognise it: relative to the current folder when inside it,
    otherwise as given."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
