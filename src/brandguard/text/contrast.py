"""Whether capitals mark a contrast: one word stressed as italics would stress it, not a shout."""

from __future__ import annotations

import re

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
