"""engine/dispatch.py: a check is not called on a post that cannot give it a finding (its gate),
and skipping it changes no finding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.checks.base import Wake
from brandguard.compile.compiler import compile_policy
from brandguard.engine import dispatch
from brandguard.text.document import Link, Post

from .conftest import policy_from

PACK = """
pack: test
language: en
rules:
  - id: TST001
    name: shouts
    kind: metric
    category: pushy
    severity: warning
    message: too many exclamation marks
    metric: exclamations
    max: 1
  - id: TST002
    name: hashtags-at-least
    kind: metric
    category: seo
    severity: warning
    message: too few hashtags
    metric: hashtags
    min: 1
  - id: TST003
    name: x-limit
    kind: metric
    category: readability
    severity: error
    message: too long for X
    when: {meta: {channel: [x, twitter]}}
    metric: characters
    max: 20
  - id: TST004
    name: unless-silent
    kind: metric
    category: readability
    severity: warning
    message: too long
    when: {meta: {channel: [null, web]}}
    metric: characters
    max: 20
  - id: TST005
    name: too-many-links
    kind: metric
    category: seo
    severity: warning
    message: too many links
    metric: links
    max: 0
  - id: TST006
    name: hype
    kind: occurrence
    category: pushy
    severity: warning
    message: hype
    phrases: [amazing]
    max: 1
  - id: TST007
    name: some-hype
    kind: occurrence
    category: pushy
    severity: info
    message: no hype
    phrases: [amazing]
    min: 1
  - id: TST008
    name: raised
    kind: metric
    category: pushy
    severity: info
    message: shouted
    metric: caps_emphasis
    max: 0
  - id: TST009
    name: all-caps
    kind: metric
    category: pushy
    severity: info
    message: shouting
    metric: caps_words
    max: 1
"""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("dispatch")
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    return compile_policy(policy_from("policy: t\nlanguage: en\npacks: [./pack.yaml]\n", folder))


def _due(compiled, text: str, meta=None, links=(), hits=None) -> set[str]:  # type: ignore[no-untyped-def]
    post = Post("p", text, text, dict(meta or {}), list(links))
    return {d.rule.id for d in dispatch.due_checks(compiled, post, hits or {})}


def test_a_count_with_only_a_maximum_waits_for_what_it_counts(compiled) -> None:  # type: ignore[no-untyped-def]
    assert "TST001" not in _due(compiled, "Calm words.")
    assert "TST001" in _due(compiled, "Loud words!")
    assert "TST002" in _due(compiled, "Calm words.")  # a minimum fires on nothing
    assert "TST005" not in _due(compiled, "Calm words.")
    assert "TST005" in _due(compiled, "Calm words.", links=[Link(0, 4, "https://example.com")])


def test_a_count_of_words_in_capitals_waits_for_two_capitals_in_a_row(compiled) -> None:  # type: ignore[no-untyped-def]
    assert not {"TST008", "TST009"} & _due(compiled, "Calm words by Anna in Rome, I think.")
    assert {"TST008", "TST009"} <= _due(compiled, "Huge SAVINGS this weekend")
    assert {"TST008", "TST009"} <= _due(compiled, "Così è PERCHÉ")  # capitals beyond ASCII


def test_gated_caps_checks_find_what_they_found_before(compiled) -> None:  # type: ignore[no-untyped-def]
    policy = compiled.policy
    found = check_text("Huge SAVINGS this weekend. BUY NOW AND SAVE BIG", policy).findings
    assert {"TST008", "TST009"} <= {f.rule_id for f in found}
    calm = check_text("Calm words by Anna in Rome, I think.", policy).findings
    assert not {"TST008", "TST009"} & {f.rule_id for f in calm}


def test_when_meta_needs_its_key_unless_a_missing_value_is_accepted(compiled) -> None:  # type: ignore[no-untyped-def]
    assert "TST003" not in _due(compiled, "Calm words.")
    assert "TST003" in _due(compiled, "Calm words.", {"channel": "linkedin"})  # applies() decides
    assert "TST004" in _due(compiled, "Calm words.")


def test_an_occurrence_with_only_a_maximum_runs_on_its_hits(compiled) -> None:  # type: ignore[no-untyped-def]
    assert "TST006" not in _due(compiled, "Calm words.")
    assert "TST006" in _due(compiled, "Calm words.", hits={"TST006": [object()]})
    assert "TST007" in _due(compiled, "Calm words.")


def test_checks_keep_policy_order(compiled) -> None:  # type: ignore[no-untyped-def]
    post = Post("p", "Loud! #tag", "Loud! #tag", {"channel": "x"})
    due = [d.rule.id for d in dispatch.due_checks(compiled, post, {"TST006": [object()]})]
    assert due == sorted(due)


def test_gated_checks_find_what_they_found_before(tmp_path: Path, compiled) -> None:  # type: ignore[no-untyped-def]
    policy = compiled.policy
    assert {f.rule_id for f in check_text("Amazing! Amazing! Wow!", policy).findings} >= {
        "TST001",
        "TST006",
    }
    x = check_text("A post far longer than twenty characters.", policy, meta={"channel": "x"})
    assert "TST003" in {f.rule_id for f in x.findings}
    assert "TST003" not in {f.rule_id for f in check_text("A post far longer.", policy).findings}


def test_a_wake_opens_on_any_of_what_it_names() -> None:
    wake = Wake(chars="#@", keys=("k",), meta=("sponsored",), links=True)
    assert not wake.open(Post("p", "plain", "plain"), {"k": []})
    assert wake.open(Post("p", "a @b", "a @b"), {})
    assert wake.open(Post("p", "plain", "plain"), {"k": [object()]})  # type: ignore[list-item]
    assert wake.open(Post("p", "plain", "plain", {"sponsored": False}), {})
    assert wake.open(Post("p", "plain", "plain", links=[Link(0, 1, "u")]), {})
    shout = Wake(pattern=re.compile(r"[A-Z]{2}"))
    assert not shout.open(Post("p", "I am Calm", "I am Calm"), {})
    assert shout.open(Post("p", "SO loud", "SO loud"), {})


def test_default_disclosure_verdicts_wait_for_markers_or_declared_metadata(
    default_policy,  # type: ignore[no-untyped-def]
) -> None:
    compiled = compile_policy(default_policy)
    kinds = {d.rule.kind for d in dispatch.due_checks(compiled, Post("p", "Hi.", "Hi."), {})}
    assert "disclosure" not in kinds
    declared = Post("p", "Hi.", "Hi.", {"sponsored": "true"})
    assert "disclosure" in {d.rule.kind for d in dispatch.due_checks(compiled, declared, {})}
    found = check_text("Loving this blender.", default_policy, meta={"sponsored": "true"})
    assert "disclosure" in {f.category for f in found.findings}
