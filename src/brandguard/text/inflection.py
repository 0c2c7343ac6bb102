"""Inflected forms generated at compile time, so matching stays a literal PhraseMatcher pass.

Lemmatising every token would halve throughput (see docs/architecture.md); generating the few forms
a term can take is cheap, and over-generated forms ("leverageing") simply never match.
"""

from __future__ import annotations

from itertools import product

_EN_SKIP = frozenset(
    "a an the of to in on for and or but with by at is are be you your we our it".split()
)
_IT_SKIP = frozenset(
    "il lo la i gli le un uno una di a da in con su per tra fra e o ma che non del della dei delle "
    "al alla ai alle nel nella nei nelle sul sulla più meno molto solo".split()
)
_VOWELS = "aeiou"


def _english_forms(word: str) -> set[str]:
    w = word.lower()
    if len(w) < 3 or not w.isalpha() or w in _EN_SKIP:
        return {word}
    forms = {word}
    if w.endswith("y") and w[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms.add(word + "s")
    if w.endswith("e") and not w.endswith("ee"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif not w.endswith("y"):
        forms |= {word + "ed", word + "ing"}
        if w[-1] not in _VOWELS + "wxy" and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _italian_forms(word: str) -> set[str]:
    w = word.lower()
    if len(w) < 4 or not w.isalpha() or w in _IT_SKIP:
        return {word}
    stem, last = word[:-1], w[-1]
    if w.endswith(("co", "go")):
        return {word, stem + "a", stem + "hi", stem + "i", stem + "he"}
    if w.endswith(("ca", "ga")):
        return {word, stem + "o", stem + "he", stem + "hi"}
    if last == "o":
        return {word, stem + "a", stem + "i", stem + "e"}
    if last == "a":
        return {word, stem + "o", stem + "e", stem + "i"}
    if last in "ei":
        return {word, stem + "o", stem + "a", stem + "e", stem + "i"}
    return {word}


def apostrophe_forms(phrase: str) -> set[str]:
    """``phrase`` with straight and with typographic apostrophes.

    Policies are typed with ' but editors (Word, Google Docs, WordPress, phones) turn it into ’,
    so a phrase written with either must match both: "don't miss out" and "don’t miss out".
    """
    if "'" not in phrase and "’" not in phrase:
        return {phrase}
    straight = fold_apostrophes(phrase)
    return {phrase, straight, straight.replace("'", "’")}


def fold_apostrophes(text: str) -> str:
    """One apostrophe for lookups: what ``apostrophe_forms`` matched comes back to one key."""
    return text.replace("’", "'")


def variants(phrase: str, language: str) -> set[str]:
    """All forms of ``phrase`` worth matching, the phrase itself included."""
    words = phrase.split()
    if not words:
        return {phrase}
    if language == "it":
        options = [_italian_forms(w) for w in words]
    else:
        options = [{w} for w in words]
        options[-1] = _english_forms(words[-1])
        if len(words) > 1:
            options[0] = _english_forms(words[0])
    return {" ".join(combo) for combo in product(*options)}
