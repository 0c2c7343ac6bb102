"""Pure helpers for required disclosures: is a post sponsored, in which language, and is a marker
where readers see it?

Placement follows the regulators' "first visible text" idea: what a feed shows before "… more".
We take the first line or the first 125 visible characters, whichever is shorter (Instagram
truncates captions after about 125 characters; X and TikTok show about the same before folding).
A blog post's or newsletter's title and the headings that open it do not use up that window: it
starts with the first line of the body (FTC: "near the top", before the affiliate links).
A marker found only inside a trailing block of hashtags counts as buried (FTC: "don't mix it into
a group of hashtags"; CAP: "upfront, not buried among other hashtags"). The Italian IAP Digital
Chart (2024) asks for a hashtag marker to be the first element, or among the first three hashtags.
The same placement applies to every language; only a jurisdiction's options refine it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from ..text.measures import HASHTAG_RE
from .require import visible_offset

# Metadata that declares a commercial relationship (front matter, CSV/JSONL columns).
RELATIONSHIPS = frozenset({"paid", "gifted", "affiliate", "invited", "sponsored", "ambassador"})
NO_RELATIONSHIP = frozenset({"none", "organic", "own", "no"})
_TRUE = frozenset({"true", "yes", "1", "y"})
_FALSE = frozenset({"false", "no", "0", "n"})
_SEPARATORS = re.compile(r"[\s,.;:·|/]*")


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        low = value.strip().lower()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
    return None


SPONSORSHIP_KEYS = ("relationship", "sponsored")  # the metadata that declares a relationship


def sponsorship(meta: Mapping[str, Any]) -> tuple[bool | None, str]:
    """(True, why) when metadata declares a paid/gifted/... relationship, (False, why) when it
    declares none, (None, "") when it says nothing (neither of SPONSORSHIP_KEYS)."""
    relationship_key, sponsored_key = SPONSORSHIP_KEYS
    relationship = str(meta.get(relationship_key) or "").strip().lower()
    sponsored = _flag(meta.get(sponsored_key))
    if relationship in RELATIONSHIPS:
        return True, f"relationship: {relationship}"
    if sponsored:
        return True, "sponsored: true"
    if sponsored is False:
        return False, "sponsored: false"
    if relationship in NO_RELATIONSHIP:
        return False, f"relationship: {relationship}"
    return None, ""


def post_language(meta: Mapping[str, Any], default: str) -> str:
    """The post's language: its ``language``/``lang`` metadata ("it", "it-IT"), else ``default``."""
    value = meta.get("language") or meta.get("lang")
    if not isinstance(value, str) or not value.strip():
        return default
    return re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]


class _Span(Protocol):
    start: int
    end: int
    kind: str


OPENING_KINDS = frozenset({"title", "heading", "description"})


def body_start(text: str, headlines: Sequence[_Span]) -> int:
    """Offset after the titles, descriptions and headings that open the post (0 when none do).

    A post that is nothing but its headlines keeps 0: its first line is what readers see."""
    begin = 0
    for h in sorted(headlines, key=lambda h: h.start):
        if h.kind not in OPENING_KINDS or not is_first_element(text[begin:], h.start - begin):
            break
        begin = h.end
    return begin if text[begin:].strip() else 0


def visible_window_end(text: str, chars: int | None, first_line: bool, begin: int = 0) -> int:
    """Offset where the first visible text ends (the shorter of first line and ``chars``),
    counted from ``begin`` (the body's start)."""
    end = len(text)
    start = begin + len(text[begin:]) - len(text[begin:].lstrip())
    if first_line:
        newline = text.find("\n", start)
        if newline != -1:
            end = newline
    if chars:
        end = min(end, begin + visible_offset(text[begin:], chars))
    return end


def trailing_hashtag_block(text: str, min_tags: int) -> tuple[int, int] | None:
    """(start, count) of the block of ``min_tags`` or more hashtags that ends the post, if any."""
    tags = list(HASHTAG_RE.finditer(text))
    if not tags or not min_tags:
        return None
    if text[tags[-1].end() :].strip(" \t\r\n,.;:·|/"):
        return None
    count, start = 1, tags[-1].start()
    for prev in reversed(tags[:-1]):
        gap = text[prev.end() : start]
        if _SEPARATORS.fullmatch(gap) is None:
            break
        count, start = count + 1, prev.start()
    return (start, count) if count >= min_tags else None


def is_first_element(text: str, offset: int) -> bool:
    """Nothing but spaces, punctuation or emoji before ``offset``."""
    return not any(c.isalnum() for c in text[:offset])


def hashtag_rank(text: str, offset: int) -> int | None:
    """0-based rank of the hashtag starting at ``offset`` among the post's hashtags."""
    for rank, match in enumerate(HASHTAG_RE.finditer(text)):
        if match.start() == offset:
            return rank
        if match.start() > offset:
            break
    return None


PLACEMENT_TEXT = {
    "en": {
        "late": "is past the {window} (what a feed shows before '… more')",
        "line": "first line",
        "chars": "first {n} characters",
        "or": " or the ",
        "buried": "is buried in a trailing block of {n} hashtags",
        "rank": "is neither the first element nor among the first {n} hashtags",
    },
    "it": {
        "late": "è oltre {window} (ciò che il feed mostra prima di '… altro')",
        "line": "la prima riga",
        "chars": "i primi {n} caratteri",
        "or": " o ",
        "buried": "è nascosta in un blocco finale di {n} hashtag",
        "rank": "non è né il primo elemento né tra i primi {n} hashtag",
    },
}


def placement_problem(
    text: str,
    start: int,
    *,
    within_first_chars: int | None = 125,
    first_line: bool = True,
    trailing_hashtags: int = 3,
    first_hashtags: int = 0,
    language: str = "en",
    begin: int = 0,
) -> str | None:
    """Why a marker at ``start`` is not where readers see it (in ``language``), or None.
    ``begin`` is where the body starts (after an opening title): see body_start."""
    words = PLACEMENT_TEXT.get(language, PLACEMENT_TEXT["en"])
    if start >= visible_window_end(text, within_first_chars, first_line, begin):
        parts = ([words["line"]] if first_line else []) + (
            [words["chars"].format(n=within_first_chars)] if within_first_chars else []
        )
        return words["late"].format(window=words["or"].join(parts))
    block = trailing_hashtag_block(text, trailing_hashtags)
    if block and start >= block[0]:
        return words["buried"].format(n=block[1])
    if first_hashtags and text.startswith("#", start):
        rank = hashtag_rank(text, start)
        if not is_first_element(text, start) and (rank is None or rank >= first_hashtags):
            return words["rank"].format(n=first_hashtags)
    return None
