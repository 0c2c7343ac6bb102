"""``audit --jobs N``: rows checked in worker processes, results back in input order.

The parent reads and decodes the exports (``text/exports.py``) but does not parse the rows: each
travels as its raw fields ``(text, format, id, path, metadata)`` in chunks of ``CHUNK`` rows. A
worker, forked so that it inherits the compiled policy instead of unpickling it, parses and checks
a chunk and sends back each result as its result-cache entry (``_compact``: the audit record
rendered, as bytes), which the parent stores and writes as it came; a result the cache does not
keep (unreadable, a regex timeout) comes back whole, without its source text (the audit writers
never read it). At most two chunks per worker are in flight, so memory stays flat; the last
chunk goes out in pieces, so that the workers finish together. Results are yielded in input
order, so the output is the same as with one job. An input that fits in one chunk is checked in
the parent, with no pool at all. A PostResult among the rows (an unreadable row, or a result
from the result cache, ``result_cache.py``) stays in the parent and takes its place in the order:
workers only check what needs checking. Each chunk is checked in a memory zone (``memory.py``).

The pool is ``concurrent.futures``' process pool: a worker that dies (killed for memory, a crash in
an extension) breaks the pool and the audit stops with an error, where ``multiprocessing.Pool``
would replace the worker, lose its chunk and wait for it forever.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any

from ..errors import BrandguardError
from ..model import PostResult
from .memory import CHUNK, LazyCompiled, check_chunk, chunks, resolve, warm
from .result_cache import cacheable
from .result_codec import CachedResult, encode

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


Sent = tuple[str, str | None, bytes] | PostResult  # what crosses the pipe for one post


def _work(chunk: list[Any]) -> list[Sent]:
    assert _COMPILED is not None
    return [_compact(result) for result in check_chunk(_COMPILED, chunk)]


def _compact(result: PostResult) -> Sent:
    """A checked result as it crosses the pipe: its result-cache entry (``result_codec.py``: the
    audit record rendered, the verdict, the rest marshalled) with its id and path, where it can
    have one, else the result without its source.

    Why: pickling the findings and scores of a chunk and unpickling them in the parent cost
    46 µs a post, and the parent then rendered the record and the entry (49 µs); an entry
    rendered here crosses as bytes and is opened in 8 µs, undecoded until a writer reads the
    findings (CSV, HTML). The parent has that much less to do while the workers check."""
    if cacheable(result):
        return result.id, result.path, encode(result)
    return replace(result, source="") if result.source else result


def _opened(sent: Sent) -> PostResult:
    if isinstance(sent, PostResult):
        return sent
    post_id, path, entry = sent
    return CachedResult.load(entry, post_id, path, "")


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
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[list[Any], Future[list[Sent]] | None]] = deque()
    try:
        # the first chunk is not the last: it goes out (forking the pool) before any read-ahead
        for chunk in chain((first,), _tapered(chain((second,), rows), 2 * jobs)):
            if pool is None and not all(isinstance(item, PostResult) for item in chunk):
                _COMPILED = resolve(compiled)
                warm(_COMPILED)
                context = multiprocessing.get_context("fork")
                pool = ProcessPoolExecutor(jobs, mp_context=context)  # forks every worker now
            pending.append(_submit(pool, chunk))
            # down to 2 * jobs - 1 before _tapered reads the chunk after next: the result
            # cache's look-up of that chunk sees as many earlier results as when chunks were
            # not read ahead (a post repeated there is read, not checked again)
            while len(pending) >= 2 * jobs:
                yield from _merge(*pending.popleft())
        while pending:
            yield from _merge(*pending.popleft())
    finally:
        if pool is not None:  # idle workers exit at once; a busy one finishes its chunk
            pool.shutdown(wait=True, cancel_futures=True)
        _COMPILED = None


def _tapered(rows: Iterator[list[Any]], pieces: int) -> Iterator[list[Any]]:
    """The chunks of ``rows``, the last cut into ``pieces``: the workers finish within a piece
    of each other, where one used to idle while another checked a whole last chunk."""
    last: list[Any] = []
    for chunk in rows:
        if last:
            yield last
        last = chunk
    size = max(1, -(-len(last) // pieces))
    for start in range(0, len(last), size):
        yield last[start : start + size]


def _submit(
    pool: ProcessPoolExecutor | None, chunk: list[Any]
) -> tuple[list[Any], Future[list[Sent]] | None]:
    """Send the rows of ``chunk`` that need checking to a worker; PostResults stay here."""
    todo = [item for item in chunk if not isinstance(item, PostResult)]
    return chunk, pool.submit(_work, todo) if todo and pool is not None else None


def _merge(chunk: list[Any], task: Future[list[Sent]] | None) -> Iterator[PostResult]:
    try:
        checked = iter(task.result() if task is not None else ())
    except BrokenProcessPool as exc:
        raise BrandguardError(
            "a worker process of --jobs stopped unexpectedly (out of memory?); "
            "run again with --jobs 1 to see which post fails"
        ) from exc
    for item in chunk:
        yield item if isinstance(item, PostResult) else _opened(next(checked))
