"""Compile the policy's ``tone:`` knobs into metric, phrase and substitution rules.

::

    tone:
      reading_grade: 8              # Flesch–Kincaid grade, at most (English only)
      reading_ease: {en: 60, it: 45} # Flesch (en) / Flesch–Vacca (it), at least; per language
      gulpease: 60                  # Italian readability index, at least
      sentence_words: 25            # at most, per sentence
      exclamations: 1               # at most, per post
      emoji: false                  # true: any number; false: none; N: at most N
      voice: we-you                 # or third-person
      contractions: avoid           # allow (true) | avoid (false) | prefer
      caps_headings: fine           # or shouting: do headings in capitals shout?

A number means the knob's natural bound (max for grades and counts, min for ease scores); a
mapping {max/min, severity, message} spells it out; a mapping keyed by language applies the value
for the policy's language only. Tone knobs win over ``guidelines`` for the same measure.
"""

from __future__ import annotations

from typing import Any

from ..checks.metric import bound_rule
from ..errors import ConfigError
from ..model import RuleSpec
from .messages import message

# knob: (id, metric, natural bound, category); the message is messages.py's "tone.<knob>"
METRIC_KNOBS: dict[str, tuple[str, str, str, str]] = {
    "reading_grade": ("TON001", "reading_grade", "max", "readability"),
    "reading_ease": ("TON002", "reading_ease", "min", "readability"),
    "gulpease": ("TON003", "gulpease", "min", "readability"),
    "sentence_words": ("TON004", "sentence_words", "max", "readability"),
    "exclamations": ("TON005", "exclamations", "max", "pushy"),
    "emoji": ("TON006", "emoji", "max", "style"),
}
ENGLISH_ONLY = {"reading_grade": "use reading_ease (Flesch–Vacca) or gulpease for Italian"}
ITALIAN_ONLY = {"gulpease": "use reading_ease or reading_grade for English"}

THIRD_PERSON_REFERENCES = {
    "en": [
        "the company",
        "the brand",
        "the business",
        "this company",
        "the customer",
        "customers",
        "the user",
        "users",
        "the client",
        "clients",
        "consumers",
        "shoppers",
    ],
    "it": [
        "l'azienda",
        "la società",
        "il marchio",
        "il cliente",
        "i clienti",
        "la clientela",
        "l'utente",
        "gli utenti",
        "i consumatori",
    ],
}
PERSONAL_PRONOUNS = {
    "en": "I me my mine we us our ours ourselves you your yours yourself yourselves".split(),
    "it": "io noi nostro nostra nostri nostre voi vostro vostra vostri vostre".split(),
}
_NEGATIONS = {
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "is not": "isn't",
    "are not": "aren't",
    "was not": "wasn't",
    "were not": "weren't",
    "cannot": "can't",
    "will not": "won't",
    "would not": "wouldn't",
    "should not": "shouldn't",
    "could not": "couldn't",
    "have not": "haven't",
    "has not": "hasn't",
}
# Unambiguous contractions only: "it's" (is/has) and "we'd" (had/would) get no automatic fix.
_EXPANSIONS = {
    **{short: full for full, short in _NEGATIONS.items()},
    "I'm": "I am",
    "you're": "you are",
    "we're": "we are",
    "they're": "they are",
    "I've": "I have",
    "you've": "you have",
    "we've": "we have",
    "they've": "they have",
    "I'll": "I will",
    "you'll": "you will",
    "we'll": "we will",
    "they'll": "they will",
    "let's": "let us",
}
_EXPANSIONS.update({k.replace("'", "’"): v for k, v in list(_EXPANSIONS.items())})

