"""What readers see first: titles, descriptions, headings and one-line posts, as spans.

Clickbait lives in headlines, and words that are ordinary in body prose ("you", "this", a
question) are bait there. The parsers in formats.py call these helpers to find the spans (and to
unmask front-matter and ``<meta>`` values, which are otherwise masked), and rules with a
``scope`` option keep only the hits inside them (``in_scope``).

Kinds of headline:

- ``title``: front matter ``title``, HTML ``<title>`` and ``og:title``, a level-1 heading
  (``# x``, ``x`` over ``===``, ``<h1>``);
- ``description``: front matter ``description``, ``<meta name="description">`` and
  ``og:description``;
- ``heading``: the other headings (levels 2-6);
- ``line``: a post that is itself one short line (see ``single_line``).

A span runs from the first letter or digit to the last visible character, so a rule can ask for a
match at the very start of a headline (``at_start``) whatever quotes or heading marks come before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

KINDS = ("title", "description", "heading", "line")
# What each scope value covers. "title" is what a feed or a search result shows as the headline;
# "headline" adds descriptions and section headings. "body" is the rest: everything outside the
# structural headlines (a one-line post is its own body too, so chat messages keep body rules).
SCOPES: dict[str, frozenset[str]] = {
    "headline": frozenset(KINDS),
    "title": frozenset({"title", "line"}),
}
HEADLINE_SCOPES = ("headline", "title", "body")
AT_START_SCHEMA = {
    "type": "boolean",
    "description": "with scope: the match must open the headline",
}
SHOUTING_SCHEMA = {
    "type": "boolean",
    "description": "the rule judges capitals: in headings it applies only when the policy's "
    "tone.caps_headings is 'shouting'",
}


@dataclass(frozen=True)
class Headline:
    start: int
    end: int
    kind: str


# ---- front matter -------------------------------------------------------------------------

# A top-level scalar on one line: `title: Plain words`, `title: "quoted"`, `title: 'quoted'`.
FRONT_FIELD_RE = re.compile(
    r"^(title|description)[ \t]*:[ \t]+"
    r"(?:\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\n]|'')*)'|([^\s\"'|>&*!%@`#{\[][^\n]*?))"
    r"[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)
FRONT_KIND = {"title": "title", "description": "description"}


def front_matter_fields(source: str, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the title and description values in ``source[:end]``."""
    out = []
    for m in FRONT_FIELD_RE.finditer(source, 0, end):
        group = next(g for g in (2, 3, 4) if m.group(g) is not None)
        if m.start(group) < m.end(group):
            out.append((m.start(group), m.end(group), FRONT_KIND[m.group(1)]))
    return out


# ---- Markdown headings --------------------------------------------------------------------

# An ATX heading, "^ {0,3}(#{1,6})[ \t]+([^\n]*?)(?:[ \t]+#+)?[ \t]*$": its opening is found by
# ATX_START and its text by _atx_text (the lazy pattern was quadratic in a line of blanks).
ATX_START = re.compile(r"^ {0,3}(#{1,6})[ \t]+", re.MULTILINE)
SETEXT_RE = re.compile(r"^( {0,3}\S[^\n]*)\n {0,3}(=+|-+)[ \t]*$", re.MULTILINE)
_LIST_OR_QUOTE = re.compile(r" {0,3}(?:[-+*>]|\d{1,9}[.)])(?:[ \t]|$)")


