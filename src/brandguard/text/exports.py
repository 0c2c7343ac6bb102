"""CSV and JSON Lines exports, one post a row, every row on its own.

A row that cannot be decoded, parsed or used becomes one BG003 result naming its line in the file;
the rows after it are still read. CSV dialects are sniffed (comma, semicolon, tab, pipe; Excel's
``sep=`` line), quoted newlines are kept, a malformed record that ran over several lines (an
unclosed quote) is reported at its first line and the lines after it are read again. Every column
other than the text and the id is handed to ``columns`` (a list the caller drains) in row order,
so audits can write them back beside the scores.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, MutableSequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..model import MAX_POST_BYTES, Finding, PostResult, Score
from .decoding import bad_byte, detect_encoding, read_sample, text_stream
from .document import Post
from .formats import parse

DELIMITERS = (",", ";", "\t", "|")
_LONGER = "longer than"
FIELD_LIMIT = (
    1 << 24
)  # characters in one CSV field; a longer one is a bad row (memory stays bounded)
Columns = MutableSequence[dict[str, Any]]  # one dict a post, appended in order
SHOWN = {
    "utf-8": "UTF-8",
    "utf8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
}


@dataclass(frozen=True)
class ExportOptions:
    text_key: str = "text"
    id_key: str = "id"
    row_format: str = "text"
    encoding: str | None = None  # None: detect per file
    delimiter: str | None = None  # None: sniff per file
    input_format: str = "auto"  # auto (by suffix, else by content), csv, jsonl
    raw: bool = False  # yield rows as parse()'s arguments, for worker processes to parse
    max_bytes: int = MAX_POST_BYTES  # a longer row (in characters) is one BG003 result


def _post(options: ExportOptions, text: str, post_id: str, name: str, meta: dict[str, Any]) -> Any:
    args = (text, options.row_format, post_id, name, meta)
    return args if options.raw else parse(*args)


def unreadable(post_id: str, path: str | None, message: str) -> PostResult:
    finding = Finding("BG003", "unreadable-post", "meta", "error", 1, 1, 1, 1, 0, 0, "", message)
    score = Score(0.0, {}, {}, 0, False, 0.0, ("BG003",))
    return PostResult(post_id, path, (finding,), score, error=message)


_unreadable = unreadable


def _bad_bytes(name: str, where: str, encoding: str, text: str) -> str | None:
    found = bad_byte(text)
    if found is None:
        return None
    index, value = found
    column = index - text.rfind("\n", 0, index)
    return f"{name}: {where}: not {encoding} text (byte 0x{value:02X} at column {column})"


def sniff_format(sample_text: str, options: ExportOptions) -> str:
    """csv, jsonl or post (one whole post) from the first bytes of a file without a known suffix."""
    head = sample_text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "jsonl"
    delimiter, header = sniff_delimiter(sample_text, options.text_key)
    return "csv" if options.text_key in header else "post"


def _records(sample_text: str, delimiter: str) -> list[list[str]]:
    try:
        reader = csv.reader(io.StringIO(sample_text, newline=""), delimiter=delimiter)
        records = []
        for record in reader:
            records.append(record)
            if len(records) > 50:
                break
        return records
    except csv.Error:
        return []


def sniff_delimiter(sample_text: str, text_key: str) -> tuple[str, list[str]]:
    """The delimiter that gives a header with the text column and rows as wide as the header."""
    first = sample_text.split("\n", 1)[0].strip("\r\ufeff")
    if first.startswith("sep=") and len(first) == 5:  # Excel's own hint
        return first[4], next(iter(_records(sample_text.split("\n", 1)[-1], first[4])), [])
    best: tuple[Any, ...] = ()
    for delimiter in DELIMITERS:
        records = [r for r in _records(sample_text, delimiter) if r]
        if not records:
            continue
        header, rows = records[0], records[1:-1] or records[1:]
        even = sum(len(r) == len(header) for r in rows) / len(rows) if rows else 1.0
        rank = (text_key in header, len(header) > 1 and even, len(header), delimiter)
        if not best or rank[:3] > best[0][:3]:
            best = (rank, delimiter, header)
    return (best[1], best[2]) if best else (",", [])


class _Lines:
    """The lines of a text stream, numbered, with the lines of the current record kept for re-reading."""

    def __init__(self, handle: Any, first_line: int = 1, limit: int = MAX_POST_BYTES) -> None:
        self.handle = handle
        self.limit = limit
        self.back: list[tuple[int, str]] = []
        self.taken: list[tuple[int, str]] = []
        self.next_number = first_line
        self.exhausted = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.back:
            item = self.back.pop()
        else:
            line = self.handle.readline(self.limit + 1)
            if not line:
                self.exhausted = True
                raise StopIteration
            item = (self.next_number, line)
            self.next_number += 1
            if _too_long(line, self.limit, self.handle):
                self.taken.append((item[0], ""))
                raise csv.Error(f"{_LONGER} {self.limit:,} characters")
        self.taken.append(item)
        return item[1]

    def reread_after_first(self) -> None:
        """Read the current record's lines again from its second line on."""
        self.back.extend(reversed(self.taken[1:]))


