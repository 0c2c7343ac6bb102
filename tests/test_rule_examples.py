"""Every bundled rule's examples: fail examples must produce the rule, pass examples must not."""

from __future__ import annotations

from functools import cache

import pytest

from brandguard.api import check_text
from brandguard.engine import check as engine_check
from brandguard.policy.loader import Policy, load_policy
from brandguard.policy.packs import example_texts, load_pack
from brandguard.policy.resources import bundled_pack, bundled_pack_names
from brandguard.policy.yamlio import load_yaml_file

PACKS = bundled_pack_names()


@cache
def pack_policy(pack: str) -> Policy:
    language = load_yaml_file(bundled_pack(pack)).get("language", "en")
    return load_policy(
        text=f"policy: test-{pack}\nlanguage: {'en' if language == 'any' else language}\n"
        f"packs: [{pack}]\n"
    )


def _cases() -> list:
    cases = []
    for pack in PACKS:
        for rule in load_pack(bundled_pack(pack)):
            for which in ("fail", "pass"):
                for index, example in enumerate(example_texts(rule, which)):
                    cases.append(
                        pytest.param(pack, rule.id, which, example, id=f"{rule.id}-{which}{index}")
                    )
    return cases


def test_there_are_bundled_packs() -> None:
    assert {"en/bland", "en/pushy", "en/seo"} <= set(PACKS)


def test_every_bundled_rule_has_both_kinds_of_example() -> None:
    missing = [
        f"{pack}:{rule.id}:{which}"
        for pack in PACKS
        for rule in load_pack(bundled_pack(pack))
        for which in ("fail", "pass")
        if not rule.examples.get(which)
    ]
    assert missing == []


@pytest.mark.parametrize(("pack", "rule_id", "which", "example"), _cases())
def test_rule_example(
    pack: str, rule_id: str, which: str, example: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each rule's own matching is under test: another rule's finding on the same words would
    # win the one-problem-one-finding collapse (dedupe.py, tested in test_context.py).
    monkeypatch.setattr(engine_check, "collapse", lambda findings, ranks: findings)
    result = check_text(
        example["text"], pack_policy(pack), meta=example["meta"], format=example["format"]
    )
    fired = [f for f in result.findings if f.rule_id == rule_id]
    if which == "fail":
        assert fired, f"{rule_id} did not flag: {example['text']!r}"
    else:
        assert not fired, f"{rule_id} flagged {[f.match for f in fired]} in: {example['text']!r}"
