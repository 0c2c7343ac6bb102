"""Context in the engine: quotations, code, acronyms, proper names, abbreviations, one finding per
problem. Every text here is written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.engine.dedupe import Rank, collapse
from brandguard.model import Finding
from brandguard.policy.loader import load_policy
from brandguard.text.caps import shouted
from brandguard.text.context import name_spans, prose_quotes, quoted_spans
from brandguard.text.formats import parse_markdown
from brandguard.text.html_text import parse_html
from brandguard.text.sentences import sentence_spans


def rules(text: str, fmt: str = "text", policy: object = None) -> list[tuple[str, str]]:
    result = check_text(text, policy, format=fmt)  # type: ignore[arg-type]
    return [(f.rule_id, f.match) for f in result.findings]


def ids(text: str, fmt: str = "text", policy: object = None) -> set[str]:
    return {rule for rule, _ in rules(text, fmt, policy)}


def quoted_texts(text: str) -> list[str]:
    return [text[s:e] for s, e in prose_quotes(text)]


# Quotations -------------------------------------------------------------------------------------


def test_prose_quotes_pair_marks_and_leave_apostrophes_alone() -> None:
    text = "Our chef said “cook slowly” and «sale quanto basta», but don't say 'whatever works'."
    assert quoted_texts(text) == ["“cook slowly”", "«sale quanto basta»", "'whatever works'"]
    assert quoted_texts("It's the '90s kids' favourite, isn't it? Un po' di pane.") == []
    assert quoted_texts('The 5" screen and the 7" one.') == []
    assert quoted_texts('She wrote "ship it today" on the board.') == ['"ship it today"']


def test_a_quotation_never_crosses_a_paragraph() -> None:
    assert quoted_texts("He said “yes\n\nand then no”.") == []


def test_findings_inside_a_quotation_are_dropped_but_the_words_still_count() -> None:
    plain = "Our launch is a game-changer for bakers."
    quoted = 'A baker told us: "your launch is a game-changer for bakers." We agree.'
    assert "BLD001" in ids(plain)
    assert "BLD001" not in ids(quoted)
    result = check_text(quoted)
    assert result.score.words == 13  # quoted words are still words


def test_a_style_guide_quoting_what_not_to_write_is_not_pushy() -> None:
    text = "Link text should name the page. Don't write “Click here!” or “Act now!”: say where it goes."
    assert not [r for r in rules(text) if r[0].startswith(("PSH", "SEO"))]


def test_markdown_blockquote_is_quoted_and_its_exclamations_do_not_count() -> None:
    text = (
        "What customers say:\n\n"
        "> This innovative app is AMAZING! Best buy ever! Wow! Love it!\n"
        "> Truly a game-changer.\n\n"
        "The app books a table in two taps."
    )
    post = parse_markdown(text, "t")
    assert len(post.quoted) == 1
    assert ids(text, "markdown") == set()


def test_html_blockquote_and_q_are_quoted() -> None:
    html = (
        "<p>The mayor said <q>this innovative plan is a game-changer</q>.</p>"
        "<blockquote><p>Act now, last chance!</p></blockquote><p>We open on Monday.</p>"
    )
    post = parse_html(html, "t")
    assert len(post.quoted) == 2
    assert ids(html, "html") == set()


def test_a_rule_can_opt_in_to_quotations(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: STY001\n    name: no-whatever\n    kind: phrase\n    category: style\n"
        "    message: m\n    phrases: [whatever]\n    quotes: true\n"
        "    examples: {fail: ['He said \"whatever\".'], pass: [ok]}\n"
        "  - id: STY002\n    name: no-anyway\n    kind: phrase\n    category: style\n"
        "    message: m\n    phrases: [anyway]\n"
        "    examples: {fail: [anyway], pass: ['He said \"anyway\".']}\n",
        encoding="utf-8",
    )
    policy = load_policy(text=f"policy: t\nlanguage: en\npacks: [{pack}]\n")
    found = ids('He said "whatever, anyway" and left.', policy=policy)
    assert found == {"STY001"}
    assert ids("Whatever, anyway.", policy=policy) == {"STY001", "STY002"}


def test_a_banned_phrase_can_opt_in_to_quotations() -> None:
    text = 'A rival wrote "Zapcorp is the cheapest", and we disagree.'
    skip = load_policy(text="policy: t\nlanguage: en\nbanned:\n  - phrase: zapcorp\n")
    check = load_policy(
        text="policy: t\nlanguage: en\nbanned:\n  - phrase: zapcorp\n    quotes: true\n"
    )
    assert "BAN001" not in ids(text, policy=skip)
    assert "BAN001" in ids(text, policy=check)


def test_quoted_spans_merge_block_and_prose_quotes() -> None:
    spans = quoted_spans('a "b c" d', [(0, 1)])
    assert spans.covers(2, 7) and spans.covers(0, 1) and not spans.covers(0, 3)


# Code -------------------------------------------------------------------------------------------


def test_code_never_counts_in_markdown() -> None:
    text = (
        "Call `panic!` or `todo!` when a branch is unreachable, or <code>unreachable!</code>.\n\n"
        '```rust\nfn main() { println!("SALE! BUY NOW!"); }\n```\n\n'
        "An indented block:\n\n"
        "    assert!(FREE_OFFER == ACT_NOW!);\n    done!();\n\n"
        "That is all."
    )
    post = parse_markdown(text, "t")
    assert "!" not in post.text
    assert "FREE" not in post.text
    assert not [r for r in ids(text, "markdown") if r.startswith("PSH")]


def test_backtick_code_in_plain_text_never_counts() -> None:
    text = "Call `panic!` or `todo!` or `unreachable!` or `assert!` when it must stop."
    assert "PSH020" not in ids(text)
    assert "PSH020" in ids(text.replace("`", ""))


def test_indented_list_continuation_is_not_code() -> None:
    text = "- first step\n\n    still the first step, act now\n\nAfter."
    post = parse_markdown(text, "t")
    assert "act now" in post.text


def test_html_code_and_pre_are_not_checked() -> None:
    post = parse_html("<p>Use <code>deploy!</code> daily.</p><pre>BUY NOW!!!</pre>", "t")
    assert "!" not in post.text and "Use" in post.text


# Acronyms and shouting --------------------------------------------------------------------------


def shouts(text: str, language: str = "en") -> list[str]:
    return [text[s:e] for s, e in shouted(text, language)]


def test_acronyms_names_and_keywords_are_not_shouting() -> None:
    assert shouts("Solve the CAPTCHA and send the form to USCIS.") == []
    assert shouts("Find the forms on GOV.UK and the B2B portal.") == []
    assert shouts("Clients MUST NOT retry; servers SHOULD log and MAY drop it.") == []
    assert shouts("The Secure Ledger Archive (SLAR) keeps files. SLAR copies are hashed.") == []
    assert shouts("La Direttiva QUADRIGA e i dati", "it") == []
    assert shouts("Gli enti DEVONO pubblicare; NON DEVONO cederlo.", "it") == []
    text = " ".join(["The RPXQ team checks RPXQ logs, and RPXQ signs them."] * 2)
    assert shouts(text) == []


def test_a_long_word_defined_after_it_is_not_shouting() -> None:
    assert shouts("We store data in VAULTSTORE (a shared archive).") == []


def test_ordinary_words_in_capitals_are_shouting() -> None:
    assert shouts("BUY NOW AND SAVE BIG") == ["BUY", "NOW", "AND", "SAVE", "BIG"]
    assert shouts("Huge SAVINGS this weekend") == ["SAVINGS"]
    assert shouts("Call NOW") == ["NOW"]
    assert shouts("Prenota ORA il tuo posto", "it") == ["ORA"]


def test_shouting_rules_keep_recall_and_spare_acronyms() -> None:
    assert "PSH017" in ids("Big SAVINGS on every sofa this weekend")
    # the hyped deal (PSH025) and its word in capitals are one problem, reported once
    assert [r for r, _ in rules("Huge SAVINGS on every sofa this weekend")] == ["PSH025"]
    assert "PSH018" in ids("LAST CHANCE TO GRAB THESE AMAZING DEALS BEFORE MIDNIGHT")
    guide = "The CGN field is required. " * 8 + "Each CGN maps to one CGN record."
    assert not {"PSH017", "PSH018"} & ids(guide)


# Proper names -----------------------------------------------------------------------------------


def names(text: str, language: str = "en") -> list[str]:
    spans = name_spans(text, language)
    return [text[s:e] for s, e in zip(spans._starts, spans._ends, strict=True)]


def test_proper_noun_spans() -> None:
    assert names("We met the Office of Innovative Technologies today.") == [
        "Office of Innovative Technologies"
    ]
    assert names("Innovative ideas come first.") == []  # a capital opening a sentence is no name
    assert names(
        "Abbiamo scritto al Piano nazionale di ripresa e resilienza, che ha risposto.", "it"
    ) == ["Piano nazionale di ripresa e resilienza"]


def test_title_case_heading_is_not_a_name() -> None:
    assert names("Innovative Solutions For Every Team") == []


def test_bland_findings_inside_a_name_are_dropped() -> None:
    # BLD010 flags a hype adjective before a vague noun; inside an office's name it is no claim.
    assert "BLD010" in ids("Our innovative technologies save time.")
    assert "BLD010" not in ids("She now leads the Office of Innovative Technologies in Leeds.")


# Sentences --------------------------------------------------------------------------------------


def sentences(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, language)]


def test_italian_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Secondo l'art. 5, co. 2, lett. c) del decreto n. 12, la Rossi S.p.A. ha firmato. "
        "Il dott. Bianchi, il sig. Verdi ecc. erano presenti. Fine."
    )
    assert sentences(text, "it") == [
        "Secondo l'art. 5, co. 2, lett. c) del decreto n. 12, la Rossi S.p.A. ha firmato.",
        "Il dott. Bianchi, il sig. Verdi ecc. erano presenti.",
        "Fine.",
    ]


def test_english_abbreviations_do_not_end_sentences() -> None:
    text = "Use e.g. a U.S. form, see Fig. 2. Dr. Lee signs it. I said no. Then we left."
    assert sentences(text, "en") == [
        "Use e.g. a U.S. form, see Fig. 2.",
        "Dr. Lee signs it.",
        "I said no.",
        "Then we left.",
    ]


# One problem, one finding -----------------------------------------------------------------------


def finding(
    rule: str,
    start: int,
    end: int,
    severity: str = "info",
    category: str = "bland",
    match: str = "x",
) -> Finding:
    return Finding(
        rule, rule.lower(), category, severity, 1, start + 1, 1, end + 1, start, end, match, "m"
    )


def test_collapse_same_span_keeps_the_policys_own_rule() -> None:
    ranks = {"BAN001": Rank(own=True, local=True), "BLD001": Rank(own=False, local=True)}
    kept = collapse(
        [finding("BLD001", 4, 16, "warning"), finding("BAN001", 4, 16, "error", "style")], ranks
    )
    assert [f.rule_id for f in kept] == ["BAN001"]


def test_collapse_prefers_severity_then_length() -> None:
    ranks = {k: Rank(own=False, local=True) for k in ("A", "B", "C")}
    kept = collapse([finding("A", 0, 9, "info"), finding("B", 0, 9, "warning")], ranks)
    assert [f.rule_id for f in kept] == ["B"]
    kept = collapse([finding("A", 0, 10), finding("C", 0, 9)], ranks)
    assert [f.rule_id for f in kept] == ["A"]  # nested, same category, most of the outer


def test_collapse_keeps_different_problems() -> None:
    ranks = {
        "A": Rank(own=False, local=True),
        "B": Rank(own=False, local=True),
        "L": Rank(own=False, local=True, metric="sentence_words"),
    }
    long = "FREE membership: call 0906 now for the prize"
    short_inside_long = [finding("A", 0, 40, match=long), finding("B", 10, 14)]
    assert len(collapse(short_inside_long, ranks)) == 2
    partial = [finding("A", 0, 10), finding("B", 5, 15)]
    assert len(collapse(partial, ranks)) == 2
    sentence_and_phrase = [finding("L", 0, 40, category="readability"), finding("A", 0, 40)]
    assert len(collapse(sentence_and_phrase, ranks)) == 2


def test_collapse_one_finding_per_measure() -> None:
    ranks = {
        "TON005": Rank(own=True, local=False, metric="exclamations"),
        "PSH020": Rank(own=False, local=False, metric="exclamations"),
    }
    kept = collapse([finding("PSH020", 30, 31), finding("TON005", 10, 11, "warning")], ranks)
    assert [f.rule_id for f in kept] == ["TON005"]


def test_engine_reports_one_finding_for_one_problem() -> None:
    assert rules("At the end of the day, we deliver.") == [("BLD004", "At the end of the day")]
    assert [r for r, _ in rules("Prices rose at the end of the day.")] == ["BLD006"]
    click = rules("To see the menu, click here.")
    assert len([r for r in click if r[1].lower() == "click here"]) == 1


def test_a_policy_ban_beats_the_pack_on_the_same_words() -> None:
    policy = load_policy(
        text="policy: t\nlanguage: en\npacks: [en/bland]\nbanned:\n  - phrase: game-changer\n"
    )
    found = rules("The new oven is a game-changer.", policy=policy)
    assert [r for r, _ in found] == ["BAN001"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Follow us on Mastodon to hear when new roles open.", "PSH015"),
        ("Follow us on Mastodon to hear when new roles open.", "PSH014"),
        ("Staff receive a $150/month allowance for travel.", "PSH023"),
    ],
)
def test_ordinary_calls_to_action_and_prices_are_not_pressure(text: str, rule: str) -> None:
    assert rule not in ids(text)


def test_a_tone_knob_and_a_pack_rule_on_the_same_measure_give_one_finding() -> None:
    policy = load_policy(
        text="policy: t\nlanguage: en\npacks: [en/pushy]\ntone: {exclamations: 1}\n"
    )
    found = [
        r for r, _ in rules("New menu! New chef! New prices! Come by! Book a table!", policy=policy)
    ]
    assert "TON005" in found and "PSH020" not in found


def test_names_and_jargon_in_the_dictionary_are_not_shouting() -> None:
    """CMU lists names and jargon too; a short token shouts only when it is a familiar word."""
    assert shouted("Modules await NIST review on ARMv7 and MIPS.", "en") == []
    text = "Huge SAVINGS today, and the REST is free."
    assert [text[s:e] for s, e in shouted(text, "en")] == ["SAVINGS", "REST"]


def test_max_words_keeps_a_count_limit_to_posts(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: t\nlanguage: en\nrules:\n  - id: TST001\n    name: bangs\n    kind: metric\n"
        "    category: pushy\n    metric: exclamations\n    max: 1\n    when: {max_words: 20}\n"
        "    message: too many\n",
        encoding="utf-8",
    )
    (tmp_path / "p.yaml").write_text("language: en\npacks: [./pack.yaml]\n", encoding="utf-8")
    policy = load_policy(str(tmp_path / "p.yaml"))
    short = "Great news! Come by! See you soon!"
    long = short + " " + "We bake bread every morning in the old oven by the river." * 3
    assert [f.rule_id for f in check_text(short, policy).findings] == ["TST001"]
    assert check_text(long, policy).findings == ()


def test_a_quotation_may_mix_marks_and_end_in_emphasis() -> None:
    """Pasted press copy opens with “ and closes with a straight "; a quote may end in *emphasis*."""
    mixed = '“Un processo di digitalizzazione a 360°", ha detto la direttrice.'
    assert "BLD102" not in ids(mixed, policy="default-it")
    assert "BLD102" in ids("Un processo di digitalizzazione a 360°.", policy="default-it")
    emphasis = 'Il sindaco ha detto: "un sistema *innovativo e sostenibile*". Poi è partito.'
    post = parse_markdown(emphasis, "x")
    start = emphasis.index("innovativo")
    quoted = quoted_spans(post.text, post.quoted, post.source)
    assert quoted.covers(start, start + len("innovativo"))


