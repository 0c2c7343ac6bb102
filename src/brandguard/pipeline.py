"""The spaCy pipeline: a blank language with tokenizer fixes for social posts, or a trained one.

Blank pipelines are the default (no model download is possible or needed). The tokenizer keeps
``#hashtags``, ``@mentions`` and emoji sequences whole; Italian elisions split after the apostrophe
("l'", "azienda") as spaCy does, which is what phrase patterns expect. A line break starts a new
sentence when it separates blocks (a blank line, a list item, a heading, a capitalised line):
posts rarely end every line with a full stop.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

_EMOJI_SEQUENCE = re.compile(
    "^(?:[\U0001f1e6-\U0001f1ff]{2}|[\U0001f300-\U0001faff\u2600-\u27bf]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f300-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*)+$"
)
_LIST_MARKER = re.compile(r"^(?:[-*+>#•]|\d+[.)])$")


@Language.component("brandguard_line_breaks")
def line_breaks(doc: Any) -> Any:
    """Start a sentence after a line break that separates blocks."""
    text = doc.text
    if "\n" not in text:
        return doc
    from numpy import searchsorted

    starts = doc.to_array("IDX")
    n = len(doc)
    seen = -1
    position = text.find("\n")
    while position != -1:
        i = int(searchsorted(starts, position, side="right")) - 1
        if i != seen and i + 1 < n:
            seen = i
            tok, nxt = doc[i], doc[i + 1]
            if tok.is_space and (
                tok.text.count("\n") > 1
                or not nxt.text[:1].islower()
                or _LIST_MARKER.match(nxt.text)
            ):
                nxt.is_sent_start = True
        position = text.find("\n", position + 1)
    return doc


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
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("brandguard_line_breaks")
    return nlp, False
