"""Load rule packs: YAML lists of rules, each validated against its kind's schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import RuleSpec
from .resources import bundled_pack, bundled_pack_names, resolve_ref
from .schema import RULE_COMMON, pack_header_schema, rule_schema
from .validation import validate
from .yamlio import LocatedDict, line_of, load_yaml_file, plain

COMMON_KEYS = frozenset(RULE_COMMON)
# Kinds whose `language` option names their markers' language (checks/disclosure.py: the
# wrong-language verdict), not the posts they run on: those are the pack's (its `language`, or
# every post when the pack says `posts: any`, as a regulator's pack does for its whole market).
OWN_LANGUAGE = frozenset({"disclosure"})


def resolve_pack(ref: str, base_dir: Path | None) -> Path:
    """A pack reference is a bundled name (``en/pushy``) or a path relative to the policy."""
    return resolve_ref(ref, base_dir, bundled_pack)


def rule_from_mapping(
    raw: LocatedDict, file: str, default_category: str = "style", language: str | None = None
) -> RuleSpec:
    """Build a RuleSpec from a validated mapping; ``language`` is the pack's (None: any)."""
    options = {k: plain(v) for k, v in raw.items() if k not in COMMON_KEYS}
    if raw["kind"] in OWN_LANGUAGE:  # its language option names its markers' language
        options["language"] = plain(raw["language"])
    examples = plain(raw.get("examples", {}))
    return RuleSpec(
        id=raw["id"],
        name=raw["name"],
        kind=raw["kind"],
        category=raw.get("category", default_category),
        severity=raw.get("severity", "warning"),
        message=raw["message"],
        options=options,
        suggest=raw.get("suggest"),
        link=raw.get("link"),
        weight=float(raw.get("weight", 1.0)),
        requires=tuple(raw.get("requires", ())),
        when=plain(raw["when"]) if raw.get("when") else None,
        scope=raw.get("scope"),
        examples={"fail": list(examples.get("fail", [])), "pass": list(examples.get("pass", []))},
        origin=f"{file}:{getattr(raw, 'line', 0)}",
        quotes=bool(raw.get("quotes", False)),
        language=_language(
            language if raw["kind"] in OWN_LANGUAGE else raw.get("language", language)
        ),
    )


def _language(value: str | None) -> str | None:
    """A pack's or rule's ``language``: en or it; ``any`` (or none given) runs on every post."""
    return None if value in (None, "any") else value


def load_pack(path: Path, display: str | None = None) -> list[RuleSpec]:
    file = display or str(path)
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise ConfigError("a rule pack must be a mapping with a 'rules' list", file, 1)
    validate(data, pack_header_schema(), file)
    category = data.get("category", "style")
    language = None if data.get("posts") == "any" else data.get("language")
    rules = []
    for index, raw in enumerate(data["rules"]):
        if "kind" not in raw:
            raise ConfigError(
                "missing required key 'kind'",
                file,
                line_of(data, ["rules", index]),
                f"rules[{index}]",
            )
        if raw["kind"] not in RULE_COMMON["kind"]["enum"]:
            kinds = ", ".join(RULE_COMMON["kind"]["enum"])
            raise ConfigError(
                f"unknown kind {raw['kind']!r}; expected one of: {kinds}",
                file,
                line_of(data, ["rules", index, "kind"]),
                f"rules[{index}].kind",
            )
        validate(raw, rule_schema(raw["kind"]), file, ["rules", index], data)
        rules.append(rule_from_mapping(raw, file, category, language))
    return rules


def load_pack_ref(
    ref: str, base_dir: Path | None, file: str, line: int | None, key: str
) -> list[RuleSpec]:
    try:
        path = resolve_pack(ref, base_dir)
    except KeyError:
        known = ", ".join(bundled_pack_names())
        raise ConfigError(
            f"unknown pack '{ref}'; bundled packs: {known}", file, line, key
        ) from None
    if not path.is_file():
        raise ConfigError(f"pack file not found: {path}", file, line, key)
    return load_pack(path)


def example_texts(rule: RuleSpec, which: str) -> list[dict[str, Any]]:
    """Examples normalised to {text, meta, format}."""
    out = []
    for item in rule.examples.get(which, []):
        if isinstance(item, str):
            out.append({"text": item, "meta": {}, "format": "text"})
        else:
            out.append(
                {
                    "text": item["text"],
                    "meta": item.get("meta", {}),
                    "format": item.get("format", "text"),
                }
            )
    return out
