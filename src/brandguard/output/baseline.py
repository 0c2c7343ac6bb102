"""Baselines: record today's findings, then fail only on new ones.

A finding's fingerprint is a hash of its rule id, its file (relative to the baseline file, so the
baseline works from any directory), the matched text and a little context: up to ``CONTEXT``
characters of the same line on each side of the match, whitespace collapsed. Line and column are
left out, so adding or removing lines elsewhere in the file keeps every fingerprint; editing the
words right around a finding makes it new, which is what a reviewer wants to see.

Identical fingerprints (the same phrase twice in the same words) are counted: a baseline with two
of them hides at most two findings. The file is JSON, sorted, written atomically, and readable in a
review (each entry keeps the rule, file, line and match it was recorded at).

A run often checks a subset of the files (pre-commit passes the staged ones). Only the entries of
the files it checked can be judged: an entry is stale when its file was checked and the finding is
gone, or when its file no longer exists. ``--write-baseline`` merges the same way: the entries of
the checked files are replaced, those of other files that still exist are kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import BrandguardError
from ..model import Finding, PostResult
from .atomic import atomic_writer

SCHEMA_VERSION = 1
CONTEXT = 20


def _collapse(text: str) -> str:
    return " ".join(text.split())


def context_of(source: str, start: int, end: int) -> tuple[str, str]:
    """Up to CONTEXT characters before and after ``source[start:end]`` on the same line(s)."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    if line_end == -1:
        line_end = len(source)
    before = source[max(line_start, start - CONTEXT) : start]
    after = source[end : min(line_end, end + CONTEXT)]
    return _collapse(before), _collapse(after)


def file_key(result: PostResult, root: Path) -> str:
    """The post's file relative to ``root`` (posix), or its path/id as given."""
    name = result.path or result.id
    if result.path and result.path != "-":
        try:
            return Path(os.path.relpath(Path(result.path).resolve(), root.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            return Path(result.path).resolve().as_posix()
    return name if result.path == result.id else f"{name}#{result.id}"


def fingerprint(finding: Finding, file: str, source: str, post_id: str = "") -> str:
    before, after = context_of(source, finding.start, finding.end)
    payload = "\x1f".join([finding.rule_id, file, post_id, _collapse(finding.match), before, after])
    # surrogateescape: a file name that is not UTF-8 hashes as its raw bytes
    return hashlib.sha256(payload.encode("utf-8", "surrogateescape")).hexdigest()[:20]


def _post_id(result: PostResult) -> str:
    # Rows of one export share a path; their ids tell them apart. A file's id is its path.
    return "" if result.id == result.path else result.id


def _fingerprints(result: PostResult, root: Path) -> list[tuple[str, Finding]]:
    file = file_key(result, root)
    return [(fingerprint(f, file, result.source, _post_id(result)), f) for f in result.findings]


def _checked_files(results: Sequence[PostResult], root: Path) -> set[str]:
    return {file_key(result, root) for result in results}


def _still_there(file: str, root: Path) -> bool:
    """Whether a recorded file still exists (stdin and rows without a file always do)."""
    if file == "-" or file.startswith("-#"):
        return True
    return (root / file).exists() or ("#" in file and (root / file.rsplit("#", 1)[0]).exists())


def write_baseline(
    path: str | Path, results: Sequence[PostResult], policy_name: str
) -> tuple[int, int]:
    """Record every finding of ``results``, keeping an existing baseline's entries of files that
    were not checked and still exist; returns (entries recorded from ``results``, entries kept)."""
    root = Path(path).resolve().parent
    checked = _checked_files(results, root)
    kept: list[dict[str, Any]] = []
    if Path(path).exists():  # a file that is not a baseline is an error, not overwritten
        kept = [
            e
            for e in Baseline.load(path).entries
            if e.get("file") not in checked and _still_there(str(e.get("file")), root)
        ]
    entries = []
    for result in results:
        file = file_key(result, root)
        for fp, f in _fingerprints(result, root):
            entries.append(
                {
                    "fingerprint": fp,
                    "rule": f.rule_id,
                    "file": file,
                    "line": f.line,
                    "match": f.match,
                }
            )
    recorded = len(entries)
    entries.extend(kept)
    entries.sort(
        key=lambda e: (str(e.get("file")), e.get("line") or 0, str(e.get("rule")), e["fingerprint"])
    )
    from ..version import __version__

    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "brandguard", "version": __version__},
        "policy": policy_name,
        "findings": entries,
    }
    with atomic_writer(path) as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return recorded, len(kept)


