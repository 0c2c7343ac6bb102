"""The per-rule report: what each rule fires on, so its value (or its noise) is visible.

For every rule of the loaded policies: the share of positive and negative texts it fires on in
each labelled set, its rate per 1,000 words on good writing and on marketing copy per language,
the lift marketing/good, its severity, and a few matches with context. A rule that is not
``info`` and whose lift is under 2 in a language where it fires on writing fails the calibration
bar (issue 10: such a rule becomes ``info`` or goes).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .eval_run import Scored, context
from .eval_suite import Suite, per_thousand

#: Lift (marketing/good per 1,000 words) a warning- or error-level rule must reach.
CALIBRATION_LIFT = 2.0
EXAMPLES = 3


def rule_metadata(policies: list[Any]) -> dict[str, dict[str, Any]]:
    """Category, severity and languages of every rule in the loaded policies."""
    meta: dict[str, dict[str, Any]] = {}
    for policy in policies:
        for spec in policy.rules:
            entry = meta.setdefault(
                spec.id, {"category": spec.category, "severity": spec.severity, "languages": []}
            )
            entry["languages"].append(policy.language)
    return meta


def _ranked_examples(suite: Suite, positives: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Up to EXAMPLES matches per rule, from different sets and labels (writing first)."""
    firsts: dict[str, dict[tuple[int, str, str], dict[str, Any]]] = {}
    for name, scored in suite.scored.items():
        for s in scored:
            if name in positives:
                rank = 2 if s.row.label == positives[name] else 3
            else:
                rank = 0 if s.row.label == "marketing" else 1
            for h in s.hits:
                bucket = firsts.setdefault(h.rule, {})
                slot = (rank, name, s.row.label)
                if slot not in bucket:
                    bucket[slot] = {
                        "corpus": name,
                        "row": s.row.id,
                        "label": s.row.label,
                        "context": context(s.source, h.start, h.end, width=70),
                    }
    return {rule: [b[k] for k in sorted(b)[:EXAMPLES]] for rule, b in firsts.items()}


