"""``audit --jobs N``: rows checked in worker processes, results back in input order.

The parent reads and decodes the exports (``text/exports.py``) but does not parse the rows: each
travels as its raw fields ``(text, format, id, path, metadata)`` in chunks of ``CHUNK`` rows. A
worker, forked so that it inherits the compiled policy instead of unpickling it, parses and checks
a chunk and sends back its PostResults without their source text (the audit writers never read
it). At most two chunks per worker are in flight, so memory stays flat; results are yielded in
input order, so the output is the same as with one job. An input that fits in one chunk is checked
in the parent, with no pool at all. A PostResult among the rows (an unreadable row, or a result
from the result cache, ``result_cache.py``) stays in the parent and takes its place in the order:
workers only check what needs checking. Each chunk is checked in a memory zone (``memory.py``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..model import PostResult
from .memory import CHUNK, LazyCompiled, check_chunk, chunks, resolve

if TYPE_CHECKING:
    from ..compile.compiler import CompiledPolicy

__all__ = ["CHUNK", "available_cores", "can_fork", "check_parallel"]
_COMPILED: CompiledPolicy | None = None  # set in the parent before forking


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _check(compiled: CompiledPolicy | LazyCompiled, chunk: list[Any]) -> list[PostResult]:
    return [
        replace(result, source="") if result.source else result
        for result in check_chunk(compiled, chunk)
    ]


def _work(chunk: list[Any]) -> list[PostResult]:
    assert _COMPILED is not None
    return _check(_COMPILED, chunk)


def check_parallel(
    compiled: CompiledPolicy | LazyCompiled, items: Iterable[Any], jobs: int
) -> Iterator[PostResult]:
    """Check raw rows (tuples for ``parse``), Posts and PostResults with ``jobs`` processes.

    The pool is started (and a lazy policy loaded, before forking) at the first chunk that has
    something to check, so a re-audit answered from the result cache forks nothing.
    """
    global _COMPILED
    rows = chunks(items, CHUNK)
    first = next(rows, [])
    second = next(rows, None)
    if second is None:
        yield from _check(compiled, first)
        return
    pool = None
    pending: deque[tuple[list[Any], Any]] = deque()
    try:
        for chunk in chain((first, second), rows):
            if pool is None and not all(isinstance(item, PostResult) for item in chunk):
                _COMPILED = resolve(compiled)
                pool = multiprocessing.get_context("fork").Pool(jobs)
            pending.append(_submit(pool, chunk))
            while len(pending) > 2 * jobs:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
    finally:
        if pool is not None:
            pool.terminate()
        _COMPILED = None


def _submit(pool: Any, chunk: list[Any]) -> tuple[list[Any], Any]:
    """Send the rows of ``chunk`` that need checking to a worker; PostResults stay here."""
    todo = [item for item in chunk if not isinstance(item, PostResult)]
    return chunk, pool.apply_async(_work, (todo,)) if todo and pool is not None else None


def _merge(chunk: list[Any], task: Any) -> Iterator[PostResult]:
    checked = iter(task.get() if task is not None else ())
    for item in chunk:
        yield item if isinstance(item, PostResult) else next(checked)
