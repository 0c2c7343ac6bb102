"""Headlines: what readers see first is found with exact spans, and rules can be scoped to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.errors import ConfigError
from brandguard.text.formats import parse
from brandguard.text.headlines import in_scope, single_line

from .conftest import policy_from


def heads(source: str, fmt: str) -> list[tuple[str, str]]:
    """(kind, source text) of each headline; the checked text must say the same there."""
    post = parse(source, fmt, "x")
    assert len(post.text) == len(source)
    out = []
    for h in post.headlines:
        assert (
            post.text[h.start : h.end].split() == source[h.start : h.end].split() or fmt == "html"
        )
        out.append((h.kind, source[h.start : h.end]))
    return out


def test_front_matter_title_and_description_are_unmasked_at_their_source_offsets() -> None:
    source = (
        "---\n"
        'title: "Ten ways to fold a sheet"\n'
        "author: Jo Bloggs\n"
        "description: 'How we fold sheets at the laundry'\n"
        "tags: [laundry]\n"
        "---\n"
        "Fold it in half twice.\n"
    )
    post = parse(source, "markdown", "x")
    assert heads(source, "markdown") == [
        ("title", "Ten ways to fold a sheet"),
        ("description", "How we fold sheets at the laundry"),
    ]
    title = post.headlines[0]
    assert source.index("Ten ways") == title.start
    # Everything else in the front matter stays masked: keys, quotes, other fields.
    assert "author" not in post.text and "Bloggs" not in post.text and "title:" not in post.text
    assert '"' not in post.text[: source.index("Fold")]


def test_fields_are_separate_sentences_for_phrases(tmp_path: Path) -> None:
    policy = policy_from("language: en\nbanned: [{phrase: sheet how}]\n", tmp_path)
    source = "---\ntitle: Fold a sheet\ndescription: how we fold\n---\nBody.\n"
    assert check_text(source, policy, format="markdown").findings == ()


def test_block_scalar_and_non_string_titles_stay_masked() -> None:
    source = "---\ntitle: >\n  folded text\ndescription: 42\n---\nBody text here.\n"
    post = parse(source, "markdown", "x")
    assert post.headlines == []
    assert "folded" not in post.text and "42" not in post.text


def test_html_title_and_meta_description_positions() -> None:
    source = (
        "<html><head><title>Ten ways to fold</title>\n"
        '<meta name="description" content="How we fold sheets">\n'
        '<meta property="og:title" content="Folding, explained"/>\n'
        '<meta name="keywords" content="sheet, fold">\n'
        "</head><body><h1>Folding</h1><p>Fold it twice.</p><h3>Corners</h3></body></html>"
    )
    assert heads(source, "html") == [
        ("title", "Ten ways to fold"),
        ("description", "How we fold sheets"),
        ("title", "Folding, explained"),
        ("title", "Folding"),
        ("heading", "Corners"),
    ]
    post = parse(source, "html", "x")
    assert "keywords" not in post.text and "sheet, fold" not in post.text
    assert "Fold it twice." in post.text


def test_markdown_headings_atx_and_setext() -> None:
    source = "# Top title\n\nText.\n\n## Second level ##\n\nSub\n---\n\nMore text.\n"
    assert heads(source, "markdown") == [
        ("title", "Top title"),
        ("heading", "Second level"),
        ("heading", "Sub"),
    ]
    assert "---" not in parse(source, "markdown", "x").text  # the underline is markup


def test_a_short_single_line_post_is_a_headline_and_a_long_post_is_not() -> None:
    assert heads("You won't believe this trick", "text") == [
        ("line", "You won't believe this trick")
    ]
    long_post = "A first line of a caption\nand a second line of it, with more words"
    assert heads(long_post, "text") == []
    assert parse("# Title\n\nA body paragraph", "markdown", "x").headlines[0].kind == "title"
    assert [h.kind for h in parse("# Title\n\nA body", "markdown", "x").headlines] == ["title"]


@pytest.mark.parametrize(
    "text",
    [
        "We met at noon. It went well. See you soon",  # three sentences
        "Wait?! We met at noon",  # a run of marks before a second sentence
        "See you at the station at six.",  # a final full stop
        "one",  # one word
        " ".join(["word"] * 21),  # over 20 words
        "see u at the station",  # text-speak
        "great game today :)",
    ],
)
def test_lines_that_read_as_prose_or_chat_are_not_headlines(text: str) -> None:
    assert single_line(text) is None


def test_headline_lines_keep_questions_and_abbreviations() -> None:
    assert single_line("Can you spot the fake painting?") is not None
    assert single_line("U.S. Senate passes the budget") is not None


def test_a_teaser_of_two_sentences_is_a_headline() -> None:
    """A news post on social media: a fact, then the kicker that withholds the rest."""
    text = "She quit her job to sail round the world. Here's what she learned"
    assert single_line(text) == (0, len(text))
    assert single_line("Which town has the best chips? The answer may surprise you") is not None


SCOPED = """
pack: t
language: en
rules:
  - id: TST101
    name: you-in-title
    kind: phrase
    category: pushy
    phrases: [you]
    scope: title
    message: "{match}"
  - id: TST102
    name: this-opener
    kind: pattern
    category: pushy
    patterns: [[{LOWER: this}, {IS_ALPHA: true}]]
    scope: headline
    at_start: true
    message: "{match}"
  - id: TST103
    name: caps
    kind: regex
    category: pushy
    case_sensitive: true
    regex: '\\b[A-Z]{5,}\\b'
    shouting: true
    message: "{match}"
  - id: TST104
    name: caps-count
    kind: metric
    category: pushy
    metric: caps_words
    max: 1
    shouting: true
    message: "{value}"