def _texts_with(scored: list[Scored]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for s in scored:
        counts.update({h.rule for h in s.hits})
    return counts


def rules_report(suite: Suite, policies: list[Any]) -> list[dict[str, Any]]:
    """One entry per rule (firing or not), sorted by category and id."""
    meta = rule_metadata(policies)
    positives = {r.name: r.positive for r in suite.labelled}
    labelled: dict[str, dict[str, Any]] = {}
    for r in suite.labelled:
        scored = suite.scored[r.name]
        pos = _texts_with([s for s in scored if s.row.label == r.positive])
        neg = _texts_with([s for s in scored if s.row.label != r.positive])
        labelled[r.name] = {"pos": pos, "neg": neg, "n_pos": r.n_pos, "n_neg": r.n_neg}
    writing: dict[tuple[str, str, str], Counter[str]] = {}  # (set, lang, label) -> hits
    words: dict[tuple[str, str, str], int] = {}
    for w in suite.writing:
        for s in suite.scored[w.name]:
            k = (w.name, s.row.lang, s.row.label)
            writing.setdefault(k, Counter()).update(h.rule for h in s.hits)
            words[k] = words.get(k, 0) + s.words
    seen_severity: dict[str, str] = {}
    for scored in suite.scored.values():
        for s in scored:
            for h in s.hits:
                seen_severity.setdefault(h.rule, h.severity)
                meta.setdefault(
                    h.rule, {"category": h.category, "severity": h.severity, "languages": []}
                )
    examples = _ranked_examples(suite, positives)
    report = []
    for rule, m in meta.items():
        entry: dict[str, Any] = {
            "rule": rule,
            "category": m["category"],
            "severity": seen_severity.get(rule, m["severity"]),
            "languages": sorted(set(m["languages"])),
            "labelled": {},
            "writing": {},
            "examples": examples.get(rule, []),
        }
        for name, d in labelled.items():
            entry["labelled"][name] = {
                "pos_texts": d["pos"][rule],
                "neg_texts": d["neg"][rule],
                "pos_rate": d["pos"][rule] / d["n_pos"] if d["n_pos"] else None,
                "neg_rate": d["neg"][rule] / d["n_neg"] if d["n_neg"] else None,
            }
        for (name, lang, label), hits in writing.items():
            if entry["languages"] and lang not in entry["languages"]:
                continue  # not a rule of this language's policy
            group = entry["writing"].setdefault(f"{name}/{lang}", {})
            group[f"{label}_hits"] = hits[rule]
            group[f"{label}_per_1k"] = per_thousand(hits[rule], words[(name, lang, label)])
        for group in entry["writing"].values():
            good, mkt = group.get("good_per_1k", 0.0), group.get("marketing_per_1k", 0.0)
            group["lift"] = mkt / good if good else None
        entry["fails_calibration"] = fails_calibration(entry)
        report.append(entry)
    report.sort(key=lambda e: (e["category"], e["rule"]))
    return report


def fails_calibration(entry: dict[str, Any]) -> list[str]:
    """Languages where a non-info rule fires on writing with lift under CALIBRATION_LIFT."""
    if entry["severity"] == "info":
        return []
    failing = []
    for group_name, g in entry["writing"].items():
        fired = g.get("good_hits", 0) + g.get("marketing_hits", 0)
        if fired and g.get("good_hits", 0) and (g["lift"] or 0.0) < CALIBRATION_LIFT:
            failing.append(group_name)
    return failing


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "–" if value is None else ("∞" if value == float("inf") else f"{value:.2f}")


def to_markdown(report: list[dict[str, Any]]) -> str:
    """The report as a Markdown page: one summary table, then examples per firing rule."""
    firing = [e for e in report if _fired(e)]
    sets = sorted({n for e in report for n in e["labelled"]})
    groups = sorted({n for e in report for n in e["writing"]})
    head = ["rule", "category", "severity"]
    head += [f"{n} pos / neg" for n in sets]
    head += [f"{g} good / mkt per 1k" for g in groups] + [f"{g} lift" for g in groups]
    head.append("calibration")
    out = [
        "# Per-rule report",
        "",
        "Rates: share of texts the rule fires on (labelled sets); "
        "findings per 1,000 words (writing). Lift = marketing / good; ∞ = never on good "
        f"writing. Calibration fails when a non-info rule's lift is under {CALIBRATION_LIFT:g}.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for e in firing:
        cells = [e["rule"], e["category"], e["severity"]]
        for n in sets:
            d = e["labelled"][n]
            cells.append(f"{_pct(d['pos_rate'])} / {_pct(d['neg_rate'])}")
        for g in groups:
            d = e["writing"].get(g, {})
            cells.append(f"{_num(d.get('good_per_1k'))} / {_num(d.get('marketing_per_1k'))}")
        for g in groups:
            d = e["writing"].get(g, {})
            lift = d.get("lift")
            if lift is None and d.get("marketing_hits"):
                lift = float("inf")
            cells.append(_num(lift))
        cells.append(
            "FAIL " + ", ".join(e["fails_calibration"]) if e["fails_calibration"] else "ok"
        )
        out.append("| " + " | ".join(cells) + " |")
    silent = [e["rule"] for e in report if not _fired(e)]
    out += ["", f"Rules that fired on no corpus ({len(silent)}): " + ", ".join(silent), ""]
    out += ["## Examples", ""]
    for e in firing:
        out.append(f"### {e['rule']} ({e['category']}, {e['severity']})")
        for x in e["examples"]:
            out.append(f"- {x['corpus']}:{x['row']} ({x['label']}): {x['context']}")
        out.append("")
    return "\n".join(out)


def _fired(entry: dict[str, Any]) -> bool:
    return any(d["pos_texts"] or d["neg_texts"] for d in entry["labelled"].values()) or any(
        d.get("good_hits") or d.get("marketing_hits") for d in entry["writing"].values()
    )


def write_report(report: list[dict[str, Any]], path: Path) -> None:
    """Write JSON when *path* ends in ``.json``, else Markdown."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        path.write_text(to_markdown(report), encoding="utf-8")
