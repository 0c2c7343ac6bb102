"""Write files atomically: a temporary file beside the target, then one rename.

An interrupted run leaves either the old file or the new one, never half of either. The new file
keeps the old one's permission bits (a new file gets the usual umask-derived mode, not mkstemp's
0600), its owner and group (chown, as root), a symlink is followed so the link stays a link, and
``atomic_write_text`` writes text exactly as given (no newline translation), so CRLF files stay
CRLF. A device or FIFO (``-o /dev/null``) is written through, never replaced.

Two cases cannot be renamed over without changing the file: a file with hard links (the rename
would split them) and a file whose owner cannot be given to the temporary copy (we are not root).
Those are written in place, after the new content is complete and synced in the temporary copy,
with SIGTERM/SIGHUP held back meanwhile, and the old bytes put back if the write fails.

Temporaries are named ``.NAME.brandguard-PID-XXXXXXXX.tmp``. SIGTERM and SIGHUP remove them before
the process dies of the signal; what ``kill -9`` leaves is recognisable by that name, and the next
write into the same folder removes the temporaries of processes that no longer exist.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import signal
import stat
import sys
import tempfile
import threading
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


TEMP_MARK = "brandguard"
_TEMP_RE = re.compile(rf"^\..*\.{TEMP_MARK}-(\d+)-[^.]+\.tmp$")
_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
_pending: set[str] = set()  # temporaries of this process that a signal must not leave behind
_previous: dict[int, object] = {}  # the handlers ours replaced while _pending is not empty
_swept: set[str] = set()  # folders already cleared of dead runs' temporaries


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but is someone else's
        return True
    return True


def sweep_stale(folder: Path) -> list[str]:
    """Remove temporaries that a killed brandguard left in ``folder`` (once per folder and run);
    returns their names. Only POSIX: elsewhere ``os.kill(pid, 0)`` is no harmless probe."""
    key = str(folder)
    if os.name != "posix" or key in _swept:
        return []
    _swept.add(key)
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = _TEMP_RE.match(entry.name)
            if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


def _forget_in_child() -> None:
    """A forked worker (``audit -j``) inherits the handler, not the temporaries: when its parent
    stops it with SIGTERM it must not remove the report its parent is writing."""
    _pending.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def _on_signal(signum: int, frame: object) -> None:
    """Remove our temporaries, then let the signal do what it would have done."""
    mark = f".{TEMP_MARK}-{os.getpid()}-"
    for tmp in list(_pending):
        if mark in os.path.basename(tmp):  # never another process's
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _pending.clear()
    previous = _previous.get(signum, signal.SIG_DFL)
    for sig, handler in _previous.items():
        signal.signal(sig, handler)  # type: ignore[arg-type]
    _previous.clear()
    if callable(previous):
        previous(signum, frame)
    elif previous != signal.SIG_IGN:
        os.kill(os.getpid(), signum)  # the default action: die of it, with its exit status


@contextlib.contextmanager
def _removed_on_signal(tmp: str) -> Iterator[None]:
    main = threading.current_thread() is threading.main_thread()
    if main and not _pending:
        for sig in _SIGNALS:
            current = signal.getsignal(sig)
            if current != signal.SIG_IGN:  # `nohup`: an ignored SIGHUP stays ignored
                _previous[sig] = current
                signal.signal(sig, _on_signal)
    _pending.add(tmp)
    try:
        yield
    finally:
        _pending.discard(tmp)
        if main and not _pending:
            for sig, handler in _previous.items():
                signal.signal(sig, handler)  # type: ignore[arg-type]
            _previous.clear()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM/SIGHUP wait until an in-place write is whole (their handler runs right after)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _owner_kept(tmp: str, info: os.stat_result) -> bool:
    """Give ``tmp`` the target's owner and group; False when we may not (not root)."""
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return True
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except (PermissionError, AttributeError):  # AttributeError: no chown (Windows)
        return False
    return True


def _write_in_place(tmp: str, target: Path) -> None:
    """Copy the finished ``tmp`` over ``target``'s own bytes (same inode: links, owner, mode,
    ACLs kept); if that fails, the old bytes are put back."""
    new = Path(tmp).read_bytes()
    if len(new) != os.path.getsize(tmp):  # pragma: no cover - the copy changed under us
        raise OSError(f"the temporary copy {tmp} changed while it was read")
    with _signals_held(), open(target, "r+b") as handle:
        old = handle.read()
        try:
            handle.seek(0)
            handle.write(new)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:
            handle.seek(0)
            handle.write(old)
            handle.truncate()
            handle.flush()
            raise


@contextlib.contextmanager
def _atomic_binary(path: str | Path) -> Iterator[BinaryIO]:
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    mode = stat.S_IMODE(info.st_mode) if info else _default_mode()
    sweep_stale(target.parent)
    prefix = f".{target.name[:120]}.{TEMP_MARK}-{os.getpid()}-"
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    with _removed_on_signal(tmp):
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            if info is not None and (info.st_nlink > 1 or not _owner_kept(tmp, info)):
                _write_in_place(tmp, target)
                os.unlink(tmp)
            else:
                os.chmod(tmp, mode)  # after chown, which clears set-id bits
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
