"""Plain data that flows between the stages: rules, findings, scores, results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# The largest post read (check and audit --max-post-size): a longer file, row or line is a BG003
# result, read no further than the bound (an export of /dev/zero ran out of memory).
MAX_POST_BYTES = 5 * 1024 * 1024
# Built-in rules about the run itself; their findings never count towards a score.
META_RULES = {
    "BG001": ("unused-suppression", "warning", "a suppression comment that silences nothing"),
    "BG002": ("invalid-front-matter", "error", "the post's YAML front matter cannot be read"),
    "BG003": ("unreadable-post", "error", "the post cannot be read (missing, not UTF-8, bad row)"),
    "BG004": (
        "invalid-suppression",
        "error",
        "a brandguard comment with no ids or an unknown verb",
    ),
    "BG005": ("regex-timeout", "error", "a policy regex ran out of its time budget on the post"),
}
CATEGORIES = ("bland", "pushy", "seo", "terminology", "disclosure", "readability", "style")


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written in a pack or compiled from a policy section."""

    id: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    options: dict[str, Any] = field(default_factory=dict)
    suggest: str | None = None
    link: str | None = None
    weight: float = 1.0
    requires: tuple[str, ...] = ()
    when: dict[str, Any] | None = None
    scope: str | None = None  # scopes.SCOPES: report only inside this region of the post
    examples: dict[str, list[Any]] = field(default_factory=dict)
    origin: str = ""  # "file:line" where the rule was defined
    quotes: bool = False  # also check quoted words (block quotes, quotations): see context.py
    language: str | None = None  # the posts it runs on (en, it); None: posts of any language


@dataclass(frozen=True)
class Fix:
    """Replace source[start:end] with ``replacement``; ``safe`` fixes keep the meaning."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    rule_id: str
    name: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int  # character offsets in the source
    end: int
    match: str
    message: str
    suggestion: str | None = None
    fix: Fix | None = None
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule_id,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "message": self.message,
        }
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.fix:
            data["fix"] = {"replacement": self.fix.replacement, "safe": self.fix.safe}
        return data


@dataclass(frozen=True)
class CategoryScore:
    score: float
    findings: int
    penalty: float


@dataclass(frozen=True)
class Score:
    total: float
    categories: dict[str, float]
    details: dict[str, CategoryScore]
    words: int
    passed: bool
    fail_under: float
    blocking: tuple[str, ...] = ()  # rule ids that fail the post whatever its score

    def explain(self) -> str:
        parts = [
            f"{name} {self.categories[name]:.0f} ({d.findings} finding{'s' if d.findings != 1 else ''})"
            for name, d in sorted(self.details.items(), key=lambda item: item[1].score)
            if d.findings
        ]
        head = f"{self.total:.0f}/100"
        if not self.passed:
            reason = (
                f"required: {', '.join(self.blocking)}"
                if self.blocking
                else f"under {self.fail_under:g}"
            )
            head += f" FAIL ({reason})"
        return head + (" — " + ", ".join(parts) if parts else " — no findings")


@dataclass(frozen=True)
class PostResult:
    """Everything known about one checked post."""

    id: str
    path: str | None
    findings: tuple[Finding, ...]
    score: Score
    skipped_rules: tuple[str, ...] = ()
    error: str | None = None  # set when the post could not be read or parsed
    source: str = ""  # the post's source text, for excerpts and fixes
    language: str = ""  # the language the post was checked in (en, it): text/language.py

    def to_dict(self) -> dict[str, Any]:
        """The post as JSON reports and audit records write it."""
        data: dict[str, Any] = {
            "id": self.id,
            "score": self.score.total,
            "categories": self.score.categories,
            "passed": self.score.passed,
            "words": self.score.words,
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.path and self.path != self.id:
            data["path"] = self.path
        if self.error:
            data["error"] = self.error
        return data

    def verdict(self) -> Verdict:
        """What decides the post's exit status and counts in an audit's totals."""
        s = self.score
        worst = max((SEVERITY_RANK[f.severity] for f in self.findings), default=-1)
        return Verdict(len(self.findings), worst, s.total, s.passed, s.words, s.blocking)


class Verdict(NamedTuple):
    """A result's findings count and worst severity rank (-1: none) and the score figures that
    decide pass or fail: all a JSONL re-audit reads of a cached result (engine/result_codec.py
    keeps it so, and leaves the findings undecoded)."""

    findings: int
    worst: int
    total: float
    passed: bool
    words: int
    blocking: tuple[str, ...]


@dataclass
class AuditSummary:
    """Totals of an audit, counted while its records stream out (audit.py, audit_html.py)."""

    posts: int = 0
    failed: int = 0
    unreadable: int = 0
    findings: int = 0
    words: int = 0
    score_sum: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, result: PostResult) -> None:
        verdict = result.verdict()
        self.posts += 1
        self.findings += verdict.findings
        if result.error:
            self.unreadable += 1
            self.errors.append(result.error)
            return
        self.words += verdict.words
        self.score_sum += verdict.total
        if not verdict.passed:
            self.failed += 1

    @property
    def mean_score(self) -> float:
        scored = self.posts - self.unreadable
        return self.score_sum / scored if scored else 0.0
