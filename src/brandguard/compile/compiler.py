"""Policy → CompiledPolicy: one nlp, one PhraseMatcher per case mode, one Matcher, one regex pass.

Every rule registers what it matches under its own key (its id, or ``ID@when`` for a ``when:
contains`` condition); the engine runs each shared matcher once per post and hands the hits out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..checks import KINDS
from ..errors import ConfigError
from ..model import META_RULES, RuleSpec
from ..policy.loader import Policy, selector_matches, unknown_selector
from ..text.inflection import apostrophe_forms, variants
from .cached_tokenizer import CachedTokenizer
from .frozen_regex import LazyRegex
from .pattern_words import Needs, required
from .regexset import RegexSet

TRAINED_ATTRS = {"POS": "pos", "TAG": "pos", "DEP": "dep", "MORPH": "morph", "LEMMA": "lemma"}


def _origin_parts(origin: str) -> tuple[str, int | None]:
    file, _, line = origin.rpartition(":")
    return (file or origin), (int(line) if line.isdigit() and int(line) else None)


def _pattern_needs(patterns: Any) -> set[str]:
    needs: set[str] = set()
    for pattern in patterns:
        for token in pattern:
            needs.update(TRAINED_ATTRS[k] for k in token if k in TRAINED_ATTRS)
    return needs


@dataclass
class _Builder:
    """Collects phrases, token patterns and regexes from every rule (checks.base.Builder)."""

    nlp: Any
    language: str
    stop_words: frozenset[str]
    phrases: dict[bool, dict[str, set[str]]] = field(
        default_factory=lambda: {False: defaultdict(set), True: defaultdict(set)}
    )
    patterns: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    pattern_origins: dict[str, str] = field(default_factory=dict)
    regexes: list[tuple[str, re.Pattern[str], int | str]] = field(default_factory=list)
    # Rules scoped to headlines: matched only inside headline spans (engine._headline_hits).
    headline_patterns: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    headline_regexes: list[tuple[str, Any, int | str]] = field(default_factory=list)
    caps_headings: bool = False  # tone.caps_headings: shouting (headings in capitals shout)

    def add_phrases(
        self,
        key: str,
        phrases: Iterable[str],
        *,
        case_sensitive: bool = False,
        inflect: bool = False,
    ) -> None:
        bucket = self.phrases[case_sensitive][key]
        for phrase in phrases:
            forms = variants(phrase, self.language) if inflect else {phrase}
            forms = {typed for form in forms for typed in apostrophe_forms(form)}
            bucket.update(forms if case_sensitive else {f.lower() for f in forms})

    def add_patterns(
        self, key: str, patterns: list[Any], origin: str, *, headline: bool = False
    ) -> None:
        (self.headline_patterns if headline else self.patterns)[key].extend(patterns)
        self.pattern_origins[key] = origin

    def add_regex(
        self,
        key: str,
        pattern: str,
        *,
        case_sensitive: bool = False,
        origin: str = "",
        group: int | str = 0,
        headline: bool = False,
    ) -> None:
        try:
            compiled = re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
        except re.error as exc:
            file, line = _origin_parts(origin)
            raise ConfigError(f"invalid regex {pattern!r}: {exc}", file, line, "regex") from None
        if (
            isinstance(group, str)
            and group not in compiled.groupindex
            or (isinstance(group, int) and group > compiled.groups)
        ):
            file, line = _origin_parts(origin)
            raise ConfigError(f"regex {pattern!r} has no group {group!r}", file, line, "group")
        if headline:
            self.headline_regexes.append((key, LazyRegex(compiled), group))
            return
        if any(k == key and r.same_as(compiled) for k, r, _ in self.regexes[-64:]):
            return  # rules sharing a key (e.g. one pack's markers) register a regex once
        self.regexes.append((key, LazyRegex(compiled), group))


@dataclass
class CompiledPolicy:
    policy: Policy
    nlp: Any
    trained: bool
    checks: list[Any]
    skipped: list[str]
    phrase_matchers: list[Any]
    matcher: Any | None
    regexes: list[tuple[str, re.Pattern[str], int | str]]  # (key, regex, group reported)
    regex_set: Any
    meta_rules: set[str] = field(default_factory=set)
    tokenizer: CachedTokenizer | None = None
    headline_matcher: Any | None = None  # token patterns of headline-scoped rules
    headline_regexes: list[tuple[str, Any, int | str]] = field(default_factory=list)
    headline_set: Any | None = None  # RE2 pre-pass over headline_regexes (regexset.RegexSet)
    headline_needs: Needs | None = None  # what its patterns need (pattern_words.required)
    # --select/--ignore, and the policy compiled for its other languages (policy.variants):
    # compiled on first use, or all at once before the policy is cached (compile_variants);
    # pickled as bytes and unpickled only when a post of that language comes.
    selection: tuple[tuple[str, ...] | None, tuple[str, ...]] = (None, ())
    variants: dict[str, Any] = field(default_factory=dict)

    def route(self, post: Any) -> CompiledPolicy:
        """The compiled policy for ``post``: the one of the post's language (text/language.py)."""
        from ..text.language import post_language

        policy = self.policy
        if not policy.variants:
            return self
        language = post_language(post.text, post.meta, policy.languages, policy.language)
        return self.for_language(language)

    def for_language(self, language: str) -> CompiledPolicy:
        if language == self.policy.language or language not in self.policy.variants:
            return self
        found = self.variants.get(language)
        if isinstance(found, bytes):
            import pickle

            found = pickle.loads(found)  # our own bytes, inside an entry of the trusted cache
        if found is None:
            select, ignore = self.selection
            found = _compile(self.policy.variants[language], select, ignore)
        self.variants[language] = found
        return found

    def compile_variants(self) -> None:
        """Compile every language now (before caching), so no later run compiles one."""
        for language in self.policy.variants:
            self.for_language(language)

    def pipe(self, texts: Iterable[str], batch_size: int) -> Any:
        """Docs for ``texts``: the tokenizer alone when the pipeline has no components."""
        if self.nlp is None:
            assert self.tokenizer is not None
            return self.tokenizer.pipe(texts, batch_size=batch_size)
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __getstate__(self) -> dict[str, Any]:
        # A blank pipeline without components is its tokenizer: pickling only that halves the
        # cache's load time (rebuilding a Language object goes through spaCy's registry), and
        # CachedTokenizer loads in a few milliseconds. With components, nlp carries its own.
        state = dict(self.__dict__)
        if not self.trained and (self.nlp is None or not self.nlp.pipe_names):  # None: loaded
            state["nlp"] = None
        else:
            state["tokenizer"] = None
        if self.variants:
            import pickle

            state["variants"] = {
                k: v if isinstance(v, bytes) else pickle.dumps(v, pickle.HIGHEST_PROTOCOL)
                for k, v in self.variants.items()
            }
        return state


