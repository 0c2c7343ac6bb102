"""Whether a long sentence is also hard to follow, and whether capitals mark a contrast.

A sentence a little over a ``sentence_words`` limit is reported only when it shows signals of
difficulty (``difficulty``); one far over the limit always is (``hard_to_follow``). Computed
only for sentences already over the limit, so posts without one pay nothing.
"""

from __future__ import annotations

import re

from .sentences import ITEM_WORD

# Long is not yet hard. A sentence a little over the limit is flagged only when it is also hard to
# follow; one far over it (more than FAR_OVER times the limit) always is. Hard to follow means two
# or more of these signals (the editors' usual complaints: Cutts, *Oxford Guide to Plain English*;
# for Italian, Piemontese, *Capire e farsi capire* (1996), and the *Codice di stile* of the public
# administration (1993) on long, nested "burocratese"):
# - embedding: two or more words that open a subordinate, relative or appended clause ("which",
#   "although", "che", "cui", "qualora", "affinché", "nonché"), an Italian gerund, an English
#   participle after a comma (", making ...");
# - an aside: a bracket of three or more words that is no reference (no digit), or a dash aside;
# - dense words: long words on average (letters per word at least DENSE_LETTERS; bureaucratic and
#   abstract prose is made of nominalisations), the word-length term of Flesch and Gulpease;
# - a long stretch with no pause: LONG_STRETCH words or more without a comma, bracket or dash.
FAR_OVER = 1.2
LONG_STRETCH = 25
DENSE_LETTERS = {"en": 5.2, "it": 5.8}
_DENSE_DEFAULT = 5.5
CLAUSE_OPENERS = {
    "en": frozenset(
        """which who whom whose whoever whether if unless because although though whereas while
        when whenever where wherever since until that""".split()
    ),
    "it": frozenset(
        """che cui quale quali quando dove ove laddove mentre se perché poiché giacché sebbene
        benché nonostante affinché qualora purché cosicché finché allorché onde nonché""".split()
    ),
}
_GERUND = re.compile(r"\b[^\W\d_]{3,}(?:ando|endo)(?:l[oaie]|si|ne|ci|gli|vi)?\b", re.IGNORECASE)
_NOT_GERUNDS = frozenset("comando tremendo stupendo orrendo dividendo reverendo".split())
_PARTICIPLE = re.compile(r",\s+[^\W\d_]{2,}ing\b")
_ASIDE = re.compile(r"\(([^()\d]*)\)|\s[–—-]{1,2}\s|—")
_PAUSE = re.compile(r"[,;:()\[\]\"“”«»]|\s[–—-]{1,2}\s|—")


def difficulty(text: str, start: int, end: int, language: str) -> tuple[str, ...]:
    """The signals that make the sentence ``text[start:end]`` hard to follow (see above)."""
    piece = text[start:end]
    words = ITEM_WORD.findall(piece)
    if not words:
        return ()
    openers = CLAUSE_OPENERS.get(language, CLAUSE_OPENERS["en"])
    lower = [w.lower() for w in words]
    embedded = sum(w in openers for w in lower) + len(_PARTICIPLE.findall(piece))
    if language == "it":
        embedded += sum(m.group().lower() not in _NOT_GERUNDS for m in _GERUND.finditer(piece))
    asides = sum(
        m.group(1) is None or len(ITEM_WORD.findall(m.group(1))) >= 3
        for m in _ASIDE.finditer(piece)
    )
    letters = sum(len(w) for w in words) / len(words)
    stretch = max(len(ITEM_WORD.findall(p)) for p in _PAUSE.split(piece))
    found = (
        ("embedding", embedded >= 2),
        ("aside", asides >= 1),
        ("dense words", letters >= DENSE_LETTERS.get(language, _DENSE_DEFAULT)),
        ("long stretch", stretch >= LONG_STRETCH),
    )
    return tuple(name for name, present in found if present)


def hard_to_follow(
    text: str, start: int, end: int, length: float, limit: float, language: str
) -> bool:
    """Whether a sentence reading ``length`` words, over ``limit``, deserves a finding: far over
    the limit, or over it and showing two signals of ``difficulty``."""
    if length > limit * FAR_OVER:
        return True
    return len(difficulty(text, start, end, language)) >= 2


# Contrastive emphasis: one word in capitals in a sentence that states the contrast it marks
# ("routed through YOUR backend instead of ours", "il backend è il TUO, non il nostro") stresses
# the word that differs, as italics would; it is not a shout to buy.
CONTRAST = re.compile(
    r"\b(?:instead\s+of|rather\s+than|as\s+opposed\s+to|unlike|not\s+(?:the|our|their|your|my)\b|"
    r"invece\s+(?:di|del|della|dei|che)|anziché|piuttosto\s+che|a\s+differenza\s+d|"
    r"non\s+(?:il|la|lo|i|le|gli)\s+(?:nostr|vostr|lor|tu|su)\w*)",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(r"[.!?\n]")


def contrasted(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` states a contrast (``CONTRAST``)."""
    left = max(0, start - 300)
    for m in _CLAUSE_EDGE.finditer(text, left, start):
        left = m.end()
    right_m = _CLAUSE_EDGE.search(text, end, end + 300)
    right = right_m.start() if right_m else min(len(text), end + 300)
    return bool(CONTRAST.search(text, left, right))
