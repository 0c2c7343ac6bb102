"""The RE2 pre-pass must never hide a match the exact Python regex would find."""

from __future__ import annotations

import pickle
import re

import pytest

from brandguard.compile.regexset import RegexSet, to_re2

PATTERNS = [
    r"\bperch[eé]\b",
    r"\bcaff[eè]\s+gratis\b",
    r"(?<!feel )free(?![- ]?time)",
    r"(?:^|(?<=\n))[ \t]*#\w+\s*$",
    r"[^\w\s]{3,}",
    r"\bonly\s+\d+\s+left\b",
    r"\b[A-ZÀ-Ý]{4,}\b",
    r"a{,2}b",
    r"(\w+) \1",
    r"\w+\s\w+\d?",
    r"\S\s+\S",
    r"[\d\s]+\W",
    r"\d{3}",
]
TEXTS = [
    "Perché no?",
    "caffè   gratis oggi",
    "free stuff",
    "I feel free",
    "free-time",
    "intro\n#ad  \nend",
    "wow!!!",
    "Only 3 left",
    "ÀÈÌÒ PERCHÉ",
    "aab",
    "the the end",
    "",
    "nothing to see here",
    "tab\there\x0bvertical\x1cseparator\u00a0nbsp\u2003em",
    "١٢٣ arabic digits, ＡＢＣ wide letters",
]


def _assert_prepass_picks_every_match(patterns: list[str], texts: list[str], flags: int) -> None:
    """Every regex that Python's ``re`` finds in a text is among the pre-pass's candidates."""
    compiled = [re.compile(p, flags) for p in patterns]
    regex_set = RegexSet(compiled)
    for text in texts:
        candidates = set(regex_set.candidates(text))
        for index, regex in enumerate(compiled):
            if regex.search(text):
                assert index in candidates, (patterns[index], text)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_prepass_is_a_superset_of_python_matches(flags: int) -> None:
    _assert_prepass_picks_every_match(PATTERNS, TEXTS, flags)


def test_translation_examples() -> None:
    assert to_re2(r"\bfoo\b", re.IGNORECASE) == "(?i)foo"
    assert to_re2(r"(?<!a)b(?=c)", 0) == "b"
    assert to_re2(r"[\w-]+", 0) == r"[0-9A-Z_a-z\x{80}-\x{10FFFF}-]+"
    assert to_re2(r"\s\d", 0) == r"[\t-\r\x1c- \x{80}-\x{10FFFF}][0-9\x{80}-\x{10FFFF}]"
    assert to_re2(r"[^\w]", 0) == r"[^\w]"  # negated classes keep ASCII: wider, never narrower
    assert to_re2(r"(\w) \1", 0) is None  # back-references always run in Python
    # A leading look-ahead is the condition a match starts with: RE2 reads it instead...
    assert to_re2(r"\b(?=\d+ ways)\w+", 0) == r"(?:[0-9\x{80}-\x{10FFFF}]+ ways)"
    assert to_re2(r"^(?=.*deal)\w+", re.MULTILINE) == "(?m)^(?:.*deal)"
    # ...unless RE2 cannot take it (a negated class inside a class), then the rest as before.
    assert to_re2(r"\A(?=[\s\S]*x)a", 0) == r"\Aa"


def test_backreference_regexes_always_run() -> None:
    regex_set = RegexSet([re.compile(r"(\w+) \1"), re.compile("zzz")])
    assert regex_set.candidates("nothing") == [0]


