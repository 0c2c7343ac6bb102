"""The words reporters print around findings, in the post's language (``PostResult.language``).

Why: rule messages are written in their pack's language, so an Italian post's report must not wrap
them in English ("= fix: replace with", "findings in 1 post"). Every reporter takes its labels,
score lines and summaries from here; a language without a table falls back to English.
Machine formats (JSON keys, SARIF, CSV columns) stay in English: they are interfaces, not prose.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import PostResult, Score

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "score": "score",
        "fail": "FAIL",
        "required": "required: {rules}",
        "under": "under {bar:g}",
        "no_findings": "no findings",
        "finding": "{n} finding",
        "findings": "{n} findings",
        "help": "help",
        "fix": "fix: replace with '{replacement}'",
        "post": "{n} post",
        "posts": "{n} posts",
        "summary": "{findings} in {posts}; {failed} below the policy's bar.",
        "skipped": "note: skipped {rules} (they need a trained spaCy pipeline; see `pipeline:` "
        "in the policy)",
    },
    "it": {
        "score": "punteggio",
        "fail": "NON SUPERATO",
        "required": "obbligatorie: {rules}",
        "under": "sotto {bar:g}",
        "no_findings": "nessuna segnalazione",
        "finding": "{n} segnalazione",
        "findings": "{n} segnalazioni",
        "help": "aiuto",
        "fix": "correzione: sostituisci con '{replacement}'",
        "post": "{n} post",
        "posts": "{n} post",
        "summary": "{findings} in {posts}; {failed} sotto la soglia della policy.",
        "skipped": "nota: regole saltate {rules} (richiedono una pipeline spaCy addestrata; vedi "
        "`pipeline:` nella policy)",
    },
}
CATEGORY_NAMES: dict[str, dict[str, str]] = {
    "it": {
        "bland": "banale",
        "pushy": "insistente",
        "seo": "SEO",
        "terminology": "terminologia",
        "disclosure": "avvertenze",
        "readability": "leggibilità",
        "style": "stile",
    },
}


def label(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language`` (English when there is none), filled with ``values``."""
    table = LABELS.get(language, LABELS["en"])
    return table.get(key, LABELS["en"][key]).format(**values)


def category(name: str, language: str) -> str:
    return CATEGORY_NAMES.get(language, {}).get(name, name)


def count(n: int, key: str, language: str) -> str:
    """``1 finding`` / ``3 findings`` (``key`` is the singular's key; the plural adds an s)."""
    return label(key if n == 1 else key + "s", language, n=n)


def verdict(score: Score, language: str, bar: float | None = None) -> str:
    """``17/100 FAIL (required: FTC001)``; ``bar`` replaces the policy's own (``--fail-under``)."""
    head = f"{score.total:.0f}/100"
    failing = score.total < bar if bar is not None else not score.passed
    if score.blocking:
        reason = label("required", language, rules=", ".join(score.blocking))
    elif failing:
        reason = label("under", language, bar=score.fail_under if bar is None else bar)
    else:
        return head
    return f"{head} {label('fail', language)} ({reason})"


def score_line(score: Score, language: str) -> str:
    """The score with the categories that lost points: ``78/100 — pushy 70 (2 findings)``."""
    parts = [
        f"{category(name, language)} {score.categories[name]:.0f} "
        f"({count(d.findings, 'finding', language)})"
        for name, d in sorted(score.details.items(), key=lambda item: item[1].score)
        if d.findings
    ]
    tail = ", ".join(parts) if parts else label("no_findings", language)
    return f"{verdict(score, language)} — {tail}"


def report_language(results: Iterable[PostResult]) -> str:
    """The language of a report's closing summary: the posts' own when they share one, else
    English."""
    languages = {r.language for r in results}
    return languages.pop() if len(languages) == 1 else "en"


def summary(findings: int, posts: int, failed: int, language: str) -> str:
    return label(
        "summary",
        language,
        findings=count(findings, "finding", language),
        posts=count(posts, "post", language),
        failed=failed,
    )
