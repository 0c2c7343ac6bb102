"""Lists and series inside a sentence: the parts of it a reader takes one item at a time.

``sentences.reading_length`` asks this module where a sentence is a list rather than one
thought. Three shapes, from short items to long ones:

* ``list_spans``: three or more short items closed by "and"/"e" ("servers, load balancers, and
  subnets") read as one unit;
* ``series_spans``: a series of parallel items of a few words each ("send a short reply, suggest
  another reviewer, or give a first comment") reads as its longest item;
* ``parallel_breaks``: clause-long items that open alike ("o se ..., o se ...", '"click" makes
  ..., "hover" makes ...', "the clock is ..., the kernel is ...", "presentare ..., proporre ...
  ed ottenere ...") are items of a list written inline: each starts afresh, as a clause after a
  semicolon does, so the reader carries one item at a time.

What is not a list: a chain of relative clauses ("..., which ..., which ...") and inline
lettered items ("(a) ..., (b) ...") stay one sentence to carry. A reader has to hold each
relative's head, and an editor would turn lettered items into a bulleted list.
"""

from __future__ import annotations

import re

# A list reads as one unit too: three or more items, each a few words, split by commas and closed
# by "and"/"or"/"e"/"o" ("servers, load balancers, and subnets"). An item that opens with a
# subordinating or relative word is a clause, not a list item ("..., which was late, and ...").
LISTITEM_WORDS = 5
_ITEM_SEP = re.compile(r"[,()\[\];:]|\s[–—-]{1,2}\s|—")
ITEM_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CONNECTORS = frozenset("and or nor e ed o od oppure né".split())
_CLAUSE_OPENERS = frozenset(
    """which who whom whose that when where while if because although though since unless
    che cui quale quali quando dove mentre se perché poiché sebbene benché affinché qualora
    come""".split()
)


def list_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of short list items in ``text[start:end]``, from the first short item to the last.

    Items are the pieces between commas (a bracket, a colon, a semicolon or a dash delimits a
    run); a run closes at the item that holds the connector ("and", "e", "o", ...).
    """
    if "," not in text[start:end]:
        return []
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []  # the short items so far
    pos, sep = start, ""
    for m in [*_ITEM_SEP.finditer(text, start, end), None]:
        stop = end if m is None else m.start()
        lower = [w.lower() for w in ITEM_WORD.findall(text, pos, stop)]
        short = 0 < len(lower) <= LISTITEM_WORDS and lower[0] not in _CLAUSE_OPENERS
        if not short:
            run = []
        else:
            run = [*run, (pos, stop)] if sep == "," else [(pos, stop)]
            if any(w in _CONNECTORS for w in lower):
                # "C and D" closing the run holds two items
                if len(run) + (lower[0] not in _CONNECTORS) >= 3:
                    out.append(_trim(text, run[0][0], run[-1][1]))
                run = []
        if m is None:
            break
        pos, sep = m.end(), m.group().strip()
    return out


# A series of longer parallel items ("send a short reply, suggest another reviewer, or give a
# first comment") is read one item at a time too: it counts as its longest item. Items are the
# pieces between commas, each of at most SERIESITEM_WORDS words and none opening a clause; the
# last opens with the connector ("or give ...") or holds it ("B and C"), three items at least.
SERIESITEM_WORDS = 7


def series_spans(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, longest item's words) of each series of parallel items in the sentence."""
    if "," not in text[start:end]:
        return []
    out: list[tuple[int, int, int]] = []
    run: list[int] = []  # word counts of the items so far
    run_start = pos = start
    sep = ""
    for m in [*_ITEM_SEP.finditer(text, start, end), None]:
        stop = end if m is None else m.start()
        lower = [w.lower() for w in ITEM_WORD.findall(text, pos, stop)]
        if not lower or lower[0] in _CLAUSE_OPENERS or (sep and sep != ","):
            run = []
        if lower and lower[0] not in _CLAUSE_OPENERS:
            inner = [i for i, w in enumerate(lower) if w in _CONNECTORS]
            parts = [lower] if not inner else [lower[: inner[-1]], lower[inner[-1] :]]
            if lower[0] in _CONNECTORS:
                parts = [lower]
            if all(0 < len(p) <= SERIESITEM_WORDS for p in parts):
                if not run:
                    run_start = pos
                closing = bool(inner)
                run = [*run, *(len(p) for p in parts)]
                if closing:
                    if len(run) >= 3:
                        out.append((*_trim(text, run_start, stop), max(run)))
                    run = []
            else:
                run = []
        if m is None:
            break
        pos, sep = m.end(), m.group().strip()
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip())


# Clause-long items of an inline list open alike: with the same word ("o se ...", "when ..."),
# with an article ("the clock ..., the kernel ...", "l'utilizzo ..., la rimozione ..."), with a
# quoted term ('"click" makes ..., "hover" makes ...'), with an infinitive or a gerund
# ("presentare ..., proporre ...", "adding ..., removing ..."). A relative opens a chain to carry,
# not an item; a letter or numeral in brackets opens an item an editor would set as a bullet.
PARALLEL_MIN_ITEMS = 3
_ARTICLES = frozenset("the an il lo la i gli le l un uno una".split())
_RELATIVES = frozenset("which who whom whose that che cui quale quali".split())
_INFINITIVE = re.compile(r"\w{2,}(?:[aei]re|rre)(?:l[aeio]|gli|ne|si|ci|vi|mi|ti)?\Z")
_GERUND = re.compile(r"\w{2,}(?:ando|endo|ing)(?:l[aeio]|gli|ne|si|ci|vi|mi|ti)?\Z")
_QUOTES = "\"“«‘'`"
_BRACKET_OR_WORD = re.compile(r"[()\[\]]|(?<!\S)[\"“«‘'`](?=\w)|" + ITEM_WORD.pattern)
_LABEL = re.compile(r"\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)")
_PIECE_SEP = re.compile(r"[,;:()\[\]]")
_CONNECTOR = re.compile(r"\b(?:" + "|".join(sorted(_CONNECTORS)) + r")\b", re.IGNORECASE)


