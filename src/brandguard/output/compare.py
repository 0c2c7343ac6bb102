"""``audit --compare previous.jsonl``: what got better or worse since an earlier audit.

Why: after a policy change or a round of edits a team wants to know which posts moved and
which rules caused it, not to diff two JSONL files by hand. Posts are matched by id. For each
post of this run the change is its score delta and, per rule, the findings added (``new``) and
gone (``resolved``); a post *regressed* when its score fell (or, at an equal score, it gained
more findings than it lost), *improved* in the opposite case. The summary names the posts that
moved most and the rules with the most new and resolved findings; jsonl/json records carry a
``change`` object and the CSV four more columns.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BrandguardError
from ..model import PostResult

SHOWN = 10  # posts and rules named in each list of the summary
CSV_COLUMNS = ["change", "previous_score", "score_delta", "new_rules", "resolved_rules"]


@dataclass
class _Before:
    score: float | None
    rules: Counter[str]


@dataclass
class Comparison:
    """The previous audit by post id, and the changes counted while this one is written."""

    name: str
    before: dict[str, _Before]
    status: Counter[str] = field(default_factory=Counter)
    moved: dict[str, list[tuple[float, str, float | None, float, str]]] = field(
        default_factory=lambda: {"regressed": [], "improved": []}
    )
    new_by_rule: Counter[str] = field(default_factory=Counter)
    resolved_by_rule: Counter[str] = field(default_factory=Counter)
    posts_by_rule: dict[str, set[str]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    score_sums: list[float] = field(default_factory=lambda: [0.0, 0.0, 0])

    @classmethod
    def load(cls, path: str) -> Comparison:
        """Read a previous ``audit --format jsonl`` output; a UsageError when it is not one."""
        before: dict[str, _Before] = {}
        try:
            with Path(path).open(encoding="utf-8-sig") as handle:
                for lineno, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                        post_id = str(row["id"])
                        rules = Counter(str(f["rule"]) for f in row.get("findings") or ())
                    except (ValueError, KeyError, TypeError) as exc:
                        raise BrandguardError(
                            f"--compare {path}: line {lineno} is not an audit jsonl record ({exc})"
                        ) from None
                    score = row.get("score") if not row.get("error") else None
                    before[post_id] = _Before(
                        float(score) if isinstance(score, (int, float)) else None, rules
                    )
        except OSError as exc:
            raise BrandguardError(f"--compare {path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise BrandguardError(f"--compare {path}: not UTF-8 text") from None
        return cls(path, before)

    def change(self, result: PostResult) -> dict[str, Any]:
        """This post against its previous record (and counted for the summary)."""
        self.seen.add(result.id)
        prev = self.before.get(result.id)
        if prev is None:
            self.status["new"] += 1
            return {"status": "new"}
        now = Counter(f.rule_id for f in result.findings)
        new = {rule: n - prev.rules[rule] for rule, n in now.items() if n > prev.rules[rule]}
        gone = {rule: n - now[rule] for rule, n in prev.rules.items() if n > now[rule]}
        score = None if result.error else result.score.total
        delta = (
            round(score - prev.score, 1) if score is not None and prev.score is not None else 0.0
        )
        balance = sum(new.values()) - sum(gone.values())
        if delta < 0 or (delta == 0 and balance > 0):
            status = "regressed"
        elif delta > 0 or (delta == 0 and balance < 0):
            status = "improved"
        else:
            status = "unchanged"
        self.status[status] += 1
        if score is not None and prev.score is not None:
            self.score_sums[0] += prev.score
            self.score_sums[1] += score
            self.score_sums[2] += 1
        for rule, n in new.items():
            self.new_by_rule[rule] += n
            self.posts_by_rule.setdefault(rule, set()).add(result.id)
        for rule, n in gone.items():
            self.resolved_by_rule[rule] += n
        if status in self.moved:
            moved = self.moved[status]
            moved.append((delta, result.id, prev.score, score or 0.0, _rules_text(new, gone)))
            if len(moved) > 4 * SHOWN:  # keep the largest moves only: memory stays flat
                moved.sort(key=lambda m: abs(m[0]), reverse=True)
                del moved[SHOWN:]
        return {
            "status": status,
            "previous_score": prev.score,
            "score_delta": delta,
            "new": dict(sorted(new.items())),
            "resolved": dict(sorted(gone.items())),
        }

    def csv_cells(self, change: dict[str, Any]) -> list[Any]:
        return [
            change["status"],
            change.get("previous_score", ""),
            change.get("score_delta", ""),
            " ".join(change.get("new", ())),
            " ".join(change.get("resolved", ())),
        ]

    def summary(self) -> str:
        """A few readable lines: counts, mean scores, the posts and rules that moved most."""
        gone = sum(1 for post_id in self.before if post_id not in self.seen)
        s = self.status
        lines = [
            f"compared with {self.name}: {s['improved']} improved, {s['regressed']} regressed, "
            f"{s['unchanged']} unchanged, {s['new']} new, {gone} no longer in the input"
        ]
        before, after, n = self.score_sums
        if n:
            lines[0] += (
                f"; mean score {before / n:.1f} -> {after / n:.1f} ({(after - before) / n:+.1f})"
            )
        for title, moved in self.moved.items():
            rows = sorted(moved, key=lambda m: abs(m[0]), reverse=True)[:SHOWN]
            if rows:
                lines.append(f"  {title}: " + "; ".join(_post_text(*m) for m in rows))
        for title, counts, sign in (
            ("rules with new findings", self.new_by_rule, "+"),
            ("rules with resolved findings", self.resolved_by_rule, "-"),
        ):
            if counts:
                top = counts.most_common(SHOWN)
                lines.append(
                    f"  {title}: "
                    + ", ".join(
                        f"{rule} {sign}{n}"
                        + (
                            f" ({_posts(len(self.posts_by_rule[rule]))})"
                            if sign == "+" and rule in self.posts_by_rule
                            else ""
                        )
                        for rule, n in top
                    )
                )
        return "\n".join(lines)


def _posts(n: int) -> str:
    return f"{n} post{'s' if n != 1 else ''}"


def _rules_text(new: dict[str, int], gone: dict[str, int]) -> str:
    parts = [f"new {_counted(new)}"] if new else []
    if gone:
        parts.append(f"resolved {_counted(gone)}")
    return ", ".join(parts)


def _counted(rules: dict[str, int]) -> str:
    return " ".join(rule if n == 1 else f"{rule}x{n}" for rule, n in sorted(rules.items()))


def _post_text(delta: float, post_id: str, before: float | None, after: float, rules: str) -> str:
    was = "?" if before is None else f"{before:g}"
    return f"{post_id} {was} -> {after:g} ({delta:+g}{'; ' + rules if rules else ''})"
