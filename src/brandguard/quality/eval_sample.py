"""Random findings for hand review: stratified per language and category, the same for a seed.

Each sampled finding carries the line around the match, so a reviewer can judge it, and an empty
``verdict`` to fill in; ``judged.py`` turns judged samples into the repository's fingerprint file.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .eval_run import Scored, context, window_hash

#: Categories sampled by default: the detection packs and readability.
SAMPLE_CATEGORIES = ("bland", "pushy", "seo", "readability")


def candidates(scored: dict[str, list[Scored]], corpora: Iterable[str]) -> list[dict[str, Any]]:
    """Every finding of the named corpora as a review record, in a stable order."""
    records = []
    for name in sorted(corpora):
        for s in scored.get(name, []):
            for h in s.hits:
                records.append(
                    {
                        "corpus": name,
                        "row": s.row.id,
                        "lang": s.row.lang,
                        "label": s.row.label,
                        "rule": h.rule,
                        "category": h.category,
                        "severity": h.severity,
                        "start": h.start,
                        "end": h.end,
                        "match": h.match,
                        "context": context(s.source, h.start, h.end),
                        "hash": window_hash(s.source, h.start, h.end),
                        "message": h.message,
                        "verdict": "",
                        "reason": "",
                    }
                )
    records.sort(key=lambda r: (r["corpus"], r["row"], r["start"], r["end"], r["rule"]))
    return records


def allocate(available: dict[str, int], n: int) -> dict[str, int]:
    """Split *n* as evenly as possible over strata, giving what a small stratum lacks to the others.

    >>> allocate({"a": 1, "b": 10, "c": 10}, 9)
    {'a': 1, 'b': 4, 'c': 4}
    """
    quota = {k: 0 for k in available}
    left = min(n, sum(available.values()))
    while left > 0:
        open_strata = sorted(k for k in available if quota[k] < available[k])
        share = max(1, left // len(open_strata))
        for k in open_strata:
            if left == 0:
                break
            give = min(share, available[k] - quota[k], left)
            quota[k] += give
            left -= give
    return quota


def cap_per_row(
    records: list[dict[str, Any]], cap: int, rng: random.Random
) -> list[dict[str, Any]]:
    """At most *cap* of *records* from any one row, chosen at random, in their original order.

    Without a cap, one long document with many findings of a kind fills a stratum and the judged
    precision describes that document rather than the rule.
    """
    by_row: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(records):
        by_row.setdefault((r["corpus"], r["row"]), []).append(i)
    keep: set[int] = set()
    for row in sorted(by_row):
        indexes = by_row[row]
        keep.update(indexes if len(indexes) <= cap else rng.sample(indexes, cap))
    return [r for i, r in enumerate(records) if i in keep]


def sample(
    records: list[dict[str, Any]],
    n: int,
    seed: int,
    categories: tuple[str, ...] = SAMPLE_CATEGORIES,
    row_cap: int | None = None,
) -> list[dict[str, Any]]:
    """*n* findings per language, spread evenly over *categories*; deterministic for *seed*.

    ``row_cap`` limits how many findings of one stratum (language, category) come from one row.
    """
    strata: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in records:
        if r["category"] in categories:
            strata.setdefault((r["lang"], r["category"]), []).append(r)
    if row_cap is not None:
        strata = {
            key: cap_per_row(rs, row_cap, random.Random(f"{seed}:{key[0]}:{key[1]}:rows"))
            for key, rs in strata.items()
        }
    chosen: list[dict[str, Any]] = []
    for lang in sorted({lang for lang, _ in strata}):
        mine = {c: strata[(lang, c)] for c in categories if (lang, c) in strata}
        quota = allocate({c: len(v) for c, v in mine.items()}, n)
        for category in categories:
            if quota.get(category):
                rng = random.Random(f"{seed}:{lang}:{category}")
                picked = rng.sample(mine[category], quota[category])
                chosen.extend(sorted(picked, key=lambda r: (r["corpus"], r["row"], r["start"])))
    return chosen


def format_sample(chosen: list[dict[str, Any]]) -> str:
    """The sample as readable text: one block per finding."""
    out = []
    for i, r in enumerate(chosen, 1):
        out.append(
            f"#{i} [{r['lang']}/{r['category']}/{r['severity']}] {r['rule']} "
            f"{r['corpus']}:{r['row']} ({r['label']}): {r['message']}"
        )
        out.append(f"    {r['context']}")
    return "\n".join(out)


def write_sample(chosen: list[dict[str, Any]], path: Path) -> None:
    """Write the sample as JSONL, one finding per line, ready to be judged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
