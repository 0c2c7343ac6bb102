"""HTML → Post: only the visible text is checked, at its source offsets.

Block-level tags leave a newline so that paragraphs become separate sentences; <title> and the
description <meta> tags are read although hidden (headlines.py); code is never checked and
quotations are someone else's words (Post.quoted).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from . import headlines
from .document import Link, Post
from .masking import Mask, close_entity_gaps, mask_urls

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
INVISIBLE_TAGS = frozenset("head script style noscript template svg title".split())
# Tags whose text readers see first (headlines.py); <title> and <meta> are read although hidden.
HEADLINE_TAGS = frozenset("title meta h1 h2 h3 h4 h5 h6".split())
META_HEADLINES = {
    "description": "description",
    "og:description": "description",
    "twitter:description": "description",
    "og:title": "title",
    "twitter:title": "title",
}
META_CONTENT_RE = re.compile(
    r"\scontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+))", re.IGNORECASE
)
CODE_TAGS = frozenset("code pre kbd samp".split())  # examples, not prose: never checked
QUOTE_TAGS = frozenset(("blockquote", "q"))  # someone else's words: Post.quoted


# What ends each construct HTMLParser reads (_markupbase's patterns): a comment "--\s*>", a
# marked section "]\s*]\s*>" (CDATA) or "]\s*>" (MS Office), everything else ">".
_ENDS = {"comment": re.compile(r"--\s*>"), "section": re.compile(r"\]\s*>"), "tag": re.compile(">")}


class _Bounded(HTMLParser):
    """HTMLParser without its quadratic end of input.

    At the end of input, Python 3.11's parser reads a construct with no end (``<a ``, ``<!-- ``)
    as text up to the next ``<`` and tries the next one, which again searches to the end: 100 KB
    of ``<!-- `` took seconds, of ``<a `` minutes. Here the last end of each kind is found once
    per buffer, and a construct after it is turned into that same text at once. An unknown marked
    section (``<![foo[``) is a bogus comment, as in newer Pythons, not an AssertionError.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.closing = False
        self._ends_for: str | None = None
        self._last_end: dict[str, int] = {}

    def _open_end(self, i: int, kind: str, skip: int) -> bool:
        """Whether no end of ``kind`` follows offset ``i + skip`` in the buffer."""
        if self._ends_for is not self.rawdata:
            self._ends_for = self.rawdata
            self._last_end = {}
        if kind not in self._last_end:
            last = -1
            for m in _ENDS[kind].finditer(self.rawdata):
                last = m.start()
            self._last_end[kind] = last
        return self._last_end[kind] < i + skip

    def _as_text(self, i: int) -> int:
        """What HTMLParser.goahead does with an unfinished construct at the end of input."""
        if not self.closing:
            return -1
        rawdata = self.rawdata
        k = rawdata.find(">", i + 1) if not self._open_end(i, "tag", 1) else -1
        if k < 0:
            k = rawdata.find("<", i + 1)
            if k < 0:
                k = i + 1
        else:
            k += 1
        self.handle_data(rawdata[i:k])
        return k

    def parse_starttag(self, i: int) -> int:
        return self._as_text(i) if self._open_end(i, "tag", 1) else super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        return self._as_text(i) if self._open_end(i, "tag", 1) else super().parse_endtag(i)

    def parse_pi(self, i: int) -> int:
        return self._as_text(i) if self._open_end(i, "tag", 2) else super().parse_pi(i)

    def parse_bogus_comment(self, i: int, report: int = 1) -> int:
        if self._open_end(i, "tag", 2):
            return self._as_text(i)
        return super().parse_bogus_comment(i, report)

    def parse_html_declaration(self, i: int) -> int:
        if self._open_end(i, "tag", 2):
            return self._as_text(i)
        return super().parse_html_declaration(i)

    def parse_comment(self, i: int, report: int = 1) -> int:
        if self._open_end(i, "comment", 4):
            return self._as_text(i)
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        if self._open_end(i, "section", 3):
            return self._as_text(i)
        position = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # "<![foo[" or "<![ ": read as a bogus comment
            self.lineno, self.offset = position
            return self.parse_bogus_comment(i)


class _VisibleText(_Bounded):
    """Copies visible text into the mask at its source offsets."""

    def __init__(self, source: str, mask: Mask, post: Post) -> None:
        super().__init__()
        self.source = source
        self.mask = mask
        self.post = post
        self.hidden = 0
        self.quote_starts: list[int] = []
        self.entities: list[tuple[int, int]] = []  # decoded entities: (start, end) in the source
        self.anchor: int | None = None  # where the text of the open <a> starts
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.headlines: list[tuple[int, int, str]] = []  # <title>, meta descriptions, h1-h6
        self.title: list[int] | None = None  # [start, end] of the <title> text being read
        self.heading: tuple[str, int] | None = None  # (tag, start) of the open h1-h6

    def _separate(self, offset: int) -> None:
        """A line break at ``offset`` (a tag's first or last character): a block of its own."""
        if self.mask.chars[offset] != "\n":
            self.mask.put(offset, "\n")

    def _headline_tag(self, tag: str, attrs: list[tuple[str, str | None]], closing: bool) -> None:
        start = self._source_offset()
        if tag == "title":
            self._separate(start)
            if not closing:
                self.title = [start + len(self.get_starttag_text() or ""), -1]
            elif self.title is not None:
                if self.title[1] > 0:
                    self.headlines.append((self.title[0], self.title[1], "title"))
                self.title = None
        elif tag == "meta" and not closing:
            self._meta(start, dict(attrs))
        elif closing:
            if self.heading and self.heading[0] == tag:
                kind = "title" if tag == "h1" else "heading"
                self.headlines.append((self.heading[1], start, kind))
                self.heading = None
        elif not self.hidden:
            self.heading = (tag, start + len(self.get_starttag_text() or ""))

    def _meta(self, start: int, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        kind = META_HEADLINES.get(key)
        raw = self.get_starttag_text() or ""
        content = META_CONTENT_RE.search(raw)
        if kind is None or content is None or attrs.get("content") is None:
            return
        group = next(g for g in (1, 2, 3) if content.group(g) is not None)
        value_start, value_end = start + content.start(group), start + content.end(group)
        self.mask.show(self.source, value_start, value_end)
        self._separate(start)
        self._separate(start + len(raw) - 1)
        self.headlines.append((value_start, value_end, kind))

    def _source_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], closing: bool) -> None:
        if tag in HEADLINE_TAGS:
            self._headline_tag(tag, attrs, closing)
        if (tag in INVISIBLE_TAGS and tag != "br") or tag in CODE_TAGS:
            self.hidden += -1 if closing else 1
            self.hidden = max(self.hidden, 0)
        if tag in QUOTE_TAGS:
            self._quote(closing)
        if tag in BLOCK_TAGS:
            start = self._source_offset()
            if self.mask.chars[start] != "\n":
                self.mask.put(start, "\n")
        if tag == "a" and not closing:
            href = dict(attrs).get("href")
            if href:
                start = self._source_offset()
                end = start + len(self.get_starttag_text() or "")
                self.post.links.append(Link(start, end, href))
                self.anchor = end
        elif tag == "a" and self.anchor is not None:
            start, self.anchor = self.anchor, None
            end = self._source_offset()
            if end > start and not self.hidden:
                self.post.link_texts.append((start, end))

    def _quote(self, closing: bool) -> None:
        start = self._source_offset()
        if not closing:
            self.quote_starts.append(start)
        elif self.quote_starts:
            end = self.source.find(">", start) + 1 or len(self.source)
            self.post.quoted.append((self.quote_starts.pop(), end))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS or tag == "meta":
            self._tag(tag, attrs, closing=False)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, [], closing=True)

    def handle_data(self, data: str) -> None:
        if self.hidden and self.title is None:
            return
        start = self._source_offset()
        self.mask.chars[start : start + len(data)] = list(data)
        if self.title is not None:
            self.title[1] = start + len(data)

    def _ref(self, raw: str) -> None:
        if self.hidden and self.title is None:
            return
        decoded = html.unescape(raw)
        if len(decoded) == 1:
            start = self._source_offset()
            if self.title is not None:
                self.title[1] = start + len(raw)
            self.mask.put(start, decoded)
            if len(raw) > 1 and not decoded.isspace():
                self.entities.append((start, start + len(raw)))

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


def parse_html(
    source: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    """HTML: only the visible text is checked; entities decode in place."""
    blank = "".join(c if c == "\n" else " " for c in source)
    mask = Mask(blank)
    post = Post(post_id, source, "", dict(meta or {}), [], path, "html")
    parser = _VisibleText(source, mask, post)
    parser.feed(source)
    parser.closing = True
    parser.close()
    if parser.entities:
        mask = Mask(close_entity_gaps(mask.text(), parser.entities, post.shifted))
    mask_urls(mask.text(), mask, post.links)
    post.links.sort(key=lambda link: link.start)
    post.link_texts.sort()
    post.text = mask.text()
    post.headlines = headlines.collect(post.text, parser.headlines)
    return post
