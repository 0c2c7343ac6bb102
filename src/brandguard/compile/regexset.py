r"""One pass that tells which of many regexes can match a post, so only those run.

Python's ``re`` scans a text once per regex (≈ 25 ms per regex per 100k words), so a policy with a
hundred regex rules would spend most of its time there. RE2's ``Set`` matches all of them in one
linear-time pass and says which matched. Each Python regex is translated into an RE2 pattern that
matches a *superset* of what it matches (word boundaries and lookarounds dropped, ``\w``, ``\s``
and ``\d`` widened to every non-ASCII character), so the pre-pass never hides a match; the exact
Python regex then runs only on the posts and rules the pre-pass picked, and only where the
superset starts a match (``Finder``). Regexes RE2 cannot take always run, everywhere.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

# Python's \w, \s and \d are Unicode classes; RE2 reads UTF-8 bytes, and a Unicode class such as
# \pL (thousands of ranges, case-folded under (?i)) is a large byte automaton: compiling the
# default policy's 243 patterns took 0.11 s, most of the pre-pass's cost in a one-file check, and
# its DFA states were larger. Each class is widened instead to its ASCII members plus every
# non-ASCII character: still a superset (any non-ASCII word character, digit or space is
# non-ASCII), compiled in a quarter of the time, with 0.1-0.7 % more candidates on real text.
_NON_ASCII = r"\x{80}-\x{10FFFF}"
_ASCII_SPACE = r"\t-\r\x1c- "  # Python's \s in ASCII: \t \n \v \f \r, \x1c-\x1f, space
_INSIDE = {"w": "0-9A-Z_a-z" + _NON_ASCII, "s": _ASCII_SPACE + _NON_ASCII, "d": "0-9" + _NON_ASCII}
_OUTSIDE = {
    "w": f"[{_INSIDE['w']}]",
    "W": "[^0-9A-Z_a-z]",
    "s": f"[{_INSIDE['s']}]",
    "S": f"[^{_ASCII_SPACE}]",
    "d": f"[{_INSIDE['d']}]",
    "D": "[^0-9]",
    "Z": r"\z",
}
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")


def _group_end(pattern: str, start: int) -> int:
    """Index of the parenthesis closing the group that opens at ``start``."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError("unbalanced parenthesis")


def _lookahead_first(pattern: str) -> str:
    """A pattern that opens with a look-ahead (after ``\\b``, ``\\A`` or ``^``) matches only
    where its look-ahead does, so the look-ahead read as a pattern starts a match wherever the
    whole one can: a superset of its start positions, which is all ``Finder`` and the pre-pass
    need. It is usually the rarer of the two, the look-ahead stating the condition and the rest
    what to report ("a run of capitalised words holding Best or Cheap", then "the run")."""
    for opener in ("", "\\b", "\\A", "^"):
        if pattern.startswith(opener + "(?=", 0):
            start = len(opener)
            try:
                end = _group_end(pattern, start)
            except ValueError:
                return pattern
            if pattern[end + 1 : end + 2] in ("?", "*", "+", "{"):
                return pattern
            return f"{opener}(?:{pattern[start + 3 : end]})"
    return pattern


def to_re2(pattern: str, flags: int) -> str | None:
    """An RE2 pattern matching a superset of the Python one (for a pattern opening with a
    look-ahead, of its start positions: ``_lookahead_first``), or None when there is none."""
    condition = _lookahead_first(pattern)
    if condition != pattern:
        found = _translate(condition, flags)
        if found is not None:
            return found
    return _translate(pattern, flags)


