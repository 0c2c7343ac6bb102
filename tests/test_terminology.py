"""Terminology: derived case/spacing variants, allowed forms, marks, competitors, fixes."""

from __future__ import annotations

import pytest

from brandguard.api import check_text
from brandguard.errors import ConfigError
from brandguard.governance.terminology import derived_variants, name_parts
from brandguard.policy.loader import load_policy

POLICY = """
policy: terms
terminology:
  BrandGuard: [BG]
  Acme Coffee:
    flag: [AcmeCo]
    allow: [ACME COFFEE]
    mark: "®"
  iPhone: []
  Apple:
    derive: false
    flag: [APPLE]
  competitors: [Starbucks, Costa Coffee]
"""


@pytest.fixture(scope="module")
def policy():
    return load_policy(text=POLICY)


def findings(text, policy, rule="TRM001"):
    return [f for f in check_text(text, policy).findings if f.rule_id == rule]


def test_name_parts_split_camel_case_spaces_and_hyphens() -> None:
    assert name_parts("BrandGuard") == ["Brand", "Guard"]
    assert name_parts("HTMLParser 2go") == ["HTML", "Parser", "2", "go"]
    assert name_parts("Acme-Coffee") == ["Acme", "Coffee"]
    forms = derived_variants("BrandGuard")
    assert {"brandguard", "Brandguard", "BRANDGUARD", "brand guard", "Brand-Guard"} <= forms
    assert "BrandGuard" not in forms


@pytest.mark.parametrize("variant", ["Brandguard", "brand guard", "BRANDGUARD", "Brand-Guard"])
def test_derived_variants_are_flagged_with_a_fix(policy, variant: str) -> None:
    text = f"We love {variant} for reviews."
    (finding,) = findings(text, policy)
    assert finding.match == variant
    assert finding.fix is not None and finding.fix.replacement == "BrandGuard"
    assert text[finding.fix.start : finding.fix.end] == variant
    assert finding.message == f"write 'BrandGuard', not '{variant}'"


def test_canonical_form_listed_variant_and_marks(policy) -> None:
    assert findings("BrandGuard and BrandGuard™ and BrandGuard's plan.", policy) == []
    (finding,) = findings("Try BG today.", policy)
    assert finding.fix.replacement == "BrandGuard"


def test_allowed_form_passes_but_other_cases_do_not(policy) -> None:
    assert findings("ACME COFFEE® — the logo line.", policy) == []
    matched = [f.match for f in findings("acme coffee and AcmeCoffee and AcmeCo.", policy)]
    assert matched == ["acme coffee", "AcmeCoffee", "AcmeCo"]


def test_case_is_not_carried_over_to_names(policy) -> None:
    (finding,) = findings("Iphone owners rejoice.", policy)
    assert finding.fix.replacement == "iPhone"


def test_derive_false_only_flags_listed_forms(policy) -> None:
    assert findings("An apple a day. Apple pie.", policy) == []
    assert [f.match for f in findings("APPLE news", policy)] == ["APPLE"]


def test_mentions_hashtags_and_urls_are_not_names(policy) -> None:
    assert (
        findings("Follow @brandguard and #brandguard at https://brandguard.example", policy) == []
    )


def test_trademark_on_first_mention_only(policy) -> None:
    text = "Acme Coffee opens today. Acme Coffee is roasted in Leeds."
    (finding,) = findings(text, policy, "TRM002")
    assert (finding.start, finding.fix.replacement) == (0, "Acme Coffee®")
    assert findings("Acme Coffee® opens today. Acme Coffee is great.", policy, "TRM002") == []


def test_competitors_are_flagged(policy) -> None:
    matched = [
        f.match for f in findings("Better than starbucks or Costa Coffee.", policy, "TRM003")
    ]
    assert matched == ["starbucks", "Costa Coffee"]


def test_competitor_replacements_are_fixes() -> None:
    policy = load_policy(text="terminology:\n  competitors: {Starbucks: other coffee chains}\n")
    (finding,) = findings("Unlike Starbucks, we roast daily.", policy, "TRM003")
    assert finding.fix.replacement == "other coffee chains"


def test_simple_form_still_works() -> None:
    policy = load_policy(text="terminology:\n  e-mail: [email, E-Mail]\n")
    assert [f.fix.replacement for f in findings("Send an email or E-Mail.", policy)] == [
        "e-mail",
        "e-mail",
    ]


def test_a_variant_under_two_names_is_a_config_error(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("terminology:\n  Foo: [fu]\n  Bar: [fu]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert str(path) in str(info.value) and "terminology.Bar" in str(info.value)


def test_bad_terminology_value_names_file_line_and_key(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("policy: x\nterminology:\n  Foo:\n    mark: TM\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert f"{path}:4: terminology.Foo.mark:" in str(info.value)
