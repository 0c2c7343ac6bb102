"""Write files atomically: a temporary file beside the target, then one rename.

An interrupted run leaves either the old file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


@contextlib.contextmanager
def atomic_writer(path: str | Path | None, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a text stream for ``path`` (``None`` or ``-``: stdout) committed only on success."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    mode = None
    if target.exists():
        if not target.is_file():  # /dev/null, a FIFO, a terminal: never replace, just write
            with open(target, "w", encoding="utf-8", newline=newline) as handle:
                yield handle
            return
        mode = target.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
