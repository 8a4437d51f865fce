"""trabong-d8: tracks Trà Bồng district's 2024 plan for Project 8.

The public face is small: load a data folder, then compute completion as of a date::

    from pathlib import Path
    import datetime as dt
    from trabong_d8 import load_dataset, compute_status

    result = load_dataset(Path("data"))
    for problem in result.problems:          # every problem, located at file:line:column
        print(problem.location, problem.code)
    if result.dataset:
        ds = result.dataset
        report = compute_status(ds.plan, ds.communes, dt.date(2024, 6, 30))

Names are imported lazily so that ``d8 --help`` does not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Dataset": "loader",
    "LoadResult": "loader",
    "load_dataset": "loader",
    "Location": "problems",
    "Problem": "problems",
    "Severity": "problems",
    "Completion": "progress",
    "Status": "progress",
    "StatusReport": "progress",
    "compute_status": "progress",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'trabong_d8' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
