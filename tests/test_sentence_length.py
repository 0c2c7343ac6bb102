"""Where sentences end and how long they read (text/sentences.py, the ``sentence_words`` metric).
Every text here is written for these tests."""

from __future__ import annotations

from brandguard.api import check_text
from brandguard.text.formats import parse_markdown
from brandguard.text.measures import Measures
from brandguard.text.sentences import sentence_spans


def sentences(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, language)]


def lengths(text: str, language: str = "en") -> list[int]:
    post = parse_markdown(text, "t")
    return Measures(post, None, language).reading_lengths  # type: ignore[arg-type]


def test_initials_and_italian_abbreviations_end_nothing() -> None:
    text = "Il D. M. 3 marzo 2021 lo prevede. Il c.d. riuso conviene. Fine."
    assert sentences(text, "it") == [
        "Il D. M. 3 marzo 2021 lo prevede.",
        "Il c.d. riuso conviene.",
        "Fine.",
    ]
    text = "Ask J. K. Doe first. We chose plan B. Then we left."
    assert sentences(text, "en") == ["Ask J. K. Doe first.", "We chose plan B.", "Then we left."]


def test_a_forgotten_space_after_a_full_stop_still_ends_the_sentence() -> None:
    text = "Il modulo è online.Domani apre lo sportello. Vai su Example.com e Node.js ora."
    assert sentences(text, "it") == [
        "Il modulo è online.",
        "Domani apre lo sportello.",
        "Vai su Example.com e Node.js ora.",
    ]


def test_later_clauses_after_a_semicolon_count_half() -> None:
    first = "one two three four five six seven eight nine ten"
    second = "alpha beta gamma delta epsilon zeta"
    assert lengths(f"{first}, {second}.") == [16]
    assert lengths(f"{first}; {second}.") == [13]  # 10 + 6 / 2
    assert lengths(f"{first}: {second}.") == [13]
    assert lengths(f"{first} — {second}.") == [13]


def test_link_text_quotations_and_citations_read_as_one_unit() -> None:
    words = "we read the report before the meeting"
    assert lengths(f"{words} today.") == [8]
    assert lengths(f"{words} [on the future of public digital services](https://x.example).") == [
        10
    ]
    assert lengths(f'{words} "On the Future of Public Digital Services".') == [10]
    assert lengths(f"{words} (PDF, 2 MB, 40 pages).") == [10]
    text = "Lo prevede l'articolo 52, comma 4, del d.lgs. 7 marzo 2005, n. 82 in vigore."
    assert lengths(text, "it") == [8]  # "Lo prevede l'articolo", three for the rest, "in vigore"


def test_a_list_of_semicolon_clauses_is_not_a_long_sentence() -> None:
    clause = "the team reviews every change before it ships to users"
    text = f"We agreed on three points: {clause}; {clause}; {clause}."
    assert not [f for f in check_text(text).findings if f.rule_id == "GDL001"]
    long_one = " ".join([clause.replace("the team", "and then the team")] * 5) + "."
    assert [f.rule_id for f in check_text(long_one).findings if f.rule_id == "GDL001"] == ["GDL001"]
