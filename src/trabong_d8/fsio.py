"""Writing files so that a failure half-way never leaves a broken or half-written file behind.

Every file ``d8`` writes (reports today, anything later) goes through :func:`atomic_write`: the new
content is produced first, written to a temporary file in the same folder, flushed to disk, and only
then renamed over the target in one step (``os.replace``, atomic on POSIX and Windows). If producing
or writing the content fails, the temporary file is removed and the previous file, if any, is left
exactly as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(path: Path, produce: Callable[[], str] | str, *, encoding: str = "utf-8") -> None:
    """Write text to ``path`` atomically.

    ``produce`` is either the text itself or a function returning it; a function is called *before*
    anything touches the disk, so a render that raises leaves no trace. Text is written with ``\\n``
    line endings whatever the platform (a ``\\r\\n`` in it, say from a template checked out on
    Windows, becomes ``\\n``), so committed files diff cleanly.
    """
    text = produce() if callable(produce) else produce
    data = text.replace("\r\n", "\n").encode(encoding)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # keep the permissions the user gave the previous file
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
