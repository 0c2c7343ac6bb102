"""``stuffing``: text written for crawlers, found by its shape rather than by a word list.

Keyword stuffing rarely repeats one exact word (``repetition`` covers that). It shows as text
out of proportion to its sentences. ``report:`` chooses which shape a rule looks for:

- ``tag-run``: a run of ``min_run`` (default 10) or more words with no function word (the
  language's spaCy stop words, which a blank pipeline has) and no sentence punctuation between
  them: "vintage retro boho y2k grunge aesthetic cottagecore festival summer levis". Prose rarely
  goes ten words without "the", "and", "di" or a full stop; a tag dump does. Commas do not end a
  run (keyword lists are comma-separated too, but a mostly comma-separated run needs 1.25 times
  ``min_run``); ``. ! ? : ; |``, brackets, quotes, a spaced dash, a line break and a link do; so
  does "and"/"or"/"etc." after commas (an enumeration in a sentence). A run yields one finding,
  and one more per ``step`` words (default 4) beyond ``min_run``: 40 tags weigh eight times 10.
- ``keyword-variants``: one keyword family (words sharing a stem after simple English/Italian
  suffix stripping: recorder, recorders, recording) used at least ``min_count`` times and more than
  ``max_density`` per 100 words, in at least ``min_variants`` different two-word phrases that each
  come back at least twice ("voice recorder" ... "audio recorder" ... "audio recorder and voice
  recorder"; a phrase does not span punctuation). Each variant stays under a single-phrase density
  limit; the family does not. An honest text repeats its topic in one fixed phrase; stuffing
  repeats the keyword with each modifier a searcher might type.
- ``hashtag-wall``: at least ``min_tags`` hashtags and more than ``max_per_100`` of them per 100
  other words: a block of tags out of proportion to a short body.
- ``link-density``: links per 100 words (a post under 100 words counts as 100, so a short post
  is judged by its count) above ``max_social`` in a social post or ``max_article`` in an
  article. A post is an article when its ``channel`` metadata says blog/newsletter/web, when it
  has front matter or Markdown/HTML markup, or when it has ``article_words`` words or more;
  references and cross-references are good writing in an article, not link farming.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..model import RuleSpec
from ..text.measures import NEEDS
from .base import Builder, Context, RawFinding, Wake, fmt_number, joined

OPTIONS = {
    "report": {"enum": ["tag-run", "keyword-variants", "hashtag-wall", "link-density"]},
    "min_run": {"type": "integer", "minimum": 3},
    "step": {"type": "integer", "minimum": 1},
    "min_count": {"type": "integer", "minimum": 2},
    "max_density": {"type": "number", "exclusiveMinimum": 0},
    "min_variants": {"type": "integer", "minimum": 2},
    "min_tags": {"type": "integer", "minimum": 1},
    "max_per_100": {"type": "number", "exclusiveMinimum": 0},
    "max_social": {"type": "number", "exclusiveMinimum": 0},
    "max_article": {"type": "number", "exclusiveMinimum": 0},
    "article_words": {"type": "integer", "minimum": 1},
}
REQUIRED = ("report",)

# What ends a run of tags: sentence punctuation, brackets, quotes, a spaced dash, a line break, a
# URL's "%20", what joins code (lib_open_file, x=1, U+2701, C:\dos); not a slash ("boho/hippie").
_RUN_BREAK = re.compile(r"[.!?:;|()\[\]{}\"“”«»<>%=_+\\]|\s[-–—]\s|\n")
# Function words that spaCy's stop-word lists lack: Italian "i", "o"; the prepositions that
# introduce an example or a comparison ("like", "including", "tramite").
_EXTRA_FUNCTION = {
    "en": frozenset("like including vs versus".split()),
    "it": frozenset("i o e ed ad od tramite incluso inclusa inclusi incluse".split()),
}
# A hashtag wall needs a hashtag, link density a link; the other shapes need words.
_WAKES = {"hashtag-wall": Wake(chars=NEEDS["hashtags"]), "link-density": Wake(links=True)}
ARTICLE_CHANNELS = frozenset({"blog", "newsletter", "email", "web", "website", "article", "docs"})
# A run that ends in "and"/"or"/"etc." after commas is an enumeration inside a sentence
# ("backups, patches, upgrades, monitoring and more"), not a tag dump.
_LIST_ENDERS = {
    "en": frozenset({"and", "or", "nor", "etc"}),
    "it": frozenset({"e", "ed", "o", "od", "oppure", "né", "ecc", "eccetera"}),
}
_EN_SUFFIXES = ("ings", "ing", "ers", "er", "ies", "es", "s", "ed")
_IT_SUFFIXES = ("zioni", "zione", "mente", "i", "e", "o", "a")


def stem(word: str, language: str) -> str:
    """A crude stem, enough to join a keyword's variants (recorder/recording, app/apps)."""
    suffixes = _IT_SUFFIXES if language == "it" else _EN_SUFFIXES
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


