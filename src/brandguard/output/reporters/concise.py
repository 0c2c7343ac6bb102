"""``path:line:col: ID [severity] message`` — one line a finding, for editors and grep."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from ...model import PostResult


def label(result: PostResult) -> str:
    return (
        result.path
        if result.path and result.path == result.id
        else (f"{result.path}#{result.id}" if result.path else result.id)
    )


def render(results: Sequence[PostResult], out: TextIO, options: Any) -> None:
    for result in results:
        where = label(result)
        for f in result.findings:
            out.write(f"{where}:{f.line}:{f.column}: {f.rule_id} [{f.severity}] {f.message}\n")
