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
  See ``tag_runs.py`` for the runs that are not tag dumps.
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
  has front matter or Markdown/HTML markup, when it has ``article_words`` words or more, or when
  it is hard-wrapped (a README); references and cross-references are good writing in an
  article, not link farming. Links that serve the document are not counted (``_reference``:
  credits, cited issue numbers, anchors, badges; in an article, the links naming the items of a
  list or the rows of a table).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..model import RuleSpec
from ..text.measures import NEEDS
from .base import Builder, Context, RawFinding, Wake, fmt_number, joined
from .repetition import code_names, layout_slots
from .tag_runs import tag_runs

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
    if word in stop_words:
        return True
    return ("'" in word or "’" in word) and re.split(r"['’]", word, maxsplit=1)[0] in stop_words


_FUNCTION: dict[frozenset[str], _Memo] = {}


def _function_words(stop_words: frozenset[str]) -> _Memo:
    """One memo of function words for every check reading the same stop words (the tag runs and
    the keyword variants of a language look each new word up once, not once each)."""
    memo = _FUNCTION.get(stop_words)
    if memo is None:
        if len(_FUNCTION) > 32:  # a long-lived process compiling many policies stays bounded
            _FUNCTION.clear()
        memo = _FUNCTION[stop_words] = _Memo(partial(_function_word, stop_words))
    return memo


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
        self._function = _function_words(self.stop_words)
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
        return tag_runs(
            ctx,
            self._function,
            _LIST_ENDERS.get(self.language, _LIST_ENDERS["en"]),
            int(self.options.get("min_run", 10)),
            int(self.options.get("step", 4)),
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
        # what the layout repeats (a changelog's "Fix ..." items) is not a keyword worked in
        for family in frequent:
            positions = [i for i, s in enumerate(stems) if s == family]
            for i, laid in zip(
                positions, layout_slots(text, [spans[i] for i in positions]), strict=True
            ):
                if laid:
                    stems[i] = ""
        counts = Counter(filter(None, stems))
        frequent = {s for s in frequent if counts[s] >= threshold}
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
            names = ctx.measures.memo("code-names", lambda: code_names(ctx.post.source))
            if not names.isdisjoint(forms):
                continue  # the name of the code a reference page documents (repetition.py)
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
        links = [x for x in ctx.post.links if not _reference(source[x.start : x.end], x.url)]
        if not links:
            return
        words = ctx.measures.words
        article = _is_article(ctx, int(self.options.get("article_words", 150)))
        if article:  # an article's reference list: each item or table row named by its link
            links = [x for x in links if not _item_label(source, x.start)]
            if not links:
                return
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


# Link text that is the number of an issue, a pull request or a change ("#1529", "GH-12", "!34").
_NUMBER_TEXT = re.compile(r"\[[\s`*_]*(?:#|gh-|pr ?#?|!)?\d+[\s`*_]*\]", re.IGNORECASE)


def _reference(written: str, url: str) -> bool:
    """A link that serves the document, not a link farm: a credit to a contributor (a link on a
    person's handle "[@abbycabs](...)" or to a profile page), which guides and release notes owe;
    the number of an issue or a change a changelog cites ("[#1529](...)"); an anchor within the
    page (a table of contents); a badge (a linked image: build status, version, licence)."""
    if written.lstrip("[<").startswith("@") or _PROFILE_URL.match(url):
        return True
    if url.startswith("#") or _NUMBER_TEXT.match(written):
        return True
    return written.startswith("[![") or "<img" in written.lower()


def _is_article(ctx: Context, article_words: int) -> bool:
    post = ctx.post
    channel = str(post.meta.get("channel", "")).strip().lower()
    if channel:
        return channel in ARTICLE_CHANNELS
    if post.format != "text" or post.meta or ctx.measures.words >= article_words:
        return True
    return len(_WRAPPED_LINE.findall(post.source)) >= 3


# What stands before a link that labels a list item or a table row: the marker or "|", emphasis.
_ITEM_LABEL = re.compile(r"[ \t]*(?:[-*•+|]|\d{1,3}[.)])[ \t]*(?:\*\*|__)?")


def _item_label(source: str, start: int) -> bool:
    """The link opens a list item or a table row: it names the item (a reference list)."""
    return bool(_ITEM_LABEL.fullmatch(source, source.rfind("\n", 0, start) + 1, start))


# A line of 50 to 80 characters that the next line continues: text hard-wrapped in an editor
# (a README, a NEWS file, an e-mail), which a social post never is.
_WRAPPED_LINE = re.compile(r"^[^\n]{50,80}\n(?=[ \t]*\S)", re.MULTILINE)


def compile(rule: RuleSpec, builder: Builder) -> StuffingCheck:
    return StuffingCheck(
        rule,
        rule.options["report"],
        dict(rule.options),
        builder.language,
        frozenset(builder.stop_words) | _EXTRA_FUNCTION.get(builder.language, frozenset()),
    )
