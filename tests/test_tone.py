"""Tone knobs compile into metric, phrase and substitution rules."""

from __future__ import annotations

import pytest

from brandguard.api import check_text
from brandguard.errors import ConfigError
from brandguard.policy.loader import load_policy


def rules_of(text: str):
    return {r.id: r for r in load_policy(text=text).rules}


def hits(text, policy_text, rule_id):
    policy = load_policy(text=policy_text)
    return [f for f in check_text(text, policy).findings if f.rule_id == rule_id]


def test_numbers_take_the_natural_bound() -> None:
    rules = rules_of(
        "tone: {reading_grade: 8, reading_ease: 60, sentence_words: 20, exclamations: 1}"
    )
    assert rules["TON001"].options == {"metric": "reading_grade", "max": 8}
    assert rules["TON002"].options == {"metric": "reading_ease", "min": 60}
    assert rules["TON004"].options == {"metric": "sentence_words", "max": 20}
    assert rules["TON005"].options == {"metric": "exclamations", "max": 1}


def test_per_language_values() -> None:
    text = "language: {lang}\ntone: {{reading_ease: {{en: 60, it: 45}}, reading_grade: {{en: 8}}}}"
    en, it = rules_of(text.format(lang="en")), rules_of(text.format(lang="it"))
    assert en["TON002"].options["min"] == 60 and "TON001" in en
    assert it["TON002"].options["min"] == 45 and "TON001" not in it


def test_english_only_knob_on_italian_policy_is_a_config_error(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("language: it\ntone:\n  reading_grade: 8\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert f"{path}:3: tone.reading_grade:" in str(info.value)
    assert "gulpease" in str(info.value)


def test_tone_wins_over_guidelines_for_the_same_measure() -> None:
    rules = rules_of(
        "guidelines: {sentence_words: {max: 30}, hashtags: {max: 3}}\ntone: {sentence_words: 15}"
    )
    assert "GDL001" not in rules and rules["TON004"].options["max"] == 15
    assert "GDL012" in rules


def test_emoji_knob() -> None:
    assert "TON006" not in rules_of("tone: {emoji: true}")
    assert rules_of("tone: {emoji: false}")["TON006"].options["max"] == 0
    assert rules_of("tone: {emoji: 2}")["TON006"].options["max"] == 2
    assert len(hits("Good morning ☕ 🥐", "tone: {emoji: 1}", "TON006")) == 1


def test_voice_we_you_flags_third_person() -> None:
    found = hits("Customers can collect orders in store.", "tone: {voice: we-you}", "TON007")
    assert [f.match for f in found] == ["Customers"]
    assert hits("You can collect your order in store.", "tone: {voice: we-you}", "TON007") == []


def test_voice_third_person_flags_pronouns() -> None:
    found = hits("We think you will love our beans.", "tone: {voice: third-person}", "TON007")
    assert [f.match for f in found] == ["We", "you", "our"]
    assert hits("Acme roasts every morning.", "tone: {voice: third-person}", "TON007") == []


def test_contractions_avoid_and_prefer_are_fixable() -> None:
    (found,) = hits("We don't roast on Sundays.", "tone: {contractions: avoid}", "TON008")
    assert (found.match, found.fix.replacement) == ("don't", "do not")
    (found,) = hits("Don’t worry.", "tone: {contractions: false}", "TON008")
    assert found.fix.replacement == "Do not"
    (found,) = hits("We do not roast on Sundays.", "tone: {contractions: prefer}", "TON008")
    assert (found.severity, found.fix.replacement) == ("info", "don't")
    assert hits("We don't roast on Sundays.", "tone: {contractions: allow}", "TON008") == []


def test_contractions_do_not_apply_to_italian() -> None:
    assert "TON008" not in rules_of("language: it\ntone: {contractions: avoid}")


def test_unknown_tone_knob_names_the_key(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("policy: x\ntone:\n  voise: we-you\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert str(info.value).startswith(
        f"{path}:3: tone.voise: unknown key 'voise'; did you mean 'voice'?"
    )
