"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TextIO

from ...model import PostResult
from .concise import below_bar

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render(results: Sequence[PostResult], out: TextIO, options: Any) -> None:
    for result in results:
        file = _escape(result.path or result.id, prop=True)
        for f in result.findings:
            title = _escape(f"{f.rule_id} {f.name}", prop=True)
            out.write(
                f"::{LEVELS[f.severity]} file={file},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={title}::"
                f"{_escape(f.message)}\n"
            )
        failing = below_bar(result, options)
        if failing:
            title = _escape("brandguard score", prop=True)
            out.write(f"::error file={file},line=1,title={title}::{_escape(failing)}\n")
