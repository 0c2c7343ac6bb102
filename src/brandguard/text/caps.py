"""Which words in capitals are shouting, and which are acronyms, names or normative keywords.

One place for the judgement that the ``caps_words``/``caps_ratio`` measures (PSH018, PSH114, the
``caps_words`` guideline) and the ``caps_emphasis`` measure (PSH017, PSH113) share.

Shouting is ordinary words in capitals: a sales word ("FREE", "NOW"), a run of words that holds
an ordinary word ("BUY NOW AND SAVE BIG", "LAST CHANCE TO GRAB"), or a lone word of five letters
or more that reads as a word ("SAVINGS"). Not shouting:

- tokens with digits, dots or ampersands (GOV.UK, B2B, AT&T, MP3);
- RFC 2119 / BCP 14 keywords in a specification or guideline (MUST, SHOULD NOT, MAY; Italian
  DEVE, NON DEVONO, DOVREBBE, PUÒ, as AgID guidelines write them);
- lone tokens under five letters: typical acronyms (USCIS, CGN, OAIS), and lone function words
  raised for emphasis ("do NOT", "THAT one"), which is not selling;
- acronyms the post defines ("Open Archival Information System (OAIS)", "OAIS (Open ...)");
- a token that recurs (3 times or more): a name the text is about;
- a lone token right after a capitalised word that does not open the sentence ("Direttiva
  INSPIRE", "Windows NT"): part of a name;
- an HTTP method near a word of the web ("a GET request", "HTTP GET and POST") and a token
  followed by the technical noun it names ("the REST API", "the POWER architecture");
- the label of a button after the verb that presses it ("click SEND", "cliccando su INVIA");
- an item of a list of names ("ARMv7, MIPS, and POWER");
- code and law (caps_code.py): literals, placeholders, identifiers on a line of code, and
  disclaimers of warranty that licences write in capitals;
- what reference writing names (caps_reference.py): plain-text headings, section names, lists
  of three names or more, placeholders spoken of as nouns, file names;
- in English, a token that is not read as a dictionary word (CMU Pronouncing Dictionary):
  CAPTCHA, OAUTH, KUBERNETES are not in it; FBI, USB are, but spelled out letter by letter (as
  many syllables as letters), while MUSIC, STORE, SAVINGS have fewer syllables than letters.

"Ordinary words" are the language's stop words (spaCy's lists) and a few sales words per
language (cited from the pushy packs' own lists).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, cached_property

from .caps_code import CodeOrLaw, http_method, placeholders, technical
from .caps_reference import defined, file_name, listed, on_heading, placeholder_nouns, section_names
from .function_words import stop_words

Span = tuple[int, int]

# A token with no lower-case ASCII or Latin-1 letter (digits, dots, '&', '-', '_' allowed inside).
# The look-behind on what precedes the token follows its first character, so that re's scan
# skips to a possible first character instead of trying the look-behind everywhere.
CAPS_TOKEN_RE = re.compile(
    r"[^\W_a-zß-öø-ÿ](?<![\w'’#@&.][^\W_a-zß-öø-ÿ])(?:[^\Wa-zß-öø-ÿ]|[.&'’-])*(?<![.&'’-])(?![\w'’])"
)
CAPS_HINT = re.compile(r"[^\W\d_a-zß-öø-ÿ]{2}")
_UPPER_LETTERS = re.compile(r"[^\W\d_]")
SHORT = 5  # letters: a lone token shorter than this is an acronym unless it is a sales word

KNOWN_ACRONYMS = frozenset(
    """AI API APP ASAP ATM BBC CEO CFO CMO COO CTO CSV DIY DM DMS EU EUR FAQ FBI GBP GDPR GPS HR
    HTML HTTP HTTPS IBM ID IOS IP IT KPI LGBT LOL MBA NASA NATO NBA NFL NFT NHS NYC OK OMG PC PDF
    PM PR PS RSVP SEO SMS SQL TBA TBC TV UK UN UNESCO UPS URL USA USB USD UX UI VAT VIP VPN WHO
    WIFI XL XXL NB RAI INPS IVA SPA SRL ONU UE ISTAT UNICEF NASDAQ COVID OFCOM FIFA AWS ASEAN OPEC
    IKEA CNBC ESPN NHTSA CONSOB INAIL CODACONS ANCI AGCOM AGCM FIAT ENAC AGID PNRR""".split()
)
# RFC 2119 / RFC 8174 keywords, and the Italian forms AgID and UNI guidelines use for them.
NORMATIVE = frozenset(
    """MUST SHALL SHOULD MAY REQUIRED RECOMMENDED OPTIONAL
    DEVE DEVONO DOVREBBE DOVREBBERO PUÒ POSSONO OBBLIGATORIO OBBLIGATORIA RACCOMANDATO
    RACCOMANDATA CONSIGLIATO CONSIGLIATA OPZIONALE FACOLTATIVO FACOLTATIVA""".split()
)
NEGATIONS = frozenset({"NOT", "NON"})  # "MUST NOT", "NON DEVE": normative next to a keyword
# Adverbs that grade a keyword: "HIGHLY RECOMMENDED", "STRONGLY RECOMMENDED", "FORTEMENTE
# RACCOMANDATO" are one normative phrase.
GRADES = NEGATIONS | {"HIGHLY", "STRONGLY", "FORTEMENTE", "VIVAMENTE"}
# Short ordinary words that sales copy shouts and the stop-word lists lack.
SALES_WORDS = {
    "en": frozenset(
        """free win won wins call txt text cash sale sales deal deals buy hot new best save act
        join click stop reply prize claim bonus offer today big huge wow fast easy now only you
        your get last off urgent winner""".split()
    ),
    "it": frozenset(
        """gratis gratuito gratuita gratuiti gratuite vinci sconto sconti saldi offerta offerte
        top zero nuovo nuova nuovi subito ora oggi solo prezzo premio imperdibile esclusivo
        esclusiva affrettati""".split()
    ),
}


@cache
def ordinary_words(language: str) -> frozenset[str]:
    """Lower-case words that are ordinary in ``language``: stop words and sales words."""
    return stop_words(language) | SALES_WORDS.get(language, SALES_WORDS["en"])


@cache
def _familiar_words() -> frozenset[str]:
    """Dale-Chall's familiar words (about 2,950), from textstat's resources."""
    from importlib import resources

    try:
        text = (
            resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    return frozenset(text.split())


@cache
def _has_dictionary() -> bool:
    from .syllables import _cmudict_file

    return _cmudict_file() is not None


def _dictionary_word(word: str, language: str, letters: int) -> bool | None:
    """Whether a word in capitals reads as a common word: in English, a CMU entry with fewer
    syllables than letters (not spelled out like "F-B-I"); None where no dictionary is at hand."""
    if language != "en":
        return None
    from .syllables import dictionary_syllables

    if not _has_dictionary():
        return None
    low = word.lower()
    syllables = dictionary_syllables(low)
    if syllables is not None:
        return syllables < letters
    return _compound(low)


def _compound(low: str) -> bool:
    """Two dictionary words run together ("FREEPHONE", "TEXTBUDDY"): a made-up sales word, not an
    acronym such as CAPTCHA."""
    from .syllables import dictionary_syllables

    sales = SALES_WORDS["en"]

    def part(piece: str) -> bool:
        return piece in sales or (len(piece) >= 4 and bool(dictionary_syllables(piece)))

    # Configuration names run words together too (MAKEFLAGS, GROUPHOMES, COLORTERM): a compound
    # reads as sales copy only when one of its parts is a sales word.
    return any(
        part(low[:cut]) and part(low[cut:]) and (low[:cut] in sales or low[cut:] in sales)
        for cut in range(3, len(low) - 2)
    )


def _is_caps(token: str) -> bool:
    if token.isascii() and (token.isalpha() or token.isdigit()):  # CAPS_TOKEN_RE has no a-z
        return token.isalpha() and len(token) >= 2
    letters = _UPPER_LETTERS.findall(token)
    return len(letters) >= 2 and all(c.isupper() for c in letters)


Token = tuple[int, int, str]


def _caps_tokens(text: str) -> list[Token]:
    """Tokens with no lower-case letter and at least two capitals, found by one regex."""
    return [
        (m.start(), m.end(), m.group()) for m in CAPS_TOKEN_RE.finditer(text) if _is_caps(m.group())
    ]


def shouted(text: str, language: str = "en", code: str = "") -> list[Span]:
    """Spans of the words in capitals that are shouting (see the module docstring); ``code`` is
    the post's code, whose identifiers ("GET /posts") are not shouted in the prose either."""
    if not CAPS_HINT.search(text):
        return []
    caps = _caps_tokens(text)
    if not caps:
        return []
    post = _Post(text, caps, language, code)
    out: list[Span] = []
    for run in _runs(text, caps):
        words = [t for k, t in enumerate(run) if not _exempt(run, k)]
        loud = len(words) > 1 and any(t[2].lower() in post.ordinary for t in words)
        for start, end, token in words:
            sales = token.lower() in post.sales
            if (
                _sales_word(post, end)
                if sales
                else _loud_word(post, words, loud, start, end, token)
            ) and not _excused(post, words, start, end, token, sales):
                out.append((start, end))
    return out


