"""Compile the policy's ``terminology:`` section into substitution, trademark and phrase rules.

Two forms per canonical name, mixable in one section::

    terminology:
      BrandGuard: [BG, brand-guard]          # simple: forms to flag (case/spacing variants derived)
      Acme Coffee:
        flag: [AcmeCo]                       # extra forms to flag
        allow: [ACME COFFEE]                 # exact forms never flagged (a logo line, a legal name)
        derive: true                         # derive case and spacing variants (default true)
        mark: "®"                            # the first mention must carry ® (fixable)
      competitors: [Starbucks, Costa Coffee] # reserved key: names never to mention
                                             # (or {name: replacement} for a fixable swap)

Derived variants: the canonical name split at spaces, hyphens and camel-case humps ("BrandGuard" →
Brand, Guard), rejoined with a space, a hyphen and nothing, in lower, UPPER, Title, Sentence and
written case; so "BrandGuard" flags "Brandguard", "brand guard", "Brand-Guard" and "BRANDGUARD".
Listed forms match exactly as written. Only the canonical form and the ``allow`` forms pass; every
flagged form carries a safe fix. Use ``derive: false`` for names that are also common words
("Apple": "apple pie" must pass).
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..model import RuleSpec
from .messages import message

COMPETITORS = "competitors"
MARKS = ("™", "®")
STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
ENTRY_SCHEMA = {
    "type": "object",
    "properties": {
        "flag": STRINGS,
        "allow": STRINGS,
        "derive": {"type": "boolean"},
        "mark": {"enum": list(MARKS)},
    },
    "additionalProperties": False,
}
SCHEMA = {
    "type": "object",
    "description": "canonical name -> forms to flag (or {flag, allow, derive, mark}); "
    "'competitors' lists names never to mention",
    "properties": {
        COMPETITORS: {
            "oneOf": [
                STRINGS,
                {
                    "type": "object",
                    "additionalProperties": {"type": ["string", "null"]},
                },
            ]
        }
    },
    "additionalProperties": {"oneOf": [STRINGS, ENTRY_SCHEMA]},
}


def _boundary(word: str, i: int) -> bool:
    """Is there a camel-case or letter/digit hump between word[i-1] and word[i]?"""
    prev, cur = word[i - 1], word[i]
    if prev.isalpha() and cur.isalpha():
        if prev.islower() and cur.isupper():
            return True  # brandGuard
        nxt = word[i + 1] if i + 1 < len(word) else ""
        return prev.isupper() and cur.isupper() and nxt.islower()  # HTMLParser
    return prev.isdigit() != cur.isdigit() and (prev.isalnum() and cur.isalnum())


def name_parts(name: str) -> list[str]:
    """Words of a name: split at spaces, hyphens, underscores and camel-case humps."""
    parts: list[str] = []
    for chunk in name.replace("-", " ").replace("_", " ").split():
        start = 0
        for i in range(1, len(chunk)):
            if _boundary(chunk, i):
                parts.append(chunk[start:i])
                start = i
        parts.append(chunk[start:])
    return parts


def derived_variants(name: str) -> set[str]:
    """Spacing variants of ``name`` in lower, UPPER, Title, Sentence and written case.

    The canonical form itself is not among them.
    """
    parts = name_parts(name)
    casings = [
        parts,
        [p.lower() for p in parts],
        [p.upper() for p in parts],
        [p[:1].upper() + p[1:].lower() for p in parts],
        [parts[0][:1].upper() + parts[0][1:].lower()] + [p.lower() for p in parts[1:]],
    ]
    forms = {name.lower(), name.upper()}
    for cased in casings:
        forms |= {" ".join(cased), "-".join(cased), "".join(cased)}
    forms.discard(name)
    return {f for f in forms if f}


def _entry(value: Any) -> dict[str, Any]:
    return {"flag": list(value)} if isinstance(value, list) else dict(value)


def _origin(sources: dict[str, str], key: str, fallback: str) -> str:
    return sources.get(key) or sources.get("terminology") or f"{fallback}:0"


def _error(message: str, origin: str, key: str) -> ConfigError:
    file, _, line = origin.rpartition(":")
    return ConfigError(message, file or origin, int(line) if line.isdigit() else None, key)


def terminology_rules(
    terms: dict[str, Any], language: str, sources: dict[str, str], file: str
) -> list[RuleSpec]:
    swap: dict[str, str] = {}
    derived_by: dict[str, set[str]] = {}
    allow: list[str] = []
    marks: dict[str, str] = {}
    for canonical, raw in terms.items():
        if canonical == COMPETITORS:
            continue
        entry = _entry(raw)
        allow += entry.get("allow", [])
        if entry.get("mark"):
            marks[canonical] = entry["mark"]
        for variant in entry.get("flag", []):
            known = swap.get(variant)
            if known is not None and known != canonical:
                raise _error(
                    f"'{variant}' is listed under both '{known}' and '{canonical}'",
                    _origin(sources, f"terminology.{canonical}", file),
                    f"terminology.{canonical}",
                )
            swap[variant] = canonical
        if entry.get("derive", True):
            for form in derived_variants(canonical):
                derived_by.setdefault(form, set()).add(canonical)
    # A derived form shared by two names, or that is itself a name, is ambiguous: never derive it.
    for form, owners in derived_by.items():
        if len(owners) == 1 and form not in swap and form not in terms:
            swap[form] = next(iter(owners))
    rules = []
    if swap:
        rules.append(
            RuleSpec(
                id="TRM001",
                name="terminology",
                kind="substitution",
                category="terminology",
                severity="error",
                message=message("terminology.swap", language),
                options={
                    "swap": swap,
                    "case_sensitive": True,
                    **({"allow": sorted(set(allow))} if allow else {}),
                },
                origin=_origin(sources, "terminology", file),
            )
        )
    if marks:
        rules.append(
            RuleSpec(
                id="TRM002",
                name="trademark-first-mention",
                kind="trademark",
                category="terminology",
                severity="warning",
                message=message("terminology.mark", language),
                options={"marks": marks},
                origin=_origin(sources, "terminology", file),
            )
        )
    rules += competitor_rules(terms.get(COMPETITORS), language, sources, file)
    return rules


def competitor_rules(
    names: Any, language: str, sources: dict[str, str], file: str
) -> list[RuleSpec]:
    if not names:
        return []
    origin = _origin(sources, f"terminology.{COMPETITORS}", file)
    common = {
        "id": "TRM003",
        "name": "competitor-name",
        "category": "terminology",
        "severity": "error",
        "origin": origin,
    }
    plain_names = list(names)
    replacements = {n: r for n, r in names.items() if r} if isinstance(names, dict) else {}
    if not replacements:
        return [
            RuleSpec(
                kind="phrase",
                message=message("terminology.competitor", language),
                options={
                    "phrases": sorted({f for n in plain_names for f in derived_variants(n) | {n}}),
                    "inflect": False,
                    "case_sensitive": True,
                },
                **common,
            )
        ]
    swap = {}
    for name in plain_names:
        for form in derived_variants(name) | {name}:
            swap[form] = replacements.get(name, "")
    missing = [n for n in plain_names if n not in replacements]
    if missing:
        raise _error(
            "give every competitor a replacement, or none (a list of names)",
            _origin(sources, f"terminology.{COMPETITORS}.{missing[0]}", file),
            f"terminology.{COMPETITORS}.{missing[0]}",
        )
    return [
        RuleSpec(
            kind="substitution",
            message=message("terminology.competitor_swap", language),
            options={"swap": swap, "case_sensitive": True},
            **common,
        )
    ]
