"""The engine's shortcuts change no result: skipped checks had nothing to say, pre-passes hide no match."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.compile.compiler import CompiledPolicy, compile_policy
from brandguard.engine.check import check_posts
from brandguard.policy.loader import load_policy
from brandguard.text.formats import parse

from .conftest import policy_from

PACK = """
rules:
  - id: TFP001
    name: buzz
    kind: phrase
    category: bland
    severity: warning
    phrases: ["synergy"]
    message: "buzzword '{match}'"
  - id: TFP002
    name: bait
    kind: regex
    category: pushy
    severity: warning
    scope: headline
    regex: "^you won'?t believe"
    message: "curiosity gap"
"""


def findings(compiled: CompiledPolicy, text: str) -> tuple:
    return next(check_posts(compiled, [parse(text, "text", "x")])).findings


@pytest.fixture()
def policy(tmp_path: Path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    return policy_from("policy: t\nlanguage: en\npacks: [./pack.yaml]\n", tmp_path)


def test_a_hit_driven_check_without_hits_is_never_run(policy, monkeypatch) -> None:
    compiled = compile_policy(policy)
    phrase = next(c for c in compiled.checks if c.rule.id == "TFP001")
    assert phrase.hit_driven

    def boom(ctx):  # noqa: ANN001 - the engine must not call it when there is no hit
        raise AssertionError("run() called without a hit")

    monkeypatch.setattr(phrase, "run", boom)
    assert findings(compiled, "Plain words about a bike ride.") == ()
    with pytest.raises(AssertionError, match="without a hit"):
        findings(compiled, "Pure synergy.")


def test_headline_regexes_run_after_their_pre_pass(policy) -> None:
    compiled = compile_policy(policy)
    assert compiled.headline_set is not None
    found = findings(compiled, "You won't believe this bike")
    assert [f.rule_id for f in found] == ["TFP002"]
    assert findings(compiled, "A bike you will like") == ()


@pytest.mark.parametrize("language", ["en", "it"])
def test_headline_pre_pass_keeps_every_match_of_the_default_policy(language: str) -> None:
    """Every headline regex of the bundled packs that matches a headline is a candidate."""
    compiled = compile_policy(load_policy(f"default-{language}" if language == "it" else None))
    lines = [
        "You won't believe what happened next",
        "10 reasons why this is the BEST app ever!!!",
        "Here's how to save money today",
        "Non crederai mai a quello che è successo",
        "Ecco perché tutti ne parlano",
        "Release notes for version 2.1",
        "#1 Calendar App – the ultimate planner",
    ]
    regexes = compiled.headline_regexes
    for line in lines:
        for h in parse(line, "text", "x").headlines:
            piece = line[h.start : h.end]
            matching = {i for i, (_, rx, _) in enumerate(regexes) if any(rx.finditer(piece))}
            assert matching <= set(compiled.headline_set.candidates(piece)), piece
