"""Which checks run on a post: the hit-driven ones whose id was hit, and those that read more
than their matcher hits unless the post cannot give them a finding.

A policy with 5,000 banned phrases has 5,000 phrase checks; visiting each of them for every
post made an audit 9x slower although a post matches a handful. A check whose kind says
``hit_driven`` (phrase, pattern, regex, substitution, trademark, an occurrence with only a
maximum: it finds nothing without hits of its own id) is reached through its key instead, so the
work per post follows what matched.

The other checks run on every post, unless their gate is closed: the metadata keys their rule's
``when: meta`` requires (a channel limit needs a ``channel``) and what their kind says it needs
(``checks.base.Wake``: a "#", a link, a disclosure marker's hit). Checks with the same gate share
one test per post, so a post without metadata skips a policy's seven channel limits at the cost
of one dictionary lookup, and one without a marker the five verdicts of a disclosure pack.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

from ..checks.base import Hit, Wake
from ..checks.scopes import SCOPES
from ..compile.compiler import CompiledPolicy
from ..model import RuleSpec
from ..text.document import Post


def truthy(value: Any) -> Any:
    """A metadata value as ``when: meta`` compares it: "yes"/"true"/"1" are True, and so on."""
    if isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "yes", "1"):
            return True
        if low in ("false", "no", "0", ""):
            return False
        return low
    return value


def _options(expected: Any) -> frozenset[Any]:
    return frozenset(truthy(o) for o in (expected if isinstance(expected, list) else [expected]))


_WANTED: dict[int, tuple[dict[str, Any], list[tuple[str, frozenset[Any]]]]] = {}


def _normalised(wanted: dict[str, Any]) -> list[tuple[str, frozenset[Any]]]:
    """A condition's accepted values, normalised once per condition object."""
    entry = _WANTED.get(id(wanted))
    if entry is None or entry[0] is not wanted:
        entry = _WANTED[id(wanted)] = (wanted, [(k, _options(v)) for k, v in wanted.items()])
    return entry[1]


def meta_matches(meta: dict[str, Any], wanted: dict[str, Any]) -> bool:
    for key, accepted in _normalised(wanted):
        try:
            if truthy(meta.get(key)) not in accepted:
                return False
        except TypeError:  # an unhashable metadata value (a list) matches nothing
            return False
    return True


class Gate(NamedTuple):
    """What a post must hold for a check to run: every ``required`` metadata key, and what its
    kind's ``wake`` names (None: nothing more)."""

    required: tuple[str, ...]
    wake: Wake | None


def gate(check: Any) -> Gate | None:
    """The check's gate, None when it runs on every post. A key of ``when: meta`` that a missing
    value (None) cannot satisfy must be in the metadata."""
    rule = check.rule
    wanted = (rule.when or {}).get("meta")
    required = tuple(
        key for key, accepted in (_normalised(wanted) if wanted else ()) if None not in accepted
    )
    wake = getattr(check, "wake", None)
    return Gate(required, wake) if required or wake is not None else None


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
    gated: list[tuple[Gate, list[int]]]  # the indexes of the gated checks, by gate
    by_key: dict[str, list[int]]  # the indexes of the hit-driven checks, by hits key


_TABLES: dict[int, _Table] = {}


def _table(compiled: CompiledPolicy) -> _Table:
    """The policy's checks as Due, split into those that always run, the gated ones by gate and
    the hit-driven ones by key (cached)."""
    entry = _TABLES.get(id(compiled))
    if entry is None or entry.compiled is not compiled:
        table: list[Due] = []
        always: list[int] = []
        gated: dict[Gate, list[int]] = defaultdict(list)
        by_key: dict[str, list[int]] = defaultdict(list)
        for index, check in enumerate(compiled.checks):
            rule = check.rule
            table.append(
                Due(check, rule, rule.scope in SCOPES, bool(getattr(check, "local", False)))
            )
            if getattr(check, "hit_driven", False):
                by_key[rule.id].append(index)
            elif (closed_by := gate(check)) is not None:
                gated[closed_by].append(index)
            else:
                always.append(index)
        if len(_TABLES) > 32:  # a long-lived process compiling many policies stays bounded
            _TABLES.clear()
        entry = _TABLES[id(compiled)] = _Table(
            compiled,
            table,
            always,
            [table[i] for i in always],
            list(gated.items()),
            dict(by_key),
        )
    return entry


def due_checks(compiled: CompiledPolicy, post: Post, hits: dict[str, list[Hit]]) -> list[Due]:
    """The checks that may find something in ``post`` with these ``hits``, in policy order (a
    shared list when only the ungated ones are due: read it, do not change it)."""
    entry = _table(compiled)
    due = [i for key, found in hits.items() if found for i in entry.by_key.get(key, ())]
    meta = post.meta
    for (required, wake), members in entry.gated:  # open: every required key, then the wake
        for key in required:
            if key not in meta:
                break
        else:
            if wake is None or wake.open(post, hits):
                due += members
    if not due:
        return entry.always_due
    due += entry.always
    due.sort()
    table = entry.table
    return [table[i] for i in due]