def test_collapse_joins_a_word_in_capitals_with_the_phrase_around_it() -> None:
    ranks = {
        "FREE_CAPS": Rank(own=False, local=True),
        "FREE_BAIT": Rank(own=False, local=True),
        "SHOUT": Rank(own=False, local=True, metric="caps_emphasis"),
        "LONG": Rank(own=False, local=True, metric="sentence_words"),
    }
    found = [
        finding("FREE_BAIT", 0, 15, "warning", "pushy", "Completely FREE"),
        finding("FREE_CAPS", 11, 15, "warning", "pushy", "FREE"),
        finding("SHOUT", 11, 15, "info", "pushy", "FREE"),
        finding("LONG", 0, 60, "info", "readability", "Completely FREE " * 4),
    ]
    found[1] = replace(found[1], weight=2.0)
    kept = collapse(found, ranks)
    assert [f.rule_id for f in kept] == ["FREE_BAIT", "LONG"]
    assert kept[0].weight == 2.0  # counted once, at the heaviest reading of the problem


def test_engine_reports_shouted_free_once() -> None:
    found = rules("Tracks every habit, completely FREE with no hidden costs.")
    assert [r for r, m in found if "FREE" in m] == ["PSH008"]


def test_protocol_verbs_technical_names_and_button_labels_are_not_shouting() -> None:
    assert shouted("The handler checks that the method was GET before it reads the body.") == []
    assert shouted("A rule for GET also covers HEAD, as the standard says.") == []
    assert shouted("Each REST API call is logged; the POWER architecture runs it.") == []
    assert shouted("Scrivi il messaggio e premi INVIA per spedirlo.", "it") == []
    assert shouted("Fill in the form, then click SUBMIT at the bottom.") == []
    assert shouted("Tested on ARMv7, RISC-V, Linux, and POWER, in all 23 systems.") == []
    assert [m for m in ("text TONE or FLAG",) if shouted(m)] == ["text TONE or FLAG"]
    # outside the web, or in an ordinary sentence, the same words still shout
    text = "GET your tickets and the REST is free, CALL today"
    assert [text[s:e] for s, e in shouted(text)] == ["GET", "REST", "CALL"]


