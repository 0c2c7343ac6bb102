"""The patterns behind the count metrics: what counts as a mention or an exclamation mark."""

from __future__ import annotations

import pytest

from brandguard.text.measures import EXCLAMATION_RE, MENTION_RE


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Thanks @anna and @bruno_r!", ["@anna", "@bruno_r"]),
        ("Write to anna@example.com or see docs/@types.", []),  # an address, a path
        ("The unit @UNIT@ failed; @prefix@/bin is set by configure.", []),  # placeholders
    ],
)
def test_mention_pattern(text: str, mentions: list[str]) -> None:
    assert MENTION_RE.findall(text) == mentions


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Wow! Really?! Yes!!", 4),
        ("Done!\nNext.", 1),
        ("Type :!ls to list files; a != b is true.", 0),  # a command, an operator
    ],
)
def test_exclamation_pattern(text: str, count: int) -> None:
    assert len(EXCLAMATION_RE.findall(text)) == count
