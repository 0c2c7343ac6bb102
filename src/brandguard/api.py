"""The Python API: check a text or many posts with a policy, in-process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .compile.compiler import CompiledPolicy, compile_policy
from .engine.check import check_posts
from .model import PostResult
from .policy.loader import Policy, load_policy
from .text.formats import parse

_COMPILED: dict[int, tuple[Policy, CompiledPolicy]] = {}


def compiled_for(policy: Policy) -> CompiledPolicy:
    """Compile once per Policy object (check_text is called in loops)."""
    entry = _COMPILED.get(id(policy))
    if entry is None or entry[0] is not policy:
        if len(_COMPILED) > 8:
            _COMPILED.clear()
        entry = _COMPILED[id(policy)] = (policy, compile_policy(policy))
    return entry[1]


def _policy(policy: Policy | str | Path | None) -> Policy:
    return policy if isinstance(policy, Policy) else load_policy(policy)


def check_text(
    text: str,
    policy: Policy | str | Path | None = None,
    meta: dict[str, Any] | None = None,
    format: str = "text",
    post_id: str = "<text>",
    path: str | Path | None = None,
) -> PostResult:
    """Check one text; ``format`` is text, markdown or html. Returns findings and a score.

    With ``path`` and no ``policy``, the text is checked as that file would be: by the nearest
    ``.brandguard.yaml`` above it (else the bundled default), as ``brandguard check`` does.
    """
    if policy is None and path is not None:
        policy = nearest_policy(path)
    compiled = compiled_for(_policy(policy))
    post = parse(text, format, post_id, str(path) if path else None, meta)
    return next(check_posts(compiled, [post]))


def nearest_policy(path: str | Path) -> Policy:
    """The policy governing the file ``path``: the nearest config above it, else the default."""
    from .policy.resolution import Resolver

    found = Resolver().for_path(str(path))
    return load_policy("default") if found is None else _load_found(found)


_NEAREST: dict[tuple[str, str | None, int], Policy] = {}


def _load_found(found: tuple[Path, str | None]) -> Policy:
    """Loaded once per config file and its mtime (check_text(path=...) is called in loops; an
    edited parent it extends is seen by the next process)."""
    path, text = found
    key = (str(path), text, path.stat().st_mtime_ns)
    if key not in _NEAREST:
        if len(_NEAREST) > 8:
            _NEAREST.clear()
        _NEAREST[key] = load_policy(path) if text is None else load_policy(path, text=text)
    return _NEAREST[key]


def check_texts(
    texts: Iterable[str], policy: Policy | str | Path | None = None, format: str = "text"
) -> Iterator[PostResult]:
    """Check many texts in one pipelined pass (much faster than check_text in a loop)."""
    compiled = compiled_for(_policy(policy))
    posts = (parse(t, format, str(i), None) for i, t in enumerate(texts))
    return check_posts(compiled, posts)


__all__ = ["check_text", "check_texts", "compiled_for", "load_policy", "nearest_policy"]