def _translate(pattern: str, flags: int) -> str | None:
    """``to_re2`` of the pattern as written: look-arounds and word boundaries dropped."""
    if (
        flags & re.VERBOSE
        or "(?x" in pattern
        or "(?#" in pattern
        or re.search(r"\\[1-9]|\(\?P=", pattern)
    ):
        return None
    out: list[str] = []
    i, n, in_class, negated = 0, len(pattern), False, False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            letter = pattern[i + 1]
            i += 2
            if in_class:
                if letter in "WSD":
                    return None
                # Widening a negated class's members would narrow the class: keep RE2's ASCII.
                out.append("\\" + letter if negated else _INSIDE.get(letter, "\\" + letter))
            elif letter not in "bB":
                out.append(_OUTSIDE.get(letter, "\\" + letter))
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            negated = pattern[i + 1 : i + 2] == "^"
            out.append(c)
            i += 1
            for lead in ("^", "]"):
                if pattern[i : i + 1] == lead:
                    out.append("\\]" if lead == "]" else lead)
                    i += 1
            continue
        if pattern.startswith(_LOOKAROUND, i):
            try:
                i = _group_end(pattern, i) + 1
            except ValueError:
                return None
            if pattern[i : i + 1] in ("?", "*", "+", "{"):
                return None
            continue
        if c == "$":
            out.append("(?m:$)")
        elif pattern.startswith("{,", i):
            out.append("{0,")
            i += 1
        else:
            out.append(c)
        i += 1
    prefix = (
        ("(?i)" if flags & re.IGNORECASE else "")
        + ("(?m)" if flags & re.MULTILINE else "")
        + ("(?s)" if flags & re.DOTALL else "")
    )
    return prefix + "".join(out)


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """RE2 logs parse errors straight to file descriptor 2; the caller handles them."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class RegexSet:
    """Which regexes of a list may match a text: RE2 pre-pass plus the ones RE2 cannot take.

    The translated patterns go into one RE2 ``Filter`` (FilteredRE2): it finds in one pass the
    literal strings ("atoms") each pattern cannot match without, then tries only the patterns
    whose atoms occur (and those with no atom: shapes such as a run of capitalised words), each
    in its own RE2 program. Its answer is exactly the set of patterns RE2 matches anywhere in the
    text, what one ``RE2::Set`` per group of patterns answered before, at a quarter of the cost:
    a set's DFA has a state for each combination of partial matches the text wakes, and on
    varied real text it kept building states (and one set of 32 rebuilt its DFA all along, over
    its memory budget), where the atoms' DFA is a plain dictionary of words and a post wakes
    four patterns on average (real mix, English: 1.03 s for 19,345 posts with sets of 32, 0.26 s
    with the filter; the candidates identical).
    """

    def __init__(self, regexes: Sequence[Any]) -> None:  # compiled or compiler.LazyRegex
        self.count = len(regexes)
        self.always: list[int] = []
        self.index: list[int] = []  # RE2 pattern number -> regex position
        self._patterns: list[str] = []  # the translated patterns, in the same order
        self._filter: Any | None = None  # re2.Filter over _patterns
        self._finders: dict[int, Finder | None] = {}  # regex position -> its anchored scan
        try:
            import re2  # noqa: F401
        except ImportError:  # pragma: no cover - google-re2 is a declared dependency
            self.always = list(range(self.count))
            return
        with _quiet_stderr():
            for position, regex in enumerate(regexes):
                translated = to_re2(regex.pattern, regex.flags)
                if translated is not None and _accepted(translated):
                    self.index.append(position)
                    self._patterns.append(translated)
                else:
                    self.always.append(position)
        if self._patterns:
            self._build()

    def _build(self) -> None:
        import re2

        matcher = re2.Filter()
        for pattern in self._patterns:
            matcher.Add(pattern)
        matcher.Compile()
        self._filter = matcher

    def __getstate__(self) -> dict[str, object]:
        # RE2 objects do not pickle (cache.py pickles compiled policies): keep the patterns.
        return {k: v for k, v in self.__dict__.items() if k not in ("_filter", "_finders")}

    def __setstate__(self, state: dict[str, object]) -> None:
        # Rebuilding costs ~10 ms, less than compiling every rule regex in Python (they compile
        # lazily, compiler.LazyRegex), which a run without the pre-pass would need.
        self.__dict__.update(state)
        self._filter = None
        self._finders = {}
        if self._patterns:
            self._build()

    def finder(self, position: int) -> Finder | None:
        """The anchored scan of the regex at ``position`` (None: RE2 cannot take it), compiled
        on first use: a run needs the few regexes the pre-pass picks on its posts."""
        if position not in self._finders:
            found = None
            if self._filter is not None and position not in self.always:
                import re2

                number = self.index.index(position)
                found = Finder(re2.compile(self._patterns[number].encode()))
            self._finders[position] = found
        return self._finders[position]

    def candidates(self, text: str) -> list[int]:
        return self.candidates_many([text.encode()])[0]

    def candidates_many(self, texts: Sequence[bytes]) -> list[list[int]]:
        """``candidates`` of each text, given in UTF-8 (what RE2 reads: encoded once by the
        caller, who hands the same bytes to ``Finder``). All the texts of a batch in a row, so
        the filter's programs stay in the CPU's caches."""
        if self._filter is None:
            return [self.always for _ in texts]
        match, index, always = self._filter.Match, self.index, self.always
        found: list[list[int]] = []
        for data in texts:
            hit = match(data)
            if not hit:
                found.append(always)
            elif always:
                found.append(sorted(always + [index[k] for k in hit]))
            else:
                found.append([index[k] for k in hit])  # Match's numbers are sorted, as is index
        return found


def _accepted(pattern: str) -> bool:
    """Whether RE2 compiles the pattern (it logs refusals to stderr; callers silence that)."""
    import re2

    probe = re2.Filter()
    try:
        probe.Add(pattern)
    except Exception:  # noqa: BLE001 - any RE2 refusal means "always run in Python"
        return False
    return True


class Finder:
    """A Python regex's ``finditer``, tried only where its RE2 superset (``to_re2``) starts a
    match.

    Python's ``re`` tries a regex at every position of a text; one that opens with an
    alternation, ``^`` or look-behinds has no literal prefix to skip to and costs ~200 µs per post
    (a boilerplate opener, a hard-sell command). Every match of the Python regex is a match of
    its superset at the same span, so no match starts before the superset's leftmost start: RE2
    finds that start in linear time and Python matches there (``match(text, pos)``: look-behinds,
    ``^`` and ``\\b`` still read the text before ``pos``), then RE2 looks again after the match.
    The matches are those of ``regex.finditer(text)``, in order. A superset that starts many
    matches Python refuses (look-arounds doing the real work) hands over to plain ``finditer``
    after ``TRIES`` refusals; so does an empty match, whose successor ``finditer`` rules on.
    """

    TRIES = 16

    __slots__ = ("superset",)

    def __init__(self, superset: Any) -> None:
        self.superset = superset  # re2 pattern over the UTF-8 bytes of the text

    def finditer(
        self, regex: re.Pattern[str], text: str, encoded: bytes
    ) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``; ``encoded``: ``text`` in UTF-8."""
        ascii_only = len(encoded) == len(text)
        search = self.superset.search
        byte = char = 0  # the scan's position, in bytes and in characters
        tries = self.TRIES
        while True:
            found = search(encoded, byte)
            if found is None:
                return
            start = found.start()
            char += start - byte if ascii_only else len(encoded[byte:start].decode())
            byte = start
            m = regex.match(text, char)
            if m is None:
                tries -= 1
                if char == len(text):
                    return
                if not tries:
                    yield from regex.finditer(text, char)
                    return
                step = 1 if ascii_only else len(text[char].encode())
                byte, char = byte + step, char + 1
                continue
            end = m.end()
            if end == char:  # an empty match: finditer decides where the next one may start
                yield from regex.finditer(text, char)
                return
            yield m
            byte += end - char if ascii_only else len(text[char:end].encode())
            char = end
