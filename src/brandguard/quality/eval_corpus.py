"""One labelled corpus, measured: AUC of each category and precision/recall of its warnings.

For the positive label, and for each category and the total:

* **AUC** — ROC AUC of ``100 - subscore`` (a lower subscore means "more likely
  positive"), computed as the Mann–Whitney U statistic with ties counted as ½;
* **precision / recall** of the rule "the text has at least one finding of
  severity warning or error in that category" (for the total: in any category);
* **neg flagged** — the share of negative texts with such a finding (the false
  positive rate the detection packs must keep low).

``--proselint`` lints every text with proselint (``peers.py``) and reports the AUC of its
finding count per text side by side.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import peers
from .eval_data import read_jsonl
from .stats import detection, roc_auc

#: Categories shown first, in this order; any others the engine reports follow, sorted.
CATEGORY_ORDER = ("bland", "pushy", "seo", "terminology", "disclosure", "readability")
#: Severities that count as "flagged".
FLAG_SEVERITIES = frozenset({"warning", "error"})


@dataclass(frozen=True)
class Summary:
    """What brandguard said about one text, reduced to what the metrics need."""

    total: float
    categories: dict[str, float]
    flagged: frozenset[str]  # categories with a warning- or error-level finding
    rules: tuple[str, ...]  # ids of warning/error findings (with repeats)


def load_default_policy(language: str, policy: str | None) -> Any:
    """Load ``policy`` (a path or bundled name) or the bundled default of ``language``."""
    from brandguard import load_policy

    if policy is not None:
        return load_policy(policy)
    return load_policy(None) if language == "en" else load_policy(f"default-{language}")


def score_texts(texts: Iterable[str], policy: Any) -> list[Summary]:
    """Score each text in-process with *policy*.

    Uses ``brandguard.check_texts`` (one pipelined pass) when the API has it, else
    ``brandguard.check_text`` per text; results come back in input order.
    """
    import brandguard

    batch = getattr(brandguard, "check_texts", None)
    if batch is not None:
        results: Iterable[Any] = batch(texts, policy=policy)
    else:
        results = (brandguard.check_text(t, policy=policy, meta=None) for t in texts)
    return [summarise(r) for r in results]


def summarise(result: Any) -> Summary:
    """Reduce a brandguard result to the figures the metrics need."""
    flagged = [f for f in result.findings if f.severity in FLAG_SEVERITIES]
    return Summary(
        total=float(result.score.total),
        categories={k: float(v) for k, v in result.score.categories.items()},
        flagged=frozenset(f.category for f in flagged),
        rules=tuple(f.rule_id for f in flagged),
    )


@dataclass
class Line:
    """One line of the report: an AUC and, where it applies, a flag's precision/recall."""

    name: str
    auc: float | None
    precision: float | None = None
    recall: float | None = None
    neg_flag_rate: float | None = None
    flagged_pos: int | None = None
    flagged_neg: int | None = None


@dataclass
class Report:
    """Everything the evaluation measured on one corpus."""

    corpus: str
    positive: str
    n_pos: int
    n_neg: int
    policy: str
    language: str
    seconds: float
    words: int
    lines: list[Line] = field(default_factory=list)
    peers: list[Line] = field(default_factory=list)
    top_rules: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def ordered_categories(scored: Sequence[Summary]) -> list[str]:
    """The categories present in the results: the usual ones first, then any others."""
    seen = {c for s in scored for c in s.categories}
    return [c for c in CATEGORY_ORDER if c in seen] + sorted(seen - set(CATEGORY_ORDER))


def make_line(
    name: str, risk: Sequence[float], flags: Sequence[bool] | None, labels: Sequence[bool]
) -> Line:
    """Build a report line from per-text risk scores (higher = more positive) and flags."""
    auc = roc_auc(
        [r for r, y in zip(risk, labels, strict=True) if y],
        [r for r, y in zip(risk, labels, strict=True) if not y],
    )
    line = Line(name, auc)
    if flags is not None:
        d = detection(flags, labels)
        line.precision, line.recall, line.neg_flag_rate = d.precision, d.recall, d.neg_flag_rate
        line.flagged_pos, line.flagged_neg = d.flagged_pos, d.flagged_neg
    return line


