"""Policy files: find, load, validate, resolve ``extends``, then assemble the rule list.

Precedence: a policy overrides what it extends (in ``extends: [a, b]``, b overrides a). Mappings
(tone, guidelines, terminology, channels, scoring, rules, disclosures) merge recursively, key by
key, the child winning at every depth; lists (packs, banned, ignore, and lists inside mappings)
are replaced, unless the child writes ``extend_packs``/``extend_banned``/``extend_ignore``, which
append to the inherited list. See docs/policies.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import RuleSpec
from .disclosure_packs import with_jurisdictions
from .resources import bundled_policy, bundled_policy_names, resolve_ref
from .yamlio import LocatedDict, LocatedList, line_of, load_yaml_file, load_yaml_text, plain

MERGED_MAPPINGS = (
    "tone",
    "guidelines",
    "terminology",
    "channels",
    "scoring",
    "rules",
    "disclosures",
)
EXTENDABLE_LISTS = ("packs", "banned", "ignore")
DEFAULT_WEIGHTS = {
    "bland": 1.0,
    "pushy": 1.0,
    "seo": 1.0,
    "terminology": 1.0,
    "disclosure": 1.0,
    "readability": 1.0,
    "style": 1.0,
}


@dataclass(frozen=True)
class Scoring:
    weights: dict[str, float]
    fail_under: float = 70.0
    severity_weights: dict[str, float] = field(
        default_factory=lambda: {"error": 3.0, "warning": 1.0, "info": 0.25}
    )
    words_per_unit: float = 20.0
    min_words: float = 50.0


@dataclass(frozen=True)
class Policy:
    name: str
    language: str
    rules: tuple[RuleSpec, ...]
    scoring: Scoring
    ignore: tuple[str, ...] = ()
    pipeline: str | None = None
    files: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)  # the merged policy, plain data
    sources: dict[str, str] = field(default_factory=dict)  # dotted key -> file it came from

    def fingerprint(self) -> str:
        """A hash of everything that affects checking (for caches)."""
        payload = json.dumps(
            [self.language, self.pipeline, [r.__dict__ for r in self.rules]],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def resolve_policy_ref(ref: str, base_dir: Path | None) -> Path:
    return resolve_ref(ref, base_dir, bundled_policy)


@dataclass
class _Layer:
    """One file's settings with pack references already made absolute."""

    file: str
    data: LocatedDict
    pack_refs: list[tuple[str, Path | None, str, int | None, str]]  # ref, base, file, line, key


def _read(path: Path, stack: tuple[str, ...], data: Any = None) -> list[_Layer]:
    from .schema import policy_schema  # lazily: a cache hit never validates
    from .validation import validate

    file = str(path)
    if file in stack:
        chain = " -> ".join([*stack[stack.index(file) :], file])
        raise ConfigError(f"'extends' cycle: {chain}", stack[-1], None, "extends")
    if data is None:
        if path.suffix.lower() not in (".yaml", ".yml"):  # never echo lines of /etc/shadow
            raise ConfigError(
                "not a policy file: policies are YAML files ending in .yaml or .yml", file
            )
        data = load_yaml_file(path)
        if data is None or data == {}:
            raise ConfigError(
                "empty policy: it would check nothing; write at least `extends: default` "
                "or `packs:`",
                file,
            )
    if data is None:
        data = LocatedDict()
        data.key_lines = {}
    if not isinstance(data, dict):
        raise ConfigError("a policy must be a mapping of settings", file, 1)
    validate(data, policy_schema(), file)
    base_dir = path.parent
    layers: list[_Layer] = []
    parents = data.get("extends", [])
    parents = [parents] if isinstance(parents, str) else parents
    for index, ref in enumerate(parents):
        line = line_of(
            data, ["extends", index] if isinstance(data["extends"], list) else ["extends"]
        )
        try:
            parent = resolve_policy_ref(ref, base_dir)
        except KeyError:
            names = ", ".join(bundled_policy_names())
            raise ConfigError(
                f"unknown policy '{ref}'; bundled policies: {names}", file, line, "extends"
            ) from None
        if not parent.is_file():
            raise ConfigError(f"extended policy not found: {parent}", file, line, "extends")
        if parent.suffix.lower() not in (".yaml", ".yml"):
            raise ConfigError(
                f"not a policy file (policies end in .yaml or .yml): {parent}",
                file,
                line,
                "extends",
            )
        layers.extend(_read(parent.resolve(), (*stack, file)))
    refs = []
    for key in ("packs", "extend_packs"):
        for index, ref in enumerate(data.get(key, [])):
            refs.append((ref, base_dir, file, line_of(data, [key, index]), f"{key}[{index}]"))
    layers.append(_Layer(file, data, refs))
    return layers


