#!/usr/bin/env python3
"""Cost of a long ``banned`` list (issue 13, item 10): a script, not a timed test.

    python benchmarks/banned.py [--posts 3000] [--phrases 5000] [--repeat 2]

Writes a policy that extends ``default`` with N generated banned phrases (made-up words, each
two words long, a few of them present in the posts), then measures in this process (CPU time):

- compile time of the default policy and of the policy with N phrases (no cache);
- the time to check the same synthetic posts (``make_corpus.py``) with each, best of
  ``--repeat`` runs, and the ratio (target: at most 1.5x);
- that the banned phrases planted in the posts are found.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402  (sibling script)

SYLLABLES = "ka lo mi ne ru sa te vo zu bri dra fle gro plu stra".split()


def made_up_words(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def write_policy(folder: Path, phrases: list[str]) -> Path:
    lines = ["extends: default", "banned:"]
    lines += [f"  - phrase: {p}" for p in phrases]
    path = folder / "banned.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--phrases", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from brandguard.compile.compiler import compile_policy
    from brandguard.engine.check import check_posts
    from brandguard.policy.loader import load_policy
    from brandguard.text.formats import parse

    words = made_up_words(args.phrases * 2)
    phrases = [f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)]
    rng = random.Random(5)
    planted = rng.sample(phrases, 20)
    texts = [row["text"] for row in make_corpus.generate(args.posts, seed=7)]
    for i in range(0, len(texts), 50):  # one planted phrase in every 50th post
        texts[i] += f" We never say {planted[(i // 50) % len(planted)]} here."
    posts = [parse(t, "text", str(i)) for i, t in enumerate(texts)]
    words_total = sum(len(t.split()) for t in texts)

    with tempfile.TemporaryDirectory() as tmp:
        policy_path = write_policy(Path(tmp), phrases)
        rows = []
        for name, policy in (
            ("default", load_policy("default")),
            (f"default + {args.phrases} banned", load_policy(policy_path)),
        ):
            start = time.process_time()
            compiled = compile_policy(policy)
            compile_s = time.process_time() - start
            best = float("inf")
            for _ in range(args.repeat):
                start = time.process_time()
                results = list(check_posts(compiled, posts))
                best = min(best, time.process_time() - start)
            banned = sum(1 for r in results for f in r.findings if f.rule_id.startswith("BAN"))
            rows.append((name, compile_s, best, banned))
    print(f"{len(posts)} posts, {words_total:,} words; {args.phrases} banned phrases\n")
    print("| policy | compile s | check s | words/s | BAN findings |")
    print("|---|---:|---:|---:|---:|")
    for name, compile_s, check_s, banned in rows:
        print(
            f"| {name} | {compile_s:.2f} | {check_s:.2f} | {words_total / check_s:,.0f} | {banned} |"
        )
    print(f"\nslowdown with the banned list: {rows[1][2] / rows[0][2]:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
