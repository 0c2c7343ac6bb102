"""Tests for ``python -m brandguard.eval --suite``: the figures of the table on small corpora
written here, the length-matched AUC, writing rates, samples and the judged-findings check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from brandguard import check_text
from brandguard.quality.eval import main
from brandguard.quality.eval_data import Corpus, Row, infer_positive
from brandguard.quality.eval_run import Hit, Scored, window_hash
from brandguard.quality.eval_sample import allocate, sample
from brandguard.quality.eval_suite import measure_writing
from brandguard.quality.eval_table import writing_lines
from brandguard.quality.judged import check, fingerprint
from brandguard.quality.stats import length_strata, stratified_auc

# Every hard-sell text is shorter (13-14 words) than every plain one (15-17 words).
PLAIN = [
    "The library opens at ten on Saturday, and the reading room is quiet until noon.",
    "Thanks for the photos from the walk; the one of the bridge came out well.",
    "Our bakery now closes at six because the evening trade was too slow to pay the heating.",
    "I left the spare key with Maria, so let yourself in if I am late.",
]
HARD_SELL = [
    "ACT NOW!!! Last chance to claim your FREE prize, offer ends tonight, buy now!",
    "Congratulations, you are a WINNER! Click here to claim your FREE gift today!!!",
    "HUGE SALE!!! Don't miss out, limited time only, order today before it's too late!",
    "Hurry! Only 3 left! Buy now and get 70% OFF, this deal won't last!!!",
]
IT_PLAIN = "Il comune ha spostato il mercato del giovedì in piazza Garibaldi fino a marzo."
IT_HARD_SELL = "Approfitta subito! Offerta IMPERDIBILE, solo per oggi, clicca qui e compra ORA!!!"

GOOD_MD = [
    "# Release notes\n\nThe parser now keeps line numbers.\n\n```\nACT NOW!!! buy now\n```\n",
    "We moved the nightly build to four in the morning, when the runners are idle.\n",
]
MARKETING_MD = [
    "Our innovative, game-changing platform empowers seamless, next-generation synergy.\n",
    "HUGE SALE!!! Don't miss out, limited time only, order today before it's too late!\n",
]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture()
def suite_dir(tmp_path: Path) -> Path:
    d = tmp_path / "corpora"
    d.mkdir()
    spam = [{"id": f"p{i}", "text": t, "label": "ham"} for i, t in enumerate(PLAIN)]
    spam += [{"id": f"s{i}", "text": t, "label": "spam"} for i, t in enumerate(HARD_SELL)]
    spam += [{"id": "it-p", "text": IT_PLAIN, "label": "ham", "lang": "it"}]
    spam += [{"id": "it-s", "text": IT_HARD_SELL, "label": "spam", "lang": "it"}]
    write_jsonl(d / "tiny_spam.jsonl", spam)
    writing = [
        {"id": f"g{i}", "text": t, "label": "good", "lang": "en", "format": "markdown"}
        for i, t in enumerate(GOOD_MD)
    ]
    writing += [
        {"id": f"m{i}", "text": t, "label": "marketing", "lang": "en", "format": "markdown"}
        for i, t in enumerate(MARKETING_MD)
    ]
    write_jsonl(d / "tiny_writing.jsonl", writing)
    return d


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(list(argv) + ["--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_suite_figures(suite_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "rules.json"
    data = run_json(capsys, "--suite", str(suite_dir), "--rules-report", str(report))
    (spam,) = data["labelled"]
    assert (spam["name"], spam["positive"], spam["n_pos"], spam["n_neg"]) == (
        "tiny_spam",
        "spam",
        5,
        5,
    )
    # The hard sell (English and Italian) always has pushy findings, the plain texts none.
    assert spam["auc"]["pushy"] == 1.0
    # Only the 14-word stratum holds both classes (three hard-sell texts, the Italian plain one).
    assert spam["length_matched"]["pushy"] == 1.0
    assert spam["length_auc_within_strata"] == 0.5
    assert spam["neg_warned"]["pushy"] == 0.0
    assert spam["words"] > 0 and spam["seconds"] > 0
    # Hard sell is shorter here: length alone ranks it below the plain texts.
    assert spam["length_auc"] < 0.2
    (writing,) = data["writing"]
    (group,) = writing["groups"]
    assert group["lang"] == "en"
    # The shouting in the good post's code block is masked because the row's format is passed.
    assert group["all"]["good"]["total"] == 0.0
    expected = expected_rates(MARKETING_MD)
    for cat in ("bland", "pushy", "seo", "total"):
        assert group["all"]["marketing"][cat] == pytest.approx(expected["all"][cat])
        assert group["warn"]["marketing"][cat] == pytest.approx(expected["warn"][cat])
    assert group["lift"]["all"]["total"] is None  # nothing on good writing: lift undefined
    rules = {e["rule"]: e for e in json.loads(report.read_text(encoding="utf-8"))}
    italian = [
        r
        for r, e in rules.items()
        if e["labelled"]["tiny_spam"]["pos_texts"] and "it" in e["languages"]
    ]
    assert italian, "the Italian row is checked with default-it"
    assert all(e["examples"] for e in rules.values() if e["labelled"]["tiny_spam"]["pos_texts"])


def expected_rates(texts: list[str]) -> dict[str, dict[str, float]]:
    """Findings per 1,000 words computed independently with check_text."""
    results = [check_text(t, format="markdown") for t in texts]
    words = sum(r.score.words for r in results)
    out: dict[str, dict[str, float]] = {"all": {}, "warn": {}}
    for kind in ("all", "warn"):
        counts = {
            c: sum(
                1
                for r in results
                for f in r.findings
                if f.category == c and (kind == "all" or f.severity in ("warning", "error"))
            )
            for c in ("bland", "pushy", "seo")
        }
        out[kind] = {c: 1000 * n / words for c, n in counts.items()}
        out[kind]["total"] = 1000 * sum(counts.values()) / words
    return out


def test_lowercase_auc_only_for_clickbait(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "c"
    d.mkdir()
    rows = [{"id": f"n{i}", "text": t, "label": "non_clickbait"} for i, t in enumerate(PLAIN)]
    rows += [{"id": f"c{i}", "text": t, "label": "clickbait"} for i, t in enumerate(HARD_SELL)]
    write_jsonl(d / "heads.jsonl", rows)
    (result,) = run_json(capsys, "--suite", str(d))["labelled"]
    assert result["positive"] == "clickbait"
    assert result["auc_lowercase"] is not None and result["auc_lowercase"]["pushy"] > 0.5


def test_table_text(suite_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--suite", str(suite_dir)]) == 0
    out = capsys.readouterr().out
    assert "tiny_spam: spam 5 / other 5" in out and "words/s" in out
    assert "AUC length-matched" in out and "en lift marketing/good, all" in out


def test_stratified_auc_by_hand() -> None:
    # stratum 0: pos {2} vs neg {1, 3} -> 0.5 (2 pairs); stratum 1: pos {10, 12} vs neg {11}
    # -> 0.5 (2 pairs); stratum 2 has no negative. Over all pairs the AUC would be 8/12.
    scores = [2, 1, 3, 10, 12, 11, 5]
    labels = [True, False, False, True, True, False, True]
    strata = [0, 0, 0, 1, 1, 1, 2]
    assert stratified_auc(scores, labels, strata) == pytest.approx(0.5)
    # weights are pairs: 1.0 on 1 pair, 0.0 on 6 pairs -> 1/7
    assert stratified_auc(
        [2, 1, 1, 2, 3, 4, 5], [True, False, True, True, True, False, False], [0, 0, 1, 1, 1, 1, 1]
    ) == pytest.approx(1 / 7)
    assert stratified_auc([1.0, 2.0], [True, True], [0, 1]) is None


def test_length_strata_keep_ties_together() -> None:
    assert length_strata([1, 1, 1, 2, 3, 4, 5, 6, 7, 8], bins=2) == [0] * 5 + [1] * 5
    assert length_strata([1, 2, 2, 2, 2, 3], bins=2) == [0, 0, 0, 0, 0, 1]


def scored(row_id: str, label: str, words: int, hits: list[Hit], text: str = "") -> Scored:
    return Scored(Row(row_id, text, label), words, 100.0, {}, tuple(hits), text)


def test_writing_rates_per_thousand_words() -> None:
    warn = Hit("B1", "bland", "warning", 0, 1, "x", "m")
    info = Hit("P1", "pushy", "info", 0, 1, "x", "m")
    other = Hit("R1", "readability", "warning", 0, 1, "x", "m")
    rows = [
        scored("g1", "good", 400, [warn]),
        scored("g2", "good", 600, [info, other]),
        scored("m1", "marketing", 500, [warn, warn, info]),
    ]
    result = measure_writing(Corpus("w", Path("w.jsonl"), [], "writing"), rows, 1.0)
    (g,) = result.groups
    assert g.words == {"good": 1000, "marketing": 500}
    assert g.warn["good"] == {"bland": 1.0, "pushy": 0.0, "seo": 0.0, "total": 1.0}
    assert g.all["good"]["total"] == 2.0  # readability is not counted
    assert g.all["marketing"] == {"bland": 4.0, "pushy": 2.0, "seo": 0.0, "total": 6.0}


def test_writing_auc_per_document_marketing_against_good() -> None:
    """Each language gets the AUC of 100 - subscore over its documents, marketing vs good."""

    def doc(row_id: str, label: str, lang: str, bland: float, total: float) -> Scored:
        row = Row(row_id, "", label, lang)
        return Scored(row, 100, total, {"bland": bland, "pushy": 100.0}, (), "")

    rows = [
        doc("g1", "good", "en", 100.0, 100.0),
        doc("g2", "good", "en", 90.0, 95.0),
        doc("m1", "marketing", "en", 80.0, 95.0),
        doc("m2", "marketing", "en", 100.0, 90.0),
        doc("gi", "good", "it", 100.0, 100.0),
        doc("mi", "marketing", "it", 70.0, 80.0),
    ]
    result = measure_writing(Corpus("w", Path("w.jsonl"), [], "writing"), rows, 1.0)
    en, it = result.groups
    # bland risks: marketing 20 and 0 against good 0 and 10 -> 2 pairs won, 1 tied, 1 lost
    assert en.auc["bland"] == pytest.approx(2.5 / 4)
    assert en.auc["pushy"] == pytest.approx(0.5)  # every document scores 100: all ties
    assert en.auc["seo"] == pytest.approx(0.5)  # absent category: 100 everywhere
    assert en.auc["total"] == pytest.approx(3.5 / 4)  # risks 5, 10 vs 0, 5
    assert it.auc["bland"] == 1.0 and it.auc["total"] == 1.0
    lines = "\n".join(writing_lines(result))
    assert "en AUC marketing vs good (bland/pushy/seo/total) 0.625/0.500/0.500/0.875" in lines
    assert "it AUC marketing vs good (bland/pushy/seo/total) 1.000/0.500/0.500/1.000" in lines


def test_infer_positive() -> None:
    assert infer_positive({"ham", "spam"}) == "spam"
    assert infer_positive({"keyword_spam", "not_keyword_spam"}) == "keyword_spam"
    assert infer_positive({"toxic", "non_toxic"}) == "toxic"
    assert infer_positive({"a", "b"}) is None
    assert infer_positive({"a", "b"}, override="b") == "b"


def test_allocate_spreads_evenly() -> None:
    assert allocate({"a": 1, "b": 10, "c": 10}, 9) == {"a": 1, "b": 4, "c": 4}
    assert allocate({"a": 2, "b": 2}, 10) == {"a": 2, "b": 2}


def test_sample_row_cap_spreads_a_stratum_over_rows() -> None:
    def record(row: str, start: int) -> dict[str, Any]:
        return {
            "corpus": "c",
            "row": row,
            "lang": "en",
            "category": "bland",
            "start": start,
            "end": start + 1,
        }

    records = [record("long-doc", i) for i in range(20)] + [record(f"r{i}", 0) for i in range(4)]
    uncapped = sample(records, 8, seed=5)
    capped = sample(records, 8, seed=5, row_cap=2)
    assert len(uncapped) == 8 and len(capped) == 6  # 2 from the long document + 4 others
    assert sum(r["row"] == "long-doc" for r in capped) == 2
    assert capped == sample(records, 8, seed=5, row_cap=2)


def test_sample_row_cap_must_be_positive(
    suite_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--suite", str(suite_dir), "--sample", "2", "--sample-row-cap", "0"]) == 2
    assert "--sample-row-cap must be at least 1" in capsys.readouterr().err


def test_sample_is_deterministic_and_judged_wrong_comes_back(
    suite_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sample.jsonl"
    base = ["--suite", str(suite_dir), "--sample-from", "tiny_spam", "--sample", "6", "--seed", "3"]
    first = run_json(capsys, *base, "--sample-out", str(out))["sample"]
    assert first == run_json(capsys, *base)["sample"]
    assert {r["lang"] for r in first} == {"en", "it"} and len(first) == 12
    samples = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(r["verdict"] == "" and "[[" in r["context"] for r in samples)
    samples[0]["verdict"], samples[0]["reason"] = "false", "my reason"
    for r in samples[1:]:
        r["verdict"] = True
    samples[-1]["verdict"] = ""  # left unjudged: not recorded
    write_jsonl(out, samples)
    judged_path = tmp_path / "judged.jsonl"
    assert main(["--record-judged", str(out), "--judged", str(judged_path)]) == 0
    capsys.readouterr()
    entries = [json.loads(line) for line in judged_path.read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 11 and all("context" not in e for e in entries)
    data = run_json(capsys, "--suite", str(suite_dir), "--judged", str(judged_path))
    judged = data["judged"]
    assert judged["firing"] == 11 and judged["stale"] == 0
    assert [(e["row"], e["rule"]) for e in judged["judged_wrong_back"]] == [
        (samples[0]["row"], samples[0]["rule"])
    ]
    assert judged["precision"]["all"]["precision"] == pytest.approx(10 / 11)
    assert main(["--suite", str(suite_dir), "--judged", str(judged_path)]) == 0
    assert "judged-wrong findings that came back: 1" in capsys.readouterr().out


def test_judged_check_gone_and_stale() -> None:
    text = "Buy now and save."
    hit = Hit("P1", "pushy", "warning", 0, 7, "Buy now", "m")
    entry = fingerprint(
        {
            "corpus": "c",
            "row": "r",
            "rule": "P1",
            "category": "pushy",
            "severity": "warning",
            "lang": "en",
            "start": 0,
            "end": 7,
            "hash": window_hash(text, 0, 7),
            "match": "Buy now",
            "verdict": "false",
        }
    )
    assert entry is not None and entry["match"] == "Buy now" and entry["verdict"] is False
    assert len(check([entry], {"c": [scored("r", "x", 4, [hit], text)]}).wrong_back) == 1
    assert len(check([entry], {"c": [scored("r", "x", 4, [], text)]}).gone) == 1
    assert len(check([entry], {"c": [scored("r", "x", 4, [hit], "Buy now and save!")]}).stale) == 1
    assert check([entry], {}).unchecked == 1


def test_usage_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--suite", str(tmp_path / "missing")]) == 2
    assert main(["--suite", str(tmp_path)]) == 2  # no corpora
    assert main([]) == 2
    assert main(["--suite", str(tmp_path), "--bogus"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 4 and all(line.startswith("error: ") for line in err)
    (tmp_path / "odd.jsonl").write_text('{"id": 1, "text": "x", "label": "a"}\n', encoding="utf-8")
    assert main(["--suite", str(tmp_path)]) == 2
    assert "cannot tell the positive label" in capsys.readouterr().err
