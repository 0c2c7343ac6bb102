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


def test_function_words_are_needed_only_when_nothing_rarer_is() -> None:
    """With the language's stop words, a pattern needs its content words ("tips"), else a digit,
    and a function word ("the") only when it has nothing else: a headline holding only "the"
    skips the matcher."""
    stop = frozenset(spacy.blank("en").Defaults.stop_words)
    patterns = {
        "A": [[{"LOWER": "the"}, {"LOWER": {"IN": ["tips", "ways"]}}]],
        "B": [[{"LOWER": {"IN": ["you", "we"]}}, {"IS_DIGIT": True}]],
        "C": [[{"LOWER": "here"}, {"LOWER": {"IN": ["is", "are"]}}]],
    }
    nlp = spacy.blank("en")
    without = required(patterns)
    needs = required(patterns, stop)
    assert without is not None and needs is not None
    hashes = {nlp.vocab.strings.add(w): w for w in "the you we here tips ways".split()}
    assert {hashes[h] for h in without[0]} == {"the", "you", "we", "here"}
    assert {hashes[h] for h in needs[0]} == {"tips", "ways", "here"}
    assert needs[1] == ("is_digit",)
    assert may_match(without, nlp("The shop is open")) and not may_match(
        needs, nlp("The shop is open")
    )
    assert may_match(needs, nlp("The tips"))
    assert may_match(needs, nlp("Here are they"))  # C has only function words: they are needed
    matcher = Matcher(nlp.vocab, validate=True)
    for key, group in patterns.items():
        matcher.add(key, group)
    for text in [*HEADLINES, "The tips", "You 2", "Here are they", "the ways of the shop"]:
        doc = nlp(text)
        if not may_match(needs, doc):
            assert matcher(doc) == [], text


def test_words_only_needs_are_read_from_every_token() -> None:
    """Patterns needing words and no flag: any token holding one of them wakes the matcher."""
    nlp = spacy.blank("en")
    needs = required({"A": [[{"LOWER": {"IN": ["secret", "trick"]}}], [{"LOWER": "hack"}]]})
    assert needs is not None and needs[1] == ()
    assert may_match(needs, nlp("The one TRICK"))
    assert may_match(needs, nlp("hack that nobody knows")[0:1])
    assert not may_match(needs, nlp("A calm day at the lake"))
    assert not may_match(needs, nlp("")) and not may_match(needs, [])
