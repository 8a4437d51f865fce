"""A parsed YAML file: its value, where each part of it stands, and what was wrong.

Apart from :mod:`trabong_d8.yamlio` (which builds these and re-exports the class) so that a document
brought back from the parse cache does not import the YAML parser until a position is asked for.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Location, Problem

Path_ = tuple[str | int, ...]


@dataclass(eq=False)
class YamlDocument:
    """A parsed file: its value, where each part of it stands, and what was wrong.

    A file without a problem is read on the fast path, which records no positions: they are only
    needed to point at a problem found later (a wrong type, a duplicate id), so the first use of
    :attr:`positions` or :attr:`key_positions` reads the file again on the exact path, once.
    """

    path: str
    value: Any = None
    problems: list[Problem] = field(default_factory=list)
    _positions: dict[Path_, tuple[int, int]] | None = field(default=None, init=False, repr=False)
    _key_positions: dict[Path_, tuple[int, int]] | None = field(default=None, init=False, repr=False)
    #: where to read the text again for positions: the file, or the text itself
    _source: Path | str | None = field(default=None, init=False, repr=False)

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        """Position (line, column; 1-based) of each value, by its path of keys and list indices."""
        if self._positions is None:
            self._load_positions()
        assert self._positions is not None
        return self._positions

    @property
    def key_positions(self) -> dict[Path_, tuple[int, int]]:
        """Position of each mapping key, by the path of the value it names."""
        if self._key_positions is None:
            self._load_positions()
        assert self._key_positions is not None
        return self._key_positions

    #: True once :meth:`release` dropped the value (reading positions brings it back)
    _released: bool = field(default=False, init=False, repr=False)

    def release(self) -> None:
        """Drop the parsed value once the models are built from it; :meth:`locate` reads the file
        again if it is ever needed. Only for a document read from a file or text it can read again."""
        if self._source is not None and self._positions is None:
            self.value = None
            self._released = True

    def _load_positions(self) -> None:
        source = self._source
        self._positions, self._key_positions = {}, {}
        if source is None:
            return
        from .yamlio import _read_text, _strict_parse

        scratch = YamlDocument(self.path)
        text = source if isinstance(source, str) else _read_text(source, scratch)
        if text is not None:
            _strict_parse(text, scratch)
        self._positions, self._key_positions = scratch.positions, scratch.key_positions
        if self._released:
            self.value, self._released = scratch.value, False

    def __getstate__(self) -> dict[str, Any]:
        # positions are read again when needed rather than stored (see the class docstring)
        state = dict(self.__dict__)
        if isinstance(state["_source"], Path):
            state["_positions"] = state["_key_positions"] = None
            state["value"], state["_released"] = None, True
        return state

    def locate(self, path: Path_, *, prefer_key: bool = False) -> Location:
        """Where ``path`` stands in the file; the nearest existing parent when it does not exist."""
        probe = tuple(path)
        while True:
            if prefer_key and probe in self.key_positions:
                line, col = self.key_positions[probe]
                return Location(self.path, line, col)
            positions = self.positions  # may read the file again, and bring a released value back
            if probe in positions:
                # a mapping's own position is its first key; its key's line reads better
                if probe in self.key_positions and isinstance(self.get(probe), (dict, list)):
                    line, col = self.key_positions[probe]
                else:
                    line, col = positions[probe]
                return Location(self.path, line, col)
            if not probe:
                return Location(self.path, 1, 1)
            probe = probe[:-1]
            prefer_key = True

    def get(self, path: Path_) -> Any:
        if self._released:
            self._load_positions()
        node = self.value
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector while large trees of values are built.

    Parsed values and validated models hold no reference cycles, yet the collector walks every one
    of them again and again while they grow: on 100,000 records that walking costs more than the
    parsing itself. Reference counting still frees everything that is dropped.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
