"""Which words in capitals are shouting, and which are acronyms, names or normative keywords.

One place for the judgement that the ``caps_words``/``caps_ratio`` measures (PSH018, PSH114, the
``caps_words`` guideline) and the ``caps_emphasis`` measure (PSH017, PSH113) share.

Shouting is ordinary words in capitals: a run such as "BUY NOW AND SAVE BIG", a sales word
("FREE", "NOW") or a long common word ("SAVINGS") in capitals. Not shouting:

- tokens with digits, dots or ampersands (GOV.UK, B2B, AT&T, MP3);
- RFC 2119 / BCP 14 keywords in a specification or guideline (MUST, SHOULD NOT, MAY; Italian
  DEVE, DEVONO, DOVREBBE, PUÒ, as AgID guidelines write them);
- short tokens (at most 5 letters) that are not ordinary words: typical acronyms (USCIS, CGN);
- acronyms the post defines ("Open Archival Information System (OAIS)", "OAIS (Open ...)");
- a token that recurs (3 times or more) and is not an ordinary word: a name the text is about;
- a token right after a capitalised word that does not open the sentence ("Direttiva INSPIRE",
  "Windows NT"): part of a name;
- in English, a long token that is not a dictionary word (CMU Pronouncing Dictionary): CAPTCHA,
  OAUTH, KUBERNETES are not words anyone shouts.

"Ordinary words" are the language's stop words (spaCy's lists) and a few sales words per
language; a short token in a run of capitals that holds an ordinary word is shouted with them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

Span = tuple[int, int]

TOKEN_RE = re.compile(r"(?<![\w'’#@&.])[^\W_](?:[\w.&'’-]*[^\W_])?(?![\w'’])")
CAPS_HINT = re.compile(r"[^\W\d_a-zß-öø-ÿ]{2}")
_UPPER_LETTERS = re.compile(r"[^\W\d_]")
SHORT = 5  # letters; acronyms are rarely longer, shouted sales words often are

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
# Short ordinary words that sales copy shouts and the stop-word lists lack.
SALES_WORDS = {
    "en": frozenset(
        """free win won wins call txt text cash sale sales deal deals buy hot new best save act
        join click stop reply prize claim bonus offer today big huge wow fast easy""".split()
    ),
    "it": frozenset(
        """gratis vinci sconto sconti saldi offerta top zero nuovo nuova nuovi subito ora oggi
        solo prezzo premio""".split()
    ),
}


@cache
def ordinary_words(language: str) -> frozenset[str]:
    """Lower-case words that are ordinary in ``language``: stop words and sales words."""
    if language == "it":
        from spacy.lang.it.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS) | SALES_WORDS.get(language, SALES_WORDS["en"])


def _dictionary_word(word: str, language: str) -> bool:
    """Whether a long word is a common word; only English has a dictionary (CMU) at hand."""
    if language != "en":
        return True
    from .syllables import known_word

    return known_word(word.lower())


def _is_caps(token: str) -> bool:
    letters = _UPPER_LETTERS.findall(token)
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def shouted(text: str, language: str = "en") -> list[Span]:
    """Spans of the words in capitals that are shouting (see the module docstring)."""
    if not CAPS_HINT.search(text):
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    caps = [i for i, (_, _, t) in enumerate(tokens) if _is_caps(t)]
    if not caps:
        return []
    ordinary = ordinary_words(language)
    counts = Counter(tokens[i][2] for i in caps)
    defined = _defined(text, tokens, caps)
    runs = _runs(text, tokens, caps)
    out: list[Span] = []
    for run in runs:
        has_ordinary = any(tokens[i][2].lower() in ordinary for i in run)
        for k, i in enumerate(run):
            start, end, token = tokens[i]
            neighbours = {tokens[j][2] for j in run[max(k - 1, 0) : k + 2] if j != i}
            normative = token in NORMATIVE or (token in NEGATIONS and bool(neighbours & NORMATIVE))
            if normative or any(c in token for c in ".&") or any(c.isdigit() for c in token):
                continue
            low = token.lower()
            if low in ordinary:
                out.append((start, end))
                continue
            if token in KNOWN_ACRONYMS or token in defined or counts[token] >= 3:
                continue
            if len(run) == 1 and _after_name_word(text, tokens, i):
                continue
            letters = len(_UPPER_LETTERS.findall(token))
            if letters <= SHORT:
                if has_ordinary and len(run) > 1:
                    out.append((start, end))
                continue
            if _dictionary_word(token, language):
                out.append((start, end))
    return out


def _runs(text: str, tokens: list[tuple[int, int, str]], caps: list[int]) -> list[list[int]]:
    """Consecutive tokens in capitals, separated by blanks or light punctuation on one line."""
    runs: list[list[int]] = []
    for i in caps:
        if runs and runs[-1][-1] == i - 1:
            gap = text[tokens[i - 1][1] : tokens[i][0]]
            if "\n" not in gap and len(gap.strip(" ,:;/&-–")) == 0:
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


_DEFINED_AFTER = re.compile(r"\s*\(")


def _defined(text: str, tokens: list[tuple[int, int, str]], caps: list[int]) -> set[str]:
    """Tokens the post defines: "(OAIS)" after its expansion, or "OAIS (" before it."""
    found = set()
    for i in caps:
        start, end, token = tokens[i]
        if start and text[start - 1] == "(" and text[end : end + 1] == ")":
            found.add(token)
        elif _DEFINED_AFTER.match(text, end):
            found.add(token)
    return found


def _after_name_word(text: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """The token follows a capitalised word on the same line that does not open the sentence."""
    if i == 0:
        return False
    start, end, word = tokens[i - 1]
    if not word[0].isupper() or _is_caps(word) or "\n" in text[end : tokens[i][0]]:
        return False
    if text[end : tokens[i][0]].strip():
        return False
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:\n…" and (i < 2 or before[-1] != "\n")


def emphasis(text: str, language: str, sentences: list[tuple[int, int]]) -> list[tuple[Span, int]]:
    """Runs of shouted words inside sentences that are otherwise in lower case: (span, words).

    A post or a line wholly in capitals is loud throughout (the caps_words measures count it);
    here it is the one word raised inside a normal sentence ("Huge SAVINGS this weekend").
    """
    words = shouted(text, language)
    if not words:
        return []
    out: list[tuple[Span, int]] = []
    k = 0
    for s_start, s_end in sentences:
        inside = []
        while k < len(words) and words[k][0] < s_end:
            if words[k][0] >= s_start:
                inside.append(words[k])
            k += 1
        if not inside or not re.search(r"[a-zß-öø-ÿ]{2}", text[s_start:s_end]):
            continue
        run = [inside[0]]
        for span in inside[1:]:
            gap = text[run[-1][1] : span[0]]
            if len(gap.strip(" ,:;/&-–")) == 0 and "\n" not in gap:
                run.append(span)
            else:
                out.append(((run[0][0], run[-1][1]), len(run)))
                run = [span]
        out.append(((run[0][0], run[-1][1]), len(run)))
    return out