def evaluate(scored: Sequence[Summary], labels: Sequence[bool]) -> list[Line]:
    """Compute one line per category and one for the total."""
    lines = []
    for cat in ordered_categories(scored):
        risk = [100.0 - s.categories.get(cat, 100.0) for s in scored]
        lines.append(make_line(cat, risk, [cat in s.flagged for s in scored], labels))
    lines.append(
        make_line(
            "total", [100.0 - s.total for s in scored], [bool(s.flagged) for s in scored], labels
        )
    )
    return lines


def rule_counts(
    scored: Sequence[Summary], labels: Sequence[bool], top: int
) -> list[dict[str, Any]]:
    """The *top* rules by number of texts flagged, with their positive/negative split."""
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    for s, y in zip(scored, labels, strict=True):
        (pos if y else neg).update(set(s.rules))
    total = pos + neg
    return [
        {"rule": r, "pos_texts": pos[r], "neg_texts": neg[r]} for r, _ in total.most_common(top)
    ]


def _fmt(value: float | None, pct: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{100 * value:.1f}%" if pct else f"{value:.3f}"


def format_table(report: Report) -> str:
    """A compact, fixed-width table of the report."""
    speed = report.words / report.seconds if report.seconds else 0.0
    out = [
        f"{report.corpus}: positive '{report.positive}' n={report.n_pos}, "
        f"negative n={report.n_neg}; policy {report.policy} ({report.language}); "
        f"{report.seconds:.1f}s, {speed:,.0f} words/s",
        "",
        f"{'':<18}{'AUC':>7}{'precision':>11}{'recall':>9}{'neg flagged':>13}",
    ]
    for line in report.lines + report.peers:
        out.append(
            f"{line.name:<18}{_fmt(line.auc):>7}{_fmt(line.precision, True):>11}"
            f"{_fmt(line.recall, True):>9}{_fmt(line.neg_flag_rate, True):>13}"
        )
    out.append("")
    out.append(
        "AUC of 100 - subscore; flagged = at least one warning/error finding"
        " in the category (total: any)."
    )
    if report.top_rules:
        out.append("")
        out.append(f"{'rule':<24}{'pos texts':>10}{'neg texts':>10}")
        for r in report.top_rules:
            out.append(f"{r['rule']:<24}{r['pos_texts']:>10}{r['neg_texts']:>10}")
    for p in report.problems:
        out.append(f"skipped: {p}")
    return "\n".join(out)


def to_json(report: Report) -> str:
    """The report as a JSON document (figures unrounded, lines keyed by name)."""
    data = asdict(report)
    data["lines"] = {
        line["name"]: {k: v for k, v in line.items() if k != "name"} for line in data["lines"]
    }
    data["peers"] = {
        line["name"]: {k: v for k, v in line.items() if k != "name"} for line in data["peers"]
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def run(
    corpus: Path,
    *,
    language: str = "en",
    policy: str | None = None,
    positive: str = "spam",
    with_proselint: bool = False,
    top_rules: int = 0,
) -> Report:
    """Score *corpus* and return the report (the work behind :func:`main`)."""
    rows, problems = read_jsonl(corpus)
    labels = [r.label == positive for r in rows]
    loaded = load_default_policy(language, policy)
    start = time.perf_counter()
    scored = score_texts((r.text for r in rows), loaded)
    seconds = time.perf_counter() - start
    report = Report(
        corpus=str(corpus),
        positive=positive,
        n_pos=sum(labels),
        n_neg=len(labels) - sum(labels),
        policy=policy or ("default" if language == "en" else f"default-{language}"),
        language=language,
        seconds=seconds,
        words=sum(len(r.text.split()) for r in rows),
        lines=evaluate(scored, labels),
        problems=problems,
    )
    if top_rules:
        report.top_rules = rule_counts(scored, labels, top_rules)
    if with_proselint:
        version, counts, _ = peers.proselint_counts([r.text for r in rows])
        report.peers.append(
            make_line(
                f"proselint {version}", [float(c) for c in counts], [c > 0 for c in counts], labels
            )
        )
    return report
