"""Which rules a selector names (ids, prefixes, names, categories), per-rule overrides, and the
expressions of a rule checked before anything runs."""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..model import RuleSpec


def _origin(rule: RuleSpec) -> tuple[str, int | None]:
    file, _, line = rule.origin.rpartition(":")
    return (file or rule.origin), (int(line) if line.isdigit() and int(line) else None)


def check_expressions(rule: RuleSpec) -> None:
    """Regexes compile and token patterns follow spaCy's schema, before anything runs."""
    import re

    regexes = rule.options.get("regex", [])
    for pattern in [regexes] if isinstance(regexes, str) else regexes:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"invalid regex {pattern!r}: {exc}", *_origin(rule), "regex"
            ) from None
    patterns = rule.options.get("patterns", [])
    if patterns:
        from spacy.schemas import validate_token_pattern

        for pattern in patterns:
            problems = validate_token_pattern(pattern)
            if problems:
                raise ConfigError(
                    f"invalid token pattern: {'; '.join(problems)}", *_origin(rule), "patterns"
                )


def apply_overrides(rules: list[RuleSpec], overrides: dict[str, Any]) -> list[RuleSpec]:
    from dataclasses import replace

    out = []
    for rule in rules:
        for selector, change in overrides.items():
            if selector_matches(selector, rule):
                rule = replace(
                    rule,
                    severity=change.get("severity", rule.severity),
                    weight=float(change.get("weight", rule.weight)),
                )
        out.append(rule)
    return out


def matches(selector: str, rule_id: str, name: str, category: str) -> bool:
    """An id (PSH001), an id prefix (PSH, PSH0), a name (false-urgency) or a category (pushy);
    case-insensitive, so ``psh001`` is PSH001."""
    wanted = selector.strip().upper()
    return (
        wanted == "ALL"
        or rule_id.upper().startswith(wanted)
        or name.upper() == wanted
        or category.upper() == wanted
    )


def selector_matches(selector: str, rule: RuleSpec) -> bool:
    return matches(selector, rule.id, rule.name, rule.category)


def unknown_selector(selector: str, known: list[tuple[str, str, str]]) -> str | None:
    """None when ``selector`` names one of ``known`` (id, name, category) rules, else a message
    with the closest ids, names or categories (difflib)."""
    import difflib

    if any(matches(selector, *rule) for rule in known):
        return None
    words = sorted({w for rule in known for w in rule} | {r[0].rstrip("0123456789") for r in known})
    close = difflib.get_close_matches(selector.upper(), [w.upper() for w in words], 3, 0.6)
    by_upper = {w.upper(): w for w in words}
    hint = f"; did you mean {', '.join(by_upper[c] for c in close)}?" if close else ""
    return (
        f"unknown rule '{selector}' (not an id, id prefix, name or category of this policy){hint}"
    )