def _build_phrase_matcher(nlp: Any, attr: str, table: dict[str, set[str]]) -> Any | None:
    from spacy.matcher import PhraseMatcher

    if not any(table.values()):
        return None
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    words = _word_tokens(nlp, {w for phrases in table.values() for p in phrases for w in p.split()})
    for key, phrases in table.items():
        if phrases:
            matcher.add(key, [_phrase_doc(nlp, phrase, words) for phrase in sorted(phrases)])
    if len(words) > PHRASE_WORDS_CACHED:
        # The tokenizer caches its first 10,000 strings: the words of a long phrase list would
        # keep the posts' words out (tokenizing was 13x slower). Setting the rules empties it.
        nlp.tokenizer.rules = nlp.tokenizer.rules
    return matcher


PHRASE_WORDS_CACHED = 2000  # more phrase words than this: the tokenizer's cache is emptied


def _word_tokens(nlp: Any, words: set[str]) -> dict[str, list[str]]:
    """Each word's tokens, from one tokenizer call over all of them (not a Doc per word)."""
    ordered = sorted(words)
    out: dict[str, list[str]] = {}
    doc = nlp.tokenizer(" ".join(ordered))
    index = 0
    current: list[str] = []
    for token in doc:
        current.append(token.text)
        if token.whitespace_ or token.i == len(doc) - 1:
            out[ordered[index]] = current
            index, current = index + 1, []
    if index != len(ordered):  # the tokenizer did not keep to the spaces: one word at a time
        return {}
    return out


def _phrase_doc(nlp: Any, phrase: str, words: dict[str, list[str]]) -> Any:
    """``phrase`` as the tokenizer reads it, each distinct word tokenized once.

    The tokenizer splits at single spaces first and reads each word alone, so a phrase's tokens
    are its words' tokens. A list of 5,000 banned phrases has 80,000 inflected forms built from
    far fewer words: compiling it took 5.4 s.
    """
    from spacy.tokens import Doc

    parts = phrase.split(" ")
    if "" in parts or any(len(part.split()) != 1 for part in parts):
        return nlp.tokenizer(phrase)  # other blanks: as written
    orths: list[str] = []
    spaces: list[bool] = []
    for part in parts:
        tokens = words.get(part)
        if tokens is None:
            tokens = words[part] = [t.text for t in nlp.tokenizer(part)]
        orths += tokens
        spaces += [False] * (len(tokens) - 1) + [True]
    spaces[-1] = False
    return Doc(nlp.vocab, words=orths, spaces=spaces)


