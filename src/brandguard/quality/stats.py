"""Classification statistics for the evaluation: ROC AUC and precision/recall, pure functions.

AUC is the Mann–Whitney U statistic with ties counted as a half, so no numpy or scikit-learn is
needed; tests/test_eval.py checks it against the pair-by-pair definition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """Return the ROC AUC of scores where a higher score means "more likely positive".

    This is the Mann–Whitney U statistic divided by ``len(positive) * len(negative)``:
    the probability that a random positive scores above a random negative, ties
    counting ½. Computed from average ranks in O(n log n). Returns ``None`` when
    either class is empty (the AUC is undefined).

    >>> roc_auc([3, 4], [1, 2])
    1.0
    >>> roc_auc([1], [1])
    0.5
    """
    n_pos, n_neg = len(positive), len(negative)
    if n_pos == 0 or n_neg == 0:
        return None
    pooled = sorted([(float(s), True) for s in positive] + [(float(s), False) for s in negative])
    rank_sum_pos = 0.0
    i = 0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        average_rank = (i + j) / 2 + 1  # ranks are 1-based
        rank_sum_pos += average_rank * sum(1 for k in range(i, j + 1) if pooled[k][1])
        i = j + 1
    u = rank_sum_pos - n_pos * (n_pos + 1) / 2
    return u / (n_pos * n_neg)


@dataclass(frozen=True)
class Detection:
    """Precision and recall of a yes/no flag against the labels."""

    flagged_pos: int
    flagged_neg: int
    n_pos: int
    n_neg: int

    @property
    def precision(self) -> float | None:
        """Share of flagged texts that are positive (``None`` when nothing is flagged)."""
        flagged = self.flagged_pos + self.flagged_neg
        return self.flagged_pos / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        """Share of positive texts that are flagged."""
        return self.flagged_pos / self.n_pos if self.n_pos else None

    @property
    def neg_flag_rate(self) -> float | None:
        """Share of negative texts that are flagged (false-positive rate)."""
        return self.flagged_neg / self.n_neg if self.n_neg else None


def detection(flags: Sequence[bool], labels: Sequence[bool]) -> Detection:
    """Count flags on positive (``labels[i]`` true) and negative texts."""
    pos = sum(1 for f, y in zip(flags, labels, strict=True) if f and y)
    neg = sum(1 for f, y in zip(flags, labels, strict=True) if f and not y)
    n_pos = sum(1 for y in labels if y)
    return Detection(pos, neg, n_pos, len(labels) - n_pos)


def length_strata(lengths: Sequence[int], bins: int = 10) -> list[int]:
    """Assign each text to one of about *bins* equal-frequency strata of its length.

    Texts of the same length always share a stratum (so a stratum may hold more than its share
    when one length is common, and there may be fewer than *bins* strata).

    >>> length_strata([1, 2, 3, 4], bins=2)
    [0, 0, 1, 1]
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    strata = [0] * len(lengths)
    stratum, placed, previous = 0, 0, None
    for i in order:
        if (
            previous is not None
            and lengths[i] != previous
            and placed >= (stratum + 1) * len(order) / bins
        ):
            stratum += 1
        strata[i] = stratum
        placed += 1
        previous = lengths[i]
    return strata


def stratified_auc(
    scores: Sequence[float], labels: Sequence[bool], strata: Sequence[int]
) -> float | None:
    """ROC AUC over only the (positive, negative) pairs that share a stratum.

    It is the AUC of each stratum averaged with weights ``n_pos * n_neg`` (its number of pairs),
    so a length-matched AUC says how well the score ranks a positive above a negative *of similar
    length*. ``None`` when no stratum holds both classes.
    """
    groups: dict[int, tuple[list[float], list[float]]] = {}
    for score, label, stratum in zip(scores, labels, strata, strict=True):
        groups.setdefault(stratum, ([], []))[0 if label else 1].append(score)
    weighted, pairs = 0.0, 0
    for pos, neg in groups.values():
        auc = roc_auc(pos, neg)
        if auc is not None:
            weighted += auc * len(pos) * len(neg)
            pairs += len(pos) * len(neg)
    return weighted / pairs if pairs else None
