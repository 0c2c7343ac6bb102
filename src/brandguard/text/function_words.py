"""A first pass of language identification: each language's most frequent function words.

Why: identifying a post with py3langid walks its bytes through a 100k-state automaton in Python
(about 0.1 ms a post, the largest per-post cost outside the checks). Most posts say their
language plainly in their articles, prepositions and auxiliaries, so a count of those decides
them at the cost of a set lookup per word; py3langid still decides every post where the count is
not clear.

The lists are a subset of spaCy's stop-word lists (``spacy/lang/en/stop_words.py`` and
``spacy/lang/it/stop_words.py``, which follow the Snowball stop lists of snowballstem.org): the
most frequent words of each language that are not stop words of the other one and are not, once
lower-cased, common in the other language's informal writing or names (``per``, ``non``, ``come``,
``con``, ``un``, ``da``, ``la``, ``al``, ``ai`` as in AI, ``it`` as in IT, ``all`` as in Italian
``all'``). ``tests/test_function_words.py`` holds the lists to that. A text is called only when one
language has ``MIN_LONG`` of its words (``MIN_SHORT`` in a short text) and ``RATIO`` times as many
as any other: on every post of the team's corpora (synthetic, real mix, writing_dev, clickbait
headlines, keyword spam, SMS, YouTube) that gives the same language as py3langid alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """the and of to is that for with you this are was be have has on by from at or we
        your our they will can but an as if what which there their been were would more about
        when how who do does not""".split()
    ),
    "it": frozenset(
        """il di del della dei delle degli dello alla alle allo dalla dalle nel nella nei nelle
        sul sulla che una sono anche più questo questa questi queste hanno essere tra molto
        tutti quando perché cosa dove già loro gli""".split()
    ),
}
MIN_LONG = 3  # function words a text of ``long_words`` or more needs to be called
MIN_SHORT = 2  # in a shorter text, and then only for the language it would fall back to
RATIO = 4  # the called language's count against every other language's


@cache
def stop_words(language: str) -> frozenset[str]:
    """spaCy's whole stop-word list of ``language`` (English's for a language without one here):
    the function words the text measures read (``caps.ordinary_words``, ``sentences.is_prose``)."""
    if language == "it":
        from spacy.lang.it.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def covered(languages: Sequence[str]) -> bool:
    """Whether every language of a policy has a list (else py3langid decides every post)."""
    return len(languages) > 1 and all(code in FUNCTION_WORDS for code in languages)


def clear_language(
    words: list[str], languages: Sequence[str], fallback: str, long_words: int
) -> str | None:
    """The language ``words`` are plainly in, or None when py3langid must decide.

    A text shorter than ``long_words`` keeps ``fallback`` unless identification is nearly sure of
    another language, so here only ``fallback`` can be called for it.
    """
    lowered = " ".join(words).lower().split()
    counts = {code: sum(map(FUNCTION_WORDS[code].__contains__, lowered)) for code in languages}
    best = max(counts, key=counts.__getitem__)
    if len(words) < long_words and best != fallback:
        return None
    found = counts[best]
    if found < (MIN_LONG if len(words) >= long_words else MIN_SHORT):
        return None
    if any(RATIO * n > found for code, n in counts.items() if code != best):
        return None
    return best
