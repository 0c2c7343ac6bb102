"""Each check kind on small, self-made policies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.checks.repetition import code_names, layout_slots
from brandguard.text.inflection import variants

from .conftest import policy_from, rule_ids

PACK = """
pack: test
language: en
rules:
  - id: TST001
    name: buzz
    kind: phrase
    category: bland
    phrases: [leverage, synergy, best-in-class]
    message: "'{match}' is a buzzword"
  - id: TST002
    name: tokpat
    kind: pattern
    category: pushy
    patterns: [[{LOWER: act}, {LOWER: {IN: [now, fast]}}]]
    message: "pressure: {match}"
  - id: TST003
    name: rx
    kind: regex
    category: pushy
    regex: '\\bonly\\s+\\d+\\s+left\\b'
    message: "scarcity: {match}"
  - id: TST004
    name: swap
    kind: substitution
    category: bland
    swap: {utilize: use, "in order to": to}
    message: "write '{suggestion}' instead of '{match}'"
  - id: TST005
    name: many-excl
    kind: metric
    category: pushy
    metric: exclamations
    max: 1
    message: "{value} exclamation marks (max {limit})"
  - id: TST006
    name: amazing-density
    kind: occurrence
    category: bland
    phrases: [amazing]
    max: 1
    per_words: 50
    message: "'{match}' used {count} times"
  - id: TST007
    name: need-ad
    kind: require
    category: disclosure
    severity: error
    any: ["#ad", "#sponsored"]
    within_first_chars: 40
    when: {meta: {sponsored: true}}
    message: "sponsored post needs #ad near the top"
  - id: TST008
    name: stuffing
    kind: repetition
    category: seo
    min_count: 3
    max_density: 5
    message: "'{match}' repeated {count} times ({value} per 100 words)"
