"""The function-word first pass of language identification (text/function_words.py)."""

from __future__ import annotations

import pytest
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.lang.it.stop_words import STOP_WORDS as IT_STOP

from brandguard.text import language
from brandguard.text.function_words import FUNCTION_WORDS, clear_language, covered

STOP = {"en": EN_STOP, "it": IT_STOP}

EN_LONG = (
    "We moved the library to a new building last spring, and the reading room is now open on "
    "Sundays from ten until four for anyone who wants a quiet place to work"
).split()
IT_LONG = (
    "La biblioteca si è spostata nel nuovo edificio della piazza e la sala di lettura è aperta "
    "anche la domenica per chi cerca un posto tranquillo dove studiare tra una lezione e l'altra"
).split()


def test_each_list_is_its_languages_stop_words_and_none_of_the_others() -> None:
    for code, words in FUNCTION_WORDS.items():
        assert words <= STOP[code], sorted(words - STOP[code])
        for other, stop in STOP.items():
            if other != code:
                assert not words & stop, sorted(words & stop)


def test_plain_long_texts_are_called_whatever_the_fallback() -> None:
    for fallback in ("en", "it"):
        assert clear_language(EN_LONG, ("en", "it"), fallback, 20) == "en"
        assert clear_language(IT_LONG, ("en", "it"), fallback, 20) == "it"


def test_a_mixed_or_featureless_text_is_left_to_the_identifier() -> None:
    mixed = IT_LONG[:12] + EN_LONG[:12]
    assert clear_language(mixed, ("en", "it"), "en", 20) is None
    names = "Spin Class Deals Cheap Spin Class Online Top Rated Spin Class Shop".split() * 2
    assert clear_language(names, ("en", "it"), "en", 20) is None


def test_a_short_text_is_only_ever_called_in_its_fallback_language() -> None:
    short = "Where are the keys of the shed".split()
    assert clear_language(short, ("en", "it"), "en", 20) == "en"
    # Only identification may move a short text off its fallback (when it is nearly sure).
    assert clear_language(short, ("en", "it"), "it", 20) is None
    assert clear_language("the key".split(), ("en", "it"), "en", 20) is None  # one word: unclear


def test_only_policies_whose_every_language_has_a_list_use_it() -> None:
    assert covered(("en", "it")) and covered(("it", "en"))
    assert not covered(("en",)) and not covered(("en", "fr"))


def test_post_language_asks_py3langid_only_when_the_words_are_unclear(monkeypatch) -> None:
    asked: list[str] = []

    def identify(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
        asked.append(text)
        return "it", 1.0

    monkeypatch.setattr(language, "identify", identify)
    assert language.post_language(" ".join(EN_LONG), {}, ("en", "it"), "it") == "en"
    assert language.post_language(" ".join(IT_LONG), {}, ("en", "it"), "en") == "it"
    assert asked == []
    names = " ".join("Best Spin Class Deals Cheap Spin Class Online Top Rated Shop".split() * 2)
    assert language.post_language(names, {}, ("en", "it"), "en") == "it"
    assert asked == [names]


@pytest.mark.parametrize("fallback", ["en", "it"])
def test_the_first_pass_agrees_with_py3langid_on_plain_texts(fallback: str) -> None:
    for words in (EN_LONG, IT_LONG):
        text = " ".join(words)
        called = clear_language(words, ("en", "it"), fallback, 20)
        assert called == language.identify(text, ("en", "it"))[0]
