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
``text.store.set_enabled(False)``) neither reads nor writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..text.store import (
    cache_dir,
    load,
    store,
    trusted_file,
    unlink,
    write_atomic,
)

KEEP_ENTRIES = 16
KEEP_INDEXES = 64


def _digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:32]


def _sha(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def code_stamp() -> list[Any]:
    """What must match for a pickle to be loadable and correct: versions and our own code.

    spaCy's version is read from its ``about.py``: importing spaCy costs 0.7 s (and
    ``importlib.metadata`` 30 ms), which a re-audit answered from the result cache never needs
    (engine/result_cache.py).
    """
    from ..version import __version__

    files: list[tuple[str, int, int]] = []
    folders = [str(Path(__file__).resolve().parents[1])]  # the package and its subpackages
    while folders:
        for entry in sorted(os.scandir(folders.pop(0)), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                st = entry.stat()
                files.append((entry.path, st.st_size, st.st_mtime_ns))
            elif entry.is_dir() and not entry.name.startswith(("_", ".")):
                folders.append(entry.path)
    return [
        __version__,
        _spacy_version(),
        sys.version,
        _digest(files),
    ]


def _spacy_version() -> str:
    import importlib.util
    import re

    spec = importlib.util.find_spec("spacy")
    try:
        about = Path(str(spec.origin)).with_name("about.py").read_text(encoding="utf-8")
    except (AttributeError, OSError):
        about = ""
    found = re.search(r"__version__\s*=\s*[\"']([^\"']+)", about)
    if found:
        return found.group(1)
    import spacy  # an unusual install: ask spaCy itself

    return str(spacy.__version__)


def _request(
    policy_ref: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    found: tuple[str, str | None] | None | bool = False,
) -> str:
    """The cache key of a run's policy; ``found`` (a config file and its text, or None for the
    bundled default) names a nearest policy (policy/resolution.py) instead of ``policy_ref``."""
    from ..policy.config import discover

    if found is not False:
        return _digest("nearest", found, list(select), list(ignore), code_stamp())
    if not policy_ref:
        hit = discover()
        found = None if hit is None else (str(hit[0]), hit[1])
    else:
        found = None
    return _digest(policy_ref, os.getcwd(), found, list(select), list(ignore), code_stamp())


def _current_entry(folder: Path, request: str) -> str | None:
    """The entry the index of ``request`` names, when every file it lists still hashes the same."""
    index_path = folder / f"{request}.json"
    if not trusted_file(index_path):
        return None
    index = json.loads(index_path.read_text(encoding="utf-8"))
    deps, entry = index["deps"], index["entry"]
    if any(_sha(path) != digest for path, digest in deps):
        return None  # the policy changed: compile, and this index is overwritten
    return str(entry)


def entry_digest(
    policy_ref: str | None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    found: tuple[str, str | None] | None | bool = False,
) -> str | None:
    """The compiled policy's hash (its entry name: policy files, request, code stamp) without
    loading it, or None when it is not in the cache (not compiled yet, not cacheable);
    ``found`` names a nearest policy as in ``_request``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return _current_entry(folder, _request(policy_ref, select, ignore, found))
    except Exception:  # a damaged index: load_compiled deletes and rewrites it
        return None


def _read_entry(folder: Path, request: str) -> tuple[Any, Any] | None:
    index_path = folder / f"{request}.json"
    if not trusted_file(index_path):
        return None
    broken = [index_path]
    try:
        entry = _current_entry(folder, request)
        if entry is None:
            return None
        entry_path = folder / f"{entry}.pickle"
        if not trusted_file(entry_path):
            return None
        broken.append(entry_path)
        payload = load(entry_path)
        policy, compiled = payload["policy"], payload["compiled"]
        from ..policy.loader import Policy
        from .compiler import CompiledPolicy

        if not isinstance(policy, Policy) or not isinstance(compiled, CompiledPolicy):
            raise ValueError("unexpected objects in cache entry")
        return policy, compiled
    except Exception:  # corrupt, truncated or incompatible: forget it and compile
        for path in broken:
            unlink(path)
        return None


def _prune(folder: Path, suffix: str, keep: int) -> None:
    entries = sorted(
        (p for p in folder.glob(f"*{suffix}") if p.is_file()),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        unlink(old)


def _write_entry(
    folder: Path, request: str, deps: Iterable[str], policy: Any, compiled: Any
) -> None:
    hashed = [(path, _sha(path)) for path in sorted(set(deps))]
    if any(digest is None for _, digest in hashed):
        return
    entry = _digest(hashed, request)
    try:
        store(folder / f"{entry}.pickle", {"policy": policy, "compiled": compiled})
        write_atomic(
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
    from ..policy.config import resolve_policy

    return _cached(
        _request(policy_ref, select, ignore), lambda: resolve_policy(policy_ref), select, ignore
    )


def load_compiled_config(
    found: tuple[Path, str | None] | None, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[Any, Any]:
    """(Policy, CompiledPolicy) of one config file (``policy.resolution``; None: the bundled
    default), cached per file: a run over folders with different policies compiles each once."""
    from ..policy.loader import load_policy

    def load() -> Any:
        if found is None:
            return load_policy("default")
        path, text = found
        return load_policy(path) if text is None else load_policy(path, text=text)

    key = None if found is None else (str(found[0]), found[1])
    return _cached(_request(None, select, ignore, key), load, select, ignore)


def _cached(
    request: str, load: Callable[[], Any], select: Sequence[str], ignore: Sequence[str]
) -> tuple[Any, Any]:
    from .compiler import compile_policy

    folder = cache_dir()
    if folder is None:
        policy = load()
        return policy, compile_policy(policy, list(select) or None, list(ignore))
    hit = _read_entry(folder, request)
    if hit is not None:
        return hit
    from ..policy.yamlio import recording_reads

    with recording_reads() as reads:
        policy = load()
    compiled = compile_policy(policy, list(select) or None, list(ignore))
    if policy.pipeline is None and not compiled.trained:
        compiled.compile_variants()  # every language in the entry: no later run compiles one
        _write_entry(folder, request, [str(p) for p in reads], policy, compiled)
    return policy, compiled
