"""``repetition``: the same content word or n-gram repeated beyond a density (keyword stuffing).

Options: ``ngram`` (1–3, default 1), ``min_count`` (default 3: fewer repeats never fire),
``max_density`` (occurrences per 100 words, default 4), ``min_words`` (posts shorter than this
are judged by ``min_count`` alone, default 0), ``ignore`` (words never counted). Stop words of
the post's language and numbers are not counted; ``#coffee`` counts as ``coffee``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from .base import Builder, Context, RawFinding, fmt_number

OPTIONS = {
    "ngram": {"type": "integer", "minimum": 1, "maximum": 3},
    "min_count": {"type": "integer", "minimum": 2},
    "max_density": {"type": "number", "exclusiveMinimum": 0},
    "min_words": {"type": "integer", "minimum": 0},
    "ignore": {"type": "array", "items": {"type": "string"}},
}
REQUIRED = ()


@dataclass
class RepetitionCheck:
    rule: RuleSpec
    ngram: int
    min_count: int
    max_density: float
    min_words: int
    ignore: frozenset[str]
    stop_words: frozenset[str]

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        tokens = ctx.measures.word_tokens
        words = len(tokens)
        if words < max(self.min_words, self.min_count):
            return
        keys: list[tuple[str, int, int] | None] = []
        for tok in tokens:
            word = tok.lower_.lstrip("#")
            if (
                len(word) < 3
                or not word.isalpha()
                or word in self.stop_words
                or word in self.ignore
            ):
                keys.append(None)
            else:
                keys.append((word, tok.idx, tok.idx + len(tok.text)))
        places: dict[str, list[tuple[int, int]]] = defaultdict(list)
        n = self.ngram
        for i in range(len(keys) - n + 1):
            window = keys[i : i + n]
            if any(k is None for k in window):
                continue
            places[" ".join(k[0] for k in window)].append((window[0][1], window[-1][2]))
        for term, spans in places.items():
            count = len(spans)
            density = 100 * count / words
            if count >= self.min_count and density > self.max_density:
                start, end = spans[self.min_count - 1]
                yield RawFinding(
                    start,
                    end,
                    {
                        "match": term,
                        "count": count,
                        "value": fmt_number(round(density, 1)),
                        "limit": fmt_number(self.max_density),
                    },
                )


def compile(rule: RuleSpec, builder: Builder) -> RepetitionCheck:
    opts = rule.options
    return RepetitionCheck(
        rule,
        int(opts.get("ngram", 1)),
        int(opts.get("min_count", 3)),
        float(opts.get("max_density", 4)),
        int(opts.get("min_words", 0)),
        frozenset(w.lower() for w in opts.get("ignore", [])),
        frozenset(builder.stop_words),
    )