def _too_long(line: str, limit: int, handle: Any) -> bool:
    """Whether ``line`` (read with ``readline(limit + 1)``) was cut; its rest is skipped."""
    if len(line) <= limit or line.endswith("\n"):
        return False
    while True:
        rest = handle.readline(1 << 20)
        if not rest or rest.endswith("\n"):
            return True


def _unclosed(raw: str, delimiter: str) -> bool:
    try:
        for _ in csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _header(name: str, header: list[str], options: ExportOptions) -> tuple[list[str], str | None]:
    """Column names (duplicates of other columns renamed ``name.2``) or the reason to give up."""
    positions = [i + 1 for i, column in enumerate(header) if column == options.text_key]
    if not positions:
        shown = ", ".join(repr(c) for c in header[:12])
        return header, (
            f"{name}: no '{options.text_key}' column (columns: {shown}; use --text-column, "
            "--delimiter)"
        )
    if len(positions) > 1:
        where = ", ".join(map(str, positions))
        return header, (
            f"{name}: column '{options.text_key}' appears {len(positions)} times "
            f"(columns {where}); rename all but one"
        )
    names: list[str] = []
    for column in header:
        unique, n = column, 1
        while unique in names:
            n += 1
            unique = f"{column}.{n}"
        names.append(unique)
    return names, None


def iter_csv(
    name: str, handle: Any, delimiter: str, options: ExportOptions, columns: Columns | None
) -> Iterator[Post | PostResult]:
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    lines = _Lines(handle, limit=options.max_bytes)
    first = handle.readline(options.max_bytes + 1)
    if _too_long(first, options.max_bytes, handle):
        if columns is not None:
            columns.append({})
        yield _unreadable(name, name, f"{name}: header: {_LONGER} {options.max_bytes:,} characters")
        return
    if first.strip("\r\n\ufeff").startswith("sep=") and len(first.strip("\r\n\ufeff")) == 5:
        lines.next_number = 2
    elif first:
        lines.back.append((1, first))
        lines.next_number = 2

    def reader() -> Iterator[list[str]]:
        return csv.reader(lines, delimiter=delimiter)

    def bad(line: int, message: str) -> PostResult:
        if columns is not None:
            columns.append({})
        return _unreadable(f"{name}:{line}", name, f"{name}: line {line}: {message}")

    rows = reader()
    try:
        header_record = next(rows, None)
    except csv.Error as exc:  # a header longer than --max-post-size
        header_record, problem = [], f"{name}: header: {exc}"
    else:
        if header_record is None:  # an empty export has no rows
            return
        problem = _bad_bytes(name, "header", handle.encoding, "".join(header_record))
    names, problem = _header(name, header_record, options) if problem is None else ([], problem)
    if problem is not None:
        if columns is not None:
            columns.append({})
        yield _unreadable(name, name, problem)
        return
    width, text_at = len(names), names.index(options.text_key)
    id_at = names.index(options.id_key) if options.id_key in names else None
    index = 0
    while True:
        lines.taken = []
        try:
            record = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            line = lines.taken[0][0] if lines.taken else lines.next_number
            index += 1
            rows = reader()
            if lines.taken and lines.taken[-1][1] == "":  # a line over the bound: row skipped
                yield bad(line, f"{exc} (--max-post-size)")
                continue
            lines.reread_after_first()
            yield bad(line, f"{exc}; read again from line {line + 1}")
            continue
        if not record:
            continue  # a blank line
        index += 1
        line = lines.taken[0][0]
        raw = "".join(text for _, text in lines.taken)
        if len(record) != width or (
            len(lines.taken) > 1
            and lines.exhausted
            and not lines.back
            and _unclosed(raw, delimiter)
        ):
            many = len(lines.taken) > 1
            why = f"{len(record)} fields, the header has {width}"
            if many and len(record) == width:
                why = f"a quoted field is never closed (it runs over {len(lines.taken)} lines)"
            elif many:
                why = (
                    f"a quoted field runs over {len(lines.taken)} lines and the row has {why} "
                    "(an unclosed quote?)"
                )
            if many:
                lines.reread_after_first()
                rows = reader()
                why += f"; read again from line {line + 1}"
            yield bad(line, why)
            continue
        problem = _bad_bytes(name, f"line {line}", handle.encoding, raw)
        if problem is not None:
            if columns is not None:
                columns.append({})
            yield _unreadable(f"{name}:{line}", name, problem + "; row skipped")
            continue
        if len(record[text_at]) > options.max_bytes:
            yield bad(line, f"{_LONGER} {options.max_bytes:,} characters (--max-post-size)")
            continue
        row = dict(zip(names, record, strict=True))
        post_id = (record[id_at] if id_at is not None else "") or str(index)
        meta = {
            k: v for k, v in row.items() if k not in (options.text_key, options.id_key) and v != ""
        }
        if columns is not None:
            columns.append(
                {k: v for k, v in row.items() if k not in (options.text_key, options.id_key)}
            )
        yield _post(options, record[text_at], post_id, name, meta)


