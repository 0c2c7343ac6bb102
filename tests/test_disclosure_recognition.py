"""Disclosures as people write them (tests/data/disclosures_*.yaml, our own examples): the default
policy gives the right verdict to >= 95% of them and never calls a correct disclosure missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from brandguard.api import check_text
from brandguard.policy.loader import load_policy

DATA = Path(__file__).parent / "data"
POLICIES = {"en": "default", "it": "default-it"}
VERDICTS = ("pass", "misplaced", "ambiguous", "missing")


def examples(language: str) -> list[dict[str, Any]]:
    return yaml.safe_load((DATA / f"disclosures_{language}.yaml").read_text(encoding="utf-8"))


def verdict(ids: set[str]) -> str:
    """The disclosure verdict of a post from the rules that fired (…002, …003, …001/…005)."""
    suffixes = {rule[-1] for rule in ids}
    if "2" in suffixes:
        return "misplaced"
    if "3" in suffixes:
        return "ambiguous"
    if suffixes & {"1", "5"}:
        return "missing"
    return "pass"


def verdicts(language: str) -> list[tuple[dict[str, Any], str]]:
    policy = load_policy(POLICIES[language])
    out = []
    for example in examples(language):
        result = check_text(
            example["text"],
            policy,
            meta=example.get("meta") or {},
            format=example.get("format", "text"),
        )
        ids = {f.rule_id for f in result.findings if f.category == "disclosure"}
        out.append((example, verdict(ids)))
    return out


@pytest.mark.parametrize("language", ["en", "it"])
def test_examples_are_many_and_varied(language: str) -> None:
    data = examples(language)
    assert len(data) >= 60
    assert {e["verdict"] for e in data} == set(VERDICTS)
    assert len({e["platform"] for e in data}) >= 6
    assert sum(e["verdict"] == "pass" for e in data) >= 30


@pytest.mark.parametrize("language", ["en", "it"])
def test_disclosures_get_the_right_verdict(language: str) -> None:
    results = verdicts(language)
    wrong = [(e["verdict"], got, e["text"][:80]) for e, got in results if got != e["verdict"]]
    rate = 1 - len(wrong) / len(results)
    assert rate >= 0.95, f"{rate:.1%} right; wrong: {wrong}"
    called_missing = [
        e["text"][:80] for e, got in results if got == "missing" and e["verdict"] != "missing"
    ]
    assert not called_missing


@pytest.mark.parametrize(("policy", "rule"), [("default", "DSC001"), ("default-it", "DSC101")])
def test_sponsored_post_without_disclosure_fails_under_the_default_policy(policy, rule) -> None:
    result = check_text("My new desk lamp. La mia lampada.", policy, meta={"sponsored": True})
    assert not result.score.passed
    assert rule in result.score.blocking


def test_a_jurisdiction_replaces_the_neutral_pack_of_its_language(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "extends: default\nextend_packs: [it/disclosure]\ndisclosures: {jurisdictions: [us]}\n",
        encoding="utf-8",
    )
    policy = load_policy(path)
    english = {rule.id for rule in policy.rules}
    italian = {rule.id for rule in policy.for_language("it").rules}
    assert "FTC001" in english and "DSC001" not in english and "DSC101" not in english
    assert "FTC001" in italian and "DSC101" in italian  # the regulator's pack: every post


REVIEW = (
    "I tested four grinders over a month, weighing every dose and timing every grind, and the "
    "cheapest one won on consistency.\n\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is an affiliate link and I receive a commission for the sales.\n" + REVIEW, "pass"),
        (REVIEW + "Note: it is affiliate link to Amazon", "misplaced"),
        (REVIEW + "some links are affiliate links", "misplaced"),
        (REVIEW + "Links: https://example.com/g (affiliate link)", "ambiguous"),
    ],
)
def test_affiliate_statements_are_disclosures_placed_or_not(text: str, expected: str) -> None:
    """A late statement is misplaced, not missing; a bare 'affiliate link' label is ambiguous."""
    result = check_text(text, "default", meta={"relationship": "affiliate"})
    assert verdict({f.rule_id for f in result.findings if f.category == "disclosure"}) == expected
