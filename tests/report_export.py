"""A small, realistic social-media export for the HTML report's tests (texts written for them).

Four channels, five authors, six months, dates written the ways real exports write them, and a
mix of plain, bland, pushy and keyword-stuffed posts, so every part of the page has data.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from click.testing import CliRunner

from brandguard.cli import cli

POSTS = [
    "Our Turin roastery opens at 7 on Saturdays from March. Bring a cup and we will fill it.",
    "We tested three grinders for a month. The cheapest one kept the most even grind; notes inside.",
    "Act now! This deal ends TONIGHT. Don't miss out, buy today before it's gone!!!",
    "We leverage synergies to deliver best-in-class, world-class coffee solutions for every stakeholder.",
    "Best coffee beans, cheap coffee beans, buy coffee beans online, coffee beans sale, coffee beans deal.",
    "You won't believe what happened when our barista tried this one weird trick!",
    "New on the blog: how water hardness changes the taste of espresso, with a chart of our tests.",
    "Thank you to the 40 volunteers who planted trees with us in April. Photos from the day below.",
    "LIMITED TIME ONLY!!! Huge savings on ALL grinders, hurry, only a few left in stock!",
    "Our innovative, cutting-edge approach empowers customers to unlock a seamless, game-changing experience.",
    "The café on Via Roma is closed on Monday for repairs. The Corso branch keeps its usual hours.",
    "#coffee #espresso #barista #latte #coffeetime #coffeelover #morning #caffeine #beans #roast",
    "Click here to find out the secret ingredient that baristas don't want you to know.",
    "Decaf now comes from a Swiss water process. It costs 50 cents more a bag and tastes rounder.",
    "I've been roasting for ten years and I still burn a batch now and then. Here is what I learned.",
    "Hurry! Last chance to grab your FREE tote bag. Offer ends soon, act fast!",
]
CHANNELS = ["LinkedIn", "Instagram", "X", "Newsletter"]
AUTHORS = ["Giulia Rossi", "Marco B.", "ana@example.com", "Social team", "Luca"]
# The same months written as exports write them (ISO, ISO with time, d/m/Y, RFC 2822, names).
DATES = [
    "2025-01-14",
    "2025-02-03T09:15:00Z",
    "18/03/2025",
    "Tue, 15 Apr 2025 10:00:00 +0000",
    "May 6, 2025",
    "2025-06-20 17:45",
]


def write_export(folder: Path, rows: int = 48) -> Path:
    """A CSV with id, text, channel, author and published columns; one post without a date."""
    path = folder / "social-export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Post ID", "text", "Channel", "Author", "Published At"])
        for i in range(rows):
            date = DATES[(i * 5 + i // 7) % len(DATES)] if i != rows - 1 else "n/a"
            writer.writerow(
                [
                    f"post-{i + 1:03d}",
                    POSTS[(i * 7) % len(POSTS)],
                    CHANNELS[i % len(CHANNELS)],
                    AUTHORS[(i * 3) % len(AUTHORS)],
                    date,
                ]
            )
    return path


POLICY = """\
policy: acme-social
language: en
extends: default
guidelines:
  words: {max: 16, severity: info, message: "{value} words; social posts here stay under {limit}"}
"""


def write_policy(folder: Path) -> Path:
    """A brand policy on the default one, with a whole-post length guideline (a metric rule)."""
    path = folder / "acme.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


def render_report(folder: Path, export: Path, out: str, *extra: str) -> Path:
    """``brandguard audit EXPORT --format html -o OUT`` run in ``folder`` with the policy of
    ``write_policy``; the export has posts under the bar, so the audit exits 1."""
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(
            cli,
            ["audit", export.name, "--policy", "acme.yaml", "--id-column", "Post ID"]
            + ["--format", "html", "-o", out, *extra],
            catch_exceptions=False,
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1, result.output
    return folder / out
