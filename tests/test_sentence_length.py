"""Where sentences end and how long they read (text/sentences.py, the ``sentence_words`` metric).
Every text here is written for these tests."""

from __future__ import annotations

from brandguard.api import check_text
from brandguard.text.formats import parse_markdown
from brandguard.text.measures import Measures
from brandguard.text.sentences import sentence_spans
from brandguard.text.series import series_spans


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
    long_one = " ".join([clause.replace("the team", "and then the team")] * 6) + "."
    assert [f.rule_id for f in check_text(long_one).findings if f.rule_id == "GDL001"] == ["GDL001"]


def test_a_list_of_short_items_reads_as_one_unit() -> None:
    head = "our shop on the corner sells"
    # "warm pastries, strong coffee and cold juice": three short items, read as three words
    assert lengths(f"{head} fresh bread, warm pastries, strong coffee and cold juice.") == [11]
    assert lengths(f"{head} fresh bread, warm pastries and strong coffee.") == [13]  # too few
    # A comma-separated clause ("which ...") is not a list item.
    text = "We met the mayor, which was a surprise, and then we walked home together."
    assert lengths(text) == [14]
    it = "Vende (pane fresco, dolci caldi, caffè forte e succhi freddi) ogni giorno."
    assert lengths(it, "it") == [6]  # the bracket delimits the first item too


def test_a_proper_name_reads_as_one_word() -> None:
    text = "Yesterday we wrote to the Office of Open Data Standards about the form."
    assert lengths(text) == [9]
    it = "Ieri abbiamo scritto alla Agenzia Nazionale per la Mobilità Sostenibile."
    assert lengths(it, "it") == [5]
    # A capital at the start of a sentence is no evidence of a name.
    assert lengths("Yesterday we wrote a letter.") == [5]


def test_a_run_in_bold_label_is_a_heading_not_part_of_the_sentence() -> None:
    text = "**Why it matters for towns** The new form saves every office an hour a week."
    assert lengths(text) == [5, 10]
    assert lengths("**Note:** the form saves an hour.") == [6]  # 5 + 1 / 2: the colon parts them


def test_doubled_letter_abbreviations_end_nothing_before_lower_case() -> None:
    text = "Il piano riguarda le PP.AA. coinvolte nel progetto. Vedi AA.VV. citati sopra. Fine."
    assert sentences(text, "it") == [
        "Il piano riguarda le PP.AA. coinvolte nel progetto.",
        "Vedi AA.VV. citati sopra.",
        "Fine.",
    ]
    # Before a capital the full stop may still end the sentence.
    assert len(sentences("Lo dicono le PP.AA. Poi si vedrà.", "it")) == 2


def test_a_paragraph_signed_after_a_dash_is_a_quotation() -> None:
    quote = " ".join(["la parola"] * 25)
    intro = " ".join(["premessa"] * 40)
    text = f"{intro}.\n\n{quote}.\n\n— @qualcuno, manutentrice\n\n{intro}."
    assert lengths(text, "it")[1] == 3  # someone else's words: one unit
    hyphen = f"{intro}.\n\n{quote}.\n\n- Una voce di elenco qui\n\n{intro}."
    assert lengths(hyphen, "it")[1] == 50  # a hyphen opens a list item, not a signature


def test_a_restating_marker_after_a_comma_parts_clauses_like_a_colon() -> None:
    first = "the office opens a new desk in the town hall next month"
    second = "a place where residents ask about permits"
    assert lengths(f"{first}, {second}.") == [19]
    assert lengths(f"{first}, i.e. {second}.") == [16]  # 12 + 9 / 2 ("i", "e" are words)
    assert lengths(f"{first}, ad esempio {second}.", "it") == [16]


def test_an_official_name_counts_as_a_name_only_with_its_complement() -> None:
    text = "Il progetto parte dal Dipartimento per la cultura digitale oggi."
    assert lengths(text, "it") == [5]  # "Dipartimento per la cultura digitale" is one word
    # A head followed by a verb is no name: every word counts.
    assert lengths("Con la nuova app il Comune semplifica la vita dei residenti.", "it") == [11]


