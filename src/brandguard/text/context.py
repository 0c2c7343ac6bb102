"""Where a post's words are not the brand's own voice: quotations and proper names.

Positions stay exact because nothing here changes the checked text: these are spans (offsets in
the checked text) that the engine reads after the checks ran. A finding that lies inside a quoted
span is dropped unless its rule says ``quotes: true``; a bland finding inside a proper name ("the
Office of Innovative Technologies") is dropped too. Masking the text instead would also hide the
words from the measures (word counts, readability), which should still see them.

Quoted spans come from two places: block quotes found while parsing (Markdown ``>`` lines, HTML
``<blockquote>``/``<q>``, kept in ``Post.quoted``) and quotation marks in prose, found here. Both
are computed once per post and only when a finding or a measure asks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

Span = tuple[int, int]

# Quotation marks in prose. Typographic pairs are unambiguous; a straight double quote opens
# after a non-word character and closes before one; single quotes are the hard case because "'"
# is also the apostrophe ("don't", "po'", "the '90s"): a single quote opens only after a blank or
# an opening bracket and before a letter, and closes only after a non-blank and before a
# non-word character, so an apostrophe inside a word never opens or closes one. None crosses a
# blank line (a paragraph break), and none is longer than a long paragraph. An opening “ may
# close with a straight " (pasted copy mixes them: “... digitale", ha detto ...).
PROSE_QUOTE_RE = re.compile(
    r'“[^”"\n]*(?:\n(?![ \t]*\n)[^”"\n]*)*?[”"]'
    r"|«[^»\n]*(?:\n(?![ \t]*\n)[^»\n]*)*?»"
    r"|„[^“”\n]{1,600}[“”]"
    r'|(?<![\w"])"(?=[^\s"])[^"\n]{0,1200}?(?<=[^\s])"(?![\w])'
    r"|(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\W\d_])[^\n]{0,300}?(?<=[^\s])['’](?![\w'’])",
    re.MULTILINE,
)
QUOTE_CHARS = frozenset("\"“«„'‘")
# A testimonial as store listings and press pages paste it: a line that opens a quotation mark
# it never closes and ends with the source after a dash ("“The best way to ... - The Daily Dot,
# 14 Oct 2015"), the attribution on the same line or the next.
TESTIMONIAL_RE = re.compile(
    r"^[ \t]*([“«\"„][^”»\"\n]{5,600}?)(?=[ \t]*\n?[ \t]*[—–-]{1,2}[ \t]*[A-ZÀ-ÖØ-Þ@][^\n]{0,80}$)",
    re.MULTILINE,
)
# A signed quotation without quotation marks: a paragraph, then a line that signs it after a dash
# with a handle or a name ("— @someone, maintainer", "– Ada Byron, CTO"), as pasted from a
# testimonial or a Markdown block quote that lost its ">". A hyphen is a list bullet, not a dash.
SIGNED_RE = re.compile(
    r"(?:^|(?<=\n\n))([^\n]{20,1200}?[.!?…”»\"])[ \t]*\n[ \t]*\n?[ \t]*[—–][ \t]*"
    r"(?:@\w+|[A-ZÀ-ÖØ-Þ][\w’'.-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w’'.-]+)+)[ \t]*(?:,[^\n]{0,80})?$",
    re.MULTILINE,
)

# Proper names inside a sentence: capitalised words (with joining function words) that do not
# open the sentence. A capital at the start of a sentence or line is no evidence of a name.
# A capitalised word (inner dots as in "U.S.", never a final one), or a brand written with an
# inner capital ("pagoPA", "iOS", "eBay"), which is a name wherever it stands.
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][\w’'&-]*(?:\.[\w’'&-]+)*|[a-zß-öø-ÿ]{1,6}[A-ZÀ-ÖØ-Þ][\w’'&-]*)"
_INNER_CAP = re.compile(r"[a-zß-öø-ÿ]{1,6}[A-ZÀ-ÖØ-Þ]")
_JOIN = {
    "en": r"of|the|and|for|on|in|de|du|van|von|&",
    "it": r"di|del|della|dello|dei|degli|delle|e|per|la|il|lo|le|gli|sul|sulla|in|d[’']|l[’']",
}
# Generic heads of Italian (and some English) official names, which capitalise only the first
# word: "Piano nazionale di ripresa e resilienza", "Fondazione per la ricerca". After such a head
# the name goes on in lower case up to punctuation or a word that starts a clause.
HEADS = frozenset(
    """Piano Fondazione Ministero Agenzia Autorità Istituto Università Dipartimento Ufficio
    Direttiva Regolamento Decreto Legge Codice Consiglio Comitato Commissione Associazione Fondo
    Programma Progetto Servizio Sistema Centro Museo Biblioteca Camera Senato Corte Tribunale
    Regione Provincia Comune Ente Osservatorio Registro Portale Strategia Carta Agenda Accordo
    Office Department Institute Ministry Agency University Foundation Council Committee Commission
    Directive Regulation Act Bureau Authority Centre Center Board Fund Programme Program Service""".split()
)
_STOP_AFTER_HEAD = frozenset(
    """che è e' sono era erano ha hanno sarà saranno può possono deve devono viene vengono
    prevede prevedono come quando dove mentre se ma perché anche non
    which that who is are was were has have had will can may must should would could
    when where while if but because also not""".split()
)
_MAX_HEAD_WORDS = 6
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")


def prose_quotes(text: str) -> list[Span]:
    """Spans of quotations in prose, quotation marks included, and signed paragraphs.

    Quotation marks around (nearly) the whole post are how it was exported (a CSV cell, a
    message pasted with its quotes), not a quotation inside it: they are left out.
    """
    size = len(text.strip())
    spans = []
    if any(c in text for c in QUOTE_CHARS):
        spans += [
            m.span() for m in PROSE_QUOTE_RE.finditer(text) if m.end() - m.start() < 0.8 * size
        ]
        spans += [
            m.span(1) for m in TESTIMONIAL_RE.finditer(text) if m.end() - m.start() < 0.8 * size
        ]
    if "—" in text or "–" in text:
        spans += [m.span(1) for m in SIGNED_RE.finditer(text) if m.end() - m.start() < 0.8 * size]
    return sorted(spans)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, overlapping spans merged."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class Spans:
    """Sorted disjoint spans with a containment test in O(log n)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[Span]) -> None:
        merged = merge(spans)
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside one span."""
        k = bisect_right(self._starts, start) - 1
        return k >= 0 and end <= self._ends[k]

    def contains(self, offset: int) -> bool:
        return self.covers(offset, offset + 1)

    def within(self, start: int, end: int) -> list[Span]:
        """The spans that overlap ``[start, end)``, clipped to it."""
        k = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while k < len(self._starts) and self._starts[k] < end:
            if self._ends[k] > start:
                out.append((max(self._starts[k], start), min(self._ends[k], end)))
            k += 1
        return out


def quoted_spans(text: str, block_quotes: Iterable[Span] = (), source: str = "") -> Spans:
    """Everything quoted in a post: its block quotes and its quotations in prose. ``source``
    (same length as ``text``) gives back the emphasis marks that masking blanked, so a quote that
    ends in emphasis ("... *sostenibile*".) still closes after a non-blank."""
    return Spans([*block_quotes, *prose_quotes(with_emphasis(text, source))])


_EMPHASIS = re.compile(r"[*_~]+")


def with_emphasis(text: str, source: str) -> str:
    """``text`` with the emphasis delimiters of ``source`` put back where masking blanked them."""
    if len(source) != len(text) or not any(c in source for c in "*_~"):
        return text
    pieces, last = [], 0
    for m in _EMPHASIS.finditer(source):
        if text[m.start() : m.end()].isspace():
            pieces += [text[last : m.start()], m.group()]
            last = m.end()
    return "".join([*pieces, text[last:]]) if pieces else text


def _sentence_starts(text: str, language: str) -> set[int]:
    from .sentences import sentence_spans

    return {start for start, _ in sentence_spans(text, language)}


_NAME_RE: dict[str, re.Pattern[str]] = {}


def _name_re(language: str) -> re.Pattern[str]:
    found = _NAME_RE.get(language)
    if found is None:
        join = _JOIN.get(language, _JOIN["en"])
        found = _NAME_RE[language] = re.compile(
            rf"(?<![\w’'-]){_CAP}(?:[ \t]+(?:(?:{join})[ \t]+)*{_CAP})*(?![\w’'])"
        )
    return found


def name_spans(
    text: str,
    language: str = "en",
    strict_heads: bool = False,
    starts: Iterable[int] | None = None,
) -> Spans:
    """Proper names: runs of capitalised words that hold at least two capitals not opening a
    sentence, and head-led official names ("Piano nazionale di ripresa e resilienza"), whose
    lower-case end is a guess. ``strict_heads`` keeps only heads followed by a complement
    ("Dipartimento per la trasformazione digitale", "Ministero dell'economia"): what measures a
    sentence by its names needs that, where "Ente favorisce ..." would pass as a name.

    A sentence written wholly in Title Case (a heading) is style, not a name, and gives none.
    ``starts``: where sentences start, when the caller has split them already.
    """
    starts = _sentence_starts(text, language) if starts is None else set(starts)
    spans: list[Span] = []
    for m in _name_re(language).finditer(text):
        words = m.group().split()
        caps = [w for w in words if w[0].isupper() or _INNER_CAP.match(w)]
        initial = m.start() in starts or _line_start(text, m.start())
        evidence = len(caps) - (1 if initial else 0)
        if evidence >= 2 and not _title_case_line(text, m.start(), m.end()):
            lead = len(words[0]) + 1 if initial and len(caps) > 2 else 0
            spans.append((m.start() + lead if initial else m.start(), m.end()))
        head = _head_led(text, m, initial, strict_heads)
        if head:
            spans.append(head)
    return Spans(spans)


_OPENERS = frozenset(".!?:;•·–—|*-+>#(\"“«‘'")


def _line_start(text: str, offset: int) -> bool:
    """The word opens a line, a list item or a bulleted segment ("• Revolutionary widgets")."""
    before = text[max(0, offset - 80) : offset].rstrip(" \t")
    return not before or before[-1] == "\n" or before[-1] in _OPENERS or before[-1].isdigit()


def _title_case_line(text: str, start: int, end: int) -> bool:
    """The name fills (nearly) its whole line: a Title Case heading or label, not a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    words = [w for w in line.split() if w[0].isalpha()]
    caps = sum(w[0].isupper() or bool(_INNER_CAP.match(w)) for w in words)
    return len(words) >= 3 and caps >= 0.8 * len(words)


