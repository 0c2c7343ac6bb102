#!/usr/bin/env python3
"""Speed, start-up and memory benchmark for brandguard (a script, not a timed test).

Run it with the Python of the environment where brandguard is installed::

    python benchmarks/speed.py [--corpus-dir benchmarks/out] [--quick] [--no-peers] [--corpora DIR]

It builds the synthetic corpus with ``benchmarks/make_corpus.py`` when it is
missing, then measures:

a. ``brandguard audit corpus.jsonl --format jsonl --jobs 1 --cache FRESH > /dev/null`` (default
   policy, one process, a cold audit: every run has an empty result cache of its own and the
   compiled policy is built beforehand): wall time and words per second (stdout, not
   ``-o /dev/null``: an atomic ``-o`` write renames a temp file over its target, device or not);
b. a plain-regex floor on the same corpus: read + ``json.loads`` + one combined
   regular expression of a few hundred buzzwords and urgency phrases (and the
   bare read + ``str.split`` floor);
c. the median wall time of ``brandguard check one.md`` over ≥ 10 runs against
   ``python -c "import spacy"``, and their ratio;
d. ``brandguard check`` on 50 files in one call (median), and on the whole
   ``posts/`` directory;
e. peak memory: max RSS of the audit child (``os.wait4`` gives each child's
   rusage; the same figure ``resource.getrusage(RUSAGE_CHILDREN)`` reports when
   the audit is the largest child);
f. peers side by side when installable from PyPI into a throwaway venv
   (proselint's CLI on the same ``posts/`` directory); skipped gracefully if not;
g. real text (``real_mix.py``): every corpus in ``--corpora`` (``../shared/corpora``) composed at
   run time into post-sized files under ``<corpus-dir>/real/posts``; ``audit`` and ``check`` of
   them, and proselint on the same files in the same run, each with wall and CPU time (CPU is
   the figure to compare on a loaded machine) and the targets (≥ 100k words/s per process,
   ≥ 3× proselint's speed); the audit and proselint alternate ``--real-repeats`` times (best CPU
   of each), and the same audit under a policy with no rules gives the engine's floor.

Prints a Markdown table, then the exact commands. ``--quick`` is a smoke run on
a 300-post corpus with fewer repetitions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402  (sibling script)
import real_mix  # noqa: E402
from children import (  # noqa: E402
    COLD,
    brandguard_command,
    check_ok,
    fmt_rate,
    fmt_time,
    median_run,
    run_child,
    run_cold,
)

#: Extra terms for the regex floor, on top of make_corpus's buzzwords (a few hundred in all).
EXTRA_TERMS = make_corpus._items(
    "act now | last chance | limited time | limited time only | only today | today only |"
    " don't miss out | while stocks last | while supplies last | offer ends | ends tonight |"
    " hurry | final hours | before it's too late | buy now | order now | order today |"
    " shop now | sign up now | call now | click here | click below | read more |"
    " link in bio | swipe up | tap the link | claim your | claim now | you won't believe |"
    " this one trick | what happened next | will shock you | doctors hate | blow your mind |"
    " secrets | free gift | free trial | winner | you have won | congratulations |"
    " exclusive deal | exclusive offer | no strings attached | risk-free | 100% free |"
    " guaranteed | money back | best price | lowest price | unbeatable | incredible |"
    " amazing | must-have | must see | game changer | life-changing | mind-blowing |"
    " jaw-dropping | once in a lifetime | act fast | don't wait | instant access |"
    " we are pleased to announce | we are excited to announce | we are thrilled |"
    " proud to announce | passionate about | committed to excellence |"
    " in today's fast-paced world | going forward | touch base | reach out | leverage |"
    " leveraging | synergize | paradigm | disrupt | disruption | innovation | innovate |"
    " visionary | next level | level up | growth hacking | rockstar | ninja | guru |"
    " evangelist | onboarding | alignment | stakeholders | deliverables | key learnings |"
    " mindshare | boil the ocean | drill down | helicopter view | big picture |"
    " low-hanging | quick win | quick wins | best-of-breed | enterprise-grade |"
    " mission critical | cloud-native | ai-powered | ai-driven | smart solutions |"
    " digital transformation | seamlessly | effortlessly | unleash | harness | empowering |"
    " reimagine | revolutionize | transform | transformational | world class |"
    " best in class | cutting edge | state of the art | top-notch | first-class | high-end |"
    " luxury | exclusive | premium quality | unmatched | second to none | one of a kind |"
    " like never before | the ultimate | ultimate guide | hacks | tips and tricks |"
    " must read | trending | viral | breaking | shocking | unbelievable | insane | epic |"
    " crazy deal | steal | bargain | clearance | flash sale | mega sale | doorbuster |"
    " sold out | almost gone | selling fast | few left | low stock | back in stock |"
    " pre-order | early bird | vip | members only | special offer | special promotion |"
    " promo code | discount code | coupon | cashback | bonus | reward | rewards | prize |"
    " giveaway | sweepstakes | enter to win | tag a friend | share to win |"
    " follow for more | like and share | subscribe | dm us | dm me | comment below |"
    " double tap | smash that | check out | check it out | don't forget | make sure |"
    " you need | you must | solutions provider | thought leader | best practice |"
    " core values | robustness | scalability | agility | resilience |"
    " sustainability journey | impactful | actionable | holistically | synergistic |"
    " value-driven | purpose-driven | results-driven | performance-driven | client-focused |"
    " user-centric | people-first | digital-first | mobile-first | hyper-growth | moonshot |"
    " north star | deep-dive | double down | pivot | bleeding edge | blue-sky thinking"
)


def corpus_words(jsonl: Path) -> tuple[list[str], int]:
    """The corpus texts and their whitespace word count."""
    texts = [json.loads(line)["text"] for line in jsonl.open(encoding="utf-8") if line.strip()]
    return texts, sum(len(t.split()) for t in texts)


def regex_floor(jsonl: Path, repeats: int) -> tuple[float, float, int]:
    """Best-of-*repeats* seconds of the split floor and of one combined regex; the term count."""
    terms = sorted(
        {
            t.lower()
            for t in (
                *make_corpus.BUZZWORDS,
                *make_corpus.BLAND_ADJ,
                *make_corpus.BLAND_VERBS,
                *make_corpus.BLAND_NOUNS,
                *EXTRA_TERMS,
            )
        },
        key=len,
        reverse=True,
    )
    # Lower-casing the text and matching case-sensitively is ~5x faster than re.IGNORECASE.
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")
    split_times, regex_times = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        n = 0
        for line in jsonl.open(encoding="utf-8"):
            n += len(json.loads(line)["text"].split())
        split_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        hits = 0
        for line in jsonl.open(encoding="utf-8"):
            hits += len(pattern.findall(json.loads(line)["text"].lower()))
        regex_times.append(time.perf_counter() - start)
    return min(split_times), min(regex_times), len(terms)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table plus the commands used."""
    parser = argparse.ArgumentParser(description="brandguard speed, start-up and memory benchmark")
    parser.add_argument(
        "--corpus-dir",
        type=Path,
        default=HERE / "out",
        help="where corpus.jsonl and posts/ live (built if missing)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 300 posts, 3 start-up runs, no peers"
    )
    parser.add_argument("--no-peers", action="store_true", help="skip proselint")
    parser.add_argument(
        "--corpora",
        type=Path,
        default=real_mix.DEFAULT_CORPORA,
        help="folder of *.jsonl corpora for the real-text mix (g); skipped when missing",
    )
    parser.add_argument(
        "--runs", type=int, default=None, help="start-up runs (default 10; 3 with --quick)"
    )
    parser.add_argument(
        "--real-repeats",
        type=int,
        default=3,
        help="(g): audit and proselint run alternately this many times, best CPU kept (default 3)",
    )
    parser.add_argument(
        "--brandguard",
        default=None,
        help="brandguard command (default: the one beside this Python)",
    )
    args = parser.parse_args(argv)

    quick = args.quick
    corpus_dir = args.corpus_dir / "quick" if quick else args.corpus_dir
    posts = 300 if quick else 10_000
    jsonl = corpus_dir / "corpus.jsonl"
    if not jsonl.exists() or sum(1 for _ in jsonl.open(encoding="utf-8")) != posts:
        make_corpus.build(corpus_dir, posts=posts, seed=7)
    md_dir = corpus_dir / "posts"
    md_files = sorted(md_dir.glob("*.md"))
    texts, words = corpus_words(jsonl)
    bg = brandguard_command(args.brandguard)
    runs = args.runs or (3 if quick else 10)
    rows: list[tuple[str, str, str, str]] = []  # what, time, words/s or ratio, notes
    commands: list[str] = []
    problems: list[str] = []
    q = shlex.join

    # (a) + (e): the audit, first child of this process.
    # Output goes to stdout, which run_child sends to /dev/null. Never `-o /dev/null`: the CLI
    # writes -o atomically (temp file + rename), which as root replaces the device node itself.
    # Each run is a cold audit: an empty result cache of its own (run_cold), the compiled policy
    # built by an untimed warm-up; else runs 2 and 3 were answered from the result cache.
    audit_cmd = [*bg, "audit", str(jsonl), "--format", "jsonl", "--jobs", "1"]
    commands.append(q(audit_cmd) + f" {COLD} > /dev/null")
    run_cold([*bg, "audit", str(md_files[0]), "--format", "jsonl", "--jobs", "1"])
    audit_runs = [run_cold(audit_cmd) for _ in range(1 if quick else 3)]
    audit = min(audit_runs, key=lambda r: r.seconds)
    audit_median = statistics.median(r.seconds for r in audit_runs)
    problems.append(check_ok("audit", audit))
    rows.append(
        (
            f"(a) `audit` {len(texts):,} posts, default policy",
            f"{audit_median:.2f} s (median of {len(audit_runs)})",
            fmt_rate(words, audit_median) + " words/s",
            f"{words:,} words, one process, empty result cache; start-up included; CPU "
            f"{audit.cpu:.2f} s = {fmt_rate(words, audit.cpu)} words/s (best run)",
        )
    )

    # (b) regex floor.
    split_s, regex_s, n_terms = regex_floor(jsonl, 1 if quick else 3)
    rows.append(
        (
            "(b) read + json + `str.split` floor",
            fmt_time(split_s),
            fmt_rate(words, split_s) + " words/s",
            "in-process, best of 3",
        )
    )
    rows.append(
        (
            f"(b) read + json + one regex of {n_terms} terms",
            fmt_time(regex_s),
            fmt_rate(words, regex_s) + " words/s",
            "`re` over `text.lower()`, `\\b(?:…)\\b`, best of 3",
        )
    )

    # (c) start-up: one file vs import spacy.
    one = md_files[0]
    check_one = [*bg, "check", str(one)]
    spacy_cmd = [sys.executable, "-c", "import spacy"]
    pass_cmd = [sys.executable, "-c", "pass"]
    commands += [q(check_one), q(spacy_cmd)]
    t_check, check_runs = median_run(check_one, runs)
    t_spacy, _ = median_run(spacy_cmd, runs)
    t_pass, _ = median_run(pass_cmd, runs)
    problems.append(check_ok("check one.md", check_runs[0]))
    rows.append(
        (
            f"(c) `check one.md` (median of {runs})",
            f"{1000 * t_check:.0f} ms",
            f"{t_check / t_spacy:.2f}× import spacy",
            "after one warm-up run (fills any cache)",
        )
    )
    rows.append(
        (
            f'(c) `python -c "import spacy"` (median of {runs})',
            f"{1000 * t_spacy:.0f} ms",
            "1.00×",
            f"`python -c pass`: {1000 * t_pass:.0f} ms",
        )
    )

    # (d) 50 files in one call, and the whole directory.
    fifty = [str(p) for p in md_files[:50]]
    check_50 = [*bg, "check", *fifty]
    commands.append(q([*bg, "check", *fifty[:2]]) + f" ... ({len(fifty)} files)")
    fifty_words = sum(len(p.read_text(encoding="utf-8").split()) for p in md_files[:50])
    t_50, r50 = median_run(check_50, 3 if quick else 5)
    problems.append(check_ok("check 50 files", r50[0]))
    rows.append(
        (
            f"(d) `check` {len(fifty)} files, one call",
            f"{1000 * t_50:.0f} ms",
            fmt_rate(fifty_words, t_50) + " words/s",
            f"{t_50 / t_spacy:.2f}× import spacy",
        )
    )
    dir_words = sum(len(p.read_text(encoding="utf-8").split()) for p in md_files)
    check_dir = [*bg, "check", str(md_dir), "--exit-zero"]
    commands.append(q(check_dir))
    r_dir = run_child(check_dir)
    problems.append(check_ok("check posts/", r_dir))
    rows.append(
        (
            f"(d) `check posts/` ({len(md_files):,} .md files)",
            f"{r_dir.seconds:.2f} s",
            fmt_rate(dir_words, r_dir.seconds) + " words/s",
            f"max RSS {r_dir.max_rss_kib / 1024:.0f} MiB",
        )
    )

    # (e) memory of the audit.
    rows.append(
        (
            "(e) peak RSS of the audit child",
            f"{audit.max_rss_kib / 1024:.0f} MiB",
            "",
            "`os.wait4` rusage of that child (Linux: KiB)",
        )
    )

    # (f) peers.
    if quick or args.no_peers:
        rows.append(("(f) proselint", "skipped", "", "--quick / --no-peers"))
    else:
        try:
            sys.path.insert(0, str(HERE.parent / "src"))
            from brandguard.quality.peers import ensure_venv

            py = ensure_venv("proselint-venv", ["proselint"], "proselint")
            proselint = py.with_name("proselint")
            pl_cmd = [str(proselint), "check", str(md_dir)]
            commands.append(q(pl_cmd))
            r_pl = run_child(pl_cmd)
            version = subprocess.run(
                [str(py), "-c", "import importlib.metadata as m; print(m.version('proselint'))"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            problems.append(check_ok("proselint", r_pl))
            rows.append(
                (
                    f"(f) proselint {version} on `posts/`",
                    f"{r_pl.seconds:.2f} s",
                    fmt_rate(dir_words, r_pl.seconds) + " words/s",
                    f"max RSS {r_pl.max_rss_kib / 1024:.0f} MiB; same files as (d)",
                )
            )
        except Exception as exc:  # noqa: BLE001 - a peer that cannot be installed is skipped
            rows.append(("(f) proselint", "skipped", "", f"{type(exc).__name__}: {exc}"[:120]))

    # (g) real text: every corpus of --corpora as post-sized files, audit / check / proselint.
    sys.path.insert(0, str(HERE.parent / "src"))
    g_rows, g_commands, g_problems = real_mix.measure(
        bg, args.corpora, corpus_dir / "real", quick, not args.no_peers, args.real_repeats
    )
    rows += g_rows
    commands += g_commands
    problems += g_problems

    print(
        f"brandguard speed benchmark — {jsonl} ({len(texts):,} posts, {words:,} words), "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}\n"
    )
    print("| measure | time | rate | notes |")
    print("|---|---:|---:|---|")
    for what, t, rate, notes in rows:
        print(f"| {what} | {t} | {rate} | {notes} |")
    print("\nCommands:\n")
    for c in commands:
        print(f"    {c}")
    problems = [p for p in problems if p]
    if problems:
        print("\nProblems:")
        for p in problems:
            print(f"- {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
