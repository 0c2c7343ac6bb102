"""Audit writers: one record per input post, streamed in input order (jsonl, csv, json), or
one HTML page that summarises them all (audit_html.py).

The JSONL record ``{"id", "score", "categories", "findings"}`` is the machine interface used to
measure detection quality; keep its names stable.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from ..model import CATEGORIES, AuditSummary, PostResult
from .reporters.json_report import post_dict

FORMATS = ("jsonl", "csv", "json", "html")


def _tap(results: Iterable[PostResult], summary: AuditSummary) -> Iterator[PostResult]:
    for result in results:
        summary.add(result)
        yield result


def _record(result: PostResult) -> dict:
    data = post_dict(result)
    data.pop("path", None)
    return data


def write_jsonl(results: Iterable[PostResult], out: TextIO) -> None:
    for result in results:
        out.write(json.dumps(_record(result), ensure_ascii=False) + "\n")


def write_json(results: Iterable[PostResult], out: TextIO) -> None:
    out.write('{"schema_version": 1, "posts": [\n')
    for index, result in enumerate(results):
        out.write(("" if index == 0 else ",\n") + json.dumps(_record(result), ensure_ascii=False))
    out.write("\n]}\n")


def write_csv(results: Iterable[PostResult], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(["id", "score", "passed", "words", *CATEGORIES, "findings", "rules", "error"])
    for r in results:
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
            ]
        )


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv}


def write_audit(results: Iterable[PostResult], out: TextIO, fmt: str) -> AuditSummary:
    summary = AuditSummary()
    tapped = _tap(results, summary)
    if fmt == "html":  # one page after all posts, built on the totals ``summary`` counts
        from .audit_html import write_html

        write_html(tapped, out, summary)
    else:
        WRITERS[fmt](tapped, out)
    return summary
