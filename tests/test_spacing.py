"""The tokenizer's text: blanks squeezed, offsets mapped back exactly."""

from __future__ import annotations

import random

import pytest

from brandguard.text.spacing import token_text


@pytest.mark.parametrize(
    ("checked", "tokenized"),
    [
        ("Act now", "Act now"),
        ("Act   now  ok", "Act now ok"),
        ("Act\tnow\xa0ok", "Act now ok"),
        ("  lead\n\n   trail  ", " lead\n\n trail "),
    ],
)
def test_runs_of_blanks_become_one_space_and_newlines_stay(checked: str, tokenized: str) -> None:
    assert token_text(checked).text == tokenized


def test_every_character_maps_back_to_itself() -> None:
    rng = random.Random(7)
    for _ in range(300):
        checked = "".join(rng.choice("ab  \t\n.") for _ in range(rng.randint(0, 60)))
        spaced = token_text(checked)
        for offset, char in enumerate(spaced.text):
            back = spaced.to_checked(offset)
            if char != " ":
                assert checked[back] == char
            # an end offset just past a character is just past the same character
            assert spaced.to_checked(offset + 1) == back + 1 or char == " "
        assert spaced.to_checked(len(spaced.text)) == len(checked)


def test_to_token_is_the_inverse_of_to_checked() -> None:
    checked = "Act   now,  and    then wait"
    spacing = token_text(checked)
    for offset, char in enumerate(spacing.text):
        back = spacing.to_checked(offset)
        assert checked[back] == char
        assert spacing.to_token(back) == offset


def test_a_very_long_token_is_cut_for_the_tokenizer_and_maps_back() -> None:
    """Issue 13: spaCy strips suffixes one at a time, so one 100 KB token of '!' took minutes."""
    checked = "Buy now " + "!?" * 500 + " then  more " + "x" * 300
    spacing = token_text(checked)
    assert len(spacing.text) < len(checked)
    assert "!?" * 64 in spacing.text and "!?" * 65 not in spacing.text
    for offset, char in enumerate(spacing.text):
        back = spacing.to_checked(offset)
        assert checked[back] == char
        assert spacing.to_token(back) == offset
    assert spacing.to_checked(len(spacing.text)) == len(checked)
    assert spacing.text.endswith("more " + "x" * 128)


def test_a_wall_of_exclamation_marks_is_checked_in_linear_time() -> None:
    import time

    from brandguard import check_text

    check_text("Warm up the pipeline!")
    start = time.process_time()
    result = check_text("Order today" + "!" * 200_000)
    assert time.process_time() - start < 5  # was minutes: quadratic suffix search
    assert [f.rule_id for f in result.findings if f.rule_id == "PSH020"]


def test_the_shortcuts_give_what_the_full_squeeze_gives() -> None:
    """Texts without odd blanks skip the translation, and texts without a double space or a
    256-character word skip the squeeze: both must tokenize exactly as the long way does."""
    from brandguard.text import spacing

    rng = random.Random(7)
    words = ["calm", "words", "x" * 255, "y" * 256, "\t", "\xa0", "\x00", "\n", "  ", " "]
    texts = ["", "\n" * 300, " ".join(["word"] * 80), "a" * 300, "a\n" * 200]
    texts += [
        "".join(rng.choice(words) + " " for _ in range(rng.randint(1, 60))) for _ in range(300)
    ]
    for text in texts:
        fast = token_text(text)
        squeezed = text.translate(spacing._TO_SPACE)
        runs = list(spacing._RUN.finditer(squeezed))
        assert (fast.text == squeezed) == (not runs), repr(text[:40])
        assert bool(fast._after) == bool(runs)
