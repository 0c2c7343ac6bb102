#!/usr/bin/env python3
"""Memory of ``brandguard audit`` as the corpus grows (issue 12 item 7): peak RSS, and RSS over time.

    python benchmarks/memory.py [--real 8000,33000] [--generated 1000000] [--no-zones 100000]

Each audit reads JSON Lines from a pipe (``brandguard audit - --input-format jsonl --jobs 1``, results
to /dev/null), fed by this script while it runs, so no corpus is written anywhere:

- ``--real``: varied real posts composed at run time from ../shared/corpora
  (``compose_real.py``: one to three random rows or article sections a post);
- ``--generated``: posts of about 35 words in which five words are new every time (random
  syllables plus a counter), so the vocabulary grows with every post, as in a long export of
  names, handles, brands and typos; RSS is sampled every ``--every`` posts;
- ``--no-zones``: the same generated posts with ``BRANDGUARD_MEMORY_ZONES=0``, to show what the
  zones save.

Peak RSS is the child's own ``ru_maxrss`` (``os.wait4``); RSS over time is ``VmRSS`` from
``/proc``. Every audit gets a fresh cache directory whose compiled policy and syllable table are
built first by a one-post audit, so the figures are the audit's, not the cache's build. Prints
a Markdown table and the commands.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import compose_real  # noqa: E402  (sibling script)
from children import brandguard_command  # noqa: E402

SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
TEMPLATE = (
    "Our team tested the {0} with {1} near {2} this week, and the results look {adj}. "
    "Thanks to {3} for the photos; read the full story at {4}.example.org and tell us what you think."
)
ADJECTIVES = ["good", "mixed", "promising", "steady", "better than expected", "early"]


def new_word(rng: random.Random, n: int) -> str:
    """A word never seen before: random syllables plus the counter in base 20 syllables."""
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
    tail = ""
    while True:
        n, digit = divmod(n, len(SYLLABLES))
        tail += SYLLABLES[digit]
        if not n:
            return stem + tail


def generated(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        words = [new_word(rng, i * 5 + k) for k in range(5)]
        text = TEMPLATE.format(*words, adj=rng.choice(ADJECTIVES))
        yield {"id": f"gen-{i}", "text": text}


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def audit(rows: Iterator[dict[str, str]], label: str, every: int, env: dict[str, str]) -> dict:
    """Feed ``rows`` to one audit through a pipe; its peak RSS, RSS samples, wall time."""
    cmd = [
        *brandguard_command(),
        "audit",
        "-",
        "--input-format",
        "jsonl",
        "--jobs",
        "1",
        "--no-progress",
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    samples: list[tuple[int, float]] = []
    count = 0
    assert proc.stdin is not None
    for row in rows:
        proc.stdin.write((json.dumps(row, ensure_ascii=False) + "\n").encode())
        count += 1
        if every and count % every == 0:
            samples.append((count, rss_mb(proc.pid)))
            print(f"  {label}: {count:,} posts sent, RSS {samples[-1][1]:.0f} MB", flush=True)
    proc.stdin.close()
    err = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{label}: audit exited {code}: {err[-2000:]}")
    return {
        "label": label,
        "posts": count,
        "peak_mb": usage.ru_maxrss / 1024,
        "wall": wall,
        "samples": samples,
        "cmd": " ".join(cmd),
    }


def fresh_env(zones: bool) -> tuple[dict[str, str], Path]:
    folder = Path(tempfile.mkdtemp(prefix="bg-memory-"))
    env = {**os.environ, "BRANDGUARD_CACHE_DIR": str(folder)}
    if not zones:
        env["BRANDGUARD_MEMORY_ZONES"] = "0"
    warm = [*brandguard_command(), "audit", "-", "--input-format", "jsonl", "--jobs", "1"]
    subprocess.run(
        warm,
        input=b'{"id": "w", "text": "Warm the caches up."}\n',
        env=env,
        capture_output=True,
        check=False,
    )
    return env, folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", default="8000,33000", help="sizes of the real-text audits")
    parser.add_argument(
        "--generated", type=int, default=1_000_000, help="generated posts (0: skip)"
    )
    parser.add_argument(
        "--no-zones", type=int, default=100_000, help="generated posts without zones"
    )
    parser.add_argument("--every", type=int, default=50_000, help="RSS sample interval (posts)")
    args = parser.parse_args()
    runs = []
    for n in [int(x) for x in args.real.split(",") if x]:
        env, folder = fresh_env(True)
        runs.append(audit(compose_real.compose(n), f"real {n:,}", 0, env))
        shutil.rmtree(folder, ignore_errors=True)
        print(
            f"  real {n:,}: peak {runs[-1]['peak_mb']:.0f} MB in {runs[-1]['wall']:.0f} s",
            flush=True,
        )
    for n, zones in ((args.no_zones, False), (args.generated, True)):
        if n:
            env, folder = fresh_env(zones)
            label = f"generated {n:,}" + ("" if zones else " (no zones)")
            runs.append(audit(generated(n), label, args.every, env))
            shutil.rmtree(folder, ignore_errors=True)
    print(
        "\n| audit | posts | peak RSS | wall | RSS over time (posts: MB) |\n|---|---|---|---|---|"
    )
    for r in runs:
        over = ", ".join(f"{c // 1000}k: {mb:.0f}" for c, mb in r["samples"]) or "-"
        print(
            f"| {r['label']} | {r['posts']:,} | {r['peak_mb']:.0f} MB | {r['wall']:.0f} s | {over} |"
        )
    real = [r for r in runs if r["label"].startswith("real")]
    if len(real) >= 2:
        print(
            f"\n{real[-1]['label']} / {real[0]['label']} peak RSS: "
            f"{real[-1]['peak_mb'] / real[0]['peak_mb']:.2f}x"
        )
    print(
        "\nEach audit: `" + (runs[0]["cmd"] if runs else "") + "` fed through a pipe; "
        "BRANDGUARD_MEMORY_ZONES=0 for the run marked 'no zones'."
    )


if __name__ == "__main__":
    main()
