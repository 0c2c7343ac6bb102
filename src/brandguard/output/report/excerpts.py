"""The words a finding is about, in context, and a post's text with its findings marked in place.

Why: a rule id means nothing to a content lead; "…we **leverage synergies** to deliver…" does.
Findings carry character offsets into the post's source, so the excerpt is cut from the source
itself. A finding about the whole post (a reading grade, a missing disclosure) points at the
post's first word only as a position; its excerpt is the measured value and the post's opening,
never that word highlighted as if it were the problem. Everything is escaped here, once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ...model import Finding

CONTEXT = 60  # characters of context on each side of an excerpt
MATCH_CHARS = 160  # longer matches (a whole sentence) keep their two ends
POST_CHARS = 1500  # a post up to this long is shown whole; longer ones around their findings
WINDOW = 220  # characters shown around each finding of a long post

# What cannot be a visible word before a post's first word: front matter, tags, comments, URLs.
_HIDDEN = re.compile(
    r"\A\ufeff?---\n.*?\n(?:---|\.\.\.)\n|<!--.*?-->|<[^>]*>|https?://\S+|&\w+;",
    re.DOTALL,
)


_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<!--.*?-->", re.DOTALL)


def at_post_start(source: str, start: int) -> bool:
    """True when no visible word comes before ``start`` (where whole-post findings point)."""
    return not re.search(r"\w", _HIDDEN.sub(" ", source[:start]))


def is_post_level(finding: Finding, source: str, post_kinds: frozenset[str] | None) -> bool:
    """A finding about the whole post rather than about the words it points at.

    ``post_kinds``: ids of the policy's rules that measure or require something of the whole
    post (metric, require, occurrence, disclosure); ``None`` when unknown (any rule may be).
    """
    if post_kinds is not None and finding.rule_id not in post_kinds:
        return False
    return (
        " " not in finding.match.strip()
        and len(finding.match) <= 30
        and at_post_start(source, finding.start)
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shorten(match: str) -> str:
    match = _one_line(match)
    if len(match) <= MATCH_CHARS:
        return match
    half = MATCH_CHARS // 2
    return match[:half].rstrip() + " … " + match[-half:].lstrip()


@dataclass(frozen=True)
class Excerpt:
    """``before`` + ``match`` + ``after``, one line each, cut at word boundaries."""

    before: str
    match: str
    after: str

    def html(self) -> str:
        return f"{escape(self.before)}<mark>{escape(self.match)}</mark>{escape(self.after)}"

    def text(self) -> str:
        return f"{self.before}{self.match}{self.after}"


def excerpt(source: str, start: int, end: int, context: int = CONTEXT) -> Excerpt:
    """The match with up to ``context`` characters on each side, whole words only.

    Markup around the words is noise in a one-line excerpt, so whole tags and comments (and a tag
    cut off at the window's edge) are dropped from the context before it is measured.
    """
    start, end = max(0, min(start, len(source))), max(0, min(end, len(source)))
    wide = 4 * context
    before, after = source[max(0, start - wide) : start], source[end : end + wide]
    if start - wide > 0:
        before = re.sub(r"^[^<>]*>", "", before)
    if end + wide < len(source):
        after = re.sub(r"<[^<>]*$", "", after)
    before, after = _TAG.sub(" ", before), _TAG.sub(" ", after)
    cut_before, cut_after = start - wide > 0 or len(before) > context, len(after) > context
    before, after = before[-context:], after[:context]
    if cut_before and " " in before.strip():
        before = "…" + before[before.find(" ") :].lstrip(" ")
    if (cut_after or end + wide < len(source)) and " " in after.strip():
        after = after[: after.rfind(" ")].rstrip() + "…"
    lead = " " if before[-1:].isspace() else ""
    trail = " " if after[:1].isspace() else ""
    return Excerpt(
        _one_line(before) + lead if before.strip() else "",
        _shorten(source[start:end]),
        trail + _one_line(after) if after.strip() else "",
    )


def opening(source: str, chars: int = 90) -> str:
    """The first visible words of a post (front matter and tags left out), one line."""
    text = _one_line(_HIDDEN.sub(" ", source))
    if len(text) <= chars:
        return text
    cut = text[:chars]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


@dataclass(frozen=True)
class Mark:
    """A finding drawn in a post: its span, its number in the list beside the text, severity."""

    start: int
    end: int
    number: int
    severity: str
    title: str


def _windows(length: int, marks: Sequence[Mark]) -> list[tuple[int, int]]:
    if length <= POST_CHARS:
        return [(0, length)]
    spans = sorted([(0, min(length, WINDOW))] + [(m.start - WINDOW, m.end + WINDOW) for m in marks])
    merged: list[list[int]] = []
    shown = 0
    for start, end in spans:
        start, end = max(0, start), min(length, end)
        if merged and start <= merged[-1][1]:
            shown += max(0, end - merged[-1][1])
            merged[-1][1] = max(merged[-1][1], end)
        elif shown < 4 * POST_CHARS:
            merged.append([start, end])
            shown += end - start
    return [(s, e) for s, e in merged]


_RANK = {"error": 0, "warning": 1, "info": 2}


def highlight(source: str, marks: Sequence[Mark]) -> str:
    """The post as escaped HTML, each mark's words in ``<mark>`` followed by its number.

    Overlapping findings split the text at every boundary; a piece covered by several takes the
    most severe one's colour. A long post shows its start and the text around each finding.
    """
    parts: list[str] = []
    windows = _windows(len(source), marks)
    for index, (low, high) in enumerate(windows):
        if index or low > 0:
            parts.append('<span class="gap">…</span>')
        inside = [m for m in marks if m.start < high and m.end > low and m.end > m.start]
        cuts = sorted(
            {low, high, *(max(low, m.start) for m in inside), *(min(high, m.end) for m in inside)}
        )
        for left, right in itertools.pairwise(cuts):
            piece = escape(source[left:right])
            covering = [m for m in inside if m.start <= left and m.end >= right]
            if covering:
                top = min(covering, key=lambda m: (_RANK.get(m.severity, 3), m.number))
                titles = " · ".join(m.title for m in covering)
                piece = (
                    f'<mark class="{escape(top.severity)}" title="{escape(titles)}">{piece}</mark>'
                )
            parts.append(piece)
            ends = [m.number for m in inside if m.end == right]
            if ends:
                parts.append("".join(f'<sup class="fn">{n}</sup>' for n in sorted(ends)))
    if windows[-1][1] < len(source):
        parts.append('<span class="gap">…</span>')
    return "".join(parts)
