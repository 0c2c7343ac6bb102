"""``repetition``: the same content word or n-gram repeated beyond a density (keyword stuffing).

Options: ``ngram`` (1–3, default 1), ``min_count`` (default 3: fewer repeats never fire),
``max_density`` (occurrences per 100 words, default 4), ``min_words`` (posts shorter than this
are judged by ``min_count`` alone, default 0), ``ignore`` (words never counted). Stop words of
the post's language and numbers are not counted; ``#coffee`` counts as ``coffee``; a phrase
does not span punctuation; words inside quotation marks (mentioned, not used), words joined
into an identifier by "_" or "." and placeholders in angle brackets ("<file>") are not counted,
nor are an acronym written with a number every time ("ISO 639-3") and what the layout repeats (``layout_slots``:
the labels, verbs and attributions of a changelog's items, a table's column).

A reference page repeats the name of what it documents: a word (or pair of words) the text also
writes inside names of code (``code_names``: PurePath, threading.Thread, shared_memory) is not
counted either.

A piece repeats what it is about: a term its title names (front matter ``title``, ``<title>``,
a level-1 heading: "Your Source Maps Should Be Public" and "source maps") is its topic, not
stuffing; so is a name, a term written with capitals every time and at least once inside a
sentence ("Fast Shopping is a list app ... open Fast Shopping"). Stuffing repeats a search
phrase in the body, lower case or not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import RuleSpec
from ..text.layout import ITEM_MARKER
from ..text.measures import WORD_RE
from .base import Builder, Context, RawFinding, fmt_number, joined

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

    def __post_init__(self) -> None:
        # Rules skipping the same words share one set object: the per-post memo keys on it, and
        # equal sets that are different objects cost an element-by-element comparison per lookup.
        self.skip, self.verdict = _shared(self.stop_words | self.ignore)

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        words = ctx.measures.words
        if words < max(self.min_words, self.min_count):
            return
        verdict = self.verdict
        terms = ctx.measures.memo(  # map: the words are looked up in C, no Python loop
            ("content-terms", self.skip),
            lambda: list(map(verdict.__getitem__, ctx.measures.lower_words)),
        )
        threshold = max(self.min_count, int(self.max_density * words / 100) + 1)
        # An n-gram occurs no more often than its first word: when no content word reaches the
        # threshold (most posts), no n-gram does, and none is built.
        counts = ctx.measures.memo(
            ("content-counts", self.skip), lambda: Counter(filter(None, terms))
        )
        if max(counts.values(), default=0) < threshold:
            return
        n = self.ngram
        spans = ctx.measures.word_spans
        if n == 1:
            grams = terms
        else:
            grams = _phrases(ctx.text, spans, terms, n)
        title = None
        for term, count in (counts if n == 1 else Counter(grams)).most_common():
            if count < threshold:
                break
            if not term:
                continue
            if title is None:
                title = _title_words(ctx)
            if (title and _in_title(term, title)) or _name(ctx, grams, term, n):
                continue
            if term in ctx.measures.memo("code-names", lambda: code_names(ctx.post.source)):
                continue
            used = _used(ctx, spans, [i for i, g in enumerate(grams) if g == term], n)
            count = len(used)
            if count < threshold:
                continue
            density = 100 * count / words
            nth = used[self.min_count - 1]
            start, end = spans[nth][0], spans[nth + n - 1][1]
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


def _phrases(text: str, spans: list[tuple[int, int]], terms: list[str], n: int) -> list[str]:
    """The n-grams of content words, "" where one is missing or the words are not ``joined``."""
    out = []
    for i in range(len(terms) - n + 1):
        if all(terms[i : i + n]) and all(joined(text, spans, k) for k in range(i, i + n - 1)):
            out.append(" ".join(terms[i : i + n]))
        else:
            out.append("")
    return out


_IDENTIFIER_AFTER = re.compile(r"_|\.\w")
_IDENTIFIER_BEFORE = re.compile(r"(?:_|\w\.)\Z")
# An acronym and a number, every time: the designation of a standard or a part ("ISO 639-3",
# "RFC 2119", "PEP 8"), a name that a text about it must repeat. A brand shouted before its
# model number once ("LEVIS 721") and used as a word elsewhere is still counted.
_DESIGNATION = re.compile(r"[ \t]\d")


def _designation(text: str, start: int, end: int) -> bool:
    return text[start:end].isupper() and bool(_DESIGNATION.match(text, end))


def _used(ctx: Context, spans: list[tuple[int, int]], found: list[int], n: int) -> list[int]:
    """The occurrences that are words in use: not inside quotation marks (a quoted word is
    mentioned, as a reference names "the "yield" statement" or a value "auto"), not part of
    an identifier joined by "_" or "." (ksba_get_id, cups.Connection: code, not a keyword),
    not a placeholder in angle brackets ("pick <commit>", a help text's metavariable), not an
    acronym that designates standards with their numbers every time ("ISO 639-3") and not in
    the layout (``layout_slots``: a changelog's labels and attributions, a table's column)."""
    text = ctx.text
    quoted = ctx.measures.quoted
    if n == 1 and all(_designation(text, *spans[i]) for i in found):
        return []
    laid = layout_slots(text, [(spans[i][0], spans[i + n - 1][1]) for i in found])
    out = []
    for i, layout in zip(found, laid, strict=True):
        if layout:
            continue
        start, end = spans[i][0], spans[i + n - 1][1]
        if quoted and quoted.covers(start, end):
            continue
        if _IDENTIFIER_AFTER.match(text, end) or _IDENTIFIER_BEFORE.search(text, 0, start):
            continue
        if text[start - 1 : start] == "<" and text[end : end + 1] == ">":
            continue
        out.append(i)
    return out


# What may open a line before its first word: blanks and a list, quote or table marker ("- ",
# "1. ", "(a) ", "> ", "| "); what may close it after its last word: closing brackets and punctuation.
_LINE_OPENER = re.compile(r"[ \t]*(?:(?:[>|]|" + ITEM_MARKER + r")[ \t]*)?\Z")
_LINE_CLOSER = re.compile(r"[ \t)\]}.,;:!?\"'’”*_]*(?:\n|\Z)")


def layout_slots(text: str, occurrences: list[tuple[int, int]]) -> list[bool]:
    """Which occurrences of one term the document's layout repeats, not its writer: the same
    term opening items (a changelog's label "- symbolic: ...", the verb of each item "Fix ...",
    "Add ..."), closing them (an attribution "(Ann Lee)," or a column "_abc  extension"), two
    or more times and for at least half of its occurrences, or inside a table row between "|"
    (a column of values). An item is a line with a list marker or an indent, or a short line
    in a block of lines (``_item_line``); a paragraph is not: stuffing repeats a keyword in
    running text, and may open every paragraph with it."""
    slots = []
    for start, end in occurrences:
        line = text.rfind("\n", 0, start) + 1
        eol = text.find("\n", end)
        eol = len(text) if eol < 0 else eol
        if "|" in text[end:eol] and text[line:start].lstrip().startswith("|"):
            slots.append("cell")
        elif not _item_line(text, line, eol):
            slots.append("")
        elif _LINE_OPENER.match(text[line:start]):
            slots.append("first")
        elif _LINE_CLOSER.match(text, end):
            slots.append("last")
        else:
            slots.append("")
    counts = Counter(slots)
    # a slot is the layout's when it holds two or more of the occurrences and at least half of
    # them: a word of hard-wrapped prose lands at a line's edge now and then, by chance
    return [
        slot == "cell" or (slot != "" and counts[slot] >= 2 and 2 * counts[slot] >= len(slots))
        for slot in slots
    ]


_ITEM_LINE = re.compile(r"[ \t]|(?:>|" + ITEM_MARKER + r")[ \t]")


def _item_line(text: str, line: int, eol: int) -> bool:
    """The line is an item of a list or a row of a block: indented or opened by a list marker,
    or at most 80 characters long with another line right above or below it (a NEWS file, a
    column of names). A paragraph written on one long line is running text."""
    if _ITEM_LINE.match(text, line):
        return True
    if eol - line > 80:
        return False
    above = text[text.rfind("\n", 0, max(line - 1, 0)) + 1 : max(line - 1, 0)]
    below_end = text.find("\n", eol + 1)
    below = text[eol + 1 : below_end if below_end >= 0 else len(text)]
    return bool(above.strip() or below.strip())


# A name in code: words joined by "_" or "." (shared_memory, tkinter.font) or written in
# CamelCase (PurePath, GenericBrowser); not a hashtag, a handle or a web address.
_IDENTIFIER = re.compile(
    r"(?<![\w#@/.])(?:[A-Za-z]\w*(?:\.[A-Za-z_]\w*)+|\w*_\w+|[A-Za-z]*[a-z]{2}[A-Z][A-Za-z]*)"
)
_COMPONENT = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# A web address written without its scheme ("shop.example.com") names a site, not code.
_WEB_DOMAINS = (".com", ".org", ".net", ".io", ".co", ".uk", ".it", ".eu", ".de", ".app", ".shop")


def code_names(source: str) -> frozenset[str]:
    """The words, and pairs of words, that the text also writes as parts of names in code: the
    subject of a reference page ("path" beside PurePath and path objects, "thread" beside
    threading.Thread, "shared memory" beside shared_memory). Documentation repeats the name of
    what it documents; a keyword worked in for search is not the name of any code."""
    found: set[str] = set()
    for m in _IDENTIFIER.finditer(source):
        word = m.group()
        if word.lower().startswith(("http", "www.")) or word.lower().endswith(_WEB_DOMAINS):
            continue
        parts = [p.lower() for p in _COMPONENT.findall(word)]
        found.update(parts)
        found.update(f"{a} {b}" for a, b in zip(parts, parts[1:], strict=False))
    return frozenset(found)


_FIRST_LINE = re.compile(r"\s*([^\n]{1,80})\n")


def _title_words(ctx: Context) -> str:
    """The lower-cased words of the post's titles, space-joined with spaces at both ends. A
    heading of any level that opens the text is its title ("## The "yield" statement" over a
    reference page). A plain text post (an app listing) has its title on its first line, when
    that line is short and ends without a full stop."""
    text = ctx.text
    spans = [(h.start, h.end) for h in ctx.post.headlines if h.kind == "title"]
    opening = next((h for h in ctx.post.headlines if h.kind == "heading"), None)
    if not spans and opening and not text[: opening.start].strip(" \t\n#"):
        spans.append((opening.start, opening.end))  # a heading that opens the text is its title
    if not spans and ctx.post.format == "text" and (first := _FIRST_LINE.match(text)):
        line = first.group(1).rstrip()
        if line and line[-1] not in ".!?" and len(line.split()) <= 8:
            spans.append(first.span(1))
    words = [" ".join(WORD_RE.findall(text[s:e].lower())) for s, e in spans]
    return f" {' | '.join(words)} " if words else ""


def _in_title(term: str, title: str) -> bool:
    return f" {term} " in title


def _name(ctx: Context, grams: list[str], term: str, n: int) -> bool:
    """Every occurrence of ``term`` is capitalised word by word, and one follows a lower-case
    word: a name used inside sentences ("open Fast Shopping"), not a heading repeated."""
    text, spans = ctx.text, ctx.measures.word_spans
    inside = False
    for i, g in enumerate(grams):
        if g != term:
            continue
        if not all(text[spans[k][0]].isupper() for k in range(i, i + n)):
            return False
        if (
            i
            and text[spans[i - 1][0]].islower()
            and "\n" not in text[spans[i - 1][1] : spans[i][0]]
        ):
            inside = True
    return inside


class _ContentWords(dict):
    """word → itself when it counts as a content word, else "" (memoised across posts)."""

    def __init__(self, skip: frozenset[str]) -> None:
        super().__init__()
        self.skip = skip

    def __missing__(self, word: str) -> str:
        if len(self) > 100_000:
            self.clear()
        ok = len(word) > 2 and word.isalpha() and word not in self.skip
        self[word] = value = word if ok else ""
        return value


_SHARED: dict[frozenset[str], tuple[frozenset[str], _ContentWords]] = {}


def _shared(skip: frozenset[str]) -> tuple[frozenset[str], _ContentWords]:
    """One skip set object and one verdict table for every rule skipping the same words."""
    entry = _SHARED.get(skip)
    if entry is None:
        if len(_SHARED) > 32:  # a long-lived process compiling many policies stays bounded
            _SHARED.clear()
        entry = _SHARED[skip] = (skip, _ContentWords(skip))
    return entry


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
