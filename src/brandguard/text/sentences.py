"""Where sentences end, read from the text: one splitter for measures and for the spaCy pipeline.

The rule is spaCy's Sentencizer rule (a run of terminal marks, then optional closing quotes or
brackets, then white space) plus line breaks that separate blocks: a blank line always, a single
line break unless the next line goes on in lower case. Posts rarely end every line with a full
stop, and headings, list items and hashtag lines are not part of the sentence above them.
Working on the text with one regex costs a fraction of walking spaCy tokens in Python.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(
    r"[.!?…‼⁇⁈⁉。؟।]+[\"'”’)\]»*_]*(?=\s|\Z)"  # terminal marks, closing quotes, then a space
    r"|\n[ \t]*\n\s*"  # a blank line
    r"|\n(?![ \t]*[a-zß-öø-ÿ])"  # a line break before a line that does not go on in lower case
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space at either end trimmed; empty ones dropped."""
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        _append(spans, text, start, match.end())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
