"""Write files atomically: a temporary file beside the target, then one rename.

An interrupted run leaves either the old file or the new one, never half of either. The new file
keeps the old one's permission bits (a new file gets the usual umask-derived mode, not mkstemp's
0600), a symlink is followed so the link stays a link, and ``atomic_write_text`` writes text
exactly as given (no newline translation), so CRLF files stay CRLF. A device or FIFO (``-o
/dev/null``) is written through, never replaced.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

UTF8_BOM = b"\xef\xbb\xbf"
ESCAPE = "brandguard-escape"  # the error handler of every report stream


def _escape(error: UnicodeError) -> tuple[str, int]:
    """A file name that is not UTF-8 (``bad\\xff.md``) reaches us with lone surrogates
    (surrogateescape); reports show each as the escape ``\\udcff`` instead of failing to encode.
    The same six characters are a valid JSON escape, so JSON reports (SARIF, baselines) stay valid
    and read back as the very same name."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(f"\\u{ord(c):04x}" for c in text), error.end


codecs.register_error(ESCAPE, _escape)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def _atomic_binary(path: str | Path) -> Iterator[BinaryIO]:
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | Path | None, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a text stream for ``path`` (``None`` or ``-``: stdout) committed only on success."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/null, a FIFO, a terminal: just write
        with open(target, "w", encoding="utf-8", newline=newline, errors=ESCAPE) as handle:
            yield handle
        return
    with _atomic_binary(path) as raw:
        import io

        handle = io.TextIOWrapper(raw, encoding="utf-8", newline=newline, errors=ESCAPE)
        try:
            yield handle
            handle.flush()
        finally:
            handle.detach()


def atomic_write_text(path: str | Path, text: str, *, bom: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8, newlines untouched, optional BOM) atomically."""
    data = text.encode("utf-8")
    with _atomic_binary(path) as handle:
        if bom:
            handle.write(UTF8_BOM)
        handle.write(data)