"""


@pytest.fixture(scope="module")
def scoped(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("scoped")
    (tmp / "pack.yaml").write_text(SCOPED, encoding="utf-8")
    return policy_from("language: en\npacks: [./pack.yaml]\n", tmp)


def found(text: str, policy, fmt: str = "markdown") -> list[tuple[str, str]]:
    return [(f.rule_id, f.match) for f in check_text(text, policy, format=fmt).findings]


def test_scope_title_keeps_only_matches_in_titles(scoped) -> None:
    text = "---\ntitle: Why you should read this\n---\n## For you\n\nYou can read it later.\n"
    assert found(text, scoped) == [("TST101", "you")]
    assert found("Why you should read this", scoped, "text") == [("TST101", "you")]


def test_at_start_needs_the_match_to_open_the_headline(scoped) -> None:
    assert found("# This dog opens doors\n", scoped) == [("TST102", "This dog")]
    assert found("# Why this dog opens doors\n", scoped) == []
    assert found("# Dogs\n\nThis dog opens doors, and the cat watches.\n", scoped) == []


def test_all_caps_headings_are_not_shouting_by_default(scoped) -> None:
    text = "# GARDEN NOTES TODAY\n\nThe roses are out.\n"
    assert found(text, scoped) == []
    assert found("# Garden\n\nThe roses are AMAZING and ENORMOUS.\n", scoped) == [
        ("TST103", "AMAZING"),
        ("TST103", "ENORMOUS"),
        ("TST104", "ENORMOUS"),
    ]


def test_caps_headings_knob_makes_headings_shout(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(SCOPED, encoding="utf-8")
    policy = policy_from(
        "language: en\npacks: [./pack.yaml]\ntone: {caps_headings: shouting}\n", tmp_path
    )
    ids = [rule for rule, _ in found("# GARDEN NOTES TODAY\n\nThe roses are out.\n", policy)]
    assert ids.count("TST103") == 3 and "TST104" in ids


def test_scope_is_validated(tmp_path: Path) -> None:
    (tmp_path / "pack.yaml").write_text(
        SCOPED.replace("scope: title", "scope: titles"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="scope"):
        policy_from("language: en\npacks: [./pack.yaml]\n", tmp_path)


def test_in_scope_body_excludes_structural_headlines_only() -> None:
    post = parse("# Title\n\nBody words here\n", "markdown", "x")
    title = post.headlines[0]
    assert not in_scope(title.start, title.end, post.headlines, "body")
    line = parse("a short line of text", "text", "x").headlines
    assert in_scope(0, 5, line, "body") and in_scope(0, 5, line, "title")


def test_bundled_shouting_rules_spare_all_caps_headings_by_default(tmp_path: Path) -> None:
    """PSH017/PSH018 (and the Italian PSH113/PSH114) carry `shouting: true`: an ALL-CAPS
    heading is a typographic convention unless the policy says headings may shout."""
    text = "## OPENING HOURS, HOLIDAY CLOSURES AND DELIVERIES\n\nOur bakery opens at seven.\n"
    default_ids = {f.rule_id for f in check_text(text, format="markdown").findings}
    assert not default_ids & {"PSH017", "PSH018"}
    policy = policy_from(
        "language: en\nextends: default\ntone: {caps_headings: shouting}\n", tmp_path
    )
    strict_ids = {f.rule_id for f in check_text(text, policy=policy, format="markdown").findings}
    assert strict_ids & {"PSH017", "PSH018"}


LISTING = (
    "Trail notes for hikers who walk far from any phone signal.\n\n"
    "POTENZA E CONTROLLO\n"
    "La app registra il percorso e la quota senza rete, anche in alta montagna.\n\n"
    "★ PRIVACY: nessun dato lascia il telefono e non ci sono pubblicità di alcun tipo.\n\n"
    "FUNZIONI\n"
    "Mappe offline, bussola, altimetro, meteo locale e avvisi di tramonto per le escursioni.\n"
    "Funziona su telefoni vecchi e nuovi e consuma poca batteria durante le uscite lunghe.\n"
)


def test_capitalised_label_lines_of_a_document_are_headings() -> None:
    post = parse(LISTING, "text", "x")
    labels = [post.text[h.start : h.end] for h in post.headlines if h.kind == "heading"]
    assert labels == ["POTENZA E CONTROLLO", "PRIVACY", "FUNZIONI"]
    ids = {f.rule_id for f in check_text(LISTING, policy="default-it").findings}
    assert not ids & {"PSH113", "PSH114"}


def test_a_short_message_in_capitals_has_no_label_lines() -> None:
    message = "CIAO A TUTTI\nSCONTI INCREDIBILI OGGI\nVENITE A TROVARCI"
    assert (
        all(h.kind == "line" for h in parse(message, "text", "x").headlines)
        or not parse(message, "text", "x").headlines
    )
    ids = {f.rule_id for f in check_text(message, policy="default-it").findings}
    assert ids & {"PSH113", "PSH114"}


def test_a_long_bold_line_in_capitals_is_a_section_title() -> None:
    guide = (
        "Le amministrazioni pubblicano i dati con regole chiare e stabili nel tempo.\n\n"
        "**AZIONE 4: DEFINISCI LE REGOLE DI PUBBLICAZIONE E ASSEGNA UNA LICENZA A OGNI DATASET**\n\n"
        "Ogni dataset ha una licenza aperta indicata nei metadati e nella pagina che lo descrive.\n"
        "La licenza consigliata permette il riuso anche commerciale, citando la fonte dei dati.\n"
        "Le regole valgono per tutti gli uffici e vanno aggiornate quando cambiano le norme.\n"
    )
    post = parse(guide, "markdown", "x")
    assert any(post.text[h.start : h.end].startswith("AZIONE 4") for h in post.headlines)
    ids = {f.rule_id for f in check_text(guide, policy="default-it", format="markdown").findings}
    assert not ids & {"PSH113", "PSH114"}


def test_headline_pre_pass_of_a_batch_picks_what_each_headline_would(default_policy) -> None:  # type: ignore[no-untyped-def]
    from brandguard.compile.compiler import compile_policy
    from brandguard.engine.hits import headline_candidates_many

    compiled = compile_policy(default_policy)
    posts = [
        parse(
            "---\ntitle: You Won't Believe These 7 Tricks\n---\nBody text here.\n", "markdown", "a"
        ),
        parse("No headline here, just a sentence that ends.", "text", "b"),
        parse(
            "# Why this one weird trick works\n\n## Shocking results inside\n\nText.",
            "markdown",
            "c",
        ),
    ]
    found = headline_candidates_many(compiled, posts)
    assert [len(f or []) for f in found] == [len(p.headlines) for p in posts]
    for post, per_post in zip(posts, found, strict=True):
        for headline, picked in zip(post.headlines, per_post or [], strict=True):
            piece = post.text[headline.start : headline.end]
            assert picked == compiled.headline_set.candidates(piece)
    assert any(picked for per_post in found for picked in per_post or [])
