"""What the commands do between reading options and printing: gather posts, check, decide exit."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..compile.compiler import CompiledPolicy, compile_policy
from ..model import SEVERITY_RANK, PostResult
from ..policy.loader import Policy
from ..text.files import MAX_POST_BYTES, iter_checked, read_stdin_bounded
from ..text.sources import iter_posts
from .check import check_posts


def check_paths(
    policy: Policy,
    paths: Sequence[str],
    select: list[str],
    ignore: list[str],
    stdin_filename: str | None = None,
    compiled: CompiledPolicy | None = None,
    max_bytes: int = MAX_POST_BYTES,
) -> list[PostResult]:
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
    compiled: CompiledPolicy,
    paths: Iterable[str],
    text_column: str,
    id_column: str,
    row_format: str,
) -> Iterator[PostResult]:
    posts = iter_posts(paths, text_key=text_column, id_key=id_column, row_format=row_format)
    return check_posts(compiled, posts, batch_size=256)


def exit_code(results: Sequence[PostResult], fail_on: str, fail_under: float | None) -> int:
    """1 when a finding reaches --fail-on or a post fails its bar; else 0."""
    threshold = SEVERITY_RANK.get(fail_on)
    for result in results:
        if threshold is not None and any(
            SEVERITY_RANK[f.severity] >= threshold for f in result.findings
        ):
            return 1
        if result.error:
            return 1
        if fail_under is not None:
            if result.score.total < fail_under or result.score.blocking:
                return 1
        elif not result.score.passed:
            return 1
    return 0
