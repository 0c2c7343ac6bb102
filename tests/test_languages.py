"""Issue 11 items 1-3: the nearest policy per file, each post's language, rules that know theirs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.errors import ConfigError
from brandguard.policy.loader import load_policy
from brandguard.text.language import meta_language, normalise, post_language
from tests._cli import run_cli

EN_PUSHY = "Hurry! Only today: claim your reward before midnight, last chance for everyone."
IT_PUSHY = "Affrettati! Solo per oggi sconti imperdibili su tutta la collezione di lampade."
IT_BLAND = (
    "Siamo lieti di annunciare sinergie a 360 gradi: siamo leader di settore con soluzioni "
    "innovative per le aziende del territorio."
)
EN_CALM = "Our desk lamp is 40 cm tall, weighs 900 g and costs 89 euros. It ships in May."
ROOT_POLICY = "policy: acme\nextends: default\nlanguage: en\n"
IT_POLICY = "policy: acme-it\nextends: ../../.brandguard.yaml\nlanguage: it\n"


def rules(result) -> set[str]:
    return {f.rule_id for f in result.findings}


def test_language_codes_from_metadata() -> None:
    assert normalise("it-IT") == "it" and normalise("IT") == "it" and normalise("en_GB") == "en"
    assert normalise("Italiano") == "it" and normalise(3) is None and normalise("") is None
    assert meta_language({"lang": "it"}) == "it" and meta_language({"title": "x"}) is None


def test_post_language_order_metadata_then_policy_then_identification() -> None:
    assert post_language(IT_BLAND, {"language": "en"}, ("en", "it"), "en") == "en"
    assert post_language(IT_BLAND, {}, ("en",), "en") == "en"  # one language: no identification
    assert post_language(IT_BLAND, {}, ("en", "it"), "en") == "it"
    assert post_language(EN_CALM, {}, ("en", "it"), "it") == "en"
    assert post_language("Affrettati!", {}, ("en", "it"), "en") == "en"  # too short: fallback


def test_default_policy_checks_each_post_with_its_language_packs(default_policy) -> None:
    italian = check_text(IT_PUSHY, default_policy)
    english = check_text(EN_PUSHY, default_policy)
    assert italian.language == "it" and english.language == "en"
    assert any(r.startswith("PSH1") for r in rules(italian))  # it/pushy ids are PSH1xx
    assert not any(r.startswith("PSH0") for r in rules(italian))
    assert any(r.startswith("PSH0") for r in rules(english))
    bland = check_text(IT_BLAND, default_policy)
    assert {"BLD101", "BLD102"} <= rules(bland)
    assert not any(r.startswith("BLD0") for r in rules(bland))  # 'innovative' is not English


def test_a_rule_never_runs_on_a_post_of_another_language(default_policy) -> None:
    result = check_text(EN_PUSHY, default_policy, meta={"lang": "it"})
    assert result.language == "it"
    assert not any(r.startswith(("PSH0", "BLD0", "CLK0", "SEO0")) for r in rules(result))


def test_italian_policy_means_italian_packs_messages_and_no_english_formula(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("extends: default\nlanguage: it\ntone: {gulpease: 80}\n", encoding="utf-8")
    policy = load_policy(path)
    assert policy.languages == ("it",) and policy.warnings == ()
    kinds = {r.options.get("metric") for r in policy.rules if r.kind == "metric"}
    assert "gulpease" in kinds and "reading_grade" not in kinds
    result = check_text(EN_PUSHY, policy)  # no metadata: the policy's language, Italian
    assert result.language == "it"
    (gulpease,) = [r for r in policy.rules if r.id == "TON003"]
    assert gulpease.message.startswith("indice Gulpease")  # an Italian message
    assert not any(r.startswith("PSH0") for r in rules(result))


def test_packs_that_do_not_speak_the_policy_language_warn(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("language: it\npacks: [en/bland, en/pushy]\n", encoding="utf-8")
    (warning,) = load_policy(path).warnings
    assert "'it'" in warning and "it/bland" in warning and "'en' only" in warning


def test_per_language_settings_and_shared_terminology(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "extends: default\n"
        "terminology: {CasaLuma: [Casaluma]}\n"
        "banned: [{phrase: world-class}]\n"
        "tone: {reading_grade: 9}\n"  # English only: left out of the Italian posts' rules
        "languages:\n"
        "  it:\n"
        "    tone: {gulpease: 40}\n"
        "    extend_banned: [{phrase: a 360 gradi, id: BAN002}]\n",
        encoding="utf-8",
    )
    policy = load_policy(path)
    italian = policy.for_language("it")
    assert {r.id for r in policy.rules} >= {"TRM001", "BAN001", "TON001"}
    assert "BAN002" not in {r.id for r in policy.rules}
    assert {r.id for r in italian.rules} >= {"TRM001", "BAN001", "BAN002", "TON003"}
    assert "TON001" not in {r.id for r in italian.rules}
    result = check_text(
        "Casaluma presenta la lampada a 360 gradi per la cucina.", policy, meta={"lang": "it"}
    )
    assert {"TRM001", "BAN002"} <= rules(result)


def test_tone_knob_for_the_wrong_language_in_an_overlay_is_an_error(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("extends: default\nlanguages: {it: {tone: {reading_grade: 8}}}\n", "utf-8")
    with pytest.raises(ConfigError, match="reading_grade"):
        load_policy(path)


def _repo(tmp_path: Path) -> Path:
    (tmp_path / "posts/en").mkdir(parents=True)
    (tmp_path / "posts/it").mkdir(parents=True)
    (tmp_path / ".brandguard.yaml").write_text(ROOT_POLICY, encoding="utf-8")
    (tmp_path / "posts/it/.brandguard.yaml").write_text(IT_POLICY, encoding="utf-8")
    (tmp_path / "posts/it/annuncio.md").write_text(IT_BLAND + "\n", encoding="utf-8")
    (tmp_path / "posts/en/lamp.md").write_text(EN_CALM + "\n", encoding="utf-8")
    return tmp_path


def test_check_from_the_root_uses_each_files_nearest_policy(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    code, out, err = run_cli(["check", "--output-format", "json", "posts"], cwd=root)
    assert code == 1, err
    posts = {Path(p.get("path", p["id"])).name: p for p in json.loads(out)["posts"]}
    assert posts["annuncio.md"]["language"] == "it"
    assert {f["rule"] for f in posts["annuncio.md"]["findings"]} >= {"BLD101", "BLD102"}
    assert posts["lamp.md"]["language"] == "en" and posts["lamp.md"]["findings"] == []
    # the same from inside the Italian folder, and with --policy overriding everything
    code, out, _ = run_cli(
        ["check", "--output-format", "json", "annuncio.md"], cwd=root / "posts/it"
    )
    assert {f["rule"] for f in json.loads(out)["posts"][0]["findings"]} >= {"BLD101"}
    code, out, _ = run_cli(
        [
            "check",
            "--policy",
            str(root / ".brandguard.yaml"),
            "--output-format",
            "json",
            "posts/it/annuncio.md",
        ],
        cwd=root,
    )
    assert json.loads(out)["posts"][0]["language"] == "en"  # acme is English-only
    code, out, _ = run_cli(["policy", "show", "posts/it/annuncio.md"], cwd=root)
    assert f"is governed by {root.resolve() / 'posts/it/.brandguard.yaml'}" in out
    assert "it/bland (" in out


def test_mixed_csv_is_audited_with_each_rows_language(tmp_path: Path) -> None:
    rows = [
        ["id", "text", "lang"],
        ["r1", IT_PUSHY, ""],
        ["r2", EN_PUSHY, ""],
        ["r3", "Affrettati!", "it"],
        ["r4", "Affrettati!", ""],
    ]
    import csv

    with open(tmp_path / "mixed.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    code, out, err = run_cli(["audit", "mixed.csv", "--policy", "default"], cwd=tmp_path)
    found = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert [found[i]["language"] for i in ("r1", "r2", "r3", "r4")] == ["it", "en", "it", "en"]
    assert any(f["rule"].startswith("PSH1") for f in found["r1"]["findings"])
    assert any(f["rule"].startswith("PSH0") for f in found["r2"]["findings"])
    assert any(f["rule"].startswith("PSH1") for f in found["r3"]["findings"])  # 'Affrettati!'
    # without a language column: identified
    with open(tmp_path / "plain.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["id", "text"], ["a", IT_BLAND], ["b", EN_PUSHY]])
    code, out, err = run_cli(["audit", "plain.csv"], cwd=tmp_path)
    found = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert found["a"]["language"] == "it" and found["b"]["language"] == "en"
    assert {f["rule"] for f in found["a"]["findings"]} >= {"BLD101", "BLD102"}


def test_api_checks_a_text_as_the_file_at_path_would_be(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    result = check_text(IT_BLAND, path=root / "posts/it/nuovo.md")
    assert result.language == "it" and {"BLD101", "BLD102"} <= rules(result)
    english = check_text(IT_BLAND, path=root / "posts/en/new.md")  # acme: English only
    assert english.language == "en" and not rules(english) & {"BLD101", "BLD102"}


def test_identifier_is_kept_unpacked_in_the_cache_and_rebuilt_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brandguard.text import language

    monkeypatch.setenv("BRANDGUARD_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(language, "_IDENTIFIERS", {})
    assert language.identify(IT_BLAND, ("en", "it"))[0] == "it"
    (table,) = tmp_path.glob("langid-*-en-it.table")
    assert len(list(tmp_path.glob("langid-*-en-it.obj"))) == 1
    table.write_bytes(b"\0" * 1000)  # truncated: rebuilt from py3langid's model, not trusted
    language._IDENTIFIERS.clear()
    assert language.identify(EN_CALM, ("en", "it"))[0] == "en"
    assert table.stat().st_size > 1000


def test_a_readability_formula_of_another_language_never_runs_and_warns(tmp_path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "extends: default\nlanguage: it\nguidelines: {reading_grade: {max: 8}}\n", "utf-8"
    )
    policy = load_policy(path)
    assert not [r for r in policy.rules if r.options.get("metric") == "reading_grade"]
    assert [
        r for r in policy.for_language("en").rules if r.options.get("metric") == "reading_grade"
    ]
    (warning,) = policy.warnings
    assert "reading_grade is an English formula" in warning and "gulpease" in warning