def test_only_sentences_over_the_limit_are_measured_as_they_read() -> None:
    """A sentence never reads longer than its words, so a check flagging sentences over a limit
    needs the costly measure only for those (the same findings, a third less check time)."""
    text = (
        "We met Ada, Bo, Cy and Di in Rome; the plan, which we wrote together over the spring "
        "with the help of the [whole team](https://example.org) and of our partners in Milan, "
        "Turin and Naples, is now ready for everyone to read and discuss.\n\n"
        "A short one, with a comma."
    )
    post = parse_markdown(text, "t")
    full = Measures(post, None, "en").reading_lengths  # type: ignore[arg-type]
    words = [n for _, _, n in Measures(post, None, "en").sentences]  # type: ignore[arg-type]
    assert all(r <= n for r, n in zip(full, words, strict=True))
    for limit in (0, 5, 20, 40, 100):
        over = Measures(post, None, "en").reading_lengths_over(limit)  # type: ignore[arg-type]
        assert [r for r, n in zip(over, words, strict=True) if n > limit] == [
            r for r, n in zip(full, words, strict=True) if n > limit
        ]
        assert [r for r, n in zip(over, words, strict=True) if n <= limit] == [
            n for n in words if n <= limit
        ]


LINEAR_EN = (
    "On Monday we walked to the old mill by the river, ate our bread on the bank, fed the ducks "
    "near the bridge, watched the boats go by for an hour, and then took the long road back home "
    "to the farm before the rain came down in the late afternoon."
)
TANGLED_EN = (
    "Although the council, which had met twice (once in March and again, briefly, in June) "
    "without reaching a decision, said the plan was sound, the residents who had written to it "
    "were told that nothing would change until the budget, whose size nobody knew, was approved."
)
LINEAR_IT = (
    "Ieri mattina siamo andati al mercato in piazza, abbiamo comprato pane e frutta per tutta la "
    "settimana, abbiamo bevuto un caffè al bar della stazione, siamo passati dalla nonna per un "
    "saluto e poi siamo tornati a casa a piedi lungo il fiume."
)
TANGLED_IT = (
    "Qualora l'amministrazione, che ne abbia fatto richiesta entro i termini previsti (fermo "
    "restando quanto stabilito dalla normativa vigente in materia di trasparenza), non riceva "
    "risposta, il responsabile del procedimento, verificando la completezza della "
    "documentazione, provvede affinché la pratica sia comunque conclusa."
)


def gdl(text: str, language: str = "en") -> list[str]:
    from brandguard import load_policy

    policy = load_policy(None if language == "en" else "default-it")
    return [f.rule_id for f in check_text(text, policy=policy).findings if f.rule_id == "GDL001"]


def gdl_at(text: str, limit: int, language: str = "en") -> list[str]:
    """GDL001 findings of a policy whose own limit is ``limit``."""
    from brandguard.policy.loader import load_policy

    yaml = f"policy: t\nlanguage: {language}\nguidelines:\n  sentence_words: {{max: {limit}}}\n"
    policy = load_policy("t.yaml", text=yaml)
    return [f.rule_id for f in check_text(text, policy=policy).findings if f.rule_id == "GDL001"]


def test_a_policys_own_limit_is_applied_exactly_whatever_the_shape() -> None:
    # A linear sentence and a tangled one, each one word over a limit, are both reported: the
    # knob means what it says (a shape filter judged on writing_dev told nothing apart).
    for text, language in ((LINEAR_EN, "en"), (TANGLED_EN, "en"), (TANGLED_IT, "it")):
        n = lengths(text, language)[0]
        assert gdl_at(text, n - 1, language) == ["GDL001"]
        assert gdl_at(text, n, language) == []


def test_the_default_limits_report_only_sentences_far_over_plain_language_ceilings() -> None:
    # Over 60 words as read, in English and in Italian; a sentence a few words over 55 reads as
    # one straight line often enough (two blind panels) that the default leaves it alone.
    assert 45 < lengths(TANGLED_EN)[0] <= 60 and gdl(TANGLED_EN) == []
    far = LINEAR_EN.replace(
        " in the late afternoon.",
        ", and we slept until the bells of the church woke us all up early the next morning, "
        "when the baker knocked at the door with a basket of warm bread for the whole house.",
    )
    assert lengths(far)[0] > 60 and gdl(far) == ["GDL001"]
    assert lengths(TANGLED_IT, "it")[0] <= 60 and gdl(TANGLED_IT, "it") == []
    near_it = TANGLED_IT.replace(
        "sia comunque conclusa.",
        "sia comunque conclusa entro trenta giorni dalla data in cui la documentazione completa "
        "è stata ricevuta dall'ufficio competente, dandone notizia all'interessato.",
    )
    assert 55 < lengths(near_it, "it")[0] <= 60 and gdl(near_it, "it") == []
    far_it = near_it.replace(
        "all'interessato.",
        "all'interessato con una lettera raccomandata che indica anche il nome del responsabile.",
    )
    assert lengths(far_it, "it")[0] > 60 and gdl(far_it, "it") == ["GDL001"]


