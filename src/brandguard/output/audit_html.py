"""The audit as one self-contained HTML page: what a content lead reads after auditing 10,000 posts.

Why: JSONL and CSV feed other tools; people need the shape of the archive at a glance. The page
shows the totals, the distribution of scores, each category's mean, the rules that fire most
(with an example each) and the posts that need work first. Posts stream through an accumulator
that keeps counters (totals come from model.AuditSummary) and the ``WORST`` lowest-scoring posts, so memory stays flat however large
the audit. No scripts, no web fonts, nothing fetched: it opens offline and prints.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import TextIO

from ..model import CATEGORIES, AuditSummary, PostResult

WORST = 50  # posts listed in "fix these first"
FINDINGS_SHOWN = 5  # findings listed per post there
ERRORS_SHOWN = 20


@dataclass
class _RuleStats:
    name: str
    category: str
    severity: str
    findings: int = 0
    posts: int = 0
    example: str = ""
    example_post: str = ""


@dataclass
class _Accumulator:
    """What the page needs beyond the totals, which ``summary`` (audit.py) already counts."""

    summary: AuditSummary
    histogram: list[int] = field(default_factory=lambda: [0] * 10)
    category_sums: dict[str, float] = field(default_factory=dict)
    category_posts: dict[str, int] = field(default_factory=dict)  # posts with findings there
    rules: dict[str, _RuleStats] = field(default_factory=dict)
    worst: list[tuple[float, int, PostResult]] = field(default_factory=list)  # heap, best on top

    @property
    def scored(self) -> int:
        return self.summary.posts - self.summary.unreadable

    def add(self, result: PostResult) -> None:
        if result.error:
            return
        score = result.score
        self.histogram[min(int(score.total) // 10, 9)] += 1
        for name, value in score.categories.items():
            self.category_sums[name] = self.category_sums.get(name, 0.0) + value
        for name in {f.category for f in result.findings}:
            self.category_posts[name] = self.category_posts.get(name, 0) + 1
        for rule_id in {f.rule_id for f in result.findings}:
            first = next(f for f in result.findings if f.rule_id == rule_id)
            stats = self.rules.get(rule_id)
            if stats is None:
                stats = self.rules[rule_id] = _RuleStats(first.name, first.category, first.severity)
                stats.example, stats.example_post = first.match, result.id
            stats.posts += 1
            stats.findings += sum(1 for f in result.findings if f.rule_id == rule_id)
        # Keep the WORST lowest scores: the heap's top is the best of those kept; ties keep the
        # earlier post.
        entry = (-score.total, -self.scored, result)
        if len(self.worst) < WORST:
            heapq.heappush(self.worst, entry)
        elif entry > self.worst[0]:
            heapq.heapreplace(self.worst, entry)


def write_html(results: Iterable[PostResult], out: TextIO, summary: AuditSummary) -> None:
    """Consume ``results`` (which ``summary`` counts as they pass) and write the report page."""
    acc = _Accumulator(summary)
    for result in results:
        acc.add(result)
    out.write(_page(acc))


def _page(acc: _Accumulator) -> str:
    total = acc.summary
    parts = [
        _HEAD,
        "<h1>brandguard audit</h1>",
        '<section class="cards">',
        _card("posts", f"{acc.scored:,}"),
        _card("words", f"{total.words:,}"),
        _card("mean score", f"{total.mean_score:.1f}"),
        _card("below the bar", f"{total.failed:,}", f"{_share(total.failed, acc.scored)} of posts"),
        _card("unreadable", f"{total.unreadable:,}"),
        "</section>",
        "<h2>Scores</h2>",
        _histogram(acc.histogram),
        "<h2>Categories</h2>",
        _categories(acc),
        "<h2>Rules that fire most</h2>",
        _rules(acc),
        f"<h2>Fix these first: the {min(WORST, acc.scored)} lowest scores</h2>",
        _worst(acc),
    ]
    if total.errors:
        items = "".join(f"<li>{escape(e)}</li>" for e in total.errors[:ERRORS_SHOWN])
        more = total.unreadable - min(len(total.errors), ERRORS_SHOWN)
        parts += [
            "<h2>Unreadable posts</h2>",
            f"<ul>{items}</ul>" + (f"<p>… and {more} more.</p>" if more else ""),
        ]
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "0 %"


def _card(label: str, value: str, note: str = "") -> str:
    extra = f'<span class="note">{escape(note)}</span>' if note else ""
    return (
        f'<div class="card"><span class="value">{escape(value)}</span>{escape(label)}{extra}</div>'
    )


def _histogram(buckets: list[int]) -> str:
    """Ten bars, 0–9 … 90–100, as inline SVG (prints, needs no script)."""
    top = max(buckets) or 1
    bars = []
    for i, count in enumerate(buckets):
        height = round(160 * count / top)
        x = 10 + i * 56
        label = f"{i * 10}–{i * 10 + 9 if i < 9 else 100}"
        bars.append(
            f'<rect x="{x}" y="{180 - height}" width="48" height="{height}" class="b{i}">'
            f"<title>{label}: {count} posts</title></rect>"
            f'<text x="{x + 24}" y="{175 - height}" class="n">{count}</text>'
            f'<text x="{x + 24}" y="198" class="l">{label}</text>'
        )
    return (
        '<svg viewBox="0 0 580 205" role="img" aria-label="posts per score band">'
        + "".join(bars)
        + "</svg>"
    )


def _categories(acc: _Accumulator) -> str:
    rows = []
    for name in CATEGORIES:
        if name not in acc.category_sums:
            continue
        mean = acc.category_sums[name] / acc.scored
        flagged = acc.category_posts.get(name, 0)
        rows.append(
            f"<tr><td>{name}</td><td class='num'>{mean:.1f}</td>"
            f"<td class='num'>{flagged:,}</td><td class='num'>{_share(flagged, acc.scored)}</td></tr>"
        )
    return _table(["category", "mean subscore", "posts with findings", "share"], rows)


def _rules(acc: _Accumulator) -> str:
    ranked = sorted(acc.rules.items(), key=lambda item: (-item[1].posts, item[0]))
    rows = [
        f"<tr><td><code>{escape(rule_id)}</code> {escape(s.name)}</td><td>{escape(s.category)}</td>"
        f"<td class='sev {escape(s.severity)}'>{escape(s.severity)}</td>"
        f"<td class='num'>{s.posts:,}</td><td class='num'>{s.findings:,}</td>"
        f"<td>“{escape(s.example)}” <span class='note'>in {escape(s.example_post)}</span></td></tr>"
        for rule_id, s in ranked
    ]
    return _table(["rule", "category", "severity", "posts", "findings", "example"], rows)


def _worst(acc: _Accumulator) -> str:
    rows = []
    for neg_score, _, result in sorted(acc.worst, reverse=True):
        findings = "".join(
            f"<li><code>{escape(f.rule_id)}</code> {f.line}:{f.column} {escape(f.message)}</li>"
            for f in result.findings[:FINDINGS_SHOWN]
        )
        more = len(result.findings) - FINDINGS_SHOWN
        if more > 0:
            findings += f"<li class='note'>… {more} more</li>"
        where = escape(result.path or result.id)
        rows.append(
            f"<tr><td class='num score'>{-neg_score:.0f}</td><td>{escape(result.id)}"
            f"{'' if where == escape(result.id) else f' <span class=note>{where}</span>'}</td>"
            f"<td><ul>{findings}</ul></td></tr>"
        )
    return _table(["score", "post", "findings"], rows)


def _table(headers: list[str], rows: list[str]) -> str:
    if not rows:
        return "<p class='note'>None.</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>brandguard audit</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 16px}h2{font-size:18px;margin:32px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:12px 16px;min-width:150px}
.card .value{display:block;font-size:24px;font-weight:600}
.note{color:#687385;font-size:13px;margin-left:6px}.card .note{display:block;margin:0}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde1e7}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #eceff3;vertical-align:top}
th{background:#eef1f5;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
td ul{margin:0;padding-left:18px}code{font-size:13px}
.score{font-weight:600}.sev.error{color:#b42318}.sev.warning{color:#b54708}.sev.info{color:#175cd3}
svg{background:#fff;border:1px solid #dde1e7;border-radius:8px;width:100%;max-width:640px}
svg .n,svg .l{font-size:11px;text-anchor:middle;fill:#394150}
svg rect{fill:#d92d20}svg .b5,svg .b6{fill:#f79009}svg .b7,svg .b8,svg .b9{fill:#12b76a}
</style></head><body><main>"""
