"""JSON Schemas of policy and pack files, built from the same definitions the loader uses.

The check kinds contribute their own option schemas (checks/*.OPTIONS), so adding a kind adds it to
validation, to the exported schema (`brandguard schema`) and to editor autocompletion at once.
"""

from __future__ import annotations

from typing import Any

from ..checks import KINDS
from ..checks.scopes import SCOPE_VALUES
from ..governance.channels import SCHEMA as CHANNELS_SCHEMA
from ..governance.terminology import SCHEMA as TERMINOLOGY_SCHEMA
from ..governance.tone import SCHEMA as TONE_SCHEMA
from ..model import CATEGORIES, SEVERITIES
from ..text.measures import MEASURES

RULE_ID = r"^[A-Z]{2,4}[0-9]{3}$"
RULE_NAME = r"^[a-z0-9]+(-[a-z0-9]+)*$"
STRINGS = {"type": "array", "items": {"type": "string"}}
EXAMPLE = {
    "oneOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string"},
                "meta": {"type": "object"},
                "format": {"enum": ["text", "markdown", "html"]},
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ]
}
META_SCALAR = {"type": ["string", "number", "boolean", "null"]}
META_VALUES = {  # a value, or a list meaning any of them; never a mapping (nothing could match it)
    "type": "object",
    "additionalProperties": {"anyOf": [META_SCALAR, {"type": "array", "items": META_SCALAR}]},
}
WHEN = {
    "type": "object",
    "description": "Run the rule only when these hold: metadata values (a list means any of), "
    "phrases present in the post, whether it has links, and/or a word count (max_words).",
    "properties": {
        "meta": META_VALUES,
        "not_meta": META_VALUES,
        "contains": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        "links": {"type": "boolean"},  # the post has (true) or has no (false) link
        # a post of at most this many words: count limits meant for social posts, not articles
        "max_words": {"type": "integer", "minimum": 1},
    },
    "additionalProperties": False,
}
RULE_COMMON: dict[str, Any] = {
    "id": {"type": "string", "pattern": RULE_ID},
    "name": {"type": "string", "pattern": RULE_NAME},
    "kind": {"enum": sorted(KINDS)},
    "category": {"enum": list(CATEGORIES)},
    "severity": {"enum": list(SEVERITIES)},
    "weight": {"type": "number", "exclusiveMinimum": 0},
    "message": {"type": "string", "minLength": 1},
    "suggest": {"type": "string"},
    "link": {"type": "string"},
    "requires": {"type": "array", "items": {"enum": ["pos", "dep", "lemma", "morph"]}},
    "when": WHEN,
    "quotes": {
        "type": "boolean",
        "description": "also check quoted words (block quotes, <q>, quotations in prose), which "
        "are someone else's and skipped by default",
    },
    "language": {
        "enum": ["en", "it", "any"],
        "description": "the posts this rule runs on; default: the pack's language",
    },
    "scope": {
        "enum": SCOPE_VALUES,
        "description": "report only inside this region of the post: headlines (headline, title), outside them (body), link text (link_text), plain-text posts (plain_text)",
    },
    "examples": {
        "type": "object",
        "properties": {
            "fail": {"type": "array", "items": EXAMPLE},
            "pass": {"type": "array", "items": EXAMPLE},
        },
        "additionalProperties": False,
    },
}
RULE_REQUIRED = ["id", "name", "kind", "message"]


def rule_schema(kind: str) -> dict[str, Any]:
    module = KINDS[kind]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {**RULE_COMMON, **module.OPTIONS},
        "required": RULE_REQUIRED + list(module.REQUIRED),
        "additionalProperties": False,
    }
    groups = getattr(module, "ONE_OF", ())
    if groups:
        schema["allOf"] = [{"anyOf": [{"required": [k]} for k in group]} for group in groups]
    return schema


def pack_schema() -> dict[str, Any]:
    rule_any: dict[str, Any] = {
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": RULE_COMMON["kind"]},
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": rule_schema(kind)}
            for kind in sorted(KINDS)
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "brandguard rule pack",
        "type": "object",
        "properties": {
            "pack": {"type": "string"},
            "language": {"enum": ["en", "it", "any"]},
            "posts": {"enum": ["own", "any"]},
            "description": {"type": "string"},
            "category": {"enum": list(CATEGORIES)},
            "rules": {"type": "array", "items": rule_any},
        },
        "required": ["rules"],
        "additionalProperties": False,
    }


def pack_header_schema() -> dict[str, Any]:
    """The pack schema with rules checked only as mappings (each rule is validated on its own)."""
    schema = pack_schema()
    schema["properties"]["rules"] = {"type": "array", "items": {"type": "object"}}
    return schema


