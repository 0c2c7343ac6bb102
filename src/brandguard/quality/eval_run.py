"""Score corpus rows in-process and keep what the suite's measures need (findings with offsets).

Rows are grouped by language and format and each group goes through ``brandguard.check_texts``
(one pipelined pass) with the language's bundled default policy; results come back in row order.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .eval_data import Row, policy_name

#: Severities that count as "warned".
WARN_SEVERITIES = frozenset({"warning", "error"})
#: How many characters of context a window hash covers on each side of a match.
HASH_MARGIN = 40


@dataclass(frozen=True)
class Hit:
    """One finding, reduced to what the reports need."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    match: str
    message: str

    @property
    def warned(self) -> bool:
        """True for warning- or error-level findings."""
        return self.severity in WARN_SEVERITIES


@dataclass(frozen=True)
class Scored:
    """What brandguard said about one row."""

    row: Row
    words: int  # as the engine counts them (score.words)
    total: float
    categories: dict[str, float]
    hits: tuple[Hit, ...]
    source: str  # the text the offsets refer to

    def risk(self, category: str) -> float:
        """``100 - subscore`` (or ``100 - total`` for "total"): higher means more likely positive."""
        if category == "total":
            return 100.0 - self.total
        return 100.0 - self.categories.get(category, 100.0)

    def warned_in(self, category: str) -> bool:
        """Whether a warning/error finding falls in *category* ("total": in any category)."""
        return any(h.warned and category in ("total", h.category) for h in self.hits)


class Policies:
    """The bundled default policy per language, loaded once."""

    def __init__(self) -> None:
        self._loaded: dict[str, Any] = {}

    def __call__(self, language: str) -> Any:
        """The policy object for *language*."""
        if language not in self._loaded:
            from brandguard import load_policy

            name = policy_name(language)
            self._loaded[language] = load_policy(None if name == "default" else name)
        return self._loaded[language]

    def loaded(self) -> list[Any]:
        """The policies loaded so far (for the rules' metadata)."""
        return list(self._loaded.values())


def score_rows(
    rows: Sequence[Row], policies: Policies, transform: Callable[[str], str] | None = None
) -> tuple[list[Scored], float]:
    """Score every row (after *transform* of its text); return results in order and the seconds.

    Loading a policy is not timed, so the seconds measure checking alone.
    """
    from brandguard import check_texts

    groups: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault((row.lang, row.format), []).append(i)
    out: list[Scored | None] = [None] * len(rows)
    seconds = 0.0
    for (lang, fmt), indices in sorted(groups.items()):
        policy = policies(lang)
        texts = [rows[i].text if transform is None else transform(rows[i].text) for i in indices]
        start = time.perf_counter()
        for i, result in zip(indices, check_texts(texts, policy=policy, format=fmt), strict=True):
            out[i] = reduce(rows[i], result)
        seconds += time.perf_counter() - start
    return [s for s in out if s is not None], seconds


def reduce(row: Row, result: Any) -> Scored:
    """Keep the figures and findings of a brandguard result."""
    hits = tuple(
        Hit(f.rule_id, f.category, f.severity, f.start, f.end, f.match, f.message)
        for f in result.findings
    )
    return Scored(
        row=row,
        words=int(result.score.words),
        total=float(result.score.total),
        categories={k: float(v) for k, v in result.score.categories.items()},
        hits=hits,
        source=result.source or row.text,
    )


def context(source: str, start: int, end: int, width: int = 110) -> str:
    """The line around a match, cut to about *width* characters each side, the match in ``[[ ]]``."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    left = max(line_start, start - width)
    right = min(line_end, end + width)
    before = ("…" if left > line_start else "") + source[left:start]
    after = source[end:right] + ("…" if right < line_end else "")
    return " ".join(f"{before}[[{source[start:end]}]]{after}".split())


def window_hash(source: str, start: int, end: int) -> str:
    """A short hash of the match and ``HASH_MARGIN`` characters around it: a fingerprint of
    the context that says whether a row still reads the same, without storing its text."""
    window = source[max(0, start - HASH_MARGIN) : end + HASH_MARGIN]
    return hashlib.sha256(window.encode("utf-8")).hexdigest()[:16]
