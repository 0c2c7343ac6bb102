"""What the commands do between reading options and printing: gather posts, check, decide exit."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import SEVERITY_RANK, PostResult
from ..text.exports import ExportOptions
from ..text.files import MAX_POST_BYTES, iter_checked, read_stdin_bounded
from ..text.sources import iter_posts
from .memory import LazyCompiled, check_stream
from .parallel import can_fork, check_parallel
from .result_cache import ResultCache, through_cache

if TYPE_CHECKING:  # the check modules load spaCy's world: not needed for cached results
    from ..compile.compiler import CompiledPolicy
    from ..policy.loader import Policy


def check_paths(
    policy: Policy,
    paths: Sequence[str],
    select: list[str],
    ignore: list[str],
    stdin_filename: str | None = None,
    compiled: CompiledPolicy | None = None,
    max_bytes: int = MAX_POST_BYTES,
) -> list[PostResult]:
    from ..compile.compiler import compile_policy
    from .check import check_posts

    if compiled is None:
        compiled = compile_policy(policy, select or None, ignore)

    def posts() -> Iterator:
        seen: set[Path] = set()  # a file named twice is checked (and fixed) once
        for path in paths:
            if path == "-":
                yield read_stdin_bounded(stdin_filename, max_bytes)
            else:
                yield from iter_checked(path, seen, max_bytes)

    return list(check_posts(compiled, posts()))


def audit_results(
    compiled: CompiledPolicy | LazyCompiled,
    paths: Iterable[str],
    options: ExportOptions,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> Iterator[tuple[PostResult, dict[str, Any]]]:
    """Each post's result with the other columns of its row (``{}`` for whole files), in order.

    With ``jobs`` > 1 the rows are parsed and checked in that many processes (``parallel.py``);
    with a result ``cache``, only the posts it does not hold are checked (``result_cache.py``).
    """
    columns: deque[dict[str, Any]] = deque()
    raw = iter_posts(paths, options=replace(options, raw=True), columns=columns)
    if jobs > 1 and can_fork():

        def check(items: Iterable[Any]) -> Iterator[PostResult]:
            return check_parallel(compiled, items, jobs)

    else:

        def check(items: Iterable[Any]) -> Iterator[PostResult]:
            return check_stream(compiled, items)

    results = check(raw) if cache is None else through_cache(cache, raw, check)
    for result in results:
        yield result, columns.popleft()


def post_fails(result: PostResult, threshold: int | None, fail_under: float | None) -> bool:
    """A finding at or above ``threshold`` (a severity rank), unreadable, or under the bar."""
    if threshold is not None and any(
        SEVERITY_RANK[f.severity] >= threshold for f in result.findings
    ):
        return True
    if result.error:
        return True
    if fail_under is not None:
        return result.score.total < fail_under or bool(result.score.blocking)
    return not result.score.passed


def exit_code(results: Sequence[PostResult], fail_on: str, fail_under: float | None) -> int:
    """1 when a finding reaches --fail-on or a post fails its bar; else 0."""
    threshold = SEVERITY_RANK.get(fail_on)
    return int(any(post_fails(r, threshold, fail_under) for r in results))
