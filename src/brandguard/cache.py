"""The compiled-policy cache: start a check without parsing YAML or building matchers.

Compiling the default policy (YAML, validation, ``spacy.blank``, PhraseMatchers, Matcher) takes
about a second; unpickling the result takes about a tenth of that. An entry is
``(Policy, CompiledPolicy)`` pickled, found in two steps:

1. the *request* — policy reference, working directory, the config file discovery found (and the
   ``[tool.brandguard]`` text), ``--select``/``--ignore`` and the code stamp — names a small JSON
   index listing every file the policy was built from with its SHA-256;
2. when all those files still hash the same, the index names the entry (a hash of the same
   contents), which is loaded.

The code stamp covers brandguard's version and source files (size and mtime, so an edited
checkout never loads stale objects), spaCy's version and Python's. Policies naming a trained
``pipeline:`` are not cached (whether the model is installed can change under us).

Pickles execute code when loaded, so entries are read only from the user's own cache directory:
``$BRANDGUARD_CACHE_DIR`` or platformdirs' user cache dir, created 0700, and a directory or file
not owned by the current user or writable by others is ignored. Anything unreadable, truncated
or from another version is deleted and the policy is compiled as usual. ``--no-cache`` (or
``set_enabled(False)``) neither reads nor writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ENV_DIR = "BRANDGUARD_CACHE_DIR"
MAGIC = b"brandguard-policy-cache 1\n"
KEEP_ENTRIES = 16
KEEP_INDEXES = 64

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


def _load(path: Path) -> Any:
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


def _store(path: Path, value: Any) -> None:
    _write_atomic(path, MAGIC + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def read_object(name: str) -> Any | None:
    """What ``write_object`` stored under ``name``, or None when missing, not ours or damaged."""
    path = file_path(name)
    if path is None or not trusted_file(path):
        return None
    try:
        return _load(path)
    except Exception:  # truncated or from an incompatible library: the caller rebuilds it
        _unlink(path)
        return None


def write_object(name: str, value: Any) -> None:
    """Pickle ``value`` into the cache as ``name`` (atomically); silently skipped if impossible.

    Names must not end in ``.pickle`` or ``.json``: those are policy entries, pruned by count.
    """
    path = file_path(name)
    if path is None:
        return
    try:
        _store(path, value)
    except Exception:  # a full disk or an object that does not pickle: just don't cache
        pass


def trusted_file(path: Path) -> bool:
    """True when ``path`` is a regular file of ours that nobody else can write."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and _trusted(st)


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _sha(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def code_stamp() -> list[Any]:
    """What must match for a pickle to be loadable and correct: versions and our own code."""
    import spacy

    from . import __version__

    package = Path(__file__).resolve().parent
    files = []
    for folder in (package, *(p for p in sorted(package.iterdir()) if p.is_dir())):
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                st = entry.stat()
                files.append((entry.path, st.st_size, st.st_mtime_ns))
    return [
        __version__,
        spacy.__version__,
        sys.version,
        _digest(files),
    ]


def _request(policy_ref: str | None, select: Sequence[str], ignore: Sequence[str]) -> str:
    from .config import discover

    found = None
    if not policy_ref:
        hit = discover()
        found = None if hit is None else (str(hit[0]), hit[1])
    return _digest(policy_ref, os.getcwd(), found, list(select), list(ignore), code_stamp())


def _read_entry(folder: Path, request: str) -> tuple[Any, Any] | None:
    index_path = folder / f"{request}.json"
    if not trusted_file(index_path):
        return None
    broken = [index_path]
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
        deps, entry = index["deps"], index["entry"]
        if any(_sha(path) != digest for path, digest in deps):
            return None  # the policy changed: compile, and this index is overwritten
        entry_path = folder / f"{entry}.pickle"
        if not trusted_file(entry_path):
            return None
        broken.append(entry_path)
        payload = _load(entry_path)
        policy, compiled = payload["policy"], payload["compiled"]
        from .compiler import CompiledPolicy
        from .policy import Policy

        if not isinstance(policy, Policy) or not isinstance(compiled, CompiledPolicy):
            raise ValueError("unexpected objects in cache entry")
        return policy, compiled
    except Exception:  # corrupt, truncated or incompatible: forget it and compile
        for path in broken:
            _unlink(path)
        return None


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _write_atomic(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        _unlink(Path(tmp))
        raise


def _prune(folder: Path, suffix: str, keep: int) -> None:
    entries = sorted(
        (p for p in folder.glob(f"*{suffix}") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        _unlink(old)


def _write_entry(
    folder: Path, request: str, deps: Iterable[str], policy: Any, compiled: Any
) -> None:
    hashed = [(path, _sha(path)) for path in sorted(set(deps))]
    if any(digest is None for _, digest in hashed):
        return
    entry = _digest(hashed, request)
    try:
        _store(folder / f"{entry}.pickle", {"policy": policy, "compiled": compiled})
        _write_atomic(
            folder / f"{request}.json",
            json.dumps({"deps": hashed, "entry": entry}, indent=1).encode(),
        )
        _prune(folder, ".pickle", KEEP_ENTRIES)
        _prune(folder, ".json", KEEP_INDEXES)
    except Exception:  # a custom pipeline that does not pickle, or a full disk: just don't cache
        pass


def load_compiled(
    policy_ref: str | None, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[Any, Any]:
    """(Policy, CompiledPolicy) for a run: from the cache when valid, else loaded and compiled."""
    from .compiler import compile_policy
    from .config import resolve_policy

    folder = cache_dir()
    if folder is None:
        policy = resolve_policy(policy_ref)
        return policy, compile_policy(policy, list(select) or None, list(ignore))
    request = _request(policy_ref, select, ignore)
    hit = _read_entry(folder, request)
    if hit is not None:
        return hit
    from .yamlio import recording_reads

    with recording_reads() as reads:
        policy = resolve_policy(policy_ref)
    compiled = compile_policy(policy, list(select) or None, list(ignore))
    if policy.pipeline is None and not compiled.trained:
        _write_entry(folder, request, [str(p) for p in reads], policy, compiled)
    return policy, compiled
