"""The tokenizer's affix and URL regexes, tried only where they can match: the same matches.

Why: for every chunk of text it has not cached, spaCy's tokenizer calls Python ``re`` with its
suffix regex (a hundred alternatives ending in ``$``, some with Unicode classes of thousands of
ranges), its prefix regex, its infix ``finditer`` and its URL matcher. ``re`` tries each
alternative at each position of the chunk: on the real mix these calls were about half of the
tokenizer's time. Most chunks are plain words that no alternative can match.

What a regex can match is read from its parse tree (``re._parser``, the parser ``re.compile``
runs): which characters can end a match of each suffix alternative, start a match of each prefix
alternative, and which characters every match of the infix or URL regex must contain. A chunk is
then searched with only the alternatives its last (first) character allows, in their order, and
not at all when a required character is missing. An alternative is left out only when it cannot
match; every doubt (a negated class, ``\\w``, case folding, a back reference, an alternative that
may match the empty string) keeps it, so the match is always the one the whole regex finds
(tests/test_affixes.py compares both on every character class and on the samples).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .frozen_regex import Frozen, freeze, thaw

Ranges = tuple[tuple[int, int], ...]  # sorted, merged (first, last) code points
ANY: None = None  # any character may be there: the alternative is always tried


def _merge(ranges: Iterable[tuple[int, int]]) -> Ranges:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return tuple(out)


def _contains(ranges: Ranges, code: int) -> bool:
    i = bisect_right(ranges, (code, 0x10FFFF + 1)) - 1
    return i >= 0 and ranges[i][0] <= code <= ranges[i][1]


def _sre() -> tuple[Any, Any]:
    """``re``'s parser and its opcodes (``sre_parse`` before Python 3.11)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _parser, _constants


class _Unknown(Exception):
    """A construct this reader does not follow: the regex is used whole."""


def _edge(items: Sequence[Any], last: bool) -> tuple[Ranges | None, bool]:
    """The characters a match of ``items`` can start with (or end with, ``last``), ANY when it
    cannot tell, and whether the match can be empty (then what lies beyond it counts too)."""
    c = _sre()[1]

    found: list[tuple[int, int]] = []
    for op, av in reversed(items) if last else items:
        if op is c.LITERAL:
            chars, empty = ((av, av),), False
        elif op is c.IN:
            chars, empty = _class(av), False
        elif op is c.BRANCH:
            chars, empty = _union([_edge(branch.data, last) for branch in av[1]])
        elif op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                return ANY, True
            chars, empty = _edge(av[-1].data, last)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            chars, empty = _edge(av.data, last)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            chars, empty = _edge(av[2].data, last)
            empty = empty or av[0] == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            chars, empty = (), True  # zero width: the next item decides
        else:  # ANY, NOT_LITERAL, a back reference...
            return ANY, True
        if chars is ANY:
            return ANY, True
        found.extend(chars)
        if not empty:
            return _merge(found), False
    return _merge(found), True


def _union(edges: list[tuple[Ranges | None, bool]]) -> tuple[Ranges | None, bool]:
    if any(chars is ANY for chars, _ in edges):
        return ANY, True
    return _merge(r for chars, _ in edges for r in chars or ()), any(e for _, e in edges)


def _class(items: Sequence[tuple[Any, Any]]) -> Ranges | None:
    c = _sre()[1]

    ranges = []
    for op, av in items:
        if op is c.LITERAL:
            ranges.append((av, av))
        elif op is c.RANGE:
            ranges.append(av)
        else:  # NEGATE, a category such as \d or \w
            return ANY
    return _merge(ranges)


def _required(items: Sequence[Any]) -> Ranges | None:
    """Characters of which a text holds at least one wherever ``items`` match in it (the
    smallest such set among its parts, lookarounds included), or ANY."""
    c = _sre()[1]

    best: Ranges | None = ANY
    for op, av in items:
        need: Ranges | None = ANY
        if op is c.LITERAL:
            need = ((av, av),)
        elif op is c.IN:
            need = _class(av)
        elif op is c.BRANCH:
            options = [_required(branch.data) for branch in av[1]]
            if all(o is not ANY for o in options):
                need = _merge(r for o in options for r in o or ())
        elif op is c.SUBPATTERN and not av[1] & re.IGNORECASE:
            need = _required(av[-1].data)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            need = _required(av.data)
        elif op is c.ASSERT:  # what a lookaround sees is in the text too
            need = _required(av[1].data)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            need = _required(av[2].data) if av[0] > 0 else ANY
        if need is not ANY and (best is ANY or _size(need) < _size(best)):
            best = need
    return best


def _size(ranges: Ranges | None) -> int:
    return sum(hi - lo + 1 for lo, hi in ranges or ())


def _parse(source: str, flags: int) -> Any:
    """The parse tree ``re.compile`` builds, for the flags this reader follows."""
    if flags & (re.IGNORECASE | re.MULTILINE | re.VERBOSE | re.LOCALE):
        raise _Unknown(source)
    return _sre()[0].parse(source, flags)


def alternatives(source: str) -> list[str]:
    """``source`` cut at each ``|`` outside groups and classes (what spacy.util joined)."""
    parts: list[str] = []
    depth = start = i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i += 1
            if source[i : i + 1] == "^":
                i += 1
            if source[i : i + 1] == "]":
                i += 1
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    if "|".join(parts) != source:
        raise _Unknown(source)
    return parts


def _class_source(ranges: Ranges) -> str:
    return (
        "["
        + "".join(
            re.escape(chr(lo)) + ("" if lo == hi else "-" + re.escape(chr(hi))) for lo, hi in ranges
        )
        + "]"
    )