BOUND = {
    "type": "object",
    "properties": {
        "min": {"type": "number"},
        "max": {"type": "number"},
        "severity": {"enum": list(SEVERITIES)},
        "message": {"type": "string"},
    },
    "additionalProperties": False,
}
MATCH_KEYS = {
    "phrase": {"type": "string", "minLength": 1},
    "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
    "regex": {"type": "string", "minLength": 1},
    "pattern": {"type": "array", "items": {"type": "object"}, "minItems": 1},
}
BANNED_ENTRY = {
    "type": "object",
    "properties": {
        **MATCH_KEYS,
        "id": {"type": "string", "pattern": RULE_ID},
        "name": {"type": "string", "pattern": RULE_NAME},
        "message": {"type": "string"},
        "suggest": {"type": "string"},
        "severity": {"enum": list(SEVERITIES)},
        "category": {"enum": list(CATEGORIES)},
        "case_sensitive": {"type": "boolean"},
        "inflect": {"type": "boolean"},
        "when": WHEN,
        "quotes": RULE_COMMON["quotes"],
        "language": RULE_COMMON["language"],
    },
    "anyOf": [{"required": [k]} for k in MATCH_KEYS],
    "additionalProperties": False,
}


LANGUAGE = {"enum": ["en", "it"]}
NOT_PER_LANGUAGE = ("policy", "description", "extends", "language", "languages", "pipeline")


def policy_schema() -> dict[str, Any]:
    schema = _policy_schema()
    properties = schema["properties"]
    overlay = {k: v for k, v in properties.items() if k not in NOT_PER_LANGUAGE}
    properties["languages"] = {
        "type": "object",
        "description": "settings for the posts of one language, over the policy's own: "
        "{it: {packs: [...], tone: {...}}}",
        "propertyNames": LANGUAGE,
        "additionalProperties": {
            "type": "object",
            "properties": overlay,
            "additionalProperties": False,
        },
    }
    return schema


def _policy_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "brandguard policy",
        "type": "object",
        "properties": {
            "policy": {"type": "string"},
            "description": {"type": "string"},
            "language": {
                "description": "the posts' language (en, it), or the languages a bilingual policy "
                "covers ([en, it]: each post is identified; the first is the fallback)",
                "oneOf": [
                    LANGUAGE,
                    {"type": "array", "items": LANGUAGE, "minItems": 1, "uniqueItems": True},
                ],
            },
            "extends": {"oneOf": [{"type": "string"}, STRINGS]},
            "packs": STRINGS,
            "extend_packs": STRINGS,
            "pipeline": {
                "type": "string",
                "description": "a trained spaCy pipeline, used when installed",
            },
            "tone": TONE_SCHEMA,
            "guidelines": {
                "type": "object",
                "properties": {name: BOUND for name in sorted(MEASURES)},
                "additionalProperties": False,
            },
            "banned": {"type": "array", "items": BANNED_ENTRY},
            "extend_banned": {"type": "array", "items": BANNED_ENTRY},
            "terminology": TERMINOLOGY_SCHEMA,
            "disclosures": {
                "type": "object",
                "properties": {
                    "jurisdictions": {
                        "type": "array",
                        "items": {"enum": ["us", "uk", "it"]},
                        "uniqueItems": True,
                    }
                },
                "additionalProperties": False,
            },
            "channels": CHANNELS_SCHEMA,
            "scoring": {
                "type": "object",
                "properties": {
                    "weights": {
                        "type": "object",
                        "propertyNames": {"enum": list(CATEGORIES)},
                        "additionalProperties": {"type": "number", "minimum": 0},
                    },
                    "fail_under": {"type": "number", "minimum": 0, "maximum": 100},
                    "severity_weights": {
                        "type": "object",
                        "properties": {s: {"type": "number", "minimum": 0} for s in SEVERITIES},
                        "additionalProperties": False,
                    },
                    "words_per_unit": {"type": "number", "exclusiveMinimum": 0},
                    "min_words": {"type": "number", "minimum": 1},
                },
                "additionalProperties": False,
            },
            "rules": {
                "type": "object",
                "description": "per-rule overrides, keyed by id, id prefix or name",
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "severity": {"enum": list(SEVERITIES)},
                        "weight": {"type": "number", "minimum": 0},
                    },
                    "additionalProperties": False,
                },
            },
            "ignore": STRINGS,
            "extend_ignore": STRINGS,
        },
        "additionalProperties": False,
    }
