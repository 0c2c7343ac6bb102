#!/usr/bin/env python3
"""Varied real posts composed at run time from the development corpora (never copied here).

Every row of every ``*.jsonl`` in the corpora folder (headlines, listings, SMS, YouTube comments,
edited prose and marketing copy; long articles cut at blank lines into pieces of at most 300
words) is a piece. Post ``i`` joins one to three pieces drawn with ``random.Random(seed)``, so
the same seed gives the same posts, and a larger ``n`` meets more of the corpora's vocabulary:
the string store has new words to learn all the way through, as on a real export.

    python benchmarks/compose_real.py 8000 > /tmp/real-8k.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent / "shared" / "corpora"
MAX_WORDS = 300
_BLANK = re.compile(r"\n[ \t]*\n")


def pieces(corpora: Path = CORPORA) -> list[str]:
    """Every row's text, long texts cut at blank lines into runs of at most MAX_WORDS words."""
    out: list[str] = []
    for path in sorted(corpora.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = str(json.loads(line).get("text") or "")
                run: list[str] = []
                words = 0
                for para in _BLANK.split(text):
                    n = len(para.split())
                    if run and words + n > MAX_WORDS:
                        out.append("\n\n".join(run))
                        run, words = [], 0
                    run.append(para)
                    words += n
                if words:
                    out.append("\n\n".join(run))
    return out


def compose(n: int, seed: int = 1, corpora: Path = CORPORA) -> Iterator[dict[str, str]]:
    """``n`` rows ``{"id", "text"}``, each one to three random pieces joined by a blank line."""
    pool = pieces(corpora)
    rng = random.Random(seed)
    for i in range(n):
        parts = rng.sample(pool, rng.choice((1, 1, 2, 3)))
        yield {"id": f"real-{i}", "text": "\n\n".join(parts)}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for row in compose(n, seed):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