class EdgeSearch:
    """``pattern.search`` for spaCy's prefix (``^a|^b...``) or suffix (``a$|b$...``) regex: each
    text is searched with only the alternatives its first (last) character allows.

    Each alternative is its own compiled regex (compiling a union per character cost 16 ms on one
    short post). The whole regex's match is the leftmost of theirs, the first one in rule order
    at that position: at any position ``re`` tries the alternatives in order. A prefix match
    starts at 0, so the first alternative that matches is the answer.
    """

    def __init__(
        self, pattern: re.Pattern[str], last: bool, parts: list[tuple[Frozen, Ranges | None]]
    ):
        self.pattern = pattern
        self.last = last
        self._parts = parts
        self._methods: list[Callable[[str], Any] | None] = [None] * len(parts)
        self._by_char: dict[str, tuple[Callable[[str], Any], ...] | None] = {}

    def __call__(self, text: str) -> re.Match[str] | None:
        if not text:
            return self.pattern.search(text)
        char = text[-1] if self.last else text[0]
        try:
            methods = self._by_char[char]
        except KeyError:
            methods = self._learn(char)
        if methods is None:
            return None
        best = None
        for method in methods:
            found = method(text)
            if found is not None:
                if not self.last:
                    return found
                if best is None or found.start() < best.start():
                    best = found
        return best

    def _learn(self, char: str) -> tuple[Callable[[str], Any], ...] | None:
        code = ord(char)
        if char == "\n":  # "$" also matches before a final newline
            methods: tuple[Callable[[str], Any], ...] | None = (self.pattern.search,)
        else:
            chosen = [
                i for i, (_, edge) in enumerate(self._parts) if edge is ANY or _contains(edge, code)
            ]
            methods = tuple(self._method(i) for i in chosen) or None
        self._by_char[char] = methods
        return methods

    def _method(self, i: int) -> Callable[[str], Any]:
        method = self._methods[i]
        if method is None:
            part = thaw(self._parts[i][0])
            # a prefix alternative starts with "^": only position 0 can match
            method = self._methods[i] = part.search if self.last else part.match
        return method

    def __reduce__(self) -> tuple[Any, ...]:
        return (_edge_search, (freeze(self.pattern), self.last, self._parts))


def _edge_search(
    frozen: Frozen, last: bool, parts: list[tuple[Frozen, Ranges | None]]
) -> EdgeSearch:
    return EdgeSearch(thaw(frozen), last, parts)


class Guarded:
    """A regex method (``match``, ``finditer``) called only on texts holding one of the
    characters it needs; on the others its empty answer."""

    def __init__(
        self,
        method: Callable[[str], Any],
        needed: Ranges,
        empty: Any,
        letters: bool | None = None,
        guard: re.Pattern[str] | None = None,
    ) -> None:
        self.method = method
        self.needed = needed
        self.empty = empty
        if letters is None:
            letters = any(chr(x).isalpha() for lo, hi in needed for x in range(lo, hi + 1))
        self.letters = letters  # whether a needed character is a letter
        lo, hi = needed[0]
        self._char = chr(lo) if len(needed) == 1 and lo == hi else None
        if self._char is None and guard is None:
            guard = re.compile(_class_source(needed))
        self._guard = guard

    def __call__(self, text: str) -> Any:
        if self._char is not None:
            if self._char not in text:
                return self.empty
        elif (not self.letters and text.isalpha()) or self._guard.search(text) is None:  # type: ignore[union-attr]
            return self.empty
        return self.method(text)

    def __reduce__(self) -> tuple[Any, ...]:
        owner = self.method.__self__  # type: ignore[attr-defined]
        guard = freeze(self._guard) if self._guard is not None else None
        args = (freeze(owner), self.method.__name__, self.needed, self.empty, self.letters, guard)
        return (_guarded, args)


def _guarded(
    frozen: Frozen, name: str, needed: Ranges, empty: Any, letters: bool, guard: Frozen | None
) -> Guarded:
    method = getattr(thaw(frozen), name)
    return Guarded(method, needed, empty, letters, thaw(guard) if guard else None)


def prefix_search(pattern: re.Pattern[str]) -> Callable[[str], Any]:
    """``pattern.search`` for a prefix regex, quicker when its shape allows."""
    return _edges(pattern, last=False)


def suffix_search(pattern: re.Pattern[str]) -> Callable[[str], Any]:
    """``pattern.search`` for a suffix regex, quicker when its shape allows."""
    return _edges(pattern, last=True)


def _edges(pattern: re.Pattern[str], last: bool) -> Callable[[str], Any]:
    try:
        c = _sre()[1]
        anchor = (c.AT, c.AT_END) if last else (c.AT, c.AT_BEGINNING)
        parts = []
        for part in alternatives(pattern.pattern):
            items = _parse(part, pattern.flags).data
            if not items or tuple(items[-1 if last else 0]) != anchor:
                raise _Unknown(part)
            chars, empty = _edge(items[:-1] if last else items[1:], last)
            parts.append((freeze(re.compile(part, pattern.flags)), ANY if empty else chars))
    except (_Unknown, re.error, ImportError, AttributeError, IndexError, TypeError):
        return pattern.search
    return EdgeSearch(pattern, last, parts)


def guarded(method: Callable[[str], Any], empty: Any) -> Callable[[str], Any]:
    """``method`` (``match``, ``finditer`` of a regex) behind the test of a character every
    match holds, when there is one."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, re.Pattern):
        return method
    try:
        needed = _required(_parse(owner.pattern, owner.flags).data)
    except (_Unknown, re.error, ImportError, AttributeError, IndexError, TypeError):
        return method
    return method if not needed else Guarded(method, needed, empty)