"""


@pytest.fixture(scope="module")
def policy(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("pol")
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    return policy_from("policy: t\nlanguage: en\npacks: [./pack.yaml]\n", folder)


def test_phrase_is_case_insensitive_and_inflection_aware(policy) -> None:
    result = check_text("We LEVERAGED synergies and best-in-class tools.", policy)
    assert [(f.rule_id, f.match) for f in result.findings if f.rule_id == "TST001"] == [
        ("TST001", "LEVERAGED"),
        ("TST001", "synergies"),
        ("TST001", "best-in-class"),
    ]
    assert "TST001" not in rule_ids("Leverets are young hares.", policy)


def test_english_and_italian_inflections() -> None:
    assert {"synergies", "leveraging", "leveraged", "leverages"} <= (
        variants("synergy", "en") | variants("leverage", "en")
    )
    assert {"soluzione innovativa", "soluzioni innovative"} <= variants(
        "soluzioni innovative", "it"
    )


def test_token_pattern(policy) -> None:
    assert "TST002" in rule_ids("You should act fast.", policy)
    assert "TST002" not in rule_ids("The act was passed.", policy)


def test_regex_reports_exact_span(policy) -> None:
    [finding] = [
        f for f in check_text("Hurry, only 3 left!", policy).findings if f.rule_id == "TST003"
    ]
    assert (finding.line, finding.column, finding.end_column, finding.match) == (
        1,
        8,
        19,
        "only 3 left",
    )


def test_substitution_carries_a_fix_and_keeps_case(policy) -> None:
    fixes = {
        f.match: f.fix.replacement
        for f in check_text("Utilize it in order to win.", policy).findings
        if f.fix
    }
    assert fixes == {"Utilize": "Use", "in order to": "to"}


def test_metric_points_at_first_item_over_the_limit(policy) -> None:
    [finding] = [
        f for f in check_text("Wow! Great! Yes!", policy).findings if f.rule_id == "TST005"
    ]
    assert finding.column == 11 and finding.message == "3 exclamation marks (max 1)"


def test_occurrence_scales_with_length(policy) -> None:
    short = "Amazing food and amazing people."
    assert "TST006" in rule_ids(short, policy)
    long = short + " " + " ".join(["plain words here"] * 40)
    assert "TST006" not in rule_ids(long, policy)


def test_require_with_meta_condition_and_placement(policy) -> None:
    assert "TST007" not in rule_ids("A plain post with no ad at all.", policy)
    sponsored = {"sponsored": True}
    assert "TST007" in rule_ids("Love this new mug from Acme.", policy, meta=sponsored)
    assert "TST007" not in rule_ids("#ad Love this new mug from Acme.", policy, meta=sponsored)
    late = "Love this new mug from Acme, it keeps coffee hot for hours. #ad"
    [finding] = [
        f for f in check_text(late, policy, meta=sponsored).findings if f.rule_id == "TST007"
    ]
    assert finding.match == "#ad"


def test_repetition_flags_keyword_stuffing(policy) -> None:
    stuffed = "Cheap shoes. Buy cheap shoes online, cheap shoes for all, the best cheap shoes."
    found = [f for f in check_text(stuffed, policy).findings if f.rule_id == "TST008"]
    assert {f.match for f in found} >= {"cheap", "shoes"}
    assert "TST008" not in rule_ids("Our shoes are made in Portugal from leather.", policy)


def test_repetition_counts_words_in_use_not_mentions_or_identifiers(policy) -> None:
    # a reference names its subject in quotation marks: mentions, not uses
    quoted = 'The "wait" call blocks. A "wait" without a timeout and a "wait" in a loop both hang.'
    assert "TST008" not in rule_ids(quoted, policy)
    # the same word, in use, is counted
    used = "Wait here. Wait there. Wait now, wait later, wait for it."
    assert "wait" in {f.match for f in check_text(used, policy).findings if f.rule_id == "TST008"}
    # words joined into identifiers are code: pkg_open, pkg.close, pkg_read_all
    code = "Added pkg_open and pkg.close; renamed pkg_read to pkg_read_all for the new API."
    assert "TST008" not in rule_ids(code, policy)
    # a help text's placeholders in angle brackets name an argument
    usage = "copy <file> <dest>: copies <file> to <dest>; move <file> <dest> moves <file>."
    assert "file" not in {
        f.match for f in check_text(usage, policy).findings if f.rule_id == "TST008"
    }


def test_repetition_leaves_the_layout_and_counts_running_text(policy) -> None:
    def hits(text: str) -> set[str]:
        return {f.match for f in check_text(text, policy).findings if f.rule_id == "TST008"}

    # a changelog labels each item with its area and signs it with its author
    news = (
        "2.1\n - widgets: fix tab order (Ann Lee)\n - widgets: new slider (Bo Chen)\n"
        " - widgets: drop old theme (Ann Lee)\n - docs: typo (Ann Lee)\n"
    )
    assert not hits(news) & {"widgets", "lee"}
    # a table's column repeats its values row by row
    table = "| board | system | compiler |\n| a1 | Linux | gcc |\n| b2 | Linux | clang |\n| c3 | Linux | tcc |"
    assert "linux" not in hits(table)
    # the same word repeated inside the lines' sentences is still counted
    prose = (
        "Our widgets are the best widgets.\nBuy widgets today, cheap widgets for all.\n"
        "More widgets here."
    )
    assert "widgets" in hits(prose)
    # an acronym with its number names a standard (ISO 639-1, ISO 639-2 ...); a word in lower
    # case before a number is still a keyword
    assert "iso" not in hits("Codes: ISO 639-1 and ISO 639-2 and ISO 639-3 are all here.")
    assert "iso" in hits("Get iso 9 files: iso 9 disks and iso 9 tools, iso 9 now.")
    # a brand shouted before a model number once, and a word elsewhere, is still counted
    assert "acme" in hits("ACME 5 boots: acme boots, acme socks, acme hats, acme sale, acme.")


def test_a_heading_that_opens_the_text_names_its_topic(policy) -> None:
    body = "A gauge shows a value. Each gauge has a range; a gauge turns red past it, and gauge labels wrap."
    topic = check_text(f"## The gauge\n\n{body}", policy, format="markdown").findings
    assert "gauge" not in {f.match for f in topic if f.rule_id == "TST008"}
    # a heading further down is a section, not the text's topic
    later = check_text(f"Intro.\n\n## The gauge\n\n{body}", policy, format="markdown").findings
    assert "gauge" in {f.match for f in later if f.rule_id == "TST008"}


def test_code_names_are_the_words_of_identifiers() -> None:
    names = code_names("Use PurePath or tkinter.font; shared_memory; see shop.example.com #fooBar")
    assert {"path", "pure path", "font", "shared memory", "memory"} <= names
    # a web address without its scheme, a hashtag: not code
    assert not names & {"shop", "example", "foo", "bar"}


def test_repetition_leaves_the_name_of_documented_code(policy) -> None:
    def hits(text: str) -> set[str]:
        return {f.match for f in check_text(text, policy).findings if f.rule_id == "TST008"}

    doc = "A queue holds items. Each queue has a size; a queue blocks when full, and queue order is kept."
    assert "queue" in hits(doc)
    # the same page documenting queue.Queue and put_queue names its code
    assert "queue" not in hits(doc + " See queue.Queue and put_queue().")


def test_layout_slots_need_the_same_place_twice() -> None:
    text = "Fix one thing\nthen we fix a second\nFix three"
    spans = [(m.start(), m.end()) for m in re.finditer(r"(?i)fix", text)]
    # the first and the last open a line (twice: layout); the middle one is in a sentence
    assert layout_slots(text, spans) == [True, False, True]
    # paragraphs written on one long line each are running text, even when each opens with it
    para = "Fix " + "a" * 90 + "\n\nFix " + "b" * 90 + "\n\nFix " + "c" * 90
    assert (
        layout_slots(para, [(m.start(), m.end()) for m in re.finditer("Fix", para)]) == [False] * 3
    )
    # opening a line once is not a pattern
    assert layout_slots("Fix it\nand fix that", [(0, 3), (11, 14)]) == [False, False]
    # nor is a word of running text landing at line edges for a minority of its uses
    wrapped = "fix\na fix b fix c fix d\nfix"
    spans = [(m.start(), m.end()) for m in re.finditer("fix", wrapped)]
    assert layout_slots(wrapped, spans) == [False] * 5


def test_repeated_phrases_do_not_span_punctuation(tmp_path: Path) -> None:
    pack = PACK.replace("min_count: 3\n", "ngram: 2\n    min_count: 3\n")
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    bigrams = policy_from("policy: t\nlanguage: en\npacks: [./pack.yaml]\n", tmp_path)
    notes = "Fixed leak (build log), Fixed crash (build log), Fixed hang (build log), Fixed typo."
    found = {f.match for f in check_text(notes, bigrams).findings if f.rule_id == "TST008"}
    assert "build log" in found and "log fixed" not in found


def test_metric_sentence_words_points_at_each_long_sentence(tmp_path: Path) -> None:
    policy = policy_from("language: en\nguidelines:\n  sentence_words: {max: 5}\n", tmp_path)
    text = "Short one here.\n\nThis sentence is clearly far too long to pass the check."
    found = [f for f in check_text(text, policy).findings if f.rule_id == "GDL001"]
    assert [(f.line, f.column) for f in found] == [(3, 1)]


def test_rules_needing_a_trained_pipeline_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "rules:\n  - {id: POS001, name: pos-rule, kind: pattern, message: m,"
        " patterns: [[{POS: VERB}]]}\n",
        encoding="utf-8",
    )
    policy = policy_from("language: en\npacks: [./p.yaml]\n", tmp_path)
    result = check_text("We run fast.", policy)
    assert result.skipped_rules == ("POS001",)
    assert result.findings == ()


def test_regex_group_reports_only_that_group(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "rules:\n  - {id: GRP001, name: verb-first, kind: regex, message: 'x {match}', group: 1,"
        " regex: '(?:^|[.!] )(buy|order)\\b'}\n",
        encoding="utf-8",
    )
    policy = policy_from("language: en\npacks: [./p.yaml]\n", tmp_path)
    found = [(f.column, f.match) for f in check_text("Buy it. Order now. We buy.", policy).findings]
    assert found == [(1, "Buy"), (9, "Order")]


def test_regex_group_must_exist(tmp_path: Path) -> None:
    from brandguard.errors import ConfigError

    (tmp_path / "p.yaml").write_text(
        "rules:\n  - {id: GRP001, name: g, kind: regex, message: m, group: 2, regex: '(a)b'}\n",
        encoding="utf-8",
    )
    policy = policy_from("language: en\npacks: [./p.yaml]\n", tmp_path)
    with pytest.raises(ConfigError, match="has no group 2"):
        check_text("ab", policy)


def test_straight_and_typographic_apostrophes_match_each_other(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        """\
pack: apostrophes
language: en
rules:
  - {id: APO001, name: nudge, kind: phrase, category: pushy, message: "m {match}",
     phrases: ["don't miss out", "world’s best"]}
  - {id: APO002, name: expand, kind: substitution, category: bland, message: "m {match}",
     swap: {"can't": "cannot"}}
  - {id: APO003, name: marks, kind: trademark, category: terminology, message: "m {match}",
     marks: {"Acme's Kitchen": "®"}}
