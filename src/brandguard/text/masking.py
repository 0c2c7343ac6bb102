"""The blank-out mask every format parser uses, and what all formats share: URLs and character
references.

Masking rather than extracting keeps positions exact (see document.py): a parser copies the source
into a Mask, blanks what must not be checked, and decodes character references in place.
"""

from __future__ import annotations

import html
import re

from .document import Link

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'`\])}]*[^\s<>\"'`\])}.,;:!?]", re.IGNORECASE)
# Bare domains with a path (amzn.to/x, youtube.com/user/x) are links too: platforms link them. The
# path is required so that "Node.js" or "e.g." never count; BARE_HINT is the cheap test first.
_TLDS = (
    "com|net|org|io|co|ly|me|to|gl|gd|it|uk|de|fr|es|eu|info|biz|tv|be|us|ca|au|app|dev|shop|store"
    "|link|page|site"
)
BARE_HINT = re.compile(rf"\.(?:{_TLDS})/", re.IGNORECASE)
BARE_URL_RE = re.compile(
    rf"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})/"
    r"[^\s<>\"'`\])}]*[^\s<>\"'`\])}.,;:!?]",
    re.IGNORECASE,
)
ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


class Mask:
    """A mutable copy of the source in which ranges are blanked (newlines kept).

    The copy (a list of characters) is made on the first change: most short posts have nothing
    to blank, and copying and joining them back was a tenth of parsing them. The text is joined
    again only after a change: the Markdown parser reads it a dozen times between changes."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._chars: list[str] | None = None
        self._text: str | None = source

    @property
    def chars(self) -> list[str]:
        """The characters, to change (the text is joined again on the next read)."""
        self._text = None
        if self._chars is None:
            self._chars = list(self._source)
        return self._chars

    def blank(self, start: int, end: int) -> None:
        if start >= end:
            return
        chars = self.chars
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    def show(self, source: str, start: int, end: int) -> None:
        """Copy ``source[start:end]`` back in: a span that is checked after all."""
        self.chars[start:end] = source[start:end]

    def put(self, offset: int, char: str) -> None:
        self.chars[offset] = char

    def text(self) -> str:
        if self._text is None:  # only after ``chars`` was read, so the copy exists
            self._text = "".join(self._chars) if self._chars is not None else self._source
        return self._text


def mask_urls(checked: str, mask: Mask, links: list[Link]) -> None:
    # The literal tests first: under IGNORECASE, re tries each pattern at every character.
    has_url = "://" in checked or "www." in checked.lower()
    found = list(URL_RE.finditer(checked)) if has_url else []
    if "/" in checked and BARE_HINT.search(checked):
        covered = [m.span() for m in found]
        found += [
            m
            for m in BARE_URL_RE.finditer(checked)
            if not any(s <= m.start() < e for s, e in covered)
        ]
    for m in found:
        links.append(Link(m.start(), m.end(), m.group()))
        mask.blank(m.start(), m.end())


def decode_entities(text: str, shifted: dict[int, tuple[int, int]]) -> str:
    """Character references outside markup (``&#39;``, ``&amp;``), decoded as HTML's are.

    Markdown renders them (CommonMark), and exports from web platforms (YouTube's API, CMS
    dumps) escape plain text the same way, so "don&#39;t" is checked as "don't".
    """
    if "&" not in text:
        return text
    chars: list[str] | None = None
    entities: list[tuple[int, int]] = []
    for m in ENTITY_RE.finditer(text):
        decoded = html.unescape(m.group())
        if len(decoded) != 1:  # an unknown name stays as written
            continue
        if chars is None:
            chars = list(text)
        chars[m.start() : m.end()] = [decoded] + [" "] * (m.end() - m.start() - 1)
        if not decoded.isspace():
            entities.append(m.span())
    if chars is None:
        return text
    return close_entity_gaps("".join(chars), entities, shifted)


_SPACE = re.compile(r"\s")


def close_entity_gaps(
    text: str, entities: list[tuple[int, int]], shifted: dict[int, tuple[int, int]]
) -> str:
    """Move each decoded entity's padding past the end of its word: ``don’      t`` → ``don’t      ``.

    The padding is paid back before the next whitespace, so every whitespace character (newlines
    included) keeps its offset and only the characters between an entity and that whitespace move.
    ``shifted`` receives their source spans, and each decoded character's (the whole entity).
    """
    out: list[str] = []
    size = 0  # length of out, joined
    copied = 0  # text[:copied] is in out
    debt = 0  # padding characters owed before the next whitespace

    def copy_until(stop: int) -> None:
        nonlocal size, copied, debt
        if debt:
            space = _SPACE.search(text, copied, stop)
            moved_end = space.start() if space else stop
            for offset in range(copied, moved_end):
                shifted[size + offset - copied] = (offset, offset + 1)
            out.append(text[copied:moved_end])
            size += moved_end - copied
            copied = moved_end
            if space is None:
                return
            out.append(" " * debt)
            size += debt
            debt = 0
        out.append(text[copied:stop])
        size += stop - copied
        copied = stop

    for start, end in entities:
        if start < copied:
            continue
        copy_until(start)
        shifted[size] = (start, end)
        out.append(text[start])
        size += 1
        debt += end - start - 1
        copied = end
    copy_until(len(text))
    out.append(" " * debt)
    return "".join(out)
