"""A headline skips the token matcher only when its patterns cannot match it."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from brandguard.compile.pattern_words import may_match, required

PATTERNS = {
    "A": [[{"LOWER": {"IN": ["this", "these"]}}, {"IS_PUNCT": False}]],
    "B": [[{"lower": "here"}, {"LOWER": "is", "OP": "?"}]],
    "C": [[{"IS_DIGIT": True}, {"IS_ALPHA": True, "OP": "{0,2}"}, {"LENGTH": {">=": 4}}]],
    "D": [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["ways", "tips"], "NOT_IN": ["x"]}}]],
}
HEADLINES = [
    "This dog opened the door",
    "Here is the news",
    "14 seaside towns",
    "Seven ways to bake",
    "A calm day at the lake",
    "The shop is open",
    "",
]


def test_required_words_and_flags() -> None:
    needs = required(PATTERNS)
    assert needs is not None
    words, flags = needs
    assert len(words) == 5  # this, these, here; ways, tips (a word beats a flag: D)
    assert flags == ("is_digit",)  # the Token attribute may_match reads


def test_a_pattern_needing_nothing_makes_the_matcher_always_run() -> None:
    assert required({**PATTERNS, "E": [[{"IS_TITLE": True}, {"LOWER": "x", "OP": "*"}]]}) is None
    assert may_match(None, [])


def test_skipping_never_loses_a_match() -> None:
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab, validate=True)
    for key, patterns in PATTERNS.items():
        matcher.add(key, patterns)
    needs = required(PATTERNS)
    skipped = 0
    for text in HEADLINES:
        doc = nlp(text)
        if not may_match(needs, doc):
            skipped += 1
            assert matcher(doc) == [], text
    assert skipped == 3  # the calm day, the open shop, the empty headline