""",
        encoding="utf-8",
    )
    policy = policy_from("language: en\npacks: [./p.yaml]\n", tmp_path)
    text = (
        "Don’t miss out, don't miss out. The world's best, the world’s best. "
        "We can’t and can't. Acme’s Kitchen."
    )
    found = [
        (f.rule_id, f.match, f.fix.replacement if f.fix else None)
        for f in check_text(text, policy).findings
    ]
    assert found == [
        ("APO001", "Don’t miss out", None),
        ("APO001", "don't miss out", None),
        ("APO001", "world's best", None),
        ("APO001", "world’s best", None),
        ("APO002", "can’t", "cannot"),
        ("APO002", "can't", "cannot"),
        ("APO003", "Acme’s Kitchen", "Acme’s Kitchen®"),
    ]


def test_render_fills_placeholders_and_keeps_plain_messages() -> None:
    """A message without braces comes back as written; one with braces is formatted
    (escaped braces collapse, unknown placeholders stay)."""
    from brandguard.checks.base import render

    plain = "Cut the hype: say what it does."
    assert render(plain, {"match": "x"}) is plain
    assert render("'{match}' {count}x {{literal}} {unknown}", {"match": "wow", "count": 3}) == (
        "'wow' 3x {literal} {unknown}"
    )
    assert render("a lone } brace", {}) == "a lone } brace"