def iter_jsonl(
    name: str, handle: Any, options: ExportOptions, columns: Columns | None
) -> Iterator[Post | PostResult]:
    text_key, id_key = options.text_key, options.id_key
    lineno = 0
    while line := handle.readline(options.max_bytes + 1):
        lineno += 1
        too_long = _too_long(line, options.max_bytes, handle)
        if not too_long and not line.strip():
            continue
        post_id = f"{name}:{lineno}"
        problem = (
            f"{name}: row {lineno}: {_LONGER} {options.max_bytes:,} characters (--max-post-size)"
            if too_long
            else _bad_bytes(name, f"row {lineno}", handle.encoding, line)
        )
        row: Any = None
        if problem is None:
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = f"{name}: row {lineno}: invalid JSON ({exc.msg})"
        if problem is None and (
            not isinstance(row, dict) or not isinstance(row.get(text_key), str)
        ):
            if isinstance(row, dict):
                post_id = str(row.get(id_key, post_id))
            problem = f"{name}: row {lineno}: no string '{text_key}' field"
        kept = (
            {k: v for k, v in row.items() if k not in (text_key, id_key)}
            if isinstance(row, dict)
            else {}
        )
        if columns is not None:
            columns.append(kept)
        if problem is not None:
            yield _unreadable(post_id, name, problem)
            continue
        meta = {k: v for k, v in kept.items() if v not in (None, "")}
        yield _post(options, row[text_key], str(row.get(id_key, lineno)), name, meta)


def iter_export(
    name: str,
    stream: BinaryIO,
    kind: str,
    options: ExportOptions,
    columns: Columns | None,
    post_format: str = "text",
) -> Iterator[Post | PostResult]:
    """Rows of one export (``kind``: csv, jsonl, or auto to sniff from content); ``stream`` is closed."""
    with stream:
        sample, complete = read_sample(stream)
        encoding = options.encoding or detect_encoding(sample, complete, json=kind == "jsonl")
        handle = text_stream(sample, stream, encoding)
        handle_enc = SHOWN.get(encoding.replace("_", "-").lower(), encoding)
        if kind == "auto" or kind == "csv":
            head = sample[:65536].decode(encoding, errors="brandguard.mark").lstrip("\ufeff")
            if kind == "auto":
                kind = sniff_format(head, options)
        if kind == "post":
            text = handle.read(options.max_bytes + 1)
            problem = _bad_bytes(name, "one post", handle_enc, text)
            if len(text) > options.max_bytes:
                problem = f"{name}: {_LONGER} {options.max_bytes:,} characters (--max-post-size)"
            if columns is not None:
                columns.append({})
            if problem is not None:
                yield _unreadable(name, name, problem)
            else:
                yield parse(text, post_format, name, name)
            return
        wrapped = _Named(handle, handle_enc)
        if kind == "jsonl":
            yield from iter_jsonl(name, wrapped, options, columns)
        else:
            delimiter = options.delimiter or sniff_delimiter(head, options.text_key)[0]
            yield from iter_csv(name, wrapped, delimiter, options, columns)


class _Named:
    """A text stream whose ``encoding`` is the name shown in messages."""

    def __init__(self, handle: io.TextIOWrapper, encoding: str) -> None:
        self._handle = handle
        self.encoding = encoding

    def readline(self, size: int = -1) -> str:
        return self._handle.readline(size)

    def __iter__(self) -> Iterator[str]:
        return iter(self._handle)


def open_export(path: Path) -> BinaryIO:
    return path.open("rb")
