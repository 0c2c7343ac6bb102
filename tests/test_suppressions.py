"""Inline suppressions: ignore, disable/enable ranges, file-ignore, and reporting unused ones."""

from __future__ import annotations

import pytest

from brandguard.api import check_text

from .conftest import policy_from


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory):
    return policy_from(
        "language: en\nbanned:\n  - {phrase: synergy, name: no-synergy}\n  - {phrase: leverage}\n",
        tmp_path_factory.mktemp("p"),
    )


def found(text: str, policy) -> list[tuple[str, int]]:
    return [(f.rule_id, f.line) for f in check_text(text, policy, format="markdown").findings]


def test_ignore_on_the_same_line(policy) -> None:
    assert found("synergy <!-- brandguard: ignore[BAN001] --> leverage\n", policy) == [
        ("BAN002", 1)
    ]


def test_ignore_alone_applies_to_the_next_line(policy) -> None:
    text = "<!-- brandguard: ignore[no-synergy] -->\n\nsynergy here\nsynergy again\n"
    assert found(text, policy) == [("BAN001", 4)]


def test_disable_enable_range(policy) -> None:
    text = "synergy\n<!-- brandguard: disable[BAN001] -->\nsynergy\nsynergy\n<!-- brandguard: enable[BAN001] -->\nsynergy\n"
    assert found(text, policy) == [("BAN001", 1), ("BAN001", 6)]


def test_file_ignore_with_prefix(policy) -> None:
    assert found("<!-- brandguard: file-ignore[BAN] -->\nsynergy leverage\n", policy) == []


def test_unused_suppression_is_reported(policy) -> None:
    result = check_text(
        "plain text <!-- brandguard: ignore[BAN002] -->\n", policy, format="markdown"
    )
    [finding] = result.findings
    assert finding.rule_id == "BG001" and "BAN002" in finding.message
    assert result.score.total == 100  # meta findings never cost points


def test_an_unknown_id_is_reported_as_unknown_not_unused(policy) -> None:
    result = check_text(
        "plain <!-- brandguard: disable[no-synergi] -->\n", policy, format="markdown"
    )
    [finding] = result.findings
    assert finding.rule_id == "BG004"
    assert (
        "unknown rule 'no-synergi'" in finding.message
        and "did you mean no-synergy" in finding.message
    )


def test_suppressions_accept_categories_and_any_case(policy) -> None:
    assert found("synergy leverage <!-- brandguard: ignore[ban001] -->\n", policy) == [
        ("BAN002", 1)
    ]
    banned = policy.rules[0].category
    assert found(f"synergy leverage <!-- brandguard: ignore[{banned}] -->\n", policy) == []


def test_ids_are_mandatory(policy) -> None:
    result = check_text("synergy <!-- brandguard: ignore -->\n", policy, format="markdown")
    assert [f.rule_id for f in result.findings] == ["BAN001", "BG004"]


def test_bg001_can_itself_be_ignored(tmp_path) -> None:
    policy = policy_from(  # BAN001 exists (an unknown id would be BG004, not BG001)
        "language: en\nbanned: [{phrase: synergy}]\nignore: [BG001]\n", tmp_path
    )
    assert (
        check_text("x <!-- brandguard: ignore[BAN001] -->", policy, format="markdown").findings
        == ()
    )


def test_directives_inside_code_are_examples_not_instructions(policy) -> None:
    text = "```markdown\nx <!-- brandguard: ignore[BAN001] -->\n```\n\n`<!-- brandguard: file-ignore[BAN] -->`\nsynergy\n"
    assert found(text, policy) == [("BAN001", 6)]
