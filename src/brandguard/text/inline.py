"""Linear-time scans for the Markdown constructs that a plain ``finditer`` reads in quadratic time.

``EMPHASIS_RE.finditer`` on 100 KB of `` *a`` took 54 s: every opener scans to the end of its
line looking for a closer, fails, and the next opener scans the same text again. Each function
here returns what ``finditer`` of its pattern (in ``formats.py``) returns, the same spans and
groups, but tries the pattern only where it can match, or skips the openers whose failure is
already known (openers before the same ``]`` share its fate). Tests compare each with the plain
``finditer`` on generated Markdown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator


class Stops:
    """The first offset at or after ``i`` of a character in a class (``len(text)`` if none).

    The last answer is remembered: a query inside the span it covered costs nothing, so the
    increasing queries of a scan cost one pass over the text in all.
    """

    def __init__(self, text: str, char_class: str) -> None:
        self.text = text
        self.pattern = re.compile(char_class)
        self.low = self.high = -1

    def __call__(self, i: int) -> int:
        if not self.low <= i <= self.high:
            m = self.pattern.search(self.text, i)
            self.low, self.high = i, m.start() if m else len(self.text)
        return self.high


def comments(text: str) -> Iterator[tuple[int, int]]:
    """``<!--.*?-->`` (DOTALL) spans: once no ``-->`` follows an opener, none follows a later one."""
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            return
        yield start, end + 3
        pos = end + 3


def inline_code(text: str) -> list[tuple[int, int]]:
    """Spans of ``INLINE_CODE_RE``: a run of backticks closed by the next run of the same length."""
    runs = [m.span() for m in re.finditer("`+", text)]
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        following[i] = last.get(size)
        last[size] = i
    spans = []
    i = 0
    while i < len(runs):
        j = following[i]
        if j is None:
            i += 1
            continue
        spans.append((runs[i][0], runs[j][1]))
        i = j + 1
    return spans


def tag_pairs(text: str, names: str) -> list[tuple[int, int]]:
    """Spans of ``<(names)\\b[^>]*>.*?</\\1\\s*>`` (IGNORECASE, DOTALL), ``names`` an alternation."""
    closers: dict[str, list[int]] = {}
    ends: dict[str, list[int]] = {}
    for m in re.finditer(rf"</({names})\s*>", text, re.IGNORECASE):
        name = m.group(1).lower()
        closers.setdefault(name, []).append(m.start())
        ends.setdefault(name, []).append(m.end())
    spans: list[tuple[int, int]] = []
    if not closers:
        return spans
    gt = Stops(text, ">")
    pos = 0
    for m in re.finditer(rf"<({names})\b", text, re.IGNORECASE):
        if m.start() < pos:
            continue
        close = gt(m.end())
        if close == len(text):
            break  # no ">" ends this opener, nor any later one
        starts = closers.get(m.group(1).lower(), [])
        k = bisect.bisect_left(starts, close + 1)
        if k < len(starts):
            end = ends[m.group(1).lower()][k]
            spans.append((m.start(), end))
            pos = end
    return spans


_OPENER = re.compile(r"(?<![\\\w*~])(\*{1,3}|(?<![\w_])_{1,3}|~~)(?=[^\s*_~])")
_DELIMITER = re.compile(r"[*_~]")  # where an opener can start: its first character


def emphasis(text: str) -> list[tuple[int, int, int, int]]:
    """``EMPHASIS_RE`` matches as (opener start, opener end, closer start, closer end).

    The pattern's closer is the first run equal to the opener, preceded by a non-blank and not
    followed by a word character, on the same line; closers are listed once per delimiter.
    """
    found: list[tuple[int, int, int, int]] = []
    closers: dict[str, list[int]] = {}
    newline = Stops(text, "\n")
    pos = scanned = 0
    # _OPENER.finditer, tried only where a delimiter is: its lookbehinds made re try it at
    # every character (a quarter of parsing a Markdown post)
    for d in _DELIMITER.finditer(text):
        if d.start() < scanned or not (m := _OPENER.match(text, d.start())):
            continue
        start, delim = m.start(), m.group(1)
        scanned = m.end()
        if start < pos:
            continue
        if delim not in closers:
            closer = re.compile(r"(?<=[^\s\\*_~])" + re.escape(delim) + r"(?![\w*~])")
            closers[delim] = [c.start() for c in closer.finditer(text)]
        size = len(delim)
        starts = closers[delim]
        k = bisect.bisect_left(starts, start + size + 1)
        if k == len(starts) or starts[k] >= newline(start):
            continue
        found.append((start, start + size, starts[k], starts[k] + size))
        pos = starts[k] + size
    return found


def bracketed(
    text: str, pattern: re.Pattern[str], opener: str = "[", dest: str | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that opens with ``opener`` + ``[^\\]\\n]*\\]``.

    Every opener before the same ``]`` (or line end) reaches it the same way, so when the first
    one fails the others fail too and the scan moves past the ``]``. With ``dest`` (the class that
    ends a ``(destination``), a failed ``](`` also rules out each later ``](`` inside the
    destination it read, whose destination ends at the same place.
    """
    close = Stops(text, r"[\]\n]")
    stop = Stops(text, dest) if dest else None
    dead = -1  # a "](" at t with t + 2 < dead cannot open a destination that ends well
    pos = 0
    while (start := text.find(opener, pos)) != -1:
        end = close(start + len(opener))
        if end == len(text) or text[end] != "]":
            pos = end + 1
            continue
        if stop is not None and end + 2 < dead:
            pos = end + 1
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            pos = max(m.end(), start + 1)
            continue
        if stop is not None and text.startswith("(", end + 1):
            dead = stop(end + 2)
        pos = end + 1


def shortcut_refs(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` for ``(?<![\\]\\\\!])\\[([^\\]\\n]+)\\](?![\\[(:])``: the lookbehind is
    the only test that differs between the openers before one ``]``."""
    close = Stops(text, r"[\]\n]")
    pos = 0
    while (start := text.find("[", pos)) != -1:
        end = close(start + 1)
        if end == len(text) or text[end] != "]" or text[end + 1 : end + 2] in ("[", "(", ":"):
            pos = end + 1
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            pos = m.end()
        else:
            pos = start + 1


_AUTOLINK_OPEN = re.compile(r"<(?:https?|mailto):", re.IGNORECASE)


def autolinks(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` for ``<((?:https?|mailto):[^>\\s]+)>``: an opener whose address runs
    into a blank or the end fails, and so does every opener inside that address."""
    stop = Stops(text, r"[>\s]")
    pos = 0
    for m in _AUTOLINK_OPEN.finditer(text):
        if m.start() < pos:
            continue
        end = stop(m.end())
        if end > m.end() and end < len(text) and text[end] == ">":
            found = pattern.match(text, m.start())
            if found:
                yield found
                pos = found.end()
