"""Words in capitals that are code or law, not shouting.

Technical writing names things in capitals: shell and environment variables (``$PATH``,
``PREFIX=/usr``), the placeholders of command-line help (``--domain=NAME``, ``-u USER``,
``<FILE>``), literals (TRUE, NULL), HTTP methods where the text speaks of the web ("a GET request") and the items of a line of code or API reference
("GCRY_MD_SHA1 NEW hash algo"). A placeholder shown once in its synopsis is the same placeholder
in the prose that explains it ("... the messages of NAME"). Licences write their disclaimers in
capitals because the law wants them conspicuous (UCC § 2-316 for the disclaimer of
merchantability): "WITHOUT ANY WARRANTY", "SENZA ALCUNA GARANZIA". None of these is a brand
raising its voice, so ``caps.shouted`` leaves them out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

Token = tuple[int, int, str]

# Literals of programming and configuration languages, and the standard streams.
LITERALS = frozenset("TRUE FALSE NULL NIL NONE EOF STDIN STDOUT STDERR VERO FALSO".split())

# Right before the token: a sigil ($PATH, %PATH%, ${PATH}), an assignment or option value
# (--domain=NAME, OLD=NEW), or a command-line option that takes it as argument ("-u USER",
# "--user USER"; the option opens the line or follows a blank or a comma).
_CODE_BEFORE = re.compile(r"(?:[$%=]|\$\{|(?:^|(?<=[\s,]))--?[A-Za-z][\w-]*[ \t])\Z", re.MULTILINE)
# Admonition labels (docutils' admonition types, and the status labels of reference pages) before
# a colon: "NOTE: ...", "ATTENZIONE: ...", "DEPRECATED: ...".
ADMONITIONS = frozenset(
    """NOTE NOTES WARNING CAUTION DANGER ATTENTION IMPORTANT TIP HINT ERROR DEPRECATED OBSOLETE
    TODO NOTA AVVERTENZA AVVISO ATTENZIONE PERICOLO IMPORTANTE SUGGERIMENTO ERRORE
    DEPRECATO DEPRECATA DEPRECATI DEPRECATE OBSOLETO OBSOLETA""".split()
)
# Right after the token: an assignment (PREFIX=/usr) or the closing sigil of %PATH%.
_CODE_AFTER = re.compile(r"[=%]")
# A placeholder between angle brackets or braces: <FILE>, {NAME}.
_BRACKETS = {"<": ">", "{": "}"}

# An identifier with an underscore (GCRY_MD_SHA1, max_size; not a #hash_tag or @user_name).
_IDENTIFIER = r"(?<![#@\w])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+"
# An identifier, or a command-line option opening the line ("  -M, --domain=..."): the line is
# code or reference.
_IDENTIFIER_RE = re.compile(_IDENTIFIER)
_OPTION_LINE = re.compile(r"[ \t]*--?[A-Za-z][\w-]*(?:[=, \t]|$)", re.MULTILINE)
# An identifier (and the value it is given) right before the token: in an API listing, the word
# after a name labels it ("GCRY_MD_SHA1 NEW hash algo", "GCRY_NO_FIPS = 83 NEW control code").
_IDENTIFIER_BEFORE = re.compile(_IDENTIFIER + r"(?:[ \t]*=[ \t]*[\w.-]+)?[ \t]+\Z")

# A disclaimer of warranty or liability, in English and Italian licences and terms.
_DISCLAIMER = re.compile(
    r"without\s+(?:any\s+)?warrant|\bno\s+warrant|disclaim|merchantability|"
    r"fitness\s+for\s+a\s+particular|not\s+(?:be\s+)?liable|"
    r"alcuna\s+garanzia|nessuna\s+garanzia|commerciabilit|negoziabilit|"
    r"idoneità\s+(?:a|per)\s+(?:un|uno)\s+scopo",
    re.IGNORECASE,
)
# A word each disclaimer holds (each a piece of an alternative of _DISCLAIMER): a text with none
# has no disclaimer anywhere.
_DISCLAIMER_HINT = re.compile(
    r"warrant|disclaim|merchantability|fitness|liable|garanzia|commerciabilit|negoziabilit|"
    r"idoneità",
    re.IGNORECASE,
)
_REACH = 300  # characters around the token that a disclaimer may span, within one paragraph


def code_position(text: str, start: int, end: int) -> bool:
    """The token is glued to code: a sigil, an assignment, an option or brackets around it."""
    if _CODE_BEFORE.search(text, max(0, start - 40), start) or _CODE_AFTER.match(text, end):
        return True
    closing = _BRACKETS.get(text[start - 1 : start]) if start else None
    return closing is not None and text[end : end + 1] == closing


def placeholders(text: str, caps: list[Token]) -> set[str]:
    """Tokens the post shows in a code position somewhere: placeholders everywhere it uses them."""
    return {token for start, end, token in caps if code_position(text, start, end)}


def on_code_line(text: str, start: int) -> bool:
    """The token's line holds an identifier with an underscore or opens with an option."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if _OPTION_LINE.match(text, line_start, line_end):
        return True
    # an identifier holds an underscore: a line without one is scanned no further
    return text.find("_", line_start, line_end) >= 0 and bool(
        _IDENTIFIER_RE.search(text, line_start, line_end)
    )


