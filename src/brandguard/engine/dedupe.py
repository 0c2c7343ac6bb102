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
  "for Free!"): the longer match is the more specific one. A short match inside a long one of
  another concept ("FREE" inside "FREE membership, call 0906...") is a second problem and stays;
- findings of metric rules on the *same measure* form one group (a tone knob and a pack rule
  both counting exclamation marks); measures of style (capitals, sentence length) never group
  with phrases, which name a different problem.

Each group keeps one finding, chosen by: the policy's own rule before a bundled pack's, then the
higher severity, then the longer span, then the heavier weight, then the rule id (stable). Rule
ids are never special-cased. Partial overlaps are different problems and stay.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def _nested(inner: Finding, outer: Finding, ranks: dict[str, Rank]) -> bool:
    if not (outer.start <= inner.start and inner.end <= outer.end):
        return False
    rank = ranks.get(outer.rule_id)
    if rank and rank.own and not (ranks.get(inner.rule_id) or rank).own:
        return True
    share = (inner.end - inner.start) / max(outer.end - outer.start, 1)
    return inner.category == outer.category and share >= NESTED_SHARE


def collapse(findings: list[Finding], ranks: dict[str, Rank]) -> list[Finding]:
    """``findings`` with each group of duplicates reduced to its preferred finding."""
    if len(findings) < 2:
        return findings
    groups: dict[int, list[int]] = {}  # group leader index -> member indices
    leader: dict[int, int] = {}
    by_metric: dict[tuple[object, ...], int] = {}
    local = sorted(
        (
            i
            for i, f in enumerate(findings)
            if (r := ranks.get(f.rule_id)) and r.local and not r.metric
        ),
        key=lambda i: (findings[i].start, -findings[i].end),
    )
    # Sweep in (start, -end) order: a span is nested in the open outer spans that end after it.
    open_spans: list[int] = []
    for i in local:
        f = findings[i]
        open_spans = [j for j in open_spans if findings[j].end > f.start]
        home = None
        for j in reversed(open_spans):
            g = findings[j]
            if _same(f, g) or _nested(f, g, ranks):
                home = leader[j]
                break
        if home is None:
            leader[i] = i
            groups[i] = [i]
            open_spans.append(i)
        else:
            leader[i] = home
            groups[home].append(i)
    for i, f in enumerate(findings):
        rank = ranks.get(f.rule_id)
        if rank and rank.metric:
            key = (rank.metric, f.start, f.end) if rank.local else (rank.metric,)
            home = by_metric.setdefault(key, i)
            groups.setdefault(home, [home])
            if home != i:
                groups[home].append(i)
    drop: set[int] = set()
    for members in groups.values():
        if len(members) > 1:
            best = min(members, key=lambda i: _preference(findings[i], ranks))
            drop.update(m for m in members if m != best)
    if not drop:
        return findings
    return [f for i, f in enumerate(findings) if i not in drop]
