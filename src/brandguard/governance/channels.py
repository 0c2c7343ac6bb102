"""Compile the policy's ``channels:`` section into metric rules chosen by the post's ``channel:``.

::

    channels:
      x: {hashtags: 2, links: 1}           # a number is a maximum
      instagram:
        hashtags: {max: 5, severity: error}
        emoji: false                        # no emoji at all (true: no limit; a number: at most)
      blog: {require: [link]}               # required elements: link, hashtag, mention, emoji

A configured channel also gets its platform's hard limits (platforms.PLATFORMS: 280 characters on
X counted as X counts them, 2,200 characters and 30 hashtags on Instagram, …) as errors unless
the policy sets that limit itself. Every rule runs only on posts whose ``channel`` metadata names
the platform (``x`` or ``twitter``, …), so ids are stable: CHX001 is X's character limit whatever
else the policy says.
"""

from __future__ import annotations

from typing import Any

from ..checks.metric import bound_rule
from ..model import RuleSpec
from ..text.platforms import PLATFORMS
from .messages import message

PREFIX = {
    "x": "CHX",
    "linkedin": "CHL",
    "instagram": "CHI",
    "facebook": "CHF",
    "tiktok": "CHT",
    "blog": "CHB",
    "newsletter": "CHN",
}
# limit key: (id number, metric, category); what is counted is messages.py's "noun.<key>"
LIMITS: dict[str, tuple[int, str, str]] = {
    "characters": (1, "characters", "readability"),
    "hashtags": (2, "hashtags", "seo"),
    "mentions": (3, "mentions", "seo"),
    "links": (4, "links", "seo"),
    "emoji": (5, "emoji", "style"),
    "words": (6, "words", "readability"),
}
REQUIRABLE = {"link": "links", "hashtag": "hashtags", "mention": "mentions", "emoji": "emoji"}
REQUIRE_BASE = 10

_BOUND = {
    "type": "object",
    "properties": {
        "min": {"type": "integer", "minimum": 0},
        "max": {"type": "integer", "minimum": 0},
        "severity": {"enum": ["error", "warning", "info"]},
        "message": {"type": "string", "minLength": 1},
    },
    "additionalProperties": False,
}
_LIMIT = {"oneOf": [{"type": "integer", "minimum": 0}, _BOUND]}
CHANNEL_SCHEMA = {
    "type": "object",
    "properties": {
        **{key: _LIMIT for key in LIMITS if key != "emoji"},
        "emoji": {"oneOf": [{"type": "boolean"}, {"type": "integer", "minimum": 0}, _BOUND]},
        "max_chars": {"type": "integer", "minimum": 1, "description": "same as characters: N"},
        "require": {
            "type": "array",
            "items": {"enum": sorted(REQUIRABLE)},
            "uniqueItems": True,
        },
    },
    "additionalProperties": False,
}
SCHEMA = {
    "type": "object",
    "description": "per-channel limits, chosen by the post's `channel:` metadata",
    "properties": {name: CHANNEL_SCHEMA for name in PREFIX},
    "additionalProperties": False,
}


def _bound(value: Any) -> dict[str, Any] | None:
    """A limit as {min?, max?, severity?, message?}; None when there is no limit."""
    if value is True:
        return None
    if value is False:
        return {"max": 0}
    if isinstance(value, int):
        return {"max": value}
    return dict(value)


def _allowed(bound: dict[str, Any], label: str, language: str) -> str:
    low, high = bound.get("min"), bound.get("max")
    if low is not None and high is not None:
        key = "channel.range"
    elif high is not None:
        key = "channel.none" if high == 0 else "channel.max"
    else:
        key = "channel.min"
    return message(key, language).format(label=label, low=low, high=high)


def _rule(
    channel: str,
    number: int,
    key: str,
    metric: str,
    category: str,
    bound: dict,
    origin: str,
    language: str,
) -> RuleSpec:
    platform = PLATFORMS[channel]
    how = message("channel.x_how", language) if metric == "x_characters" else ""
    default = message("channel.limit", language).format(
        value="{value}",
        counted=message(f"noun.{key}", language),
        how=how,
        allowed=_allowed(bound, platform.label, language),
    )
    return bound_rule(
        f"{PREFIX[channel]}{number:03d}",
        f"{channel}-{key}",
        metric,
        category,
        default,
        bound,
        origin,
        when={"meta": {"channel": list(platform.aliases)}},
    )


def channel_rules(
    channels: dict[str, Any], language: str, sources: dict[str, str], file: str
) -> list[RuleSpec]:
    rules = []
    for channel, settings in channels.items():
        platform = PLATFORMS[channel]
        settings = dict(settings)
        if "max_chars" in settings and "characters" not in settings:
            settings["characters"] = settings.pop("max_chars")
        settings.pop("max_chars", None)
        for key, (number, metric, category) in LIMITS.items():
            origin = sources.get(f"channels.{channel}.{key}") or sources.get(
                f"channels.{channel}", f"{file}:0"
            )
            if key == "characters":
                metric = platform.counter
            if key in settings:
                bound = _bound(settings[key])
            elif key in platform.limits:
                bound = {"max": platform.limits[key], "severity": "error"}
            else:
                bound = None
            if bound and ("min" in bound or "max" in bound):
                rules.append(_rule(channel, number, key, metric, category, bound, origin, language))
        for index, element in enumerate(sorted(settings.get("require", []))):
            metric = REQUIRABLE[element]
            origin = sources.get(f"channels.{channel}.require", f"{file}:0")
            rule = _rule(
                channel,
                REQUIRE_BASE + index + 1,
                metric,
                metric,
                LIMITS[metric][2],
                {
                    "min": 1,
                    "message": message("channel.require", language).format(
                        label=platform.label, element=message(f"one.{element}", language)
                    ),
                },
                origin,
                language,
            )
            rules.append(RuleSpec(**{**rule.__dict__, "name": f"{channel}-requires-{element}"}))
    return rules