def test_a_series_of_longer_parallel_items_reads_as_its_longest_item() -> None:
    text = (
        "Before the fair we cleaned the old barn, painted the front gate, "
        "fixed the broken bench and hung the new lights."
    )
    spans = series_spans(text, 0, len(text))
    # The opening clause (8 words) is longer than an item: it reads in full, the series after it
    # as its longest item ("and hung the new lights").
    series = text[text.index("painted") :]
    assert [(text[s:e], n) for s, e, n in spans] == [(series, 5)]
    # A clause is no item: "which ..." breaks the series.
    clause = "We painted the gate, which took a whole week of rain, and fixed the bench."
    assert series_spans(clause, 0, len(clause)) == []
    it = "Abbiamo pulito la stalla, dipinto il cancello e sistemato la panca di legno."
    assert series_spans(it, 0, len(it))[0][2] == 6  # "e sistemato la panca di legno"


def words_per_sentence(text: str) -> list[int]:
    post = parse_markdown(text, "t")
    return [n for _, _, n in Measures(post, None, "en").sentences]  # type: ignore[arg-type]


def test_rows_of_a_table_or_columns_are_items_not_one_sentence() -> None:
    """A help text's table goes on in lower case line after line; each row is an item."""
    table = "Commands:\n" + "".join(
        f"  {name:<10}  shows the {what} of the current project in full\n"
        for name, what in [("status", "state"), ("log", "history"), ("diff", "changes")] * 3
    )
    assert max(lengths(table)) < 15
    bullets = "The modes are: • quiet: nothing is printed • loud: every step is printed"
    assert words_per_sentence(bullets) == [3, 4, 5]
    # Hard-wrapped prose, two spaces between sentences, and a link's masked markup stay prose.
    prose = (
        "The reviewer reads the change and writes\nnotes in the margin.  Then the author "
        "answers.\nAsk the developer to [split it](https://example.org/split-it) that\n"
        "builds on each other, instead of one huge change."
    )
    assert words_per_sentence(prose) == [11, 4, 16]


def test_a_run_of_names_without_function_words_is_a_list_not_a_long_sentence() -> None:
    commands = "Tools: " + " ".join(f"tool-{k:c} fmt-{k:c} sync-{k:c}" for k in range(97, 122))
    assert max(lengths(commands)) <= 3
    prose = " ".join(["the reviewer reads the change and writes a note for the author"] * 6)
    assert max(lengths(prose)) > 60
    # Italian prose has its own function words.
    italiano = " ".join(["il revisore legge la modifica e scrive una nota per chi la propone"] * 5)
    assert max(lengths(italiano, "it")) > 60


def test_a_change_of_indentation_parts_a_definition_from_its_term() -> None:
    definitions = (
        "Modes:\n  quiet\n    print nothing at all while the job runs and keep the log short\n"
        "  loud\n    print every step of the job as it runs and keep the whole log\n"
    )
    assert words_per_sentence(definitions) == [1, 1, 13, 1, 14]
    # An item's continuation under its text, and a plain wrapped paragraph, stay one sentence.
    item = "  o The tool now reads the file and\n    writes the report in one pass.\n"
    assert words_per_sentence(item) == [14]
    # In Italian "o" is a word ("or"), not a marker: a wrapped line may open with it.
    italiano = (
        "Scegli il formato breve\no quello lungo per il rapporto\ne invialo entro sera.\n\n"
        "  Nota rientrata."
    )
    measures = Measures(parse_markdown(italiano, "t"), None, "it")  # type: ignore[arg-type]
    assert [n for _, _, n in measures.sentences] == [14, 2]


def _items(text: str) -> list[str]:
    """The pieces of ``text`` between parallel breaks, stripped."""
    from brandguard.text.series import parallel_breaks

    cuts = [0, *parallel_breaks(text, 0, len(text)), len(text)]
    return [text[a:b].strip(" ,:\n") for a, b in zip(cuts, cuts[1:], strict=False)]


