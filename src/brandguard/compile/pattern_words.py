"""What a matcher's token patterns cannot match without, so that a headline holding none of it
skips the matcher: spaCy's Matcher costs ~40 µs per call on a ten-token headline, most of it
stepping every pattern through every token, whatever it finds.

A pattern needs a word when one of its tokens must be there (no ``OP``, or ``1`` or ``+``) and
names its lower-case form literally (``{"LOWER": "this"}``, ``{"LOWER": {"IN": [...]}}``); a
pattern with no such token may still need a digit or a number-like token (``IS_DIGIT``,
``LIKE_NUM``). A pattern that needs neither makes its matcher run on every headline.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FLAGS = ("IS_DIGIT", "LIKE_NUM")  # token flags a needed token may test instead of a word
Needs = tuple[frozenset[int], tuple[str, ...]]  # word hashes (Token.lower), Token flag names


def _needed(
    pattern: list[dict[str, Any]], stop_words: frozenset[str] = frozenset()
) -> tuple[set[str], set[str]] | None:
    """(words, flags): the pattern needs a token whose lower-case form is one of ``words``,
    else one with a flag of ``flags``; None when it needs neither. Of the tokens it needs, the
    one least likely to be in any headline: the smallest set of content words, else a digit or
    number, else the smallest set holding a function word of ``stop_words`` ("the", "you", "in"
    are in nearly every headline, so needing them skips nothing)."""
    best: set[str] | None = None
    common: set[str] | None = None
    flag: str | None = None
    for token in pattern:
        fields = {str(k).upper(): v for k, v in token.items()}
        if fields.get("OP", "1") not in ("1", "+"):
            continue
        flag = flag or next((name for name in FLAGS if fields.get(name) is True), None)
        value = fields.get("LOWER")
        if isinstance(value, dict) and isinstance(value.get("IN"), list):
            value = value["IN"]  # other predicates beside IN only narrow the token further
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            if stop_words.isdisjoint(value):
                if best is None or len(value) < len(best):
                    best = set(value)
            elif common is None or len(value) < len(common):
                common = set(value)
    if best is not None:
        return best, set()
    if flag:
        return set(), {flag}
    return (common, set()) if common is not None else None


def required(
    patterns: dict[str, list[list[dict[str, Any]]]], stop_words: frozenset[str] = frozenset()
) -> Needs | None:
    """What every pattern needs one of, as word hashes and the names of Token's flag
    attributes (``is_digit``, ``like_num``); None when a pattern needs nothing (its matcher must
    always run). ``stop_words``: the language's function words, needed only when a pattern
    needs nothing rarer."""
    from spacy.strings import get_string_id

    words: set[str] = set()
    flags: set[str] = set()
    for group in patterns.values():
        for pattern in group:
            needed = _needed(pattern, stop_words)
            if needed is None:
                return None
            words |= needed[0]
            flags |= needed[1]
    return frozenset(map(get_string_id, words)), tuple(sorted(flag.lower() for flag in flags))


def may_match(needs: Needs | None, tokens: Iterable[Any]) -> bool:
    """Whether a matcher whose patterns need ``needs`` (``required``) may match these tokens."""
    if needs is None:
        return True
    words, names = needs
    if not names:  # one set operation in C (a generator per token cost twice as much)
        return not words.isdisjoint([token.lower for token in tokens])
    for token in tokens:
        if token.lower in words:
            return True
        for name in names:
            if getattr(token, name):
                return True
    return False