class _Memo(dict):
    """word → ``compute(word)``, remembered across posts (bounded), so that a post's words are
    looked up in C: ``map(memo.__getitem__, words)``."""

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> Any:
        if len(self) > 100_000:
            self.clear()
        found = self[word] = self.compute(word)
        return found


def _function_word(stop_words: frozenset[str], word: str) -> bool:
    """A stop word, or an elided one ("dell'app", "it's" count as function words)."""
    return word in stop_words or re.split(r"['’]", word, maxsplit=1)[0] in stop_words


def _family(function: _Memo, language: str, word: str) -> str:
    """The stem of a content word, "" for function words, numbers and short words."""
    return stem(word, language) if len(word) > 2 and word.isalpha() and not function[word] else ""


@dataclass
class StuffingCheck:
    rule: RuleSpec
    report: str
    options: dict[str, Any]
    language: str
    stop_words: frozenset[str]

    def __post_init__(self) -> None:
        self._function = _Memo(partial(_function_word, self.stop_words))
        self._stems = _Memo(partial(_family, self._function, self.language))
        self.wake = _WAKES.get(self.report)  # what a post needs for the shape (engine/dispatch.py)

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        if self.report == "tag-run":
            return self._tag_runs(ctx)
        if self.report == "keyword-variants":
            return self._variants(ctx)
        if self.report == "hashtag-wall":
            return self._hashtag_wall(ctx)
        return self._link_density(ctx)

    def _tag_runs(self, ctx: Context) -> Iterator[RawFinding]:
        min_run = int(self.options.get("min_run", 10))
        step = int(self.options.get("step", 4))
        words = ctx.measures.lower_words
        flags = bytes(map(self._function.__getitem__, words))
        if b"\x00" * min_run not in flags:
            return  # no run long enough even across punctuation (or words): most posts, in C
        spans = ctx.measures.word_spans
        text = ctx.text
        post = ctx.post
        edges = sorted(
            {link.start for link in post.links}
            | {link.end for link in post.links}
            | {edge for span in post.link_texts for edge in span}
        )
        enders = _LIST_ENDERS.get(self.language, _LIST_ENDERS["en"])
        # A function word empties the run: only stretches of min_run words without one (and the
        # function word closing each) give findings, from the state the word before leaves.
        for stretch in re.finditer(b"\x00{%d,}" % min_run, flags):
            first, after = stretch.span()
            run: list[int] = []
            previous_end = spans[first - 1][1] if first else -1
            mid = bool(first) and words[first - 1] not in enders
            for i in range(first, min(after + 1, len(words))):
                word, start = words[i], spans[i][0]
                if previous_end >= 0 and (
                    (gap := _RUN_BREAK.search(text, previous_end, start))
                    or _has_item(edges, previous_end, start + 1)
                ):
                    yield from self._run_findings(text, spans, run, min_run, step, mid, enders)
                    # a bracket, a quote or a dash leaves the sentence open; a full stop does not
                    run, mid = [], mid and not (gap and _SENTENCE_BREAK.match(gap.group()))
                if word in enders:
                    # an enumeration in a sentence: its items were separated by commas
                    if run and "," not in text[spans[run[0]][0] : start]:
                        yield from self._run_findings(text, spans, run, min_run, step, mid, enders)
                    run, mid = [], False
                elif flags[i]:
                    yield from self._run_findings(text, spans, run, min_run, step, mid, enders)
                    run, mid = [], True
                else:
                    run.append(i)
                previous_end = spans[i][1]
            yield from self._run_findings(text, spans, run, min_run, step, mid, enders)

    @staticmethod
    def _run_findings(
        text: str,
        spans: list[tuple[int, int]],
        run: list[int],
        min_run: int,
        step: int,
        mid: bool = False,
        enders: frozenset[str] = frozenset(),
    ) -> Iterator[RawFinding]:
        """One finding for the first ``min_run`` words, one more per ``step`` words after them
        (the last takes the remainder). A run whose words are mostly separated by commas is an
        enumeration ("HEIF, AVIF, PNG, ...") and needs 1.25 times the length: tag dumps are
        mostly bare words. Not tags at all: a list of codes (``_codes``), a comma-separated list
        of names that a sentence leads into (``mid``) and closes ("with the support of Red
        Cross, Save Fund, ... and UNHCR, among others": ``_names``), a sentence that happens to
        hold no function word (``_prose``)."""
        if len(run) < min_run:
            return
        commas = text.count(",", spans[run[0]][0], spans[run[-1]][1])
        if commas * 2 >= len(run) and 4 * len(run) < 5 * min_run:
            return
        if _codes(text, spans, run, commas) or _prose(text, spans, run):
            return
        if mid and commas * 3 >= len(run) and _names(text, spans, run, enders):
            return
        cuts = [0, *range(min_run, len(run) - step + 1, step)]
        for n, first in enumerate(cuts):
            last = run[-1] if n == len(cuts) - 1 else run[cuts[n + 1] - 1]
            start, end = spans[run[first]][0], spans[last][1]
            yield RawFinding(
                start,
                end,
                {"match": text[start:end], "count": len(run), "value": len(run), "limit": min_run},
            )

    def _variants(self, ctx: Context) -> Iterator[RawFinding]:
        min_count = int(self.options.get("min_count", 5))
        max_density = float(self.options.get("max_density", 6))
        min_variants = int(self.options.get("min_variants", 3))
        words = ctx.measures.lower_words
        total = len(words)
        threshold = max(min_count, int(max_density * total / 100) + 1)
        if total < threshold:
            return
        stems = list(map(self._stems.__getitem__, words))  # in C: no Python loop per word
        counts = Counter(filter(None, stems))
        if not counts or max(counts.values()) < threshold:
            return
        frequent = {s for s, n in counts.items() if n >= threshold}
        spans, text = ctx.measures.word_spans, ctx.text
        pairs = Counter(
            (a, b)
            for i, (a, b) in enumerate(zip(stems, stems[1:], strict=False))
            if a and b and a != b and (a in frequent or b in frequent) and joined(text, spans, i)
        )
        neighbours: dict[str, set[str]] = {s: set() for s in frequent}
        for (a, b), n in pairs.items():
            if n >= 2:  # a phrasing used once is wording; used again, it is a keyword variant
                if a in neighbours:
                    neighbours[a].add(b)
                if b in neighbours:
                    neighbours[b].add(a)
        for family in sorted(frequent, key=lambda s: (-counts[s], s)):
            if len(neighbours[family]) < min_variants:
                continue
            positions = [i for i, s in enumerate(stems) if s == family]
            forms = sorted({words[i] for i in positions})
            nth = positions[min_count - 1]
            yield RawFinding(
                spans[nth][0],
                spans[nth][1],
                {
                    "match": " / ".join(forms[:4]),
                    "count": counts[family],
                    "variants": len(neighbours[family]),
                    "value": fmt_number(round(100 * counts[family] / total, 1)),
                    "limit": fmt_number(max_density),
                },
            )

    def _hashtag_wall(self, ctx: Context) -> Iterator[RawFinding]:
        min_tags = int(self.options.get("min_tags", 4))
        max_per_100 = float(self.options.get("max_per_100", 25))
        tags = ctx.measures.get("hashtags").spans
        if len(tags) < min_tags:
            return
        body = max(ctx.measures.words - len(tags), 1)
        per_100 = 100 * len(tags) / body
        if per_100 <= max_per_100:
            return
        start, end = tags[0][0], tags[-1][1]
        yield RawFinding(
            start,
            end,
            {
                "match": " ".join(ctx.text[s:e] for s, e in tags[:6]),
                "count": len(tags),
                "words": body,
                "value": fmt_number(round(per_100, 1)),
                "limit": fmt_number(max_per_100),
            },
        )

    def _link_density(self, ctx: Context) -> Iterator[RawFinding]:
        source = ctx.post.source
        links = [x for x in ctx.post.links if not _credit(source[x.start : x.end], x.url)]
        if not links:
            return
        words = ctx.measures.words
        article = _is_article(ctx, int(self.options.get("article_words", 150)))
        limit = float(
            self.options.get("max_article" if article else "max_social", 8 if article else 3)
        )
        density = 100 * len(links) / max(words, 100)
        if density <= limit:
            return
        index = min(int(limit * max(words, 100) / 100), len(links) - 1)
        link = links[index]
        yield RawFinding(
            link.start,
            link.end,
            {
                "match": ctx.post.source[link.start : link.end],
                "count": len(links),
                "kind": "article" if article else "social post",
                "value": fmt_number(round(density, 1)),
                "limit": fmt_number(limit),
            },
        )


