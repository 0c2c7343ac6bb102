"""The HTML audit report's parts: column recognition, dates, excerpts, marks, bounded counters."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.model import AuditSummary, CategoryScore, Finding, PostResult, Score
from brandguard.output.report import columns, excerpts, stats, svg
from brandguard.output.report.columns import DateOrder, date_key, find_columns

from .report_export import render_report, write_export, write_policy


def test_columns_are_recognised_by_their_usual_names_in_english_and_italian() -> None:
    assert find_columns(["Post ID", "text", "Channel", "Author", "Published At"]) == {
        "channel": "Channel",
        "author": "Author",
        "date": "Published At",
    }
    assert find_columns(["testo", "Canale", "Autore", "Data di pubblicazione"]) == {
        "channel": "Canale",
        "author": "Autore",
        "date": "Data di pubblicazione",
    }
    assert find_columns(["platform", "owner", "created_at"]) == {
        "channel": "platform",
        "author": "owner",
        "date": "created_at",
    }
    assert find_columns(["Publish Date (UTC)"]) == {"date": "Publish Date (UTC)"}
    assert find_columns(["id", "body", "likes"]) == {}


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2025-01-14", (2025, 1)),
        ("2025-02-03T09:15:00Z", (2025, 2)),
        ("2025/11/30 23:59", (2025, 11)),
        ("Tue, 15 Apr 2025 10:00:00 +0000", (2025, 4)),
        ("May 6, 2025", (2025, 5)),
        ("5 marzo 2024", (2024, 3)),
        ("mar 7 maggio 2024", (2024, 5)),  # martedì, not marzo
        ("13/03/2025", (2025, 3)),
        ("03/13/2025 4:05 PM", (2025, 3)),
        ("20240305", (2024, 3)),
        (1717243200, (2024, 6)),  # Unix seconds
        ("1717243200000", (2024, 6)),  # milliseconds
        (45356, (2024, 3)),  # an Excel serial day
    ],
)
def test_dates_are_read_as_months_in_the_forms_exports_write(value: object, month: tuple) -> None:
    key = date_key(value)
    assert key is not None and DateOrder(day_first=True).month(key) == month


@pytest.mark.parametrize(
    "value", ["", "n/a", "soon", "32/13/2025", "12345", None, True, "1899-01-01"]
)
def test_what_is_not_a_date_is_none(value: object) -> None:
    assert date_key(value) is None


def test_an_ambiguous_day_and_month_follow_the_rest_of_the_column() -> None:
    key = date_key("05/03/2025")
    assert key == (2025, 5, 3)
    european = DateOrder(day_first=False)
    for value in ("05/03/2025", "25/03/2025"):
        european.see(value)
    assert european.month(key) == (2025, 3)
    american = DateOrder(day_first=True)
    american.see("03/25/2025")
    assert american.month(key) == (2025, 5)
    assert DateOrder(day_first=True).month(key) == (2025, 3)  # no evidence: the default
    assert columns.month_range((2024, 11), (2025, 2)) == [
        (2024, 11),
        (2024, 12),
        (2025, 1),
        (2025, 2),
    ]


def _finding(
    source: str, match: str, rule: str = "PSH001", severity: str = "warning", at: int | None = None
) -> Finding:
    start = source.index(match) if at is None else at
    return Finding(
        rule,
        "name",
        "pushy",
        severity,
        1,
        start + 1,
        1,
        start + len(match) + 1,
        start,
        start + len(match),
        match,
        f"{rule} says",
        None,
    )


def _result(post_id: str, source: str, findings: list[Finding], total: float) -> PostResult:
    score = Score(
        total,
        {"pushy": total},
        {"pushy": CategoryScore(total, len(findings), 1.0)},
        20,
        total >= 70,
        70.0,
    )
    return PostResult(post_id, None, tuple(findings), score, source=source)


def test_an_excerpt_is_the_match_with_whole_words_of_context() -> None:
    source = (
        "We opened a second roastery last spring. " * 3
        + "Act now before the offer is gone, friends of good coffee everywhere. " * 3
    )
    start = source.index("Act now")
    cut = excerpts.excerpt(source, start, start + 7, context=30)
    assert cut.match == "Act now"
    assert cut.before.startswith("…") and cut.after.endswith("…")
    assert source.replace("\n", " ").find(cut.before.lstrip("…").strip()) >= 0
    assert "<mark>Act now</mark>" in cut.html()
    plain = excerpts.excerpt("I <3 you & Act now", 11, 18)
    assert plain.html() == "I &lt;3 you &amp; <mark>Act now</mark>"


def test_whole_post_findings_are_told_from_findings_on_the_first_word() -> None:
    post = "I've roasted coffee for ten years, and this is the longest sentence I have written."
    grade = _finding(post, "I've", "GDL001")
    assert excerpts.is_post_level(grade, post, frozenset({"GDL001"}))
    # The same span from a phrase rule is about those words.
    assert not excerpts.is_post_level(grade, post, frozenset({"GDL002"}))
    later = _finding(post, "longest", "GDL001")
    assert not excerpts.is_post_level(later, post, frozenset({"GDL001"}))  # a counted item
    markdown = "---\ntitle: Our beans\n---\n\n# Hello\n\nI've roasted coffee."
    first = _finding(markdown, "Hello", "GDL001")
    assert excerpts.is_post_level(first, markdown, frozenset({"GDL001"}))
    assert excerpts.opening(markdown) == "# Hello I've roasted coffee."


def test_findings_are_marked_in_the_escaped_text_with_their_numbers() -> None:
    source = "<b>Act now</b> & don't miss out!"
    marks = [
        excerpts.Mark(3, 10, 1, "warning", "PSH001: urgency"),
        excerpts.Mark(7, 10, 2, "error", "PSH004: <hard sell>"),
        excerpts.Mark(17, 31, 3, "info", "PSH002"),
    ]
    html = excerpts.highlight(source, marks)
    assert html.startswith('&lt;b&gt;<mark class="warning" title="PSH001: urgency">Act </mark>')
    # The overlap takes the more severe colour and both titles; each number follows its end.
    assert (
        '<mark class="error" title="PSH001: urgency · PSH004: &lt;hard sell&gt;">now</mark>' in html
    )
    assert '</mark><sup class="fn">1</sup><sup class="fn">2</sup>&lt;/b&gt; &amp; ' in html
    assert (
        '<mark class="info" title="PSH002">don&#x27;t miss out</mark><sup class="fn">3</sup>!'
        in html
    )


def test_a_long_post_shows_its_start_and_the_text_around_its_findings() -> None:
    source = "Plain words about coffee. " * 200 + "Act now!" + " More plain words." * 200
    start = source.index("Act now")
    html = excerpts.highlight(source, [excerpts.Mark(start, start + 7, 1, "warning", "PSH001")])
    assert html.startswith("Plain words") and "<mark" in html
    assert html.count('<span class="gap">…</span>') == 2
    assert len(html) < 2000


def test_counters_stay_bounded_however_many_posts_and_groups(monkeypatch) -> None:
    monkeypatch.setattr(stats, "MAX_GROUPS", 5)
    monkeypatch.setattr(stats, "MATCH_FORMS", 3)
    acc = stats.ReportStats(AuditSummary(), frozenset())
    for i in range(300):
        text = f"Act now {i}! Offer number {i} ends tonight."
        finding = _finding(text, f"Offer number {i}", "PSH001")
        acc.add(
            _result(f"p{i}", text, [finding], float(i % 100)),
            {"author": f"writer {i}", "channel": "X"},
        )
    assert len(acc.worst) == stats.WORST
    assert [w.result.score.total for w in acc.worst_posts()][:3] == [0.0, 0.0, 0.0]
    assert [w.result.id for w in acc.worst_posts()][:3] == [
        "p0",
        "p100",
        "p200",
    ]  # ties: input order
    authors = acc.groups["author"]
    assert len(authors) == 6 and authors[stats.OTHER].posts == 295
    assert acc.groups["channel"]["X"].posts == 300
    rule = acc.rules["PSH001"]
    assert (rule.posts, rule.findings, len(rule.forms)) == (300, 300, 3)
    assert rule.example is not None and rule.example.match == "Offer number 0"


def test_svg_charts_escape_labels_and_draw_axes() -> None:
    chart = svg.hbars([("<Instagram>", 64.8, "12 posts")], 70, "Mean score per channel")
    assert "&lt;Instagram&gt;" in chart and "<Instagram>" not in chart
    assert 'class="threshold"' in chart and ">bar 70<" in chart
    hist = svg.histogram([0, 0, 3, 0, 0, 1, 0, 2, 0, 10], 70)
    assert hist.count('class="bar ') == 10 and ">90–100<" in hist and ">posts<" in hist
    line = svg.trend(
        [("2025-01", 3, 71.0), ("2025-02", 0, None), ("2025-03", 2, 64.0)], 70, "trend"
    )
    assert line.count("<polyline") == 2  # a month without posts breaks the line


def test_the_report_groups_a_real_export_by_channel_author_and_month(tmp_path: Path) -> None:
    export = write_export(tmp_path)
    write_policy(tmp_path)
    pages = {
        jobs: render_report(
            tmp_path, export, f"report{jobs}.html", "--jobs", jobs, "--keep-columns", ""
        ).read_text(encoding="utf-8")
        for jobs in ("1", "2")
    }
    page = pages["1"]
    for section in ("scores", "categories", "channel", "author", "date", "rules", "worst"):
        assert f"id='{section}'" in page
    for label in ("Instagram", "LinkedIn", "Newsletter", "Giulia Rossi", "2025-01", "2025-06"):
        assert label in page
    assert "1 post had no readable date and is left out" in page
    assert "acme-social (en)" in page and "social-export.csv" in page
    # A whole-post rule shows what it measured and the post's opening, not its first word marked.
    row = page.split("<code>GDL002</code>")[1].split("</tr>")[0]
    assert "words; social posts here stay under 16" in row and "<mark>" not in row
    assert "<mark>I&#x27;ve</mark>" not in page and "I&#x27;ve been roasting" in page
    # Real excerpts, whether posts were checked in this process or in workers.
    for html in pages.values():
        assert "We <mark>leverage synergies</mark> to deliver" in html
        assert '<mark class="warning"' in html.split("id='worst'")[1]
    # The same page but for the time it was written.
    strip = [
        p.split("Audited")[1].split("</dd>", 1)[1].rsplit("<footer", 1)[0] for p in pages.values()
    ]
    assert strip[0] == strip[1]


def test_markup_around_an_excerpt_is_left_out() -> None:
    source = '<p>Our sizes <a href="https://example.com/sizes">click here</a>.</p> <p>#shoes</p>'
    start = source.index("click here")
    cut = excerpts.excerpt(source, start, start + 10, context=40)
    assert cut.match == "click here"
    assert "<" not in cut.before + cut.after and ">" not in cut.before + cut.after
    assert cut.text().split() == ["Our", "sizes", "click", "here", ".", "#shoes"]


def test_the_trend_draws_at_most_ten_years_and_skips_undated_posts() -> None:
    from brandguard.output.report import sections

    acc = stats.ReportStats(AuditSummary(), frozenset())
    for i, date in enumerate(["1975-03-01", "2025-01-05", "2025-03-09", "soon", ""]):
        acc.add(_result(f"p{i}", "Plain words.", [], 80.0), {"published": date})
    html = sections.over_time(acc, 70)
    assert html.count('class="volume"') == sections.MONTHS_DRAWN + 1  # and the legend's swatch
    assert "1975-03 to 2025-03" in html and "2 posts had no readable date" in html
    assert ">2025-03<" in html and ">2015-04<" in html  # the last month drawn and the first


def test_posts_with_nothing_to_fix_are_not_listed_to_fix() -> None:
    acc = stats.ReportStats(AuditSummary(), frozenset())
    acc.add(_result("clean", "We roast coffee.", [], 100.0), {})
    text = "Act now, the offer ends tonight."
    acc.add(_result("pushy", text, [_finding(text, "Act now")], 60.0), {})
    assert [w.result.id for w in acc.worst_posts()] == ["pushy"]


def test_an_audit_without_a_readable_post_still_writes_a_page() -> None:
    import io

    from brandguard.output.audit_html import write_html

    summary = AuditSummary()
    broken = PostResult(
        "x.jsonl:1", None, (), Score(0.0, {}, {}, 0, False, 70.0), error="row 1: invalid JSON"
    )
    summary.add(broken)
    out = io.StringIO()
    write_html([(broken, {})], out, summary)
    page = out.getvalue()
    assert "Unreadable posts" in page and "row 1: invalid JSON" in page
    assert "No post lost points in any category." in page and page.rstrip().endswith("</html>")


def test_the_header_names_a_few_inputs_and_counts_the_rest() -> None:
    from brandguard.output.audit_html import ReportInfo, page

    info = ReportInfo(policy="acme", inputs=tuple(f"posts/p{i}.md" for i in range(8)))
    html = page(stats.ReportStats(AuditSummary(), frozenset()), info)
    assert "posts/p0.md, posts/p1.md, posts/p2.md, posts/p3.md, posts/p4.md and 3 more" in html
    assert "brandguard audit · acme" in html and info.version in html