class _Post:
    """What ``shouted`` reads of the whole post, each part computed when a token first needs
    it: most tokens are settled by a set lookup and never need the costly ones."""

    def __init__(self, text: str, caps: list[Token], language: str, code: str) -> None:
        self.text, self.caps, self.language, self.code = text, caps, language, code
        self.ordinary = ordinary_words(language)
        self.sales = SALES_WORDS.get(language, SALES_WORDS["en"])
        self.counts = Counter(t for _, _, t in caps)

    @cached_property
    def defined(self) -> set[str]:
        return defined(self.text, self.caps)

    @cached_property
    def known(self) -> set[str]:
        """Placeholders: shown in a code position, or spoken of as nouns."""
        nouns = placeholder_nouns(self.text, self.caps, self.language, self.ordinary, self.sales)
        return placeholders(self.text, self.caps) | nouns

    @cached_property
    def items(self) -> set[int]:
        return listed(self.text, self.caps, self.ordinary, self.language)

    @cached_property
    def sections(self) -> frozenset[str]:
        return section_names(self.text)

    @cached_property
    def code_or_law(self) -> CodeOrLaw:
        return CodeOrLaw(self.text)

    @cached_property
    def technical(self) -> bool:
        return technical(self.text, self.code)


def _sales_word(post: _Post, end: int) -> bool:
    """A sales word shouts, unless it names a technical thing ("binary TXT records")."""
    return not (_TECH_NOUN.match(post.text, end) and post.technical)


