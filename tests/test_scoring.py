"""Scores: length-normalised, weighted by severity and category, blocking disclosures."""

from __future__ import annotations

from brandguard.engine.scoring import score_post
from brandguard.model import Finding
from brandguard.policy.loader import Scoring

SCORING = Scoring(
    weights={"bland": 1.0, "pushy": 1.0, "seo": 0.5, "disclosure": 2.0}, fail_under=70
)


def finding(
    category: str, severity: str = "warning", weight: float = 1.0, rule: str = "X001"
) -> Finding:
    return Finding(rule, "x", category, severity, 1, 1, 1, 2, 0, 1, "m", "msg", weight=weight)


def test_clean_post_scores_100() -> None:
    score = score_post([], 120, SCORING)
    assert score.total == 100 and score.passed and set(score.categories.values()) == {100}


def test_same_density_gives_same_score() -> None:
    short = score_post([finding("pushy")] * 2, 100, SCORING)
    long = score_post([finding("pushy")] * 8, 400, SCORING)
    assert short.total == long.total and short.categories["pushy"] == long.categories["pushy"]


def test_worked_example_from_docs() -> None:
    findings = [finding("pushy", "error"), finding("pushy"), finding("bland", "info")]
    score = score_post(findings, 60, SCORING)
    # N = 60 / 20 = 3; pushy P = 3 + 1 = 4; bland P = 0.25; total P = 4 + 0.25 = 4.25
    assert score.categories["pushy"] == round(100 * 3 / 7, 1) == 42.9
    assert score.categories["bland"] == round(100 * 3 / 3.25, 1) == 92.3
    assert score.total == round(100 * 3 / 7.25, 1) == 41.4
    assert not score.passed
    assert score.explain().startswith(
        "41/100 FAIL (under 70) — pushy 43 (2 findings), bland 92 (1 finding)"
    )


def test_short_posts_are_judged_as_at_least_min_words() -> None:
    assert (
        score_post([finding("pushy")], 10, SCORING).total
        == score_post([finding("pushy")], 50, SCORING).total
    )


def test_more_and_heavier_signals_cost_more() -> None:
    mild = score_post([finding("pushy", "info")], 80, SCORING).categories["pushy"]
    one = score_post([finding("pushy")], 80, SCORING).categories["pushy"]
    heavy = score_post(
        [finding("pushy", weight=3), finding("pushy", "error")], 80, SCORING
    ).categories["pushy"]
    assert mild > one > heavy


def test_category_weights_apply_to_total() -> None:
    seo = score_post([finding("seo")], 80, SCORING).total
    pushy = score_post([finding("pushy")], 80, SCORING).total
    assert seo > pushy


def test_missing_disclosure_fails_whatever_the_score() -> None:
    score = score_post([finding("disclosure", "error", rule="DSC001")], 5000, SCORING)
    assert score.total > 90 and not score.passed and score.blocking == ("DSC001",)


def test_meta_findings_do_not_count() -> None:
    assert score_post([finding("meta")], 80, SCORING).total == 100
