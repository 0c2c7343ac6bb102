"""Issue 13, item 7: Markdown and HTML masking take time linear in the input.

Each hostile line below took from seconds to minutes at 100 KB (`` *a``: 54 s, ``[a ``: 37 s,
``<!-- ``: 8.4 s); a line of any construct now parses well under a second, and four times the input
takes at most about four times as long. The scanners of ``text/inline.py`` and the rewritten
headline patterns must find exactly what the plain patterns found: they are compared with them on
generated Markdown (the old patterns are kept here as the reference).
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brandguard.text import formats, headlines, inline
from brandguard.text.formats import parse

HOSTILE_LINES = {
    "emphasis *": " *a",
    "emphasis _": " _a",
    "strong **": "**a ",
    "strike ~~": " ~~a",
    "link text [": "[a ",
    "link destination ](": "](",
    "nested brackets": "[[a](",
    "image ![": "![",
    "image destination": "![a](",
    "reference [][": "[a][",
    "backticks": "`a``",
    "comment <!--": "<!-- ",
    "tag <a": "<a ",
    "end tag </a": "</a ",
    "character reference &#": "&#",
    "less-than <": "<",
    "autolink": "<http://a",
    "code tag": "<code>",
    "quote tag": "<q>",
    "CDATA": "<![CDATA[",
    "marked section": "<![if ",
    "declaration <!": "<!x ",
    "processing instruction <?": "<?x ",
    "exclamation marks": "!",
    "heading of blanks": "# a" + " " * 40,
    "capitals and blanks": "AB" + " " * 40 + ":",
    "full stops": "a.",
    "ellipses": "…",
}


def _parse_seconds(unit: str, size: int, fmt: str) -> float:
    """CPU seconds (the best of two), so a busy machine does not make a linear parse look slow."""
    text = unit * (size // len(unit))
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        parse(text, fmt, "hostile")
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
@pytest.mark.parametrize("name", sorted(HOSTILE_LINES))
def test_a_100_kb_line_of_one_construct_parses_in_linear_time(name: str, fmt: str) -> None:
    unit = HOSTILE_LINES[name]
    small = _parse_seconds(unit, 25_000, fmt)
    large = _parse_seconds(unit, 100_000, fmt)
    assert large < 1.0, f"{name} ({fmt}): 100 KB parsed in {large:.2f} s"
    # Four times the input: at most about four times the time (6x, plus noise on tiny times).
    assert large <= 6 * small + 0.05, f"{name} ({fmt}): {small:.3f} s -> {large:.3f} s"


def test_an_unknown_marked_section_is_a_bogus_comment_not_an_internal_error() -> None:
    post = parse("<p>Before</p><![foo[ hidden ]]> after", "html", "x")
    assert post.text.split() == ["Before", "after"]
    assert post.text.index("after") == post.source.index("after")


def test_an_unfinished_tag_at_the_end_is_read_as_text_as_before() -> None:
    source = "<p>Fine</p> then <a href=x and more"
    post = parse(source, "html", "x")
    assert len(post.text) == len(source)
    assert "Fine" in post.text and "then" in post.text


# ---- the scanners find what the plain patterns found ----------------------------------------

OLD_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
OLD_CODE_TAG_RE = re.compile(r"<(code|pre|kbd|samp)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
OLD_ATX_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+([^\n]*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
OLD_LABEL = re.compile(r"^[ \t]*(?:[^\w\s]{1,3}[ \t]*)?([^\n:]*?)[ \t]*(?::|$)", re.MULTILINE)
OLD_LINE = re.compile(r"^[ \t]*(?:[^\w\s]{1,3}[ \t]*)?(\S[^\n]*?)?[ \t]*$", re.MULTILINE)
# What _not_headline says, as plain patterns: a final stop or "..", a run of marks before another
# sentence, or two sentence breaks (one is a two-sentence teaser, still a headline).
OLD_END = re.compile(r"[.,;:…]\W*\Z|\.\.")
OLD_RUN_BREAK = re.compile(r"[.!?…]{2,}[\"'”’)]*\s+\S")
OLD_BREAK = re.compile(
    r"(?:[!?…]|(?<!\b[a-z])(?<!\bmrs)(?<!\b[dms]r)(?<!\b[js]r)(?<!\bst)"
    r"(?<!\bvs)(?<!\bms)\.)[.!?…]*[\"'”’)]*(?=\s+\S)",
    re.IGNORECASE,
)


def old_not_headline(line: str) -> bool:
    return bool(
        OLD_END.search(line) or OLD_RUN_BREAK.search(line) or len(OLD_BREAK.findall(line)) > 1
    )


PIECES = [
    "*", "**", "***", "_", "__", "~~", "`", "``", "[", "]", "(", ")", "![", "]:", "<", ">",
    "<!--", "-->", "<code>", "</code>", "<PRE x>", "</pre >", "<q>", "</Q>", "<http://a.b>",
    "<mailto:x", "\\", "#", "# ", "## ", "\n", "\r\n", " ", "  ", "\t", "a", "Bo", "AB", "xy z",
    ":", ".", "!", "?", "…", '"', "’", "e.g.", "Mr.", "é", "😀", "\u0301", "- ", "1. ",
]  # fmt: skip
markup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _spans(matches) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


@given(markup)
def test_scanners_find_what_finditer_finds(text: str) -> None:
    assert list(inline.comments(text)) == [m.span() for m in OLD_COMMENT_RE.finditer(text)]
    assert inline.inline_code(text) == [m.span() for m in formats.INLINE_CODE_RE.finditer(text)]
    assert inline.tag_pairs(text, formats.CODE_TAGS) == [
        m.span() for m in OLD_CODE_TAG_RE.finditer(text)
    ]
    assert inline.emphasis(text) == [
        (m.start(1), m.end(1), m.end(2), m.end()) for m in formats.EMPHASIS_RE.finditer(text)
    ]
    for pattern, opener, dest in (
        (formats.LINK_RE, "[", r"[)\s>]"),
        (formats.IMAGE_RE, "![", r"[)\n]"),
        (formats.REF_LINK_RE, "[", None),
    ):
        found = inline.bracketed(text, pattern, opener, dest)
        assert _spans(found) == _spans(pattern.finditer(text))
    shortcut = formats.SHORTCUT_REF_RE
    assert _spans(inline.shortcut_refs(text, shortcut)) == _spans(shortcut.finditer(text))
    autolink = formats.AUTOLINK_RE
    assert _spans(inline.autolinks(text, autolink)) == _spans(autolink.finditer(text))


@given(markup)
def test_headline_patterns_read_as_the_lazy_ones_did(text: str) -> None:
    atx = [(m.start(2), m.end(2)) for m in OLD_ATX_RE.finditer(text)]
    new_atx = [
        (m.end(), headlines._atx_text_end(text, m.end()))
        for m in headlines.ATX_START.finditer(text)
    ]
    assert new_atx == atx
    starts = [m.start() for m in re.finditer(r"^", text, re.MULTILINE)]
    for start in starts:
        old, new = OLD_LABEL.match(text, start), headlines._LABEL.match(text, start)
        assert (old and old.span(1)) == (new and new.span(1))
    assert _spans(headlines._LINE.finditer(text)) == _spans(OLD_LINE.finditer(text))
    line = text.strip()
    assert headlines._not_headline(line) == old_not_headline(line)