# A person's profile: one path segment on a code host or a social network.
_PROFILE_URL = re.compile(
    r"https?://(?:www\.)?(?:github\.com|gitlab\.com|twitter\.com|x\.com|linkedin\.com/in|"
    r"bsky\.app/profile|mastodon\.social)/@?[\w.-]+/?\Z",
    re.IGNORECASE,
)


def _credit(written: str, url: str) -> bool:
    """A link on a person's handle ("[@abbycabs](...)") or to a profile page: a credit to a
    contributor, which guides and release notes owe, not a link farm."""
    return written.lstrip("[<").startswith("@") or bool(_PROFILE_URL.match(url))


def _codes(text: str, spans: list[tuple[int, int]], run: list[int], commas: int) -> bool:
    """A list of standards or formats ("FIPS 140-3, SP 800-90A", "EAN-13, UPC-A, QR Code,
    PDF417, AZTEC", "SP 800-108 Feedback KDF"), which specifications need: a third or more of
    the run's words hold a digit or are in capitals and commas separate the items; or, in a run
    that is not shouted (a third of its words in lower case), half of its words are codes with
    no lower-case letter ("SP", "800-56C", "KDF"; not "90s" or "y2k"). A tag list ("Tags:
    Vintage, Retro, Boho, Nike"), a brand-name run or a run in capitals is still stuffing."""
    coded = strict = cased = 0
    for i in run:
        word = text[spans[i][0] : spans[i][1]]
        upper = len(word) >= 2 and word.isupper()
        digit = any(c.isdigit() for c in word)
        lower = any(c.islower() for c in word)
        coded += digit or upper
        strict += (digit or upper) and not lower
        cased += lower
    if commas * 3 >= len(run) and coded * 3 >= len(run):
        return True
    return strict * 2 >= len(run) and cased * 3 >= len(run)


