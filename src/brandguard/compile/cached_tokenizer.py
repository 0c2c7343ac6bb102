"""The tokenizer as it crosses the compiled-policy cache: quick to load, the same tokens.

Why: unpickling a spaCy ``Tokenizer`` costs about 110 ms for English, two thirds of a warm
``brandguard check one.md``. It recompiles the affix and URL regexes (about 45 ms) and re-adds
1,347 special cases (about 70 ms: "don't", "a.m.", ":)" ...) that a short post hardly uses.

Here the regexes travel as compiled programs (frozen_regex.py) and the special cases are added
only when the text about to be tokenized contains their key. A special case can only apply to
text that contains its exact string, so the tokens are the same as with all of them loaded
(tests/test_cached_tokenizer.py compares both on every bundled sample and rule example). Scanning
costs about 1 µs per character, so once ``SCAN_LIMIT`` characters have gone through, the rest
are loaded at once: an audit of thousands of posts pays the full load once, not a scan per post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .frozen_regex import freeze, thaw

SCAN_LIMIT = 30_000  # characters; about 25 ms of scanning, a third of loading every case


class CachedTokenizer:
    """A spaCy tokenizer whose special cases may still be waiting to be added."""

    def __init__(self, tokenizer: Any, pending: dict[str, list[dict[Any, str]]] | None = None):
        self.tokenizer = tokenizer
        self._pending = dict(pending or {})
        self._scanned = 0

    @property
    def pending(self) -> int:
        """How many special cases are not loaded yet (for tests and benchmarks)."""
        return len(self._pending)

    def load_all(self) -> None:
        """Add every waiting special case now (before a memory zone: engine/memory.py)."""
        if self._pending:
            self.tokenizer.rules = {**self.tokenizer.rules, **self._pending}
            self._pending.clear()

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Any]:
        """Docs for ``texts``, each tokenized with every special case its text could use."""
        if self._pending:
            texts = self._with_special_cases(texts)
        return self.tokenizer.pipe(texts, batch_size=batch_size)

    def _with_special_cases(self, texts: Iterable[str]) -> Iterator[str]:
        # Tokenizer.pipe tokenizes each text as soon as it is yielded, so adding the cases here,
        # just before the yield, is in time for that text.
        for text in texts:
            if self._pending:
                self._load_for(text)
            yield text

    def _load_for(self, text: str) -> None:
        self._scanned += len(text)
        if self._scanned > SCAN_LIMIT:
            self.load_all()
            return
        for key in [key for key in self._pending if key in text]:
            self.tokenizer.add_special_case(key, self._pending.pop(key))

    def __reduce__(self) -> tuple[Any, ...]:
        tok = self.tokenizer
        return (
            _rebuild,
            (
                tok.vocab,
                {**tok.rules, **self._pending},
                _freeze_method(tok.prefix_search),
                _freeze_method(tok.suffix_search),
                _freeze_method(tok.infix_finditer),
                _freeze_method(tok.token_match),
                _freeze_method(tok.url_match),
            ),
        )


def _freeze_method(method: Any) -> Any:
    """A bound method of a compiled regex (how spaCy stores affix rules) as (frozen, name)."""
    owner = getattr(method, "__self__", None)
    if isinstance(owner, re.Pattern):
        return ("frozen-regex", freeze(owner), method.__name__)
    return method


def _thaw_method(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 3 and value[0] == "frozen-regex":
        return getattr(thaw(value[1]), value[2])
    return value


def _rebuild(
    vocab: Any,
    rules: dict[str, list[dict[Any, str]]],
    prefix_search: Any,
    suffix_search: Any,
    infix_finditer: Any,
    token_match: Any,
    url_match: Any,
) -> CachedTokenizer:
    from spacy.tokenizer import Tokenizer

    tokenizer = Tokenizer(
        vocab,
        rules=None,
        prefix_search=_thaw_method(prefix_search),
        suffix_search=_thaw_method(suffix_search),
        infix_finditer=_thaw_method(infix_finditer),
        token_match=_thaw_method(token_match),
        url_match=_thaw_method(url_match),
    )
    return CachedTokenizer(tokenizer, pending=rules)
