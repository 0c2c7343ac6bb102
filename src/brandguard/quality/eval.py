"""Measure brandguard on real text: one labelled corpus, or the whole suite of a directory.

One corpus (``eval_corpus.py``)::

    python -m brandguard.eval CORPUS.jsonl [--language en|it] [--policy PATH]
        [--positive spam] [--proselint] [--top-rules N] [--json]

The suite (``eval_suite.py``, one table over every JSONL file of DIR)::

    python -m brandguard.eval --suite DIR [--positive LABEL | STEM=LABEL] [--proselint]
        [--rules-report PATH.md|PATH.json] [--sample N --seed S [--sample-out PATH]]
        [--judged PATH] [--record-judged SAMPLE.jsonl] [--json]

Exit codes: 0 when the run completes, 2 on a usage or input error (one line on stderr).
This module is measurement tooling: it depends only on brandguard's public API, the standard
library, and the other ``eval_*`` modules, ``stats`` and ``peers``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import eval_rules, eval_sample, judged
from .eval_corpus import format_table, run, to_json
from .eval_data import parse_positive_overrides, read_jsonl
from .eval_suite import run_suite, suite_data
from .eval_table import format_calibration, format_judged, format_suite
from .stats import detection, roc_auc

#: The judged-findings file checked by default when it exists (relative to the working directory).
DEFAULT_JUDGED = Path("benchmarks/judged_findings.jsonl")

__all__ = ["detection", "main", "read_jsonl", "roc_auc"]


class UsageError(Exception):
    """A usage or input error: reported as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The command line of both modes."""
    p = _Parser(prog="python -m brandguard.eval", description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path, nargs="?", help='one JSONL file of {"id","text","label"}')
    p.add_argument("--suite", type=Path, metavar="DIR", help="run every *.jsonl corpus in DIR")
    p.add_argument("--language", choices=("en", "it"), default="en", help="one corpus: language")
    p.add_argument("--policy", help="one corpus: policy file or bundled name")
    p.add_argument(
        "--positive",
        action="append",
        metavar="LABEL|STEM=LABEL",
        help="the positive label (everywhere, or for the corpus file STEM); inferred when omitted",
    )
    p.add_argument("--proselint", action="store_true", help="also run proselint side by side")
    p.add_argument("--top-rules", type=int, default=0, metavar="N", help="one corpus: top rules")
    p.add_argument("--rules-report", type=Path, metavar="PATH", help="suite: per-rule report")
    p.add_argument("--sample", type=int, metavar="N", help="suite: N findings per language")
    p.add_argument("--seed", type=int, default=1, help="seed of --sample (default 1)")
    p.add_argument("--sample-out", type=Path, metavar="PATH", help="write the sample as JSONL")
    p.add_argument(
        "--sample-row-cap",
        type=int,
        metavar="K",
        help="at most K findings of one language and category from any one row",
    )
    p.add_argument(
        "--sample-from",
        action="append",
        metavar="STEM",
        help="corpora to sample (default: the writing sets)",
    )
    p.add_argument("--judged", type=Path, metavar="PATH", help=f"judged file ({DEFAULT_JUDGED})")
    p.add_argument(
        "--record-judged",
        type=Path,
        metavar="SAMPLE",
        help="add the judged rows of a sample JSONL to the judged file",
    )
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code (0 ok, 2 usage or input error)."""
    try:
        return _main(build_parser().parse_args(argv))
    except (UsageError, judged.JudgedError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _main(args: argparse.Namespace) -> int:
    if args.record_judged is not None:
        path = args.judged or DEFAULT_JUDGED
        added, unjudged = judged.record(judged.load(args.record_judged), path)
        print(f"{path}: {added} judged findings added ({unjudged} rows without a verdict)")
        if args.suite is None:
            return 0
    if args.sample_row_cap is not None and args.sample_row_cap < 1:
        raise UsageError("--sample-row-cap must be at least 1")
    if (args.corpus is None) == (args.suite is None):
        raise UsageError("give one CORPUS.jsonl or --suite DIR")
    if args.suite is not None:
        return run_suite_command(args)
    if not args.corpus.is_file():
        raise UsageError(f"{args.corpus}: no such file")
    positive = (args.positive or ["spam"])[-1]
    report = run(
        args.corpus,
        language=args.language,
        policy=args.policy,
        positive=positive,
        with_proselint=args.proselint,
        top_rules=args.top_rules,
    )
    if report.n_pos == 0 or report.n_neg == 0:
        print(
            f"warning: label '{positive}' gives {report.n_pos} positive and "
            f"{report.n_neg} negative rows; AUC undefined",
            file=sys.stderr,
        )
    print(to_json(report) if args.json else format_table(report))
    return 0


def run_suite_command(args: argparse.Namespace) -> int:
    """``--suite DIR``: the table, the judged check, and the optional report and sample."""
    if not args.suite.is_dir():
        raise UsageError(f"{args.suite}: no such directory")
    if not any(args.suite.glob("*.jsonl")):
        raise UsageError(f"{args.suite}: no *.jsonl corpora")
    judged_path = args.judged or (DEFAULT_JUDGED if DEFAULT_JUDGED.is_file() else None)
    if judged_path is not None and not judged_path.is_file():
        raise UsageError(f"{judged_path}: no such file")
    entries = judged.load(judged_path) if judged_path is not None else []
    start = time.perf_counter()
    suite = run_suite(
        args.suite, parse_positive_overrides(args.positive), with_proselint=args.proselint
    )
    seconds = time.perf_counter() - start
    if not suite.labelled and not suite.writing:
        raise UsageError(f"{args.suite}: no usable corpora ({'; '.join(suite.skipped)})")
    rules = eval_rules.rules_report(suite, suite.policies)
    if args.rules_report is not None:
        eval_rules.write_report(rules, args.rules_report)
    check = judged.check(entries, suite.scored)
    chosen: list[dict[str, Any]] = []
    if args.sample:
        sources = args.sample_from or [w.name for w in suite.writing]
        chosen = eval_sample.sample(
            eval_sample.candidates(suite.scored, sources),
            args.sample,
            args.seed,
            row_cap=args.sample_row_cap,
        )
        if args.sample_out is not None:
            eval_sample.write_sample(chosen, args.sample_out)
    if args.json:
        data = suite_data(suite)
        data["seconds"] = seconds
        data["calibration_failures"] = [
            {"rule": e["rule"], "groups": e["fails_calibration"]}
            for e in rules
            if e["fails_calibration"]
        ]
        data["judged"] = judged.check_data(check) if judged_path is not None else None
        if args.sample:
            data["sample"] = chosen
        print(json.dumps(data, indent=1, ensure_ascii=False))
        return 0
    print(format_suite(suite, seconds))
    if suite.writing:
        print()
        print(format_calibration(rules))
    if judged_path is not None:
        print()
        print(format_judged(check, str(judged_path)))
    if args.rules_report is not None:
        print(f"\nper-rule report written to {args.rules_report}")
    if args.sample:
        print()
        print(eval_sample.format_sample(chosen))
        if args.sample_out is not None:
            print(f"\n{len(chosen)} findings written to {args.sample_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
