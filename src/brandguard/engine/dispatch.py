"""Which checks run on a post: those that read more than their matcher hits, and the hit-driven
ones whose id was hit.

A policy with 5,000 banned phrases has 5,000 phrase checks; visiting each of them for every
post made an audit 9x slower although a post matches a handful. A check whose kind says
``hit_driven`` (phrase, pattern, regex, substitution, trademark: it finds nothing without hits of
its own id) is reached through its key instead, so the work per post follows what matched.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

from ..checks.base import Hit
from ..checks.scopes import SCOPES
from ..compile.compiler import CompiledPolicy
from ..model import RuleSpec


class Due(NamedTuple):
    """A check with what the engine asks of it for every post, worked out once per policy."""

    check: Any
    rule: RuleSpec
    scoped: bool  # its scope filters finished findings (checks.scopes.SCOPES)
    local: bool  # its findings about quoted words or proper names are dropped (engine._own_voice)


class _Table(NamedTuple):
    compiled: CompiledPolicy
    table: list[Due]  # every check, in policy order
    always: list[int]  # the indexes of the checks that run on every post
    always_due: list[Due]  # and those checks
    by_key: dict[str, list[int]]  # the indexes of the hit-driven checks, by hits key


_TABLES: dict[int, _Table] = {}


def _table(compiled: CompiledPolicy) -> _Table:
    """The policy's checks as Due, split into those that always run and the hit-driven ones by
    key (cached)."""
    entry = _TABLES.get(id(compiled))
    if entry is None or entry.compiled is not compiled:
        table: list[Due] = []
        always: list[int] = []
        by_key: dict[str, list[int]] = defaultdict(list)
        for index, check in enumerate(compiled.checks):
            rule = check.rule
            table.append(
                Due(check, rule, rule.scope in SCOPES, bool(getattr(check, "local", False)))
            )
            if getattr(check, "hit_driven", False):
                by_key[rule.id].append(index)
            else:
                always.append(index)
        if len(_TABLES) > 32:  # a long-lived process compiling many policies stays bounded
            _TABLES.clear()
        entry = _TABLES[id(compiled)] = _Table(
            compiled, table, always, [table[i] for i in always], dict(by_key)
        )
    return entry


def due_checks(compiled: CompiledPolicy, hits: dict[str, list[Hit]]) -> list[Due]:
    """The checks that may find something in a post with these ``hits``, in policy order (a
    shared list when no hit-driven check is due: read it, do not change it)."""
    entry = _table(compiled)
    hit = [i for key, found in hits.items() if found for i in entry.by_key.get(key, ())]
    if not hit:
        return entry.always_due
    due = entry.always + hit
    due.sort()
    table = entry.table
    return [table[i] for i in due]
