"""One problem, one finding: collapse findings that several rules raise for the same words.

Packs overlap on purpose (a policy bans "game-changer" that the bland pack also lists; "click
here" is both a vague nudge and vague link text; a tone knob and a pack rule both count
exclamation marks). Reporting each would count one problem two or three times in the score. So,
after suppressions:

- findings of span rules (phrases, patterns, regexes, substitutions: ``Rank.local``) on the
  *same span* (trailing punctuation aside) form one group whatever their category;
- a span finding *nested* inside a longer one joins the longer one's group when the longer one
  is the policy's own rule (a banned "is a game-changer" covers the pack's "game-changer"), or
  when both have the same category and the inner one covers most of the outer one ("Free!" in
  "for Free!") or the outer one is a phrase of at most three words ("FREE" in "Completely
  FREE"): the longer match is the more specific one. A short match inside a long one of
  another concept ("FREE" inside "FREE membership, call 0906...") is a second problem and stays;
- findings of metric rules on the *same measure* form one group (a tone knob and a pack rule
  both counting exclamation marks);
- a metric finding that marks words (a word shouted in capitals) joins a span finding of the
  *same category* on the same words or around them: "FREE" shouted (caps) and "FREE" as bait
  (a regex) are one problem. Across categories they never group (a long sentence and the
  phrase in it are two problems).

Groups are transitive: "Completely FREE" (a regex), "FREE" (another regex) and "FREE" in
capitals (a measure) are one finding.

Each group keeps one finding, chosen by: the policy's own rule before a bundled pack's, then the
higher severity, then the longer span, then the heavier weight, then the rule id (stable). The
finding kept weighs as the heaviest of its group, so one problem counts once and never less than
its most serious reading. Rule ids are never special-cased. Partial overlaps are different
problems and stay.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import SEVERITY_RANK, Finding


@dataclass(frozen=True)
class Rank:
    """What the engine knows of a rule that decides collapsing."""

    own: bool  # written in the policy (or a pack of its own), not in a bundled pack
    local: bool  # the finding marks the words at its span (a phrase, pattern or regex)
    metric: str | None = None  # the measure a metric rule compares


def _preference(finding: Finding, ranks: dict[str, Rank]) -> tuple[object, ...]:
    rank = ranks.get(finding.rule_id)
    return (
        not (rank and rank.own),
        -SEVERITY_RANK.get(finding.severity, 0),
        -(finding.end - finding.start),
        -finding.weight,
        finding.rule_id,
    )


_TRAIL = " \t\n.,;:!?…"
NESTED_SHARE = 0.75  # an inner match covering this share of the outer one is the same problem


def _same(f: Finding, g: Finding) -> bool:
    """The same words, trailing punctuation and blanks aside."""
    if f.start != g.start:
        return False
    a, b = f.match.rstrip(_TRAIL), g.match.rstrip(_TRAIL)
    return a.lower() == b.lower()


SHORT_PHRASE = 3  # words: a match this short is one phrase, whatever lies inside it


def _words(finding: Finding) -> int:
    return len(finding.match.split())


def _nested(inner: Finding, outer: Finding, ranks: dict[str, Rank]) -> bool:
    if not (outer.start <= inner.start and inner.end <= outer.end):
        return False
    rank = ranks.get(outer.rule_id)
    if rank and rank.own and not (ranks.get(inner.rule_id) or rank).own:
        return True
    if inner.category != outer.category:
        return False
    share = (inner.end - inner.start) / max(outer.end - outer.start, 1)
    return share >= NESTED_SHARE or _words(outer) <= SHORT_PHRASE


def _joins(f: Finding, g: Finding, ranks: dict[str, Rank]) -> bool:
    """``f`` (later in (start, -end) order) is the same problem as the open span ``g``: the same
    words or one nested in the other (``_nested``). A measured span (a word in capitals) meets a
    span finding only within one category; two measures meet only by measure (below)."""
    measured = (ranks[f.rule_id].metric, ranks[g.rule_id].metric)
    if all(measured) or (any(measured) and f.category != g.category):
        return False
    return _same(f, g) or _nested(f, g, ranks)


class _Groups:
    """Union-find over finding indices: a finding may meet its duplicates by span and by measure."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, i: int) -> int:
        self.parent.setdefault(i, i)
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)

    def members(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in list(self.parent):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


def collapse(findings: list[Finding], ranks: dict[str, Rank]) -> list[Finding]:
    """``findings`` with each group of duplicates reduced to its preferred finding."""
    if len(findings) < 2:
        return findings
    groups = _Groups()
    by_metric: dict[tuple[object, ...], int] = {}
    spans = sorted(
        (i for i, f in enumerate(findings) if (r := ranks.get(f.rule_id)) and r.local),
        key=lambda i: (findings[i].start, -findings[i].end),
    )
    # Sweep in (start, -end) order: a span is nested in the open outer spans that end after it.
    open_spans: list[int] = []
    for i in spans:
        f = findings[i]
        open_spans = [j for j in open_spans if findings[j].end > f.start]
        for j in reversed(open_spans):
            if _joins(f, findings[j], ranks):
                groups.union(i, j)
                break
        open_spans.append(i)
    for i, f in enumerate(findings):
        rank = ranks.get(f.rule_id)
        if rank and rank.metric:
            key = (rank.metric, f.start, f.end) if rank.local else (rank.metric,)
            groups.union(i, by_metric.setdefault(key, i))
    drop: set[int] = set()
    heavier: dict[int, float] = {}
    for members in groups.members():
        if len(members) > 1:
            best = min(members, key=lambda i: _preference(findings[i], ranks))
            drop.update(m for m in members if m != best)
            weight = max(findings[m].weight for m in members)
            if weight > findings[best].weight:
                heavier[best] = weight
    if not drop:
        return findings
    return [
        replace(f, weight=heavier[i]) if i in heavier else f
        for i, f in enumerate(findings)
        if i not in drop
    ]