def test_clause_long_items_that_open_alike_are_an_inline_list() -> None:
    lines = (
        "Una richiesta viene accettata se arriva da uno degli indirizzi elencati,\n"
        "o se porta un token firmato dal servizio di accesso,\n"
        "o se il mittente compare nella lista che l'amministratore aggiorna."
    )
    assert _items(lines) == [
        "Una richiesta viene accettata",
        "se arriva da uno degli indirizzi elencati",
        "o se porta un token firmato dal servizio di accesso",
        "o se il mittente compare nella lista che l'amministratore aggiorna.",
    ]
    quoted = (
        'The modes are "fast" which skips the checks on each file, "safe" which runs every '
        'check twice, "quiet" which prints nothing at all.'
    )
    assert len(_items(quoted)) == 4  # the introduction and three items
    nouns = (
        "Il piano tocca tre punti: l'apertura di un nuovo ufficio nel centro della città, "
        "la revisione degli orari di tutti gli sportelli e l'assunzione di dieci persone."
    )
    assert _items(nouns)[1:] == [
        "l'apertura di un nuovo ufficio nel centro della città",
        "la revisione degli orari di tutti gli sportelli",
        "e l'assunzione di dieci persone.",
    ]
    verbs = (
        "Chi scrive deve aprire una segnalazione per presentare il problema che ha trovato, "
        "proporre una correzione ed attendere il parere di chi cura il progetto."
    )
    assert len(_items(verbs)) == 4


def test_relative_chains_lettered_items_and_pronouns_are_not_an_inline_list() -> None:
    from brandguard.text.series import parallel_breaks

    texts = [
        # a chain of relatives: each has a head to hold
        "We kept the old parser, which the team had patched for years, which nobody wanted "
        "to touch, which still ran the nightly jobs.",
        # lettered items: an editor would make them bullets
        "The release adds (a) a new cache for the index, (b) a faster loader for large files, "
        "(c) a switch that turns the old format off.",
        # an article and a clitic pronoun open two different things
        "Il solo fatto che un dato venga aperto al pubblico, lo rende utile a chi lo cerca, "
        "anche quando nessuno lo aveva previsto.",
        # an abbreviation opens no item ("i" is an Italian article, "i.e." is not)
        "The old flag still works for every command, i.e. after the upgrade, the new flag and "
        "the old one do the same thing.",
    ]
    for text in texts:
        assert parallel_breaks(text, 0, len(text)) == [], text


def test_an_inline_list_of_long_items_reads_one_item_at_a_time() -> None:
    item = "se il mittente compare nella lista che l'amministratore del servizio aggiorna ogni mese"
    text = "Una richiesta viene accettata " + ", o ".join([item] * 5) + "."
    # the intro (4 words), the first item (13), four more with "o" (14): the longest in full, the rest
    # at half
    assert lengths(text, "it") == [round(14 + (4 + 13 + 3 * 14) / 2)]
    chain = text.replace(", o se", ", che sa bene che se")
    assert lengths(chain, "it")[0] > 60  # the same words as nested clauses read in full


def test_a_cross_reference_in_brackets_reads_as_one_unit() -> None:
    words = "the office sends the yearly report to every member of the board"
    assert lengths(f"{words}.") == [12]
    aside = "(see the guide to the archive, in particular the part on the yearly reports)"
    assert lengths(f"{words} {aside}.") == [15]  # the twelve words and three for the aside
    it = "Il modulo va firmato (vedi la guida sul sito, in particolare il capitolo sulle firme)."
    assert lengths(it, "it") == [7]
    # an aside that is not a pointer elsewhere is read in full
    assert lengths(f"{words} (the board meets in spring, and again in the autumn).") == [22]


def test_a_specification_or_a_contrast_after_a_comma_starts_a_clause_as_an_example_does() -> None:
    first = "one two three four five six seven eight nine ten"
    tail = "seven more words to read after it"
    assert lengths(f"{first} {tail}.") == [17]
    # "including" and the seven words after it: ten in full, eight at half
    assert lengths(f"{first}, including {tail}.") == [14]
    assert lengths(f"{first}, for example {tail}.") == [14]  # the same as an example
    it = "uno due tre quattro cinque sei sette otto nove dieci, in particolare altre sei parole qui"
    assert lengths(f"{it}.", "it") == [13]  # ten, then six at half
    assert lengths(f"{first}, rather than {tail}.") == [14]  # a contrast: ten, nine at half
    it_contrast = (
        "uno due tre quattro cinque sei sette otto nove dieci, anziché altre sei parole qui"
    )
    assert lengths(f"{it_contrast}.", "it") == [12]  # ten, five at half (12.5 rounds to even)


def test_a_run_of_words_without_a_function_word_reads_as_one_unit() -> None:
    prose = "I am selling this jacket because it no longer fits me"
    tags = "vintage denim jacket blue oversized retro streetwear grunge skater y2k classic"
    assert lengths(f"{prose}.") == [11]
    # twelve tags with no function word between them: one unit of three words
    assert lengths(f"{prose}, {tags} unisex.") == [11 + 3]
    # eleven content words in a row are still prose ("a run" starts at twelve)
    assert lengths(f"{prose}, {tags}.") == [11 + 11]
