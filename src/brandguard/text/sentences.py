"""Where sentences end, read from the text: one splitter for measures and for the spaCy pipeline.

The rule is spaCy's Sentencizer rule (a run of terminal marks, then optional closing quotes or
brackets, then white space) plus line breaks that separate blocks: a blank line always, a single
line break unless the next line goes on in lower case. Posts rarely end every line with a full
stop, and headings, list items and hashtag lines are not part of the sentence above them.
Working on the text with one regex costs a fraction of walking spaCy tokens in Python.

A full stop after a known abbreviation ends nothing: after a title ("Dr. Rossi", "dott. Bianchi")
never, after other abbreviations ("e.g. the", "art. 5", "lett. c)", "S.p.A. ha") when the next
word starts in lower case, with a digit or a bracket. Each language has its list; an unknown
language uses the abbreviations the two share. Initials ("D. M. 12", "J. K. Doe") end nothing
inside a run of initials, and a full stop with the space forgotten ("online.Domani") still ends one.

How long a sentence reads (``reading_length``, the ``sentence_words`` metric) is not its raw word
count: clauses after a semicolon, colon, dash or a restating "i.e."/"ad esempio"/"including" weigh
half; a link's text, a quotation, a legal citation or a list of short items reads as one unit, a
proper name as one word, and the items of an inline list of long parallel items ("o se ..., o se
...") each start afresh, as clauses after a semicolon do (``series.py`` finds lists and series). A
bold label that opens a paragraph ("**Why it matters** The form ...") is a run-in heading, not part
of the sentence after it (``run_in_labels``), and each row of a table or a list in columns is an
item of its own (``layout.py``). A "sentence" with hardly any function words is not prose but a
list of names, commands or identifiers run together ("arch b2sum base32 basename cat ...",
"libaudit (optional) libacl (optional) ..."): it reads as one unit (``is_prose``), and so does
a stretch of a dozen words without one inside a sentence (``name_runs``: a listing's tags).

"""

from __future__ import annotations

import re

from .function_words import stop_words
from .series import ITEM_WORD, list_spans, parallel_breaks, series_spans

SENTENCE_END = re.compile(
    # Every alternative starts at one of these characters; saying so first lets the scan skip the
    # others at the cost of one class test (3x faster over real posts than trying each branch).
    r"(?=[.!?…‼⁇⁈⁉。؟।\n])(?:"
    r"[.!?…‼⁇⁈⁉。؟।]+[\"'”’)\]»*_]*(?=\s|\Z)"  # terminal marks, closing quotes, then a space
    r"|(?<=[a-zß-öø-ÿ)\]”’\"*_ ])\.(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])"  # a space forgotten: "fine.Poi"
    r"|\n[ \t]*\n\s*"  # a blank line
    r"|\n(?![ \t]*[a-zß-öø-ÿ])"  # a line break before a line that does not go on in lower case
    r")"
)