def in_disclaimer(text: str, start: int, end: int) -> bool:
    """The token stands in a disclaimer of warranty or liability (same paragraph, nearby)."""
    lo = text.rfind("\n\n", max(0, start - _REACH), start)
    hi = text.find("\n\n", end, end + _REACH)
    lo = max(0, start - _REACH) if lo < 0 else lo
    hi = min(len(text), end + _REACH) if hi < 0 else hi
    return bool(_DISCLAIMER.search(text, lo, hi))


class CodeOrLaw:
    """Whether the tokens in capitals of one text are literals, code or part of a disclaimer.

    What the text lacks is learnt once, so most tokens need no search: every identifier holds
    an underscore and a line of code an identifier or an option ("-"), and every disclaimer one
    of the words of ``_DISCLAIMER_HINT``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.identifiers = "_" in text
        self.code_lines = self.identifiers or "-" in text
        self._disclaims: bool | None = None

    def __call__(self, start: int, end: int, token: str, sales: bool = False) -> bool:
        """A literal, an admonition label, a token after an identifier, on a line of code or in
        a disclaimer. A sales word ("FREE", "NOW") is selling on a line of code or next to a
        disclaimer, unless it is itself the code."""
        text = self.text
        if token in LITERALS or (token in ADMONITIONS and text[end : end + 1] == ":"):
            return True
        if self.identifiers and _IDENTIFIER_BEFORE.search(text, max(0, start - 60), start):
            return True
        if sales:
            return False
        if self.code_lines and on_code_line(text, start):
            return True
        if self._disclaims is None:
            self._disclaims = bool(_DISCLAIMER_HINT.search(text))
        return self._disclaims and in_disclaimer(text, start, end)


# What technical writing is made of: identifiers (snake_case, dotted.names(), calls()), command-line
# options (long ones anywhere, short ones opening the line of a help text: "  -c  Clears the
# stack"), paths, shell variables, version numbers and printf conversions ("%s", "%d", as message
# catalogues and logs write them).
_TECHNICAL = re.compile(
    _IDENTIFIER + r"|\b[a-z_]\w*\.[a-z_]\w*\(|\b[A-Za-z_]\w*\(\)|"
    r"(?<![\w-])--[a-z][\w-]+|(?<![\w.])(?:~?/[\w.-]+){2,}|\$\{?[A-Z_]{2,}|\bv?\d+\.\d+\.\d+\b|"
    r"(?m:^[ \t]*[-+][A-Za-z](?=[ \t,]|$))|(?<![\w%])%(?:\d\$)?[-+#0]*\d*(?:\.\d+)?l{0,2}[sdiuxf](?!\w)"
)
TECHNICAL_SIGNALS = 3  # distinct ones: a post with this many is documentation, not an ad


# A character (or a digit, a dot and a digit) each signal of _TECHNICAL holds: an identifier "_",
# a call "(", an option "-" or "+", a path "/", a variable "$", a version, a conversion "%".
_TECHNICAL_HINT = re.compile(r"[_(\-+/$%]|\d\.\d")


def technical(text: str, code: str) -> bool:
    """Whether the post is technical writing, where words in capitals name things (an
    environment variable, a DNS record, a key, a test result) rather than raise the voice.
    Code in the post counts as one signal, and the signals in it count too (Markdown keeps its
    identifiers and options in inline code, out of the prose)."""
    need = TECHNICAL_SIGNALS - bool(code)
    found: set[str] = set()
    for part in (text, code) if code else (text,):
        if _TECHNICAL_HINT.search(part):  # most posts: no signal, and no scan in Python
            for m in _TECHNICAL.finditer(part):
                found.add(m.group())
                if len(found) >= need:
                    return True
    return False


# HTTP request methods (RFC 9110 and RFC 5789): protocol verbs, not shouting, where the text
# speaks of the web.
HTTP_METHODS = frozenset("GET HEAD POST PUT PATCH DELETE OPTIONS TRACE CONNECT".split())
_WEB_WORDS = re.compile(
    r"\b(?:https?|requests?|methods?|endpoints?|apis?|routes?|routing|verbs?|handlers?|curl|"
    r"servers?|clients?|status|headers?|paths?|urls?)\b",
    re.IGNORECASE,
)


def http_method(
    text: str,
    start: int,
    end: int,
    token: str,
    counts: Mapping[str, int],
    run: list[Token],
    ordinary: frozenset[str],
) -> bool:
    """An HTTP method among names in its ``run`` ("HTTP GET", "GET, POST"; "GET NOW" shouts), in
    a text that names two of them (``counts``: the text's tokens) or speaks of the web near it."""
    if token not in HTTP_METHODS:
        return False
    if not all(t[2] == token or t[2] in HTTP_METHODS or t[2].lower() not in ordinary for t in run):
        return False
    return len(HTTP_METHODS.intersection(counts)) > 1 or bool(
        _WEB_WORDS.search(text, max(0, start - 80), min(len(text), end + 80))
    )
