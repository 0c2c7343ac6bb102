"""Which checks run on a post: those that read more than their matcher hits, and the hit-driven
ones whose id was hit.

A policy with 5,000 banned phrases has 5,000 phrase checks; visiting each of them for every
post made an audit 9x slower although a post matches a handful. A check whose kind says
``hit_driven`` (phrase, pattern, regex, substitution, trademark: it finds nothing without hits of
its own id) is reached through its key instead, so the work per post follows what matched.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..checks.base import Hit
from ..compile.compiler import CompiledPolicy

_TABLES: dict[int, tuple[CompiledPolicy, list[int], dict[str, list[int]]]] = {}


def _table(compiled: CompiledPolicy) -> tuple[list[int], dict[str, list[int]]]:
    """The indexes of the checks that always run, and of the hit-driven ones by key (cached)."""
    entry = _TABLES.get(id(compiled))
    if entry is None or entry[0] is not compiled:
        always: list[int] = []
        by_key: dict[str, list[int]] = defaultdict(list)
        for index, check in enumerate(compiled.checks):
            if getattr(check, "hit_driven", False):
                by_key[check.rule.id].append(index)
            else:
                always.append(index)
        if len(_TABLES) > 32:  # a long-lived process compiling many policies stays bounded
            _TABLES.clear()
        entry = _TABLES[id(compiled)] = (compiled, always, dict(by_key))
    return entry[1], entry[2]


def due_checks(compiled: CompiledPolicy, hits: dict[str, list[Hit]]) -> list[Any]:
    """The checks that may find something in a post with these ``hits``, in policy order."""
    always, by_key = _table(compiled)
    due = always + [i for key, found in hits.items() if found for i in by_key.get(key, ())]
    due.sort()
    checks = compiled.checks
    return [checks[i] for i in due]
