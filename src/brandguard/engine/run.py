"""What the commands do between reading options and printing: gather posts, check, decide exit."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..model import SEVERITY_RANK, PostResult
from ..text.exports import ExportOptions
from ..text.files import MAX_POST_BYTES, Stdin, iter_checked, read_stdin
from ..text.sources import iter_posts
from .memory import LazyCompiled, check_stream, resolve
from .parallel import can_fork, check_parallel
from .result_cache import ResultCache, through_cache

if TYPE_CHECKING:  # the check modules load spaCy's world: not needed for cached results
    from ..compile.compiler import CompiledPolicy
    from ..policy.loader import Policy
    from .check import Router


def check_paths(
    policy: Policy,
    paths: Sequence[str],
    select: list[str],
    ignore: list[str],
    stdin_filename: str | None = None,
    compiled: CompiledPolicy | Router | None = None,
    max_bytes: int = MAX_POST_BYTES,
    stdin: Stdin | None = None,
) -> list[PostResult]:
    """Check every post the paths name; ``-`` is standard input (``stdin`` when already read).

    Posts go through ``memory.check_stream`` like an audit's rows: chunk by chunk, in memory
    zones once the vocabulary is warm, with the tokenizer remembering ``memory.CACHED_CHUNKS``
    splits instead of spaCy's 10,000 (a check of the real mix's 19,679 files split every word
    again past the first few thousand posts: tokenizing took 1.7x as long as in ``audit``)."""
    from ..compile.compiler import compile_policy

    if compiled is None:
        compiled = compile_policy(policy, select or None, ignore)

    def posts() -> Iterator:
        seen: set[str] = set()  # a file named twice is checked (and fixed) once
        for path in paths:
            if path == "-":
                yield (stdin or read_stdin(stdin_filename, max_bytes)).post()
            else:
                yield from iter_checked(path, seen, max_bytes)

    return list(check_stream(compiled, posts()))


def audit_results(
    compiled: CompiledPolicy | Router | LazyCompiled,
    paths: Iterable[str],
    options: ExportOptions,
    jobs: int = 1,
    cache: ResultCache | None = None,
    keep_source: bool = False,
    client: Any = None,
) -> Iterator[tuple[PostResult, dict[str, Any]]]:
    """Each post's result with the other columns of its row (``{}`` for whole files), in order.

    With ``jobs`` > 1 the rows are parsed and checked in that many processes (``parallel.py``),
    or with a Dask ``client`` on its cluster (``distributed.py``); with a result ``cache``, only
    the posts it does not hold are checked (``result_cache.py``). Workers send results back
    without their text; ``keep_source`` puts it back (the HTML report quotes posts) from the
    rows still in flight, so memory stays bounded.
    """
    columns: deque[dict[str, Any]] = deque()
    texts: deque[str] = deque()
    paths = list(paths)
    raw = iter_posts(paths, options=replace(options, raw=True), columns=columns)
    if keep_source:
        raw = _remember_text(raw, texts)
    if client is not None:
        from .distributed import check_on_cluster, one_policy

        def check(items: Iterable[Any]) -> Iterator[PostResult]:
            return check_on_cluster(client, one_policy(resolve(compiled), paths), items)

    elif jobs > 1 and can_fork():

        def check(items: Iterable[Any]) -> Iterator[PostResult]:
            return check_parallel(compiled, items, jobs)

    else:

        def check(items: Iterable[Any]) -> Iterator[PostResult]:
            return check_stream(compiled, items)

    results = check(raw) if cache is None else through_cache(cache, raw, check)
    for result in results:
        if texts:
            text = texts.popleft()
            if not result.source and text:
                result = replace(result, source=text)
        yield result, columns.popleft()


def _remember_text(items: Iterable[Any], texts: deque[str]) -> Iterator[Any]:
    """Pass raw rows (``(text, format, …)`` tuples), Posts or PostResults on, noting each text."""
    for item in items:
        texts.append(item[0] if isinstance(item, tuple) else getattr(item, "source", ""))
        yield item


def post_fails(result: PostResult, threshold: int | None, fail_under: float | None) -> bool:
    """A finding at or above ``threshold`` (a severity rank), unreadable, or under the bar."""
    verdict = result.verdict()
    if threshold is not None and verdict.worst >= threshold:
        return True
    if result.error:
        return True
    if fail_under is not None:
        return verdict.total < fail_under or bool(verdict.blocking)
    return not verdict.passed


def exit_code(results: Sequence[PostResult], fail_on: str, fail_under: float | None) -> int:
    """1 when a finding reaches --fail-on or a post fails its bar; else 0."""
    threshold = SEVERITY_RANK.get(fail_on)
    return int(any(post_fails(r, threshold, fail_under) for r in results))
