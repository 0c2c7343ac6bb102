"""Audits in memory zones: spaCy's string store does not grow with the corpus.

Why: a blank pipeline keeps every string it ever met (the word, its lower case, its shape...)
and a lexeme for each word, so an audit of varied posts grew by hundreds of megabytes (issue 12:
8k real posts 360 MB, 33k 579 MB). spaCy 3.8's memory zones free everything a zone created when
it closes. Audits check their rows in chunks (``CHUNK`` posts); each chunk is tokenized, checked
and turned into PostResults (plain strings and numbers) inside one zone, and nothing spaCy made
leaves it.

A zone also stops the tokenizer from caching how it split a word, so words met often would be
split again in every chunk. The first chunks therefore run outside a zone until the string store
has grown by ``WARM_STRINGS``: the common words of the export stay known and cached, a small
audit is checked exactly as before, and only the long tail is freed chunk after chunk. Before
the first zone the tokenizer's lazily added special cases (``cached_tokenizer.py``) are all
loaded: one added inside a zone would point at strings the zone frees.

The warm-up is sized so that zones start early on real text: with ``WARM_STRINGS`` at 100,000 a
33,000-post audit never reached it, kept every word it met and grew with the corpus (issue 12).
At 30,000 (about 3,000 real posts) the string store stays flat after that, and the common words
met so far stay known, their splits cached (the tokenizer caches up to ``CACHED_CHUNKS``, spaCy's
default being 10,000). Later words are split again in every chunk, which with the few word
attributes a policy needs (``compile/pipeline.py``: keep_lex_attrs) costs no measurable time:
the real mix took 20.6 s CPU with either warm-up.

``BRANDGUARD_MEMORY_ZONES=0`` turns zones off (to compare memory; the outputs are the same,
tests/test_result_cache.py checks it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, nullcontext
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..model import PostResult
from ..text.formats import parse

if TYPE_CHECKING:
    from ..compile.compiler import CompiledPolicy

CHUNK = 250  # rows a chunk: one zone, and one task for a worker process (parallel.py)
WARM_STRINGS = 30_000  # new strings kept for good before zones start (about 3,000 real posts)
CACHED_CHUNKS = 100_000  # chunks whose split the tokenizer remembers (spaCy's default: 10,000)
ENV = "BRANDGUARD_MEMORY_ZONES"
_BASE: dict[int, tuple[CompiledPolicy, int]] = {}  # compiled policy -> string count at first use


class LazyCompiled:
    """The compiled policy, loaded on first use: a re-audit answered from the cache skips
    importing spaCy and unpickling the policy (about a second)."""

    def __init__(self, load: Callable[[], CompiledPolicy]) -> None:
        self._load = load
        self._compiled: CompiledPolicy | None = None

    def get(self) -> CompiledPolicy:
        if self._compiled is None:
            self._compiled = self._load()
        return self._compiled


def resolve(compiled: CompiledPolicy | LazyCompiled) -> CompiledPolicy:
    return compiled.get() if isinstance(compiled, LazyCompiled) else compiled


def zones_enabled() -> bool:
    return os.environ.get(ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def _vocab(compiled: CompiledPolicy) -> Any:
    if compiled.nlp is not None:
        return compiled.nlp.vocab
    assert compiled.tokenizer is not None
    return compiled.tokenizer.tokenizer.vocab


def _remember_more(compiled: CompiledPolicy) -> None:
    """Let the tokenizer cache ``CACHED_CHUNKS`` splits (it caches only outside zones)."""
    tokenizer = compiled.nlp.tokenizer if compiled.nlp is not None else None
    if tokenizer is None and compiled.tokenizer is not None:
        tokenizer = compiled.tokenizer.tokenizer
    if tokenizer is not None and tokenizer.max_cache_size < CACHED_CHUNKS:
        tokenizer.max_cache_size = CACHED_CHUNKS


def _compiled_in_use(router: Any) -> list[CompiledPolicy]:
    """The compiled policies a router has loaded (a PolicyTree: one per config file), with the
    language variants already compiled: each has its own vocabulary."""
    found = router.compiled() if hasattr(router, "compiled") else [router]
    out: list[CompiledPolicy] = []
    for compiled in found:
        out.append(compiled)
        out.extend(v for v in getattr(compiled, "variants", {}).values() if hasattr(v, "checks"))
    return out


def zone(router: Any) -> AbstractContextManager[Any]:
    """Memory zones for one chunk over every vocabulary in use, or none while a vocabulary is
    still learning the common words."""
    in_use = _compiled_in_use(router)
    for compiled in in_use:
        _remember_more(compiled)
    if not zones_enabled():
        return nullcontext()
    stack = ExitStack()
    for compiled in in_use:
        stack.enter_context(_zone(compiled))
    return stack


def _zone(compiled: CompiledPolicy) -> AbstractContextManager[Any]:
    vocab = _vocab(compiled)
    if vocab.in_memory_zone:  # zones do not nest
        return nullcontext()
    entry = _BASE.get(id(compiled))
    if entry is None or entry[0] is not compiled:
        if len(_BASE) > 32:
            _BASE.clear()
        entry = _BASE[id(compiled)] = (compiled, len(vocab.strings))
    if len(vocab.strings) - entry[1] < WARM_STRINGS:
        return nullcontext()
    if compiled.tokenizer is not None:
        compiled.tokenizer.load_all()
    if compiled.nlp is not None:
        return compiled.nlp.memory_zone()
    return vocab.memory_zone()


def warm(router: Any) -> None:
    """Do before forking (``parallel.py``) what every worker would otherwise do on its first
    chunk: import the check modules and add the tokenizer's waiting special cases
    (``cached_tokenizer.py``; an audit of more than one chunk scans past ``SCAN_LIMIT`` and
    loads them all anyway). Forked workers inherit the result instead of each paying for it."""
    from . import check  # noqa: F401  (imported for its side effect: the modules loaded)

    for compiled in _compiled_in_use(router):
        if compiled.tokenizer is not None:
            compiled.tokenizer.load_all()


def check_chunk(compiled: CompiledPolicy | LazyCompiled, chunk: list[Any]) -> list[PostResult]:
    """Results of raw rows (``parse`` arguments), Posts and PostResults, in one memory zone."""
    if all(isinstance(item, PostResult) for item in chunk):
        return chunk  # unreadable rows and cached results: no policy needed
    from .check import check_posts  # here: a run answered from the result cache never needs it

    policy = resolve(compiled)
    posts = [parse(*item) if isinstance(item, tuple) else item for item in chunk]
    with zone(policy):
        return list(check_posts(policy, posts, batch_size=256))


def chunks(items: Iterable[Any], size: int | None = None) -> Iterator[list[Any]]:
    rows = iter(items)
    size = size or CHUNK
    while chunk := list(islice(rows, size)):
        yield chunk


def check_stream(
    compiled: CompiledPolicy | LazyCompiled, items: Iterable[Any]
) -> Iterator[PostResult]:
    """One process: every item's result in input order, chunk by chunk."""
    for chunk in chunks(items):
        yield from check_chunk(compiled, chunk)
