"""The ``stuffing`` check kind: tag runs, keyword variants, hashtag walls, link density."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.checks.stuffing import stem

from .conftest import policy_from

PACK = """
pack: t
language: {lang}
rules:
  - id: TST001
    name: run
    kind: stuffing
    report: tag-run
    category: seo
    min_run: 6
    step: 3
    message: "run of {{count}}: {{match}}"
  - id: TST002
    name: variants
    kind: stuffing
    report: keyword-variants
    category: seo
    min_count: 4
    max_density: 5
    min_variants: 2
    message: "{{match}} x{{count}}"
  - id: TST003
    name: wall
    kind: stuffing
    report: hashtag-wall
    category: seo
    min_tags: 4
    max_per_100: 25
    message: "{{count}} tags for {{words}} words"
  - id: TST004
    name: links
    kind: stuffing
    report: link-density
    category: seo
    max_social: 2
    max_article: 5
    article_words: 60
    message: "{{count}} links in a {{kind}}"
"""


def make(tmp_path: Path, lang: str = "en"):  # noqa: ANN201 - a Policy
    (tmp_path / "p.yaml").write_text(PACK.format(lang=lang), encoding="utf-8")
    return policy_from(f"language: {lang}\npacks: [./p.yaml]\n", tmp_path)


def found(policy, text: str, rule: str, fmt: str = "text", meta: dict | None = None):  # noqa: ANN001, ANN201
    result = check_text(text, policy, format=fmt, meta=meta)
    return [f for f in result.findings if f.rule_id == rule]


def test_tag_run_needs_no_function_word_and_no_sentence_break(tmp_path: Path) -> None:
    policy = make(tmp_path)
    hits = found(policy, "Nice coat. wool coat winter coat navy warm classic smart", "TST001")
    assert [f.match for f in hits] == ["wool coat winter coat navy warm classic smart"]
    assert hits[0].message == "run of 8: wool coat winter coat navy warm classic smart"
    # the same words with function words, or broken by full stops, are sentences
    assert not found(policy, "A wool coat for the winter, in navy, warm and smart.", "TST001")
    assert not found(policy, "Wool coat. Winter coat. Navy. Warm. Classic. Smart.", "TST001")


def test_tag_run_weighs_more_as_it_grows(tmp_path: Path) -> None:
    policy = make(tmp_path)
    # tags in the order they come to mind (in alphabetical order they are a reference list)
    words = "retro boho vintage grunge summer festival linen denim maxi floral midi wrap".split()
    assert len(found(policy, " ".join(words[:6]), "TST001")) == 1
    # 12 words: the first 6, then one more finding per 3 words
    hits = found(policy, " ".join(words), "TST001")
    assert [f.match for f in hits] == [
        "retro boho vintage grunge summer festival",
        "linen denim maxi",
        "floral midi wrap",
    ]


def test_enumeration_in_a_sentence_is_not_a_run(tmp_path: Path) -> None:
    policy = make(tmp_path)
    text = "We handle backups, patches, upgrades, service monitoring, alerting, and more."
    assert not found(policy, text, "TST001")
    # without commas, "and" is just a function word: the run before it still counts
    assert found(policy, "vintage retro boho grunge festival summer and more", "TST001")


def test_links_and_line_breaks_end_a_run(tmp_path: Path) -> None:
    policy = make(tmp_path)
    text = "[alpha bravo charlie](https://a.b) delta echo foxtrot golf"
    assert not found(policy, text, "TST001", fmt="markdown")
    assert not found(policy, "alpha bravo charlie\ndelta echo foxtrot golf", "TST001")


def test_alphabetical_list_is_a_reference_list_not_tags(tmp_path: Path) -> None:
    policy = make(tmp_path)
    # the programs of a package, in alphabetical order: someone sorted them for look-up
    assert not found(policy, "Programs: awk cat chmod cp cut date dd grep head", "TST001")
    assert found(policy, "Programs: grep awk head chmod date cp dd cut cat", "TST001")
    # comma-separated items are ordered by their first word
    credits = "Thanks: Ada Byrne, Bo Chen, Cy Dunn, Dee Ekwueme, Eli Fox, Fay Gold"
    assert not found(policy, credits, "TST001")
    # the same word again and again is not an order
    assert found(policy, "Tags: ring ring ring ring ring ring ring", "TST001")


def test_names_wrapped_over_lines_are_credits_not_tags(tmp_path: Path) -> None:
    policy = make(tmp_path)
    # a hard-wrapped paragraph carries a list of names over its lines after a comma
    wrapped = (
        "Contributors:\n  Zoe Hart, Ivo Lind, Bo Chen, Uma Roy, Ada Byrne, Kai Berg, Noa Pike,\n"
        "  Cy Dunn, Eli Fox"
    )
    assert not found(policy, wrapped, "TST001")
    # a short line broken after a comma is a line typed in a listing's field, not a wrapped one
    short = "Brands:\nZoe Hart, Ivo Lind, Bo Chen, Uma Roy,\nAda Byrne, Cy Dunn"
    assert found(policy, short, "TST001")
    # the same names on the one line a listing's field holds read as brand tags
    assert found(policy, "Brands: Zoe Hart, Ivo Lind, Bo Chen, Uma Roy, Ada Byrne", "TST001")
    # lower-case tags wrapped over lines are still tags
    tags = "Tags: retro, boho, vintage, grunge, summer, festival, linen, midi,\n denim, maxi"
    assert found(policy, tags, "TST001")


def test_code_joiners_end_a_run_but_a_slash_between_tags_does_not(tmp_path: Path) -> None:
    policy = make(tmp_path)
    # identifiers, assignments and code points are tokens of code, not runs of keywords
    assert not found(policy, "calls buf_open buf_close buf_read buf_seek buf_tell now", "TST001")
    assert not found(policy, "run x=1 y=2 z=3 w=4 v=5 now", "TST001")
    assert not found(policy, "glyphs U+2701 U+2702 U+2703 U+2704 added", "TST001")
    # listings write alternatives with a slash: "boho/hippie" is still two tags of the run
    assert found(policy, "boho/hippie retro/vintage summer festival dress", "TST001")


def test_italian_function_words_missing_from_spacy_list(tmp_path: Path) -> None:
    policy = make(tmp_path, "it")
    assert not found(policy, "arco temporale lungo i dataset potrebbero presentare", "TST001")
    assert found(policy, "anello oro gioielli vintage bracciale boho collana argento", "TST001")


def test_stem_joins_variants() -> None:
    assert stem("recorder", "en") == stem("recorders", "en") == "record"
    assert stem("recording", "en") == "record"
    assert stem("registrazioni", "it") == stem("registrazione", "it")
    assert stem("bus", "en") == "bus"  # too short to strip


def test_keyword_variants(tmp_path: Path) -> None:
    policy = make(tmp_path)
    stuffed = (
        "Voice recorder and audio recorder for lectures. This audio recorder and voice recorder"
        " saves each recording."
    )
    hits = found(policy, stuffed, "TST002")
    assert len(hits) == 1 and "recorder" in hits[0].match and "x5" in hits[0].message
    # each phrasing used once is ordinary wording
    once = "Voice recorder, audio recorder, sound recorder and lecture recorder in one app."
    assert not found(policy, once, "TST002")
    # the same word in one fixed phrase is a topic, not variants
    honest = (
        "The recorder is small. The recorder is light. The recorder is loud. The recorder is cheap."
    )
    assert not found(policy, honest, "TST002")


def test_keyword_variants_leave_the_name_of_documented_code(tmp_path: Path) -> None:
    policy = make(tmp_path)
    doc = (
        "Start a worker thread. The main thread waits; a worker thread reports to the main"
        " thread when done."
    )
    assert found(policy, doc, "TST002")
    # a reference page for threading.Thread names its code
    assert not found(policy, doc + " See threading.Thread.", "TST002")


def test_keyword_variants_are_phrases_within_a_clause(tmp_path: Path) -> None:
    policy = make(tmp_path)
    # "lee" meets other words only across brackets and commas: credits, not keyword phrasings
    text = "Fixed leak (lee), Fixed leak (lee), Fixed hang (lee), Fixed hang (lee)."
    assert "lee" not in {f.match for f in found(policy, text, "TST002")}


def test_hashtag_wall_is_relative_to_the_text(tmp_path: Path) -> None:
    policy = make(tmp_path)
    hits = found(policy, "New mug. #mug #coffee #ceramic #handmade", "TST003")
    assert len(hits) == 1 and hits[0].message == "4 tags for 2 words"
    long_body = " ".join(["word"] * 30) + " #mug #coffee #ceramic #handmade"
    assert not found(policy, long_body, "TST003")


@pytest.mark.parametrize(
    ("text", "fmt", "meta", "fires"),
    [
        ("a https://a.b/1 b https://a.b/2 c https://a.b/3", "text", None, True),  # social: 3 > 2
        ("a https://a.b/1 b https://a.b/2", "text", None, False),
        # the same three links in an article are references: 3 per 100 words <= 5
        ("a https://a.b/1 b https://a.b/2 c https://a.b/3", "text", {"channel": "blog"}, False),
        ("[a](https://a.b/1) [b](https://a.b/2) [c](https://a.b/3)", "markdown", None, False),
        (" ".join(f"[w{i}](https://a.b/{i})" for i in range(6)), "markdown", None, True),
        # links that serve the document are not counted: a reference list (each item or table
        # row named by its link), the numbers of issues a changelog cites, anchors of a table of
        # contents, badges
        ("\n".join(f"- [w{i}](https://a.b/{i})" for i in range(6)), "markdown", None, False),
        (
            "\n".join(f"| [w{i}](https://a.b/{i}) | tool |" for i in range(6)),
            "markdown",
            None,
            False,
        ),
        (" ".join(f"fix [#{i}](https://a.b/{i})" for i in range(6)), "markdown", None, False),
        (" ".join(f"[part {i}](#part-{i})" for i in range(6)), "markdown", None, False),
        (
            " ".join(f"[![b{i}](https://a.b/{i}.svg)](https://a.b/{i})" for i in range(6)),
            "markdown",
            None,
            False,
        ),
        # plain text hard-wrapped in an editor is a document (a README), not a social post
        (
            "The sources of the project are kept on the public forge at this address:\n"
            "https://a.b/1 and the bug tracker for reports and patches is at the next\n"
            "address https://a.b/2 while the list archive of all past discussion lives\n"
            "at https://a.b/3 for everyone.",
            "text",
            None,
            False,
        ),
        ("Sources https://a.b/1 bugs https://a.b/2 list https://a.b/3", "text", None, True),
        # channel metadata wins over the format
        (
            "[a](https://a.b/1) [b](https://a.b/2) [c](https://a.b/3)",
            "markdown",
            {"channel": "x"},
            True,
        ),
    ],
)
def test_link_density_depends_on_the_kind_of_text(
    tmp_path: Path, text: str, fmt: str, meta: dict | None, fires: bool
) -> None:
    policy = make(tmp_path)
    assert bool(found(policy, text, "TST004", fmt=fmt, meta=meta)) is fires


def test_keyword_list_regex_stays_fast_on_masked_urls(default_policy) -> None:  # noqa: ANN001
    """Masked URLs leave long blank runs; SEO007's items must not backtrack over them."""
    import time

    links = ", ".join(f"[{w}](https://example.com/{'x' * 60}/{w})" for w in "abcdef")
    text = f"Pages we link to:\n{links} and more."  # the first draft took minutes here
    check_text("warm up", default_policy, format="markdown")  # compile the policy first
    started = time.perf_counter()
    check_text(text, default_policy, format="markdown")
    assert time.perf_counter() - started < 2


