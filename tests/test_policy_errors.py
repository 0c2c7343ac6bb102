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
    "meta value is a mapping": (
        "language: en\nbanned:\n  - phrase: x\n    when:\n      meta:\n        channel: {a: 1}\n",
        6,
        "banned[0].when.meta.channel",
        "got a mapping",
    ),
    "alias bomb": (
        "language: en\nbanned:\n  - phrase: x\n    when:\n      meta:\n"
        '        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"        {n}: &{n} [{','.join([f'*{p}'] * 9)}]\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        10,
        None,
        "aliases expand to more than",
    ),
    "alias that contains itself": ("a: &a [*a]\n", 1, None, "nested deeper than"),
    "empty file": ("# nothing yet\n", None, None, "empty policy"),
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


def test_extends_a_file_that_is_not_a_policy_never_echoes_it(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root: hunter2-secret\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(f"language: en\nextends: {secret}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_policy(tmp_path / "a.yaml")
    assert info.value.line == 2 and "not a policy file" in str(info.value)
    assert "root" not in str(info.value).replace(str(tmp_path), "")
    assert "hunter2" not in str(info.value)


def test_a_policy_without_rules_says_so(tmp_path: Path) -> None:
    from tests._cli import run_cli

    (tmp_path / ".brandguard.yaml").write_text("policy: bare\nlanguage: en\n", encoding="utf-8")
    (tmp_path / "post.md").write_text("Act now!\n", encoding="utf-8")
    result = run_cli(["check", "post.md"], cwd=tmp_path)
    assert "policy 'bare' has no rules to run; nothing is checked" in result.err


def test_pyproject_errors_name_the_toml_line(tmp_path: Path) -> None:
    from brandguard.policy.config import resolve_policy

    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.brandguard]\nlanguage = "en"\n\n'
        'banned = [{phrase = 3}]\n\n[tool.brandguard.tone]\nexclamations = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        resolve_policy(None, tmp_path)
    assert info.value.line == 7 and info.value.key == "banned[0].phrase", str(info.value)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.brandguard]\nlanguage = "en"\n\n[tool.brandguard.tone]\nexclamations = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        resolve_policy(None, tmp_path)
    assert info.value.line == 5 and info.value.key == "tone.exclamations", str(info.value)


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
