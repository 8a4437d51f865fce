"""Pausing Python's cycle collector while large trees of plain values are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cycle collector while large trees of values are built.

    Parsed values and validated data hold no reference cycles, yet the collector walks every one
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
