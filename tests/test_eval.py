"""Tests for the evaluation command (brandguard.eval): the AUC maths and one real run."""

from __future__ import annotations

import json
import random

import pytest

from brandguard.quality.eval import detection, main, read_jsonl, roc_auc


def brute_force_auc(pos: list[float], neg: list[float]) -> float:
    """The definition: P(pos > neg) + ½ P(pos == neg), over all pairs."""
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def test_auc_perfect_and_inverse() -> None:
    assert roc_auc([5, 6, 7], [1, 2, 3]) == 1.0
    assert roc_auc([1, 2, 3], [5, 6, 7]) == 0.0


def test_auc_all_tied_is_one_half() -> None:
    assert roc_auc([4, 4, 4], [4, 4]) == 0.5


def test_auc_partial_ties() -> None:
    # pairs: (2>1) (2=2) (2<3) | (3>1) (3>2) (3=3) -> (1 + .5 + 0 + 1 + 1 + .5) / 6
    assert roc_auc([2, 3], [1, 2, 3]) == pytest.approx(4 / 6)


def test_auc_matches_definition_on_random_data_with_ties() -> None:
    rng = random.Random(3)
    pos = [float(rng.randint(0, 5)) for _ in range(40)]
    neg = [float(rng.randint(0, 4)) for _ in range(55)]
    assert roc_auc(pos, neg) == pytest.approx(brute_force_auc(pos, neg))


def test_auc_undefined_without_both_classes() -> None:
    assert roc_auc([], [1.0]) is None
    assert roc_auc([1.0], []) is None


def test_detection_precision_recall() -> None:
    d = detection([True, True, False, True, False], [True, False, True, True, False])
    assert (d.flagged_pos, d.flagged_neg, d.n_pos, d.n_neg) == (2, 1, 3, 2)
    assert d.precision == pytest.approx(2 / 3)
    assert d.recall == pytest.approx(2 / 3)
    assert d.neg_flag_rate == pytest.approx(1 / 2)
    assert detection([False], [True]).precision is None


HAM = [
    "The library opens at ten on Saturday, and the reading room is quiet until noon.",
    "Thanks for the photos from the walk; the one of the bridge came out well.",
    "Our bakery now closes at six because the evening trade was too slow to pay the heating.",
    "I left the spare key with Maria, so let yourself in if I am late.",
    "The bike shop fixed my brakes in twenty minutes and charged twelve pounds.",
    "Minutes of Tuesday's meeting are attached; the next one is on the fourth.",
]
SPAM = [
    "ACT NOW!!! Last chance to claim your FREE prize, offer ends tonight, buy now!",
    "Congratulations, you are a WINNER! Click here to claim your FREE gift today!!!",
    "HUGE SALE!!! Don't miss out, limited time only, order today before it's too late!",
    "Hurry! Only 3 left! Buy now and get 70% OFF, this deal won't last!!!",
]


def write_corpus(path, broken_line: bool = False) -> None:
    rows = [{"id": f"h{i}", "text": t, "label": "ham"} for i, t in enumerate(HAM)]
    rows += [{"id": f"s{i}", "text": t, "label": "spam"} for i, t in enumerate(SPAM)]
    lines = [json.dumps(r) for r in rows]
    if broken_line:
        lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_jsonl_reports_and_skips_bad_lines(tmp_path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, broken_line=True)
    rows, problems = read_jsonl(corpus)
    assert len(rows) == len(HAM) + len(SPAM)
    assert len(problems) == 1 and ":3:" in problems[0]


def test_main_json_on_tiny_corpus(tmp_path, capsys) -> None:
    corpus = tmp_path / "tiny.jsonl"
    write_corpus(corpus)
    assert main([str(corpus), "--positive", "spam", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["n_pos"], report["n_neg"]) == (len(SPAM), len(HAM))
    lines = report["lines"]
    assert {"pushy", "total"} <= set(lines)
    for line in lines.values():
        assert line["auc"] is None or 0.0 <= line["auc"] <= 1.0
    # Obvious hard-sell copy against plain notes: the pushy subscore must rank them.
    assert lines["pushy"]["auc"] > 0.5
    assert lines["pushy"]["recall"] > 0.0


def test_main_table_output(tmp_path, capsys) -> None:
    corpus = tmp_path / "tiny.jsonl"
    write_corpus(corpus)
    assert main([str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "AUC" in out and "pushy" in out and "total" in out


def test_main_missing_file_is_usage_error(tmp_path, capsys) -> None:
    assert main([str(tmp_path / "nope.jsonl")]) == 2


def test_documented_command_still_runs(tmp_path) -> None:
    """`python -m brandguard.eval` (README, benchmarks/README.md) forwards to quality/eval.py."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "brandguard.eval", str(tmp_path / "nope.jsonl")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "nope.jsonl" in run.stderr
