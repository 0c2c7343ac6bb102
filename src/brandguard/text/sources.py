"""Where posts come from: files and directories, stdin, and CSV/JSONL exports (one post a row).

Everything is a generator, so an audit of a million rows holds one batch in memory. A file or row
that cannot be read becomes a PostResult carrying a BG003 finding: the run names it and goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import PostResult
from .document import Post
from .exports import MAX_POST_BYTES, Columns, ExportOptions, iter_export, unreadable
from .formats import FORMAT_BY_SUFFIX, parse

EXPORT_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")
EXPORT_KINDS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
SKIP_DIRS = frozenset(
    {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", "site-packages"}
)


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


def read_file(
    path: Path, fmt: str | None = None, max_bytes: int = MAX_POST_BYTES
) -> Post | PostResult:
    name = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            message = f"{name}: larger than {max_bytes:,} bytes (--max-post-size); not checked"
            return unreadable(name, name, message)
        source = data.decode("utf-8-sig")
    except FileNotFoundError:
        return unreadable(name, name, f"{name}: no such file")
    except IsADirectoryError:
        return unreadable(name, name, f"{name}: is a directory")
    except UnicodeDecodeError as exc:
        return unreadable(name, name, f"{name}: not UTF-8 text (byte {exc.start})")
    except OSError as exc:
        return unreadable(name, name, f"{name}: cannot read ({exc.strerror or exc})")
    return parse(source, fmt or format_for(path), name, name)


def iter_posts(
    paths: Iterable[str],
    *,
    text_key: str = "text",
    id_key: str = "id",
    row_format: str = "text",
    exports: bool = True,
    seen: set[Path] | None = None,
    options: ExportOptions | None = None,
    columns: Columns | None = None,
) -> Iterator[Post | PostResult]:
    """All posts behind ``paths`` in order; CSV/JSONL files give one post a row.

    With ``exports``, ``-`` is stdin, and a file whose suffix names no format (``/dev/fd/63``) is
    read by its content (or as ``options.input_format`` says). ``columns`` (if given) receives one
    dict per post: the row's other columns, ``{}`` for whole files.
    """
    if options is None:
        options = ExportOptions(text_key, id_key, row_format)
    forced = options.input_format if options.input_format != "auto" else None
    for raw in paths:
        if exports and raw == "-":
            yield from iter_export("-", sys.stdin.buffer, forced or "auto", options, columns)
            continue
        for path in iter_files([raw], include_exports=exports, seen=seen):
            suffix = path.suffix.lower()
            kind = forced or EXPORT_KINDS.get(suffix)
            if exports and kind is None and suffix not in FORMAT_BY_SUFFIX:
                kind = "auto"
            if not exports or kind is None:
                if columns is not None:
                    columns.append({})
                yield read_file(path, max_bytes=options.max_bytes)
                continue
            name = str(path)
            try:
                stream = path.open("rb")
            except OSError as exc:
                if columns is not None:
                    columns.append({})
                reason = (
                    "no such file"
                    if isinstance(exc, FileNotFoundError)
                    else (f"cannot read ({exc.strerror or exc})")
                )
                yield unreadable(name, name, f"{name}: {reason}")
                continue
            yield from iter_export(name, stream, kind, options, columns, format_for(path))