def _loud_word(
    post: _Post, words: list[Token], loud: bool, start: int, end: int, token: str
) -> bool:
    """Whether a token that is no sales word shouts, the cheapest tests first (all must hold)."""
    text = post.text
    if token in KNOWN_ACRONYMS or post.counts[token] >= 3:
        return False
    if loud:  # a run of ordinary words in capitals: "LAST CHANCE TO GRAB"
        if len(token) < 3:  # "TO", "ON" make a run loud but are not counted
            return False
    elif token.lower() in post.ordinary:  # "do NOT", "THAT one": emphasis, but not selling
        return False
    elif len(words) == 1 and _after_name_word(text, start):
        return False
    elif not _long_word(token, post.language):
        return False
    return not (
        token in post.defined
        or start in post.items  # "DEBUG, INFO, WARNING and CRITICAL": a list of names
        or token in post.sections  # "see EXTENSIONS above": the name of a section of the text
        or _named_thing(text, start, end)
        or (post.code and token in post.code)
        or file_name(text, start, end, token)
        or post.technical  # technical writing names things in capitals
    )


def _excused(
    post: _Post, words: list[Token], start: int, end: int, token: str, sales: bool
) -> bool:
    """An HTTP method among names, a heading, code or law: no shout, sales word or not."""
    text = post.text
    return (
        http_method(text, start, end, token, post.counts, words, post.ordinary)
        or on_heading(text, start)  # "NEW in 0.7.3:" over a row of "=": a heading
        or post.code_or_law(start, end, token, sales)
        or token in post.known
    )


def _exempt(run: list[Token], k: int) -> bool:
    """A normative keyword (or its negation or grade), or a token with digits, dots or '&'."""
    token = run[k][2]
    if token in NORMATIVE:
        return True
    if token in GRADES:
        return any(t[2] in NORMATIVE for t in run[max(k - 1, 0) : k + 2])
    if "_" in token or any(c in token for c in ".&") or any(c.isdigit() for c in token):
        return True  # an identifier or a code: CODE_OF_CONDUCT, GOV.UK, AT&T, MP3
    parts = token.split("-")
    return len(parts) > 1 and all(len(p) <= 4 for p in parts)  # CC-BY-SA, DCAT-AP


_ITALIAN_ENDINGS = tuple("AEIOUÀÈÉÌÒÙ")


def _long_word(token: str, language: str) -> bool:
    """A lone token that reads as a word: in English a dictionary word (or two run together) of
    four letters or more; in Italian, with no dictionary at hand, a token of SHORT letters or
    more that ends in a vowel, as Italian words do (SCONTI, SUBITO) and acronyms and borrowed
    identifiers mostly do not (CONSOB, SPARQL, CAPEX); elsewhere any of SHORT letters or more."""
    letters = len(_UPPER_LETTERS.findall(token))
    if language == "it":
        return letters >= SHORT and token.endswith(_ITALIAN_ENDINGS)
    word = _dictionary_word(token, language, letters)
    if word is None:
        return letters >= SHORT
    # The CMU dictionary also lists names and jargon (NIST, MIPS, AZTEC, FOSS): a short token
    # reads as an ordinary word only when it is a familiar one (Dale-Chall's list of words
    # known to most fourth-graders, as textstat ships it).
    return word and letters >= 4 and (letters >= 6 or token.lower() in _familiar_words())


_LIGHT = " ,:;/&-–"

