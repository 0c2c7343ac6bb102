"""Where posts come from: files and directories, stdin, and CSV/JSONL exports (one post a row).

Everything is a generator, so an audit of a million rows holds one batch in memory. A file or row
that cannot be read becomes a PostResult carrying a BG003 finding: the run names it and goes on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..model import Finding, PostResult, Score
from .document import Post
from .formats import FORMAT_BY_SUFFIX, parse

EXPORT_SUFFIXES = (".csv", ".jsonl", ".ndjson")
SKIP_DIRS = frozenset(
    {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", "site-packages"}
)


def unreadable(post_id: str, path: str | None, message: str) -> PostResult:
    finding = Finding("BG003", "unreadable-post", "meta", "error", 1, 1, 1, 1, 0, 0, "", message)
    score = Score(0.0, {}, {}, 0, False, 0.0, ("BG003",))
    return PostResult(post_id, path, (finding,), score, error=message)


def iter_files(
    paths: Iterable[str], include_exports: bool = False, seen: set[Path] | None = None
) -> Iterator[Path]:
    """Expand directories (sorted, recursive) into checkable files; explicit files pass as given.

    A file reached twice (``posts/`` and ``posts/a.md``) is yielded once per ``seen`` set.
    """
    suffixes = set(FORMAT_BY_SUFFIX) | (set(EXPORT_SUFFIXES) if include_exports else set())
    seen = set() if seen is None else seen
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (
                child
                for child in sorted(path.rglob("*"))
                if child.is_file()
                and child.suffix.lower() in suffixes
                and not SKIP_DIRS.intersection(child.relative_to(path).parts[:-1])
            )
        else:
            found = iter((path,))
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def format_for(path: Path, default: str = "text") -> str:
    return FORMAT_BY_SUFFIX.get(path.suffix.lower(), default)


def read_file(path: Path, fmt: str | None = None) -> Post | PostResult:
    name = str(path)
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return unreadable(name, name, f"{name}: no such file")
    except IsADirectoryError:
        return unreadable(name, name, f"{name}: is a directory")
    except UnicodeDecodeError as exc:
        return unreadable(name, name, f"{name}: not UTF-8 text (byte {exc.start})")
    except OSError as exc:
        return unreadable(name, name, f"{name}: cannot read ({exc.strerror or exc})")
    return parse(source, fmt or format_for(path), name, name)


def read_stdin(filename: str | None, fmt: str | None = None) -> Post:
    data = sys.stdin.buffer.read().decode("utf-8-sig", errors="replace")
    name = filename or "-"
    return parse(data, fmt or format_for(Path(name)), name, name)


def _meta(row: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in skip and v not in (None, "")}


def _open_export(path: Path) -> Generator[PostResult, None, TextIO | None]:
    """Open an export for reading, or yield its BG003 result and return None."""
    try:
        return path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        name = str(path)
        yield unreadable(name, name, f"{name}: cannot read ({exc.strerror or exc})")
        return None


def iter_jsonl(path: Path, text_key: str, id_key: str, fmt: str) -> Iterator[Post | PostResult]:
    name = str(path)
    handle = yield from _open_export(path)
    if handle is None:
        return
    with handle:
        lineno = 0
        while True:
            try:
                line = handle.readline()
            except UnicodeDecodeError:
                yield unreadable(
                    f"{name}:{lineno + 1}",
                    name,
                    f"{name}: row {lineno + 1}: not UTF-8; skipped the rest",
                )
                return
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield unreadable(
                    f"{name}:{lineno}", name, f"{name}: row {lineno}: invalid JSON ({exc.msg})"
                )
                continue
            if not isinstance(row, dict) or not isinstance(row.get(text_key), str):
                yield unreadable(
                    str(row.get(id_key, f"{name}:{lineno}"))
                    if isinstance(row, dict)
                    else f"{name}:{lineno}",
                    name,
                    f"{name}: row {lineno}: no string '{text_key}' field",
                )
                continue
            post_id = str(row.get(id_key, lineno))
            yield parse(row[text_key], fmt, post_id, name, _meta(row, {text_key, id_key}))


def iter_csv(path: Path, text_key: str, id_key: str, fmt: str) -> Iterator[Post | PostResult]:
    name = str(path)
    handle = yield from _open_export(path)
    if handle is None:
        return
    with handle:
        reader = csv.DictReader(handle)
        try:
            if reader.fieldnames is None or text_key not in reader.fieldnames:
                yield unreadable(name, name, f"{name}: no '{text_key}' column (use --text-column)")
                return
            for index, row in enumerate(reader, start=1):
                if None in row or row.get(text_key) is None:
                    yield unreadable(
                        f"{name}:{index}", name, f"{name}: row {index}: wrong number of fields"
                    )
                    continue
                post_id = row.get(id_key) or str(index)
                yield parse(row[text_key], fmt, post_id, name, _meta(row, {text_key, id_key}))
        except (csv.Error, UnicodeDecodeError) as exc:
            yield unreadable(name, name, f"{name}: row {reader.line_num}: {exc}")


def iter_posts(
    paths: Iterable[str],
    *,
    text_key: str = "text",
    id_key: str = "id",
    row_format: str = "text",
    exports: bool = True,
    seen: set[Path] | None = None,
) -> Iterator[Post | PostResult]:
    """All posts behind ``paths`` in order; CSV/JSONL files give one post a row."""
    for path in iter_files(paths, include_exports=exports, seen=seen):
        suffix = path.suffix.lower()
        if exports and suffix in (".jsonl", ".ndjson"):
            yield from iter_jsonl(path, text_key, id_key, row_format)
        elif exports and suffix == ".csv":
            yield from iter_csv(path, text_key, id_key, row_format)
        else:
            yield read_file(path)
