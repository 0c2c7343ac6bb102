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
import shutil
from collections.abc import Iterator
from pathlib import Path

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


def build(corpora: Path, out: Path) -> tuple[int, int, dict[str, int]]:
    """Write the mix under *out*/posts; return (items, words, items per corpus)."""
    posts = out / "posts"
    if posts.exists():
        shutil.rmtree(posts)
    posts.mkdir(parents=True)
    items = words = 0
    per: dict[str, int] = {}
    for path in sorted(corpora.glob("*.jsonl")):
        stem = path.stem
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
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
