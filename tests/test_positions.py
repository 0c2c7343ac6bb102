"""Positions are exact in the original file, after front matter, code blocks and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.text.formats import parse

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
title: synergy in the title is what readers see first
channel: linkedin
summary: synergy in other fields is metadata
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
        (2, 8, "synergy"),
        (6, 3, "Synergy"),
        (8, 5, "synergy"),
        (15, 6, "click here"),
        (16, 23, "synergy"),
    ]


def test_front_matter_becomes_metadata() -> None:
    post = parse(MARKDOWN, "markdown", "x")
    assert post.meta == {
        "title": "synergy in the title is what readers see first",
        "channel": "linkedin",
        "summary": "synergy in other fields is metadata",
    }
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


def test_html_checks_visible_text_and_the_title(policy) -> None:
    assert spans(HTML, policy, "html") == [
        (2, 20, "synergy"),
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
    assert f"{tmp_path / 'p.md'}:8:5: BAN001" in out


def test_bare_domains_with_a_path_are_links() -> None:
    post = parse(
        "Grab it at amzn.to/3xYz or youtube.com/user/abc. Node.js, e.g. fine.", "text", "x"
    )
    assert [link.url for link in post.links] == ["amzn.to/3xYz", "youtube.com/user/abc"]
    assert "amzn" not in post.text and "Node.js" in post.text


# Markup inside a phrase: masked markup and stray blanks must not split it.


@pytest.fixture(scope="module")
def urgent(tmp_path_factory: pytest.TempPathFactory):
    return policy_from(
        "language: en\nbanned:\n  - {phrase: act now}\n  - {phrase: don't miss out}\n"
        "  - {phrase: café}\n",
        tmp_path_factory.mktemp("u"),
    )


@pytest.mark.parametrize(
    ("source", "fmt", "column", "match"),
    [
        ("Hi. Act **now** please.", "markdown", 5, "Act now"),
        ("Hi. Act _now_ please.", "markdown", 5, "Act now"),
        ("Hi. Act  now please.", "text", 5, "Act now"),
        ("Hi. Act\tnow please.", "text", 5, "Act now"),
        ("<p>Hi. Act <b>now</b> please.</p>", "html", 8, "Act now"),
        ("<p>Hi. Act&nbsp;now please.</p>", "html", 8, "Act now"),
    ],
)
def test_markup_and_blanks_inside_a_phrase_do_not_hide_it(urgent, source, fmt, column, match):
    assert spans(source, urgent, fmt) == [(1, column, match)]


def test_a_phrase_never_matches_across_a_line_break(urgent) -> None:
    assert spans("Act\nnow, or later.", urgent, "text") == []
    assert spans("Act\n\nnow, or later.", urgent, "markdown") == []


def test_an_entity_inside_a_word_keeps_the_word_whole(urgent) -> None:
    source = "<p>We ship.\nDon&#39;t miss out! Visit the caf&eacute; today.</p>\n"
    result = check_text(source, urgent, format="html")
    found = [(f.line, f.column, f.end_line, f.end_column, f.match) for f in result.findings]
    # Columns are the source's; the café finding ends after the whole "&eacute;".
    assert found == [(2, 1, 2, 19, "Don't miss out"), (2, 31, 2, 42, "café")]
    by_match = {f.match: f for f in result.findings}
    assert source[by_match["café"].start : by_match["café"].end] == "caf&eacute;"
    assert source[by_match["Don't miss out"].start : by_match["Don't miss out"].end] == (
        "Don&#39;t miss out"
    )


def test_entity_padding_moves_past_the_word_and_newlines_stay_put() -> None:
    source = "<p>don&#8217;t a&#8217;b&#8217;c\nit&rsquo;s</p>"
    post = parse(source, "html", "x")
    assert len(post.text) == len(source)
    assert all(post.text[i] == "\n" for i, c in enumerate(source) if c == "\n")
    assert post.text.split() == ["don’t", "a’b’c", "it’s"]
    for token in ("don’t", "a’b’c", "it’s"):
        start = post.text.index(token)
        s, e = post.source_span(start, start + len(token))
        assert html_unescape(source[s:e]) == token


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_a_fix_never_rewrites_an_entity(tmp_path: Path) -> None:
    from brandguard.model import Fix
    from brandguard.output.fixes import apply_fixes

    source = "<p>It&#8217;s utilize time.</p>"
    post = parse(source, "html", "x")
    start = post.text.index("It’s")
    s, e = post.source_span(start, start + 4)
    fixed, applied = apply_fixes(source, [Fix(s, e, "It is")], "html")
    assert (fixed, applied) == (source, 0)


@pytest.mark.parametrize(
    ("source", "checked"),
    [
        ("Act **now** and *this*.", "Act   now   and  this ."),
        (
            "***bold italic*** and **bold _inner_ done**",
            "   bold italic    and   bold  inner  done  ",
        ),
        ("~~old~~ new", "  old   new"),
        ("snake_case_name, 2*3*4 and a * b * c", "snake_case_name, 2*3*4 and a * b * c"),
        ("* a list item\n* another", "* a list item\n* another"),
        ("**never closed and *x", "**never closed and *x"),
        (r"Rated \*5\* stars", r"Rated \*5\* stars"),
    ],
)
def test_markdown_emphasis_delimiters_are_masked(source: str, checked: str) -> None:
    assert parse(source, "markdown", "x").text == checked


@pytest.mark.parametrize(
    ("source", "fmt", "found"),
    [
        ("We said:\nact\nnow, or later.", "markdown", [(2, 1, "act now")]),
        ("<p>We said: act\n   now, or later.</p>", "html", [(1, 13, "act now")]),
        ("We said:\nact\nnow, or later.", "text", []),  # a caption shows its line breaks
        ("- act\n- now", "markdown", []),
        ("# Act\nnow is the time", "markdown", []),
        ("Act\n\nnow is the time", "markdown", []),
        ("> act\n> now", "markdown", []),
    ],
)
def test_soft_wrapped_lines_are_one_line_in_markdown_and_html(urgent, source, fmt, found):
    assert spans(source, urgent, fmt) == found


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_character_references_in_text_and_markdown_are_decoded(urgent, fmt: str) -> None:
    source = "Go. Don&#39;t miss out &amp; the caf&eacute;, AT&T; stays. `&amp;` is code.\n"
    result = check_text(source, urgent, format=fmt)
    found = [(f.column, f.end_column, f.match) for f in result.findings]
    assert found == [(5, 23, "Don't miss out"), (34, 45, "café")]
    post = parse(source, fmt, "x")
    assert "AT&T;" in post.text  # not an entity: left as written
    if fmt == "markdown":
        assert "&amp;` is code" not in post.text  # code stays masked, never decoded


def test_crlf_files_wrap_like_lf_files(urgent) -> None:
    assert spans("We said:\r\nact\r\nnow, or later.\r\n", urgent, "markdown") == [(2, 1, "act now")]
    assert spans("Hi. Act now\r\nplease.\r\n", urgent, "text") == [(1, 5, "Act now")]
