"""Turn Markdown, HTML and plain text into a Post whose checked text keeps every offset.

Masking rather than extracting keeps positions exact (see document.py). The Markdown handling is a
small line-and-regex scanner for what posts contain (front matter, fences, inline code, links,
images, HTML, comments); it does not try to be a full CommonMark parser.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from .document import Link, Post

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
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK_RE = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[([^\]\n]*)\]")
REF_DEF_RE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*\S+.*$", re.MULTILINE)
# A shortcut reference link, "[text]" alone, is a link only when "[text]: url" is defined.
SHORTCUT_REF_RE = re.compile(r"(?<![\]\\!])\[([^\]\n]+)\](?![\[(:])")
AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.IGNORECASE)
# Emphasis delimiters (**bold**, _italic_, ~~struck~~) are markup: masked like tags, so "Act **now**"
# reads "Act   now". An opener is followed and a closer preceded by a non-blank; "_" never works
# inside a word (snake_case), as in CommonMark. Nested emphasis is found on a second pass.
EMPHASIS_RE = re.compile(
    r"(?<![\\\w*~])(\*{1,3}|(?<![\w_])_{1,3}|~~)(?=[^\s*_~])([^\n]*?[^\s\\*_~])\1(?![\w*~])"
)
TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
INVISIBLE_TAGS = frozenset("head script style noscript template svg title".split())

FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".text": "text",
}


class _Mask:
    """A mutable copy of the source in which ranges are blanked (newlines kept)."""

    def __init__(self, source: str) -> None:
        self.chars = list(source)

    def blank(self, start: int, end: int) -> None:
        chars = self.chars
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    def put(self, offset: int, char: str) -> None:
        self.chars[offset] = char

    def text(self) -> str:
        return "".join(self.chars)


def _mask_urls(checked: str, mask: _Mask, links: list[Link]) -> None:
    found = list(URL_RE.finditer(checked))
    if BARE_HINT.search(checked):
        covered = [m.span() for m in found]
        found += [
            m
            for m in BARE_URL_RE.finditer(checked)
            if not any(s <= m.start() < e for s, e in covered)
        ]
    for m in found:
        links.append(Link(m.start(), m.end(), m.group()))
        mask.blank(m.start(), m.end())


def parse_text(
    source: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    """Plain text: only URLs and suppression comments are masked."""
    mask = _Mask(source)
    for m in COMMENT_RE.finditer(source):
        mask.blank(m.start(), m.end())
    links: list[Link] = []
    _mask_urls(mask.text(), mask, links)
    post = Post(post_id, source, "", dict(meta or {}), links, path, "text")
    post.text = _decode_entities(mask.text(), post.shifted)
    return post


def _decode_entities(text: str, shifted: dict[int, tuple[int, int]]) -> str:
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
    return _close_entity_gaps("".join(chars), entities, shifted)


def _front_matter(source: str, mask: _Mask, post: Post) -> None:
    m = FRONT_MATTER_RE.match(source)
    if not m:
        return
    mask.blank(0, m.end())
    import yaml  # here, not at the top: posts without front matter never need PyYAML

    try:
        # libyaml's parser when present: front matter is parsed once per file, and the pure
        # Python scanner was 0.3 ms of a 1.5 ms check per post.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(m.group(1) or "", Loader=loader) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        post.problems.append((0, 3, f"invalid YAML front matter{where}; metadata ignored"))
        return
    if not isinstance(data, dict):
        post.problems.append((0, 3, "front matter is not a mapping; metadata ignored"))
        return
    post.meta = {**{str(k): v for k, v in data.items()}, **post.meta}


def _mask_fences(source: str, mask: _Mask) -> list[tuple[int, int]]:
    """Blank fenced code blocks; return their spans."""
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    start = 0
    for line in source.splitlines(keepends=True):
        m = FENCE_RE.match(line)
        if fence is None and m:
            fence, start = m.group(1), offset
        elif (
            fence is not None
            and m
            and m.group(1)[0] == fence[0]
            and len(m.group(1)) >= len(fence)
            and not line.strip().strip(fence[0])
        ):
            spans.append((start, offset + len(line)))
            fence = None
        offset += len(line)
    if fence is not None:
        spans.append((start, len(source)))
    for start, end in spans:
        mask.blank(start, end)
    return spans


def parse_markdown(
    source: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    """Markdown: front matter becomes metadata; code, URLs, HTML and comments are masked."""
    mask = _Mask(source)
    post = Post(post_id, source, "", dict(meta or {}), [], path, "markdown")
    _front_matter(source, mask, post)
    post.code = _mask_fences(source, mask)
    inline = [m.span() for m in INLINE_CODE_RE.finditer(mask.text())]
    for m in COMMENT_RE.finditer(mask.text()):
        mask.blank(m.start(), m.end())
    for start, end in inline:
        mask.blank(start, end)
    post.code += inline
    checked = mask.text()
    for m in IMAGE_RE.finditer(checked):
        mask.blank(m.start(), m.end())
    labels = set()
    for m in REF_DEF_RE.finditer(checked):
        labels.add(_label(m.group(1)))
        mask.blank(m.start(), m.end())
    checked = mask.text()
    for m in LINK_RE.finditer(checked):
        post.links.append(Link(m.start(), m.end(), m.group(2)))
        post.link_texts.append(m.span(1))
        mask.blank(m.start(), m.start() + 1)  # "["
        mask.blank(m.end(1), m.end())  # "](url)"
    for m in REF_LINK_RE.finditer(checked):
        post.link_texts.append(m.span(1))  # explicit syntax: a link even if defined elsewhere
        mask.blank(m.start(), m.start() + 1)
        mask.blank(m.end(1), m.end())
    if labels:
        for m in SHORTCUT_REF_RE.finditer(mask.text()):
            if _label(m.group(1)) in labels:
                post.link_texts.append(m.span(1))
                mask.blank(m.start(), m.start() + 1)
                mask.blank(m.end(1), m.end())
    for m in AUTOLINK_RE.finditer(checked):
        post.links.append(Link(m.start(), m.end(), m.group(1)))
        mask.blank(m.start(), m.end())
    for m in TAG_RE.finditer(mask.text()):
        mask.blank(m.start(), m.end())
    for _ in range(2):
        for m in EMPHASIS_RE.finditer(mask.text()):
            mask.blank(m.start(1), m.end(1))
            mask.blank(m.end(2), m.end())
    _mask_urls(mask.text(), mask, post.links)
    post.links.sort(key=lambda link: link.start)
    post.link_texts.sort()
    post.text = _decode_entities(mask.text(), post.shifted)
    return post


def _label(text: str) -> str:
    """A reference label as CommonMark matches it: case-folded, inner blanks collapsed."""
    return " ".join(text.split()).casefold()


class _VisibleText(HTMLParser):
    """Copies visible text into the mask at its source offsets."""

    def __init__(self, source: str, mask: _Mask, post: Post) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.mask = mask
        self.post = post
        self.hidden = 0
        self.entities: list[tuple[int, int]] = []  # decoded entities: (start, end) in the source
        self.anchor: int | None = None  # where the text of the open <a> starts
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]

    def _source_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], closing: bool) -> None:
        if tag in INVISIBLE_TAGS and tag != "br":
            self.hidden += -1 if closing else 1
            self.hidden = max(self.hidden, 0)
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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._tag(tag, attrs, closing=False)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, [], closing=True)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        start = self._source_offset()
        self.mask.chars[start : start + len(data)] = list(data)

    def _ref(self, raw: str) -> None:
        if self.hidden:
            return
        decoded = html.unescape(raw)
        if len(decoded) == 1:
            start = self._source_offset()
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
    mask = _Mask(blank)
    post = Post(post_id, source, "", dict(meta or {}), [], path, "html")
    parser = _VisibleText(source, mask, post)
    parser.feed(source)
    parser.close()
    if parser.entities:
        mask = _Mask(_close_entity_gaps(mask.text(), parser.entities, post.shifted))
    _mask_urls(mask.text(), mask, post.links)
    post.links.sort(key=lambda link: link.start)
    post.link_texts.sort()
    post.text = mask.text()
    return post


_SPACE = re.compile(r"\s")


def _close_entity_gaps(
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


PARSERS = {"markdown": parse_markdown, "html": parse_html, "text": parse_text}


def parse(
    source: str, fmt: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    return PARSERS[fmt](source, post_id, path, meta)
