"""Start-up benchmark: how long a writer waits for `brandguard check one.md`.

Prints the median wall time (over --runs, default 15, after one warm-up run that fills the cache;
the commands take turns, so machine load hits them alike) of:
  1. python -c "import spacy"                  (the floor: brandguard needs spaCy)
  2. brandguard check one.md                   (compiled-policy cache warm)
  3. brandguard check --no-cache one.md        (what every run cost before the cache)
  4. brandguard check <50 files>               (one call, cache warm)
and the ratio 2 / 1 (target ≤ 1.2). The cache lives in a temporary BRANDGUARD_CACHE_DIR, so the
user's own cache is untouched. Run from a checkout with brandguard installed:

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from children import brandguard_command  # noqa: E402  (sibling script)

POST = """---
title: Spring launch
channel: linkedin
---
Our new bike lock opens with your phone. In order to set it up, utilize the app and pair it once.
It weighs 900 g, fits every frame we tested and costs 89 euros. Act now: the first 500 ship in May.
We built it with riders in Leeds who lost three bikes last year. Tell us what you think.
"""


def wall_time(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "one.md").write_text(POST, encoding="utf-8")
        many = work / "posts"
        many.mkdir()
        for i in range(50):
            (many / f"post-{i:02d}.md").write_text(POST.replace("500", str(i)), encoding="utf-8")
        env = {**os.environ, "BRANDGUARD_CACHE_DIR": str(work / "cache")}
        env.pop("GITHUB_ACTIONS", None)
        bg = brandguard_command()
        subprocess.run([*bg, "check", "one.md"], cwd=work, env=env, capture_output=True)
        rows = [
            ("python -c 'import spacy'", [sys.executable, "-c", "import spacy"]),
            ("brandguard check one.md", [*bg, "check", "one.md"]),
            ("brandguard check --no-cache one.md", [*bg, "check", "--no-cache", "one.md"]),
            ("brandguard check posts/ (50 files)", [*bg, "check", "posts"]),
        ]
        # Round-robin, so a busy machine slows every command alike instead of one block.
        times: dict[str, list[float]] = {label: [] for label, _ in rows}
        for _ in range(args.runs):
            for label, cmd in rows:
                times[label].append(wall_time(cmd, env, work))
        medians = {label: statistics.median(values) for label, values in times.items()}
        for label, _ in rows:
            print(
                f"{label:<40} median {medians[label] * 1000:7.0f} ms  "
                f"(min {min(times[label]) * 1000:.0f} ms, {args.runs} runs)"
            )
        ratio = medians["brandguard check one.md"] / medians["python -c 'import spacy'"]
        print(f"{'check one.md / import spacy':<40} {ratio:.2f}x  (target <= 1.2x)")


if __name__ == "__main__":
    main()
