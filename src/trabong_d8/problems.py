"""Problems found in the data, as plain values.

Loading never raises on bad input: every problem becomes a :class:`Problem` carrying where it is
(file, line, column, all 1-based), a stable code and the parameters of its message. The caller chooses
the language and the output format (see :mod:`trabong_d8.messages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """A place in a file; ``line`` and ``column`` are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column or 1}"
        return self.path


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in the data.

    ``code`` is stable (tests, editors and scripts rely on it); ``params`` fill the message template of
    that code in the chosen language.
    """

    location: Location
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.code)
