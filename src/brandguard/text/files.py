"""The files ``check`` names, walked and read with limits, so that nothing hangs or is lost.

- A symlink loop, an unreadable subdirectory or an unreadable file becomes one BG003 result naming
  it; the other paths go on (a loop used to abort the run, a subdirectory was skipped silently).
- Standard input is read the same way (``Stdin``), and its bytes are kept for ``--fix -``.
- A post is read with a bound (``MAX_POST_BYTES``, ``check --max-post-size``): ``check /dev/zero``
  read until memory ran out; now anything larger is a BG003 result.
Directories expand as in ``sources.iter_files``: sorted, recursive, known suffixes only, the
usual tool folders skipped; symlinked directories are followed once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..model import PostResult
from .document import Post
from .exports import MAX_POST_BYTES
from .formats import FORMAT_BY_SUFFIX, parse
from .sources import SKIP_DIRS, format_for, unreadable

__all__ = ["MAX_POST_BYTES", "Stdin", "iter_checked", "read_bounded", "read_stdin"]


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: Python 3.11 raises RuntimeError
        return path.absolute()


def read_bounded(path: Path, max_bytes: int = MAX_POST_BYTES) -> Post | PostResult:
    """``sources.read_file`` that stops after ``max_bytes`` (devices, FIFOs, huge files)."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return unreadable(name, name, f"{name}: {_reason(exc)}")
    if len(data) > max_bytes:
        return unreadable(
            name, name, f"{name}: larger than {max_bytes:,} bytes (--max-post-size); not checked"
        )
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return unreadable(name, name, f"{name}: not UTF-8 text (byte {exc.start})")
    return parse(source, format_for(path), name, name)


@dataclass(frozen=True)
class Stdin:
    """Standard input as read: at most ``max_bytes + 1`` bytes, and the stream that may hold more.

    ``check --fix -`` gives the editor its buffer back; when the buffer cannot be fixed (not UTF-8,
    too large) these bytes, and what is left on the stream, go back unchanged."""

    name: str
    data: bytes
    max_bytes: int
    stream: BinaryIO | None = None

    @property
    def bom(self) -> bool:
        return self.data.startswith(b"\xef\xbb\xbf")

    def post(self) -> Post | PostResult:
        """The buffer as a post, or a BG003 result: too large, or not UTF-8 (nothing replaced,
        the same as a file)."""
        name = self.name
        if len(self.data) > self.max_bytes:
            return unreadable(
                name,
                name,
                f"{name}: larger than {self.max_bytes:,} bytes (--max-post-size); not checked",
            )
        try:
            source = self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return unreadable(name, name, f"{name}: not UTF-8 text (byte {exc.start})")
        return parse(source, format_for(Path(name)), name, name)

    def unread(self) -> Iterator[bytes]:
        """What is left on the stream after ``data`` (a buffer over the size limit), in chunks."""
        if self.stream is None or len(self.data) <= self.max_bytes:
            return
        while chunk := self.stream.read(1 << 16):
            yield chunk


def read_stdin(filename: str | None, max_bytes: int = MAX_POST_BYTES) -> Stdin:
    stream = sys.stdin.buffer
    return Stdin(filename or "-", stream.read(max_bytes + 1), max_bytes, stream)


def _walk(root: Path) -> Iterator[Path | PostResult]:
    """Files with a known suffix under ``root`` and one BG003 result per unreadable folder."""
    found: list[tuple[str, Path | PostResult]] = []
    visited: set[tuple[int, int]] = set()

    def problem(exc: OSError) -> None:
        name = str(exc.filename or root)
        found.append((name, unreadable(name, name, f"{name}: {_reason(exc)}")))

    for folder, dirs, files in os.walk(root, onerror=problem, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as exc:
            problem(exc)
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited:  # a symlink back up the tree
            dirs[:] = []
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in files:
            path = Path(folder, name)
            if path.suffix.lower() in FORMAT_BY_SUFFIX and (path.is_file() or path.is_symlink()):
                found.append((str(path), path))
    found.sort(key=lambda item: item[0])
    for _, item in found:
        yield item


def iter_checked(
    raw: str, seen: set[Path], max_bytes: int = MAX_POST_BYTES
) -> Iterator[Post | PostResult]:
    """The posts behind one path named on the command line (a file reached twice is read once)."""
    path = Path(raw)
    try:
        is_dir = path.is_dir()
    except OSError:
        is_dir = False
    for item in _walk(path) if is_dir else iter((path,)):
        if isinstance(item, PostResult):
            yield item
            continue
        key = _key(item)
        if key not in seen:
            seen.add(key)
            yield read_bounded(item, max_bytes)