def _head(word: str) -> str:
    """A word lower-cased, an elided article cut off ("l'utilizzo" is "l")."""
    return word.lower().replace("’", "'").split("'", 1)[0]


def _kind(word: str) -> str:
    """The kind of item a word opens: "article", "infinitive", "gerund" or the word itself."""
    if word in _ARTICLES:
        return "article"
    if _INFINITIVE.match(word):
        return "infinitive"
    if _GERUND.match(word):
        return "gerund"
    return word


def _opening(text: str, pos: int, stop: int) -> tuple[str, int]:
    """(kind, where the item's first word starts) of ``text[pos:stop]``, a leading connector
    ("and", "e", "o") skipped; kind "" when the piece opens no item (a relative, an abbreviation,
    a bracketed label, nothing)."""
    while pos < stop and text[pos] in " \t\n*_":
        pos += 1
    if pos >= stop or _LABEL.match(text, pos, stop):
        return "", pos
    if text[pos] in _QUOTES:
        return "quote", pos
    first = ITEM_WORD.search(text, pos, stop)
    if first and first.group().lower() in _CONNECTORS:
        first = ITEM_WORD.search(text, first.end(), stop)
    if not first:
        return "", pos
    word = _head(first.group())
    if word in _RELATIVES or text[first.end() : first.end() + 1] == ".":
        return "", first.start()  # a relative; an abbreviation ("i.e.", "e.g.", "art.")
    if text[first.start() - 1 : first.start()] in _QUOTES and first.start() > pos:
        return "quote", first.start() - 1
    return _kind(word), first.start()


def _last_of_kind(text: str, start: int, stop: int, kind: str) -> int:
    """Where the last word of ``kind`` outside brackets in ``text[start:stop]`` starts (-1 if
    none): the first item of a run often follows its introduction in one piece ('the values are
    "a" ...', "in modo da presentare ..., proporre ..."). An article is no clue there: it opens
    any noun phrase of the introduction."""
    if kind == "article":
        return -1
    depth = 0
    found = -1
    for m in _BRACKET_OR_WORD.finditer(text, start, stop):
        c = m.group()
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and m.start() > start:
            if kind == "quote" and c[0] in _QUOTES or kind != "quote" and _kind(_head(c)) == kind:
                found = m.start()
    return found


def _closing(text: str, start: int, stop: int, kind: str) -> int:
    """Where a connector inside the run's last piece joins one more item of ``kind`` ("...,
    proporre la modifica ed ottenere ..."), or -1."""
    for m in ITEM_WORD.finditer(text, start, stop):
        if m.start() > start and m.group().lower() in _CONNECTORS:
            if _opening(text, m.end(), stop)[0] == kind:
                return m.start() - 1
    return -1


def parallel_breaks(text: str, start: int, end: int) -> list[int]:
    """Where each item of an inline list of clause-long parallel items starts, in
    ``text[start:end]``: at least ``PARALLEL_MIN_ITEMS`` items split by commas (the last may be
    joined by "and"/"e"/"o"), opening alike. Items are pieces between commas outside brackets."""
    if "," not in text[start:end]:
        return []
    pieces: list[tuple[int, int, str]] = []  # (start, stop, separator before)
    depth, pos, sep = 0, start, ""
    for m in [*_PIECE_SEP.finditer(text, start, end), None]:
        c = "" if m is None else m.group()
        if c and c in "([":
            depth += 1
        elif c and c in ")]":
            depth = max(0, depth - 1)
        elif not c or not depth:
            stop = end if m is None else m.start()
            pieces.append((pos, stop, sep))
            if m is not None:
                pos, sep = m.end(), c
    kinds = [_opening(text, s, e) for s, e, _ in pieces]
    out: list[int] = []
    i = 0
    while i < len(pieces):
        kind = kinds[i][0]
        j = i + 1
        while kind and j < len(pieces) and pieces[j][2] == "," and kinds[j][0] == kind:
            j += 1
        if not kind:
            i += 1
            continue
        last, stop = kinds[j - 1][1], pieces[j - 1][1]
        has_connector = _CONNECTOR.search(text, last, stop) is not None  # most pieces have none
        closing = _closing(text, last, stop, kind) if has_connector else -1
        items = (j - i) + (closing >= 0)
        first = -1
        if i and items + 1 >= PARALLEL_MIN_ITEMS:  # else not even an item in the introduction helps
            first = _last_of_kind(text, *pieces[i - 1][:2], kind)
            items += first >= 0
        if items >= PARALLEL_MIN_ITEMS:
            breaks = [pieces[k][0] - 1 for k in range(i, j)]  # the separator before each item
            if first >= 0:
                breaks.append(first - 1)  # before the item inside the introduction
            if closing >= 0:
                breaks.append(closing)
            out += [b for b in breaks if b >= start]  # none before the sentence
        i = j
    return sorted(out)
