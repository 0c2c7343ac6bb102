"""The audit as one self-contained HTML page: what a content lead reads after auditing 10,000 posts.

Why: JSONL and CSV feed other tools; people need the shape of the archive at a glance and the
posts to fix first. The page names the policy, inputs, date and version; shows the distribution
of scores, each category's mean overall and per channel, author and month (with the trend over
time when the export has dates); the rules that fire most with a real excerpt each; and the
lowest-scoring posts with their findings marked in the text. Records stream through
``report.stats.ReportStats``, which keeps counters and the ``WORST`` posts only, so memory stays
flat however large the audit. Nothing is fetched: styles and the sorting script are inline, charts
are SVG drawn in Python, and the page reads the same without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from typing import Any, TextIO

from ..model import AuditSummary, PostResult
from ..version import __version__
from .report import sections
from .report.stats import WORST, ReportStats
from .report.style import CSS, SCRIPT
from .report.svg import histogram, score_class

__all__ = ["WORST", "ReportInfo", "report_info", "write_html"]
ERRORS_SHOWN = 20
INPUTS_SHOWN = 5
# Rule kinds that judge the whole post: their findings point at its first word as a position.
POST_KINDS = ("metric", "require", "occurrence", "disclosure")


@dataclass(frozen=True)
class ReportInfo:
    """What the header names: the policy, the inputs, when, with which brandguard."""

    policy: str = "default"
    language: str = "en"
    bar: float = 70.0
    inputs: tuple[str, ...] = ()
    generated: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    version: str = __version__
    post_kinds: frozenset[str] | None = None  # ids of the policy's whole-post rules


def report_info(policy: Any, inputs: Sequence[str]) -> ReportInfo:
    """The header of an audit of ``inputs`` with ``policy`` (a ``policy.loader.Policy``)."""
    return ReportInfo(
        policy=policy.name,
        language=policy.language,
        bar=policy.scoring.fail_under,
        inputs=tuple(inputs),
        post_kinds=frozenset(r.id for r in policy.rules if r.kind in POST_KINDS),
    )


def write_html(
    records: Iterable[tuple[PostResult, dict[str, Any]]],
    out: TextIO,
    summary: AuditSummary,
    info: ReportInfo | None = None,
) -> None:
    """Consume ``records`` (which ``summary`` counts as they pass) and write the report page."""
    info = info or ReportInfo()
    stats = ReportStats(summary, info.post_kinds, day_first=info.language != "en")
    for result, columns in records:
        stats.add(result, columns)
    out.write(page(stats, info))


def _header(stats: ReportStats, info: ReportInfo) -> str:
    named = [p if p != "-" else "standard input" for p in info.inputs]
    inputs = ", ".join(named[:INPUTS_SHOWN])
    if len(named) > INPUTS_SHOWN:  # a shell glob may name thousands of files
        inputs += f" and {len(named) - INPUTS_SHOWN:,} more"
    rows = [
        ("Policy", f"{info.policy} ({info.language}), posts under {info.bar:g} fail"),
        ("Inputs", inputs or "–"),
        ("Audited", info.generated.strftime("%Y-%m-%d %H:%M UTC")),
        ("brandguard", info.version),
    ]
    meta = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    title = f"Brand audit: {stats.summary.posts:,} posts against {info.policy}"
    return (
        f"<header class='top'><div class='wrap'><h1>{escape(title)}</h1>"
        f"<p class='sub'>Scores run from 0 to 100; each finding costs points in its category.</p>"
        f"<dl class='meta'>{meta}</dl></div></header>"
    )


def _cards(stats: ReportStats, info: ReportInfo) -> str:
    total, scored = stats.summary, stats.overall.posts
    mean = stats.overall.mean
    return (
        "<div class='cards'>"
        + sections.card("posts scored", f"{scored:,}", f"{total.words:,} words")
        + sections.card(
            "mean score", f"{mean:.1f}", f"bar {info.bar:g}", score_class(mean, info.bar)
        )
        + sections.card(
            "under the bar",
            f"{stats.overall.below:,}",
            f"{sections.share(stats.overall.below, scored)} of posts",
            "poor" if stats.overall.below else "good",
        )
        + sections.card("findings", f"{total.findings:,}", f"{len(stats.rules)} rules fired")
        + sections.card(
            "unreadable",
            f"{total.unreadable:,}",
            "rows or files",
            "poor" if total.unreadable else "",
        )
        + "</div>"
    )


def _section(anchor: str, title: str, lead: str, body: str) -> str:
    lead_html = f"<p class='lead'>{escape(lead)}</p>" if lead else ""
    return f"<section id='{anchor}'><h2>{escape(title)}</h2>{lead_html}{body}</section>"


def page(stats: ReportStats, info: ReportInfo) -> str:
    """The whole page for the statistics of one audit."""
    bar = info.bar
    parts: list[tuple[str, str, str, str]] = []
    scored = stats.overall.posts
    parts.append(
        (
            "scores",
            "Score distribution",
            f"Posts per score band; {sections.share(stats.overall.below, scored)} score under "
            f"the bar of {bar:g}.",
            "<div class='panel'>" + histogram(stats.histogram, bar) + "</div>",
        )
    )
    parts.append(
        (
            "categories",
            "Categories",
            "Mean subscore per category over all posts (100: nothing found), and how many posts "
            "lost points there.",
            "<div class='panel'>" + sections.categories(stats, bar) + "</div>",
        )
    )
    skipped = []
    for dimension in ("channel", "author", "date"):
        if dimension not in stats.groups or not stats.groups[dimension]:
            skipped.append(dimension)
            continue
        body = (
            sections.over_time(stats, bar)
            if dimension == "date"
            else sections.breakdown(stats, dimension, bar)
        )
        lead = (
            "Mean score per month (line) over the number of posts (bars)."
            if dimension == "date"
            else f"Mean score and category subscores per {dimension}."
        )
        parts.append((dimension, sections.TITLES[dimension], lead, body))
    parts.append(
        (
            "rules",
            "Rules that fire most",
            "Ranked by the posts they fire in; each with the words it matched in a real post.",
            sections.rules(stats),
        )
    )
    parts.append(
        (
            "worst",
            f"Fix these first: the {len(stats.worst_posts())} lowest scores",
            "Each post's text with its findings marked in place; the numbers match the list.",
            sections.worst_posts(stats, bar),
        )
    )
    total = stats.summary
    if total.errors:
        items = "".join(f"<li>{escape(e)}</li>" for e in total.errors[:ERRORS_SHOWN])
        more = total.unreadable - min(len(total.errors), ERRORS_SHOWN)
        extra = f"<p class='note'>… and {more} more.</p>" if more else ""
        parts.append(
            ("unreadable", "Unreadable posts", "", f"<ul class='errors'>{items}</ul>{extra}")
        )
    skipped_note = ""
    if skipped:
        words = {"channel": "channel", "author": "author", "date": "date"}
        skipped_note = (
            "<p class='note'>No breakdown by "
            + escape(" or ".join(words[d] for d in skipped))
            + ": the input has no such column (or no value in it).</p>"
        )
    toc = "".join(f"<a href='#{a}'>{escape(t.split(':')[0])}</a>" for a, t, _, _ in parts)
    body = "".join(_section(*p) for p in parts)
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(f'brandguard audit · {info.policy}')}</title>"
        f"<style>{CSS}</style></head><body>"
        + _header(stats, info)
        + f"<nav class='toc'><div class='wrap'>{toc}</div></nav>"
        + f"<main class='wrap'>{_cards(stats, info)}{skipped_note}{body}</main>"
        + f"<footer class='wrap'>Generated by brandguard {escape(info.version)} on "
        f"{info.generated.strftime('%Y-%m-%d %H:%M UTC')}. Self-contained: nothing is loaded "
        "from the network.</footer>" + f"<script>{SCRIPT}</script></body></html>\n"
    )
