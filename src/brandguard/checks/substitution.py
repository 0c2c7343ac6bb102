"""``substitution``: a bad form and the preferred one; every match carries a fix.

Options: ``swap`` ({bad: good}), ``case_sensitive`` (default false), ``inflect`` (default false:
an inflected match would get an uninflected replacement, so such fixes are unsafe), ``fix``
(``safe``, the default, or ``unsafe`` for swaps that may change the meaning: applied only with
``--unsafe-fixes``), ``keep_case`` (default true: case-insensitive matches keep the writer's
capitalisation, "Utilize" → "Use"; false for names, whose spelling is fixed), ``allow`` (exact
forms that are never flagged).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from ..text.inflection import fold_apostrophes
from .base import Builder, Context, RawFinding

OPTIONS = {
    "swap": {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": {"type": "string"},
    },
    "case_sensitive": {"type": "boolean"},
    "inflect": {"type": "boolean"},
    "keep_case": {"type": "boolean"},
    "allow": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "fix": {"enum": ["safe", "unsafe"]},
}
REQUIRED = ("swap",)


def _normal(text: str, case_sensitive: bool) -> str:
    folded = fold_apostrophes(" ".join(text.split()))
    return folded if case_sensitive else folded.lower()


def keep_case(matched: str, replacement: str) -> str:
    """Carry the matched text's capitalisation over to the replacement."""
    if matched.isupper() and len(matched) > 1 and replacement.lower() == replacement:
        return replacement.upper()
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass
class SubstitutionCheck:
    rule: RuleSpec
    hit_driven = True  # finds nothing without hits of its id: run only then (engine)
    local = True  # a finding marks the words at its span (see context.py, dedupe.py)
    table: dict[str, str]
    case_sensitive: bool
    keep_case: bool = True
    allow: frozenset[str] = frozenset()
    safe: bool = True
    listed: frozenset[str] = frozenset()  # the swap's own keys; other matches are inflections

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        for hit in ctx.hits(self.rule.id):
            matched = ctx.text[hit.start : hit.end]
            good = self.table.get(_normal(matched, self.case_sensitive))
            if good is None or matched == good or " ".join(matched.split()) in self.allow:
                continue
            if not self.case_sensitive and self.keep_case:
                good = keep_case(matched, good)
            safe = self.safe and _normal(matched, self.case_sensitive) in self.listed
            values = {"match": matched, "suggestion": good}
            yield RawFinding(hit.start, hit.end, values, good, safe)


def compile(rule: RuleSpec, builder: Builder) -> SubstitutionCheck:
    case_sensitive = bool(rule.options.get("case_sensitive", False))
    inflect = bool(rule.options.get("inflect", False))
    swap: dict[str, str] = rule.options["swap"]
    builder.add_phrases(rule.id, swap, case_sensitive=case_sensitive, inflect=inflect)
    table = {_normal(bad, case_sensitive): good for bad, good in swap.items()}
    if inflect:
        from ..text.inflection import variants

        for bad, good in swap.items():
            for form in variants(bad, builder.language):
                table.setdefault(_normal(form, case_sensitive), good)
    listed = frozenset(_normal(bad, case_sensitive) for bad in swap)
    return SubstitutionCheck(
        rule,
        table,
        case_sensitive,
        bool(rule.options.get("keep_case", True)),
        frozenset(rule.options.get("allow", ())),
        rule.options.get("fix", "safe") == "safe",
        listed,
    )