def test_a_heading_next_to_a_mixed_case_name_is_not_emphasis() -> None:
    assert "PSH017" not in ids("NEW macOS FEATURES\n\nThe widgets are back.")
    assert "PSH017" in ids("The widgets are back and BETTER than before.")


def test_capitals_in_link_text_are_the_name_of_the_page() -> None:
    text = "Offers are listed in the [Catalogue of SERVICES](https://example.org/c) of the agency."
    assert "PSH017" not in ids(text, "markdown")


def test_a_testimonial_with_an_unclosed_quote_and_a_source_is_quoted() -> None:
    text = "Our app.\n\n“The best notebook app on any phone - Daily Gadget, 3 May 2019\n\nTry it."
    assert quoted_texts(text) == ["“The best notebook app on any phone"]
    text = "Our app.\n\n“Simply the best planner I have used\n— Maria, Turin\n\nTry it."
    assert quoted_texts(text) == ["“Simply the best planner I have used"]
    assert quoted_texts("He said “no way and left - Then we went home.") == []
    listing = "Notebook\n\n“The best notebook app on any phone - Daily Gadget, 2019\n\nIt syncs."
    assert "BLD003" not in ids(listing)


def test_a_word_with_an_inner_capital_is_a_name_word() -> None:
    """A brand written with an inner capital ("pagoPA", "iOS") is a name wherever it stands, so
    the capitalised word before it is part of a name, not the writer's own jargon."""
    text = "Il pagamento da Touchpoint pagoPA cambia."
    start = text.index("Touchpoint")
    assert name_spans(text, "it").covers(start, text.index(" cambia"))
    assert not name_spans("Il tuo touchpoint cambia.", "it")
    # A heading in capitals that ends with such a brand is still a heading, not a name.
    heading = "Intro al tema.\nFUNZIONALITÀ RIVOLUZIONARIE iOS\nTesto."
    assert not name_spans(heading, "it")


