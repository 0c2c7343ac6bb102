"""The registry of check kinds: one module per kind, one dict.

Each module exposes ``OPTIONS`` (JSON Schema of its options), ``REQUIRED`` (option names),
optionally ``ONE_OF`` (groups of which at least one option is needed) and
``compile(rule, builder)`` returning an object with ``run(ctx)``.

Checks (third floor) own the check kinds, their option schemas and the disclosure helpers
(``disclosures``). They read posts through ``text``; they may import ``text``, ``model``,
``errors`` and ``version``, never ``governance``, ``policy`` or above.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    disclosure,
    metric,
    occurrence,
    pattern,
    phrase,
    regex,
    repetition,
    require,
    stuffing,
    substitution,
    trademark,
)

KINDS: dict[str, ModuleType] = {
    "phrase": phrase,
    "pattern": pattern,
    "regex": regex,
    "substitution": substitution,
    "occurrence": occurrence,
    "metric": metric,
    "require": require,
    "repetition": repetition,
    "stuffing": stuffing,
    "trademark": trademark,
    "disclosure": disclosure,
}
