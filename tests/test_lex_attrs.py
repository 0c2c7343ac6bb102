"""Word attributes a blank pipeline computes: only those the policy's matchers read
(compile/pipeline.py keep_lex_attrs), with the same findings as when every getter runs."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.attrs import IS_STOP, LANG, LIKE_NUM, LOWER, SHAPE

from brandguard.api import check_text, compiled_for
from brandguard.compile.pipeline import keep_lex_attrs

from .conftest import policy_from

PACK = """
pack: test
language: en
rules:
  - id: TST101
    name: stop-then-number
    kind: pattern
    category: pushy
    patterns: [[{IS_STOP: true}, {LIKE_NUM: true}, {LOWER: left}]]
    message: "scarcity: {match}"
"""


def test_only_the_attributes_patterns_name_are_kept() -> None:
    nlp = spacy.blank("en")
    keep_lex_attrs(nlp, [[{"IS_STOP": True}, {"TEXT": "x", "OP": "?"}, {"_": {}}]])
    assert set(nlp.vocab.lex_attr_getters) == {LANG, LOWER, IS_STOP}
    assert nlp("The THE")[1].lower_ == "the"
    assert nlp("Plainword")[0].shape_ == ""  # not computed any more


def test_an_unknown_key_keeps_every_getter() -> None:
    nlp = spacy.blank("en")
    before = set(nlp.vocab.lex_attr_getters)
    keep_lex_attrs(nlp, [[{"NOT_AN_ATTRIBUTE": 1}]])
    assert set(nlp.vocab.lex_attr_getters) == before
    assert SHAPE in before


def test_patterns_still_match_on_the_attributes_they_name(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    policy = policy_from("policy: t\nlanguage: en\npacks: [./pack.yaml]\n", tmp_path)
    vocab = compiled_for(policy).nlp.vocab
    assert {IS_STOP, LIKE_NUM, LOWER} <= set(vocab.lex_attr_getters)
    assert SHAPE not in vocab.lex_attr_getters
    found = check_text("Hurry, only twelve left in stock.", policy).findings
    assert [f.rule_id for f in found] == ["TST101"]
    assert check_text("Hurry, seats twelve left.", policy).findings == ()
