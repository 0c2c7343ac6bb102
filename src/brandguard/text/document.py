"""A post: its source text, the text that is checked, its metadata and its links.

The checked text has exactly the length of the source: whatever must not be checked (front matter,
code, HTML tags, URLs, comments) is blanked out with spaces, newlines kept. A character offset in
the checked text is therefore the same offset in the source, and line:column positions are exact
without an offset map.

One exception, character references (HTML entities, also decoded in Markdown and plain text):
``don&#8217;t`` decodes to ``don’t`` plus six spaces after the word,
so the word stays whole for the tokenizer. The few characters that moved (and each decoded
character, which stands for the whole entity) are listed in ``Post.shifted``; ``source_span``
maps a span of the checked text back to the source. Newlines never move.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .headlines import Headline


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str


@dataclass
class Post:
    id: str
    source: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    path: str | None = None
    format: str = "text"
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, message)
    code: list[tuple[int, int]] = field(
        default_factory=list
    )  # code spans: examples, not directives
    # what readers see first (titles, descriptions, headings, a one-line post): headlines.py
    headlines: list[Headline] = field(default_factory=list)
    # block quotes (Markdown "> ", HTML <blockquote>/<q>): someone else's words (see context.py)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    # (start, end) of the visible text of each link ([text](url), [text][ref], <a>text</a>), sorted
    link_texts: list[tuple[int, int]] = field(default_factory=list)
    # checked-text offset -> (source start, source end), only where the two differ (HTML entities)
    shifted: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of the checked text's ``[start, end)``."""
        shifted = self.shifted
        if not shifted:
            return start, end
        first = shifted.get(start)
        last = shifted.get(end - 1) if end > start else None
        return (first[0] if first else start), (last[1] if last else end)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in the source."""
        if self._line_starts is None:
            starts = [0]
            find = self.source.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1
