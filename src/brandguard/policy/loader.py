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
from .selectors import (
    apply_overrides,
    check_expressions,
    matches,
    selector_matches,
    unknown_selector,
)
from .yamlio import LocatedDict, LocatedList, line_of, load_yaml_file, load_yaml_text, plain

MERGED_MAPPINGS = (
    "tone",
    "guidelines",
    "terminology",
    "channels",
    "scoring",
    "rules",
    "disclosures",
    "languages",
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
    # The languages the posts are in ([en] or [en, it]: identified; the first is the fallback),
    # and this policy built for each other supported language (policy/languages.py).
    languages: tuple[str, ...] = ()
    variants: dict[str, Policy] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # e.g. packs that never run on the policy's language

    def fingerprint(self) -> str:
        """A hash of everything that affects checking (for caches)."""
        payload = json.dumps(
            [
                self.language,
                self.languages,
                self.pipeline,
                [r.__dict__ for r in self.rules],
                {k: v.fingerprint() for k, v in sorted(self.variants.items())},
            ],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def for_language(self, language: str) -> Policy:
        """This policy as it governs posts in ``language`` (itself for its own language)."""
        return self.variants.get(language, self)

    def all_rules(self) -> list[RuleSpec]:
        """Every rule of every language, once per id (for selectors and `brandguard rule`)."""
        seen: dict[str, RuleSpec] = {r.id: r for r in self.rules}
        for variant in self.variants.values():
            for rule in variant.rules:
                seen.setdefault(rule.id, rule)
        return list(seen.values())


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
    for language, overlay in data.get("languages", {}).items():
        for key in ("packs", "extend_packs"):
            for index, ref in enumerate(overlay.get(key, [])):
                where = ["languages", language, key, index]
                refs.append(
                    (
                        ref,
                        base_dir,
                        file,
                        line_of(data, where),
                        f"languages.{language}.{key}[{index}]",
                    )
                )
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


def _merge(
    layers: list[_Layer],
) -> tuple[dict[str, Any], dict[str, str], list[tuple], dict[str, list[tuple] | None]]:
    """Merged settings, their sources, the pack references, and each language's pack list
    (None: the shared one) with its own ``extend_packs`` (key ``+<language>``)."""
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    packs: list[tuple] = []
    by_language: dict[str, list[tuple] | None] = {}
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
        for language, overlay in data.get("languages", {}).items():
            prefix = f"languages.{language}."
            if "packs" in overlay:
                by_language[language] = [
                    r for r in layer.pack_refs if r[4].startswith(prefix + "packs")
                ]
            by_language[f"+{language}"] = (by_language.get(f"+{language}") or []) + [
                r for r in layer.pack_refs if r[4].startswith(prefix + "extend_packs")
            ]
    return merged, sources, packs, by_language


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
    """The policy for its own language, with ``variants`` for the other supported languages."""
    from dataclasses import replace

    from .languages import SUPPORTED, covered, formula_warnings, pack_warnings
    from .packs import load_pack_ref

    merged, sources, pack_refs, by_language = _merge(layers)
    top = layers[-1]
    languages = covered(merged)
    jurisdictions = list(merged.get("disclosures", {}).get("jurisdictions", []))
    loaded: dict[tuple[str, str], list[RuleSpec]] = {}
    built: dict[str, Policy] = {}
    declared: dict[str, set[str | None]] = {}
    for language in (*languages, *(x for x in SUPPORTED if x not in languages)):
        refs = by_language.get(language)
        refs = with_jurisdictions(
            [*(pack_refs if refs is None else refs), *(by_language.get(f"+{language}") or [])],
            jurisdictions,
            top.file,
        )
        refs = list({ref[0]: ref for ref in refs}.values())  # a pack named twice loads once
        pack_rules: list[RuleSpec] = []
        for ref in refs:
            key = (ref[0], str(ref[1]))
            if key not in loaded:
                loaded[key] = load_pack_ref(*ref)
            pack_rules.extend(loaded[key])
        declared[language] = {r.language for r in pack_rules} - {None}
        built[language] = _build_language(top, merged, sources, language, pack_rules, layers)
    main = built.pop(languages[0])
    return replace(
        main,
        languages=languages,
        variants=built,
        warnings=(
            *pack_warnings(main.name, languages, declared),
            *formula_warnings(main.name, merged),
        ),
    )


def _build_language(
    top: _Layer,
    merged: dict[str, Any],
    sources: dict[str, str],
    language: str,
    pack_rules: list[RuleSpec],
    layers: list[_Layer],
) -> Policy:
    """The policy as it governs the posts of ``language``: that language's rules and settings."""
    from ..governance.rules import governance_rules
    from .languages import overlay_sources, settings_for

    settings = settings_for(merged, language)
    where = overlay_sources(sources, language)
    rules = [r for r in pack_rules if r.language in (None, language)]
    generated = governance_rules(settings, language, top.file, where)
    rules.extend(r for r in generated if r.language in (None, language))
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
    rules = apply_overrides(rules, settings.get("rules", {}))
    scoring_raw = settings.get("scoring", {})
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
        ignore=tuple(settings.get("ignore", [])),
        pipeline=merged.get("pipeline"),
        files=tuple(layer.file for layer in layers),
        settings=merged,
        sources=sources,
        languages=(language,),
    )


__all__ = [
    "Policy",
    "matches",
    "Scoring",
    "load_policy",
    "selector_matches",
    "unknown_selector",
    "LocatedList",
]