# Abbreviations followed by a name: their full stop never ends a sentence.
TITLES = {
    "en": frozenset("mr mrs ms mx dr prof st jr sr rev gen col capt lt sgt hon".split()),
    "it": frozenset(
        "sig sigg sig.ra sig.na dott dott.ssa dr prof prof.ssa avv ing geom arch rag on mons "
        "gen col magg ten cav comm egr gent spett".split()
    ),
}
# Abbreviations whose full stop ends a sentence only before a capitalised word.
ABBREVIATIONS = {
    "en": frozenset(
        "e.g i.e etc vs cf al fig figs no nos vol vols pp p ch sec approx dept est inc ltd co "
        "corp u.s u.k a.m p.m ca ed eds jan feb mar apr jun jul aug sep sept oct nov dec".split()
    ),
    "it": frozenset(
        "n nn art artt pag pagg p pp lett ecc cfr es p.es vol voll cap capp sez co comma par "
        "all ss segg fig tab ca cit op d.lgs d.l d.p.r l s.p.a s.r.l s.n.c s.a.s spa srl "
        "ecc.ecc tel fax int sc rif prot ca max min c.d cd c.c d.m d.d d.p.c.m reg v vd".split()
    ),
}
_SHARED = frozenset("e.g i.e etc vs cf fig no vol pp p ca co".split())
# Any dotted abbreviation, listed or not: short segments joined by full stops ("PP.AA", "ss.mm.ii",
# "AA.VV", "p.v"; Italian doubles the letters of a plural). Like the listed ones, it ends nothing
# before a lower-case word ("le PP.AA. coinvolte").
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_CONTINUES = re.compile(r"\s*[a-zß-öø-ÿ0-9(\[\"“«‘]")
# A capital letter alone is an initial: its full stop ends nothing inside a run of initials.
_INITIAL = re.compile(r"(?:^|(?<=[\s(]))[A-ZÀ-ÖØ-Þ]\Z")
_NEXT_INITIAL = re.compile(r"[ \t]*[A-ZÀ-ÖØ-Þ]\.")
_PREV_INITIAL = re.compile(r"(?:^|(?<=[\s(]))[A-ZÀ-ÖØ-Þ]\.[ \t]*\Z")


def _abbreviation(text: str, stop: int, end: int, language: str) -> bool:
    """The full stop at ``stop`` closes an abbreviation and the sentence goes on after ``end``."""
    if stop == 0 or not text[stop - 1].isalpha():
        return False
    initial = stop == 1 or not text[stop - 2].isalpha()  # a letter alone; _INITIAL says if so
    if initial and _INITIAL.search(text, max(0, stop - 2), stop):  # "D. M. 12", "J. R. R. Tolkien"
        return bool(_CONTINUES.match(text, end) or _NEXT_INITIAL.match(text, end)) or bool(
            _PREV_INITIAL.search(text, max(0, stop - 5), stop - 1)
        )
    piece = text[max(0, stop - 12) : stop].rsplit(None, 1)[-1]
    low = piece.lstrip('("“‘[«*_').lower().rsplit("'", 1)[-1].rsplit("’", 1)[-1]  # l'art.
    titles = TITLES.get(language, frozenset())
    listed = ABBREVIATIONS.get(language, _SHARED)
    if low in titles:
        return "\n" not in text[end : end + 2]
    known = low in listed or bool(_DOTTED.fullmatch(low))
    return known and bool(_CONTINUES.match(text, end)) and text[end : end + 1] != "\n"


def sentence_spans(text: str, language: str = "") -> list[tuple[int, int]]:
    """(start, end) of each sentence, white space at either end trimmed; empty ones dropped."""
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.group() == "." and _abbreviation(text, match.start(), match.end(), language):
            continue
        _append(spans, text, start, match.end())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


# A run-in heading: a bold label that opens a paragraph, the sentence going on after it on the
# same line ("**Why it matters** The new form ..."). The label is a heading, not the sentence's
# subject; a label ending in punctuation ("**Note:**") already parts from what follows.
RUN_IN_LABEL = re.compile(
    r"^[ \t]*(\*\*|__)([^\n*_]{1,80}?[^\s.!?:;,*_])\1[ \t]+(?=[^\W\d_])", re.MULTILINE
)
LABEL_MAX_WORDS = 8


def run_in_labels(source: str) -> list[int]:
    """Where each run-in bold label of ``source`` ends (after its closing marks)."""
    if "**" not in source and "__" not in source:
        return []
    return [
        m.end(2) + len(m.group(1))
        for m in RUN_IN_LABEL.finditer(source)
        if len(m.group(2).split()) <= LABEL_MAX_WORDS
    ]


