"""Run a compiled policy over posts: one spaCy pass, shared matchers, checks, suppressions, score.

Posts stream through ``nlp.pipe`` in batches, so memory stays flat however many posts an audit
reads; each yields one PostResult in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from ..checks.base import Hit, RawFinding, render
from ..checks.scopes import within
from ..compile.compiler import CompiledPolicy
from ..model import META_RULES, Finding, Fix, PostResult, RuleSpec
from ..policy.loader import unknown_selector
from ..text.context import Voice
from ..text.document import Post
from ..text.headlines import breaks_after
from ..text.measures import Measures
from ..text.spacing import TokenText, one_line, token_text
from . import budget as regex_budget
from .dedupe import Rank, collapse
from .dispatch import due_checks, meta_matches
from .hits import TIMEOUT, collect_hits, headline_candidates_many
from .scoring import META_CATEGORY, score_post
from .suppressions import build_suppressions, parse_directives


class Router(Protocol):
    """Picks the compiled policy that checks a post (CompiledPolicy, resolution.PolicyTree)."""

    def route(self, post: Post) -> CompiledPolicy: ...


class PostContext:
    """What checks see of one post (checks.base.Context)."""

    def __init__(self, post: Post, doc: Any, hits: dict[str, list[Hit]], language: str) -> None:
        self.post = post
        self.doc = doc
        self.text = post.text
        self._hits = hits
        self.measures = Measures(post, doc, language)
        self._voice: Voice | None = None
        self._language = language

    @property
    def voice(self) -> Voice:
        """Quotations and proper names of the post, computed on first use."""
        if self._voice is None:
            measures = self.measures
            self._voice = Voice(
                measures.quoted,
                self.text,
                self._language,
                lambda: (start for start, _ in measures.sentence_bounds),
            )
        return self._voice

    def hits(self, key: str) -> list[Hit]:
        return self._hits.get(key, [])


def applies(rule: RuleSpec, ctx: PostContext) -> bool:
    when = rule.when
    if not when:
        return True
    meta = ctx.post.meta
    if "meta" in when and not meta_matches(meta, when["meta"]):
        return False
    if "not_meta" in when and meta_matches(meta, when["not_meta"]):
        return False
    if "links" in when and bool(ctx.post.links) != when["links"]:
        return False
    if "max_words" in when and ctx.measures.get("words").value > when["max_words"]:
        return False
    return not ("contains" in when and not ctx.hits(f"{rule.id}@when"))


def make_finding(rule: RuleSpec, post: Post, raw: RawFinding) -> Finding:
    start, end = post.source_span(raw.start, raw.end)
    line, col = post.position(start)
    end_line, end_col = post.position(end)
    values = {"suggestion": rule.suggest or "", **raw.values}
    if isinstance(values.get("match"), str):
        values["match"] = one_line(values["match"])
    match = str(values.get("match", post.source[start:end]))
    fix = Fix(start, end, raw.replacement, raw.safe) if raw.replacement is not None else None
    suggestion = values.get("suggestion") or rule.suggest
    return Finding(
        rule.id,
        rule.name,
        rule.category,
        rule.severity,
        line,
        col,
        end_line,
        end_col,
        start,
        end,
        match,
        render(rule.message, values),
        render(suggestion, values) if suggestion else None,
        fix,
        rule.weight,
    )


def meta_finding(rule_id: str, post: Post, start: int, end: int, message: str) -> Finding:
    name, severity, _ = META_RULES[rule_id]
    line, col = post.position(start)
    end_line, end_col = post.position(end)
    return Finding(
        rule_id,
        name,
        META_CATEGORY,
        severity,
        line,
        col,
        end_line,
        end_col,
        start,
        end,
        post.source[start:end],
        message,
    )


def _timeout(compiled: CompiledPolicy, post: Post, key: str, hits: list[Hit]) -> Finding:
    rule_id = key[len(TIMEOUT) :].split("@")[0]
    origin = next((r.origin for r in compiled.policy.rules if r.id == rule_id), "")
    pattern = compiled.regexes[hits[0].start][1].pattern
    return meta_finding(
        "BG005",
        post,
        0,
        0,
        f"rule {rule_id}{f' ({origin})' if origin else ''}: regex {pattern!r} ran out of its "
        f"{regex_budget.REGEX_SECONDS:g} s budget on this post (catastrophic backtracking?) and was stopped; "
        "the post was not checked for it",
    )


def _suppress(
    post: Post, findings: list[Finding], enabled: set[str], rules: Sequence[RuleSpec] = ()
) -> list[Finding]:
    directives = parse_directives(post)
    if not directives:
        return findings
    out = [meta_finding("BG004", post, d.start, d.end, d.problem) for d in directives if d.problem]
    suppressions = build_suppressions(post, directives)
    for finding in findings:
        for s in suppressions:
            selector = s.covers(finding)
            if selector:
                s.used.add(selector)
                break
        else:
            out.append(finding)
    known = [(r.id, r.name, r.category) for r in rules]
    known += [(rule_id, name, META_CATEGORY) for rule_id, (name, _, _) in META_RULES.items()]
    for s in suppressions:  # a mistyped id is an error, not a stale suppression
        for selector in s.ids:
            problem = None if selector in s.used else unknown_selector(selector, known)
            if problem:
                s.used.add(selector)
                out.append(meta_finding("BG004", post, s.start, s.end, problem))
    if "BG001" in enabled:
        for s in suppressions:
            unused = [i for i in s.ids if i not in s.used]
            if unused and s.verb != "enable":
                out.append(
                    meta_finding(
                        "BG001",
                        post,
                        s.start,
                        s.end,
                        f"unused suppression of {', '.join(unused)}: nothing to "
                        "silence here; remove it",
                    )
                )
    return out


_RANKS: dict[int, tuple[CompiledPolicy, dict[str, Rank]]] = {}


def _ranks(compiled: CompiledPolicy) -> dict[str, Rank]:
    """Each rule's Rank for dedupe.collapse, computed once per compiled policy."""
    entry = _RANKS.get(id(compiled))
    if entry is None or entry[0] is not compiled:
        from ..policy.resources import data_dir

        bundled = str(data_dir("rules"))
        ranks = {
            check.rule.id: Rank(
                own=not check.rule.origin.startswith(bundled),
                local=bool(getattr(check, "local", False)),
                metric=check.rule.options.get("metric") if check.rule.kind == "metric" else None,
            )
            for check in compiled.checks
        }
        if len(_RANKS) > 32:  # a long-lived process compiling many policies stays bounded
            _RANKS.clear()
        entry = _RANKS[id(compiled)] = (compiled, ranks)
    return entry[1]


