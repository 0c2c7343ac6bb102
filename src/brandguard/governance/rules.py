"""Compile a policy's governance sections (banned, terminology, tone, guidelines, channels) into rules.

Governance teams write what they want ("no sentence over 25 words", "never say 'world-class'");
this module turns each section into ordinary RuleSpecs of the check kinds, so the engine, the
scores, suppressions and ``brandguard rule ID`` treat them like any pack rule.
"""

from __future__ import annotations

from typing import Any

from ..checks.metric import bound_rule
from ..model import RuleSpec
from .channels import channel_rules
from .messages import message
from .terminology import terminology_rules
from .tone import METRIC_KNOBS, tone_rules

# Stable ids for guideline metrics: a metric keeps its id whatever else the policy says.
GUIDELINES: dict[str, tuple[str, str]] = {
    # metric: (id, category); the message is messages.py's "guideline.<metric>"
    "sentence_words": ("GDL001", "readability"),
    "words": ("GDL002", "readability"),
    "characters": ("GDL003", "readability"),
    "reading_ease": ("GDL004", "readability"),
    "reading_grade": ("GDL005", "readability"),
    "gulpease": ("GDL006", "readability"),
    "flesch_vacca": ("GDL007", "readability"),
    "exclamations": ("GDL008", "pushy"),
    "exclamation_runs": ("GDL009", "pushy"),
    "caps_words": ("GDL010", "pushy"),
    "caps_ratio": ("GDL011", "pushy"),
    "hashtags": ("GDL012", "seo"),
    "trailing_hashtags": ("GDL013", "seo"),
    "mentions": ("GDL014", "seo"),
    "links": ("GDL015", "seo"),
    "emoji": ("GDL016", "style"),
    "sentences": ("GDL017", "readability"),
    "x_characters": ("GDL018", "readability"),
}


def _origin(sources: dict[str, str], key: str, fallback: str) -> str:
    return sources.get(key, sources.get(key.split(".")[0], f"{fallback}:0"))


def guideline_rules(
    guidelines: dict[str, Any], language: str, sources: dict[str, str], file: str
) -> list[RuleSpec]:
    rules = []
    for metric, bound in guidelines.items():
        rule_id, category = GUIDELINES[metric]
        rules.append(
            bound_rule(
                rule_id,
                f"guideline-{metric.replace('_', '-')}",
                metric,
                category,
                message(f"guideline.{metric}", language),
                bound,
                _origin(sources, f"guidelines.{metric}", file),
            )
        )
    return rules


def banned_rules(
    entries: list[dict[str, Any]], language: str, sources: dict[str, str], file: str
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
        default = message("banned", language) + ("; {suggestion}" if suggest else "")
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
                quotes=bool(entry.get("quotes", False)),
                language=None if entry.get("language", "any") == "any" else entry["language"],
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
        *banned_rules(settings.get("banned", []), language, sources, file),
        *terminology_rules(settings.get("terminology", {}), language, sources, file),
        *tone_rules(tone, language, sources, file),
        *guideline_rules(guidelines, language, sources, file),
        *channel_rules(settings.get("channels", {}), language, sources, file),
    ]