def markdown_headings(checked: str) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Headings of a masked Markdown text, and the setext underlines to blank out."""
    found: list[tuple[int, int, str]] = []
    underlines: list[tuple[int, int]] = []
    if "#" in checked:
        for m in ATX_START.finditer(checked):
            kind = "title" if len(m.group(1)) == 1 else "heading"
            found.append((m.end(), _atx_text_end(checked, m.end()), kind))
    if "==" in checked or "--" in checked:
        for m in SETEXT_RE.finditer(checked):
            line = m.group(1)
            if _LIST_OR_QUOTE.match(line) or line.lstrip().startswith("#"):
                continue
            kind = "title" if m.group(2)[0] == "=" else "heading"
            found.append((m.start(1), m.end(1), kind))
            underlines.append((m.start(2), m.end(2)))
    return found, underlines


def _atx_text_end(text: str, start: int) -> int:
    """Where a heading's text ends: before the trailing blanks and the closing "#"s (after a
    blank) of its line."""
    eol = text.find("\n", start)
    eol = len(text) if eol == -1 else eol
    end = eol
    while end > start and text[end - 1] in " \t":
        end -= 1
    hashes = end
    while hashes > start and text[hashes - 1] == "#":
        hashes -= 1
    if hashes < end and hashes > start and text[hashes - 1] in " \t":
        blanks = hashes
        while blanks > start and text[blanks - 1] in " \t":
            blanks -= 1
        return blanks
    return end


# ---- one-line posts -----------------------------------------------------------------------

MAX_LINE_WORDS = 20
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A full stop, comma, colon, semicolon or ellipsis at the end, or a second sentence break inside:
# prose or chat, not a headline (headlines drop the final full stop; "?" and "!" are kept).
# _not_headline reads the marks run by run: searched as one pattern, r"[.,;:…]\W*\Z|\.\.|
# (?:[!?…]|(?<!\b[a-z])...\.)[.!?…]*[\"'”’)]*\s+\S" took quadratic time on a run of "!".
_STOP_RUN = re.compile(r"[.!?…]+")
# A full stop that ends a sentence: not after an initial or a short title ("J.", "Mr.", "vs.").
_SENTENCE_DOT = re.compile(
    r"(?<!\b[a-z])(?<!\bmrs)(?<!\b[dms]r)(?<!\b[js]r)(?<!\bst)(?<!\bvs)(?<!\bms)\.", re.IGNORECASE
)
_NEXT_SENTENCE = re.compile(r"[\"'”’)]*\s+\S")


def _not_headline(line: str) -> bool:
    """A final full stop, comma, colon, semicolon or ellipsis, "..", a run of marks ("?!", "!!")
    before another sentence, or more than one sentence break inside."""
    end = len(line)
    while end and not (line[end - 1].isalnum() or line[end - 1] == "_"):
        end -= 1
    if any(c in ".,;:…" for c in line[end:]) or ".." in line:
        return True
    breaks = 0
    for run in _STOP_RUN.finditer(line):
        several = run.end() - run.start() > 1
        if several or line[run.start()] != "." or _SENTENCE_DOT.match(line, run.start()):
            if _NEXT_SENTENCE.match(line, run.end()):
                if several or breaks:
                    return True
                breaks = 1
    return False


# Text-speak marks a message between people, not a headline: "u"/"ur", "lol", "pls", a smiley,
# a dropped apostrophe ("dont", "im"), a letter held for effect ("sooooo").
_CHAT = re.compile(
    r"(?<![\w'’.-])(?:u|ur|r|pls|plz|lo+l|ha(?:ha)+h?|he(?:he)+|lmao|omw|btw|wat|ya|k|kk"
    r"|ok|okay|xx+|im|dont|cant|wont|didnt|doesnt|isnt|ive|thats|whats|luv|gud|nite|tmr|txt)"
    r"(?![\w'’.-])|[:;=]-?[)(dp]\B|<3|([a-z])\1{3,}",
    re.IGNORECASE,
)


def single_line(checked: str) -> tuple[int, int] | None:
    """The span of a post that is one short line, read as a headline; else None.

    A headline is one line of 2 to 20 words (news headlines run 8-12 words, and 20 is about
    the 110 characters after which search results and feeds cut them) of at most two sentences,
    with no final full stop, comma, colon or ellipsis, and no text-speak. That keeps most chat
    and captions out: a message of three sentences, one that ends with a full stop, one with
    "?!" or "!!" inside, or one that says "u" or "lol", reads as a message. Two sentences are
    the teaser of a news post on social media ("She quit her job to sail. Here's what she
    learned"): the kicker is where the bait is.
    """
    stripped = checked.strip()
    if not stripped or "\n" in stripped or _not_headline(stripped):
        return None
    words = _WORD.findall(stripped)  # first: _CHAT tries every position of a long line
    if not 2 <= len(words) <= MAX_LINE_WORDS:
        return None
    if _CHAT.search(stripped):
        return None
    first = _WORD.search(checked)
    assert first is not None
    return first.start(), len(checked.rstrip())


# ---- spans --------------------------------------------------------------------------------

_FIRST = re.compile(r"\w")


def headline(text: str, start: int, end: int, kind: str) -> Headline | None:
    """A headline over ``text[start:end]`` trimmed to its first letter/digit and last mark."""
    first = _FIRST.search(text, start, end)
    if first is None:
        return None
    stop = end
    while stop > first.start() and text[stop - 1].isspace():
        stop -= 1
    return Headline(first.start(), stop, kind)


# ---- label lines --------------------------------------------------------------------------

# A document, not a message: section labels exist in store listings and guidelines; a chat
# message or an SMS written in capitals is shouting.
LABEL_MIN_LINES = 3
LABEL_MIN_WORDS = 60
LABEL_MAX_WORDS = 8
# A line, after any bullet or symbol, up to the end or to a colon: "POTENZA E CONTROLLO",
# "★ PRIVACY:", "AZIONE 12: ..." (the label before the colon).
# (The label is written greedily, blanks then a character, as a lazy group before the trailing
# blanks read a long run of blanks in quadratic time.)
_LABEL = re.compile(
    r"^[ \t]*(?:[^\w\s]{1,3}[ \t]*)?((?:[ \t]*[^\n: \t])*)[ \t]*(?::|$)", re.MULTILINE
)
_LOWER = re.compile(r"[^\W\d_A-ZÀ-ÖØ-Þ]")


def label_lines(text: str) -> list[tuple[int, int, str]]:
    """Section labels of a plain document: a line of at most 25 words, or the part of a line
    before a colon of at most eight, written wholly in capitals. Store listings and guidelines write their headings
    this way where there is no markup; they are headings, not shouting."""
    if text.count("\n") < LABEL_MIN_LINES - 1 or not _CAPS_LINE.search(text):
        return []
    out = []
    for m in _LINE.finditer(text):
        line = m.group(1)
        if line and not _LOWER.search(line) and _heading_words(line, LINE_MAX_WORDS):
            out.append((m.start(1), m.end(1), "heading"))  # a whole line in capitals
            continue
        label = _LABEL.match(text, m.start())
        if label and label.group(1) and not _LOWER.search(label.group(1)):
            if _heading_words(label.group(1), LABEL_MAX_WORDS):
                out.append((label.start(1), label.end(1), "heading"))
    if not out:
        return []
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines < LABEL_MIN_LINES or len(_WORD.findall(text)) < LABEL_MIN_WORDS:
        return []
    return out


def _heading_words(label: str, most: int) -> bool:
    words = _WORD.findall(label)
    return (
        bool(words) and len(words) <= most and any(len(w) >= 3 and not w.isdigit() for w in words)
    )


# A whole line, after any bullet or symbol ("**AZIONE 6: INDIVIDUA UNA DATA GOVERNANCE ...**" once
# its bold marks are masked): guidelines set long section titles in capitals.
_LINE = re.compile(r"^[ \t]*(?:[^\w\s]{1,3}[ \t]*)?(\S(?:[^\n]*[^ \t\n])?)?[ \t]*$", re.MULTILINE)
LINE_MAX_WORDS = 25

# The cheap test first: some line opens (after a bullet) with two capitals.
_CAPS_LINE = re.compile(r"^[ \t]*(?:[^\w\s]{1,3}[ \t]*)?[A-ZÀ-ÖØ-Þ]{2}", re.MULTILINE)


def collect(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Headline]:
    """Headlines over the checked text, in order; a post with none may be one line itself."""
    spans = [*spans, *label_lines(text)]
    found = [h for s, e, k in spans if (h := headline(text, s, e, k))]
    if not found:
        line = single_line(text)
        if line:
            found = [Headline(line[0], line[1], "line")]
    found.sort(key=lambda h: h.start)
    return found


def breaks_after(text: str, headlines: Sequence[Headline]) -> list[int]:
    """The first newline after each headline and before it: no soft wrap joins it to its
    neighbours, so phrases never run from a title into a description or the body."""
    out = []
    for h in headlines:
        after = text.find("\n", h.end)
        if after != -1:
            out.append(after)
        before = text.rfind("\n", 0, h.start)
        if before != -1:
            out.append(before)
    return out


# ---- scope --------------------------------------------------------------------------------


def in_scope(
    start: int,
    end: int,
    headlines: Sequence[Headline],
    scope: str,
    at_start: bool = False,
) -> bool:
    """Whether a match ``[start, end)`` is inside the scope (``headline``/``title``/``body``)."""
    if scope == "body":
        return not any(h.start <= start and end <= h.end for h in headlines if h.kind != "line")
    kinds = SCOPES[scope]
    for h in headlines:
        if h.kind in kinds and h.start <= start and end <= h.end:
            return not at_start or start == h.start
    return False


def outside_headings(
    spans: Iterable[tuple[int, int]], headlines: Sequence[Headline]
) -> tuple[tuple[int, int], ...]:
    """The spans that are not inside a structural headline (for caps_headings: fine)."""
    return tuple(s for s in spans if in_scope(s[0], s[1], headlines, "body"))
