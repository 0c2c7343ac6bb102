"""The ``tag-run`` shape of ``stuffing``: a run of words with no function word and no sentence
punctuation ("vintage retro boho y2k grunge aesthetic cottagecore festival summer levis"), and
what such a run is when it is not a tag dump: a list of codes or standards, names a sentence
leads into, a sentence that happens to hold no function word, names carried over the lines of
a hard-wrapped paragraph (credits), or a list someone put in alphabetical order (an index, the
programs of a package).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping

from .base import Context, RawFinding

# What ends a run of tags: sentence punctuation, brackets, quotes, a spaced dash, a line break, a
# URL's "%20", what joins code (lib_open_file, x=1, U+2701, C:\dos); not a slash ("boho/hippie").
_RUN_BREAK = re.compile(r"[.!?:;|()\[\]{}\"“”«»<>%=_+\\]|\s[-–—]\s|\n")


def tag_runs(
    ctx: Context, function: Mapping[str, bool], enders: frozenset[str], min_run: int, step: int
) -> Iterator[RawFinding]:
    """The runs of ``min_run`` words or more with no function word (``function[word]``) and no
    sentence punctuation; ``enders`` ("and", "or", "etc.") close an enumeration in a sentence."""
    words = ctx.measures.lower_words
    flags = bytes(map(function.__getitem__, words))
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
                or (edges and _has_item(edges, previous_end, start + 1))
            ):
                yield from _run_findings(text, spans, run, min_run, step, mid, enders)
                # a bracket, a quote or a dash leaves the sentence open; a full stop does not
                run, mid = [], mid and not (gap and _SENTENCE_BREAK.match(gap.group()))
            if word in enders:
                # an enumeration in a sentence: its items were separated by commas
                if run and "," not in text[spans[run[0]][0] : start]:
                    yield from _run_findings(text, spans, run, min_run, step, mid, enders)
                run, mid = [], False
            elif flags[i]:
                yield from _run_findings(text, spans, run, min_run, step, mid, enders)
                run, mid = [], True
            else:
                run.append(i)
            previous_end = spans[i][1]
        yield from _run_findings(text, spans, run, min_run, step, mid, enders)


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
    Cross, Save Fund, ... and UNHCR, among others": ``_names``) or that a hard-wrapped
    paragraph carries over its lines (the credits of a release: ``_wrapped``), a sentence that
    happens to hold no function word (``_prose``), a list in alphabetical order
    (``_alphabetical``)."""
    if len(run) < min_run:
        return
    commas = text.count(",", spans[run[0]][0], spans[run[-1]][1])
    if commas * 2 >= len(run) and 4 * len(run) < 5 * min_run:
        return
    if _codes(text, spans, run, commas) or _prose(text, spans, run):
        return
    listed = (commas + 1) * 3 >= len(run)  # items of three words or fewer, between commas
    if listed and _capitalised(text, spans, run):
        if (mid and _names(text, spans, run, enders)) or _wrapped(text, spans, run):
            return
    if _alphabetical(text, spans, run, listed):
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


def _capitalised(text: str, spans: list[tuple[int, int]], run: list[int]) -> bool:
    """Two thirds of the run's words are capitalised: names (people, organisations, products)."""
    return 3 * sum(1 for i in run if text[spans[i][0]].isupper()) >= 2 * len(run)


def _names(text: str, spans: list[tuple[int, int]], run: list[int], enders: frozenset[str]) -> bool:
    """The sentence closes the enumeration with "and"/"e" before it ends: names listed in a
    sentence."""
    rest = _SENTENCE_REST.match(text, spans[run[-1]][1])
    return bool(rest) and any(w in enders for w in rest.group().lower().split())


# A comma at the end of a line and more on the next: an enumeration hard-wrapped to a width.
_WRAP_AFTER = re.compile(r"[ \t]*,[ \t]*\n[ \t]*\S")
_WRAP_BEFORE = re.compile(r",[ \t]*\n[ \t]*\Z")


def _wrapped(text: str, spans: list[tuple[int, int]], run: list[int]) -> bool:
    """The enumeration goes on over a line break after a comma, from a line filled to a wrap
    width (50 to 100 characters): a paragraph wrapped as documents written in an editor are
    ("... contributed to this release: Ada Byrne, Bo Chen,\n Cy Dunn, ..."). A listing's tags
    sit on the line they were typed on."""
    start, end = spans[run[0]][0], spans[run[-1]][1]
    after = _WRAP_AFTER.match(text, end)
    before = _WRAP_BEFORE.search(text, max(0, start - 40), start)
    if after:
        line = text.rfind("\n", 0, start) + 1
        return 50 <= text.find("\n", end) - line <= 100
    if before:
        previous = text.rfind("\n", 0, before.start()) + 1
        return 50 <= before.start() + text[before.start() :].index("\n") - previous <= 100
    return False


_ITEM_KEY = re.compile(r"\w+")


def _alphabetical(text: str, spans: list[tuple[int, int]], run: list[int], listed: bool) -> bool:
    """The items are in alphabetical order (by their first word when commas separate them): a
    reference list someone sorted so readers can look things up (an index, the credits of a
    release, the programs of a package: "cat chmod chown cp cut date dd"). Tags are typed in
    the order they come to mind; five or more of them in order by chance is rare (1 in 120)."""
    start, end = spans[run[0]][0], spans[run[-1]][1]
    if listed:
        keys = [
            m.group().lower()
            for part in text[start:end].split(",")
            if (m := _ITEM_KEY.search(part))
        ]
    else:
        keys = [text[s:e].lower() for s, e in (spans[i] for i in run)]
    return len(set(keys)) >= 5 and all(a <= b for a, b in zip(keys, keys[1:], strict=False))


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
