"""Positions are exact in the original file, after front matter, code blocks and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.formats import parse

from .conftest import policy_from


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory):
    return policy_from(
        "language: en\nbanned:\n  - {phrase: synergy}\n  - {phrase: click here}\n",
        tmp_path_factory.mktemp("p"),
    )


def spans(text: str, policy, fmt: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.match) for f in check_text(text, policy, format=fmt).findings]


MARKDOWN = """---
title: synergy in the title is metadata
channel: linkedin
---
# Synergy news

Our synergy is `synergy()` code.

```python
synergy = 1
```

<!-- synergy in a comment -->
See [click here](https://example.com/synergy) and https://example.com/synergy-page.
Tabs\tand émoji 🎉 then synergy.
"""


def test_markdown_positions_skip_front_matter_code_comments_and_urls(policy) -> None:
    assert spans(MARKDOWN, policy, "markdown") == [
        (5, 3, "Synergy"),
        (7, 5, "synergy"),
        (14, 6, "click here"),
        (15, 23, "synergy"),
    ]


def test_front_matter_becomes_metadata() -> None:
    post = parse(MARKDOWN, "markdown", "x")
    assert post.meta == {"title": "synergy in the title is metadata", "channel": "linkedin"}
    assert [link.url for link in post.links] == [
        "https://example.com/synergy",
        "https://example.com/synergy-page",
    ]
    assert len(post.text) == len(MARKDOWN)


def test_invalid_front_matter_is_a_finding_not_a_crash(policy) -> None:
    result = check_text("---\ntitle: [unclosed\n---\nsynergy\n", policy, format="markdown")
    assert [f.rule_id for f in result.findings] == ["BG002", "BAN001"]


HTML = """<!doctype html>
<html><head><title>synergy</title><style>.synergy{}</style></head>
<body>
<h1>Synergy &amp; more</h1>
<p>We <b>love</b> synergy &mdash; <a href="https://x.com/synergy">click here</a>.</p>
<script>var synergy = 1;</script>
</body></html>
"""


def test_html_checks_visible_text_only(policy) -> None:
    assert spans(HTML, policy, "html") == [
        (4, 5, "Synergy"),
        (5, 19, "synergy"),
        (5, 67, "click here"),
    ]


def test_html_blocks_are_separate_sentences() -> None:
    post = parse("<p>One</p><p>two</p>", "html", "x")
    assert "\n" in post.text


def test_crlf_and_text_positions(policy) -> None:
    assert spans("line one\r\nthe synergy\r\n", policy, "text") == [(2, 5, "synergy")]


def test_file_positions_through_cli(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from brandguard.cli import cli

    (tmp_path / "p.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "pol.yaml").write_text(
        "language: en\nbanned: [{phrase: synergy}]\n", encoding="utf-8"
    )
    out = (
        CliRunner()
        .invoke(
            cli,
            [
                "check",
                "--policy",
                str(tmp_path / "pol.yaml"),
                "--output-format",
                "concise",
                str(tmp_path / "p.md"),
            ],
        )
        .output
    )
    assert f"{tmp_path / 'p.md'}:7:5: BAN001" in out


def test_bare_domains_with_a_path_are_links() -> None:
    post = parse(
        "Grab it at amzn.to/3xYz or youtube.com/user/abc. Node.js, e.g. fine.", "text", "x"
    )
    assert [link.url for link in post.links] == ["amzn.to/3xYz", "youtube.com/user/abc"]
    assert "amzn" not in post.text and "Node.js" in post.text
