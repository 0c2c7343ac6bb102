"""Compiled regexes that pickle as their compiled program, so a cache hit skips ``re``'s compiler.

Why: pickling a ``re.Pattern`` stores only its source, and loading compiles it again. spaCy's
tokenizer regexes are Unicode classes of thousands of ranges: compiling the four of them costs
about 45 ms, a tenth of ``brandguard check one.md``. ``freeze`` keeps the program that ``re``
built, and ``thaw`` hands it to ``_sre.compile``, the constructor ``re.compile`` itself ends with
(0.3 ms for all four).

That constructor is CPython's internal API, so every step is guarded: the program is kept only
when rebuilding it gives a pattern equal to the original (``Pattern.__eq__`` compares the
program), it is used only by the exact Python that made it, and any failure falls back to
``re.compile``. The worst case is the old speed, never a different regex.
"""

from __future__ import annotations

import re
import sys
from array import array
from typing import Any

Frozen = tuple[str, int, Any, int]  # (source, flags, program or None, Python's hexversion)


def freeze(pattern: re.Pattern[str]) -> Frozen:
    """A picklable description of ``pattern`` that ``thaw`` turns back into it, quickly."""
    program = _program(pattern)
    return pattern.pattern, int(pattern.flags), program, sys.hexversion


def thaw(frozen: Frozen) -> re.Pattern[str]:
    """The pattern ``freeze`` described: from its program when possible, else compiled."""
    source, flags, program, version = frozen
    if program is not None and version == sys.hexversion:
        try:
            import _sre

            code, *rest = program
            return _sre.compile(source, flags, code.tolist(), *rest)
        except Exception:  # another build of CPython, or a changed internal API
            pass
    return re.compile(source, flags)


def _program(
    pattern: re.Pattern[str],
) -> tuple[array[int], int, dict[str, int], tuple[Any, ...]] | None:
    """The arguments ``re.compile`` passed to ``_sre.compile`` for ``pattern``, if checkable; the
    code as an array of unsigned ints (a list of ints pickled at twice the size, and a cached
    policy's 300 rule regexes made its file 1.6x as large)."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        code = [int(op) for op in _compiler._code(parsed, pattern.flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        program = (code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        if _sre.compile(pattern.pattern, int(pattern.flags), *program) != pattern:
            return None
        return (array("I", code), *program[1:])
    except Exception:  # not CPython's re, or its internals moved: pickle the source alone
        return None


class LazyRegex:
    """A compiled regex that pickles as its compiled program (``freeze``) and is rebuilt
    from it only when first used.

    A cached policy holds ~170 rule regexes; a one-file check runs only the few the RE2 pre-pass
    picks, so rebuilding all of them on every load would be wasted start-up time. An audit uses
    most of them: compiling them from source then cost ~0.2 s of ``re``'s pure-Python parser
    (240 regexes on the real mix); rebuilding from the program skips the parser.
    """

    __slots__ = ("pattern", "flags", "_compiled", "_frozen")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._compiled: re.Pattern[str] | None = compiled
        self._frozen: Frozen | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            frozen = self._frozen
            self._compiled = thaw(frozen) if frozen else re.compile(self.pattern, self.flags)
            self._frozen = None
        return self._compiled

    def finditer(self, text: str) -> Any:
        return self.compiled.finditer(text)

    def same_as(self, other: re.Pattern[str]) -> bool:
        return self.pattern == other.pattern and self.flags == other.flags

    def __getstate__(self) -> Frozen:
        return self._frozen or freeze(self.compiled)

    def __setstate__(self, state: Frozen) -> None:
        self.pattern, self.flags = state[0], state[1]
        self._compiled = None
        self._frozen = state
