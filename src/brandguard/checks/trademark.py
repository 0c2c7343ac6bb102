"""``trademark``: the first mention of a name carries its mark (™ or ®); later ones need not.

Options: ``marks`` ({name: "™" | "®"}). Names match exactly (case variants are the terminology
rule's job). The finding sits on the first mention and its fix appends the mark.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from ..text.inflection import fold_apostrophes
from .base import Builder, Context, RawFinding

MARK_CHARS = "™®"
OPTIONS = {
    "marks": {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": {"enum": list(MARK_CHARS)},
    }
}
REQUIRED = ("marks",)


@dataclass
class TrademarkCheck:
    rule: RuleSpec
    hit_driven = True  # finds nothing without hits of its id: run only then (engine)
    marks: dict[str, str]

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        seen: set[str] = set()
        for hit in ctx.hits(self.rule.id):
            name = " ".join(ctx.text[hit.start : hit.end].split())
            mark = self.marks.get(fold_apostrophes(name))
            if mark is None or name in seen:
                continue
            seen.add(name)
            if ctx.text[hit.end : hit.end + 1] in MARK_CHARS:
                continue
            written = ctx.text[hit.start : hit.end]
            yield RawFinding(
                hit.start,
                hit.end,
                {"match": written, "suggestion": written + mark},
                written + mark,
            )


def compile(rule: RuleSpec, builder: Builder) -> TrademarkCheck:
    marks = dict(rule.options["marks"])
    builder.add_phrases(rule.id, marks, case_sensitive=True, inflect=False)
    return TrademarkCheck(rule, {fold_apostrophes(name): mark for name, mark in marks.items()})
