"""A parsed YAML file as plain data: its value, where each part of it stands, what was wrong.

:mod:`trabong_d8.yamlio` builds these and answers where a part stands (:func:`yamlio.locate`); this
module holds only the data, so that a document brought back from the parse cache needs neither the
YAML parser nor the reader until a position is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .problems import Problem

#: a path of keys and list indices into a document's value, e.g. ("records", 3, "date")
Path_ = tuple[str | int, ...]


class YamlDocument:
    """A parsed file.

    A file without a problem is read on the fast path, which records no positions: they are only
    needed to point at a problem found later (a wrong type, a duplicate id), so the first time a
    position is asked for, :mod:`yamlio` reads the file again on the exact path, once. Once a
    file's data is validated its raw value is dropped (:meth:`release`); reading positions brings
    it back. (A plain class, not a dataclass: it is on every warm run's path, and a dataclass's
    generated methods cost more to make than this one is worth.)
    """

    def __init__(self, path: str, value: Any = None):
        self.path = path
        self.value = value
        self.problems: list[Problem] = []
        #: position (line, column; 1-based) of each value and of each mapping key, by path; None
        #: until they are read
        self.positions: dict[Path_, tuple[int, int]] | None = None
        self.key_positions: dict[Path_, tuple[int, int]] | None = None
        #: where to read the text again for positions: the file, or the text itself
        self.source: Path | str | None = None
        #: True once :meth:`release` dropped the value
        self.released = False

    def __repr__(self) -> str:
        return f"YamlDocument(path={self.path!r}, value={self.value!r}, problems={self.problems!r})"

    def release(self) -> None:
        """Drop the parsed value (the validated data holds it now). Only for a document that can
        be read again from its file or text."""
        if self.source is not None and self.positions is None:
            self.value = None
            self.released = True

    def __getstate__(self) -> dict[str, Any]:
        # a document read from a file is stored without its value and positions: read again if needed
        state = dict(self.__dict__)
        if isinstance(state["source"], Path):
            state["positions"] = state["key_positions"] = None
            state["value"], state["released"] = None, True
        return state