# A noun that makes the token in capitals before it a technical name: "REST API", "POWER
# architecture", "the PATH environment variable", "SOCKS proxy".
_TECH_NOUN = re.compile(
    r"[ \t]+(?:apis?|requests?|methods?|endpoints?|interfaces?|architectures?|handlers?|routes?|"
    r"verbs?|headers?|protocols?|instruction\s+set|principles|constraints|processors?|cpus?|"
    r"(?:environment[ \t]+)?variables?|records?|prox(?:y|ies)|newsgroups?)\b",
    re.IGNORECASE,
)
# The verb that presses a button: the token after it is the button's label ("click SEND",
# "premi INVIA", "cliccando su ACCETTA").
_PRESS_BEFORE = re.compile(
    r"\b(?:click(?:ing|ed)?|tap(?:ping|ped)?|press(?:ing|ed)?|select(?:ing)?|choose|hit|"
    r"clicc(?:a|are|ando|ate)|prem(?:i|ere|endo|ete)|tocc(?:a|are|ando)|selezion(?:a|are|ando))"
    r"(?:[ \t]+(?:on|the|su|sul|sulla|sull[’']|il|la|pulsante|tasto|bottone|button|voce))*"
    r"[ \t]+[\"“«']?\Z",
    re.IGNORECASE,
)


# The item before it in a list of names, a name, a code or a known acronym, not another word in
# capitals: "ARMv7, MIPS, z/Architecture, and POWER" (but "text TONE or FLAG" shouts both).
# A known acronym is a name too: "HTTP and SOCKS".
_NAME_ITEM_BEFORE = re.compile(
    r"(?:[A-Z](?=[\w/.+-]*[a-z\d])[\w/.+-]*|\w*\d\w*|(?<![\w-])(?:"
    + "|".join(sorted(KNOWN_ACRONYMS))
    + r"))(?:,?[ \t]+(?:and|or|e|o)|[ \t]*,)[ \t]+\Z"
)


def _named_thing(text: str, start: int, end: int) -> bool:
    """A technical name ("REST API"), the label of a button ("click SEND"), or an item of a list
    of names ("MIPS, z/Architecture, and POWER")."""
    before = max(0, start - 40)
    return bool(
        _TECH_NOUN.match(text, end)
        or _PRESS_BEFORE.search(text, before, start)
        or _NAME_ITEM_BEFORE.search(text, before, start)
    )


def _runs(text: str, caps: list[Token]) -> list[list[Token]]:
    """Consecutive tokens in capitals, separated by blanks or light punctuation on one line."""
    runs: list[list[Token]] = []
    for token in caps:
        if runs:
            gap = text[runs[-1][-1][1] : token[0]]
            if "\n" not in gap and not gap.strip(_LIGHT):
                runs[-1].append(token)
                continue
        runs.append([token])
    return runs


_NAME_WORD_BEFORE = re.compile(r"([^\s.!?:…]?)[ \t]*([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][\w'’-]*)[ \t]+\Z")


def _after_name_word(text: str, start: int) -> bool:
    """The token follows a capitalised word on the same line that does not open the sentence."""
    m = _NAME_WORD_BEFORE.search(text, max(0, start - 60), start)
    return bool(m and m.group(1))


def emphasis(text: str, words: list[Span]) -> list[tuple[Span, int]]:
    """Runs of the shouted ``words`` with a lower-case word right before or after them on the
    same line: (span, words). A line wholly in capitals is loud throughout (the caps_words
    measures count it); here it is the word raised inside normal text ("Huge SAVINGS today")."""
    if not words:
        return []
    runs = [[words[0]]]
    for span in words[1:]:
        gap = text[runs[-1][-1][1] : span[0]]
        if "\n" not in gap and not gap.strip(_LIGHT):
            runs[-1].append(span)
        else:
            runs.append([span])
    out: list[tuple[Span, int]] = []
    for run in runs:
        start, end = run[0][0], run[-1][1]
        line_start = text.rfind("\n", 0, start) + 1
        if _LOWER_BEFORE.search(text, line_start, start) or _LOWER_AFTER.match(text, end):
            out.append(((start, end), len(run)))
    return out


# The word next to a run, on the same line, is written in lower case (light punctuation between):
# a plain or capitalised word before it ("Please CALL", "Nokia FREE"), a lower-case word after
# it ("FREE ringtone"), never a name with inner
# capitals ("iOS", "macOS"): "FUNZIONALITÀ RIVOLUZIONARIE iOS" is a heading.
_LOWER_BEFORE = re.compile(
    r"(?<![\w'’-])\d*[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ][a-zß-öø-ÿ\d'’-]*[,:;!?.]?[ \t]{1,2}\Z"
)
_LOWER_AFTER = re.compile(r"[ \t]{0,2}[,:;!.?]?[ \t]{0,2}[a-zß-öø-ÿ][a-zß-öø-ÿ\d'’-]*(?![\w])")