def _deep_merge(
    target: dict[str, Any],
    value: dict[str, Any],
    path: list[Any],
    layer: _Layer,
    sources: dict[str, str],
) -> None:
    """Merge ``value`` into ``target`` recursively; the newer layer wins per key, at any depth.

    ``sources`` gets an entry for every node set (``channels``, ``channels.x``,
    ``channels.x.hashtags``, ...): the file and line of the layer that set it last.
    """
    for sub, sub_value in value.items():
        here = [*path, sub]
        sources[".".join(map(str, here))] = f"{layer.file}:{line_of(layer.data, here)}"
        if isinstance(sub_value, dict):
            if not isinstance(target.get(sub), dict):
                target[sub] = {}
            else:
                target[sub] = dict(target[sub])
            _deep_merge(target[sub], sub_value, here, layer, sources)
        else:
            target[sub] = plain(sub_value)


def _merge(layers: list[_Layer]) -> tuple[dict[str, Any], dict[str, str], list[tuple]]:
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    packs: list[tuple] = []
    for layer in layers:
        data = layer.data
        for key, value in data.items():
            if key in ("extends",) or key.startswith("extend_"):
                continue
            if key in MERGED_MAPPINGS:
                sources[key] = f"{layer.file}:{line_of(data, [key])}"
                _deep_merge(merged.setdefault(key, {}), value, [key], layer, sources)
            else:
                merged[key] = plain(value)
                sources[key] = f"{layer.file}:{line_of(data, [key])}"
        for key in EXTENDABLE_LISTS:
            if f"extend_{key}" in data:
                merged[key] = list(merged.get(key, [])) + plain(data[f"extend_{key}"])
                sources[key] = (
                    f"{sources.get(key, '')} + {layer.file}:{line_of(data, [f'extend_{key}'])}".strip(
                        " +"
                    )
                )
        if "packs" in data:
            packs = [r for r in layer.pack_refs if r[4].startswith("packs")]
        packs += [r for r in layer.pack_refs if r[4].startswith("extend_packs")]
    return merged, sources, packs


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


def _apply_overrides(rules: list[RuleSpec], overrides: dict[str, Any]) -> list[RuleSpec]:
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


def load_policy(ref: str | Path | None = None, *, text: str | None = None) -> Policy:
    """Load a policy by path or bundled name (``default``, ``default-it``); None is the default."""
    if text is not None:
        path = Path(str(ref or "<policy>"))
        layers = _read(path.resolve() if ref else path, (), load_yaml_text(text, str(path)))
    else:
        if ref is None:
            ref = "default"
        try:
            path = resolve_policy_ref(str(ref), Path.cwd())
        except KeyError:
            names = ", ".join(bundled_policy_names())
            raise ConfigError(f"unknown policy '{ref}'; bundled policies: {names}") from None
        if not path.is_file():
            raise ConfigError("policy file not found", str(path))
        layers = _read(path.resolve(), ())
    return build_policy(layers)


def build_policy(layers: list[_Layer]) -> Policy:
    from ..governance.rules import governance_rules
    from .packs import load_pack_ref

    merged, sources, pack_refs = _merge(layers)
    top = layers[-1]
    language = merged.get("language", "en")
    rules: list[RuleSpec] = []
    jurisdictions = list(merged.get("disclosures", {}).get("jurisdictions", []))
    pack_refs = with_jurisdictions(pack_refs, jurisdictions, top.file)
    for ref, base, file, line, key in pack_refs:
        rules.extend(load_pack_ref(ref, base, file, line, key))
    rules.extend(governance_rules(merged, language, top.file, sources))
    seen: dict[str, RuleSpec] = {}
    names: dict[str, RuleSpec] = {}
    for rule in rules:
        for table, key in ((seen, rule.id), (names, rule.name)):
            if key in table:
                raise ConfigError(
                    f"duplicate rule {'id' if table is seen else 'name'} '{key}' "
                    f"(also defined at {table[key].origin})",
                    rule.origin.rsplit(":", 1)[0],
                    int(rule.origin.rsplit(":", 1)[1] or 0) or None,
                    "id" if table is seen else "name",
                )
            table[key] = rule
    for rule in rules:
        check_expressions(rule)
    rules = _apply_overrides(rules, merged.get("rules", {}))
    scoring_raw = merged.get("scoring", {})
    scoring = Scoring(
        weights={**DEFAULT_WEIGHTS, **scoring_raw.get("weights", {})},
        fail_under=float(scoring_raw.get("fail_under", 70)),
        severity_weights={
            **Scoring(weights={}).severity_weights,
            **scoring_raw.get("severity_weights", {}),
        },
        words_per_unit=float(scoring_raw.get("words_per_unit", 20)),
        min_words=float(scoring_raw.get("min_words", 50)),
    )
    return Policy(
        name=merged.get("policy", Path(top.file).stem),
        language=language,
        rules=tuple(rules),
        scoring=scoring,
        ignore=tuple(merged.get("ignore", [])),
        pipeline=merged.get("pipeline"),
        files=tuple(layer.file for layer in layers),
        settings=merged,
        sources=sources,
    )


__all__ = [
    "Policy",
    "Scoring",
    "load_policy",
    "selector_matches",
    "unknown_selector",
    "LocatedList",
]
