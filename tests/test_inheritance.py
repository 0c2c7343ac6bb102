"""Inheritance: precedence, list replacement and extend_ lists, cycles, missing files, sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.errors import ConfigError
from brandguard.policy.loader import load_policy
from tests._cli import run_cli

BASE = """\
policy: base
language: en
packs: [en/bland]
banned:
  - {phrase: synergy}
tone:
  sentence_words: 30
  exclamations: 2
channels:
  x:
    hashtags: {max: 3, severity: error}
    links: 2
terminology:
  BrandGuard: [BG]
scoring:
  weights: {pushy: 1.5, seo: 0.5}
  fail_under: 60
"""
CHILD = """\
policy: child
extends: base.yaml
extend_packs: [en/pushy]
extend_banned:
  - {phrase: world-class}
tone:
  sentence_words: 20
channels:
  x:
    hashtags: {max: 1}
scoring:
  weights: {seo: 0.8}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def child(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    return load_policy(write(tmp_path, "child.yaml", CHILD))


def test_child_wins_per_key_at_any_depth(child) -> None:
    s = child.settings
    assert s["policy"] == "child" and s["language"] == "en"
    assert s["tone"] == {"sentence_words": 20, "exclamations": 2}
    assert s["channels"]["x"] == {"hashtags": {"max": 1, "severity": "error"}, "links": 2}
    assert child.scoring.weights["pushy"] == 1.5 and child.scoring.weights["seo"] == 0.8
    assert child.scoring.fail_under == 60
    rules = {r.id: r for r in child.rules}
    assert rules["TON004"].options["max"] == 20
    assert rules["CHX002"].options["max"] == 1 and rules["CHX002"].severity == "error"


def test_extend_lists_append_and_plain_lists_replace(tmp_path, child) -> None:
    assert {"BLD", "PSH"} <= {r.id[:3] for r in child.rules}  # packs + extend_packs
    assert [e["phrase"] for e in child.settings["banned"]] == ["synergy", "world-class"]
    replaced = load_policy(
        write(tmp_path, "c2.yaml", "extends: base.yaml\nbanned: [{phrase: leverage}]\npacks: []\n")
    )
    assert [e["phrase"] for e in replaced.settings["banned"]] == ["leverage"]
    assert not any(r.id.startswith(("BLD", "PSH")) for r in replaced.rules)


def test_sources_name_file_and_line_of_each_value(tmp_path, child) -> None:
    base, kid = str(tmp_path / "base.yaml"), str(tmp_path / "child.yaml")
    src = child.sources
    assert src["tone.sentence_words"] == f"{kid}:7"
    assert src["tone.exclamations"] == f"{base}:8"
    assert src["channels.x.hashtags.max"] == f"{kid}:10"
    assert src["channels.x.hashtags.severity"] == f"{base}:11"
    assert src["channels.x.links"] == f"{base}:12"
    assert src["banned"] == f"{base}:4 + {kid}:4"
    assert src["policy"] == f"{kid}:1"


def test_policy_show_sources_cli(tmp_path, child) -> None:
    code, out, _ = run_cli(
        ["policy", "show", "--sources", "--policy", str(tmp_path / "child.yaml")]
    )
    assert code == 0
    assert f"# tone.exclamations: {tmp_path / 'base.yaml'}:8" in out
    assert f"# tone.sentence_words: {tmp_path / 'child.yaml'}:7" in out


def test_later_parent_wins(tmp_path) -> None:
    write(tmp_path, "a.yaml", "tone: {exclamations: 1, sentence_words: 10}\n")
    write(tmp_path, "b.yaml", "tone: {exclamations: 3}\n")
    policy = load_policy(write(tmp_path, "c.yaml", "extends: [a.yaml, b.yaml]\n"))
    assert policy.settings["tone"] == {"exclamations": 3, "sentence_words": 10}


def test_bundled_parent_by_name(tmp_path) -> None:
    policy = load_policy(write(tmp_path, "p.yaml", "extends: default\nscoring: {fail_under: 80}\n"))
    assert policy.scoring.fail_under == 80
    assert policy.settings["packs"][:4] == ["en/bland", "en/pushy", "en/clickbait", "en/seo"]
    assert {"en/disclosure", "it/disclosure"} <= set(policy.settings["packs"])


def test_cycle_is_a_clear_error(tmp_path) -> None:
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "extends: [a.yaml]\n")
    with pytest.raises(ConfigError) as info:
        load_policy(tmp_path / "a.yaml")
    message = str(info.value)
    assert "'extends' cycle" in message and "a.yaml -> " in message and "b.yaml" in message


def test_missing_parent_names_file_line_and_key(tmp_path) -> None:
    path = write(tmp_path, "p.yaml", "policy: p\nextends:\n  - default\n  - ./nope.yaml\n")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert str(info.value).startswith(f"{path}:4: extends: extended policy not found")
    path = write(tmp_path, "q.yaml", "extends: no-such-policy\n")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert "unknown policy 'no-such-policy'" in str(info.value)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("policy: p\ntone:\n  exclamations: many\n", ":3: tone.exclamations:", "expected"),
        (
            "policy: p\nchannels:\n  x:\n    hashtagz: 2\n",
            ":4: channels.x.hashtagz:",
            "did you mean 'hashtags'",
        ),
        (
            "policy: p\ndisclosures:\n  jurisdictions: [us, fr]\n",
            ":3: disclosures.jurisdictions[1]:",
            "expected one of: us, uk, it",
        ),
        ("policy: p\nterminology:\n  Acme: {allowed: [ACME]}\n", ":3: terminology.Acme", "allow"),
        (
            "policy: p\nbanned:\n  - {phrase: x, severity: fatal}\n",
            ":3: banned[0].severity:",
            "error, warning, info",
        ),
    ],
)
def test_bad_values_exit_2_with_file_line_key(tmp_path, text, where, words) -> None:
    path = write(tmp_path, "bad.yaml", text)
    post = write(tmp_path, "post.txt", "Hello.\n")
    code, out, err = run_cli(["check", "--policy", str(path), str(post)])
    assert code == 2 and out == ""
    assert err.startswith(f"brandguard: error: {path}{where}"), err
    assert words in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