def write_baseline_command(path: str, results: Sequence[PostResult], policy_name: str) -> None:
    """``check --write-baseline FILE``: record, merge, say what happened."""
    import click

    recorded, kept = write_baseline(path, results, policy_name)
    merged = f" (kept {kept} of files not checked)" if kept else ""
    click.echo(f"brandguard: recorded {recorded} findings in {path}{merged}", err=True)


@dataclass(frozen=True)
class Baseline:
    path: Path
    counts: Counter[str]
    entries: tuple[dict[str, Any], ...] = ()

    @property
    def files(self) -> dict[str, str]:
        """Each fingerprint's file (the file is part of the fingerprint: one file each)."""
        return {e["fingerprint"]: str(e.get("file")) for e in self.entries}

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        file = Path(path)
        try:
            data: Any = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BrandguardError(
                f"baseline file not found: {file} (create it with --write-baseline)"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BrandguardError(f"cannot read baseline {file}: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BrandguardError(
                f"baseline {file} is not valid JSON (line {exc.lineno}: {exc.msg})"
            ) from None
        if (
            not isinstance(data, dict)
            or data.get("schema_version") != SCHEMA_VERSION
            or not isinstance(data.get("findings"), list)
            or not all(
                isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                for e in data["findings"]
            )
        ):
            raise BrandguardError(
                f"baseline {file} is not a brandguard baseline (schema_version {SCHEMA_VERSION})"
            )
        entries = tuple(data["findings"])
        return cls(file, Counter(e["fingerprint"] for e in entries), entries)


@dataclass(frozen=True)
class BaselineOutcome:
    results: list[PostResult]
    hidden: int  # findings matched by the baseline
    stale: int  # entries of checked or vanished files that matched nothing (fixed since)


def apply_baseline(
    baseline: Baseline, results: Sequence[PostResult], rescore: Any = None
) -> BaselineOutcome:
    """Drop findings the baseline knows; ``rescore(findings, result)`` recomputes a score."""
    remaining = Counter(baseline.counts)
    root = baseline.path.resolve().parent
    out = []
    hidden = 0
    for result in results:
        kept = []
        for fp, f in _fingerprints(result, root):
            if remaining[fp] > 0:
                remaining[fp] -= 1
                hidden += 1
            else:
                kept.append(f)
        if len(kept) != len(result.findings):
            score = rescore(kept, result) if rescore else result.score
            result = replace(result, findings=tuple(kept), score=score)
        out.append(result)
    checked = _checked_files(results, root)
    files = baseline.files
    stale = sum(
        n
        for fp, n in remaining.items()
        if n and (files.get(fp) in checked or not _still_there(files.get(fp, "-"), root))
    )
    return BaselineOutcome(out, hidden, stale)


def baseline_command(path: str, results: Sequence[PostResult], scoring: Any) -> list[PostResult]:
    """``check --baseline FILE``: drop known findings, rescore what is left, say what happened."""
    import click

    from ..engine.scoring import score_post

    outcome = apply_baseline(
        Baseline.load(path),
        results,
        lambda findings, result: score_post(findings, result.score.words, scoring),
    )
    if outcome.hidden or outcome.stale:
        stale = (
            f"; {outcome.stale} baseline entries no longer occur (refresh with --write-baseline)"
            if outcome.stale
            else ""
        )
        click.echo(f"brandguard: {outcome.hidden} known findings hidden by {path}{stale}", err=True)
    return outcome.results
