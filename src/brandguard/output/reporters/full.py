"""Human output: each finding with its source line and a caret, then the post's score."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

import click

from ...model import PostResult
from .. import labels
from .concise import label

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def _style(text: str, options: Any, **kw: Any) -> str:
    return click.style(text, **kw) if options.color else text


def _excerpt(source: str, line: int, column: int, end_line: int, end_column: int) -> list[str]:
    lines = source.split("\n")
    if not 1 <= line <= len(lines):
        return []
    text = lines[line - 1].rstrip("\r").expandtabs(1)
    width = (end_column - column) if end_line == line else len(text) - column + 1
    gutter = f"{line:>5} | "
    return [
        gutter + text,
        " " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^" * max(width, 1),
    ]


def render(results: Sequence[PostResult], out: TextIO, options: Any) -> None:
    stats: Counter[tuple[str, str]] = Counter()
    for result in results:
        where = label(result)
        source = result.source
        language = result.language
        for f in result.findings:
            stats[(f.rule_id, f.name)] += 1
            sev = _style(f.severity, options, fg=SEVERITY_COLORS[f.severity], bold=True)
            head = _style(f"{where}:{f.line}:{f.column}:", options, bold=True)
            out.write(f"{head} {_style(f.rule_id, options, fg='cyan')} [{sev}] {f.message}\n")
            if source:
                for row in _excerpt(source, f.line, f.column, f.end_line, f.end_column):
                    out.write(_style(row, options, dim=True) + "\n")
            if f.suggestion and f.suggestion not in f.message:
                out.write(f"      = {labels.label('help', language)}: {f.suggestion}\n")
            if f.fix:
                fix = labels.label("fix", language, replacement=f.fix.replacement)
                out.write(f"      = {fix}\n")
        if options.show_score and result.error is None:
            verdict = _style(
                labels.score_line(result.score, language),
                options,
                fg="green" if result.score.passed else "red",
            )
            score = labels.label("score", language)
            out.write(f"{_style(where, options, bold=True)}: {score} {verdict}\n")
        if result.skipped_rules and result is results[0]:
            skipped = ", ".join(result.skipped_rules)
            out.write(labels.label("skipped", language, rules=skipped) + "\n")
    if options.statistics and stats:
        out.write("\n")
        for (rule_id, name), count in stats.most_common():
            out.write(f"{count:>6}  {rule_id}  {name}\n")
    findings = sum(stats.values())
    posts = len(results)
    failed = sum(1 for r in results if not r.score.passed)
    language = labels.report_language(results)
    out.write("\n" + labels.summary(findings, posts, failed, language) + "\n")
