"""Link text: where the parser says it is, and rules that report only there (``scope``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.errors import ConfigError
from brandguard.text.formats import parse

from .conftest import policy_from, rule_ids


def texts(source: str, fmt: str) -> list[str]:
    post = parse(source, fmt, "t")
    # positions are exact in both the source and the checked text
    assert [post.text[s:e].strip() for s, e in post.link_texts] == [
        post.text[s:e].strip() for s, e in post.link_texts
    ]
    return [source[s:e] for s, e in post.link_texts]


def test_markdown_inline_links() -> None:
    src = 'Read [the guide](https://example.com/g "Guide") or [click here](<https://x.org/a>).'
    assert texts(src, "markdown") == ["the guide", "click here"]


def test_markdown_reference_links() -> None:
    src = "See [the glossary][g], [Docs][] and [Menu].\n\n[g]: https://example.com/g\n[menu]: /m\n"
    assert texts(src, "markdown") == ["the glossary", "Docs", "Menu"]


def test_markdown_brackets_without_a_definition_are_not_links() -> None:
    assert texts("A list [not a link] and [x](https://a.b) here.", "markdown") == ["x"]


def test_markdown_images_and_code_are_not_link_text() -> None:
    src = "![a photo](p.png) and `[code](x)`\n\n```\n[fenced](y)\n```\n"
    assert texts(src, "markdown") == []


def test_html_anchors() -> None:
    src = '<p>Go <a href="/x">read <b>more</b></a> and <a name="top">no href</a>.</p>'
    post = parse(src, "html", "t")
    assert [src[s:e] for s, e in post.link_texts] == ["read <b>more</b>"]
    start, end = post.link_texts[0]
    assert post.text[start:end].split() == ["read", "more"]


def test_plain_text_has_no_link_text() -> None:
    assert parse("click here https://example.com", "text", "t").link_texts == []


PACK = """
pack: t
language: en
rules:
  - id: TST001
    name: vague
    kind: phrase
    category: seo
    phrases: [click here, read more]
    inflect: false
    scope: link_text
    message: "vague link text '{match}'"
  - id: TST002
    name: bare
    kind: phrase
    category: seo
    severity: info
    phrases: [click here]
    inflect: false
    scope: plain_text
    message: "bare '{match}'"
"""


@pytest.fixture()
def policy(tmp_path: Path):  # noqa: ANN201 - a Policy
    (tmp_path / "p.yaml").write_text(PACK, encoding="utf-8")
    return policy_from("language: en\npacks: [./p.yaml]\n", tmp_path)


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("[Click here](https://a.b).", "markdown", ["TST001"]),
        ("[Click here!](https://a.b)", "markdown", ["TST001"]),
        ("[Read more »](https://a.b)", "markdown", ["TST001"]),
        ("[read more here](https://a.b)", "markdown", ["TST001"]),  # one word of slack
        ("[read more about prices](https://a.b)", "markdown", []),  # names the destination
        ("Read more in the [colour guide](https://a.b).", "markdown", []),  # prose, not link text
        ('Avoid "click here" as link text.', "markdown", []),
        ('<a href="/m">Click <em>here</em></a>', "html", ["TST001"]),
        # a button label on a line of its own, and a label followed by its bare URL
        ("New prices from May.\n\nREAD MORE\n\n## Next", "markdown", ["TST001"]),
        ("New prices from May.\nREAD MORE", "markdown", ["TST001"]),
        # the wrapped end of a sentence begun on the line above is not a label
        ("The new prices are listed below, where you can\nread more.", "markdown", []),
        ("New prices.\nRead more https://a.b/p", "text", []),  # plain text: plain_text rules
        ("- Read more\n- Click here", "markdown", []),  # a list of examples
        # a line that also holds a link or code is prose around them, not a button label
        ("Linking packages.\n\nRead more at [`npm link`](https://a.b).", "markdown", []),
        ("Linking packages.\n\nRead more: `man npm-link`", "markdown", []),
        ("Click here: https://a.b", "text", ["TST002"]),
    ],
)
def test_scope(policy, text: str, fmt: str, expected: list[str]) -> None:  # noqa: ANN001
    assert rule_ids(text, policy, fmt) == expected


def test_unknown_scope_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PACK.replace("scope: plain_text", "scope: paragraph"), "utf-8")
    with pytest.raises(ConfigError, match="scope"):
        policy_from("language: en\npacks: [./p.yaml]\n", tmp_path)
