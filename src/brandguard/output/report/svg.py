"""Charts as inline SVG strings: a histogram, horizontal bars and a monthly trend.

Why: the page must open offline, print, and read without JavaScript, so charts are drawn here in
Python rather than by a charting library in the browser. Each chart has axes with ticks, labels
on every bar and a dashed line at the policy's bar (``fail_under``); the viewBox width matches
the width the page gives it, so 12-pixel labels stay 12 pixels. Every label is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 1000
FONT = 12


def score_class(score: float, bar: float) -> str:
    """Colour class of a 0–100 score: over the bar, within 15 points under it, further down."""
    if score >= bar:
        return "good"
    return "fair" if score >= bar - 15 else "poor"


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "middle") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(text)}</text>'


def _svg(height: int, label: str, body: Sequence[str]) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _nice_max(value: float) -> tuple[float, float]:
    """An axis top at or above ``value`` and its tick step (1, 2 or 5 × 10^k, about 4 ticks)."""
    if value <= 0:
        return 1.0, 1.0
    step = 1.0
    while value / step > 5:
        for factor in (2, 2.5, 2):
            step *= factor
            if value / step <= 5:
                break
    top = step * -(-value // step)
    return top, step


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def histogram(buckets: Sequence[int], bar: float) -> str:
    """Posts per score band (0–9 … 90–100), bands under the bar in warm colours."""
    left, right, top, bottom = 56, 16, 40, 50
    height = 282
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    ymax, step = _nice_max(max(buckets, default=0))
    body = []
    tick = 0.0
    while tick <= ymax + 1e-9:
        y = top + plot_h * (1 - tick / ymax)
        body.append(
            f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        body.append(_text(left - 8, y + 4, _fmt(tick), "tick", "end"))
        tick += step
    slot = plot_w / len(buckets)
    for i, count in enumerate(buckets):
        high = i * 10 + 9 if i < 9 else 100
        bar_h = plot_h * count / ymax
        x = left + i * slot + 4
        y = top + plot_h - bar_h
        cls = score_class(i * 10 + 5, bar)
        body.append(
            f'<rect class="bar {cls}" x="{x:.1f}" y="{y:.1f}" width="{slot - 8:.1f}" '
            f'height="{bar_h:.1f}" rx="2"><title>{i * 10}–{high}: {count:,} posts</title></rect>'
        )
        if count:
            body.append(_text(x + (slot - 8) / 2, y - 5, f"{count:,}", "value"))
        body.append(_text(x + (slot - 8) / 2, top + plot_h + 17, f"{i * 10}–{high}", "tick"))
    x_bar = left + plot_w * bar / 100
    body.append(
        f'<line class="threshold" x1="{x_bar:.1f}" x2="{x_bar:.1f}" y1="{top - 20}" '
        f'y2="{top + plot_h}"/>'
    )
    body.append(_text(x_bar + 4, top - 22, f"bar {bar:g}", "threshold-label", "start"))
    body.append(
        f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>'
    )
    body.append(_text(left + plot_w / 2, height - 8, "score band", "axis-title"))
    body.append(
        f'<text class="axis-title" transform="translate(16 {top + plot_h / 2:.0f}) rotate(-90)" '
        f'text-anchor="middle">posts</text>'
    )
    return _svg(height, "Posts per score band", body)


def hbars(rows: Sequence[tuple[str, float, str]], bar: float | None, label: str) -> str:
    """One horizontal 0–100 bar per ``(name, value, note)``; the note is printed after the value."""
    left, right, top, row_h = 200, 190, 26, 26
    height = top + row_h * len(rows) + 30
    plot_w = WIDTH - left - right
    body = []
    for tick in range(0, 101, 20):
        x = left + plot_w * tick / 100
        body.append(
            f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" '
            f'y2="{top + row_h * len(rows)}"/>'
        )
        body.append(_text(x, top + row_h * len(rows) + 16, str(tick), "tick"))
    for i, (name, value, note) in enumerate(rows):
        y = top + i * row_h
        shown = name if len(name) <= 26 else name[:25] + "…"
        cls = score_class(value, bar if bar is not None else 70)
        body.append(_text(left - 10, y + row_h / 2 + 4, shown, "label", "end"))
        body.append(
            f'<rect class="bar {cls}" x="{left}" y="{y + 4}" width="{plot_w * value / 100:.1f}" '
            f'height="{row_h - 8}" rx="2"><title>{escape(name)}: {value:.1f}</title></rect>'
        )
        body.append(
            _text(
                left + plot_w * value / 100 + 6, y + row_h / 2 + 4, f"{value:.1f}", "value", "start"
            )
        )
        if note:
            body.append(_text(WIDTH - 4, y + row_h / 2 + 4, note, "note", "end"))
    if bar is not None:
        x_bar = left + plot_w * bar / 100
        body.append(
            f'<line class="threshold" x1="{x_bar:.1f}" x2="{x_bar:.1f}" y1="{top - 10}" '
            f'y2="{top + row_h * len(rows)}"/>'
        )
        body.append(_text(x_bar, top - 13, f"bar {bar:g}", "threshold-label"))
    return _svg(height, label, body)


def trend(points: Sequence[tuple[str, int, float | None]], bar: float, label: str) -> str:
    """Mean score per month as a line (left axis, 0–100) over the posts per month (grey bars,
    right axis); a month without posts breaks the line."""
    left, right, top, bottom = 56, 60, 44, 56
    height = 310
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    pmax, pstep = _nice_max(max((p for _, p, _ in points), default=0))
    slot = plot_w / max(len(points), 1)
    every = max(1, -(-len(points) * 58 // plot_w))  # one month label per 58 pixels
    body = []
    for tick in range(0, 101, 20):
        y = top + plot_h * (1 - tick / 100)
        body.append(
            f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        body.append(_text(left - 8, y + 4, str(tick), "tick", "end"))
    tick = 0.0
    while tick <= pmax + 1e-9:
        y = top + plot_h * (1 - tick / pmax)
        body.append(_text(WIDTH - right + 8, y + 4, _fmt(tick), "tick muted", "start"))
        tick += pstep
    line: list[str] = []
    segments: list[list[str]] = []
    for i, (name, posts, mean) in enumerate(points):
        cx = left + slot * (i + 0.5)
        h = plot_h * posts / pmax
        body.append(
            f'<rect class="volume" x="{cx - slot * 0.35:.1f}" y="{top + plot_h - h:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{h:.1f}"><title>{escape(name)}: {posts:,} posts'
            f"{'' if mean is None else f', mean score {mean:.1f}'}</title></rect>"
        )
        if i % every == 0:
            body.append(_text(cx, top + plot_h + 17, name, "tick"))
        if mean is None:
            if line:
                segments.append(line)
            line = []
            continue
        line.append(f"{cx:.1f},{top + plot_h * (1 - mean / 100):.1f}")
    if line:
        segments.append(line)
    for segment in segments:
        body.append(f'<polyline class="trend" points="{" ".join(segment)}"/>')
    for i, (_, _, mean) in enumerate(points):
        if mean is not None:
            cx = left + slot * (i + 0.5)
            cy = top + plot_h * (1 - mean / 100)
            body.append(
                f'<circle class="dot {score_class(mean, bar)}" cx="{cx:.1f}" cy="{cy:.1f}" r="4"/>'
            )
            if len(points) <= 14:
                body.append(_text(cx, cy - 9, f"{mean:.0f}", "value"))
    y_bar = top + plot_h * (1 - bar / 100)
    body.append(
        f'<line class="threshold" x1="{left}" x2="{WIDTH - right}" y1="{y_bar:.1f}" y2="{y_bar:.1f}"/>'
    )
    # The legend, above the plot, where no data point can cover it.
    x = left
    body.append(f'<line class="trend" x1="{x}" x2="{x + 22}" y1="14" y2="14"/>')
    body.append(_text(x + 28, 18, "mean score", "legend", "start"))
    body.append(f'<rect class="volume" x="{x + 120}" y="8" width="14" height="12"/>')
    body.append(_text(x + 140, 18, "posts", "legend", "start"))
    body.append(f'<line class="threshold" x1="{x + 200}" x2="{x + 222}" y1="14" y2="14"/>')
    body.append(_text(x + 228, 18, f"bar {bar:g}", "legend", "start"))
    body.append(
        f'<line class="axis" x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>'
    )
    body.append(
        f'<text class="axis-title" transform="translate(14 {top + plot_h / 2:.0f}) rotate(-90)" '
        f'text-anchor="middle">mean score</text>'
    )
    body.append(
        f'<text class="axis-title muted" transform="translate({WIDTH - 10} {top + plot_h / 2:.0f}) '
        f'rotate(90)" text-anchor="middle">posts</text>'
    )
    body.append(_text(left + plot_w / 2, height - 10, "month", "axis-title"))
    return _svg(height, label, body)
