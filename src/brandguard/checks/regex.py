"""``regex``: Python regular expressions over the checked text (code and URLs masked out).

Options: ``regex`` (one or a list), ``case_sensitive`` (default false), ``group`` (the capture
group whose span is reported, so a regex can consume context instead of using slow look-behinds). All regex rules of a
policy share one combined pre-pass, so a post with no regex hit costs one scan.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from .base import (
    GROUP_SCHEMA,
    REGEX_SCHEMA,
    SCOPE_OPTIONS,
    Builder,
    Context,
    RawFinding,
    Scope,
    as_list,
)

OPTIONS = {
    "regex": REGEX_SCHEMA,
    "case_sensitive": {"type": "boolean"},
    "group": GROUP_SCHEMA,
    **SCOPE_OPTIONS,
}
REQUIRED = ("regex",)


@dataclass
class RegexCheck:
    rule: RuleSpec
    hit_driven = True  # finds nothing without hits of its id: run only then (engine)
    scope: Scope
    local = True  # a finding marks the words at its span (see context.py, dedupe.py)

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        for hit in self.scope.hits(ctx, self.rule.id):
            yield RawFinding(hit.start, hit.end, {"match": ctx.text[hit.start : hit.end]})


def compile(rule: RuleSpec, builder: Builder) -> RegexCheck:
    scope = Scope.of(rule, builder)
    for pattern in as_list(rule.options["regex"]):
        builder.add_regex(
            rule.id,
            pattern,
            case_sensitive=bool(rule.options.get("case_sensitive", False)),
            origin=rule.origin,
            group=rule.options.get("group", 0),
            headline=scope.headline_only,
        )
    return RegexCheck(rule, scope)
