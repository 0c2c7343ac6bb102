"""Which export columns say where, by whom and when a post was published, and its month.

Why: exports name these columns in many ways (``Channel``, ``platform``, ``Published At``,
``created_at``, ``autore``, ``data di pubblicazione``) and write dates in many more (ISO, RFC 2822,
``05/03/2024``, ``March 5, 2024``, ``5 marzo 2024``, Unix seconds, Excel serials). The report
groups posts by channel, author and month only when it recognises the column; an absent or
unreadable column skips its breakdown instead of inventing one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

# Normalised column names (lower case, runs of non-letters as "_"), most specific first.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "channel": (
        "channel",
        "platform",
        "social_network",
        "network",
        "social_channel",
        "social_platform",
        "medium",
        "canale",
        "piattaforma",
        "social",
        "rete",
    ),
    "author": (
        "author",
        "owner",
        "author_name",
        "created_by",
        "posted_by",
        "published_by",
        "writer",
        "byline",
        "editor",
        "user",
        "username",
        "autore",
        "autrice",
        "redattore",
        "proprietario",
    ),
    "date": (
        "date",
        "published",
        "published_at",
        "publish_date",
        "published_date",
        "publication_date",
        "post_date",
        "posted_at",
        "posted",
        "created_at",
        "created",
        "creation_date",
        "sent_at",
        "scheduled_at",
        "timestamp",
        "datetime",
        "time",
        "data",
        "data_pubblicazione",
        "data_di_pubblicazione",
        "pubblicato",
        "pubblicato_il",
    ),
}
# A date column named otherwise still holds one of these words (``Publish Date (UTC)``).
_DATE_WORDS = {"date", "published", "publish", "created", "posted", "timestamp", "data"}


def _normal(name: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]+", "_", name.strip().lower()).strip("_")


def find_columns(names: Iterable[str]) -> dict[str, str]:
    """dimension → the input column that holds it, for the dimensions found in ``names``."""
    normal = {_normal(n): n for n in names}
    found: dict[str, str] = {}
    for dimension, candidates in DIMENSIONS.items():
        for candidate in candidates:
            if candidate in normal:
                found[dimension] = normal[candidate]
                break
    if "date" not in found:
        for key, name in normal.items():
            if _DATE_WORDS & set(key.split("_")):
                found["date"] = name
                break
    return found


def label(value: object, limit: int = 60) -> str | None:
    """A group's name from a cell: trimmed, one line, ``None`` when empty."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    return text if len(text) <= limit else text[: limit - 1] + "…"


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "gen", "gennaio"),
            ("feb", "february", "febbraio"),
            ("mar", "march", "marzo"),
            ("apr", "april", "aprile"),
            ("may", "mag", "maggio"),
            ("jun", "june", "giu", "giugno"),
            ("jul", "july", "lug", "luglio"),
            ("aug", "august", "ago", "agosto"),
            ("sep", "sept", "september", "set", "settembre"),
            ("oct", "october", "ott", "ottobre"),
            ("nov", "november", "novembre"),
            ("dec", "december", "dic", "dicembre"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?![\d])")
_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d])")
_NAMED = re.compile(r"\b([a-zà-ù]{3,9})\.?\b")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_EXCEL_EPOCH = datetime(1899, 12, 30, tzinfo=timezone.utc)

Month = tuple[int, int]  # (year, month)
# What a cell says about its month: a month, or a d/m vs m/d date decided for the whole column.
DateKey = tuple[int, int, int]  # (year, month, 0) or (year, a, b) with a, b <= 12 undecided


def _valid(year: int, month: int) -> bool:
    return 1970 <= year <= 2100 and 1 <= month <= 12


def date_key(value: object) -> DateKey | None:
    """The month a cell names, or an ambiguous ``a/b/year`` left for the column to decide."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _number(float(value))
    text = str(value).strip().lower()
    if not text:
        return None
    if re.fullmatch(r"(19|20)\d\d[01]\d[0-3]\d", text):  # 20240305
        return (int(text[:4]), int(text[4:6]), 0) if _valid(int(text[:4]), int(text[4:6])) else None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return _number(float(text))
    if m := _ISO.match(text):
        year, month = int(m[1]), int(m[2])
        return (year, month, 0) if _valid(year, month) else None
    if m := _NUMERIC.match(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        year += 2000 if year < 100 else 0
        if not 1970 <= year <= 2100 or a > 31 or b > 31 or (a > 12 and b > 12):
            return None
        if a > 12:
            return (year, b, 0)
        if b > 12:
            return (year, a, 0)
        return (year, a, b) if a != b else (year, a, 0)
    year_match = _YEAR.search(text)
    names = [(len(w), i, w) for i, w in enumerate(_NAMED.findall(text)) if w in _MONTHS]
    if year_match and names:
        # A full name beats an abbreviation ("mar 7 maggio": martedì, May), the later one a tie.
        return (int(year_match[1]), _MONTHS[max(names)[2]], 0)
    return None


def _number(value: float) -> DateKey | None:
    """Unix seconds or milliseconds, or an Excel serial day (1982–2119)."""
    if 30_000 <= value < 80_000:
        when = _EXCEL_EPOCH + timedelta(days=value)
    elif 1e8 <= value < 5e9:
        when = datetime.fromtimestamp(value, timezone.utc)
    elif 1e11 <= value < 5e12:
        when = datetime.fromtimestamp(value / 1000, timezone.utc)
    else:
        return None
    return (when.year, when.month, 0)


class DateOrder:
    """Decides ``a/b/year`` for a whole column: the values that can only be one way vote."""

    def __init__(self, day_first: bool) -> None:
        self.default_day_first = day_first
        self.votes = [0, 0]  # day first, month first

    def see(self, value: object) -> None:
        if isinstance(value, str) and (m := _NUMERIC.match(value.strip())):
            a, b = int(m[1]), int(m[2])
            if a > 12 >= b:
                self.votes[0] += 1
            elif b > 12 >= a:
                self.votes[1] += 1

    def month(self, key: DateKey) -> Month:
        year, a, b = key
        if not b:
            return year, a
        day_first = (
            self.votes[0] > self.votes[1]
            if self.votes[0] != self.votes[1]
            else self.default_day_first
        )
        return (year, b) if day_first else (year, a)


def month_name(month: Month) -> str:
    return f"{month[0]}-{month[1]:02d}"


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last``, so gaps show as gaps."""
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