def _names(text: str, spans: list[tuple[int, int]], run: list[int], enders: frozenset[str]) -> bool:
    """Two thirds of the run's words are capitalised (organisations, products) and the sentence
    closes the enumeration with "and"/"e" before it ends: names listed in a sentence."""
    capitalised = sum(1 for i in run if text[spans[i][0]].isupper())
    if 3 * capitalised < 2 * len(run):
        return False
    rest = _SENTENCE_REST.match(text, spans[run[-1]][1])
    return bool(rest) and any(w in enders for w in rest.group().lower().split())


_SENTENCE_OPEN = re.compile(r"(?:\A|[.!?]\s|\n)\s*\Z")
_SENTENCE_BREAK = re.compile(r"[.!?:;|\n]")
_SENTENCE_REST = re.compile(r"[^.!?:;\n]{0,300}")
_SENTENCE_CLOSE = re.compile(r"[^.!?:;\n]{0,200}?\.(?!\w)")


def _prose(text: str, spans: list[tuple[int, int]], run: list[int]) -> bool:
    """The run is prose: it opens a sentence with a capital, its other words are in lower case
    and none comes back, and the sentence ends with a full stop on the same line ("Fast deploys
    keep developers productive all day."). A tag dump repeats its keywords or has no sentence
    shape."""
    first, end = spans[run[0]], spans[run[-1]][1]
    if not text[first[0]].isupper() or not _SENTENCE_CLOSE.match(text, end):
        return False
    if not _SENTENCE_OPEN.search(text, max(0, first[0] - 3), first[0]):
        return False
    words = [text[s:e] for s, e in (spans[i] for i in run[1:])]
    lowered = [w.lower() for w in words]
    return words == lowered and len(set(lowered)) == len(lowered)


def _has_item(sorted_items: list[int], start: int, end: int) -> bool:
    i = bisect_left(sorted_items, start)
    return i < len(sorted_items) and sorted_items[i] < end


def _is_article(ctx: Context, article_words: int) -> bool:
    post = ctx.post
    channel = str(post.meta.get("channel", "")).strip().lower()
    if channel:
        return channel in ARTICLE_CHANNELS
    return post.format != "text" or bool(post.meta) or ctx.measures.words >= article_words


def compile(rule: RuleSpec, builder: Builder) -> StuffingCheck:
    return StuffingCheck(
        rule,
        rule.options["report"],
        dict(rule.options),
        builder.language,
        frozenset(builder.stop_words) | _EXTRA_FUNCTION.get(builder.language, frozenset()),
    )
