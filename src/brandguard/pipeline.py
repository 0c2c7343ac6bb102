"""The spaCy pipeline: a blank language with tokenizer fixes for social posts, or a trained one.

Blank pipelines are the default (no model download is possible or needed). The tokenizer keeps
``#hashtags``, ``@mentions`` and emoji sequences whole; Italian elisions split after the apostrophe
("l'", "azienda") as spaCy does, which is what phrase patterns expect. Sentence boundaries come from
``SentenceBoundaries``: spaCy's Sentencizer rule on token arrays, plus a line break that separates
blocks (a blank line, a list item, a heading, a capitalised line), since posts rarely end every
line with a full stop.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

_EMOJI_SEQUENCE = re.compile(
    "^(?:[\U0001f1e6-\U0001f1ff]{2}|[\U0001f300-\U0001faff\u2600-\u27bf]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f300-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*)+$"
)
_LIST_MARKER = re.compile(r"^(?:[-*+>#•]|\d+[.)])$")


class SentenceBoundaries:
    """Sentence starts for blank pipelines, computed on token arrays.

    The same rule as spaCy's Sentencizer (a sentence starts at the first non-punctuation token
    after a terminal mark), plus block-aware line breaks. spaCy's Sentencizer builds a Python Token
    object per token, which costs more than tokenising; this works on the Doc's arrays and only
    looks at the few whitespace tokens that hold a line break.
    """

    def __init__(self, nlp: Language) -> None:
        from spacy.pipeline import Sentencizer

        strings = nlp.vocab.strings
        self.terminal = frozenset(
            strings.add(c) for c in (*Sentencizer.default_punct_chars, "...", "…")
        )
        self.closing = frozenset(
            strings.add(c) for c in ('"', "'", "”", "’", ")", "]", "»", "*", "_")
        )

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array([ORTH, IS_SPACE, IS_PUNCT])
        terminal = np.zeros(n, dtype=bool)
        closing = np.zeros(n, dtype=bool)
        for i in np.flatnonzero(arr[:, 2]):  # only punctuation can end a sentence
            orth = int(arr[i, 0])
            terminal[i] = orth in self.terminal
            closing[i] = orth in self.closing
        after_terminal = np.zeros(n, dtype=bool)
        after_terminal[1:] = terminal[:-1]
        for i in np.flatnonzero(after_terminal & closing):  # "Wow!" she … starts after the quote
            j = int(i)
            while j < n and closing[j]:
                j += 1
            if j < n:
                after_terminal[j] = True
        starts = np.full(n, -1, dtype="int64")
        starts[0] = 1
        starts[after_terminal & ~terminal & ~closing] = 1
        for i in np.flatnonzero(arr[: n - 1, 1]):  # whitespace tokens: line breaks live there
            token = doc[int(i)].text
            if "\n" not in token:
                continue
            nxt = doc[int(i) + 1].text
            if token.count("\n") > 1 or not nxt[:1].islower() or _LIST_MARKER.match(nxt):
                starts[i + 1] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("brandguard_sentences")
def make_sentence_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    return SentenceBoundaries(nlp)


def _tune_tokenizer(nlp: Language) -> None:
    prefixes = [p for p in nlp.Defaults.prefixes if p not in ("#", "@")]
    prefixes += [r"#(?!\w)", r"@(?!\w)"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    infixes = list(nlp.Defaults.infixes) + [r"(?<=\w)[,;](?=[#@]\w)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.token_match = _TokenMatch(nlp.tokenizer.token_match)


class _TokenMatch:
    """Emoji sequences stay whole, then the language's own rule (a class: it must pickle)."""

    def __init__(self, default: Any) -> None:
        self.default = default

    def __call__(self, text: str) -> Any:
        return _EMOJI_SEQUENCE.match(text) or (self.default(text) if self.default else None)


def make_nlp(language: str, trained: str | None = None) -> tuple[Language, bool]:
    """Return (nlp, is_trained). A named trained pipeline is used only when it is installed."""
    import spacy

    if trained:
        try:
            nlp = spacy.load(
                trained, exclude=["ner", "lemmatizer"] if language == "it" else ["ner"]
            )
            _tune_tokenizer(nlp)
            return nlp, True
        except (OSError, ImportError):
            pass
    nlp = spacy.blank(language)
    _tune_tokenizer(nlp)
    nlp.add_pipe("brandguard_sentences")
    return nlp, False
