"""Opening ``audit``'s result cache: its file, and its context, the hash of every policy that may
govern the posts.

Why: a cached result is right only for the policy that produced it. With nearest-policy
resolution an export's rows follow the config file above it and a folder's posts the config files
inside it, so the context hashes each of them (``--policy``'s alone when given), read from the
compiled-policy cache's index without loading spaCy when it can (a re-audit answered from the cache
stays fast), else from the loaded policies.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .memory import LazyCompiled
from .result_cache import FILE_NAME, SCHEMA, ResultCache, Warn

if TYPE_CHECKING:
    from ..compile.compiler import CompiledPolicy


def policy_digest(compiled: CompiledPolicy) -> str:
    """A content hash of a compiled policy, for policies the compiled-policy cache cannot hold."""
    from ..compile.cache import code_stamp

    policy = compiled.policy
    payload = [
        policy.fingerprint(),
        policy.name,
        policy.scoring.__dict__,
        policy.settings,
        sorted(check.rule.id for check in compiled.checks),
        sorted(compiled.skipped),
        sorted(compiled.meta_rules),
        code_stamp(),
    ]
    if compiled.trained and compiled.nlp is not None:
        payload.append([compiled.nlp.meta.get("name"), compiled.nlp.meta.get("version")])
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _governing(paths: Iterable[str]) -> list[Any]:
    """Every config file that may govern a post of ``paths`` (policy/resolution.py): the nearest
    one above each input, and for a folder each config inside it too."""

    from ..policy.resolution import Resolver

    resolver = Resolver()
    found = []
    for path in paths:
        found.append(resolver.for_path(None if path == "-" else path))
        if path != "-" and os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                if ".brandguard.yaml" in files or "pyproject.toml" in files:
                    found.append(resolver.for_path(os.path.join(folder, "_")))
    keys = {None if f is None else (str(f[0]), f[1]) for f in found}
    return sorted(keys, key=str)


def open_for_audit(
    path: str | None,
    policy_ref: str | None,
    select: list[str],
    ignore: list[str],
    compiled: LazyCompiled,
    warn: Warn,
    paths: Iterable[str] = (),
) -> ResultCache | None:
    """The audit's result cache (``path``, else the user cache directory), or None without one.

    Its context is the compiled-policy cache's hash of every policy that may govern the posts
    (``--policy``'s, else each nearest config file's) when that cache holds them (no need to load
    a policy at all), else a content hash of the loaded policies.
    """
    from ..compile.cache import entry_digest
    from ..text.store import file_path

    where = Path(path).expanduser() if path else file_path(FILE_NAME)
    if where is None:
        return None
    requests: list[Any] = [False] if policy_ref else _governing(paths or ["."])

    def digests() -> list[str | None]:
        return [entry_digest(policy_ref, select, ignore, found) for found in requests]

    found = digests()
    if None in found:
        router = compiled.get()  # compiles and, when it can, stores the entries named next
        found = digests()
        if None in found:
            found = [policy_digest(c) for c in _compiled_policies(router, requests)]
    return ResultCache.open(where, f"{SCHEMA}:{':'.join(map(str, found))}", warn)


def _compiled_policies(router: Any, requests: list[Any]) -> list[CompiledPolicy]:
    """The compiled policies behind ``requests`` (a PolicyTree loads each config once)."""
    if not hasattr(router, "load_found"):
        return [router]
    return [router.load_found(None if r is None else (Path(r[0]), r[1])) for r in requests]
