"""How platforms count a post, and their hard limits.

X counts with the open-source twitter-text rules (v3 configuration): code points in the Latin,
general-punctuation and similar ranges weigh 1, everything else (CJK, most symbols) weighs 2,
an emoji sequence (flags, skin tones, ZWJ families) weighs 2 whatever its length, and every
URL weighs 23 whatever its length (t.co wrapping). The limit is 280 for ordinary accounts.
https://github.com/twitter/twitter-text/blob/master/config/v3.json

Other platforms count characters plainly (the ``characters`` measure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Post

EMOJI_RE = re.compile(
    "(?:[\U0001f1e6-\U0001f1ff]{2}"
    "|[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[\U0001f300-\U0001faff\u2600-\u27bf][\ufe0f\U0001f3fb-\U0001f3ff]*)*)"
)
X_URL_WEIGHT = 23
X_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


@dataclass(frozen=True)
class Platform:
    label: str  # how messages name it
    aliases: tuple[str, ...]  # values of the post's `channel:` metadata that mean this platform
    counter: str  # the measure that counts characters as the platform does
    limits: dict[str, int]  # hard limits (errors when exceeded)


# Limits as documented by each platform in 2024; a policy can raise or lower any of them.
PLATFORMS: dict[str, Platform] = {
    "x": Platform("X", ("x", "twitter"), "x_characters", {"characters": 280}),
    "linkedin": Platform("LinkedIn", ("linkedin",), "characters", {"characters": 3000}),
    "instagram": Platform(
        "Instagram",
        ("instagram", "ig"),
        "characters",
        {"characters": 2200, "hashtags": 30, "mentions": 20},
    ),
    "facebook": Platform("Facebook", ("facebook", "fb"), "characters", {"characters": 63206}),
    "tiktok": Platform("TikTok", ("tiktok",), "characters", {"characters": 4000}),
    "blog": Platform("blog", ("blog",), "characters", {}),
    "newsletter": Platform("newsletter", ("newsletter", "email"), "characters", {}),
}


# Code points outside X_LIGHT_RANGES weigh 2 (one class, so a post is scanned once, not per char).
_X_HEAVY = re.compile("[^" + "".join(rf"\u{lo:04x}-\u{hi:04x}" for lo, hi in X_LIGHT_RANGES) + "]")
_BLANK = re.compile(r"[ \n]")


def x_units(post: Post) -> list[tuple[int, int, int]]:
    """(start, end, weight) of every counted unit of the visible post, in order."""
    text, source = post.text, post.source
    stripped = text.strip()
    if not stripped and not post.links:
        return []
    start = len(text) - len(text.lstrip()) if stripped else len(text)
    end = start + len(stripped)
    if post.links:  # URLs are masked in ``text`` but count: a post may start or end with one
        start = min(start, min(link.start for link in post.links))
        end = max(end, max(link.end for link in post.links))
    # Masking leaves blanks where the source has markup; a decoded entity or a character moved
    # next to one (document.py) differs from the source too, but is text and counts.
    masked = {
        m.start() for m in _BLANK.finditer(text, start, end) if source[m.start()] != m.group()
    }
    link_at = {}
    for link in post.links:
        # The URL's first masked character stands for the whole URL; a Markdown label stays text.
        first = next((i for i in range(link.start, link.end) if i in masked), link.start)
        link_at[first] = link.end
    emoji_at = {m.start(): m.end() for m in EMOJI_RE.finditer(text, start, end)}
    heavy = {m.start() for m in _X_HEAVY.finditer(text, start, end)}
    units: list[tuple[int, int, int]] = []
    i = start
    while i < end:
        if i in link_at:
            units.append((i, link_at[i], X_URL_WEIGHT))
        if i in masked:  # code, tags, front matter, URLs
            i += 1
            continue
        emoji_end = emoji_at.get(i)
        if emoji_end:
            units.append((i, emoji_end, 2))
            i = emoji_end
            continue
        units.append((i, i + 1, 2 if i in heavy else 1))
        i += 1
    return units


def x_length(post: Post) -> tuple[int, tuple[tuple[int, int], ...]]:
    """X's weighted length, and one span per weighted character (so span N is where N+1 falls)."""
    spans: list[tuple[int, int]] = []
    for start, end, weight in x_units(post):
        spans.extend([(start, end)] * weight)
    return len(spans), tuple(spans)
