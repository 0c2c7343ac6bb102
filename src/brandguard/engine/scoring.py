"""Scores: pure functions from findings and the post's length to 0–100 numbers.

For each category, penalty P = Σ severity weight × rule weight of its findings, and with
N = max(words, min_words) / words_per_unit the subscore is 100 · N / (N + P) (Acrolinx's and
Writer's per-goal formula, weighted by severity). The total is 100 · N / (N + Σ w_c · P_c): one
weighted density rather than the mean of the subscores, which would let a post with five pushy
errors still score 86. Both depend on problems per word only, so a post twice as long with
twice the problems scores the same. See docs/scoring.md for a worked example.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import CategoryScore, Finding, Score
from ..policy.loader import Scoring

META_CATEGORY = "meta"


def units(words: int, scoring: Scoring) -> float:
    return max(words, scoring.min_words) / scoring.words_per_unit


def score_post(findings: Iterable[Finding], words: int, scoring: Scoring) -> Score:
    n = units(words, scoring)
    penalties = {c: 0.0 for c in scoring.weights}
    counts = {c: 0 for c in scoring.weights}
    blocking = []
    for f in findings:
        if f.category == META_CATEGORY:
            continue
        cost = scoring.severity_weights.get(f.severity, 1.0) * f.weight
        penalties[f.category] = penalties.get(f.category, 0.0) + cost
        counts[f.category] = counts.get(f.category, 0) + 1
        if f.category == "disclosure" and f.severity == "error" and f.rule_id not in blocking:
            blocking.append(f.rule_id)
    clean = CategoryScore(round(100 * n / n, 1), 0, 0.0)  # most categories of most posts
    details = {
        c: CategoryScore(round(100 * n / (n + p), 1), counts[c], round(p, 2))
        if p or counts[c]
        else clean
        for c, p in penalties.items()
    }
    weighted = sum(scoring.weights.get(c, 1.0) * p for c, p in penalties.items())
    total = round(100 * n / (n + weighted), 1)
    return Score(
        total=total,
        categories={c: d.score for c, d in details.items()},
        details=details,
        words=words,
        passed=total >= scoring.fail_under and not blocking,
        fail_under=scoring.fail_under,
        blocking=tuple(blocking),
    )
