"""Where the layout of a plain-text post ends a sentence that its punctuation does not.

The splitter (``sentences.py``) joins a line to the one above when it goes on in lower case, as a
hard-wrapped paragraph does. Rows of a table or of a list in columns, items after an inline
bullet and definitions indented under their terms go on in lower case too, and a help text or a
README would read as one sentence of hundreds of words. These cuts part them; ``measures.py``
applies them with ``sentences.split_at``.
"""

from __future__ import annotations

import re

from .sentences import run_in_labels

# A line of a table or of a list in columns: after its first word, a gap of two or more spaces or
# a tab between two cells ("png.c      Basic interface functions", "help   Shows this help").
# A gap after a full stop is the two spaces some writers put between sentences, not a column.
_ROW = re.compile(r"^[ \t]*\S[^\n]*?[^\s.!?:;](?: {2,}|\t)[ \t]*\S[^\n]*$", re.MULTILINE)
# A bullet inside a line starts an item ("I valori sono: • none: ... • push: ...").
_INLINE_BULLET = re.compile(r"(?<=\S)[ \t]+(?=[•▪◦‣][ \t])")


# The marker that opens an item of a list: a bullet, a number or a letter ("- ", "3. ", "(b) ").
ITEM_MARKER = r"[-*+•]|\d{1,3}[.)]|\(?[a-z]\)"
# A line's indentation, an item marker if it has one, and the column where its text starts.
# A lone "o" is a marker only before a capital ("o The features"): Italian lines open with the
# word "o" ("o se ...").
_LINE = re.compile(
    r"^([ \t]*)((?:" + ITEM_MARKER + r"|o(?=[ \t]+[A-ZÀ-Þ]))[ \t]+)?(?=\S)", re.MULTILINE
)


def indent_breaks(text: str) -> list[int]:
    """Line breaks where the indentation changes: a definition list in plain text ("  init\n
    stop after ...") nests its descriptions under its terms, while a hard-wrapped paragraph,
    and an item's continuation under its text ("o The features\n  are ..."), keep one margin."""
    if "\n " not in text and "\n\t" not in text:
        return []
    cuts = []
    previous = None  # the column where the text of the line before starts
    for line in _LINE.finditer(text):
        start = line.start()
        indent = len(line.group(1).expandtabs(8))
        if previous is not None and start and text[start - 1] == "\n":
            above = text.rfind("\n", 0, start - 1)
            if indent != previous and text[above + 1 : start - 1].strip():  # not after a blank
                cuts.append(start - 1)
        previous = indent + len((line.group(2) or "").expandtabs(8))
    return cuts


def row_breaks(text: str) -> list[int]:
    """Where lines of a table or list end and inline bullets start: cuts for ``split_at``.

    A hard-wrapped paragraph goes on in lower case on the next line, so the splitter keeps such
    lines together; rows of a table or a list in columns do too ("example.c   Example code"),
    and a help text's table would read as one sentence of hundreds of words. Each row is an
    item of its own, as each line of a Markdown list is.
    """
    cuts = []
    if "  " in text or "\t" in text:
        for row in _ROW.finditer(text):
            if row.start():
                cuts.append(row.start() - 1)  # the line break before the row
            cuts.append(row.end())  # the line break after it (or the end of the text)
    if "•" in text or "▪" in text or "◦" in text or "‣" in text:
        cuts.extend(m.end() for m in _INLINE_BULLET.finditer(text))
    cuts.extend(indent_breaks(text))
    return sorted(set(cuts))


def sentence_cuts(source: str, text: str, fmt: str) -> list[int]:
    """Where sentences are cut beyond the splitter: after run-in labels and around rows. Rows
    are read from the source, as masked markup leaves blanks in the text that are not columns
    (HTML tables are tags, and HTML text is not the source's length)."""
    rows = row_breaks(source) if len(source) == len(text) and fmt != "html" else []
    return sorted(run_in_labels(source) + rows)
