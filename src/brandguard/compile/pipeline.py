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
from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

from . import affixes

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
    tokenizer = nlp.tokenizer
    prefixes = [p for p in nlp.Defaults.prefixes if p not in ("#", "@")]
    prefixes += [r"#(?!\w)", r"@(?!\w)"]
    infixes = list(nlp.Defaults.infixes) + [r"(?<=\w)[,;](?=[#@]\w)"]
    # The same regexes, tried only on the words they can match (affixes.py): they were half of
    # the tokenizer's time on the real mix.
    tokenizer.prefix_search = affixes.prefix_search(compile_prefix_regex(prefixes))
    suffix = tokenizer.suffix_search
    if isinstance(getattr(suffix, "__self__", None), re.Pattern):
        tokenizer.suffix_search = affixes.suffix_search(suffix.__self__)
    tokenizer.infix_finditer = affixes.guarded(compile_infix_regex(infixes).finditer, ())
    if tokenizer.url_match is not None:
        tokenizer.url_match = affixes.guarded(tokenizer.url_match, None)
    default = nlp.tokenizer.token_match
    # Without a rule of the language's own (English, Italian), the emoji regex's own match: the
    # tokenizer calls it for every word it has not met (270,000 times on the real mix), and a
    # Python wrapper around it cost a frame each time.
    nlp.tokenizer.token_match = _EMOJI_SEQUENCE.match if default is None else _TokenMatch(default)


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


# Word attributes computed whatever the patterns: the language (Doc.lang_) and the lower case the
# phrase matchers compare. A check that reads another one from a token outside a matcher
# (token.is_stop, token.like_url...) must add it here, or it reads False/empty on blank pipelines.
ENGINE_ATTRS = ("LANG", "LOWER")
# Pattern keys read from the token or the text itself, not from a word attribute.
_NO_GETTER = frozenset({"TEXT", "ORTH", "OP", "_", "IS_SENT_START", "SENT_START", "LENGTH"})


def keep_lex_attrs(nlp: Language, patterns: Iterable[Any]) -> None:
    """Compute only the word attributes the policy's matchers read, for every new word.

    Why: a blank pipeline runs 23 getters on each word it has not met (lower case, norm, shape,
    prefix, suffix, 18 flags) and stores their strings: on real text, 2.6 s of a 20 s audit and a
    third of the string store, redone after every memory zone. brandguard reads a word's
    attributes only through its matchers: the phrase matchers compare ``LOWER`` or ``ORTH``, token
    patterns name theirs (``LIKE_NUM``, ``IS_PUNCT``...); a token's text and offsets need none.
    An attribute not kept reads as empty (flags False), so this is only for blank pipelines and
    keeps every getter a pattern names (a key it does not know keeps them all).
    """
    from spacy.attrs import IDS

    getters = nlp.vocab.lex_attr_getters
    wanted = {IDS[name] for name in ENGINE_ATTRS}
    for pattern in patterns:
        for token in pattern:
            for key in token:
                name = str(key).upper()
                if name in _NO_GETTER:
                    continue
                if name not in IDS:
                    return  # a key this function does not know: keep everything
                wanted.add(IDS[name])
    nlp.vocab.lex_attr_getters = {k: v for k, v in getters.items() if k in wanted}
