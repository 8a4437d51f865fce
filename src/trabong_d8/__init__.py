"""trabong-d8: tracks Trà Bồng district's plans for Project 8, plan year by plan year.

The public face is :mod:`trabong_d8.api` (one function for each thing a user does); the names below
are imported lazily from it so that ``d8 --help`` pays for nothing it does not use::

    from pathlib import Path
    from trabong_d8 import api

    checked = api.validate(Path("data"))
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.2.0"

_EXPORTS = {
    "api": None,
    "D8Error": "errors",
    "Dataset": "dataset",
    "LoadResult": "dataset",
    "Location": "problems",
    "Problem": "problems",
    "Severity": "codes",
    "Completion": "progress",
    "Status": "progress",
    "StatusReport": "progress",
    "compute_status": "progress",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'trabong_d8' has no attribute {name!r}")
    module = _EXPORTS[name]
    if module is None:
        return importlib.import_module(f".{name}", __name__)
    return getattr(importlib.import_module(f".{module}", __name__), name)
