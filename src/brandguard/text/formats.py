"""Turn Markdown, HTML and plain text into a Post whose checked text keeps every offset.

Masking rather than extracting keeps positions exact (see document.py and masking.py; HTML is
html_text.py). The Markdown handling is a small line-and-regex scanner for what posts contain (front matter, fences, inline code, links,
images, HTML, comments); it does not try to be a full CommonMark parser.
"""

from __future__ import annotations

import re
from typing import Any

from . import headlines, inline
from .document import Link, Post
from .html_text import parse_html
from .masking import Mask, decode_entities, mask_urls

# The inline patterns say what matches; inline.py finds their matches in linear time (a plain
# finditer is quadratic on a long line of openers), and tests hold it to these patterns' finditer.
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
FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".text": "text",
}


def parse_text(
    source: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    """Plain text: URLs, suppression comments and backtick code are masked.

    Backticks are how code is written in chat, issue and CMS text too: `panic!` is an example,
    not an exclamation.
    """
    mask = Mask(source)
    for start, end in inline.comments(source):
        mask.blank(start, end)
    code: list[tuple[int, int]] = []
    if "`" in source:
        code = _mask_fences(source, mask)
        code += inline.inline_code(mask.text())
        for start, end in code:
            mask.blank(start, end)
    links: list[Link] = []
    mask_urls(mask.text(), mask, links)
    post = Post(post_id, source, "", dict(meta or {}), links, path, "text")
    post.code = code
    post.text = decode_entities(mask.text(), post.shifted)
    post.headlines = headlines.collect(post.text, ())
    return post


def _front_matter(source: str, mask: Mask, post: Post) -> list[tuple[int, int, str]]:
    """Parse front matter into metadata and mask it, all but its title and description values
    (what readers see first); return their spans."""
    m = FRONT_MATTER_RE.match(source)
    if not m:
        return []
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
        return []
    if not isinstance(data, dict):
        post.problems.append((0, 3, "front matter is not a mapping; metadata ignored"))
        return []
    post.meta = {**{str(k): v for k, v in data.items()}, **post.meta}
    fields = [
        f
        for f in headlines.front_matter_fields(source, m.end())
        if isinstance(data.get(f[2]), str)  # the kind is the key
    ]
    for start, end, _ in fields:
        mask.show(source, start, end)
    return fields


def _mask_fences(source: str, mask: Mask) -> list[tuple[int, int]]:
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


_LIST_ITEM = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_INDENTED = re.compile(r"(?: {4}|[ ]{0,3}\t)")
BLOCKQUOTE_LINE = re.compile(r" {0,3}>")
# Code written as HTML, and quoting tags: <(tag)\b[^>]*>.*?</\1\s*> read by inline.tag_pairs.
CODE_TAGS = "code|pre|kbd|samp"
QUOTE_TAGS = "blockquote|q"


def _mask_indented_code(
    source: str, mask: Mask, fences: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Blank indented code blocks (CommonMark: four spaces or a tab, after a blank line, not
    inside a list item, where indentation continues the item); return their spans."""
    spans: list[tuple[int, int]] = []
    offset = 0
    blank_before = True  # the start of the file counts as a blank line
    in_list = False
    block: tuple[int, int] | None = None
    for line in source.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        end = offset + len(body)
        in_fence = any(s <= offset < e for s, e in fences)
        if not body.strip():
            blank_before = True
        elif in_fence:
            block, blank_before = None, False
        elif block is not None and _INDENTED.match(body):
            block = (block[0], end)
            spans[-1] = block
        elif blank_before and not in_list and _INDENTED.match(body):
            block = (offset, end)
            spans.append(block)
            blank_before = False
        else:
            block = None
            if _LIST_ITEM.match(body):
                in_list = True
            elif blank_before and not body[:1].isspace():
                in_list = False
            blank_before = False
        offset += len(line)
    for start, end in spans:
        mask.blank(start, end)
    return spans


def _blockquotes(source: str) -> list[tuple[int, int]]:
    """Markdown block quotes: "> " lines and their lazy continuation lines, and quoting HTML tags."""
    spans: list[tuple[int, int]] = []
    offset = 0
    inside = False
    for line in source.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if BLOCKQUOTE_LINE.match(body) or (inside and body.strip()):
            if inside:
                spans[-1] = (spans[-1][0], offset + len(body))
            else:
                spans.append((offset, offset + len(body)))
            inside = True
        else:
            inside = False
        offset += len(line)
    if "<" in source:
        spans += inline.tag_pairs(source, QUOTE_TAGS)
    return spans


def parse_markdown(
    source: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    """Markdown: front matter becomes metadata; code, URLs, HTML and comments are masked."""
    mask = Mask(source)
    post = Post(post_id, source, "", dict(meta or {}), [], path, "markdown")
    spans = _front_matter(source, mask, post)
    post.code = _mask_fences(source, mask)
    post.code += _mask_indented_code(source, mask, post.code)
    if ">" in source:
        post.quoted = _blockquotes(source)
    code = inline.inline_code(mask.text())
    for start, end in inline.comments(mask.text()):
        mask.blank(start, end)
    if "<" in source:  # code written as HTML inside Markdown
        code += inline.tag_pairs(mask.text(), CODE_TAGS)
    for start, end in code:
        mask.blank(start, end)
    post.code += code
    checked = mask.text()
    for m in inline.bracketed(checked, IMAGE_RE, "![", r"[)\n]"):
        mask.blank(m.start(), m.end())
    labels = set()
    for m in REF_DEF_RE.finditer(checked):
        labels.add(_label(m.group(1)))
        mask.blank(m.start(), m.end())
    checked = mask.text()
    for m in inline.bracketed(checked, LINK_RE, "[", r"[)\s>]"):
        post.links.append(Link(m.start(), m.end(), m.group(2)))
        post.link_texts.append(m.span(1))
        mask.blank(m.start(), m.start() + 1)  # "["
        mask.blank(m.end(1), m.end())  # "](url)"
    for m in inline.bracketed(checked, REF_LINK_RE):
        post.link_texts.append(m.span(1))  # explicit syntax: a link even if defined elsewhere
        mask.blank(m.start(), m.start() + 1)
        mask.blank(m.end(1), m.end())
    if labels:
        for m in inline.shortcut_refs(mask.text(), SHORTCUT_REF_RE):
            if _label(m.group(1)) in labels:
                post.link_texts.append(m.span(1))
                mask.blank(m.start(), m.start() + 1)
                mask.blank(m.end(1), m.end())
    for m in inline.autolinks(checked, AUTOLINK_RE):
        post.links.append(Link(m.start(), m.end(), m.group(1)))
        mask.blank(m.start(), m.end())
    for m in TAG_RE.finditer(mask.text()):
        mask.blank(m.start(), m.end())
    for _ in range(2):
        for open_start, open_end, close_start, close_end in inline.emphasis(mask.text()):
            mask.blank(open_start, open_end)
            mask.blank(close_start, close_end)
    mask_urls(mask.text(), mask, post.links)
    post.links.sort(key=lambda link: link.start)
    headings, underlines = headlines.markdown_headings(mask.text())
    for start, end in underlines:
        mask.blank(start, end)
    post.link_texts.sort()
    post.text = decode_entities(mask.text(), post.shifted)
    post.headlines = headlines.collect(post.text, spans + headings)
    return post


def _label(text: str) -> str:
    """A reference label as CommonMark matches it: case-folded, inner blanks collapsed."""
    return " ".join(text.split()).casefold()


PARSERS = {"markdown": parse_markdown, "html": parse_html, "text": parse_text}


def parse(
    source: str, fmt: str, post_id: str, path: str | None = None, meta: dict[str, Any] | None = None
) -> Post:
    return PARSERS[fmt](source, post_id, path, meta)
