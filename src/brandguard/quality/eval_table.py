"""The suite's one table (and the judged-findings and calibration notes under it), as text."""

from __future__ import annotations

from typing import Any

from .eval_suite import AUC_COLUMNS, LENGTH_STRATA, LabelledResult, Suite, WritingResult, lift
from .judged import JudgedCheck

LABEL_WIDTH = 44
COLUMN_WIDTH = 8


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _row(label: str, cells: list[str]) -> str:
    return f"  {label:<{LABEL_WIDTH - 2}}" + "".join(f"{c:>{COLUMN_WIDTH}}" for c in cells)


def _speed(words: int, seconds: float) -> str:
    rate = f"{words / seconds:,.0f} words/s" if seconds else "–"
    return f"{words:,} words in {seconds:.1f} s ({rate})"


def labelled_lines(r: LabelledResult) -> list[str]:
    """The rows of one labelled set."""
    out = [
        f"{r.name}: {r.positive} {r.n_pos:,} / other {r.n_neg:,}; {_speed(r.words, r.seconds)}; "
        f"length alone AUC {_num(r.length_auc)} ({_num(r.length_auc_within_strata)} within strata)",
        _row("AUC of 100 - subscore", [_num(r.auc[c]) for c in AUC_COLUMNS]),
    ]
    if r.auc_lowercase is not None:
        out.append(_row("AUC, text lower-cased", [_num(r.auc_lowercase[c]) for c in AUC_COLUMNS]))
    out.append(
        _row(
            f"AUC length-matched ({LENGTH_STRATA} word-count strata)",
            [_num(r.length_matched[c]) for c in AUC_COLUMNS],
        )
    )
    out.append(
        _row("negatives warned (warning/error)", [_pct(r.neg_warned[c]) for c in AUC_COLUMNS])
    )
    for peer, auc in r.peers.items():
        out.append(_row(f"{peer}: AUC of findings per text", ["", "", "", _num(auc)]))
    for p in r.problems:
        out.append(f"  skipped: {p}")
    return out


def writing_lines(w: WritingResult) -> list[str]:
    """The rows of one writing set: per language, rates per 1,000 words and the lift."""
    out = [f"{w.name}: findings per 1,000 words; {_speed(w.words, w.seconds)}"]
    for g in w.groups:
        for label in ("good", "marketing"):
            name = f"{g.lang} {label} ({g.rows[label]} rows, {g.words[label]:,} w)"
            out.append(_row(f"{name} warn", [_num(g.warn[label][c], 2) for c in AUC_COLUMNS]))
            out.append(
                _row(
                    f"{g.lang} {label} all severities",
                    [_num(g.all[label][c], 2) for c in AUC_COLUMNS],
                )
            )
        for kind, rates in (("warn", g.warn), ("all", g.all)):
            lifts = [lift(rates["marketing"][c], rates["good"][c]) for c in AUC_COLUMNS]
            out.append(_row(f"{g.lang} lift marketing/good, {kind}", [_num(x, 2) for x in lifts]))
        if g.auc:
            aucs = "/".join(_num(g.auc.get(c)) for c in AUC_COLUMNS)
            out.append(f"  {g.lang} AUC marketing vs good ({'/'.join(AUC_COLUMNS)}) {aucs}")
        for peer, rates in g.peers.items():
            cell = f"{rates['good']:.1f}/{rates['marketing']:.1f}"
            out.append(_row(f"{g.lang} {peer} per 1k, good/marketing", ["", "", "", cell]))
    for p in w.problems:
        out.append(f"  skipped: {p}")
    return out


def format_suite(suite: Suite, seconds: float) -> str:
    """The one table: a header, then each labelled set and each writing set."""
    header = f"{'set / measure':<{LABEL_WIDTH}}" + "".join(
        f"{c:>{COLUMN_WIDTH}}" for c in AUC_COLUMNS
    )
    out = [header, "-" * len(header)]
    for r in suite.labelled:
        out += labelled_lines(r)
    for w in suite.writing:
        out += writing_lines(w)
    out.append("-" * len(header))
    out.append(
        "AUC: of 100 - subscore (total: 100 - score), ties ½. Length-matched: AUC over the "
        "(positive, negative) pairs of the same word-count stratum. warn = warning+error."
    )
    for s in suite.skipped:
        out.append(f"skipped: {s}")
    out.append(f"suite time {seconds:.1f} s")
    return "\n".join(out)


def format_judged(check: JudgedCheck, path: str) -> str:
    """Judged findings: those judged wrong that came back, and precision where they still fire."""
    total = len(check.firing) + len(check.gone) + len(check.stale) + check.unchecked
    gone_true = sum(1 for e in check.gone if e["verdict"])
    out = [
        f"judged findings ({path}): {total}; still firing {len(check.firing)}, "
        f"gone {len(check.gone)} (judged true {gone_true}, false {len(check.gone) - gone_true}), "
        f"stale {len(check.stale)}, corpus not run {check.unchecked}",
        f"judged-wrong findings that came back: {len(check.wrong_back)}",
    ]
    for e in check.wrong_back:
        match = f" '{e['match']}'" if e.get("match") else ""
        out.append(f"  {e['corpus']}:{e['row']} {e['rule']}{match} — {e.get('reason', '')}")
    precision = check.precision()
    if precision:
        langs = sorted({g.split("/")[1] for g in precision if "/" in g})
        cats = sorted({g.split("/")[0] for g in precision if "/" in g})
        out.append("judged precision over findings that still fire (judged count):")
        out.append(f"  {'category':<14}" + "".join(f"{x:>14}" for x in (*langs, "all")))
        for cat in cats:
            cells = [precision.get(f"{cat}/{lang}") for lang in langs] + [precision.get(cat)]
            out.append(f"  {cat:<14}" + "".join(f"{_cell(c):>14}" for c in cells))
        out.append(
            f"  {'all':<14}"
            + "".join(f"{'':>14}" for _ in langs)
            + f"{_cell(precision['all']):>14}"
        )
    return "\n".join(out)


def _cell(entry: dict[str, Any] | None) -> str:
    return "–" if entry is None else f"{entry['precision']:.2f} ({entry['judged']})"


def format_calibration(report: list[dict[str, Any]]) -> str:
    """The rules under the calibration bar, with their lift per language."""
    failing = [e for e in report if e["fails_calibration"]]
    out = [f"rules under the calibration bar (not info, lift < 2 on writing): {len(failing)}"]
    for e in failing:
        lifts = ", ".join(
            f"{g} lift {_num(e['writing'][g]['lift'], 2)} "
            f"({e['writing'][g].get('good_hits', 0)} good / {e['writing'][g].get('marketing_hits', 0)} mkt)"
            for g in e["fails_calibration"]
        )
        out.append(f"  {e['rule']} ({e['category']}, {e['severity']}): {lifts}")
    return "\n".join(out)
