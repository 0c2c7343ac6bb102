"""Hand-judged findings, kept as fingerprints, and checked on every suite run.

The corpora may not be copied into the repository, so a judged finding is stored as the corpus
name, row id, rule id, match offsets and a hash of the text around the match (``window_hash``),
with a verdict and a short reason in the reviewer's words; the matched phrase itself is kept
only when it is at most five words (and 40 characters). A run then says which findings judged wrong still fire and
the precision per category and language over the judged findings that still fire.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .eval_run import Scored, window_hash

#: Longest match stored verbatim in the judged file (words, characters); longer ones are left out.
MAX_MATCH_WORDS = 5
MAX_MATCH_CHARS = 40
FIELDS = ("corpus", "row", "rule", "category", "severity", "lang", "start", "end", "hash")


class JudgedError(ValueError):
    """A judged or sample file that cannot be read."""


def _verdict(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "t", "yes", "y", "1"):
        return True
    if text in ("false", "f", "no", "n", "0"):
        return False
    return None


def fingerprint(record: dict[str, Any]) -> dict[str, Any] | None:
    """A judged sample record reduced to what the repository may hold; ``None`` if unjudged."""
    verdict = _verdict(record.get("verdict", ""))
    if verdict is None:
        return None
    entry = {k: record[k] for k in FIELDS}
    match = str(record.get("match", ""))
    if 0 < len(match.split()) <= MAX_MATCH_WORDS and len(match) <= MAX_MATCH_CHARS:
        entry["match"] = match
    entry["verdict"] = verdict
    entry["reason"] = str(record.get("reason", "")).strip()
    return entry


def key(entry: dict[str, Any]) -> tuple[str, str, str, int, int]:
    """What identifies a judged finding."""
    return (entry["corpus"], entry["row"], entry["rule"], int(entry["start"]), int(entry["end"]))


def load(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL file of judged (or sample) records."""
    entries = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise JudgedError(f"{path}: {exc.strerror}") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise JudgedError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or any(k not in obj for k in FIELDS):
            raise JudgedError(f"{path}:{lineno}: needs the fields {', '.join(FIELDS)}")
        entries.append(obj)
    return entries


def record(samples: list[dict[str, Any]], path: Path) -> tuple[int, int]:
    """Add the judged records of *samples* to the judged file at *path*; return (added, unjudged)."""
    existing = {key(e): e for e in (load(path) if path.exists() else [])}
    added = unjudged = 0
    for sample in samples:
        entry = fingerprint(sample)
        if entry is None:
            unjudged += 1
            continue
        added += key(entry) not in existing
        existing[key(entry)] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for k in sorted(existing):
            fh.write(json.dumps(existing[k], ensure_ascii=False) + "\n")
    return added, unjudged


@dataclass
class JudgedCheck:
    """How the judged findings fare against the current rules."""

    firing: list[dict[str, Any]] = field(default_factory=list)  # still fire
    gone: list[dict[str, Any]] = field(default_factory=list)  # no longer fire
    stale: list[dict[str, Any]] = field(default_factory=list)  # the row changed or is missing
    unchecked: int = 0  # their corpus was not in this run

    @property
    def wrong_back(self) -> list[dict[str, Any]]:
        """Findings judged wrong that still fire."""
        return [e for e in self.firing if e["verdict"] is False]

    def precision(self) -> dict[str, dict[str, Any]]:
        """Judged precision over the findings that still fire, per category/lang and per category."""
        counts: dict[str, Counter[str]] = {}
        for e in self.firing:
            for group in (f"{e['category']}/{e['lang']}", e["category"], "all"):
                counts.setdefault(group, Counter())["true" if e["verdict"] else "false"] += 1
        return {
            group: {
                "judged": c["true"] + c["false"],
                "true": c["true"],
                "precision": c["true"] / (c["true"] + c["false"]),
            }
            for group, c in sorted(counts.items())
        }


def check(entries: list[dict[str, Any]], scored: dict[str, list[Scored]]) -> JudgedCheck:
    """Sort each judged finding into still firing, gone, stale (row changed) or unchecked."""
    rows = {name: {s.row.id: s for s in results} for name, results in scored.items()}
    result = JudgedCheck()
    for e in entries:
        e = {**e, "verdict": _verdict(e.get("verdict"))}
        if e["corpus"] not in rows:
            result.unchecked += 1
            continue
        s = rows[e["corpus"]].get(e["row"])
        start, end = int(e["start"]), int(e["end"])
        if s is None or window_hash(s.source, start, end) != e["hash"]:
            result.stale.append(e)
            continue
        fires = any(h.rule == e["rule"] and h.start < end and start < h.end for h in s.hits)
        (result.firing if fires else result.gone).append(e)
    return result


def check_data(result: JudgedCheck) -> dict[str, Any]:
    """The check as plain data (for ``--json``)."""
    return {
        "firing": len(result.firing),
        "gone": {
            "true": sum(1 for e in result.gone if e["verdict"]),
            "false": sum(1 for e in result.gone if not e["verdict"]),
        },
        "stale": len(result.stale),
        "unchecked": result.unchecked,
        "judged_wrong_back": [
            {k: e.get(k) for k in ("corpus", "row", "rule", "match", "reason")}
            for e in result.wrong_back
        ],
        "precision": result.precision(),
    }
