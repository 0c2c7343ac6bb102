"""Every pattern hit of a post, by key: the phrase matchers, the token matcher, headline-scoped
patterns on the headlines' tokens, and the Python regexes the RE2 pre-pass picks (each within its
time budget, ``budget.py``). Checks read their hits from here instead of matching again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from contextlib import nullcontext
from operator import attrgetter
from typing import Any

from ..checks.base import Hit
from ..compile.compiler import CompiledPolicy
from ..compile.pattern_words import may_match
from ..text.document import Post
from ..text.headlines import Headline
from ..text.spacing import TokenText
from .budget import Budget, OutOfTime


def _headline_matches(
    compiled: CompiledPolicy, doc: Any, headlines: list[Headline], spacing: TokenText
) -> list[list[tuple[int, int, int]]]:
    """Token patterns of headline-scoped rules, run on the headlines' tokens only (found by
    bisecting the tokens: an array of every token's offset cost more on a short post), and only
    on headlines holding a word the patterns need (pattern_words)."""
    offset = attrgetter("idx")
    matcher, needs = compiled.headline_matcher, compiled.headline_needs
    out = []
    for h in headlines:
        i = bisect_left(doc, spacing.to_token(h.start), key=offset)
        j = bisect_left(doc, spacing.to_token(h.end), i, key=offset)  # it ends after it starts
        if i < j:
            span = doc[i:j]
            if may_match(needs, span):
                out.append([(key, i + s, i + e) for key, s, e in matcher(span)])
    return out


TIMEOUT = "BG005@"  # hits key prefix of regexes stopped by their budget


def headline_candidates_many(
    compiled: CompiledPolicy, posts: list[Post]
) -> list[list[list[int]] | None]:
    """The headline regexes' RE2 pre-pass over every headline of a batch at once, as
    ``RegexSet.candidates_many`` does for bodies (its programs stay in the CPU caches): for each post,
    one list of candidates per headline (None: no pre-pass to run)."""
    head_set = compiled.headline_set
    if not compiled.headline_regexes or head_set is None:
        return [None] * len(posts)
    pieces = [p.text[h.start : h.end].encode() for p in posts for h in p.headlines]
    found = iter(head_set.candidates_many(pieces) if pieces else ())
    return [[next(found) for _ in p.headlines] for p in posts]


def collect_hits(
    compiled: CompiledPolicy,
    doc: Any,
    text: str,
    spacing: TokenText,
    headlines: list[Headline] | None = None,
    candidates: list[int] | None = None,
    headline_candidates: list[list[int]] | None = None,
    encoded: bytes | None = None,
    budget: Budget | None = None,
) -> dict[str, list[Hit]]:
    """Every pattern hit of the post by key; ``candidates``: the regex pre-pass's answer for
    ``text`` when the caller ran it for a batch (``RegexSet.candidates_many``), ``encoded`` the
    UTF-8 text it read, and ``headline_candidates`` its answer for each headline
    (``headline_candidates_many``); ``budget``: the caller's entered Budget, when it holds one
    for a batch of posts (else one is entered here for this post)."""
    headlines = headlines or []
    raw: dict[str, list[tuple[int, int]]] = defaultdict(list)
    strings = doc.vocab.strings
    back = spacing.to_checked
    matches = [m(doc) for m in compiled.phrase_matchers]
    if compiled.matcher is not None:
        matches.append(compiled.matcher(doc))
    if headlines and compiled.headline_matcher is not None:
        matches.extend(_headline_matches(compiled, doc, headlines, spacing))
    for found in matches:
        for match_id, start, end in found:
            last = doc[end - 1]
            raw[strings[match_id]].append((back(doc[start].idx), back(last.idx + len(last.text))))
    head_set = compiled.headline_set
    for n, h in enumerate(headlines if compiled.headline_regexes else ()):
        piece = text[h.start : h.end]  # ^ and $ are the headline's start and end
        if headline_candidates is not None:
            picked: Iterable[int] = headline_candidates[n]
        else:
            picked = (
                head_set.candidates(piece) if head_set else range(len(compiled.headline_regexes))
            )
        for index in picked:
            key, regex, group = compiled.headline_regexes[index]
            for m in regex.finditer(piece):
                start, end = m.span(group)
                if end > start:
                    raw[key].append((h.start + start, h.start + end))
    if candidates is None:
        candidates = compiled.regex_set.candidates(text) if compiled.regexes else []
    if candidates:  # arming the budget's signal handler costs more than most posts' regexes
        encoded = encoded or text.encode()  # what RE2 reads (RegexSet.finder)
        with nullcontext(budget) if budget is not None else Budget() as armed:
            for index in candidates:
                key, regex, group = compiled.regexes[index]
                finder = compiled.regex_set.finder(index)
                try:
                    armed.start()
                    found = (
                        finder.finditer(regex.compiled, text, encoded)
                        if finder
                        else regex.finditer(text)
                    )
                    spans = [m.span(group) for m in found]
                    armed.stop()
                except OutOfTime:
                    armed.stop()
                    raw[f"{TIMEOUT}{key}"].append((index, 0))  # reported by check_doc
                    continue
                raw[key].extend((start, end) for start, end in spans if end > start)
    hits: dict[str, list[Hit]] = {}
    for key, spans in raw.items():
        spans.sort(key=lambda s: (s[0], -s[1]))
        kept: list[Hit] = []
        for start, end in spans:  # longest first at each start; drop overlaps
            if kept and start < kept[-1].end:
                continue
            kept.append(Hit(start, end))
        hits[key] = kept
    return hits