def test_a_catastrophic_policy_regex_is_stopped_and_reported(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from brandguard.api import check_text
    from brandguard.engine import budget

    from .conftest import policy_from

    monkeypatch.setattr(budget, "REGEX_SECONDS", 0.2)
    # The look-ahead keeps RE2's superset matching at the first "a", where Python backtracks (a
    # plain '(a+)+$' is now tried only where its superset starts a match: after the "b").
    policy = policy_from(
        "policy: t\nlanguage: en\nbanned:\n  - regex: '(a+)+(?=c)'\n  - phrase: synergy\n",
        tmp_path,
    )
    began = time.monotonic()  # ~50 s in Python's re without the budget
    result = check_text("a" * 29 + "b synergy\n\nA calm line a\n", policy)
    assert time.monotonic() - began < 5
    by_id = {f.rule_id: f for f in result.findings}
    assert "BAN002" in by_id  # the other rules still ran
    assert "BG005" in by_id and "BAN001" in by_id["BG005"].message
    assert "policy.yaml:" in by_id["BG005"].message
    assert by_id["BG005"].severity == "error"


def test_candidates_are_the_patterns_re2_matches_word_or_shape() -> None:
    """The filter's answer is exact for what RE2 reads: a pattern whose words (atoms) occur in
    another case than a case-sensitive pattern's is not picked, a pattern that needs no
    particular word (a run of capitalised words) is tried on every text, and candidates keep the
    regexes' order, also after pickling (the compiled-policy cache)."""
    import re2

    compiled = [
        re.compile(r"\bguaranteed\b", re.IGNORECASE),
        re.compile(r"(?:[A-Z][a-z]+ ){3,}[A-Z][a-z]+"),
        re.compile(r"\bact now\b", re.IGNORECASE),
        re.compile(r"Limited Offer"),
        re.compile(r"(\w+) \1"),  # back-reference: always runs in Python
    ]
    regex_set = RegexSet(compiled)
    text = "Act Now While Stocks Last, guaranteed"
    assert regex_set.candidates(text) == [0, 1, 2, 4]
    assert pickle.loads(pickle.dumps(regex_set)).candidates(text) == [0, 1, 2, 4]
    assert regex_set.candidates("LIMITED OFFER") == [4]
    assert regex_set.candidates("a Limited Offer") == [3, 4]
    assert regex_set.candidates("a quiet line") == [4]
    for flags in (0, re.IGNORECASE):
        patterns = [re.compile(p, flags) for p in PATTERNS]
        regex_set = RegexSet(patterns)
        for text in [*TEXTS, *(t.upper() for t in TEXTS)]:
            exact = [
                i
                for i, regex in enumerate(patterns)
                if i in regex_set.always
                or re2.compile(to_re2(regex.pattern, regex.flags)).search(text)
            ]
            assert regex_set.candidates(text) == exact, text


def test_a_policy_with_thousands_of_regexes_finds_each_one() -> None:
    """One filter holds every pattern of a large policy: each still found, and only it."""
    words = [f"brand{n:04d}x" for n in range(3000)]
    regex_set = RegexSet([re.compile(rf"\b{w}\s+(?:now|today)\b", re.IGNORECASE) for w in words])
    texts = [f"some {words[n].upper()}  today, {words[n - 1]} later".encode() for n in (0, 1499)]
    assert regex_set.candidates_many([*texts, b"brand0001x"]) == [[0], [1499], []]


ANCHORED = [
    *PATTERNS,
    r"(?:^|[.!?] +|\n)(buy|order)\b",  # an opener: no literal prefix for re to skip to
    r"(?<!\bour )\bshop\s+now\b",  # look-behinds that refuse most of the superset's starts
    r"\b\w*",  # empty matches: finditer decides where the next one starts
    r"x*$",
    r"(?<=é)s\w+",
    r"\b(?=(?:[A-Z][a-z]+ ){0,3}(?:Best|Cheap)\b)(?:[A-Z][a-z]+ ?)+",  # the condition first
    r"^(?=.*\bdeal)\w+",
    r"\A(?=[\s\S]*?\s{3})\w+",  # RE2 cannot take the look-ahead: the rest is read
]
ANCHORED_TEXTS = [
    *TEXTS,
    "Buy it. order now! Or buy later.\nbuy",
    "our shop now, the shop now; shop now. " * 3 + "shop now",
    "café sans sucre, éstable, é s",
    "ab xx\nxx",
    "our shop now " * 40,  # more refusals than Finder.TRIES
    "Visit The Best Cheap Shop Today. Cheap Seats, Best Of All, Other Shop Now",
    "a deal\nword deal\nno ideal",
    "x   y",
]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.MULTILINE])
def test_anchored_scan_finds_what_finditer_finds(flags: int) -> None:
    """Finder.finditer gives finditer's matches, spans and groups, on ASCII and other text."""
    compiled = [re.compile(p, flags) for p in ANCHORED]
    regex_set = RegexSet(compiled)
    anchored = 0
    for index, regex in enumerate(compiled):
        finder = regex_set.finder(index)
        if finder is None:
            continue
        anchored += 1
        for text in ANCHORED_TEXTS:
            expected = [(m.span(), m.groups()) for m in regex.finditer(text)]
            found = [(m.span(), m.groups()) for m in finder.finditer(regex, text, text.encode())]
            assert found == expected, (ANCHORED[index], text)
    assert anchored >= len(ANCHORED) - 1  # only the back-reference has no RE2 superset


def test_prepass_picks_every_regex_that_matches_anchored_or_not() -> None:
    """What ``test_prepass_is_a_superset_of_python_matches`` asks, over the look-ahead
    openers, empty matches and look-behinds too."""
    for flags in (0, re.IGNORECASE, re.MULTILINE):
        _assert_prepass_picks_every_match(ANCHORED, ANCHORED_TEXTS, flags)


def test_anchored_scan_survives_pickling() -> None:
    regex_set = pickle.loads(pickle.dumps(RegexSet([re.compile(r"\bbuy\s+now\b")])))
    finder = regex_set.finder(0)
    assert finder is not None
    regex, text = re.compile(r"\bbuy\s+now\b"), "Don't buy now. Buy now!"
    assert [m.span() for m in finder.finditer(regex, text, text.encode())] == [(6, 13)]


def test_a_batch_shares_one_budget_and_hands_results_on_without_it(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check_posts installs the regexes' SIGALRM handler once per batch, re-arms the timer for
    each regex of each post (a late regex in one post leaves the others checked) and puts the
    caller's handler back before it hands a result on."""
    import signal

    from brandguard.api import check_texts
    from brandguard.engine import budget

    from .conftest import policy_from

    monkeypatch.setattr(budget, "REGEX_SECONDS", 0.2)
    policy = policy_from(
        "policy: t\nlanguage: en\nbanned:\n  - regex: '(a+)+(?=c)'\n  - phrase: synergy\n",
        tmp_path,
    )
    texts = ["synergy first\n", "a" * 29 + "b\n", "synergy again\n", "a" * 29 + "b synergy\n"]
    mine = signal.getsignal(signal.SIGALRM)
    seen = []
    for result in check_texts(texts, policy):
        assert signal.getsignal(signal.SIGALRM) is mine
        seen.append(sorted({f.rule_id for f in result.findings}))
    assert seen == [["BAN002"], ["BG005"], ["BAN002"], ["BAN002", "BG005"]]
