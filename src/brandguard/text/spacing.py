"""The text the tokenizer sees: the checked text with runs of blanks squeezed to one space.

Why: masking keeps offsets by turning markup into spaces, so ``Act **now**`` is checked as
``Act   now`` and ``Act <b>now</b>`` as ``Act    now``; a double space typed by hand does the
same. spaCy makes a token of the extra spaces (and of a tab or a no-break space), which splits
every phrase and token pattern in two: "act now" no longer matched. Here tabs and no-break spaces
become spaces and each run of spaces becomes one, and ``to_checked`` maps a token offset back to
the checked text. Regex rules keep running on the checked text itself.

Newlines are kept, so phrases never match across paragraphs, list items, headings or the lines of
a plain-text post (a social caption shows its line breaks). In Markdown and HTML, though, a single
newline inside a paragraph is a soft wrap that readers never see, so there it becomes a space:
"don't miss\nout" in a hard-wrapped Markdown file is still the phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

BLANKS = "\t\r\xa0\u2007\u202f"  # blanks other than the space that read as one
# Control characters (NUL, ESC, DEL, C1...) are not words either: glued to 'now!' they kept the
# tokenizer from splitting the '!' off, which hid the phrase 'Act now'.
CONTROLS = "".join(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), *range(127, 160)))
_TO_SPACE = str.maketrans(dict.fromkeys(BLANKS + CONTROLS, " "))
_ODD_BLANK = re.compile(f"[{re.escape(BLANKS + CONTROLS)}]")  # translating looks up every char
# A run of spaces squeezes to one; a "word" of 256+ characters without a blank (a wall of '!', a
# pasted blob) keeps its first 128 for the tokenizer: spaCy strips suffixes one at a time, so one
# 100 KB token of punctuation took minutes, and nothing a reader sees is one word that long.
_RUN = re.compile(r"  +|\S{256,}")
LONG_TOKEN_KEEP = 128
_QUOTED_BLANKS = re.compile(rf"\s*\n\s*|[ {BLANKS}]{{2,}}|[{BLANKS}]")
SOFT_WRAP_FORMATS = frozenset({"markdown", "html"})  # a newline inside a paragraph is a space
# A line that starts a block of its own: the newline before it is not a soft wrap.
_BLOCK_START = re.compile(r"[ \t]*(?:$|[#>|]|[-+*][ \t]|\d{1,9}[.)](?:[ \t]|$))")


@dataclass(frozen=True)
class TokenText:
    text: str
    # After each squeezed run: the offset (in ``text``) following its one space, and how many
    # characters all runs up to and including that one removed.
    _after: list[int] = field(default_factory=list)
    _removed: list[int] = field(default_factory=list)

    def to_token(self, offset: int) -> int:
        """The offset in ``text`` of a checked-text offset (the inverse of ``to_checked``)."""
        if not self._after:
            return offset
        k = bisect_right(self._checked_after, offset)
        return offset - self._removed[k - 1] if k else offset

    @property
    def _checked_after(self) -> list[int]:
        cached = self.__dict__.get("_checked_cache")
        if cached is None:
            cached = [a + r for a, r in zip(self._after, self._removed, strict=True)]
            object.__setattr__(self, "_checked_cache", cached)
        return cached

    def to_checked(self, offset: int) -> int:
        """The checked-text offset of an offset in ``text``."""
        if not self._after:
            return offset
        k = bisect_right(self._after, offset)
        return offset + self._removed[k - 1] if k else offset


def token_text(checked: str, fmt: str = "text", hard: Iterable[int] = ()) -> TokenText:
    """What to tokenize for ``checked`` (the text of a Post in format ``fmt``), with the way back.

    ``hard``: offsets of newlines that are never soft wraps (those around headlines).
    """
    text = checked.translate(_TO_SPACE) if _ODD_BLANK.search(checked) else checked
    if fmt in SOFT_WRAP_FORMATS and "\n" in text:
        text = _join_soft_wraps(text, frozenset(hard))
    if "  " not in text and (len(text) < 256 or max(map(len, text.split()), default=0) < 256):
        return TokenText(text)  # nothing for _RUN: it reads every character in Python's re
    after: list[int] = []
    removed: list[int] = []
    pieces: list[str] = []
    total = 0
    last = 0
    for run in _RUN.finditer(text):
        start, end = run.span()
        keep = 1 if text[start] == " " else LONG_TOKEN_KEEP
        pieces += (text[last:start], text[start : start + keep])
        last = end
        after.append(start - total + keep)
        total += end - start - keep
        removed.append(total)
    if not after:
        return TokenText(text)
    pieces.append(text[last:])
    return TokenText("".join(pieces), after, removed)


def _join_soft_wraps(text: str, hard: frozenset[int] = frozenset()) -> str:
    """Newlines inside a paragraph become spaces (same length, so offsets do not move)."""
    lines = text.split("\n")
    out = [lines[0]]
    offset = len(lines[0])  # of the newline after ``previous``
    for previous, line in pairwise(lines):
        lead = previous.lstrip()
        soft = lead and lead[0] not in "#|" and not _BLOCK_START.match(line)
        out.append(" " if soft and offset not in hard else "\n")
        out.append(line)
        offset += len(line) + 1
    return "".join(out)


def one_line(quoted: str) -> str:
    """A span of checked text as a message quotes it: masked markup and line breaks read as one
    space (so does a tab or a no-break space), as they do for the tokenizer."""
    return _QUOTED_BLANKS.sub(" ", quoted)
