"""Words in capitals that reference writing names things with: headings, section names, lists of
constants and the placeholders a help text talks about.

Documentation, release notes and help texts write in capitals what they name, not what they
stress:

- a plain-text heading, which reStructuredText and setext underline with a row of ``=`` or ``-``
  ("NEW in 0.7.3:" over "=============="), and a section name cited in the prose ("see
  EXTENSIONS above", where EXTENSIONS stands alone on a line of its own);
- the items of a list of three names or more in capitals ("DEBUG, INFO, WARNING, ERROR and
  CRITICAL", "un ciclo FOR, WHILE o UNTIL"): constants, levels, keywords; and two such names
  that are the subject of a verb ("if neither VISUAL nor EDITOR is set");
- the placeholders (metavariables) a help text or a docstring speaks of as nouns, after an
  article or a preposition and before a function word or punctuation ("il COMANDO è
  rieseguito", "in TARGET, which", "ogni NOMEUTENTE o"), or after the noun that says what they
  are ("il parametro DOMINIOTESTO", "the optional argument WORD"). One such noun is no
  evidence ("the REST is free" shouts a pun); a text that names two or more different things so
  is in that register, and its placeholders are names wherever they recur;
- an acronym the text defines: "Open Archival Information System (OAIS)", "OAIS (Open ...)";
- the name of a file: a conventional one (README, CONTRIBUTING), one with its extension
  ("TRAINING.md") or one next to the word "file" ("the VISION file", "il file AUTORI").

Emphasis stays shouting: "is NOT", "will REQUIRE meson", "The ONLY character" stand as verbs,
adverbs and adjectives, not as nouns after a determiner, and sales words are never excused here
except on a heading.
"""

from __future__ import annotations

import re

Token = tuple[int, int, str]

# A row of one underline character under (or over) a heading line, as reStructuredText and
# setext write it.
_UNDERLINE = re.compile(r"[ \t]*([=\-~^*#+])\1{2,}[ \t]*$")
# A line that is a name in capitals and nothing else (a section title): "EXTENSIONS", "BUGS:".
_TITLE_LINE = re.compile(
    r"^[ \t]*(?:[#*]+[ \t]*)?([^\W\d_a-zß-öø-ÿ]{3,})[ \t]*:?[ \t]*$", re.MULTILINE
)

