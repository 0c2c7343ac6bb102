#!/usr/bin/env python3
"""Re-auditing an unchanged export with the result cache (issue 12 item 6): first run vs second.

    python benchmarks/cache.py [--real 8000,33000] [--synthetic benchmarks/out/corpus.jsonl]

For each export — varied real posts composed at run time from ../shared/corpora
(``compose_real.py``, written to a temporary folder that is deleted afterwards) and the synthetic
corpus (``make_corpus.py``, built when missing) — it runs, in a fresh cache directory whose
compiled policy is already built (as on any machine that has run brandguard once):

1. ``brandguard audit EXPORT --jobs 1 -o first.jsonl`` with an empty result cache;
2. the same command again (every post from the cache): the speed-up is 1 / 2;
3. the same after editing 1 % of the rows (those are checked again);

and checks that the outputs are byte-identical to those of a run without a cache. Each run is
timed in CPU seconds (the child's own rusage: the figure to compare on a shared machine) and wall
seconds; the second run is the best (least CPU) of ``--repeat`` runs. Prints a Markdown table and
the commands.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import compose_real  # noqa: E402  (sibling script)
import make_corpus  # noqa: E402
from children import brandguard_command  # noqa: E402


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, from the children's rusage) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def edit_one_percent(export: Path, seed: int = 3) -> None:
    lines = export.read_text(encoding="utf-8").split("\n")
    rows = [json.loads(line) for line in lines if line.strip()]
    rng = random.Random(seed)
    for row in rng.sample(rows, max(1, len(rows) // 100)):
        row["text"] = str(row["text"]) + " (edited)"
    export.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def bench(label: str, export: Path, repeat: int, jobs: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bg-cache-bench-"))
    try:
        env = {**os.environ, "BRANDGUARD_CACHE_DIR": str(folder / "cache")}
        work = folder / "work"
        work.mkdir()
        shutil.copy(export, work / "export.jsonl")
        base = [
            *brandguard_command(),
            "audit",
            "export.jsonl",
            "--jobs",
            str(jobs),
            "--no-progress",
        ]
        (work / "warm.jsonl").write_text('{"id": "w", "text": "Warm up."}\n', encoding="utf-8")
        timed([*brandguard_command(), "audit", "warm.jsonl", "-o", "warm.out"], env, work)
        posts = sum(1 for _ in (work / "export.jsonl").open(encoding="utf-8"))
        first = timed([*base, "-o", "first.jsonl"], env, work)
        seconds = [timed([*base, "-o", "second.jsonl"], env, work) for _ in range(repeat)]
        second = min(seconds, key=lambda run: run[1])
        cache_bytes = sum(p.stat().st_size for p in (folder / "cache").rglob("results.sqlite3*"))
        same = (work / "first.jsonl").read_bytes() == (work / "second.jsonl").read_bytes()
        edit_one_percent(work / "export.jsonl")
        timed([*base, "-o", "ref.jsonl", "--cache", str(folder / "ref.sqlite3")], env, work)
        edited = timed([*base, "-o", "edited.jsonl"], env, work)
        same_edit = (work / "edited.jsonl").read_bytes() == (work / "ref.jsonl").read_bytes()
        return {
            "label": label,
            "posts": posts,
            "first": first,
            "second": second,
            "edited": edited,
            "same": same and same_edit,
            "cache_mb": cache_bytes / 1e6,
            "cmd": " ".join(base),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", default="8000,33000", help="sizes of the composed real exports")
    parser.add_argument("--synthetic", default=str(HERE / "out" / "corpus.jsonl"))
    parser.add_argument("--repeat", type=int, default=3, help="runs of the cached audit (best)")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    runs = []
    tmp = Path(tempfile.mkdtemp(prefix="bg-real-"))
    try:
        for n in [int(x) for x in args.real.split(",") if x]:
            export = tmp / f"real-{n}.jsonl"
            with export.open("w", encoding="utf-8") as out:
                for row in compose_real.compose(n):
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            runs.append(bench(f"real {n:,}", export, args.repeat, args.jobs))
            export.unlink()
            print(runs[-1], flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    synthetic = Path(args.synthetic)
    if args.synthetic:
        if not synthetic.exists():
            make_corpus.main([str(synthetic.parent)])
        runs.append(bench("synthetic 10k", synthetic, args.repeat, args.jobs))
        print(runs[-1], flush=True)
    print(
        "\n| export | posts | first run (CPU / wall) | second run, all cached (CPU / wall) "
        "| speed-up (CPU / wall) | 1 % edited (CPU / wall) | cache file | outputs identical |"
        "\n|---|---|---|---|---|---|---|---|"
    )
    for r in runs:
        (fw, fc), (sw, sc), (ew, ec) = r["first"], r["second"], r["edited"]
        print(
            f"| {r['label']} | {r['posts']:,} | {fc:.2f} s / {fw:.2f} s | {sc:.2f} s / {sw:.2f} s "
            f"| {fc / sc:.1f}x / {fw / sw:.1f}x | {ec:.2f} s / {ew:.2f} s | {r['cache_mb']:.0f} MB "
            f"| {r['same']} |"
        )
    if runs:
        print(
            f"\nCommand (in a fresh cache directory, compiled policy built): `{runs[0]['cmd']} -o OUT`"
        )


if __name__ == "__main__":
    main()
