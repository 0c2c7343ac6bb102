"""``pattern``: spaCy Matcher token patterns written in YAML, exactly as in spaCy.

Options: ``patterns`` (a list of patterns; each a list of token dicts). Patterns that use POS, TAG,
DEP, MORPH or LEMMA need a trained pipeline; without one the rule is reported as skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from .base import PATTERNS_SCHEMA, SCOPE_OPTIONS, Builder, Context, RawFinding, Scope

OPTIONS = {"patterns": PATTERNS_SCHEMA, **SCOPE_OPTIONS}
REQUIRED = ("patterns",)


@dataclass
class PatternCheck:
    rule: RuleSpec
    hit_driven = True  # finds nothing without hits of its id: run only then (engine)
    scope: Scope
    local = True  # a finding marks the words at its span (see context.py, dedupe.py)

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        for hit in self.scope.hits(ctx, self.rule.id):
            yield RawFinding(hit.start, hit.end, {"match": ctx.text[hit.start : hit.end]})


def compile(rule: RuleSpec, builder: Builder) -> PatternCheck:
    scope = Scope.of(rule, builder)
    builder.add_patterns(
        rule.id, rule.options["patterns"], rule.origin, headline=scope.headline_only
    )
    return PatternCheck(rule, scope)
