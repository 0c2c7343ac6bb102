"""``path:line:col: ID [severity] message`` — one line a finding, for editors and grep."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from ...model import PostResult
from .. import labels


def label(result: PostResult) -> str:
    return (
        result.path
        if result.path and result.path == result.id
        else (f"{result.path}#{result.id}" if result.path else result.id)
    )


def below_bar(result: PostResult, options: Any) -> str | None:
    """Why the post fails its score bar (``--fail-under`` or the policy's), or None.

    The exit code says 1 for such a post even without an error finding, so every format must say
    which post and why."""
    if result.error is not None:
        return None  # its BG003 finding says it
    score = result.score
    fail_under = getattr(options, "fail_under", None)
    failing = score.total < fail_under if fail_under is not None else not score.passed
    if not (score.blocking or failing):
        return None
    language = result.language
    return f"{labels.label('score', language)} {labels.verdict(score, language, fail_under)}"


def statistics(results: Sequence[PostResult]) -> str:
    counts = Counter((f.rule_id, f.name) for r in results for f in r.findings)
    lines = [f"{count:>6}  {rule_id}  {name}" for (rule_id, name), count in counts.most_common()]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def render(results: Sequence[PostResult], out: TextIO, options: Any) -> None:
    for result in results:
        where = label(result)
        for f in result.findings:
            out.write(f"{where}:{f.line}:{f.column}: {f.rule_id} [{f.severity}] {f.message}\n")
        failing = below_bar(result, options)
        if failing:
            out.write(f"{where}: {failing}\n")
    if getattr(options, "statistics", False):
        out.write(statistics(results))