def test_a_contrast_in_the_sentence_marks_stress_not_shouting() -> None:
    from brandguard.text.contrast import contrasted

    text = "Calls go through YOUR server instead of ours. Buy YOUR ticket today."
    first = text.index("YOUR")
    second = text.index("YOUR", first + 1)
    assert contrasted(text, first, first + 4)
    assert not contrasted(text, second, second + 4)
    assert contrasted("Usa il TUO server anziché il nostro.", 8, 11)


def test_code_placeholders_literals_and_disclaimers_are_not_shouting() -> None:
    """Technical writing names things in capitals and licences disclaim in capitals by law."""
    assert shouts("Unset $EDITOR and set PREFIX=/opt before the build.") == []
    assert shouts("The call returns TRUE when the queue is empty.") == []
    assert shouts("  -o, --output=TARGET   writes the report to TARGET") == []
    help_text = "Usage: tool -u OWNER\nLists the jobs that OWNER started."
    assert shouts(help_text) == []
    assert shouts("QUEUE_MAX_SIZE sets the WRITER buffer.") == []
    assert shouts("QUEUE_MAX_SIZE NEW limit for the writer.") == []
    assert shouts("Stores settings in <CONFIGDIR> on first run.") == []
    assert shouts("NOTE: the archive is rebuilt nightly.") == []
    assert shouts("DEPRECATA: usare la nuova chiave.", "it") == []
    licence = "It is shared WITHOUT ANY WARRANTY; without even the implied warranty of FITNESS."
    assert shouts(licence) == []
    assert shouts("Il software è fornito SENZA ALCUNA GARANZIA di alcun tipo.", "it") == []
    # Configuration names run words together without selling anything.
    assert shouts("Both GROUPHOMES and LETTERHOMES are read at start-up.") == []


def test_selling_next_to_code_or_a_disclaimer_still_shouts() -> None:
    assert shouts("Sold with no warranty, so BUY NOW") == ["BUY", "NOW"]
    assert shouts("Get FREEPHONE access this week") == ["FREEPHONE"]
    assert shouts("Use SUMMER_DEAL at checkout for FREE delivery") == ["FREE"]
    assert shouts("URGENT: reply today") == ["URGENT"]


def test_technical_writing_names_things_in_capitals() -> None:
    """Release notes and API docs (identifiers, options, versions) name keys, records and
    variables in capitals; an advert does not read like that, and sales words still shout."""
    notes = (
        "Version 2.4.1 fixes the pager. The ENTER key now works when --raw is set, "
        "and read_config() honours the EDITOR variable. Upgrade for FREE."
    )
    assert shouts(notes) == ["FREE"]
    assert shouts("Meet the EDITOR behind our spring issue") == ["EDITOR"]
