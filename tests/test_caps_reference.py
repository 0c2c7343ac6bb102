"""Words in capitals that documentation names things with are not shouting (text/caps_reference.py,
and the technical register of text/caps_code.py); emphasis and sales words in capitals still are."""

from __future__ import annotations

from brandguard.text.caps import shouted
from brandguard.text.caps_code import CodeOrLaw, technical
from brandguard.text.caps_reference import listed, on_heading, section_names


def shouts(text: str, language: str = "en") -> list[str]:
    return [text[s:e] for s, e in shouted(text, language)]


def test_an_underlined_plain_text_heading_is_not_emphasis() -> None:
    text = "Changes\n\nNEW in 2.4:\n===========\n- Fix the parser\n"
    assert on_heading(text, text.index("NEW"))
    assert shouts(text) == []
    # the same label inside a sentence is a sales word raised
    assert shouts("Our NEW blender is in the shops.") == ["NEW"]


def test_a_section_named_in_the_prose_is_a_cross_reference() -> None:
    text = "LIMITS\n------\nFiles over 2 GB are refused.\n\nNOTES\n\nThe loader skips them (see LIMITS above)."
    assert "LIMITS" in section_names(text)
    assert shouts(text) == []
    assert shouts("The loader skips them (see LIMITS above).") == ["LIMITS"]


def test_a_list_of_three_names_in_capitals_is_not_shouting() -> None:
    text = "The levels are TRACE, NOTICE, ALERT and PANIC; pick one."
    assert shouts(text) == []
    assert shouts("Esce da un ciclo REPEAT, LOOP o UNTIL.", "it") == []
    # a slogan is not a list of names: sales words stay loud
    assert shouts("Our app is SIMPLE, FAST and FREE.") != []
    # two words joined by "or" may be two shouted words; two that are a verb's subject are names
    assert shouts("text TONE or FLAG") == ["TONE", "FLAG"]
    assert shouts("The shell falls back to vi if neither PAGER nor VIEWER is set.") == []
    assert shouts("Se ORIGINE e META sono la stessa cartella, cp si ferma.", "it") == []
    assert shouts("Our plans are SIMPLE and HONEST, like us.") == ["SIMPLE", "HONEST"]


def test_list_items_need_a_comma_and_no_ordinary_word() -> None:
    text = "MODE, LEVEL and SCOPE"
    caps = [(0, 4, "MODE"), (6, 11, "LEVEL"), (16, 21, "SCOPE")]
    assert listed(text, caps, frozenset()) == {0, 6, 16}
    assert listed(text, caps, frozenset({"level"})) == set()


def test_placeholders_spoken_of_as_nouns_are_names() -> None:
    help_text = (
        "Esegue il COMANDO nella directory indicata. Se il parametro CARTELLA non è dato, "
        "i COMANDI vengono eseguiti nella directory corrente."
    )
    assert shouts(help_text, "it") == []
    docstring = "The content of ORIGIN is copied in TARGET, which may be a file name."
    assert shouts(docstring) == []
    # one noun after "the" is no register of names: "the REST is free" still shouts
    assert shouts("Huge SAVINGS today, and the REST is free.") == ["SAVINGS", "REST"]
    # an adjective raised before a noun is emphasis
    assert shouts("I migliori prodotti a prezzi INCREDIBILI per tutti.", "it") == ["INCREDIBILI"]


def test_http_methods_in_a_run_and_a_name_after_a_known_acronym() -> None:
    assert shouts("The handler performs HTTP GET and POST requests.") == []
    assert shouts("Endpoints accept GET, POST and PUT.") == []
    assert shouts("Proxy support for HTTP and SOCKS.") == []
    assert shouts("GET NOW your tickets") == ["GET", "NOW"]


def test_file_names_graded_keywords_and_api_listings() -> None:
    assert shouts("The steps are described in TRAINING.md for contributors.") == []
    assert shouts("It is HIGHLY RECOMMENDED that users install both packages.") == []
    listing = "   MYLIB_NO_FIPS = 83   NEW control code.\n   MYLIB_MODE_SIV   NEW mode.\n"
    assert shouts(listing) == []


def test_help_texts_options_and_printf_conversions_are_technical() -> None:
    help_text = "Options:\n  -c\tclears the stack\n  -l\tlong listing\n  -p\tone per line\n"
    assert technical(help_text, "")
    assert technical("Cannot open %s: error %d at line %ld.", "")
    # bullets and percentages in a listing are not options or conversions
    assert not technical("- Fast sync\n- 20% off today\n+ 1 free month\n", "")
    # identifiers kept in inline code count as signals of documentation
    assert technical("Install it and call it.", "my_client other_thing --verbose")


def test_technical_counts_distinct_signals_across_text_and_code() -> None:
    # the code counts once, and a signal it shares with the prose is not a second one
    assert not technical("Set my_flag here.", "my_flag")
    assert technical("Set my_flag and other_flag here.", "my_flag")
    assert not technical("Set my_flag and my_flag again, then 2.0.1.", "")
    assert technical("Set my_flag, then 2.0.1 with --force.", "")
    # no underscore, bracket, dash, slash, sigil or version: no signal at all
    assert not technical("PLAIN WORDS IN CAPITALS, 20 of them.", "")


def test_code_or_law_reads_a_disclaimer_and_code_lines_only_where_the_text_has_them() -> None:
    text = "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND."
    law = CodeOrLaw(text)
    assert law(text.index("SOFTWARE"), text.index("SOFTWARE") + 8, "SOFTWARE")
    assert not law(text.index("SOFTWARE"), text.index("SOFTWARE") + 8, "SOFTWARE", sales=True)
    plain = "GREAT SOFTWARE for everyone."
    assert not CodeOrLaw(plain)(0, 5, "GREAT")
    line = "call MYLIB_OPEN FIRST\nGREAT news"
    code = CodeOrLaw(line)
    assert code(line.index("FIRST"), line.index("FIRST") + 5, "FIRST")
    assert not code(line.index("GREAT"), line.index("GREAT") + 5, "GREAT")
    assert CodeOrLaw("NULL here")(0, 4, "NULL") and not CodeOrLaw("NOTE here")(0, 4, "NOTE")
    assert CodeOrLaw("NOTE: read it")(0, 4, "NOTE")


def test_a_line_of_code_holds_an_identifier_or_opens_with_an_option() -> None:
    from brandguard.text.caps_code import on_code_line

    text = "plain LINE here\n  -c, --count=N  COUNT lines\nset max_size NOW\n#tag_x HELLO"
    assert not on_code_line(text, text.index("LINE"))
    assert on_code_line(text, text.index("COUNT"))
    assert on_code_line(text, text.index("NOW"))
    assert not on_code_line(text, text.index("HELLO"))  # a hashtag is no identifier
