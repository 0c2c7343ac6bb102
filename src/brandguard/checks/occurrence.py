"""``occurrence``: how often something may appear in a post, absolutely or per N words.

Options: one or more of ``phrases``/``regex``/``patterns``, ``max``, ``min``, ``per_words`` (the
limits scale with the post's length: ``max: 2, per_words: 100`` allows two per hundred words, and
never fewer than ``max`` itself), ``inflect``, ``case_sensitive``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from .base import (
    GROUP_SCHEMA,
    PATTERNS_SCHEMA,
    PHRASES_SCHEMA,
    REGEX_SCHEMA,
    Builder,
    Context,
    RawFinding,
    first_word_span,
    fmt_number,
    register_matchers,
)

OPTIONS = {
    "phrases": PHRASES_SCHEMA,
    "regex": REGEX_SCHEMA,
    "group": GROUP_SCHEMA,
    "patterns": PATTERNS_SCHEMA,
    "max": {"type": "integer", "minimum": 0},
    "min": {"type": "integer", "minimum": 0},
    "per_words": {"type": "integer", "minimum": 1},
    "inflect": {"type": "boolean"},
    "case_sensitive": {"type": "boolean"},
}
REQUIRED = ()
ONE_OF = (("phrases", "regex", "patterns"), ("max", "min"))


@dataclass
class OccurrenceCheck:
    rule: RuleSpec
    low: int | None
    high: int | None
    per_words: int | None

    @property
    def hit_driven(self) -> bool:
        """With only a maximum, a post without hits of the rule has nothing to report."""
        return self.low is None

    def _scaled(self, limit: int, words: int) -> float:
        if not self.per_words:
            return limit
        return max(limit, limit * words / self.per_words)

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        hits = ctx.hits(self.rule.id)
        words = ctx.measures.words
        if self.high is not None:
            limit = self._scaled(self.high, words)
            if len(hits) > limit:
                hit = hits[int(limit)]
                yield RawFinding(
                    hit.start,
                    hit.end,
                    {
                        "match": ctx.text[hit.start : hit.end],
                        "count": len(hits),
                        "value": len(hits),
                        "limit": fmt_number(limit),
                    },
                )
        if self.low is not None:
            limit = self._scaled(self.low, words)
            if len(hits) < limit:
                start, end = first_word_span(ctx.text)
                yield RawFinding(
                    start,
                    end,
                    {
                        "match": ctx.text[start:end],
                        "count": len(hits),
                        "value": len(hits),
                        "limit": fmt_number(limit),
                    },
                )


def compile(rule: RuleSpec, builder: Builder) -> OccurrenceCheck:
    register_matchers(rule, builder, rule.id, rule.options)
    opts = rule.options
    return OccurrenceCheck(rule, opts.get("min"), opts.get("max"), opts.get("per_words"))
