"""Audit writers: one record per input post, streamed in input order (jsonl, csv, json), or
one HTML page that summarises them all (audit_html.py).

The JSONL record ``{"id", "score", "categories", "findings"}`` is the machine interface used to
measure detection quality; keep its names stable.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from json.encoder import encode_basestring as _quote  # json.dumps(str, ensure_ascii=False)
from typing import Any, TextIO

from ..engine.result_codec import record_body
from ..model import CATEGORIES, AuditSummary, PostResult
from .compare import CSV_COLUMNS as COMPARE_COLUMNS
from .compare import Comparison

FORMATS = ("jsonl", "csv", "json", "html")


Record = tuple[PostResult, dict[str, Any]]  # a result and the other columns of its input row
CSV_COLUMNS = ["id", "score", "passed", "words", *CATEGORIES, "findings", "rules", "error"]


def _tap(
    records: Iterable[Record], summary: AuditSummary, keep: list[str] | None
) -> Iterator[Record]:
    for result, columns in records:
        summary.add(result)
        if keep is not None:
            columns = {k: columns[k] for k in keep if k in columns}
        yield result, columns


def _record(result: PostResult, columns: dict[str, Any], compare: Comparison | None) -> str:
    """The post's JSON record: ``json.dumps`` of its ``to_dict()`` without the path, then the
    row's columns and the change, written around the body the result cache already rendered."""
    body = getattr(result, "record", None) or record_body(result)
    post_id = result.id
    quoted = _quote(post_id) if type(post_id) is str else json.dumps(post_id, ensure_ascii=False)
    parts = ['{"id": ', quoted, ", ", body]
    if columns:
        parts += [', "columns": ', json.dumps(columns, ensure_ascii=False)]
    if compare is not None:
        parts += [', "change": ', json.dumps(compare.change(result), ensure_ascii=False)]
    parts.append("}")
    return "".join(parts)


def write_jsonl(records: Iterable[Record], out: TextIO, compare: Comparison | None = None) -> None:
    for result, columns in records:
        out.write(_record(result, columns, compare) + "\n")


def write_json(records: Iterable[Record], out: TextIO, compare: Comparison | None = None) -> None:
    out.write('{"schema_version": 1, "posts": [\n')
    for index, (result, columns) in enumerate(records):
        record = _record(result, columns, compare)
        out.write(("" if index == 0 else ",\n") + record)
    out.write("\n]}\n")


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def write_csv(
    records: Iterable[Record],
    out: TextIO,
    keep: list[str] | None = None,
    compare: Comparison | None = None,
) -> list[str]:
    """The table, input columns after the scores (named ``input.X`` when X is a score column).

    The input columns are ``keep`` or those of the first row; returns the columns of later rows
    that had no place in the header.
    """
    writer = csv.writer(out)
    extra: list[str] | None = None
    dropped: dict[str, None] = {}
    for r, columns in records:
        if extra is None:
            extra = list(columns) if keep is None else keep
            header = [f"input.{c}" if c in CSV_COLUMNS else c for c in extra]
            writer.writerow([*CSV_COLUMNS, *_compare_columns(compare), *header])
        elif keep is None and not columns.keys() <= set(extra):
            dropped.update(dict.fromkeys(k for k in columns if k not in extra))
        cats = r.score.categories
        writer.writerow(
            [
                r.id,
                r.score.total,
                r.score.passed,
                r.score.words,
                *[cats.get(c, "") for c in CATEGORIES],
                len(r.findings),
                " ".join(sorted({f.rule_id for f in r.findings})),
                r.error or "",
                *(compare.csv_cells(compare.change(r)) if compare is not None else ()),
                *[_cell(columns.get(c, "")) for c in extra],
            ]
        )
    if extra is None:
        writer.writerow([*CSV_COLUMNS, *_compare_columns(compare), *(keep or [])])
    return list(dropped)


def _compare_columns(compare: Comparison | None) -> list[str]:
    return list(COMPARE_COLUMNS) if compare is not None else []


def write_audit(
    records: Iterable[Record],
    out: TextIO,
    fmt: str,
    keep: list[str] | None = None,
    policy: Any = None,
    inputs: Sequence[str] = (),
    compare: Comparison | None = None,
) -> tuple[AuditSummary, list[str]]:
    """Write every record; the totals, and the input columns the CSV header had no room for.

    ``policy`` (a ``Policy``) and ``inputs`` name the HTML page's header; the page groups posts
    by every input column it recognises, whatever ``keep`` says (that option shapes records).
    With ``compare`` (``audit --compare``), records also say how each post changed.
    """
    summary = AuditSummary()
    dropped: list[str] = []
    if fmt == "html":  # one page after all posts, built on the totals ``summary`` counts
        from .audit_html import report_info, write_html

        info = report_info(policy, inputs) if policy is not None else None
        write_html(_compared(_tap(records, summary, None), compare), out, summary, info)
        return summary, dropped
    tapped = _tap(records, summary, keep)
    if fmt == "csv":
        dropped = write_csv(tapped, out, keep, compare)
    else:
        WRITERS[fmt](tapped, out, compare)
    return summary, dropped


def _compared(records: Iterable[Record], compare: Comparison | None) -> Iterator[Record]:
    for result, columns in records:
        if compare is not None:
            compare.change(result)  # counted for the summary; the page has no place for it
        yield result, columns


WRITERS = {"jsonl": write_jsonl, "json": write_json}