def _own_voice(
    rule: RuleSpec, ctx: PostContext, raws: Iterable[RawFinding]
) -> Iterator[RawFinding]:
    """The findings of a span rule, less those about quoted words or proper names."""
    for raw in raws:
        if not ctx.voice.foreign(rule.quotes, rule.category, raw.start, raw.end):
            yield raw


def check_doc(
    compiled: CompiledPolicy,
    post: Post,
    doc: Any,
    spacing: TokenText,
    candidates: list[int] | None = None,
    headline_candidates: list[list[int]] | None = None,
    encoded: bytes | None = None,
    budget: regex_budget.Budget | None = None,
) -> PostResult:
    """Findings and score of one post; ``doc`` is ``spacing.text`` tokenized; ``candidates``
    (and ``headline_candidates``, one list per headline) the regex pre-pass's answer when the
    caller ran it (else check_doc does), over ``encoded`` (the text in UTF-8); ``budget`` the
    regexes' time budget, entered by the caller for a batch."""
    hits = collect_hits(
        compiled,
        doc,
        post.text,
        spacing,
        post.headlines,
        candidates,
        headline_candidates,
        encoded,
        budget,
    )
    ctx = PostContext(post, doc, hits, compiled.policy.language)
    findings: list[Finding] = [
        meta_finding("BG002", post, s, e, msg) for s, e, msg in post.problems
    ]
    findings += [_timeout(compiled, post, k, h) for k, h in hits.items() if k.startswith(TIMEOUT)]
    for check, rule, scoped, local in due_checks(compiled, post, hits):
        if rule.when is None or applies(rule, ctx):
            raws = check.run(ctx)
            if scoped:
                raws = within(rule.scope, post, raws)
            if local:
                raws = _own_voice(rule, ctx, raws)
            for raw in raws:
                findings.append(make_finding(rule, post, raw))
    findings = [
        f
        for f in _suppress(post, findings, compiled.meta_rules, compiled.policy.rules)
        if f.category != META_CATEGORY or f.rule_id in compiled.meta_rules
    ]
    findings = collapse(findings, _ranks(compiled))
    findings.sort(key=lambda f: (f.start, f.rule_id))
    score = score_post(findings, ctx.measures.words, compiled.policy.scoring)
    return PostResult(
        post.id,
        post.path,
        tuple(findings),
        score,
        tuple(compiled.skipped),
        source=post.source,
        language=compiled.policy.language,
    )


def check_posts(
    compiled: CompiledPolicy | Router, posts: Iterable[Post | PostResult], batch_size: int = 128
) -> Iterator[PostResult]:
    """Check posts in order. A PostResult in the input (an unreadable post) passes straight through.

    Each post is checked by ``compiled.route(post)``: the policy compiled for the post's language
    (and, for a ``policy.resolution.PolicyTree``-backed router, the post's nearest policy).
    """
    pending: list[Post | PostResult] = []

    def flush() -> Iterator[PostResult]:
        routed = [
            (item, compiled.route(item) if isinstance(item, Post) else None) for item in pending
        ]
        tokenized: dict[int, Iterator[Any]] = {}
        for target in {id(t): t for _, t in routed if t is not None}.values():
            mine = [p for p, t in routed if t is target]
            spacings = [
                token_text(p.text, p.format, breaks_after(p.text, p.headlines)) for p in mine
            ]
            # The whole batch at once, like the RE2 pre-pass below: the tokenizer's tables
            # (its split cache, the vocabulary) stay in the CPU caches instead of being evicted
            # by a post's checks between two docs (real mix: tokenizing 2.2 s -> 1.8 s CPU).
            docs = list(target.pipe((s.text for s in spacings), batch_size=batch_size))
            encoded = [p.text.encode() for p in mine]  # what RE2 reads, once per post
            found = (
                target.regex_set.candidates_many(encoded) if target.regexes else [[] for _ in mine]
            )
            heads = headline_candidates_many(target, mine)
            tokenized[id(target)] = zip(spacings, docs, found, heads, encoded, strict=True)
        # One SIGALRM handler for the batch (installing it for each post cost 2 % of the real
        # mix); it is put back before any result is handed on, so no caller's code runs with it.
        done: list[PostResult] = []
        with regex_budget.Budget() as budget:
            for item, target in routed:
                if target is None:
                    done.append(item)
                else:
                    spacing, doc, candidates, heads, data = next(tokenized[id(target)])
                    done.append(
                        check_doc(target, item, doc, spacing, candidates, heads, data, budget)
                    )
        pending.clear()
        yield from done

    for item in posts:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
