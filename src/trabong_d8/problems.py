"""Problems found in the data, as plain values.

Loading never raises on bad input: every problem becomes a :class:`Problem` carrying where it is
(file, line, column, all 1-based), a stable code (see :mod:`trabong_d8.codes`, which also fixes its
severity) and the parameters of its message, as plain values (text, numbers, booleans, ``None``) so
that a program can read them from ``d8 validate --format json``. The caller chooses the language
and the output format (see :mod:`trabong_d8.messages` and :mod:`trabong_d8.output`).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from .codes import Severity, severity
from .frozen import Frozen, frozen

__all__ = ["Location", "Problem", "Severity", "plain"]

#: the longest text kept in a problem's parameters (a 5 MiB paste must not be copied into each one)
PARAM_TEXT_LIMIT = 200


@frozen(kw_only=False)
class Location(Frozen):
    """A place in a file; ``line`` and ``column`` are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path


@frozen(kw_only=False)
class Problem(Frozen):
    """One thing wrong (or worth a look) in the data.

    ``code`` is stable (tests, editors and scripts rely on it); ``params`` fill the message of that
    code in the chosen language, by name.
    """

    location: Location
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return severity(self.code)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.code)


def plain(value: Any) -> Any:
    """A value the user wrote, as a message parameter: scalars as they are (long text cut), a list
    or a mapping as an empty one of its kind (the message only says what kind it was)."""
    if isinstance(value, str):
        return value if len(value) <= PARAM_TEXT_LIMIT else value[: PARAM_TEXT_LIMIT - 1] + "…"
    if isinstance(value, (list, tuple)):
        return []
    if isinstance(value, dict):
        return {}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)
