"""``phrase``: literal terms, case-insensitive and inflection-aware.

Options: ``phrases`` (list), ``inflect`` (default true: "synergy" also matches "synergies"),
``case_sensitive`` (default false).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from .base import PHRASES_SCHEMA, SCOPE_OPTIONS, Builder, Context, RawFinding, Scope

OPTIONS = {
    "phrases": PHRASES_SCHEMA,
    "inflect": {"type": "boolean"},
    "case_sensitive": {"type": "boolean"},
    **SCOPE_OPTIONS,
}
REQUIRED = ("phrases",)


@dataclass
class PhraseCheck:
    rule: RuleSpec
    hit_driven = True  # finds nothing without hits of its id: run only then (engine)
    scope: Scope
    local = True  # a finding marks the words at its span (see context.py, dedupe.py)

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        for hit in self.scope.hits(ctx, self.rule.id):
            yield RawFinding(hit.start, hit.end, {"match": ctx.text[hit.start : hit.end]})


def compile(rule: RuleSpec, builder: Builder) -> PhraseCheck:
    builder.add_phrases(
        rule.id,
        rule.options["phrases"],
        case_sensitive=bool(rule.options.get("case_sensitive", False)),
        inflect=bool(rule.options.get("inflect", True)),
    )
    return PhraseCheck(rule, Scope.of(rule, builder))
