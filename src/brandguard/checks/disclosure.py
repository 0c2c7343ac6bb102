"""``disclosure``: a sponsored post must say so clearly, early, and in its own language.

One analysis, five verdicts; each rule of a disclosure pack reports one (``report``), so each has
its own id, severity and message:

- ``missing``: the metadata declares a relationship (``sponsored: true`` or ``relationship: paid |
  gifted | affiliate | invited``) and no accepted marker is present;
- ``misplaced``: accepted markers are present, but none where readers see it (see disclosures.py);
- ``ambiguous``: only markers that are not enough on their own (#sp, #collab, …);
- ``wrong-language``: only markers in another language than the post's;
- ``looks-sponsored``: the metadata is silent, the content suggests a relationship (affiliate
  links, discount codes, thanks for a gift, "link in bio" next to a brand) and nothing discloses it.

Options: ``report``; ``language`` (of the markers: en | it); ``markers``, ``ambiguous``,
``foreign`` (regexes over the checked text; a group named ``m`` is the part reported); ``statements`` ({clear: [concepts], vague:
[concepts]}: statements written in words, see disclosure_statements.py; clear ones are markers,
vague ones ambiguous, and vague prose counts only when the post is declared or looks sponsored); ``triggers`` ({reason: [regexes]}),
``affiliate_links`` (regexes over link URLs) and ``affiliate_reason``; placement:
``within_first_chars`` (default 125), ``first_line`` (default true), ``trailing_hashtags``
(a trailing block of this many hashtags buries a marker; default 3, 0 = off), ``first_hashtags``
(a hashtag marker must be the first element or among the first N hashtags; default off).
Titles and headings that open the post do not use up the first visible text.
Metadata ``sponsored: false`` (or ``relationship: none``) silences every verdict.
A post whose ``language`` metadata differs from the pack's accepts the ``foreign`` markers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..model import RuleSpec
from .base import Builder, Context, Hit, RawFinding, Wake, first_word_span
from .disclosure_statements import NAMES, PROSE, statement_patterns
from .disclosures import (
    SPONSORSHIP_KEYS,
    body_start,
    placement_problem,
    post_language,
    sponsorship,
)

REPORTS = ("missing", "misplaced", "ambiguous", "wrong-language", "looks-sponsored")
REGEXES = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
OPTIONS = {
    "report": {"enum": list(REPORTS)},
    "language": {"enum": ["en", "it"]},
    "markers": REGEXES,
    "ambiguous": REGEXES,
    "foreign": REGEXES,
    "triggers": {"type": "object", "additionalProperties": REGEXES},
    "affiliate_links": REGEXES,
    "affiliate_reason": {"type": "string"},
    "within_first_chars": {"type": ["integer", "null"], "minimum": 1},
    "first_line": {"type": "boolean"},
    "trailing_hashtags": {"type": "integer", "minimum": 0},
    "first_hashtags": {"type": "integer", "minimum": 0},
    "statements": {
        "type": "object",
        "properties": {
            kind: {"type": "array", "items": {"enum": list(NAMES)}, "uniqueItems": True}
            for kind in ("clear", "vague")
        },
        "additionalProperties": False,
    },
}
REQUIRED = ("report", "markers", "language")
HINT = {
    "en": "; '{found}' is not enough on its own",
    "it": "; '{found}' da solo non basta",
}


@dataclass
class DisclosureCheck:
    rule: RuleSpec
    keys: dict[str, str]  # part (markers, ambiguous, vague, foreign) -> hits key
    report: str
    language: str
    triggers: list[tuple[str, str]]  # (hits key, reason)
    affiliate_links: list[re.Pattern[str]]
    affiliate_reason: str
    placement: dict = field(default_factory=dict)

    def _key(self, part: str) -> str:
        return self.keys[part]

    def _placement(self, ctx: Context, hits: list[Hit]) -> tuple[bool, str | None]:
        """(any marker well placed, why the first one is not)."""
        first_problem = None
        begin = body_start(ctx.text, ctx.post.headlines)
        for hit in hits:
            problem = placement_problem(
                ctx.text, hit.start, language=self.language, begin=begin, **self.placement
            )
            if problem is None:
                return True, None
            first_problem = first_problem or problem
        return False, first_problem

    def _trigger(self, ctx: Context) -> tuple[int, int, str, str] | None:
        """The first sign of a commercial relationship: (start, end, text, reason)."""
        found = []
        for key, reason in self.triggers:
            for hit in ctx.hits(key)[:1]:
                found.append((hit.start, hit.end, ctx.text[hit.start : hit.end], reason))
        for link in ctx.post.links:
            if any(p.search(link.url) for p in self.affiliate_links):
                host = urlsplit(link.url if "//" in link.url else "//" + link.url).hostname
                found.append(
                    (link.start, link.end, link.url, self.affiliate_reason.format(host=host or ""))
                )
        return min(found) if found else None

    @property
    def wake(self) -> Wake:
        """``_may_report`` before the post is read: a verdict needs a hit of its markers (or a
        trigger, or a link to test), or metadata that declares a relationship."""
        if self.report == "looks-sponsored":
            return Wake(keys=tuple(k for k, _ in self.triggers), links=bool(self.affiliate_links))
        declared = SPONSORSHIP_KEYS if self.report == "missing" else ()
        return Wake(keys=tuple(self.keys.values()), meta=declared)

    def _may_report(self, ctx: Context, declared: bool | None) -> bool:
        """Whether this verdict can come out of the post at all. Most posts hold no marker and
        declare nothing: for them only ``missing`` (declared) and ``looks-sponsored`` (silent
        metadata and a trigger) can report, and the rest of the analysis is skipped."""
        if declared is False:
            return False
        if self.report == "looks-sponsored":  # it reports a trigger, on silent metadata only
            return declared is None and self._may_trigger(ctx)
        if any(ctx.hits(key) for key in self.keys.values()):
            return True
        return self.report == "missing" and bool(declared)

    def _may_trigger(self, ctx: Context) -> bool:
        """Whether ``_trigger`` can find anything: a trigger hit, or a link to test."""
        return bool(ctx.post.links and self.affiliate_links) or any(
            ctx.hits(key) for key, _ in self.triggers
        )

    def run(self, ctx: Context) -> Iterator[RawFinding]:
        meta = ctx.post.meta
        # the five rules of a pack read the same metadata: once per post
        declared, why = ctx.measures.memo("sponsorship", lambda: sponsorship(meta))
        if not self._may_report(ctx, declared):
            return
        same_language = post_language(meta, ctx.measures.language) == self.language
        quoted = ctx.measures.quoted if ctx.post.quoted or _QUOTE_MARKS.search(ctx.text) else None
        markers = _own(ctx.hits(self._key("markers")), quoted)
        foreign = _own(ctx.hits(self._key("foreign")), quoted)
        if not same_language:
            markers = sorted(markers + foreign, key=lambda h: h.start)
            foreign = []
        ambiguous = _own(ctx.hits(self._key("ambiguous")), quoted)
        vague = _own(ctx.hits(self._key("vague")), quoted)
        if vague and not markers and (declared or (declared is None and self._trigger(ctx))):
            ambiguous = sorted(ambiguous + vague, key=lambda h: h.start)
        start, end = first_word_span(ctx.text)
        values = {"match": ctx.text[start:end], "language": self.language}

        if self.report == "misplaced":
            if markers and declared is not False:
                placed, problem = self._placement(ctx, markers)
                if not placed:
                    hit = markers[0]
                    match = ctx.text[hit.start : hit.end]
                    yield RawFinding(
                        hit.start, hit.end, {**values, "match": match, "where": problem}
                    )
            return
        if markers or declared is False:
            return
        if self.report == "missing" and declared:
            other = (ambiguous or foreign)[:1]
            hint = (
                HINT[self.language].format(found=ctx.text[other[0].start : other[0].end])
                if other
                else ""
            )
            yield RawFinding(start, end, {**values, "reason": why, "hint": hint})
        elif self.report == "ambiguous" and ambiguous:
            hit = ambiguous[0]
            yield RawFinding(hit.start, hit.end, {**values, "match": ctx.text[hit.start : hit.end]})
        elif self.report == "wrong-language" and foreign:
            hit = foreign[0]
            yield RawFinding(hit.start, hit.end, {**values, "match": ctx.text[hit.start : hit.end]})
        elif self.report == "looks-sponsored" and declared is None:
            trigger = self._trigger(ctx)
            if trigger:
                t_start, t_end, text, reason = trigger
                yield RawFinding(t_start, t_end, {**values, "match": text, "reason": reason})


_QUOTE_MARKS = re.compile('["“”«»„]')


def _own(hits: list[Hit], quoted: Any) -> list[Hit]:
    """The hits outside quotations and block quotes: a quoted disclosure is someone else's words
    (or an example in a guide), not the post's own."""
    if quoted is None or not hits:
        return hits
    return [h for h in hits if not quoted.covers(h.start, h.end)]


