"""The user's cache directory and the pickles kept in it: one reader and one writer.

Text-level stores live here (the syllable table's SQLite file and pyphen's parsed patterns,
syllables.py) and so does the compiled-policy cache (compile/cache.py), which builds on these
helpers. Pickles execute code when loaded, so files are read only from the user's own cache
directory: ``$BRANDGUARD_CACHE_DIR`` or platformdirs' user cache dir, created 0700, and a
directory or file not owned by the current user or writable by others is ignored. ``MAGIC`` starts
every pickle; it names the layout of the package, so a pickle from before a move of classes is
never loaded. ``--no-cache`` (or ``set_enabled(False)``) neither reads nor writes.
"""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path
from typing import Any

ENV_DIR = "BRANDGUARD_CACHE_DIR"
MAGIC = b"brandguard-policy-cache 2\n"
_enabled = True


def set_enabled(flag: bool) -> None:
    global _enabled
    _enabled = flag


def enabled() -> bool:
    return _enabled


def _base_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brandguard", appauthor=False))


def _trusted(st: os.stat_result) -> bool:
    if os.name != "posix":
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def cache_dir() -> Path | None:
    """The cache directory (created), or None when disabled, unusable or not the user's own."""
    if not _enabled:
        return None
    path = _base_dir()
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = path.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or not _trusted(st) or not os.access(path, os.W_OK):
        return None
    return path


def file_path(name: str) -> Path | None:
    folder = cache_dir()
    return folder / name if folder is not None else None


def load(path: Path) -> Any:
    """Unpickle a file of ours; raises on anything else. The cyclic garbage collector is paused.

    Why the pause: loading creates tens of thousands of containers, and each 700 allocations wake
    the collector, which then walks spaCy's objects too: 35 of the 42 ms that pyphen's patterns
    took to load, in a process that had imported spaCy. Nothing loaded here is garbage yet.
    """
    import gc

    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise ValueError("not a brandguard cache file")
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data[len(MAGIC) :])
    finally:
        if paused:
            gc.enable()


def store(path: Path, value: Any) -> None:
    write_atomic(path, MAGIC + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def read_object(name: str) -> Any | None:
    """What ``write_object`` stored under ``name``, or None when missing, not ours or damaged."""
    path = file_path(name)
    if path is None or not trusted_file(path):
        return None
    try:
        return load(path)
    except Exception:  # truncated or from an incompatible library: the caller rebuilds it
        unlink(path)
        return None


def write_object(name: str, value: Any) -> None:
    """Pickle ``value`` into the cache as ``name`` (atomically); silently skipped if impossible.

    Names must not end in ``.pickle`` or ``.json``: those are policy entries, pruned by count.
    """
    path = file_path(name)
    if path is None:
        return
    try:
        store(path, value)
    except Exception:  # a full disk or an object that does not pickle: just don't cache
        pass


def trusted_file(path: Path) -> bool:
    """True when ``path`` is a regular file of ours that nobody else can write."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and _trusted(st)


def unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def write_atomic(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        unlink(Path(tmp))
        raise
