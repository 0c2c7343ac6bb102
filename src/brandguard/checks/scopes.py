"""Where in a post a rule may report: the optional ``scope:`` of a rule.

One key, two mechanisms chosen by value. ``headline``, ``title`` and ``body`` are regions the
checks themselves honour (base.Scope; headline rules are matched only inside headlines, which is
fast). ``link_text`` and ``plain_text`` are filters on finished findings (SCOPES below): a check
runs over the whole post as usual and the engine drops its findings outside the scope. Scopes
name regions that the parser knows (formats.py), not text patterns, so a rule about link text
never fires on the same words in ordinary prose or in a style guide quoting them.

- ``link_text``: the visible text of a link (``[text](url)``, ``[text][ref]``, ``<a>text</a>``),
  and the finding is all of it or all but one word: "[click here](…)", "[Read more »](…)" and
  "[go here](…)", but not "[learn more about pricing](…)", which names its destination. A line
  of its own in Markdown or HTML that holds nothing else (a button label such as "LEARN MORE"
  between paragraphs) counts too; a list item, a heading or a line that also holds a link or code
  ("More info at [`npm link`](…).", where the link names its destination) does not.
- ``plain_text``: anywhere in a plain-text post (no Markdown or HTML), where a link cannot have
  text of its own, so "click here: https://…" is the only way to write it (report at ``info``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator

from ..text.document import Post
from ..text.headlines import HEADLINE_SCOPES
from .base import RawFinding

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_SLACK_WORDS = 1  # words of a link text that may lie outside a link-text finding


def _in_link_text(post: Post, raw: RawFinding) -> bool:
    spans = post.link_texts
    i = bisect_right(spans, (raw.start, len(post.text) + 1)) - 1
    if i < 0 or not (spans[i][0] <= raw.start and raw.end <= spans[i][1]):
        return _label_line(post, raw)
    start, end = spans[i]
    text = post.text
    rest = len(_WORD.findall(text, start, raw.start)) + len(_WORD.findall(text, raw.end, end))
    return rest <= _SLACK_WORDS


_LABEL_LINE_SKIP = re.compile(r"\s*(?:[-*+>#|]|\d+[.)])")
_SENTENCE_END = (".", "!", "?", ":", "…", '"', "”", ")")


def _label_line(post: Post, raw: RawFinding) -> bool:
    """The finding, of two words or more, is a line of its own give or take one word (a button
    or link label), not the wrapped end of a sentence that the line above began ("See below\n
    for more information."). One word ("here") alone on a line is too often a short reply."""
    text = post.text
    if post.format == "text" or len(_WORD.findall(text, raw.start, raw.end)) < 2:
        return False  # plain text: see plain_text (a caption's lines are not buttons)
    start = text.rfind("\n", 0, raw.start) + 1
    above = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)].rstrip()
    if above and not above.endswith(_SENTENCE_END):
        return False
    end = text.find("\n", raw.end)
    end = len(text) if end == -1 else end
    if _LABEL_LINE_SKIP.match(text, start):
        return False
    if any(s < end and e > start for s, e in (*post.link_texts, *post.code)):
        return False  # a link or code elsewhere on the line: "More info at [`npm link`](…)."
    rest = len(_WORD.findall(text, start, raw.start)) + len(_WORD.findall(text, raw.end, end))
    return rest <= _SLACK_WORDS


def _plain_text(post: Post, raw: RawFinding) -> bool:
    return post.format == "text"


SCOPES: dict[str, Callable[[Post, RawFinding], bool]] = {
    "link_text": _in_link_text,
    "plain_text": _plain_text,
}
#: Every value of ``scope:``: the regions checks honour (headlines.py) and the filters above.
SCOPE_VALUES = sorted({*HEADLINE_SCOPES, *SCOPES})


def within(scope: str, post: Post, found: Iterable[RawFinding]) -> Iterator[RawFinding]:
    """The findings of ``found`` that lie in the post's ``scope``."""
    inside = SCOPES[scope]
    return (raw for raw in found if inside(post, raw))