_NUMBER_OR_BOUND = {
    "oneOf": [
        {"type": "number"},
        {
            "type": "object",
            "properties": {
                "min": {"type": "number"},
                "max": {"type": "number"},
                "severity": {"enum": ["error", "warning", "info"]},
                "message": {"type": "string", "minLength": 1},
            },
            "additionalProperties": False,
        },
        {
            "type": "object",
            "propertyNames": {"enum": ["en", "it"]},
            "additionalProperties": {"type": "number"},
            "minProperties": 1,
        },
    ]
}
SCHEMA = {
    "type": "object",
    "description": "brand-voice knobs, compiled into TON rules",
    "properties": {
        **{knob: _NUMBER_OR_BOUND for knob in METRIC_KNOBS if knob != "emoji"},
        "emoji": {"oneOf": [{"type": "boolean"}, {"type": "integer", "minimum": 0}]},
        "voice": {"enum": ["we-you", "third-person"]},
        "contractions": {"enum": [True, False, "allow", "avoid", "prefer"]},
        "caps_headings": {
            "enum": ["fine", "shouting"],
            "description": "whether a heading or title in capitals counts as shouting for the "
            "rules that judge capitals (option shouting: true); default fine",
        },
    },
    "additionalProperties": False,
}


def _where(sources: dict[str, str], key: str, fallback: str) -> str:
    return sources.get(f"tone.{key}") or sources.get("tone") or f"{fallback}:0"


def _bound(knob: str, value: Any, natural: str, language: str, origin: str) -> dict | None:
    if isinstance(value, bool):  # emoji: true/false
        return None if value else {"max": 0}
    if isinstance(value, (int, float)):
        bound: dict[str, Any] = {natural: value}
    elif set(value) <= {"en", "it"}:
        if language not in value:
            return None
        bound = {natural: value[language]}
    else:
        bound = dict(value)
    only = ENGLISH_ONLY if language == "it" else ITALIAN_ONLY
    if knob in only:
        file, _, line = origin.rpartition(":")
        raise ConfigError(
            f"{knob} does not apply to '{language}' posts; {only[knob]} "
            f"(or key it by language: {{{'en' if language == 'it' else 'it'}: N}})",
            file,
            int(line) if line.isdigit() else None,
            f"tone.{knob}",
        )
    return bound


def tone_rules(
    tone: dict[str, Any], language: str, sources: dict[str, str], file: str
) -> list[RuleSpec]:
    rules = []
    for knob, (rule_id, metric, natural, category) in METRIC_KNOBS.items():
        if knob not in tone:
            continue
        origin = _where(sources, knob, file)
        bound = _bound(knob, tone[knob], natural, language, origin)
        if not bound or not ({"min", "max"} & set(bound)):
            continue
        name = f"tone-{knob.replace('_', '-')}"
        text = message(f"tone.{knob}", language)
        rules.append(bound_rule(rule_id, name, metric, category, text, bound, origin))
    if "voice" in tone:
        rules.append(_voice_rule(tone["voice"], language, _where(sources, "voice", file)))
    contractions = tone.get("contractions", True)
    if language == "en" and contractions in (False, "avoid", "prefer"):
        rules.append(_contraction_rule(contractions, _where(sources, "contractions", file)))
    return rules


def _voice_rule(voice: str, language: str, origin: str) -> RuleSpec:
    phrases = (THIRD_PERSON_REFERENCES if voice == "we-you" else PERSONAL_PRONOUNS)[language]
    return RuleSpec(
        id="TON007",
        name="tone-voice",
        kind="phrase",
        category="style",
        severity="warning",
        message=message(f"voice.{voice}", language),
        options={"phrases": phrases, "inflect": False, "case_sensitive": False},
        origin=origin,
    )


def _contraction_rule(setting: Any, origin: str) -> RuleSpec:
    prefer = setting == "prefer"
    voice = "is conversational" if prefer else "avoids contractions"
    return RuleSpec(
        id="TON008",
        name="tone-contractions",
        kind="substitution",
        category="style",
        severity="info" if prefer else "warning",
        message=f"the brand voice {voice}: write '{{suggestion}}', not '{{match}}'",
        options={"swap": dict(_NEGATIONS if prefer else _EXPANSIONS)},
        origin=origin,
    )
