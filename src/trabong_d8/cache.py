"""The parse cache: a data folder's load result, kept between runs while no file of it changes.

``d8 status`` is typed many times a day on data that has not changed since the last run. The cache
keeps the whole result of :func:`trabong_d8.loader.load_dataset` (every problem, located, and the
data's frozen types as they are) in one file per data folder, and uses it again only when everything
the result depends on is the same:

* every file the loader reads or lists: the plans, the ``communes`` and ``narratives`` folders and
  each entry in them, by name, size, modification time (nanoseconds), mode, and where a link points;
* the folder as typed and the current folder (problems name files relative to it);
* the day (a date in the future is a warning only until that day comes);
* the program itself: its version and the size and time of each of its source files, the versions
  of Python, PyYAML and pydantic, and the cache's own format.

A file changed within the last :data:`SETTLE_SECONDS` is not cached yet: file times are kept in
coarse steps (a few milliseconds, seconds on some file systems), so a second edit of the same size
made within the same step would look unchanged. The next run after that caches it.

A stored result carries its problems, so a warm run reports exactly what a cold run would. A cache
file that is missing, unreadable, corrupt, stale, from another program version or not owned by the
user is a miss, never an error; a cache that cannot be written is skipped in silence.

``D8_NO_CACHE=1`` (or ``--no-cache``) turns it off; ``D8_CACHE_DIR`` says where it lives (by
default the user's cache folder: ``~/.cache/trabong-d8`` on Linux, ``~/Library/Caches/trabong-d8`` on
macOS, ``%LOCALAPPDATA%\\trabong-d8\\Cache`` on Windows). Deleting that folder clears it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import sys
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .collector import paused_gc

if TYPE_CHECKING:
    from .dataset import LoadResult

#: bump when what is stored changes shape
FORMAT = 2
#: how long a file must have stayed unchanged before a result that depends on it is cached
SETTLE_SECONDS = 2.0
_PREFIX = "d8-load-"


def disabled() -> bool:
    """True when ``D8_NO_CACHE`` is set to anything but empty or ``0``."""
    return os.environ.get("D8_NO_CACHE", "").strip() not in ("", "0")


def cache_dir() -> Path:
    """Where the cache lives: ``D8_CACHE_DIR``, else the user's cache folder for this system."""
    configured = os.environ.get("D8_CACHE_DIR")
    if configured:
        return Path(configured)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "trabong-d8" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "trabong-d8"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else home / ".cache") / "trabong-d8"


def load(root: Path, today: dt.date, *, use_cache: bool = True) -> LoadResult:
    """:func:`~trabong_d8.loader.load_dataset` through the cache (see the module docstring)."""
    if not use_cache or disabled():
        return _load_fresh(root, today)
    try:
        key = _key(root, today)
        entry = cache_dir() / f"{_PREFIX}{zlib.crc32(repr(key[:3]).encode()):08x}.pickle"
    except Exception:  # a folder that cannot even be listed: the loader will say why
        return _load_fresh(root, today)
    cached = _read(entry, key)
    if cached is not None:
        return cached
    result = _load_fresh(root, today)
    if not _unsettled(key):
        _write(entry, key, result)
    return result


def _load_fresh(root: Path, today: dt.date) -> LoadResult:
    from .loader import load_dataset

    return load_dataset(root, today)


# --- the key -------------------------------------------------------------------------------------


def _stat(path: Path | os.DirEntry[str]) -> tuple[Any, ...]:
    try:
        st = os.stat(path)
    except OSError as exc:
        return ("error", exc.errno)
    return (st.st_size, st.st_mtime_ns, st.st_mode, st.st_ino)


def _unsettled(key: tuple[Any, ...]) -> bool:
    """True when a file of the key was changed too recently to trust its time (see the docstring)."""
    import time

    stats = [
        *(entry[2] for entry in key[6]),
        *(entry[2] for entry in key[10]),
        *(entry[2] for entry in key[13]),
    ]
    recent = time.time_ns() - int(SETTLE_SECONDS * 1e9)
    return any(st[0] != "error" and st[1] > recent for st in stats)


def _key(root: Path, today: dt.date) -> tuple[Any, ...]:
    """Everything the load result depends on; the first three parts also name the cache file."""
    from .layout import COMMUNES_DIR, NARRATIVES_DIR, PLAN_GLOB

    folder = root / COMMUNES_DIR
    narratives = root / NARRATIVES_DIR
    return (
        str(root),
        os.getcwd(),
        str(root.absolute()),
        today.isoformat(),
        _program(),
        root.is_dir(),
        _listing(root, PLAN_GLOB),
        os.path.realpath(root),  # a link to the folder may be moved
        folder.is_dir(),
        os.path.realpath(folder),
        _listing(folder),
        narratives.is_dir(),
        os.path.realpath(narratives),
        _listing(narratives),
    )


def _listing(folder: Path, pattern: str = "*") -> tuple[tuple[Any, ...], ...]:
    """Each entry of ``folder`` whose name matches ``pattern``: its name, where it links to, and
    its stat."""
    from fnmatch import fnmatchcase

    entries: list[tuple[Any, ...]] = []
    if folder.is_dir():
        with os.scandir(folder) as listing:
            for entry in sorted(listing, key=lambda e: e.name):
                if not fnmatchcase(entry.name, pattern):
                    continue
                link = os.path.realpath(entry.path) if entry.is_symlink() else None
                entries.append((entry.name, link, _stat(entry)))
    return tuple(entries)


def _program() -> tuple[Any, ...]:
    here = Path(__file__).parent
    sources = tuple((p.name, _stat(p)) for p in sorted(here.glob("*.py")))
    libraries = tuple(_dist(name) for name in ("yaml", "pydantic", "pydantic_core"))
    return (FORMAT, __version__, sys.version, sources, libraries)


def _dist(module: str) -> tuple[Any, ...]:
    """Where a dependency is installed and when its files were written (a new version rewrites them)."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    origin = spec.origin if spec is not None else None
    return (module, origin, _stat(Path(origin)) if origin else None)


# --- reading and writing -------------------------------------------------------------------------


def _read(entry: Path, key: tuple[Any, ...]) -> LoadResult | None:
    try:
        with open(entry, "rb") as handle:
            st = os.fstat(handle.fileno())
            # a cache file is code to pickle: only one of the user's own, writable by nobody else
            if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                return None
            with paused_gc():  # a hundred thousand objects at once: see yamlio.paused_gc
                stored_key, result = pickle.load(handle)
    except Exception:  # missing, truncated, corrupt, from another version: a miss
        return None
    if stored_key != key:
        return None
    return result  # type: ignore[no-any-return]


def _write(entry: Path, key: tuple[Any, ...], result: LoadResult) -> None:
    tmp: str | None = None
    try:
        with paused_gc():
            payload = pickle.dumps((key, result), protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".d8-", suffix=".tmp", dir=entry.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, entry)
        tmp = None
    except Exception:  # a cache that cannot be written costs the next run time, nothing else
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