def test_comma_enumeration_needs_a_longer_run(tmp_path: Path) -> None:
    policy = make(tmp_path)  # min_run 6: a mostly comma-separated run needs 8 words (1.25x)
    assert not found(policy, "Tags: vintage, retro, boho, grunge, preppy, coastal, indie", "TST001")
    tags = "Tags: vintage, retro, boho, grunge, preppy, coastal, indie, summer, beach"
    assert found(policy, tags, "TST001")
    # the same length of format names is a specification (see the test below)
    assert not found(policy, "Formats: HEIF, AVIF, WEBP, JPEG, PNG, TIFF, QOI, BMP, GIF", "TST001")
    assert found(policy, "heif avif webp jpeg png tiff qoi", "TST001")  # bare words: 6 is enough


def test_example_prepositions_end_a_run(tmp_path: Path) -> None:
    policy = make(tmp_path)  # "including" and "like" are missing from spaCy's stop words
    assert not found(policy, "fast builds including hot reload server rendering", "TST001")
    assert found(policy, "fast builds hot reload server rendering", "TST001")


def test_a_comma_list_of_codes_is_a_specification_not_a_tag_run(tmp_path: Path) -> None:
    policy = make(tmp_path)
    formats = "Reads EAN-13, EAN-8, UPC-A, UPC-E, QR Code, PDF417, AZTEC, Data Matrix codes."
    assert found(policy, formats, "TST001") == []
    tags = "Tags: Vintage, Retro, Boho, Grunge, Cottagecore, Preppy, Coastal, Summer"
    assert found(policy, tags, "TST001")


def test_function_words_are_one_memo_per_stop_list_and_read_elisions() -> None:
    from brandguard.checks.stuffing import _function_word, _function_words

    stop = frozenset({"the", "dell", "it"})
    assert _function_words(stop) is _function_words(frozenset({"the", "dell", "it"}))
    assert _function_words(stop) is not _function_words(frozenset({"the"}))
    assert _function_word(stop, "the") and _function_word(stop, "dell'app")
    assert _function_word(stop, "it’s") and not _function_word(stop, "app")
