"""``audit --jobs N``: rows checked in worker processes, results back in input order.

The parent reads and decodes the exports (``text/exports.py``) but does not parse the rows: each
travels as its raw fields ``(text, format, id, path, metadata)`` in chunks of ``CHUNK`` rows. A
worker, forked so that it inherits the compiled policy instead of unpickling it, parses and checks
a chunk and sends back its PostResults without their source text (the audit writers never read
it). At most two chunks per worker are in flight, so memory stays flat; results are yielded in
input order, so the output is the same as with one job. An input that fits in one chunk is checked
in the parent, with no pool at all.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from ..compile.compiler import CompiledPolicy
from ..model import PostResult
from ..text.formats import parse
from .check import check_posts

CHUNK = 250  # rows a task: large enough that pickling and scheduling stay a few percent
_COMPILED: CompiledPolicy | None = None  # set in the parent before forking


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _posts(chunk: list[Any]) -> Iterator[Any]:
    for item in chunk:
        yield parse(*item) if isinstance(item, tuple) else item


def _check(compiled: CompiledPolicy, chunk: list[Any]) -> list[PostResult]:
    return [
        replace(result, source="") if result.source else result
        for result in check_posts(compiled, _posts(chunk), batch_size=256)
    ]


def _work(chunk: list[Any]) -> list[PostResult]:
    assert _COMPILED is not None
    return _check(_COMPILED, chunk)


def check_parallel(
    compiled: CompiledPolicy, items: Iterable[Any], jobs: int
) -> Iterator[PostResult]:
    """Check raw rows (tuples for ``parse``), Posts and PostResults with ``jobs`` processes."""
    global _COMPILED
    rows = iter(items)
    first = list(islice(rows, CHUNK))
    second = list(islice(rows, CHUNK))
    if not second:
        yield from _check(compiled, first)
        return
    _COMPILED = compiled
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        pending = deque([pool.apply_async(_work, (first,)), pool.apply_async(_work, (second,))])
        while True:
            chunk = list(islice(rows, CHUNK))
            if chunk:
                pending.append(pool.apply_async(_work, (chunk,)))
            while pending and (len(pending) > 2 * jobs or not chunk):
                yield from pending.popleft().get()
            if not chunk:
                break
    _COMPILED = None
