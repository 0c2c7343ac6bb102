"""The tokenizer's affix regexes tried only where they can match give the whole regexes' answers."""

from __future__ import annotations

import pickle
import re
from functools import cache

import pytest

from brandguard.compile import affixes
from brandguard.compile.affixes import EdgeSearch, Guarded, alternatives
from brandguard.compile.pipeline import make_nlp

# Every character up to the end of the CJK punctuation, then samples of the planes above:
# letters, digits, symbols, currency, quotes, emoji and their modifiers.
CHARS = [chr(c) for c in range(1, 0x3100)] + [
    chr(c)
    for lo, hi in ((0xFF00, 0xFFEF), (0x1F300, 0x1F3FF), (0x1F600, 0x1F64F), (0x20000, 0x20010))
    for c in range(lo, hi + 1)
]
CONTEXTS = ("{}", "a{}", "{}a", "1{}", "{}1", "A{}", "Ab{}", "word{}", "{}word", "..{}", "{}..")


def _span(found):
    if found is None:
        return None
    if isinstance(found, re.Match):
        return found.span()
    return [m.span() for m in found]


@cache
def _tokenizer(language: str):
    nlp, _ = make_nlp(language)
    return nlp.tokenizer


def _plain(method):
    """The whole regex behind a fast affix callable."""
    if isinstance(method, EdgeSearch):
        return method.pattern.search
    if isinstance(method, Guarded):
        return method.method
    return method


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize("name", ["prefix_search", "suffix_search", "infix_finditer", "url_match"])
def test_every_character_in_every_context_gets_the_whole_regex_answer(
    language: str, name: str
) -> None:
    fast = getattr(_tokenizer(language), name)
    assert isinstance(fast, (EdgeSearch, Guarded))  # spaCy's regexes have the shapes it reads
    fast = pickle.loads(pickle.dumps(fast))  # as the compiled-policy cache hands it back
    plain = _plain(fast)
    texts = [context.format(c) for c in CHARS for context in CONTEXTS]
    texts += ["", "\n", "a\n", "3km", "10.5%", "U.S.", "e.g.", "dell'anno", "http://x.io/a"]
    wrong = [t for t in texts if _span(fast(t)) != _span(plain(t))]
    assert not wrong[:10]


@pytest.mark.parametrize("language", ["en", "it"])
def test_tokens_are_those_of_the_whole_regexes(language: str) -> None:
    from spacy.tokenizer import Tokenizer

    fast = _tokenizer(language)
    plain = Tokenizer(
        fast.vocab,
        rules=fast.rules,
        prefix_search=_plain(fast.prefix_search),
        suffix_search=_plain(fast.suffix_search),
        infix_finditer=_plain(fast.infix_finditer),
        token_match=fast.token_match,
        url_match=_plain(fast.url_match),
    )
    text = " ".join("".join(CHARS[i : i + 7]) for i in range(0, len(CHARS), 7))
    text += " (\"Don't\"), 10km... e-mail: a@b.co; l'anno, dell’Italia! 3+4=7 #tag @you :) "
    assert [t.text for t in fast(text)] == [t.text for t in plain(text)]


def test_the_leftmost_match_wins_then_the_first_alternative() -> None:
    """``re`` answers with the leftmost start, and there with the first alternative in order."""
    pattern = re.compile(r"b$|ab$|(?<=x)a?b$|[ab]b$")
    fast = affixes.suffix_search(pattern)
    assert isinstance(fast, EdgeSearch)
    for text in ("b", "ab", "xab", "xb", "zbb", "aab", "abb", "cab"):
        assert _span(fast(text)) == _span(pattern.search(text)), text
    prefix = re.compile(r"^a|^ab|^[a-c]+|^(?=b)")
    fast = affixes.prefix_search(prefix)
    assert isinstance(fast, EdgeSearch)
    for text in ("a", "ab", "bca", "cab", "z", ""):
        assert _span(fast(text)) == _span(prefix.search(text)), text


def test_an_alternative_that_may_match_nothing_is_always_tried() -> None:
    pattern = re.compile(r"x$|(?<=y)$|z*$")
    fast = affixes.suffix_search(pattern)
    for text in ("ay", "a", "x", "zz", "q\n"):
        assert _span(fast(text)) == _span(pattern.search(text)), text
    finditer = re.compile(r"-|(?<=a)(?=b)").finditer
    guarded = affixes.guarded(finditer, ())
    for text in ("ab", "a-b", "ba"):
        assert _span(guarded(text)) == _span(finditer(text)), text


def test_a_lookaround_is_a_character_the_text_needs() -> None:
    """An infix of no width (Italian elision: after an apostrophe) still needs the apostrophe."""
    finditer = re.compile(r"(?<=[a-z]['’])(?=[a-z])").finditer
    guarded = affixes.guarded(finditer, ())
    assert isinstance(guarded, Guarded)
    assert guarded("dellanno") == ()
    assert _span(guarded("dell'anno")) == [(5, 5)]


def test_what_it_cannot_read_keeps_the_whole_regex() -> None:
    for pattern in (re.compile(r"ab$", re.IGNORECASE), re.compile(r"a$|b")):
        assert affixes.suffix_search(pattern) == pattern.search
    assert affixes.prefix_search(re.compile(r"a|^b")) == re.compile(r"a|^b").search
    for pattern in (re.compile(r"\w+"), re.compile(r"[^a]"), re.compile(r"a|.")):
        assert affixes.guarded(pattern.finditer, ()) == pattern.finditer
    assert affixes.guarded(len, None) is len


def test_alternatives_are_cut_outside_groups_and_classes() -> None:
    source = r"a\|b$|[|\]]$|(?:c|d)$|[]|]$|[^]|]$|e"
    assert alternatives(source) == [r"a\|b$", r"[|\]]$", r"(?:c|d)$", r"[]|]$", r"[^]|]$", "e"]
