"""Reading evaluation corpora: JSONL rows, which label is positive, and which kind of set a file is.

A *labelled* set has two labels, one of them the thing to detect (spam, clickbait, keyword
stuffing); a *writing* set has rows labelled ``good`` and ``marketing`` and is measured in findings
per 1,000 words rather than by AUC. Rows may carry ``lang`` (default ``en``) and ``format``
(``text``, ``markdown`` or ``html``; default ``text``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Labels that name what a detector looks for: the positive class wherever they appear.
KNOWN_POSITIVES = ("spam", "clickbait", "keyword_spam")
#: The labels of a writing set: good (edited) writing against marketing copy.
WRITING_LABELS = frozenset({"good", "marketing"})
#: Prefixes that turn a label into its negative ("not_keyword_spam", "non_clickbait").
NEGATING_PREFIXES = ("not_", "non_", "non-", "not-")
FORMATS = frozenset({"text", "markdown", "html"})


@dataclass(frozen=True)
class Row:
    """One text of a corpus."""

    id: str
    text: str
    label: str
    lang: str = "en"
    format: str = "text"


@dataclass
class Corpus:
    """One JSONL file of the suite, read and classified."""

    name: str  # the file's stem, e.g. sms_spam_collection
    path: Path
    rows: list[Row]
    kind: str  # "labelled", "writing" or "skipped"
    positive: str | None = None
    problems: list[str] = field(default_factory=list)


def read_jsonl(path: Path) -> tuple[list[Row], list[str]]:
    """Read ``{"id","text","label"}`` rows; return the rows and one problem message per bad line."""
    rows: list[Row] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path}:{lineno}: invalid JSON ({exc.msg})")
                continue
            if (
                not isinstance(obj, dict)
                or not isinstance(obj.get("text"), str)
                or "label" not in obj
            ):
                problems.append(f"{path}:{lineno}: row needs a string 'text' and a 'label'")
                continue
            rows.append(_row(obj, lineno))
    return rows, problems


def _row(obj: dict[str, Any], lineno: int) -> Row:
    fmt = str(obj.get("format") or "text")
    return Row(
        id=str(obj.get("id", lineno)),
        text=obj["text"],
        label=str(obj["label"]),
        lang=str(obj.get("lang") or "en"),
        format=fmt if fmt in FORMATS else "text",
    )


def parse_positive_overrides(values: list[str] | None) -> tuple[str | None, dict[str, str]]:
    """Split ``--positive`` values into a label for every set and ``STEM=LABEL`` per set."""
    everywhere: str | None = None
    per_set: dict[str, str] = {}
    for value in values or ():
        stem, sep, label = value.partition("=")
        if sep:
            per_set[stem] = label
        else:
            everywhere = value
    return everywhere, per_set


def infer_positive(labels: set[str], override: str | None = None) -> str | None:
    """The positive label of a two-class set, or ``None`` when it cannot be told.

    An override present among the labels wins; then a known detector label (spam, clickbait,
    keyword_spam); then, of two labels where one negates the other (``X`` / ``not_X``), ``X``.
    """
    if override is not None and override in labels:
        return override
    for known in KNOWN_POSITIVES:
        if known in labels:
            return known
    if len(labels) == 2:
        for label in labels:
            if any(other == prefix + label for prefix in NEGATING_PREFIXES for other in labels):
                return label
    return None


def classify(
    path: Path, rows: list[Row], problems: list[str], positives: tuple[str | None, dict[str, str]]
) -> Corpus:
    """Decide whether *rows* form a writing set, a labelled set (and its positive) or neither."""
    labels = {r.label for r in rows}
    corpus = Corpus(path.stem, path, rows, "skipped", problems=list(problems))
    everywhere, per_set = positives
    override = per_set.get(path.stem, everywhere)
    if labels == WRITING_LABELS and path.stem not in per_set:
        corpus.kind = "writing"
        return corpus
    positive = infer_positive(labels, override)
    if positive is None or len(labels) < 2:
        corpus.problems.append(
            f"{path.name}: cannot tell the positive label among {sorted(labels)}; "
            f"use --positive {path.stem}=LABEL"
        )
        return corpus
    corpus.kind, corpus.positive = "labelled", positive
    return corpus


def discover(directory: Path, positives: tuple[str | None, dict[str, str]]) -> list[Corpus]:
    """Read and classify every ``*.jsonl`` file in *directory*, sorted by name."""
    found = []
    for path in sorted(directory.glob("*.jsonl")):
        rows, problems = read_jsonl(path)
        found.append(classify(path, rows, problems, positives))
    return found


def policy_name(language: str) -> str:
    """The bundled default policy of a language (``default`` for English)."""
    return "default" if language == "en" else f"default-{language}"
