"""``audit``'s result cache: a post checked once under a policy is not checked again.

Why: content teams re-audit the same export after each policy tweak or each week's new rows;
most rows have not changed. A post's entry is keyed by a SHA-256 of the *context* (the
compiled-policy hash, which covers the policy files, ``--select``/``--ignore`` and brandguard's
code and version: ``compile/cache.py``) and of what the checker reads of the post: its raw text,
how it is parsed (``--row-format`` or the file's format) and its row metadata (every other
column, since ``when: meta`` and the disclosure checks may read any of them). The id and path
are not part of the key: they are stamped back on the result, so a post that moved keeps its
entry. What an entry holds, in the form the writers need, is ``result_codec.py``'s job. Each
chunk of posts is looked up with one query.

The file is SQLite in WAL mode with a busy timeout, so concurrent audits share it safely; results
are committed every ``COMMIT_EVERY`` posts as they are produced, so an interrupted audit resumes
where it stopped. A file that is not a readable cache is deleted and rebuilt with a warning (one
of an older brandguard is emptied without one). A
result with a regex timeout (BG005) is not kept: the next run tries again. Entries of the least
recently used contexts beyond ``KEEP_CONTEXTS`` are dropped when the cache is opened.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import PostResult
from ..text.document import Post
from .memory import CHUNK, chunks
from .result_codec import DAMAGED, CachedResult, encode, record_body

SCHEMA = "brandguard-results 4"
FILE_NAME = "results.sqlite3"
COMMIT_EVERY = CHUNK
KEEP_CONTEXTS = 8
_OURS = "brandguard-results "  # an older schema of ours is emptied quietly, not called damaged
Warn = Callable[[str], None]


def post_key(context: bytes, item: Any) -> bytes | None:
    """The cache key of a raw row (``parse`` arguments) or a Post; None for a PostResult."""
    if isinstance(item, tuple):
        text, fmt, meta = item[0], item[1], item[4]
    elif isinstance(item, Post):
        text, fmt, meta = item.source, item.format, {}
    else:
        return None
    digest = hashlib.sha256(context)
    digest.update(fmt.encode())
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    if meta:
        digest.update(b"\0")
        digest.update(json.dumps(meta, sort_keys=True, default=str).encode())
    return digest.digest()[:20]


def _identity(item: Any) -> tuple[str, str | None, str]:
    if isinstance(item, tuple):
        return item[2], item[3], item[0]
    return item.id, item.path, item.source


def _decoded(blob: bytes, item: Any) -> CachedResult | None:
    """A cached result, or None when the entry is damaged (it is checked and stored again)."""
    try:
        return CachedResult.load(blob, *_identity(item))
    except DAMAGED:
        return None


def cacheable(result: PostResult) -> bool:
    """Not unreadable, no regex timeout. A CachedResult is: entries are only made of such
    results (here, and by the workers of ``--jobs``), and its findings stay undecoded."""
    if isinstance(result, CachedResult):
        return True
    return not result.error and not any(f.rule_id == "BG005" for f in result.findings)


class ResultCache:
    """One SQLite file of results; ``open`` never raises on a damaged file, it rebuilds it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, context: str, warn: Warn) -> None:
        self.conn: sqlite3.Connection | _Closed = conn
        self._ctx_id = int(
            conn.execute("SELECT id FROM contexts WHERE digest = ?", (context,)).fetchone()[0]
        )
        self.path = path
        self.context = context.encode()
        self.warn = warn
        self.hits = 0
        self.misses = 0
        self._pending: list[tuple[bytes, bytes]] = []

    @classmethod
    def open(cls, path: Path, context: str, warn: Warn) -> ResultCache | None:
        """The cache at ``path`` for ``context``; None (after a warning) if it cannot be used."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(_connect(path, context), path, context, warn)
        except sqlite3.OperationalError as exc:  # locked past the timeout, unwritable: not damage
            warn(f"result cache {path} cannot be used ({exc}); not caching")
            return None
        except sqlite3.DatabaseError as exc:
            warn(f"result cache {path} is damaged ({exc}); rebuilding it")
        except OSError as exc:
            warn(f"result cache {path} cannot be used ({exc.strerror or exc}); not caching")
            return None
        _remove(path)
        try:
            return cls(_connect(path, context), path, context, warn)
        except (sqlite3.Error, OSError) as exc:
            warn(f"result cache {path} cannot be rebuilt ({exc}); not caching")
            return None

    def lookup(self, keys: list[bytes]) -> dict[bytes, bytes]:
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        try:
            rows = self.conn.execute(
                f"SELECT key, data FROM results WHERE key IN ({marks})", keys
            ).fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return dict(rows)

    def put(self, key: bytes, result: PostResult, body: str | None = None) -> None:
        self._pending.append((key, encode(result, body)))
        if len(self._pending) >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        if not self._pending or isinstance(self.conn, _Closed):
            return
        rows, self._pending = self._pending, []
        try:
            with self.conn:
                # One transaction for the batch: the connection is in autocommit mode
                # (isolation_level=None), where each row was its own transaction, with its own
                # WAL frames and wal-index update (19,035 rows of the real mix: 0.34 s of CPU,
                # 1.4 s of wall time, against 0.13 s and 0.37 s in one transaction a batch).
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.executemany(
                    "INSERT OR REPLACE INTO results (key, ctx, data) VALUES (?, ?, ?)",
                    [(key, self._ctx_id, data) for key, data in rows],
                )
        except sqlite3.Error as exc:
            self._fail(exc)

    def _fail(self, exc: sqlite3.Error) -> None:
        """A cache that breaks mid-run: warn, stop using it, and delete it for the next run."""
        if isinstance(self.conn, _Closed):
            return
        self.warn(f"result cache {self.path} failed ({exc}); it will be rebuilt next run")
        conn, self.conn = self.conn, _Closed()
        self._pending = []
        try:
            conn.close()
        except sqlite3.Error:
            pass
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            _remove(self.path)

    def close(self) -> None:
        """Commit what is pending and let the file go."""
        self.commit()
        if isinstance(self.conn, _Closed):
            return
        conn, self.conn = self.conn, _Closed()
        try:
            conn.close()
        except sqlite3.Error:
            pass


class _Closed:
    """Stands in for the connection once the cache is given up: every use fails quietly."""

    def execute(self, *args: Any) -> Any:
        raise sqlite3.OperationalError("the result cache is closed")

    executemany = execute

    def __enter__(self) -> _Closed:
        raise sqlite3.OperationalError("the result cache is closed")

    def __exit__(self, *args: Any) -> None:
        return None


def _connect(path: Path, context: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT)")
        row = conn.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
        if row is not None and row[0] != SCHEMA and str(row[0]).startswith(_OURS):
            conn.execute("DROP TABLE IF EXISTS results")  # an older brandguard's entries
            conn.execute("DROP TABLE IF EXISTS contexts")
            conn.execute("UPDATE meta SET v = ? WHERE k = 'schema'", (SCHEMA,))
        elif row is None:
            conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
        elif row[0] != SCHEMA:
            raise sqlite3.DatabaseError(f"not a {SCHEMA!r} file ({row[0]!r})")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS contexts "
            "(id INTEGER PRIMARY KEY, digest TEXT UNIQUE NOT NULL, used REAL NOT NULL)"
        )
        conn.execute(
            # A rowid table: entries of 1-3 KB spill out of a WITHOUT ROWID tree's pages, and
            # looking keys up in its own index is twice as fast (and the file a third smaller).
            "CREATE TABLE IF NOT EXISTS results "
            "(key BLOB PRIMARY KEY, ctx INTEGER NOT NULL, data BLOB NOT NULL)"
        )
        conn.execute(
            "INSERT INTO contexts (digest, used) VALUES (?, ?) "
            "ON CONFLICT(digest) DO UPDATE SET used = excluded.used",
            (context, time.time()),
        )
        stale = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM contexts ORDER BY used DESC LIMIT -1 OFFSET ?", (KEEP_CONTEXTS,)
            )
        ]
        for ctx in stale:
            conn.execute("DELETE FROM results WHERE ctx = ?", (ctx,))
            conn.execute("DELETE FROM contexts WHERE id = ?", (ctx,))
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        raise
    return conn


def _remove(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        try:
            (path.parent / name).unlink()
        except OSError:
            pass


def through_cache(
    cache: ResultCache,
    items: Iterable[Any],
    check: Callable[[Iterable[Any]], Iterator[PostResult]],
) -> Iterator[PostResult]:
    """Every item's result in input order: cached ones read back, the others from ``check``
    (which must yield one result per item, in order, passing PostResults through) and stored."""
    expected: deque[bytes | None] = deque()

    def marked() -> Iterator[Any]:
        for chunk in chunks(items):
            keys = [post_key(cache.context, item) for item in chunk]
            # The results stored so far first: one checker's earlier chunks are all back by
            # now, so a post repeated there is read, not checked again (121 of the real mix's
            # 644 repeats were checked twice while their first result waited for its commit).
            cache.commit()
            found = cache.lookup([k for k in keys if k is not None])
            for item, key in zip(chunk, keys, strict=True):
                blob = found.get(key) if key is not None else None
                hit = _decoded(blob, item) if blob is not None else None
                if hit is not None:
                    expected.append(None)
                    cache.hits += 1
                    yield hit
                else:
                    expected.append(key)
                    yield item

    try:
        for result in check(marked()):
            key = expected.popleft()
            if key is not None:
                cache.misses += 1
                if cacheable(result):
                    if not isinstance(result, CachedResult):  # a worker's is rendered already
                        # rendered once: stored, and written from here
                        result = CachedResult.of(result, record_body(result))
                    cache.put(key, result, result.record)
            yield result
    finally:
        cache.close()
