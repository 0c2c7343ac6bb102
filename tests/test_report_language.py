"""One language per report: an Italian post's labels, score lines and summaries are Italian, an
English post's English (output/labels.py reads PostResult.language)."""

from __future__ import annotations

import json

import pytest

from brandguard.api import check_text
from brandguard.output.labels import score_line, summary
from tests._cli import run_cli

POLICIES = {
    "it": "extends: default-it\nterminology:\n  CasaLuma: [Casa Luma]\n",
    "en": "extends: default\nterminology:\n  CasaLuma: [Casa Luma]\n",
}
POSTS = {
    "it": "---\nsponsored: true\n---\nLa nuova lampada di Casa Luma è in salotto.\n",
    "en": "---\nsponsored: true\n---\nThe new lamp from Casa Luma is in the living room.\n",
}
ENGLISH = ("finding", "replace with", "below the policy", "score ", "FAIL", "help:", "required")
ITALIAN = ("segnalazion", "sostituisci con", "sotto la soglia", "punteggio", "NON SUPERATO")


def _check(tmp_path, language: str, fmt: str) -> str:
    (tmp_path / "p.yaml").write_text(POLICIES[language], encoding="utf-8")
    (tmp_path / "post.md").write_text(POSTS[language], encoding="utf-8")
    args = ["check", "--policy", str(tmp_path / "p.yaml"), str(tmp_path / "post.md")]
    code, out, _ = run_cli([*args, "--output-format", fmt])
    assert code == 1
    return out


def test_full_report_of_an_italian_post_is_italian(tmp_path) -> None:
    out = _check(tmp_path, "it", "full")
    assert "= correzione: sostituisci con 'CasaLuma'" in out
    assert "= aiuto: " in out
    assert "punteggio" in out and "NON SUPERATO (obbligatorie: DSC101)" in out
    assert "avvertenze" in out and "terminologia" in out
    assert "segnalazioni in 1 post; 1 sotto la soglia della policy." in out
    for word in ENGLISH:
        assert word not in out, word


def test_full_report_of_an_english_post_is_english(tmp_path) -> None:
    out = _check(tmp_path, "en", "full")
    assert "= fix: replace with 'CasaLuma'" in out
    assert "score" in out and "FAIL (required: DSC001)" in out
    assert "findings in 1 post; 1 below the policy's bar." in out
    for word in ITALIAN:
        assert word not in out, word


@pytest.mark.parametrize("fmt", ["concise", "github"])
def test_score_bar_lines_follow_the_post(tmp_path, fmt) -> None:
    assert "punteggio" in _check(tmp_path, "it", fmt)
    assert "NON SUPERATO" not in _check(tmp_path, "en", fmt)


def test_json_says_the_post_language(tmp_path) -> None:
    document = json.loads(_check(tmp_path, "it", "json"))
    assert document["posts"][0]["language"] == "it"


def test_labels_fall_back_to_english_and_count() -> None:
    result = check_text("Affrettati!!! Solo oggi!!!", "default-it")
    assert result.language == "it"
    assert "segnalazion" in score_line(result.score, "it")
    assert summary(1, 2, 0, "de") == "1 finding in 2 posts; 0 below the policy's bar."
    assert summary(2, 1, 1, "it") == "2 segnalazioni in 1 post; 1 sotto la soglia della policy."