def split_at(spans: list[tuple[int, int]], text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """``spans`` with each one that holds a cut split there (white space trimmed again)."""
    if not cuts:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for cut in cuts:
            if start < cut < end:
                _append(out, text, start, cut)
                start = cut
        _append(out, text, start, end)
    return out


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


# How long a sentence reads. A reader holds one clause at a time: after a semicolon, a colon or a
# dash the next clause starts afresh, so the longest clause counts in full and the others at half.
# A link's text, a quotation (a cited title) and a bracketed reference with a number ("(art. 2,
# comma 4)", "(PDF, 1 MB)", "(1984)") read as one unit: each counts as at most CHUNK words.
# A restatement, an example, a specification or a contrast after a comma ("..., i.e. ...", "...,
# ad esempio ...", "..., including ...", "..., in particolare ...", "..., instead of ...", "...,
# anziché ...") does what a colon does: the clause before it has closed and what follows narrows
# it or sets an alternative against it (release notes: "X now does Y, instead of Z").
CLAUSE_BREAK = re.compile(
    r"[;:](?=\s)|\s[–—-]{1,2}\s|—|,(?=\s+(?:i\.\s?e\.|e\.\s?g\.|cioè|ovvero|ossia|vale a dire|"
    r"ad esempio|per esempio|that is|for example|for instance|such as|namely|in particolare|"
    r"in particular|including|especially|particularly|notably|soprattutto|compres[aeio]|"
    r"inclus[aeio]|instead of|rather than|unlike|invece di|invece che|anziché|piuttosto che|"
    r"a differenza d\w*)[\s,])",
    re.IGNORECASE,
)
REFERENCE_RE = re.compile(r"\([^()\n]{0,60}?\d[^()\n]{0,60}?\)")
# A cross-reference in brackets points elsewhere ("(see below)", "(vedi la Figura 3)", "(cfr. il
# manuale, in particolare la sezione ...)"): a reader skips it, however long, as one unit.
XREF_RE = re.compile(
    r"\((?:cfr|cf|see|vedi|v|si vedano|si veda|rif)\.?\s(?:[^()]|\([^()]{0,80}\)){0,400}?\)",
    re.IGNORECASE,
)
# A legal or document citation ("art. 69, comma 1, del d.lgs 27 ottobre 2009, n. 150",
# "section 508", "Regolamento UE 2016/679") is one reference, not a run of words.
_REF = (
    r"(?:art(?:icol[oi]|t)?\.?|comm[ai]|co\.|lett(?:era|\.)|nn?\.|d\.\s?lgs\.?|d\.\s?l\.|"
    r"d\.\s?p\.\s?r\.|d\.\s?m\.|legge|l\.|decreto(?:\s+legislativo|\s+legge)?|"
    r"regolamento(?:\s+\(?ue\)?)?|direttiva(?:\s+\(?ue\)?)?|capo|allegato|par\.|"
    r"sections?|sec\.|§|paragraph|article|chapter|title)"
)
_MONTHS = (
    r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
    r"dicembre|january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
_REF_ITEM = rf"(?:{_REF}\s*)?(?:\d{{1,2}}°?\s+{_MONTHS}\s+\d{{4}}|\d[\w/-]*|[a-z]\)|[ivx]+\b)"
CITATION_RE = re.compile(
    rf"\b{_REF}\s*(?:\d{{1,2}}°?\s+{_MONTHS}\s+\d{{4}}|\d[\w/-]*)(?:\s*,?\s+(?:(?:del(?:la|lo|l['’])?|dell['’]|of|the|e|ed|and)\s+)*"
    rf"{_REF_ITEM})*",
    re.IGNORECASE,
)
CHUNK = 3
LATER_CLAUSES = 0.5


def reading_length(
    text: str,
    start: int,
    end: int,
    words: list[tuple[int, int]],
    units: list[tuple[int, int]],
    names: list[tuple[int, int]] = (),  # type: ignore[assignment]
    language: str | None = None,
) -> int:
    """Words a reader must carry through the sentence ``text[start:end]``.

    ``words`` are the sentence's word spans, ``units`` sorted disjoint spans that read as one
    unit (link texts, quotations); bracketed references and lists are found here. ``names``
    (proper names, official names) read as one word each; a word inside several spans counts
    in the widest (a name inside a quoted title is part of the title). With ``language``, a run
    of words without a function word of it reads as one unit too (``name_runs``).
    """
    refs = [
        m.span() for r in (REFERENCE_RE, XREF_RE, CITATION_RE) for m in r.finditer(text, start, end)
    ]
    runs = name_runs(text, start, end, language) if language is not None else []
    spans = sorted(
        [(s, e, CHUNK) for s, e in (*units, *refs, *list_spans(text, start, end), *runs)]
        + [(s, e, 1) for s, e in names]
        + series_spans(text, start, end)
    )
    weights = []
    seen: dict[int, int] = {}
    k = 0
    for ws, we in words:
        while k < len(spans) and spans[k][1] <= ws:
            k += 1
        inside = -1
        for i in range(k, len(spans)):
            if spans[i][0] > ws:
                break
            if we <= spans[i][1] and (inside < 0 or spans[i][1] > spans[inside][1]):
                inside = i
        if inside < 0:
            weights.append((ws, 1))
            continue
        seen[inside] = seen.get(inside, 0) + 1
        weights.append((ws, 1 if seen[inside] <= spans[inside][2] else 0))
    marks = [m.start() for m in CLAUSE_BREAK.finditer(text, start, end)]
    breaks = sorted(
        b
        for b in (*marks, *parallel_breaks(text, start, end))
        if not any(s <= b < e for s, e in units)
    )
    clauses = [0] * (len(breaks) + 1)
    b = 0
    for ws, w in weights:
        while b < len(breaks) and breaks[b] < ws:
            b += 1
        clauses[b] += w
    longest = max(clauses)
    return round(longest + LATER_CLAUSES * (sum(clauses) - longest))


# Function words are about half of the words of prose in English and Italian; a run of names,
# commands or identifiers has next to none. Below this share a long "sentence" is a list.
PROSE_MIN_SHARE = 0.2


PROSE_MIN_WORDS = 12  # a shorter sentence has too few words for the share to say anything


def is_prose(text: str, start: int, end: int, language: str) -> bool:
    """Whether ``text[start:end]`` has the function words of prose (``PROSE_MIN_SHARE``) among
    its words without digits (numbers of a citation or a date are neither kind)."""
    # a word of letters has no digit; the others are read character by character, in C
    words = [
        w
        for w in ITEM_WORD.findall(text, start, end)
        if w.isalpha() or not any(map(str.isdigit, w))
    ]
    if len(words) < PROSE_MIN_WORDS:
        return True
    common = stop_words(language)
    return sum(map(common.__contains__, map(str.lower, words))) >= PROSE_MIN_SHARE * len(words)


# A stretch of a sentence with no function word is a list run together, as a whole sentence of
# them is (``is_prose``): the tags after a listing ("vintage y2k boho crop top cami ..."),
# identifiers in a changelog entry, names in a row. Prose has a function word every few words;
# at NAME_RUN_WORDS content words in a row it is a list, and it reads as one unit.
NAME_RUN_WORDS = 12
_CONTENT_RUN = re.compile(f"c{{{NAME_RUN_WORDS},}}")


def name_runs(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Runs of at least ``NAME_RUN_WORDS`` words in ``text[start:end]`` without a function word
    of ``language`` between them."""
    words = ITEM_WORD.findall(text, start, end)
    if len(words) < NAME_RUN_WORDS:
        return []
    common = stop_words(language)
    # one letter a word, "f" for a function word: the runs are a regex away (a Python loop over
    # the words cost a fifth of reading_length)
    mask = "".join(["f" if w.lower() in common else "c" for w in words])
    runs = [m.span() for m in _CONTENT_RUN.finditer(mask)]
    if not runs:
        return []
    spans = [m.span() for m in ITEM_WORD.finditer(text, start, end)]
    return [(spans[a][0], spans[b - 1][1]) for a, b in runs]
