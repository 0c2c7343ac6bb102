"""Compile a policy's governance sections (banned, terminology, tone, guidelines, channels) into rules.

Governance teams write what they want ("no sentence over 25 words", "never say 'world-class'");
this module turns each section into ordinary RuleSpecs of the check kinds, so the engine, the
scores, suppressions and ``brandguard rule ID`` treat them like any pack rule.
"""

from __future__ import annotations

from typing import Any

from .channels import channel_rules
from .checks.metric import bound_rule
from .model import RuleSpec
from .terminology import terminology_rules
from .tone import METRIC_KNOBS, tone_rules

# Stable ids for guideline metrics: a metric keeps its id whatever else the policy says.
GUIDELINES: dict[str, tuple[str, str, str]] = {
    # metric: (id, category, message)
    "sentence_words": (
        "GDL001",
        "readability",
        "sentence of {value} words; the guideline is at most {limit}: split it",
    ),
    "words": ("GDL002", "readability", "{value} words; the guideline is {limit}"),
    "characters": ("GDL003", "readability", "{value} characters; the guideline is {limit}"),
    "reading_ease": (
        "GDL004",
        "readability",
        "reading ease {value}; the guideline is {limit}: use shorter words and sentences",
    ),
    "reading_grade": (
        "GDL005",
        "readability",
        "reading grade {value}; the guideline is at most {limit}: use shorter words and sentences",
    ),
    "gulpease": (
        "GDL006",
        "readability",
        "indice Gulpease {value}; la linea guida è {limit}: usa frasi e parole più brevi",
    ),
    "flesch_vacca": ("GDL007", "readability", "Flesch–Vacca {value}; the guideline is {limit}"),
    "exclamations": (
        "GDL008",
        "pushy",
        "{value} exclamation marks; the guideline is at most {limit}: let the facts carry the energy",
    ),
    "exclamation_runs": (
        "GDL009",
        "pushy",
        "{value} runs of '!!' or '?!'; the guideline is at most {limit}",
    ),
    "caps_words": (
        "GDL010",
        "pushy",
        "{value} ALL-CAPS words; the guideline is at most {limit}: use sentence case",
    ),
    "caps_ratio": ("GDL011", "pushy", "ALL-CAPS ratio {value}; the guideline is at most {limit}"),
    "hashtags": (
        "GDL012",
        "seo",
        "{value} hashtags; the guideline is at most {limit}: keep the ones people follow",
    ),
    "trailing_hashtags": (
        "GDL013",
        "seo",
        "a trailing block of {value} hashtags; the guideline is at most {limit}",
    ),
    "mentions": ("GDL014", "seo", "{value} @mentions; the guideline is at most {limit}"),
    "links": ("GDL015", "seo", "{value} links; the guideline is at most {limit}"),
    "emoji": ("GDL016", "style", "{value} emoji; the guideline is at most {limit}"),
    "sentences": ("GDL017", "readability", "{value} sentences; the guideline is {limit}"),
    "x_characters": (
        "GDL018",
        "readability",
        "{value} characters as X counts them (links count 23); the guideline is {limit}",
    ),
}


def _origin(sources: dict[str, str], key: str, fallback: str) -> str:
    return sources.get(key, sources.get(key.split(".")[0], f"{fallback}:0"))


def guideline_rules(
    guidelines: dict[str, Any], sources: dict[str, str], file: str
) -> list[RuleSpec]:
    rules = []
    for metric, bound in guidelines.items():
        rule_id, category, message = GUIDELINES[metric]
        rules.append(
            bound_rule(
                rule_id,
                f"guideline-{metric.replace('_', '-')}",
                metric,
                category,
                message,
                bound,
                _origin(sources, f"guidelines.{metric}", file),
            )
        )
    return rules


def banned_rules(
    entries: list[dict[str, Any]], sources: dict[str, str], file: str
) -> list[RuleSpec]:
    rules = []
    for index, entry in enumerate(entries, start=1):
        if "regex" in entry:
            kind, options = "regex", {"regex": entry["regex"]}
        elif "pattern" in entry:
            kind, options = "pattern", {"patterns": [entry["pattern"]]}
        else:
            phrases = entry.get("phrases") or [entry["phrase"]]
            kind, options = "phrase", {"phrases": phrases, "inflect": entry.get("inflect", True)}
        if "case_sensitive" in entry and kind != "pattern":
            options["case_sensitive"] = entry["case_sensitive"]
        suggest = entry.get("suggest")
        default = "'{match}' is banned by the brand policy" + ("; {suggestion}" if suggest else "")
        rule_id = entry.get("id", f"BAN{index:03d}")
        rules.append(
            RuleSpec(
                id=rule_id,
                name=entry.get("name", f"banned-{index}"),
                kind=kind,
                category=entry.get("category", "style"),
                severity=entry.get("severity", "error"),
                message=entry.get("message", default),
                options=options,
                suggest=suggest,
                when=entry.get("when"),
                origin=_origin(sources, "banned", file),
            )
        )
    return rules


def governance_rules(
    settings: dict[str, Any], language: str, file: str, sources: dict[str, str]
) -> list[RuleSpec]:
    """Every rule the policy's governance sections imply."""
    tone = settings.get("tone", {})
    # A tone knob and a guideline on the same measure: the tone knob wins (one rule, not two).
    covered = {METRIC_KNOBS[k][1] for k in tone if k in METRIC_KNOBS}
    guidelines = {k: v for k, v in settings.get("guidelines", {}).items() if k not in covered}
    return [
        *banned_rules(settings.get("banned", []), sources, file),
        *terminology_rules(settings.get("terminology", {}), sources, file),
        *tone_rules(tone, language, sources, file),
        *guideline_rules(guidelines, sources, file),
        *channel_rules(settings.get("channels", {}), sources, file),
    ]
