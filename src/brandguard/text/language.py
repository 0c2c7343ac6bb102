"""A post's language: its metadata, else the policy's one language, else identification.

Identification first counts each language's function words (``function_words.py``), which
decides most posts plainly written in one language; the others go to py3langid.

Identification uses py3langid (langid.py's naive Bayes over byte n-grams, model shipped inside
the wheel: nothing is downloaded) restricted to the languages the policy covers. It is right on
all 386 English and Italian rows of writing_dev with 20+ words (benchmarks/langid.py). A text
shorter than ``MIN_WORDS`` keeps the policy's language unless the identifier is nearly certain.

Loading is the cost: py3langid decompresses a 4.5 MB xz model (about 0.5 s). The identifier,
restricted to the policy's languages, is therefore kept unpacked in the user cache
(``text/store.py``, with the DFA's row offsets precomputed: about 40 ms to load), and loaded
only when a post needs identifying.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .function_words import clear_language, covered

MIN_WORDS = 20
SHORT_CONFIDENCE = 0.995  # below MIN_WORDS, identification must be this sure to be trusted
# Identification reads the first 500 characters of text (blank runs, left by masked markup,
# squeezed): 70-odd words tell English from Italian, and its byte-by-byte walk is the cost.
SAMPLE_CHARS = 500
META_KEYS = ("language", "lang", "lingua")
NAMES = {
    "english": "en",
    "inglese": "en",
    "italian": "it",
    "italiano": "it",
}
_WORD = re.compile(r"[^\W\d_]{2,}")
_IDENTIFIERS: dict[tuple[str, ...], Any] = {}


def normalise(value: Any) -> str | None:
    """``it``, ``it-IT``, ``it_IT``, ``IT``, ``Italiano`` → ``it``; None when not a language."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    code = NAMES.get(code, code)
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def meta_language(meta: Mapping[str, Any]) -> str | None:
    """The language a post's front matter or export column states (``language``/``lang``)."""
    for key in META_KEYS:
        code = normalise(meta.get(key))
        if code:
            return code
    return None


def post_language(
    text: str, meta: Mapping[str, Any], languages: Sequence[str], fallback: str
) -> str:
    """The language a post is checked in.

    ``languages`` are those the policy covers (the first is its own); ``fallback`` the language
    of a text too short or too unclear to tell.
    """
    stated = meta_language(meta)
    if stated:
        return stated
    if len(languages) < 2:
        return fallback
    sample = " ".join(text[: SAMPLE_CHARS * 4].split())[:SAMPLE_CHARS]
    found_words = _WORD.findall(sample)
    words = len(found_words)
    if words < 3:
        return fallback
    if covered(languages):
        clear = clear_language(found_words, languages, fallback, MIN_WORDS)
        if clear is not None:
            return clear
    found, confidence = identify(sample, languages)
    if words < MIN_WORDS and confidence < SHORT_CONFIDENCE:
        return fallback
    return found


def identify(text: str, languages: Sequence[str]) -> tuple[str, float]:
    """The most likely of ``languages`` for ``text`` and its probability among them."""
    return _identifier(tuple(sorted(languages))).classify(text)


def _identifier(languages: tuple[str, ...]) -> Any:
    found = _IDENTIFIERS.get(languages)
    if found is None:
        found = _IDENTIFIERS[languages] = _load(languages)
    return found


def _load(languages: tuple[str, ...]) -> Any:
    """py3langid's identifier restricted to ``languages``, from the user cache when there."""
    import gc

    import numpy as np
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier, _load_model_file

    from . import store

    version = getattr(py3langid, "__version__", "") or _distribution_version()
    name = f"langid-{version}-{'-'.join(languages)}"
    state = store.read_object(f"{name}.obj")
    nextmove = _read_table(name, state)
    if nextmove is None or not (isinstance(state, tuple) and len(state) == 6):
        paused = gc.isenabled()
        gc.disable()  # unpacking makes ~100k small objects: see store.load for why this helps
        try:
            ptc, pc, classes, nextmove, row, output = _load_model_file(MODEL_DIR / MODEL_FILE)
        finally:
            if paused:
                gc.enable()
        unknown = set(languages) - set(classes)
        if unknown:
            from ..errors import ConfigError

            raise ConfigError(f"language identification does not know {sorted(unknown)}")
        keep = [i for i, code in enumerate(classes) if code in languages]
        rowbase = (np.asarray(row, dtype=np.int64) << 8).tolist()
        state = (
            np.ascontiguousarray(np.asarray(ptc)[:, keep]),
            np.asarray(pc)[keep],
            [classes[i] for i in keep],
            (nextmove.typecode, len(nextmove)),
            (row, output),
            rowbase,
        )
        _write_table(name, nextmove)
        store.write_object(f"{name}.obj", state)
    ptc, pc, classes, _, (row, output), rowbase = state
    if "_rowbase" not in getattr(LanguageIdentifier, "__slots__", ()):
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    # The DFA's row offsets, computed once and cached: __init__ spends ~45 ms rebuilding them.
    identifier = LanguageIdentifier(
        ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row[:0]
    )
    identifier.tk_row = row
    identifier._rowbase = rowbase
    return identifier


def _read_table(name: str, state: Any) -> Any:
    """The DFA's transition table (39 MB of integers), memory-mapped from the cache, or None.

    Why a raw file beside the pickle: unpickling it copied 39 MB twice; mapped, only the pages a
    post's bytes walk through are read. It is data, not a pickle, and its size is checked.
    """
    import mmap
    from array import array

    from . import store

    path = store.file_path(f"{name}.table")
    if path is None or not (isinstance(state, tuple) and len(state) == 6):
        return None
    try:
        typecode, length = state[3]
        if not store.trusted_file(path) or path.stat().st_size != length * array(typecode).itemsize:
            return None
        with open(path, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return memoryview(mapped).cast(typecode)  # the view keeps the mapping alive
    except (OSError, ValueError, TypeError):
        return None


def _write_table(name: str, table: Any) -> None:
    from . import store

    path = store.file_path(f"{name}.table")
    if path is not None:
        try:
            store.write_atomic(path, table.tobytes())
        except OSError:
            pass


def _distribution_version() -> str:
    from importlib.metadata import version

    return version("py3langid")
