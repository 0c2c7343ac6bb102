"""Introspection text for `brandguard rules`, `rule ID` and `policy show`."""

from __future__ import annotations

import json

import yaml

from ..errors import BrandguardError
from ..model import META_RULES
from ..policy.loader import Policy
from ..policy.packs import example_texts


def list_rules(policy: Policy, fmt: str = "table") -> str:
    if fmt == "json":
        rows = [
            {
                "id": r.id,
                "name": r.name,
                "kind": r.kind,
                "category": r.category,
                "severity": r.severity,
                "origin": r.origin,
                "language": r.language or "any",
                "ignored": any(r.id.startswith(i) or r.name == i for i in policy.ignore),
            }
            for r in policy.all_rules()
        ]
        return json.dumps(rows, indent=2) + "\n"
    lines = [f"{'ID':<8} {'NAME':<34} {'CATEGORY':<12} {'SEVERITY':<8} {'LANG':<4} KIND"]
    rules = policy.all_rules()
    for r in rules:
        off = "  (ignored)" if any(r.id.startswith(i) or r.name == i for i in policy.ignore) else ""
        lang = r.language or "any"
        lines.append(
            f"{r.id:<8} {r.name:<34} {r.category:<12} {r.severity:<8} {lang:<4} {r.kind}{off}"
        )
    for rule_id, (name, severity, _) in META_RULES.items():
        lines.append(f"{rule_id:<8} {name:<34} {'meta':<12} {severity:<8} built-in")
    languages = ", ".join(policy.languages or (policy.language,))
    lines.append(f"\n{len(rules)} rules from policy '{policy.name}' ({languages}).")
    return "\n".join(lines) + "\n"


def explain_rule(policy: Policy, key: str) -> str:
    for rule_id, (name, severity, doc) in META_RULES.items():
        if key in (rule_id, name):
            return f"{rule_id} {name} [{severity}, built-in]\n\n{doc}.\n"
    for r in policy.all_rules():
        if key in (r.id, r.name):
            out = [
                f"{r.id} {r.name}",
                "",
                f"  kind:     {r.kind}",
                f"  category: {r.category}",
                f"  severity: {r.severity}" + (f"  (weight {r.weight:g})" if r.weight != 1 else ""),
                f"  language: {r.language or 'any'}",
                f"  defined:  {r.origin}",
                f"  message:  {r.message}",
            ]
            if r.suggest:
                out.append(f"  suggest:  {r.suggest}")
            if r.link:
                out.append(f"  see:      {r.link}")
            if r.when:
                out.append(f"  when:     {json.dumps(r.when, ensure_ascii=False)}")
            if r.scope:
                out.append(f"  scope:    {r.scope}")
            if r.options:
                dumped = yaml.safe_dump(r.options, allow_unicode=True, sort_keys=False, width=90)
                out += ["  options:"] + [f"    {line}" for line in dumped.rstrip().splitlines()]
            for which, title in (("fail", "Flagged"), ("pass", "Not flagged")):
                examples = example_texts(r, which)
                if examples:
                    out.append(f"\n{title}:")
                    out += [
                        f"  ✗ {e['text']}" if which == "fail" else f"  ✓ {e['text']}"
                        for e in examples
                    ]
            return "\n".join(out) + "\n"
    raise BrandguardError(f"no rule '{key}' in policy '{policy.name}' (see `brandguard rules`)")


def show_policy(policy: Policy, with_sources: bool = False, governs: str | None = None) -> str:
    doc = {
        "policy": policy.name,
        "language": list(policy.languages) if len(policy.languages) > 1 else policy.language,
        "files": list(policy.files),
        **{k: v for k, v in policy.settings.items() if k not in ("policy", "language")},
        "rules_total": len(policy.all_rules()),
        "applies": per_language(policy),
    }
    text = f"# {governs}\n" if governs else ""
    text += "".join(f"# warning: {w}\n" for w in policy.warnings)
    text += yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    if with_sources:
        text += "\n# where each setting came from\n"
        text += "".join(f"# {key}: {where}\n" for key, where in sorted(policy.sources.items()))
    return text


def per_language(policy: Policy) -> dict[str, dict[str, object]]:
    """What runs on the posts of each language: packs, the policy's own rules, readability."""
    from ..policy.resources import data_dir

    bundled = str(data_dir("rules")) + "/"
    out: dict[str, dict[str, object]] = {}
    for language in (policy.language, *sorted(policy.variants)):
        variant = policy.for_language(language)
        packs: dict[str, int] = {}
        own: list[str] = []
        for rule in variant.rules:
            file = rule.origin.rsplit(":", 1)[0]
            if file in variant.files or not file.endswith((".yaml", ".yml")):
                own.append(rule.id)
            else:
                name = file[len(bundled) :] if file.startswith(bundled) else file
                name = name.rsplit(".", 1)[0] if file.startswith(bundled) else name
                packs[name] = packs.get(name, 0) + 1
        readability = [
            r.options.get("metric")
            for r in variant.rules
            if r.kind == "metric"
            and r.options.get("metric") in ("reading_grade", "reading_ease", "gulpease")
        ]
        out[language] = {
            "posts": "identified or stated"
            if language in policy.languages and len(policy.languages) > 1
            else ("default" if language == policy.language else "when their metadata says so"),
            "rules": len(variant.rules),
            "packs": [f"{name} ({count})" for name, count in packs.items()],
            "policy_rules": own,
            **({"readability": readability} if readability else {}),
        }
    return out
