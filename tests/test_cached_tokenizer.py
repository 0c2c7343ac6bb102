"""The cached tokenizer gives spaCy's tokens exactly, and its regexes survive pickling intact."""

from __future__ import annotations

import pickle
import re
import sys
from functools import cache
from pathlib import Path

import pytest

from brandguard.compile import cached_tokenizer
from brandguard.compile.cached_tokenizer import CachedTokenizer
from brandguard.compile.frozen_regex import freeze, thaw
from brandguard.compile.pipeline import make_nlp
from brandguard.policy.packs import example_texts, load_pack
from brandguard.policy.resources import bundled_pack, bundled_pack_names

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    "Don't worry, we're open at 9 a.m. and you'll love it :) I'm sure.",
    "Dont cant wont Im Ill Id shed hed lets. O.K. e.g. i.e. vs. Mr. Mrs. Dr.",
    "<3 :-) :P ^_^ ¯\\_(ツ)_/¯ Let's go! Y'all ain't seen nothin' yet.",
    "Non c'è l'azienda dell'anno: c’è un po' di tutto, l'altr'anno e.g. sig. dott.",
    "#ad @brand 🎉🎉 https://example.com/x?y=1 amzn.to/abc 10km 5pm $20 — 'quoted' “curly”",
]


@cache
def _texts() -> tuple[str, ...]:
    texts = list(TRICKY)
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file():
            texts.append(path.read_text(encoding="utf-8"))
    for pack in bundled_pack_names():
        for rule in load_pack(bundled_pack(pack)):
            for which in ("fail", "pass"):
                texts.extend(example["text"] for example in example_texts(rule, which))
    return tuple(texts)


def _tokens(docs) -> list[list[tuple[str, str]]]:
    return [[(token.text, token.whitespace_) for token in doc] for doc in docs]


@pytest.mark.parametrize("language", ["en", "it"])
def test_tokens_after_a_cache_round_trip_are_spacys_tokens(language: str) -> None:
    nlp, _ = make_nlp(language)
    texts = _texts()
    expected = _tokens(nlp.tokenizer.pipe(texts))
    loaded = pickle.loads(pickle.dumps(CachedTokenizer(nlp.tokenizer)))
    assert loaded.pending == len(nlp.tokenizer.rules)  # nothing loaded before it is needed
    assert _tokens(loaded.pipe(texts, batch_size=64)) == expected


def test_only_the_special_cases_a_text_contains_are_loaded(monkeypatch) -> None:
    nlp, _ = make_nlp("en")
    loaded = pickle.loads(pickle.dumps(CachedTokenizer(nlp.tokenizer)))
    before = loaded.pending
    [doc] = loaded.pipe(["Don't panic."], batch_size=1)
    assert [t.text for t in doc] == ["Do", "n't", "panic", "."]
    added = set(nlp.tokenizer.rules) - set(loaded.tokenizer.rules)
    assert 0 < before - loaded.pending < 50
    assert all(key not in "Don't panic." for key in added)


def test_past_the_scan_limit_every_special_case_is_loaded(monkeypatch) -> None:
    monkeypatch.setattr(cached_tokenizer, "SCAN_LIMIT", 100)
    nlp, _ = make_nlp("en")
    loaded = pickle.loads(pickle.dumps(CachedTokenizer(nlp.tokenizer)))
    texts = ["Plain words here. " * 4, "More plain words and then some more. " * 2, "Don't."]
    docs = list(loaded.pipe(texts, batch_size=2))
    assert loaded.pending == 0
    assert loaded.tokenizer.rules == nlp.tokenizer.rules
    assert _tokens(docs) == _tokens(nlp.tokenizer.pipe(texts))


def test_a_tokenizer_loaded_twice_pickles_its_pending_cases_too() -> None:
    nlp, _ = make_nlp("en")
    once = pickle.loads(pickle.dumps(CachedTokenizer(nlp.tokenizer)))
    list(once.pipe(["I'm here."], batch_size=1))
    twice = pickle.loads(pickle.dumps(once))
    assert twice.pending == len(nlp.tokenizer.rules)


def test_a_frozen_regex_thaws_to_an_equal_pattern() -> None:
    nlp, _ = make_nlp("en")
    for pattern in (
        nlp.tokenizer.infix_finditer.method.__self__,
        nlp.tokenizer.url_match.method.__self__,
        re.compile(r"(?P<word>\w+)-(\d+)(?i:X)", re.MULTILINE),
    ):
        frozen = pickle.loads(pickle.dumps(freeze(pattern)))
        assert frozen[2] is not None  # the program was kept
        assert thaw(frozen) == pattern
        assert thaw(frozen).groupindex == pattern.groupindex


def test_a_frozen_regex_from_another_python_or_a_bad_program_is_compiled_again() -> None:
    pattern = re.compile(r"(?P<a>x+)y")
    source, flags, program, _ = freeze(pattern)
    assert thaw((source, flags, program, sys.hexversion + 1)) == pattern
    assert thaw((source, flags, ([1, 2, 3], 0, {}, ()), sys.hexversion)) == pattern


@pytest.mark.parametrize("language", ["en", "it"])
def test_emoji_sequences_stay_whole_through_the_regex_own_match(language: str) -> None:
    """Without a token_match of the language's own, the emoji rule is the regex's C method (no
    Python frame per unseen word), and it crosses the cache as a frozen regex."""
    from brandguard.compile.pipeline import _EMOJI_SEQUENCE

    nlp, _ = make_nlp(language)
    assert nlp.tokenizer.token_match == _EMOJI_SEQUENCE.match
    text = "Grazie 👍🏽👨‍👩‍👧 ok🎉🎉 fine"
    expected = [t.text for t in nlp.tokenizer(text)]
    assert "👍🏽👨‍👩‍👧" in expected
    loaded = pickle.loads(pickle.dumps(CachedTokenizer(nlp.tokenizer)))
    assert loaded.tokenizer.token_match.__self__ == _EMOJI_SEQUENCE
    assert [t.text for d in loaded.pipe([text], 1) for t in d] == expected
