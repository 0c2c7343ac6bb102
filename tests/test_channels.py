"""Channels: per-platform limits chosen by `channel:` metadata, counted as the platform counts."""

from __future__ import annotations

import pytest

from brandguard.api import check_text
from brandguard.policy.loader import load_policy
from brandguard.text.formats import parse
from brandguard.text.platforms import x_length

POLICY = """
policy: channels
channels:
  x: {hashtags: 2, links: 1}
  instagram:
    hashtags: {max: 5, severity: error}
    emoji: false
  linkedin: {max_chars: 1300, mentions: {max: 3, message: "tag at most {limit} people"}}
  blog: {require: [link, hashtag]}
"""


@pytest.fixture(scope="module")
def policy():
    return load_policy(text=POLICY)


def found(text, policy, channel, fmt="text"):
    result = check_text(text, policy, meta={"channel": channel}, format=fmt)
    return [(f.rule_id, f.severity) for f in result.findings]


def xlen(text: str) -> int:
    return x_length(parse(text, "text", "t"))[0]


def test_x_counts_every_url_as_23() -> None:
    assert xlen("hi https://example.com/" + "a" * 200) == 2 + 1 + 23
    assert xlen("https://t.co/x") == 23
    assert xlen("see www.example.com/page and more") == len("see ") + 23 + len(" and more")


def test_x_counts_emoji_and_cjk_as_two() -> None:
    assert xlen("abc") == 3
    assert xlen("👍🏽") == 2  # skin tone sequence: one emoji
    assert xlen("👨‍👩‍👧") == 2  # ZWJ family
    assert xlen("🇮🇹") == 2  # flag
    assert xlen("日本") == 4
    assert xlen("café – “quoted”") == 15  # Latin and general punctuation weigh 1


def test_x_counts_a_decoded_entity_as_the_character_it_stands_for() -> None:
    assert x_length(parse("<p>Don&#8217;t stop &amp; go</p>", "html", "t"))[0] == len(
        "Don’t stop & go"
    )
    assert xlen("Don&#39;t stop") == len("Don't stop")


def test_x_markdown_link_counts_label_plus_23() -> None:
    post = parse("Read [the recipe](https://example.com/r)", "markdown", "t")
    assert x_length(post)[0] == len("Read ") + 23 + len("the recipe")


def test_x_limit_points_at_the_first_character_over(policy) -> None:
    text = "https://example.com/" + "x" * 300 + " " + "y" * 257
    result = check_text(text, policy, meta={"channel": "x"})
    (finding,) = [f for f in result.findings if f.rule_id == "CHX001"]
    # The 320-character URL counts 23, the space 1: the 281st weighted character is the last y.
    assert finding.severity == "error"
    assert finding.message.startswith("281 characters as X counts them")
    assert found("https://example.com/" + "x" * 300 + " " + "y" * 256, policy, "x") == []
    assert finding.match == "y" and finding.column == len(text)


def test_twitter_is_an_alias_and_case_does_not_matter(policy) -> None:
    text = "#a #b #c"
    assert found(text, policy, "twitter") == [("CHX002", "warning")]
    assert found(text, policy, "X") == [("CHX002", "warning")]


def test_limits_apply_only_to_their_channel(policy) -> None:
    text = "#a #b #c 😀"
    assert found(text, policy, "x") == [("CHX002", "warning")]
    assert found(text, policy, "instagram") == [("CHI005", "warning")]
    assert found(text, policy, "facebook") == []
    result = check_text(text, policy)
    assert result.findings == ()


def test_policy_severity_and_platform_defaults(policy) -> None:
    tags = " ".join(f"#t{i}x" for i in range(6))
    assert found(tags, policy, "instagram") == [("CHI002", "error")]
    rule_ids = {r.id: r for r in policy.rules}
    assert rule_ids["CHI001"].options == {"metric": "characters", "max": 2200}
    assert rule_ids["CHI003"].options == {"metric": "mentions", "max": 20}
    assert rule_ids["CHL001"].options["max"] == 1300  # max_chars overrides the platform's 3000


def test_custom_message_and_links(policy) -> None:
    result = check_text("@a1 @b2 @c3 @d4 hello", policy, meta={"channel": "linkedin"})
    (finding,) = result.findings
    assert finding.message == "tag at most 3 people"
    assert finding.match == "@d4"
    result = check_text(
        "see https://a.example and https://b.example", policy, meta={"channel": "x"}
    )
    (finding,) = result.findings
    assert finding.rule_id == "CHX004" and finding.match == "https://b.example"


def test_required_elements(policy) -> None:
    assert found("A post with no link.", policy, "blog") == [
        ("CHB011", "warning"),
        ("CHB012", "warning"),
    ]
    assert found("Read it at https://example.com #coffee", policy, "blog") == []


def test_markdown_front_matter_channel(policy) -> None:
    source = "---\nchannel: instagram\n---\nMorning ☕\n"
    result = check_text(source, policy, format="markdown")
    (finding,) = result.findings
    assert (finding.rule_id, finding.line, finding.column) == ("CHI005", 4, 9)


def test_unknown_channel_is_a_config_error(tmp_path) -> None:
    from brandguard.errors import ConfigError

    path = tmp_path / "p.yaml"
    path.write_text("policy: x\nchannels:\n  myspace: {hashtags: 2}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert f"{path}:3: channels.myspace:" in str(info.value)
