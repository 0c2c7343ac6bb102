"""The evaluation suite: every corpus of a directory, measured in one run.

Labelled sets (spam, clickbait, keyword stuffing) get per-category ROC AUC of ``100 - subscore``,
a length-matched AUC beside the AUC of length alone, a lower-cased AUC where capitalisation is a
house-style artifact (clickbait), and the share of negatives warned. Writing sets (good writing
against marketing copy) get findings per 1,000 words per language, the marketing/good lift and
the per-document AUC of ``100 - subscore``, marketing against good (does a category's score tell
a brochure from an edited page, not only count more findings on it).
Each corpus also reports its checking time and words per second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import peers
from .eval_data import Corpus, discover
from .eval_run import Policies, Scored, score_rows
from .stats import length_strata, roc_auc, stratified_auc

#: Columns of the table: the three detection categories and the total.
AUC_COLUMNS = ("bland", "pushy", "seo", "total")
#: Categories whose findings the writing rates count ("total" is their sum).
RATE_CATEGORIES = ("bland", "pushy", "seo")
#: Positive labels whose sets are also measured lower-cased (Title Case is a site artifact).
LOWERCASE_POSITIVES = frozenset({"clickbait"})
#: Equal-frequency word-count strata for the length-matched AUC.
LENGTH_STRATA = 10


@dataclass
class LabelledResult:
    """The figures of one labelled set."""

    name: str
    positive: str
    n_pos: int
    n_neg: int
    words: int
    seconds: float
    auc: dict[str, float | None]
    length_auc: float | None  # AUC of the word count alone
    length_matched: dict[str, float | None]
    length_auc_within_strata: float | None  # what length still says inside the strata
    neg_warned: dict[str, float | None]
    auc_lowercase: dict[str, float | None] | None = None
    peers: dict[str, float | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass
class WritingGroup:
    """Findings per 1,000 words of one language on good writing and on marketing copy."""

    lang: str
    rows: dict[str, int]  # label -> rows
    words: dict[str, int]  # label -> words (engine count)
    warn: dict[str, dict[str, float]]  # label -> category -> warning+error findings per 1k words
    all: dict[str, dict[str, float]]  # label -> category -> findings of any severity per 1k words
    peers: dict[str, dict[str, float]] = field(default_factory=dict)  # peer -> label -> per 1k
    auc: dict[str, float | None] = field(default_factory=dict)  # category -> AUC, marketing vs good


@dataclass
class WritingResult:
    """The figures of one writing set."""

    name: str
    words: int
    seconds: float
    groups: list[WritingGroup]
    problems: list[str] = field(default_factory=list)


@dataclass
class Suite:
    """Everything one suite run measured, plus the scored rows for the rules report and samples."""

    labelled: list[LabelledResult]
    writing: list[WritingResult]
    skipped: list[str]
    scored: dict[str, list[Scored]] = field(default_factory=dict)
    policies: list[Any] = field(default_factory=list)  # the policies the rows were checked with


def per_thousand(count: float, words: int) -> float:
    """*count* per 1,000 words (0 when there are no words)."""
    return 1000.0 * count / words if words else 0.0


def lift(marketing: float, good: float) -> float | None:
    """Marketing rate over good-writing rate; ``None`` when good writing has none."""
    return marketing / good if good > 0 else None


def _auc(scores: Sequence[float], labels: Sequence[bool]) -> float | None:
    return roc_auc(
        [s for s, y in zip(scores, labels, strict=True) if y],
        [s for s, y in zip(scores, labels, strict=True) if not y],
    )


def measure_labelled(
    corpus: Corpus, scored: list[Scored], seconds: float, lowered: list[Scored] | None
) -> LabelledResult:
    """AUCs, length-matched AUCs and negatives warned of one labelled set."""
    labels = [s.row.label == corpus.positive for s in scored]
    lengths = [s.words for s in scored]
    strata = length_strata(lengths, LENGTH_STRATA)
    negatives = [s for s, y in zip(scored, labels, strict=True) if not y]
    result = LabelledResult(
        name=corpus.name,
        positive=str(corpus.positive),
        n_pos=sum(labels),
        n_neg=len(labels) - sum(labels),
        words=sum(lengths),
        seconds=seconds,
        auc={c: _auc([s.risk(c) for s in scored], labels) for c in AUC_COLUMNS},
        length_auc=_auc([float(n) for n in lengths], labels),
        length_matched={
            c: stratified_auc([s.risk(c) for s in scored], labels, strata) for c in AUC_COLUMNS
        },
        length_auc_within_strata=stratified_auc([float(n) for n in lengths], labels, strata),
        neg_warned={
            c: (sum(s.warned_in(c) for s in negatives) / len(negatives) if negatives else None)
            for c in AUC_COLUMNS
        },
        problems=corpus.problems,
    )
    if lowered is not None:
        result.auc_lowercase = {c: _auc([s.risk(c) for s in lowered], labels) for c in AUC_COLUMNS}
    return result


def measure_writing(corpus: Corpus, scored: list[Scored], seconds: float) -> WritingResult:
    """Per-language rates of bland/pushy/SEO findings on good writing and marketing copy, and
    the per-document AUC of each subscore, marketing rows against good ones."""
    groups = []
    for lang in sorted({s.row.lang for s in scored}):
        mine = [s for s in scored if s.row.lang == lang]
        group = WritingGroup(lang, {}, {}, {}, {})
        for label in ("good", "marketing"):
            rows = [s for s in mine if s.row.label == label]
            words = sum(s.words for s in rows)
            group.rows[label], group.words[label] = len(rows), words
            for bucket, keep in ((group.warn, True), (group.all, False)):
                counts = {
                    c: sum(
                        1
                        for s in rows
                        for h in s.hits
                        if h.category == c and (h.warned or not keep)
                    )
                    for c in RATE_CATEGORIES
                }
                rates = {c: per_thousand(n, words) for c, n in counts.items()}
                rates["total"] = per_thousand(sum(counts.values()), words)
                bucket[label] = rates
        labelled = [s for s in mine if s.row.label in ("good", "marketing")]
        is_marketing = [s.row.label == "marketing" for s in labelled]
        group.auc = {c: _auc([s.risk(c) for s in labelled], is_marketing) for c in AUC_COLUMNS}
        groups.append(group)
    return WritingResult(
        corpus.name, sum(s.words for s in scored), seconds, groups, problems=corpus.problems
    )


def add_proselint(
    labelled: list[LabelledResult], writing: list[WritingResult], suite: Suite
) -> None:
    """Lint every text with proselint and put its figures beside brandguard's."""
    for result in labelled:
        scored = suite.scored[result.name]
        version, counts, _ = peers.proselint_counts([s.row.text for s in scored])
        labels = [s.row.label == result.positive for s in scored]
        result.peers[f"proselint {version}"] = _auc([float(c) for c in counts], labels)
    for wresult in writing:
        scored = suite.scored[wresult.name]
        version, counts, _ = peers.proselint_counts([s.row.text for s in scored])
        for group in wresult.groups:
            rates = {}
            for label in ("good", "marketing"):
                n = sum(
                    c
                    for s, c in zip(scored, counts, strict=True)
                    if s.row.lang == group.lang and s.row.label == label
                )
                rates[label] = per_thousand(n, group.words[label])
            group.peers[f"proselint {version}"] = rates