def _compile_regex(pattern: str, origin: str, key: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        file, _, line = origin.rpartition(":")
        raise ConfigError(
            f"invalid regex {pattern!r}: {exc}",
            file or origin,
            int(line) if line.isdigit() else None,
            key,
        ) from None


def _add(builder: Builder, key: str, patterns: list[str], origin: str) -> None:
    """Register each regex under ``key`` (one each, not one alternation: a broad alternative would
    make the pre-pass pick the whole alternation for most posts). A regex with a group named
    ``m`` reports only that group, so it can consume its context ("Ad" and the colon after it)
    instead of a lookahead the RE2 pre-pass drops (leaving a bare "ad" that matches every post)."""
    for pattern in patterns:
        builder.add_regex(key, pattern, origin=origin, group="m" if "(?P<m>" in pattern else 0)


def shared_key(part: str, patterns: list[str]) -> str:
    """One key per list of regexes: the five rules of a pack share their markers' hits."""
    digest = hashlib.sha1("\n".join(patterns).encode()).hexdigest()[:12]
    return f"disclosure:{part}:{digest}"


def compile(rule: RuleSpec, builder: Builder) -> DisclosureCheck:
    opts = rule.options
    keys = {}
    statements = opts.get("statements", {})
    language = opts["language"]
    clear = statement_patterns(language, statements.get("clear", ()))
    vague = [c for c in statements.get("vague", ()) if c not in PROSE]
    prose = [c for c in statements.get("vague", ()) if c in PROSE]
    extra = {
        "markers": clear,
        "ambiguous": statement_patterns(language, vague),
        "vague": statement_patterns(language, prose),
    }
    for part in ("markers", "ambiguous", "vague", "foreign"):
        patterns = list(opts.get(part, ())) + extra.get(part, [])
        keys[part] = shared_key(part, patterns)
        _add(builder, keys[part], patterns, rule.origin)
    triggers = []
    for reason, patterns in opts.get("triggers", {}).items():
        key = shared_key("trigger", [reason, *patterns])
        _add(builder, key, list(patterns), rule.origin)
        triggers.append((key, reason))
    placement = {
        "within_first_chars": opts.get("within_first_chars", 125),
        "first_line": bool(opts.get("first_line", True)),
        "trailing_hashtags": int(opts.get("trailing_hashtags", 3)),
        "first_hashtags": int(opts.get("first_hashtags", 0)),
    }
    return DisclosureCheck(
        rule,
        keys,
        opts["report"],
        opts["language"],
        triggers,
        [
            _compile_regex(p, rule.origin, "affiliate_links")
            for p in opts.get("affiliate_links", ())
        ],
        opts.get("affiliate_reason", "an affiliate link to {host}"),
        placement,
    )
