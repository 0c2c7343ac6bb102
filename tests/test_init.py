"""`brandguard init`: a starter policy that validates, never overwriting without --force."""

from __future__ import annotations

import pytest
import yaml

from brandguard.errors import BrandguardError
from brandguard.output.starter import starter_policy
from brandguard.policy.loader import load_policy
from tests._cli import run_cli


@pytest.mark.parametrize(
    ("language", "jurisdictions", "brand"),
    [
        ("en", [], None),
        ("en", ["us", "uk"], "Acme Coffee"),
        ("it", ["it"], "Studio Rossi"),
        ("it", ["it", "us", "uk"], 'Brand: "with" #odd chars'),
    ],
)
def test_starter_validates(tmp_path, language, jurisdictions, brand) -> None:
    text = starter_policy(language, jurisdictions, brand)
    path = tmp_path / ".brandguard.yaml"
    path.write_text(text, encoding="utf-8")
    policy = load_policy(path)
    assert policy.language == language
    ids = {r.id for r in policy.rules}
    prefixes = {"us": "FTC", "uk": "ASA", "it": "AGCM"}
    for code in jurisdictions:
        assert f"{prefixes[code]}001" in ids
    if brand:
        assert yaml.safe_load(text)["terminology"] == {brand: []}
        assert "TRM001" in ids


def test_init_writes_and_refuses_to_overwrite(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(
        ["init", "--brand", "Acme", "--jurisdiction", "us,UK", "--language", "en"]
    )
    assert code == 0 and "wrote .brandguard.yaml" in out
    written = (tmp_path / ".brandguard.yaml").read_text(encoding="utf-8")
    assert "jurisdictions: [us, uk]" in written
    (tmp_path / ".brandguard.yaml").write_text("policy: mine\n", encoding="utf-8")
    code, _, err = run_cli(["init"])
    assert code == 2 and "already exists; use --force" in err
    assert (tmp_path / ".brandguard.yaml").read_text(encoding="utf-8") == "policy: mine\n"
    code, _, _ = run_cli(["init", "--force", "--language", "it"])
    assert code == 0
    assert load_policy(tmp_path / ".brandguard.yaml").language == "it"
    # The written file is what `check` discovers.
    code, out, _ = run_cli(["policy", "show"])
    assert code == 0 and "language: it" in out


def test_init_rejects_unknown_jurisdiction(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["init", "--jurisdiction", "us,fr"])
    assert code == 2 and "unknown jurisdiction 'fr'" in err
    assert not (tmp_path / ".brandguard.yaml").exists()
    with pytest.raises(BrandguardError):
        starter_policy("de")


def test_starter_has_a_disclosures_section_commented_out_without_jurisdictions() -> None:
    text = starter_policy("en")
    assert "# disclosures:\n#   jurisdictions: [us, uk, it]" in text
    assert "disclosures" not in yaml.safe_load(text)
    chosen = yaml.safe_load(starter_policy("en", ["uk"]))
    assert chosen["disclosures"] == {"jurisdictions": ["uk"]}


def test_italian_starter_comments_are_italian() -> None:
    text = starter_policy("it", [], "Studio Rossi")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert any("avvertenza chiara all'inizio" in line for line in comments)
    assert any("parole per frase" in line for line in text.splitlines())
    assert not any(word in text for word in ("words per sentence", "posts scoring under"))
