"""``require``: something must be present, optionally near the top, when a condition holds.

Options: ``any`` (markers, matched as phrases) and/or ``regex``, ``patterns``;
``within_first_chars`` (the marker must start within the first N visible characters);
``case_sensitive``. The condition is the rule's common ``when:`` (metadata and content).
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
    register_matchers,
)

OPTIONS = {
    "any": PHRASES_SCHEMA,
    "regex": REGEX_SCHEMA,
    "group": GROUP_SCHEMA,
    "patterns": PATTERNS_SCHEMA,
    "within_first_chars": {"type": "integer", "minimum": 1},
    "case_sensitive": {"type": "boolean"},
}
REQUIRED = ()
ONE_OF = (("any", "regex", "patterns"),)


def visible_offset(text: str, limit: int) -> int:
    """The offset in ``text`` after ``limit`` visible characters (masked runs count once)."""
    seen = 0
    in_space = True
    for i, char in enumerate(text):
        if char.isspace():
            if not in_space:
                seen += 1
            in_space = True
        else:
            seen += 1
            in_space = False
        if seen >= limit:
            return i + 1
    return len(text)


@dataclass
class RequireCheck:
    rule: RuleSpec
    within: int | None

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        hits = ctx.hits(self.rule.id)
        start, end = first_word_span(ctx.text)
        values = {"match": ctx.text[start:end], "limit": self.within or ""}
        if not hits:
            yield RawFinding(start, end, {**values, "where": "missing"})
            return
        if self.within is not None:
            cutoff = visible_offset(ctx.text, self.within)
            if all(hit.start >= cutoff for hit in hits):
                hit = hits[0]
                yield RawFinding(
                    hit.start,
                    hit.end,
                    {**values, "match": ctx.text[hit.start : hit.end], "where": "misplaced"},
                )


def compile(rule: RuleSpec, builder: Builder) -> RequireCheck:
    opts = dict(rule.options)
    if "any" in opts:
        opts["phrases"] = opts.pop("any")
        opts.setdefault("inflect", False)
    register_matchers(rule, builder, rule.id, opts)
    return RequireCheck(rule, opts.get("within_first_chars"))