def run_suite(
    directory: Path,
    positives: tuple[str | None, dict[str, str]] = (None, {}),
    with_proselint: bool = False,
) -> Suite:
    """Discover, score and measure every corpus in *directory*."""
    policies = Policies()
    suite = Suite([], [], [])
    for corpus in discover(directory, positives):
        if corpus.kind == "skipped":
            suite.skipped.extend(corpus.problems or [f"{corpus.path.name}: no rows"])
            continue
        scored, seconds = score_rows(corpus.rows, policies)
        suite.scored[corpus.name] = scored
        if corpus.kind == "writing":
            suite.writing.append(measure_writing(corpus, scored, seconds))
            continue
        lowered = None
        if corpus.positive in LOWERCASE_POSITIVES:
            lowered, _ = score_rows(corpus.rows, policies, transform=str.lower)
        suite.labelled.append(measure_labelled(corpus, scored, seconds, lowered))
    if with_proselint:
        add_proselint(suite.labelled, suite.writing, suite)
    suite.policies = policies.loaded()
    return suite


def suite_data(suite: Suite) -> dict[str, Any]:
    """The suite's figures as plain data (for ``--json``)."""
    from dataclasses import asdict

    return {
        "labelled": [asdict(r) for r in suite.labelled],
        "writing": [
            {
                **asdict(w),
                "groups": [
                    {
                        **asdict(g),
                        "lift": {
                            kind: {
                                c: lift(rates["marketing"][c], rates["good"][c])
                                for c in (*RATE_CATEGORIES, "total")
                            }
                            for kind, rates in (("warn", g.warn), ("all", g.all))
                        },
                    }
                    for g in w.groups
                ],
            }
            for w in suite.writing
        ],
        "skipped": suite.skipped,
    }
