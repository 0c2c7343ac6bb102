"""``metric``: a numeric measure of the post (or of each sentence) compared with bounds.

Options: ``metric`` (see measures.MEASURES), ``min``, ``max``. Count metrics point at the first
item beyond the limit (the fourth hashtag when ``max: 3``); sentence metrics at each sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..model import RuleSpec
from ..text.headlines import SHOUTING_SCHEMA, outside_headings
from ..text.measures import HINTS, MEASURES, NEEDS, PER_UNIT, Measure, sentence_words_over
from .base import Builder, Context, RawFinding, Wake, first_word_span, fmt_number

OPTIONS = {
    "metric": {"enum": sorted(MEASURES)},
    "min": {"type": "number"},
    "max": {"type": "number"},
    "shouting": SHOUTING_SCHEMA,
}
REQUIRED = ("metric",)


@dataclass
class MetricCheck:
    rule: RuleSpec
    metric: str
    low: float | None
    high: float | None
    skip_headings: bool = False  # count nothing inside headings (shouting: true, caps fine)

    @property
    def local(self) -> bool:
        """Per-unit findings mark their unit (a sentence); post-level ones the post."""
        return self.metric in PER_UNIT

    @property
    def wake(self) -> Wake | None:
        """A count with only a maximum reports nothing on a post holding none of what it counts
        (no "!", no "#", no link, no two capitals in a row)."""
        if self.low is not None or self.high is None or self.high < 0:
            return None
        if self.metric == "links":
            return Wake(links=True)
        if self.metric in HINTS:
            return Wake(pattern=HINTS[self.metric])
        return Wake(chars=NEEDS[self.metric]) if self.metric in NEEDS else None

    def _out(self, value: float) -> float | None:
        if self.high is not None and value > self.high:
            return self.high
        if self.low is not None and value < self.low:
            return self.low
        return None

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        if self.metric == "sentence_words" and self.low is None and self.high is not None:
            if ctx.measures.words <= self.high:
                return  # no sentence reads longer than the post has words: nothing to split
            measure = sentence_words_over(ctx.measures, self.high)  # the same findings, faster
        else:
            measure = ctx.measures.get(self.metric)
        count_metric = self.metric not in PER_UNIT and measure.value == len(measure.spans)
        if self.skip_headings and ctx.post.headlines and count_metric:
            measure = Measure(
                len(spans := outside_headings(measure.spans, ctx.post.headlines)), spans
            )
        if self.metric in PER_UNIT:
            units = list(zip(measure.spans, measure.unit_values, strict=True))
            if self.skip_headings and ctx.post.headlines:
                kept = set(outside_headings(measure.spans, ctx.post.headlines))
                units = [unit for unit in units if unit[0] in kept]
            for (start, end), value in units:
                limit = self._out(value)
                if limit is not None:
                    text = ctx.text[start:end].strip()
                    start += len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
                    yield RawFinding(
                        start,
                        start + len(text),
                        {"match": text, "value": fmt_number(value), "limit": fmt_number(limit)},
                    )
            return
        limit = self._out(measure.value)
        if limit is None:
            return
        if measure.spans and self.high is not None and measure.value > self.high:
            index = min(int(self.high), len(measure.spans) - 1)
            start, end = measure.spans[index]
        else:
            start, end = first_word_span(ctx.text)
        yield RawFinding(
            start,
            end,
            {
                # the source: a counted link is masked in the checked text
                "match": ctx.post.source[slice(*ctx.post.source_span(start, end))],
                "value": fmt_number(measure.value),
                "limit": fmt_number(limit),
            },
        )


def compile(rule: RuleSpec, builder: Builder) -> MetricCheck:
    opts = rule.options
    skip = bool(opts.get("shouting")) and not builder.caps_headings
    return MetricCheck(rule, opts["metric"], opts.get("min"), opts.get("max"), skip)


def bound_rule(
    rule_id: str,
    name: str,
    metric: str,
    category: str,
    message: str,
    bound: dict[str, Any],
    origin: str,
    when: dict[str, Any] | None = None,
) -> RuleSpec:
    """A metric rule from a governance bound ``{min, max, severity, message}`` (guidelines,
    tone knobs and channel limits all compile this way)."""
    return RuleSpec(
        id=rule_id,
        name=name,
        kind="metric",
        category=category,
        severity=bound.get("severity", "warning"),
        message=bound.get("message", message),
        options={"metric": metric, **{k: bound[k] for k in ("min", "max") if k in bound}},
        when=when,
        origin=origin,
    )
