"""The page's sections as HTML strings, from ``ReportStats``: cards, breakdowns, rules, posts.

Why: each section is a plain function of the counted statistics, so the page is assembled in one
place (``audit_html.py``) and each part is tested alone. Every value that came from a post or an
export is escaped here or in ``excerpts.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ...model import CATEGORIES, Finding
from .columns import month_name, month_range
from .excerpts import Mark, highlight, is_post_level
from .stats import OTHER, ReportStats, RuleStats, Worst
from .svg import hbars, score_class, trend

GROUPS_SHOWN = 12  # groups drawn per breakdown chart and listed before "more"
RULES_SHOWN = 25  # rules listed before the rest fold away
POSTS_OPEN = 10  # worst posts shown open; the rest fold away
FINDINGS_LISTED = 12  # findings listed under a post
MONTHS_LISTED = 36  # most recent months in the month table
MONTHS_DRAWN = 120  # most recent months in the trend chart
TITLES = {"channel": "By channel", "author": "By author", "date": "Over time"}
PLURALS = {"channel": "channels", "author": "authors"}


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "0 %"


def card(label: str, value: str, note: str = "", cls: str = "") -> str:
    extra = f'<span class="note">{escape(note)}</span>' if note else ""
    klass = f"card {cls}".strip()
    return (
        f'<div class="{klass}"><span class="value">{escape(value)}</span>'
        f'<span class="label">{escape(label)}</span>{extra}</div>'
    )


def table(headers: Sequence[tuple[str, str]], rows: Sequence[str], cls: str = "") -> str:
    """A table whose headers sort it (``num`` columns numerically) when scripts run."""
    if not rows:
        return "<p class='note'>None.</p>"
    head = "".join(
        f'<th class="{kind}" data-sort="{kind}" scope="col">{escape(name)}</th>'
        for name, kind in headers
    )
    return (
        f'<div class="scroll"><table class="sortable {cls}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def shown_categories(stats: ReportStats) -> list[str]:
    """Categories the policy scores and some post lost points in, in the usual order."""
    present = stats.overall.categories
    ordered = [c for c in CATEGORIES if c in present] + sorted(set(present) - set(CATEGORIES))
    return [c for c in ordered if stats.overall.flagged.get(c)]


def _heat(value: float | None) -> str:
    if value is None:
        return "<td class='num'>–</td>"
    hue = max(0.0, min(1.0, (value - 40) / 60)) * 130
    return (
        f"<td class='num heat' data-value='{value:.2f}' "
        f"style='background:hsl({hue:.0f} 70% 90%)'>{value:.0f}</td>"
    )


def categories(stats: ReportStats, bar: float) -> str:
    names = shown_categories(stats)
    if not names:
        return "<p class='note'>No post lost points in any category.</p>"
    rows = [
        (
            name,
            stats.overall.category_mean(name) or 0.0,
            f"{share(stats.overall.flagged.get(name, 0), stats.overall.posts)} of posts flagged",
        )
        for name in names
    ]
    clean = [c for c in stats.overall.categories if c not in names]
    note = f"<p class='note'>No findings in {escape(', '.join(clean))}.</p>" if clean else ""
    return hbars(rows, None, "Mean subscore per category") + note


def _group_rows(groups: dict, names: list[str], bar: float, key_name) -> list[str]:
    rows = []
    for key, group in groups:
        name = key_name(key)
        cells = "".join(_heat(group.category_mean(c)) for c in names)
        rows.append(
            f"<tr><td>{escape(name)}</td><td class='num'>{group.posts:,}</td>"
            f"<td class='num'><span class='pill {score_class(group.mean, bar)}'>"
            f"{group.mean:.1f}</span></td>"
            f"<td class='num' data-value='{group.below / group.posts:.4f}'>"
            f"{share(group.below, group.posts)}</td>{cells}</tr>"
        )
    return rows


def _headers(first: str, names: list[str]) -> list[tuple[str, str]]:
    return [
        (first, "text"),
        ("posts", "num"),
        ("mean score", "num"),
        ("under the bar", "num"),
        *[(c, "num") for c in names],
    ]


def breakdown(stats: ReportStats, dimension: str, bar: float) -> str:
    """Mean score per channel or author (the largest groups drawn) and a table of all."""
    groups = stats.groups[dimension]
    ranked = sorted(groups.items(), key=lambda kv: (kv[0] == OTHER, -kv[1].posts, str(kv[0])))
    names = shown_categories(stats)
    chart_rows = [
        (str(key), group.mean, f"{group.posts:,} posts") for key, group in ranked[:GROUPS_SHOWN]
    ]
    column = (stats.columns or {}).get(dimension, dimension)
    intro = (
        f"<p class='note'>From the column <code>{escape(column)}</code>: {len(groups):,} "
        f"value{'s' if len(groups) != 1 else ''}"
        + (f", the {GROUPS_SHOWN} with most posts drawn" if len(groups) > GROUPS_SHOWN else "")
        + ".</p>"
    )
    rows = _group_rows(ranked, names, bar, str)
    return (
        intro
        + f"<div class='panel'>{hbars(chart_rows, bar, f'Mean score per {dimension}')}</div>"
        + _fold(
            table(_headers(dimension, names), rows), len(rows), GROUPS_SHOWN, PLURALS[dimension]
        )
    )


def _fold(html: str, count: int, limit: int, noun: str) -> str:
    """Long tables sit in an open-able block so the page stays scannable."""
    if count <= limit:
        return html
    return f"<details><summary>The table of all {count:,} {escape(noun)}</summary>{html}</details>"


def over_time(stats: ReportStats, bar: float) -> str:
    months = stats.months()
    if not months:
        return ""
    keys = list(months)
    # A stray old date must not squeeze ten years of posts into slivers: draw the last MONTHS_DRAWN.
    span = month_range(keys[0], keys[-1])[-MONTHS_DRAWN:]
    points = [
        (
            month_name(m),
            months[m].posts if m in months else 0,
            months[m].mean if m in months else None,
        )
        for m in span
    ]
    names = shown_categories(stats)
    recent = sorted(months.items(), reverse=True)[:MONTHS_LISTED]
    rows = _group_rows(recent, names, bar, month_name)
    column = (stats.columns or {}).get("date", "date")
    undated = ""
    if stats.undated:
        one = stats.undated == 1
        were = "post had" if one else "posts had"
        undated = (
            f" {stats.undated:,} {were} no readable date and {'is' if one else 'are'} left out."
        )
    return (
        f"<p class='note'>From the column <code>{escape(column)}</code>, "
        f"{month_name(keys[0])} to {month_name(keys[-1])}.{escape(undated)}</p>"
        + f"<div class='panel'>{trend(points, bar, 'Mean score and posts per month')}</div>"
        + _fold(table(_headers("month", names), rows), len(rows), GROUPS_SHOWN, "months")
    )


def _forms(stats: RuleStats) -> str:
    top = stats.forms.most_common(3)
    if not top or (len(top) == 1 and top[0][1] == 1):
        return ""
    return " · ".join(f"{escape(form)}&nbsp;×{count:,}" for form, count in top)


def _example(stats: RuleStats) -> str:
    if stats.example is not None:
        note = (
            f"<span class='measured'>{escape(stats.example_note)}</span>"
            if stats.example_note
            else ""
        )
        return (
            f"{note}<q class='excerpt'>{stats.example.html()}</q>"
            f"<span class='where'>in {escape(stats.example_post)}</span>"
        )
    if stats.whole_example is not None:
        message, post, opening = stats.whole_example
        return (
            f"<span class='measured'>{escape(message)}</span>"
            f"<span class='where'>whole post, e.g. {escape(post)}: “{escape(opening)}”</span>"
        )
    return ""


def rules(stats: ReportStats) -> str:
    ranked = sorted(stats.rules.items(), key=lambda kv: (-kv[1].posts, -kv[1].findings, kv[0]))
    rows = [
        f"<tr><td><code>{escape(rule_id)}</code><span class='rule-name'>{escape(s.name)}</span></td>"
        f"<td><span class='cat'>{escape(s.category)}</span></td>"
        f"<td><span class='sev {escape(s.severity)}'>{escape(s.severity)}</span></td>"
        f"<td class='num'>{s.posts:,}</td><td class='num'>{s.findings:,}</td>"
        f"<td class='example'>{_example(s)}</td><td class='forms'>{_forms(s)}</td></tr>"
        for rule_id, s in ranked
    ]
    headers = [
        ("rule", "text"),
        ("category", "text"),
        ("severity", "text"),
        ("posts", "num"),
        ("findings", "num"),
        ("a real example", "text"),
        ("most matched", "text"),
    ]
    first = table(headers, rows[:RULES_SHOWN], "rules")
    if len(rows) <= RULES_SHOWN:
        return first
    rest = table(headers, rows[RULES_SHOWN:], "rules")
    return (
        first + f"<details><summary>{len(rows) - RULES_SHOWN} more rules</summary>{rest}</details>"
    )


def _finding_item(number: int, f: Finding, whole: bool, hinted: set[str]) -> str:
    """One numbered finding; a suggestion is printed once per post, not under every repeat."""
    where = "whole post" if whole else f"line {f.line}:{f.column}"
    hint = ""
    if f.suggestion and f.suggestion not in hinted:
        hinted.add(f.suggestion)
        hint = f"<span class='hint'>{escape(f.suggestion)}</span>"
    return (
        f"<li value='{number}'><code>{escape(f.rule_id)}</code> "
        f"<span class='sev {escape(f.severity)}'>{escape(f.severity)}</span> "
        f"{escape(f.message)} <span class='where'>{where}</span>{hint}</li>"
    )


def post(worst: Worst, bar: float, post_kinds: frozenset[str] | None) -> str:
    """One post: score, id and groups, its text with findings marked, the numbered findings."""
    result = worst.result
    source = result.source
    findings = sorted(result.findings, key=lambda f: (f.start, f.end))
    whole = [is_post_level(f, source, post_kinds) for f in findings]
    marks = [
        Mark(f.start, f.end, i + 1, f.severity, f"{f.rule_id}: {f.message}")
        for i, f in enumerate(findings)
        if not whole[i] and f.end > f.start
    ]
    hinted: set[str] = set()
    items = "".join(
        _finding_item(i + 1, f, whole[i], hinted) for i, f in enumerate(findings[:FINDINGS_LISTED])
    )
    more = ""
    if len(findings) > FINDINGS_LISTED:
        more = f"<p class='note more'>… and {len(findings) - FINDINGS_LISTED} more findings.</p>"
    labels = " · ".join(escape(v) for v in worst.labels.values())
    path = (
        f" <span class='where'>{escape(result.path)}</span>"
        if result.path and result.path != result.id
        else ""
    )
    score = result.score.total
    return (
        f"<article class='post'><header><span class='pill big {score_class(score, bar)}'>"
        f"{score:.0f}</span><span class='post-id'>{escape(result.id)}</span>{path}"
        f"<span class='labels'>{labels}</span>"
        f"<span class='count'>{len(findings)} finding{'s' if len(findings) != 1 else ''} · "
        f"{result.score.words:,} words</span></header>"
        f"<div class='text'>{highlight(source, marks)}</div><ol class='findings'>{items}</ol>{more}</article>"
    )


def worst_posts(stats: ReportStats, bar: float) -> str:
    posts = [post(w, bar, stats.post_kinds) for w in stats.worst_posts()]
    if not posts:
        return "<p class='note'>None.</p>"
    html = "".join(posts[:POSTS_OPEN])
    if len(posts) > POSTS_OPEN:
        html += (
            f"<details><summary>{len(posts) - POSTS_OPEN} more low-scoring posts</summary>"
            + "".join(posts[POSTS_OPEN:])
            + "</details>"
        )
    return html
