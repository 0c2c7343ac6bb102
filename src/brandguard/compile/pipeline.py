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
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

_EMOJI_SEQUENCE = re.compile(
    "^(?:[\U0001f1e6-\U0001f1ff]{2}|[\U0001f300-\U0001faff\u2600-\u27bf]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f300-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*)+$"
)


class SentenceBoundaries:
    """Sentence starts on the Doc, for token patterns that use IS_SENT_START.

    The boundaries come from sentences.py, the same splitter the measures use, mapped to tokens.
    Blank pipelines add this component only when a pattern needs it (compiler.py): measures read
    sentences from the text directly, which is cheaper than any per-token pass.
    """

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if n == 0:
            return doc
        from ..text.sentences import sentence_spans

        token_starts = doc.to_array("IDX").astype("int64")
        starts = np.full(n, -1, dtype="int64")
        starts[0] = 1
        for start, _ in sentence_spans(doc.text, doc.lang_):
            i = int(np.searchsorted(token_starts, start, side="right")) - 1
            if 0 <= i < n:
                starts[i] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("brandguard_sentences")
def make_sentence_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    return SentenceBoundaries()


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


def make_nlp(
    language: str, trained: str | None = None, sentence_starts: bool = False
) -> tuple[Language, bool]:
    """Return (nlp, is_trained). A named trained pipeline is used only when it is installed.

    A blank pipeline is the tokenizer alone, plus sentence starts when a token pattern needs them.
    """
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
    if sentence_starts:
        nlp.add_pipe("brandguard_sentences")
    return nlp, False
