"""What the report page needs, counted while the audit's records stream past.

Why: an audit may hold millions of posts, so nothing here grows with the number of posts. Scores
go into fixed buckets and sums; groups (channels, authors, months) are capped at ``MAX_GROUPS``
per breakdown, later newcomers counted under "other"; each rule keeps one excerpt and a capped
tally of the words it matched; only the ``WORST`` lowest-scoring posts keep their text.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ...model import AuditSummary, PostResult
from .columns import DateOrder, Month, date_key, find_columns, label
from .excerpts import Excerpt, excerpt, is_post_level, opening

WORST = 50  # posts listed with their text
MAX_GROUPS = 2000  # distinct values counted per breakdown; the rest go to OTHER
OTHER = "(other)"
MATCH_FORMS = 200  # distinct matched forms tallied per rule


@dataclass
class Group:
    """Totals of one set of posts (all of them, a channel, an author, a month)."""

    posts: int = 0
    score_sum: float = 0.0
    below: int = 0
    categories: dict[str, float] = field(default_factory=dict)
    flagged: dict[str, int] = field(default_factory=dict)  # posts with findings per category

    def add(self, result: PostResult) -> None:
        self.posts += 1
        self.score_sum += result.score.total
        self.below += not result.score.passed
        for name, value in result.score.categories.items():
            self.categories[name] = self.categories.get(name, 0.0) + value
        for name in {f.category for f in result.findings}:
            self.flagged[name] = self.flagged.get(name, 0) + 1

    def merge(self, other: Group) -> None:
        self.posts += other.posts
        self.score_sum += other.score_sum
        self.below += other.below
        for name, value in other.categories.items():
            self.categories[name] = self.categories.get(name, 0.0) + value
        for name, count in other.flagged.items():
            self.flagged[name] = self.flagged.get(name, 0) + count

    @property
    def mean(self) -> float:
        return self.score_sum / self.posts if self.posts else 0.0

    def category_mean(self, name: str) -> float | None:
        return (
            self.categories[name] / self.posts if name in self.categories and self.posts else None
        )


@dataclass
class RuleStats:
    name: str
    category: str
    severity: str
    findings: int = 0
    posts: int = 0
    post_level: bool = True  # every finding so far was about the whole post
    example: Excerpt | None = None  # the first finding on particular words
    example_post: str = ""
    example_note: str = ""  # what a measuring rule found there ("31 words in a sentence…")
    whole_example: tuple[str, str, str] | None = None  # (message, post id, the post's opening)
    forms: Counter[str] = field(default_factory=Counter)


def _form(match: str) -> str:
    """A match as tallied: lower case, one line, no edge punctuation; "" for a sentence or a run
    of tags (over six words or 48 characters), which never repeats word for word."""
    form = " ".join(match.lower().split()).strip(" ,.;:")
    if len(form) > 48 or form.count(" ") > 5:
        return ""
    return form or match.strip()


@dataclass
class Worst:
    """One of the lowest-scoring posts: its result (with source) and its group labels."""

    result: PostResult
    labels: dict[str, str]


@dataclass
class ReportStats:
    """Feed it every ``(result, columns)``; read the totals, groups, rules and worst posts."""

    summary: AuditSummary
    post_kinds: frozenset[str] | None = None  # rule ids that may judge the whole post
    day_first: bool = False  # for dates like 05/03/2024 that the column does not settle
    overall: Group = field(default_factory=Group)
    histogram: list[int] = field(default_factory=lambda: [0] * 10)
    columns: dict[str, str] | None = None  # dimension -> input column, from the first row
    groups: dict[str, dict[Any, Group]] = field(default_factory=dict)
    undated: int = 0
    rules: dict[str, RuleStats] = field(default_factory=dict)
    worst: list[tuple[float, int, Worst]] = field(default_factory=list)  # heap, best on top
    seen: int = 0
    order: DateOrder | None = None

    def add(self, result: PostResult, columns: dict[str, Any]) -> None:
        if result.error:
            return
        self.seen += 1
        if self.columns is None:
            self.columns = find_columns(columns)
            self.groups = {dimension: {} for dimension in self.columns}
            self.order = DateOrder(self.day_first)
        self.overall.add(result)
        self.histogram[min(int(result.score.total) // 10, 9)] += 1
        labels = self._group(result, columns)
        self._rules(result)
        # Keep the WORST lowest scores: the heap's top is the best of those kept; ties keep
        # the earlier post.
        entry = (-result.score.total, -self.seen, Worst(result, labels))
        if len(self.worst) < WORST:
            heapq.heappush(self.worst, entry)
        elif entry[:2] > self.worst[0][:2]:
            heapq.heapreplace(self.worst, entry)

    def _group(self, result: PostResult, columns: dict[str, Any]) -> dict[str, str]:
        labels: dict[str, str] = {}
        for dimension, column in (self.columns or {}).items():
            value = columns.get(column)
            key: Any
            if dimension == "date":
                key = date_key(value)
                if key is None:
                    self.undated += 1
                    continue
                assert self.order is not None
                self.order.see(value)
            else:
                key = label(value)
                if key is None:
                    continue
            shown = label(value, 40)
            if shown:
                labels[dimension] = shown
            groups = self.groups[dimension]
            if key not in groups and len(groups) >= MAX_GROUPS:
                key = OTHER
            groups.setdefault(key, Group()).add(result)
        return labels

    def _rules(self, result: PostResult) -> None:
        seen: set[str] = set()
        for f in result.findings:
            stats = self.rules.get(f.rule_id)
            if stats is None:
                stats = self.rules[f.rule_id] = RuleStats(f.name, f.category, f.severity)
            stats.findings += 1
            if f.rule_id not in seen:
                seen.add(f.rule_id)
                stats.posts += 1
            if is_post_level(f, result.source, self.post_kinds):
                if stats.whole_example is None:
                    stats.whole_example = (f.message, result.id, opening(result.source))
                continue
            stats.post_level = False
            if stats.example is None:
                stats.example = excerpt(result.source, f.start, f.end)
                stats.example_post = result.id
                measuring = self.post_kinds is not None and f.rule_id in self.post_kinds
                if measuring and any(c.isdigit() for c in f.message):  # says what it measured
                    stats.example_note = f.message
            form = _form(f.match)
            if form and (form in stats.forms or len(stats.forms) < MATCH_FORMS):
                stats.forms[form] += 1

    def months(self) -> dict[Month, Group]:
        """The date breakdown by calendar month, ambiguous d/m dates settled by the column."""
        merged: dict[Month, Group] = {}
        for key, group in self.groups.get("date", {}).items():
            if key == OTHER:
                continue
            month = self.order.month(key) if self.order else key[:2]
            merged.setdefault(month, Group()).merge(group)
        return dict(sorted(merged.items()))

    def worst_posts(self) -> list[Worst]:
        """The lowest scores first (ties in input order); a post with nothing to fix is left out."""
        ranked = sorted(self.worst, key=lambda e: e[:2], reverse=True)
        return [w for _, _, w in ranked if w.result.findings]
