#!/usr/bin/env python3
"""The real-text mix for the speed benchmark, composed at run time from a corpora folder.

Every ``*.jsonl`` of the folder (``../shared/corpora`` by default: headlines, listings, SMS,
YouTube comments, edited prose and marketing copy) becomes post-sized items: short rows stay
whole, long rows (articles in ``writing_dev.jsonl``) are cut at blank lines into pieces of at most
``MAX_WORDS`` words. Each item is written as one file, ``.md`` when its row says
``"format": "markdown"``, else ``.txt``, so brandguard and proselint read the very same files.
Nothing is copied into the repository: the output goes to ``benchmarks/out/`` (git-ignored) or
wherever ``--out`` says.

    python benchmarks/real_mix.py [--corpora ../shared/corpora] [--out benchmarks/out/real]
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPORA = HERE.parent.parent / "shared" / "corpora"
MAX_WORDS = 300  # a long social post or a short blog section
_BLANK = re.compile(r"\n[ \t]*\n")


def pieces(text: str, max_words: int = MAX_WORDS) -> Iterator[str]:
    """*text* cut at blank lines into runs of paragraphs of at most *max_words* words each.

    A single paragraph longer than that stays whole (a post is never cut mid-sentence).
    """
    run: list[str] = []
    words = 0
    for para in _BLANK.split(text):
        n = len(para.split())
        if run and words + n > max_words:
            yield "\n\n".join(run)
            run, words = [], 0
        run.append(para)
        words += n
    if run and words:
        yield "\n\n".join(run)


def build(corpora: Path, out: Path, step: int = 1) -> tuple[int, int, dict[str, int]]:
    """Write the mix (every *step*-th row of each corpus) under *out*/posts.

    Returns (items, words, items per corpus).
    """
    posts = out / "posts"
    if posts.exists():
        shutil.rmtree(posts)
    posts.mkdir(parents=True)
    items = words = 0
    per: dict[str, int] = {}
    for path in sorted(corpora.glob("*.jsonl")):
        stem = path.stem
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n % step or not line.strip():
                    continue
                row = json.loads(line)
                text = row.get("text") or ""
                suffix = ".md" if row.get("format") == "markdown" else ".txt"
                for piece in pieces(text):
                    if not piece.strip():
                        continue
                    items += 1
                    words += len(piece.split())
                    per[stem] = per.get(stem, 0) + 1
                    (posts / f"{stem}-{items:06d}{suffix}").write_text(piece, encoding="utf-8")
    (out / "MANIFEST.json").write_text(
        json.dumps({"corpora": str(corpora), "items": items, "words": words, "per": per}),
        encoding="utf-8",
    )
    return items, words, per


FLOOR_POLICY = """\
policy: floor
language: [en, it]
description: No rules at all - what every post costs before any rule runs.
packs: []
"""


def measure(
    bg: list[str], corpora: Path, out: Path, quick: bool, peers: bool, repeats: int = 3
) -> tuple[list[tuple[str, str, str, str]], list[str], list[str]]:
    """Audit, check and proselint on the same mix: (table rows, commands, problems).

    The audit and proselint run alternately ``repeats`` times and each keeps its best CPU time:
    on a shared machine one run of either moves by 15 %, and the ratio of two single runs by
    more. The audit under a policy with no rules is the engine's floor (start-up, reading,
    parsing, language, tokenizing, scoring, the result cache, the output): what the rules run
    on top of.
    """
    from children import COLD, check_ok, fmt_rate, run_child, run_cold

    rows: list[tuple[str, str, str, str]] = []
    commands: list[str] = []
    problems: list[str] = []
    if not corpora.is_dir() or not any(corpora.glob("*.jsonl")):
        rows.append(("(g) real-text mix", "skipped", "", f"no *.jsonl in {corpora}"))
        return rows, commands, problems
    items, words, per = build(corpora, out, step=20 if quick else 1)
    posts = out / "posts"
    mix = f"{items:,} items, {words:,} words from {len(per)} corpora"
    runs = 1 if quick else max(1, repeats)

    def row(what: str, run: Any, note: str) -> None:
        rows.append(
            (
                what,
                f"{run.seconds:.2f} s wall, {run.cpu:.2f} s CPU",
                f"{fmt_rate(words, run.cpu)} words/s CPU ({fmt_rate(words, run.seconds)} wall)",
                note,
            )
        )

    audit_cmd = [*bg, "audit", str(posts), "--format", "jsonl", "--jobs", "1"]
    commands.append(shlex.join(audit_cmd) + f" {COLD} > /dev/null")
    pl_cmd: list[str] | None = None
    pl_note = "--quick / --no-peers"
    if peers and not quick:
        try:
            from brandguard.quality.peers import ensure_venv

            py = ensure_venv("proselint-venv", ["proselint"], "proselint")
            pl_cmd = [str(py.with_name("proselint")), "check", str(posts)]
            commands.append(shlex.join(pl_cmd) + " > /dev/null")
        except Exception as exc:  # noqa: BLE001 - a peer that cannot be installed is skipped
            pl_note = f"{type(exc).__name__}: {exc}"[:120]
    audits: list[Any] = []
    peer_runs: list[Any] = []
    for _ in range(runs):  # alternately, so a neighbour's load falls on both
        audits.append(run_cold(audit_cmd))  # an empty result cache: a first audit
        problems.append(check_ok("audit real mix", audits[-1]))
        if pl_cmd:
            peer_runs.append(run_child(pl_cmd))
            problems.append(check_ok("proselint real mix", peer_runs[-1]))
    audit = min(audits, key=lambda r: r.cpu)
    rate = words / audit.cpu if audit.cpu else 0
    spread = ", ".join(f"{r.cpu:.2f}" for r in audits)
    row(
        f"(g) `audit` real-text mix, one process (best CPU of {runs})",
        audit,
        f"{mix}; CPU s per run: {spread}; "
        f"target ≥ 100k words/s per process: {'met' if rate >= 1e5 else 'not met'}",
    )
    floor_policy = out / "floor-policy.yaml"
    floor_policy.write_text(FLOOR_POLICY, encoding="utf-8")
    floor_cmd = [*audit_cmd, "--policy", str(floor_policy)]
    commands.append(shlex.join(floor_cmd) + f" {COLD} > /dev/null")
    floor = min((run_cold(floor_cmd) for _ in range(runs)), key=lambda r: r.cpu)
    problems.append(check_ok("audit real mix, no rules", floor))
    row(
        "(g) the same audit under a policy with no rules (the engine's floor)",
        floor,
        f"the rules' share of the audit: {max(0.0, 1 - floor.cpu / audit.cpu):.0%} of its CPU",
    )
    check_cmd = [*bg, "check", str(posts), "--exit-zero"]
    commands.append(shlex.join(check_cmd))
    check = run_child(check_cmd)
    problems.append(check_ok("check real mix", check))
    row("(g) `check` real-text mix files", check, f"max RSS {check.max_rss_kib / 1024:.0f} MiB")
    if not peer_runs:
        rows.append(("(g) proselint on the real-text mix", "skipped", "", pl_note))
        return rows, commands, problems
    pl = min(peer_runs, key=lambda r: r.cpu)
    ratio = pl.cpu / audit.cpu if audit.cpu else 0
    row(
        f"(g) proselint on the same files (best CPU of {runs})",
        pl,
        f"CPU s per run: {', '.join(f'{r.cpu:.2f}' for r in peer_runs)}; "
        f"audit is {ratio:.2f}× proselint's speed (best CPU against best CPU; wall "
        f"{pl.seconds / audit.seconds:.2f}×); target ≥ 3×: {'met' if ratio >= 3 else 'not met'}",
    )
    return rows, commands, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "real")
    args = parser.parse_args()
    items, words, per = build(args.corpora, args.out)
    print(f"{items:,} items, {words:,} words -> {args.out / 'posts'}: {per}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