def _build_matcher(nlp: Any, builder: _Builder, table: dict[str, list[Any]]) -> Any | None:
    from spacy.matcher import Matcher

    if not table:
        return None
    matcher = Matcher(nlp.vocab, validate=True)
    for key, patterns in table.items():
        try:
            matcher.add(key, patterns)
        except Exception as exc:  # spaCy raises ValueError/MatchPatternError with long text
            file, line = _origin_parts(builder.pattern_origins[key])
            first = str(exc).strip().splitlines()
            detail = " ".join(x.strip() for x in first if x.strip())[:300]
            raise ConfigError(f"invalid token pattern: {detail}", file, line, "patterns") from None
    return matcher


def _needs_sentence_starts(patterns: dict[str, list[Any]]) -> bool:
    return any(
        "IS_SENT_START" in token or "SENT_START" in token
        for group in patterns.values()
        for pattern in group
        for token in pattern
    )


def selected(rule: RuleSpec, select: Iterable[str] | None, ignore: Iterable[str]) -> bool:
    if select and not any(selector_matches(s, rule) for s in select):
        return False
    return not any(selector_matches(s, rule) for s in ignore)


def _check_selectors(policy: Policy, selectors: list[str]) -> None:
    """A mistyped --select/--ignore would silently check nothing (or everything): refuse it."""
    known = [(r.id, r.name, r.category) for r in policy.all_rules()]
    known += [(rule_id, name, "meta") for rule_id, (name, _, _) in META_RULES.items()]
    for selector in selectors:
        problem = unknown_selector(selector, known)
        if problem:
            raise ConfigError(problem, "--select/--ignore")


def compile_policy(
    policy: Policy,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> CompiledPolicy:
    """The policy compiled for its own language; its other languages compile on first use
    (``CompiledPolicy.for_language``). Unknown --select/--ignore selectors are refused."""
    select = tuple(select) if select else None
    ignore = tuple(ignore)
    _check_selectors(policy, [*(select or ()), *ignore])
    return _compile(policy, select, ignore)


def _compile(
    policy: Policy, select: tuple[str, ...] | None, ignore: tuple[str, ...]
) -> CompiledPolicy:
    from .pipeline import keep_lex_attrs, make_nlp

    nlp, trained = make_nlp(policy.language, policy.pipeline)
    builder = _Builder(nlp, policy.language, frozenset(nlp.Defaults.stop_words))
    builder.caps_headings = policy.settings.get("tone", {}).get("caps_headings") == "shouting"
    checks, skipped = [], []
    selection = (select, ignore)
    ignore = (*policy.ignore, *ignore)
    for rule in policy.rules:
        if not selected(rule, select, ignore):
            continue
        needs = set(rule.requires)
        if rule.kind == "pattern":
            needs |= _pattern_needs(rule.options.get("patterns", []))
        if needs and not trained:
            skipped.append(rule.id)
            continue
        checks.append(KINDS[rule.kind].compile(rule, builder))
        if rule.when and rule.when.get("contains"):
            builder.add_phrases(f"{rule.id}@when", rule.when["contains"], inflect=True)
    if not trained and (
        _needs_sentence_starts(builder.patterns)
        or _needs_sentence_starts(builder.headline_patterns)
    ):
        nlp.add_pipe("brandguard_sentences")
    if not trained:
        tables = (builder.patterns, builder.headline_patterns)
        keep_lex_attrs(nlp, [p for table in tables for ps in table.values() for p in ps])
    matchers = [
        m
        for m in (
            _build_phrase_matcher(nlp, "LOWER", builder.phrases[False]),
            _build_phrase_matcher(nlp, "ORTH", builder.phrases[True]),
        )
        if m
    ]
    regex_set = RegexSet([regex for _, regex, _ in builder.regexes])
    meta_rules = {
        rule_id
        for rule_id, (name, severity, _) in META_RULES.items()
        if selected(RuleSpec(rule_id, name, "meta", "meta", severity, ""), select, ignore)
    }
    return CompiledPolicy(
        policy,
        nlp,
        trained,
        checks,
        skipped,
        matchers,
        _build_matcher(nlp, builder, builder.patterns),
        builder.regexes,
        regex_set,
        meta_rules,
        CachedTokenizer(nlp.tokenizer),
        _build_matcher(nlp, builder, builder.headline_patterns),
        builder.headline_regexes,
        RegexSet([regex for _, regex, _ in builder.headline_regexes]),
        selection=selection,
        headline_needs=required(builder.headline_patterns, builder.stop_words),
    )
