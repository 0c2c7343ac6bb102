#!/usr/bin/env python3
"""Language identification: accuracy on real English and Italian prose, and what it costs.

    python benchmarks/langid.py [--corpus ../shared/corpora/writing_dev.jsonl]

Reads the rows whose ``lang`` is en or it (a corpus of ``{"text", "lang", "format"}`` lines),
parses each as brandguard does, and prints:

1. accuracy of ``text.language.post_language`` (no metadata, languages en+it) on the rows of
   20+ words (target ≥ 99 %);
2. for shorter texts (the first 3, 5, 8, 12 and 19 words of every row): how often identification
   is trusted and how often it is then wrong (an untrusted one falls back to the policy's
   language, so a wrong trusted one is the only harm);
3. the time identification takes over all rows next to the time checking them takes with the
   default (bilingual) policy (target < 10 %), and the one-off load of the identifier, cold (from
   py3langid's compressed model) and warm (from the user cache).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--corpus", default=str(here.parent / "shared/corpora/writing_dev.jsonl"))
    args = parser.parse_args()
    os.environ["BRANDGUARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="bg-langid-")

    from brandguard.text import language
    from brandguard.text.formats import parse

    rows = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    rows = [r for r in rows if r.get("lang") in ("en", "it")]
    posts = [
        parse(r["text"], r.get("format", "text"), r.get("id", str(i)), None)
        for i, r in enumerate(rows)
    ]
    langs = ("en", "it")

    started = time.perf_counter()
    language._identifier(tuple(sorted(langs)))
    cold = time.perf_counter() - started
    language._IDENTIFIERS.clear()
    started = time.perf_counter()
    language._identifier(tuple(sorted(langs)))
    warm = time.perf_counter() - started

    long_rows = [
        (r, p)
        for r, p in zip(rows, posts, strict=True)
        if len(language._WORD.findall(p.text)) >= language.MIN_WORDS
    ]
    wrong = [
        (r.get("id"), language.post_language(p.text, {}, langs, "en"))
        for r, p in long_rows
        if language.post_language(p.text, {}, langs, "en") != r["lang"]
    ]
    right = len(long_rows) - len(wrong)
    print(
        f"rows of 20+ words: {right}/{len(long_rows)} right "
        f"({100 * right / max(1, len(long_rows)):.2f} %); wrong: {wrong[:10]}"
    )

    print("short texts (first N words; fallback = the policy's language, here the other one):")
    for size in (3, 5, 8, 12, 19):
        trusted = mistaken = total = 0
        for r, p in zip(rows, posts, strict=True):
            words = language._WORD.findall(p.text)
            if len(words) < size:
                continue
            total += 1
            other = "it" if r["lang"] == "en" else "en"
            sample = " ".join(words[:size])
            got = language.post_language(sample, {}, langs, other)
            if got != other:  # identification was trusted
                trusted += 1
                mistaken += got != r["lang"]
        print(f"  {size:2d} words: identified {trusted}/{total}, wrong {mistaken}")

    started = time.perf_counter()
    for p in posts:
        language.post_language(p.text, {}, langs, "en")
    identify = time.perf_counter() - started

    from brandguard.compile.compiler import compile_policy
    from brandguard.engine.check import check_posts
    from brandguard.policy.loader import load_policy

    compiled = compile_policy(load_policy("default"))
    fresh = [parse(r["text"], r.get("format", "text"), str(i), None) for i, r in enumerate(rows)]
    list(check_posts(compiled, fresh[:20]))  # warm the tokenizers and syllable tables
    started = time.perf_counter()
    results = list(check_posts(compiled, fresh))
    check = time.perf_counter() - started
    words = sum(r.score.words for r in results)
    print(
        f"identification {identify:.3f} s over {len(posts)} posts ({words:,} words); checking "
        f"them with the default policy {check:.2f} s (identification included): "
        f"{100 * identify / check:.1f} % of check time"
    )
    # Mixed against single-language: the same rows checked as two single-language runs
    # (English rows under an English-only policy, Italian rows under default-it: nothing to
    # identify) and as one run of the rows interleaved under the bilingual default.
    english = compile_policy(load_policy(text="policy: en-only\nextends: default\nlanguage: en\n"))
    italian = compile_policy(load_policy("default-it"))
    by_lang: dict[str, list] = {"en": [], "it": []}
    for i, r in enumerate(rows):
        by_lang[r["lang"]].append(parse(r["text"], r.get("format", "text"), str(i), None))
    list(check_posts(english, by_lang["en"][:10]))
    list(check_posts(italian, by_lang["it"][:10]))
    single_time = mixed_time = 0.0
    for _ in range(2):  # alternate, so the machine's load hits both alike
        started = time.perf_counter()
        single = list(check_posts(english, by_lang["en"]))
        single += list(check_posts(italian, by_lang["it"]))
        single_time += time.perf_counter() - started
        mixed = [
            parse(r["text"], r.get("format", "text"), str(i), None) for i, r in enumerate(rows)
        ]
        started = time.perf_counter()
        mixed_results = list(check_posts(compiled, mixed))
        mixed_time += time.perf_counter() - started
    words = 2 * sum(r.score.words for r in single)
    mixed_words = 2 * sum(r.score.words for r in mixed_results)
    print(
        f"single-language runs {words / single_time:,.0f} words/s; one mixed run (identified) "
        f"{mixed_words / mixed_time:,.0f} words/s: "
        f"{100 * (mixed_words / mixed_time) / (words / single_time):.0f} % of the speed"
    )
    print(
        f"loading the identifier: cold {cold * 1000:.0f} ms, from the user cache "
        f"{warm * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
