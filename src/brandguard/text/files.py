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
from .sources import SKIP_DIRS, _suffix, format_for, read_bytes, unreadable

__all__ = ["MAX_POST_BYTES", "Stdin", "iter_checked", "read_bounded", "read_stdin"]


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"cannot read ({exc.strerror or exc})"


def _key(path: Path) -> str:
    """The resolved path that says two names are one file (``seen``)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop: Python 3.11 raises RuntimeError
        return str(path.absolute())


def read_bounded(path: Path | str, max_bytes: int = MAX_POST_BYTES) -> Post | PostResult:
    """``sources.read_file`` that stops after ``max_bytes`` (devices, FIFOs, huge files)."""
    name = str(path)
    try:
        data = read_bytes(name, max_bytes + 1)
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
    return parse(source, format_for(name), name, name)


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


def _walk(root: Path) -> Iterator[tuple[str, str] | PostResult]:
    """``(path, resolved path)`` of the files with a known suffix under ``root``, sorted by
    path, and one BG003 result per unreadable folder.

    One ``scandir`` per folder, as ``os.walk`` would, but its entries' types are reused and a
    file's resolved path is its folder's (resolved once) joined with its name unless the file is
    a symlink: a ``Path``, an ``is_file`` stat and a ``resolve`` per file were a tenth of
    ``check`` on 20k small files. Folders are entered in name order, so a folder reached twice
    is always walked under the same name (``os.walk`` took the directory's own order)."""
    found: list[tuple[str, tuple[str, str] | PostResult]] = []
    visited: set[tuple[int, int]] = set()

    def problem(exc: OSError, folder: str) -> None:
        name = str(exc.filename or folder)
        found.append((name, unreadable(name, name, f"{name}: {_reason(exc)}")))

    def visit(folder: str) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
            info = os.stat(folder)
        except OSError as exc:
            problem(exc, folder)
            return
        if (info.st_dev, info.st_ino) in visited:  # a symlink back up the tree
            return
        visited.add((info.st_dev, info.st_ino))
        shown = str(Path(folder))  # as Path(folder, name) prints: "./a.md" is "a.md"
        real = os.path.realpath(folder)
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if name not in SKIP_DIRS:
                    visit(os.path.join(folder, name))
                continue
            if _suffix(name) not in FORMAT_BY_SUFFIX:
                continue
            try:
                link = entry.is_symlink()
                if not (link or entry.is_file()):
                    continue
            except OSError:
                continue
            path = name if shown == "." else os.path.join(shown, name)
            key = _key(Path(path)) if link else os.path.join(real, name)
            found.append((path, (path, key)))

    visit(str(root))
    found.sort(key=lambda item: item[0])
    for _, item in found:
        yield item


def iter_checked(
    raw: str, seen: set[str], max_bytes: int = MAX_POST_BYTES
) -> Iterator[Post | PostResult]:
    """The posts behind one path named on the command line (a file reached twice is read once)."""
    path = Path(raw)
    try:
        is_dir = path.is_dir()
    except OSError:
        is_dir = False
    for item in _walk(path) if is_dir else iter(((str(path), _key(path)),)):
        if isinstance(item, PostResult):
            yield item
            continue
        name, key = item
        if key not in seen:
            seen.add(key)
            yield read_bounded(name, max_bytes)
