#!/usr/bin/env python3
"""``audit --jobs 2`` against ``--jobs 1`` on the synthetic corpus (issue 12 item 5).

    python benchmarks/jobs.py [--corpus-dir benchmarks/out] [--runs 3] [--jobs 2]

Both are cold audits (an empty result cache of their own each run, the compiled policy built by an
untimed warm-up), run alternately so that a neighbour's load falls on both; the figure is the
ratio of the best wall times, with each side's CPU time (the children's rusage, workers included)
beside it: on a shared machine a ``--jobs 2`` run only gets two cores when nobody else wants them,
so read the load average printed with it. Outputs are the same whatever ``--jobs`` says
(tests/test_result_cache.py and tests/test_audit.py hold that).
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402  (sibling script)
from children import COLD, brandguard_command, check_ok, fmt_rate, run_cold  # noqa: E402
from speed import corpus_words  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", type=Path, default=HERE / "out")
    parser.add_argument("--runs", type=int, default=3, help="runs of each (best wall time)")
    parser.add_argument("--jobs", type=int, default=2, help="the parallel side (default 2)")
    parser.add_argument("--brandguard", help="command that runs the CLI (default: beside Python)")
    args = parser.parse_args(argv)
    jsonl = args.corpus_dir / "corpus.jsonl"
    if not jsonl.exists():
        make_corpus.build(args.corpus_dir, posts=10_000, seed=7)
    texts, words = corpus_words(jsonl)
    bg = brandguard_command(args.brandguard)
    base = [*bg, "audit", str(jsonl), "--format", "jsonl"]
    sides = {1: [*base, "--jobs", "1"], args.jobs: [*base, "--jobs", str(args.jobs)]}
    run_cold([*base, "--jobs", "1"])  # builds the compiled policy when it is not cached yet
    runs: dict[int, list] = {n: [] for n in sides}
    problems = []
    load_before = os.getloadavg()[0]
    for _ in range(args.runs):
        for n, cmd in sides.items():
            run = run_cold(cmd)
            problems.append(check_ok(f"audit --jobs {n}", run))
            runs[n].append(run)
    load_after = os.getloadavg()[0]
    best = {n: min(r, key=lambda run: run.seconds) for n, r in runs.items()}
    print(
        f"audit of {jsonl} ({len(texts):,} posts, {words:,} words), {os.cpu_count()} cores, "
        f"load average {load_before:.1f} before, {load_after:.1f} after\n"
    )
    print("| --jobs | best wall | words/s (wall) | CPU of that run (workers included) |")
    print("|---:|---:|---:|---:|")
    for n, run in best.items():
        print(f"| {n} | {run.seconds:.2f} s | {fmt_rate(words, run.seconds)} | {run.cpu:.2f} s |")
    one, many = best[1].seconds, best[args.jobs].seconds
    print(f"\nspeed-up --jobs {args.jobs} / --jobs 1 (wall): {one / many:.2f}x")
    # what running in parallel costs beyond one process's work (the least CPU of each side's
    # runs, so that a neighbour's load inflates it least): forking, results crossing the pipe,
    # each worker warming its own caches, two cores sharing memory bandwidth
    cpu = {n: min(run.cpu for run in r) for n, r in runs.items()}
    extra = cpu[args.jobs] - cpu[1]
    print(
        f"CPU of --jobs {args.jobs} beyond --jobs 1 (least of each side's runs): "
        f"{extra:+.2f} s ({extra / cpu[1]:+.0%})"
    )
    print("\nCommands:\n")
    for cmd in sides.values():
        print(f"    {shlex.join(cmd)} {COLD} > /dev/null")
    problems = [p for p in problems if p]
    for p in problems:
        print(f"- {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
