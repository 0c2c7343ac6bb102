"""What every check kind shares: the compile-time builder protocol and the per-post context.

A kind never runs its own matcher over the text. At compile time it registers its phrases,
token patterns and regexes with the builder under a key; the engine runs one PhraseMatcher, one
Matcher and one regex pass per post and hands each check the hits for its keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..model import RuleSpec
from ..text.headlines import AT_START_SCHEMA, HEADLINE_SCOPES, SHOUTING_SCHEMA, in_scope

if TYPE_CHECKING:
    from ..text.document import Post
    from ..text.measures import Measures


@dataclass(frozen=True)
class Hit:
    start: int
    end: int


@dataclass(frozen=True)
class RawFinding:
    """A finding before the engine stamps the rule's id, severity and position on it."""

    start: int
    end: int
    values: dict[str, Any]
    replacement: str | None = None
    safe: bool = True  # False: the replacement may change the meaning (--unsafe-fixes)


class Builder(Protocol):
    language: str
    stop_words: frozenset[str]
    caps_headings: bool  # the policy's tone.caps_headings is "shouting"

    def add_phrases(
        self,
        key: str,
        phrases: Iterable[str],
        *,
        case_sensitive: bool = False,
        inflect: bool = False,
    ) -> None: ...

    def add_patterns(
        self, key: str, patterns: list[Any], origin: str, *, headline: bool = False
    ) -> None: ...

    def add_regex(
        self,
        key: str,
        pattern: str,
        *,
        case_sensitive: bool = False,
        origin: str = "",
        group: int | str = 0,
        headline: bool = False,
    ) -> None: ...


class Context(Protocol):
    """What a check sees of one post."""

    text: str
    measures: Measures
    post: Post  # metadata and links of the post

    def hits(self, key: str) -> list[Hit]: ...


class Check(Protocol):
    """A compiled rule. A kind may also say when it has nothing to do: ``hit_driven = True`` (it
    finds nothing without hits of its rule id) or a ``wake`` (``Wake``, else None); the engine
    then does not call it on posts that cannot give it a finding (engine/dispatch.py)."""

    rule: RuleSpec

    def run(self, ctx: Context) -> Iterable[RawFinding]: ...


@dataclass(frozen=True)
class Wake:
    """What a post must hold for a check to find anything in it, any one being enough: one of
    ``chars`` in its text, a match of ``pattern`` in it, a hit of one of ``keys``, one of
    ``meta`` in its metadata, a link (``links``). Most posts have no "#" or "@", no two capitals
    in a row, say nothing about sponsorship and hold no disclosure marker; calling each check
    that needs one cost ~3-15 µs a post for nothing."""

    chars: str = ""
    keys: tuple[str, ...] = ()
    meta: tuple[str, ...] = ()
    links: bool = False
    pattern: re.Pattern[str] | None = None  # searched only when no char of ``chars`` is there

    def open(self, post: Post, hits: dict[str, list[Hit]]) -> bool:
        """Whether ``post`` (with its pattern ``hits``) holds any of it."""
        if self.links and post.links:
            return True
        text, meta = post.text, post.meta
        for c in self.chars:  # loops, not any(): this runs for every post
            if c in text:
                return True
        if self.pattern is not None and self.pattern.search(text):
            return True
        for key in self.keys:
            if hits.get(key):
                return True
        for key in self.meta:
            if key in meta:
                return True
        return False


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: dict[str, Any]) -> str:
    """Fill ``{match}``-style placeholders; unknown ones are left as written. A template with
    no brace is returned as it is (most rule messages: formatting it cost ~1 µs a finding)."""
    if "{" not in template and "}" not in template:
        return template
    try:
        return template.format_map(_Lenient(values))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


PHRASES_SCHEMA = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
GROUP_SCHEMA = {
    "description": "the capture group whose span is reported (number or name; 0 = the whole match)",
    "oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "minLength": 1}],
}
REGEX_SCHEMA = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
    ]
}
PATTERNS_SCHEMA = {
    "type": "array",
    "minItems": 1,
    "items": {"type": "array", "minItems": 1, "items": {"type": "object"}},
}


# Where a match counts (headlines.py): the options of the kinds that report matches.
# `scope` itself is a key of every rule (RuleSpec.scope, schema.RULE_COMMON); these refine it.
SCOPE_OPTIONS = {"at_start": AT_START_SCHEMA, "shouting": SHOUTING_SCHEMA}


@dataclass(frozen=True)
class Scope:
    """Which matches of a rule count: inside headlines, at their start, or outside headings."""

    scope: str | None
    at_start: bool = False

    @classmethod
    def of(cls, rule: RuleSpec, builder: Builder) -> Scope:
        """The rule's scope; a ``shouting`` rule skips headings unless headings may shout."""
        scope = rule.scope if rule.scope in HEADLINE_SCOPES else None
        at_start = bool(rule.options.get("at_start", False))
        if at_start and scope is None:
            scope = "headline"
        if rule.options.get("shouting") and not builder.caps_headings and scope is None:
            scope = "body"
        return cls(scope, at_start)

    @property
    def headline_only(self) -> bool:
        """Matches count only inside headlines: the engine matches only there (fast)."""
        return self.scope in ("headline", "title")

    def hits(self, ctx: Context, key: str) -> list[Hit]:
        hits = ctx.hits(key)
        if self.scope is None or not hits:
            return hits
        heads = ctx.post.headlines
        return [h for h in hits if in_scope(h.start, h.end, heads, self.scope, self.at_start)]


def as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def register_matchers(rule: RuleSpec, builder: Builder, key: str, options: dict[str, Any]) -> None:
    """Register whichever of phrases / regex / patterns the options carry, under ``key``."""
    case_sensitive = bool(options.get("case_sensitive", False))
    if "phrases" in options:
        builder.add_phrases(
            key,
            options["phrases"],
            case_sensitive=case_sensitive,
            inflect=bool(options.get("inflect", True)),
        )
    if "regex" in options:
        for pattern in as_list(options["regex"]):
            builder.add_regex(
                key,
                pattern,
                case_sensitive=case_sensitive,
                origin=rule.origin,
                group=options.get("group", 0),
            )
    if "patterns" in options:
        builder.add_patterns(key, options["patterns"], rule.origin)


def first_word_span(text: str) -> tuple[int, int]:
    """Where to point a finding about the whole post: its first visible word."""
    stripped = text.lstrip()
    if not stripped:
        return 0, 0
    start = len(text) - len(stripped)
    return start, start + len(stripped.split(None, 1)[0])


def fmt_number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


_PHRASE_GAP = re.compile(r"[ \t]*\n?[ \t]*")


def joined(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Words ``i`` and ``i + 1`` belong to one phrase: only blanks (at most one line break) lie
    between them, no punctuation and no blank line. "Fix leak (Ann Lee), Fix crash (Ann Lee)"
    repeats "ann lee", not "lee fix": a phrase is read within a clause."""
    return bool(_PHRASE_GAP.fullmatch(text, spans[i][1], spans[i + 1][0]))