# Articles, demonstratives, quantifiers and prepositions: the word before a noun.
DETERMINERS = {
    "en": frozenset(
        """the a an this that these those each every any no of in into to for from with by on
        at as""".split()
    ),
    "it": frozenset(
        """il lo la i gli le un uno una del dello della dei degli delle al allo alla
        ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo
        sulla sui sugli sulle col di a da in con su per tra fra ogni ciascun ciascuno ciascuna
        qualsiasi qualunque questo questa questi queste""".split()
    ),
}
# Nouns that say what the placeholder after them is: "il parametro NOME", "the variable PATH".
_NAMING_NOUN = re.compile(
    r"(?:\b(?:argument|arguments|parameter|parameters|variable|variables|option|options|field|"
    r"fields|key|keys|flag|flags|keyword|keywords|command|commands|argomento|argomenti|"
    r"parametro|parametri|variabile|variabili|opzione|opzioni|campo|campi|chiave|chiavi|"
    r"comando|comandi|indice)(?:[ \t]+(?:optional|opzionale|opzionali|facoltativo|"
    r"facoltativa))?|\boptional[ \t]+(?:argument|parameter))[ \t]+\Z",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([\w'’]+)[ \t]*\Z")
_AFTER = re.compile(r"[ \t]*(?:([,.;:)\]]|$)|([\w'’]+))", re.MULTILINE)
# A list of names: items in capitals joined by commas, "and", "or", "nor" (Italian "e", "o", "né").
_LIST_JOIN = re.compile(
    r"[ \t]*,[ \t\n]*(?:(?:and|or|nor|e|o|né)[ \t]+)?|[ \t\n]+(?:and|or|nor|e|o|né)[ \t]+"
)
MIN_LIST = 3  # items: two words in capitals joined by "or" may be two shouted words
MIN_NOUNS = 2  # different placeholders used as nouns: the text names things in capitals


def on_heading(text: str, start: int) -> bool:
    """The token's line is a plain-text heading: the next line (or the one before) underlines it."""
    line_end = text.find("\n", start)
    if line_end >= 0:
        next_end = text.find("\n", line_end + 1)
        if _UNDERLINE.match(text, line_end + 1, len(text) if next_end < 0 else next_end):
            return True
    line_start = text.rfind("\n", 0, start)
    if line_start > 0:
        prev_start = text.rfind("\n", 0, line_start) + 1
        return bool(_UNDERLINE.match(text, prev_start, line_start))
    return False


def section_names(text: str) -> frozenset[str]:
    """Names in capitals that stand alone on a line of their own: the document's section titles."""
    return frozenset(m.group(1) for m in _TITLE_LINE.finditer(text))


def listed(
    text: str, caps: list[Token], ordinary: frozenset[str], language: str = "en"
) -> set[int]:
    """Starts of the tokens that are items of a list of names in capitals: MIN_LIST or more with
    a comma between two of them, or two that are the subject of a verb ("SECONDS and RANDOM
    may now be assigned", "ORIGINE e DEST sono"); no ordinary or sales word among them ("FAST,
    EASY, FREE" is a slogan, "text TONE or FLAG" two shouted words)."""
    out: set[int] = set()
    chain = [0] if caps else []
    for k in range(1, len(caps) + 1):
        if k < len(caps) and _LIST_JOIN.fullmatch(text, caps[k - 1][1], caps[k][0]):
            chain.append(k)
            continue
        if not any(caps[i][2].lower() in ordinary for i in chain) and (
            (
                len(chain) >= MIN_LIST
                and any("," in text[caps[i - 1][1] : caps[i][0]] for i in chain[1:])
            )
            or (len(chain) == 2 and _subject_of(text, caps[chain[-1]][1], language))
        ):
            out.update(caps[i][0] for i in chain)
        chain = [k]
    return out


# Auxiliaries and copulas: two names joined by "and" before one of them are its subject.
AUXILIARIES = {
    "en": frozenset("is are was were may can must will should shall does do has have".split()),
    "it": frozenset(
        "è sono era erano può possono deve devono viene vengono ha hanno sarà saranno".split()
    ),
}
_NEXT_WORD = re.compile(r"[ \t]+([\w'’]+)")


def _subject_of(text: str, end: int, language: str) -> bool:
    """An auxiliary or a copula, in lower case, follows."""
    m = _NEXT_WORD.match(text, end)
    return bool(m and m.group(1) in AUXILIARIES.get(language, AUXILIARIES["en"]))


def _noun_position(text: str, start: int, end: int, language: str, ordinary: frozenset[str]) -> int:
    """2 after a noun naming the token, or after an article or a preposition and before a
    function word or punctuation: the token is a noun, the name of something; 1 after an article
    or a preposition only (a noun, or an adjective before one); 0 otherwise."""
    before = text[max(0, start - 40) : start]
    if _NAMING_NOUN.search(before):
        return 2
    m = _WORD_BEFORE.search(before)
    word = m.group(1) if m else ""
    # a determiner in capitals is part of a shout ("I KNOW YOU MAY NOT WANT TO READ THIS")
    if word.isupper() or word.lower() not in DETERMINERS.get(language, DETERMINERS["en"]):
        return 0
    after = _AFTER.match(text, end)
    if after and (after.group(1) is not None or (after.group(2) or "").lower() in ordinary):
        return 2
    return 1


def placeholder_nouns(
    text: str, caps: list[Token], language: str, ordinary: frozenset[str], sales: frozenset[str]
) -> set[str]:
    """Tokens the text speaks of as nouns (``_noun_position``), when it names MIN_NOUNS or more
    different ones plainly so; then a token after an article is one of its names too ("i COMANDI
    vengono eseguiti"). None otherwise."""
    position: dict[str, int] = {}
    for start, end, token in caps:
        if token.lower() not in sales:
            found = _noun_position(text, start, end, language, ordinary)
            position[token] = max(found, position.get(token, 0))
    if sum(1 for p in position.values() if p == 2) < MIN_NOUNS:
        return set()
    return {token for token, p in position.items() if p}


_DEFINED_AFTER = re.compile(r"\s*\(")


def defined(text: str, caps: list[Token]) -> set[str]:
    """Tokens the post defines: "(OAIS)" after its expansion, or "OAIS (" before it."""
    found = set()
    for start, end, token in caps:
        if start and text[start - 1] == "(" and text[end : end + 1] == ")":
            found.add(token)
        elif _DEFINED_AFTER.match(text, end):
            found.add(token)
    return found


# Conventional names of files in capitals (GitHub's community health files and GNU's standard
# files): "add a CONTRIBUTING file", "see the README".
FILE_NAMES = frozenset(
    """README LICENSE LICENCE CONTRIBUTING CONTRIBUTORS AUTHORS CHANGELOG CHANGES NEWS NOTICE
    COPYING INSTALL SECURITY SUPPORT GOVERNANCE MAINTAINERS OWNERS CODEOWNERS FUNDING TODO FIXME
    HISTORY VERSION MANIFEST""".split()
)
# The extension of a text or source file after the token: "TRAINING.md", "NOTES.txt" (a list, as
# "AGAIN.call me" in a text message is a missing space, not a file).
_EXTENSION_AFTER = re.compile(
    r"\.(?:md|markdown|txt|rst|adoc|html?|pdf|csv|json|ya?ml|toml|ini|cfg|conf|xml|py|sh|c|h|"
    r"in|mk|log|pot?)\b"
)
_FILE_WORDS = frozenset("file files filename directory folder cartella".split())


_WORDS_BEFORE = re.compile(r"(?:[\w'’-]+\W+){0,3}\Z")
_WORD_AFTER = re.compile(r"\W{1,3}([\w'’-]+)")
# Each of _FILE_WORDS holds one of these: where none is written, no word near a token is one.
_FILE_HINT = re.compile(r"file|directory|folder|cartella", re.IGNORECASE)


def file_name(text: str, start: int, end: int, token: str) -> bool:
    """A conventional file name, or a token next to the word "file" ("the VISION file", "a file
    called ROADMAP", "il file AUTORI")."""
    if token in FILE_NAMES or _EXTENSION_AFTER.match(text, end):
        return True
    after = _WORD_AFTER.match(text, end)
    near = [after.group(1).lower()] if after else []
    if _FILE_HINT.search(text, max(0, start - 60), start):  # _WORDS_BEFORE scans back slowly
        before = _WORDS_BEFORE.search(text, max(0, start - 60), start)
        near += (before.group() if before else "").lower().split()
    return any(w.strip(".,:;()[]*'\"") in _FILE_WORDS for w in near)