# What opens the complement of an official name after its head.
_COMPLEMENT = re.compile(
    r"[ \t]+(?:di|del|della|dello|dei|degli|delle|dell['’]|d['’]|per|sul|sulla|of|for|on)\b",
    re.IGNORECASE,
)


def _head_led(text: str, m: re.Match[str], initial: bool, strict: bool = False) -> Span | None:
    """A capitalised generic head that is not the first word, then lower-case words of the name
    (``strict``: only when a preposition opens them)."""
    words = list(re.finditer(r"\S+", m.group()))
    last = words[-1].group()
    if len(words) != 1 or (initial and m.start() == 0):
        return None
    if last not in HEADS or initial:
        return None
    if strict and not _COMPLEMENT.match(text, m.end()):
        return None
    end = m.end()
    count = 0
    for w in _WORD.finditer(text, end):
        token = w.group()
        between = text[end : w.start()]
        if "\n" in between or not token[0].isalpha() or token.lower() in _STOP_AFTER_HEAD:
            break
        if token[0].isupper() and count == 0:
            break  # a capitalised word: the capitalised-run rule has it already
        end = w.end()
        count += 1
        if count >= _MAX_HEAD_WORDS:
            break
    return (m.start(), end) if count else None


class Voice:
    """Per post: which findings are about words that are not the brand's voice. ``starts``
    gives where sentences start when the caller has split them (``Measures.sentence_bounds``)."""

    def __init__(
        self,
        quoted: Spans,
        text: str,
        language: str,
        starts: Callable[[], Iterable[int]] | None = None,
    ) -> None:
        self.quoted = quoted
        self._text = text
        self._language = language
        self._starts = starts
        self._names: Spans | None = None

    @property
    def names(self) -> Spans:
        if self._names is None:
            starts = self._starts() if self._starts is not None else None
            self._names = name_spans(self._text, self._language, starts=starts)
        return self._names

    def foreign(self, quotes: bool, category: str, start: int, end: int) -> bool:
        """True when a finding of a span rule at ``[start, end)`` is about someone else's words
        (a quotation, unless the rule checks ``quotes``) or a proper name (bland findings)."""
        if not quotes and self.quoted and self.quoted.covers(start, end):
            return True
        return category == "bland" and bool(self.names) and self.names.covers(start, end)
