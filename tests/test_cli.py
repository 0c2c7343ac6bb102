"""The CLI contract: exit codes, output formats, selection, introspection commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from brandguard.cli import cli

POLICY = """policy: cli-test
language: en
banned:
  - {phrase: world-class, severity: error, suggest: "say what is better, with a number"}
  - {phrase: synergy, severity: warning, name: no-synergy}
terminology:
  BrandGuard: [Brandguard, Brand Guard]
scoring: {fail_under: 50}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".brandguard.yaml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Hello\n\nWe roast coffee in Turin.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text(
        "# News\n\nOur world-class Brandguard team.\n", encoding="utf-8"
    )
    (tmp_path / "warn.md").write_text(
        "Some synergy here, nothing else at all in this post.\n", encoding="utf-8"
    )
    return tmp_path


def run(repo: Path, *args: str, input: str | None = None):
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(cwd)


def test_exit_0_on_clean_post(repo: Path) -> None:
    result = run(repo, "check", "clean.md")
    assert result.exit_code == 0, result.output
    assert "score 100/100" in result.output


def test_exit_1_on_error_findings_with_positions(repo: Path) -> None:
    result = run(repo, "check", "bad.md", "--output-format", "concise")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert (
        "bad.md:3:5: BAN001 [error] 'world-class' is banned by the brand policy; say what is better, with a number"
        in lines
    )
    assert "bad.md:3:17: TRM001 [error] write 'BrandGuard', not 'Brandguard'" in lines


def test_fail_on_threshold(repo: Path) -> None:
    assert run(repo, "check", "warn.md").exit_code == 0
    assert run(repo, "check", "warn.md", "--fail-on", "warning").exit_code == 1
    assert run(repo, "check", "bad.md", "--exit-zero").exit_code == 0


def test_fail_under_overrides_policy(repo: Path) -> None:
    assert run(repo, "check", "warn.md", "--fail-under", "99").exit_code == 1


def test_select_and_ignore_by_id_prefix_and_name(repo: Path) -> None:
    only_trm = run(repo, "check", "bad.md", "--select", "TRM", "--output-format", "concise")
    assert "TRM001" in only_trm.output and "BAN001" not in only_trm.output
    no_ban = run(repo, "check", "bad.md", "--ignore", "BAN001", "--output-format", "concise")
    assert "BAN001" not in no_ban.output
    by_name = run(repo, "check", "warn.md", "--ignore", "no-synergy", "--output-format", "concise")
    assert "BAN002" not in by_name.output


def test_mistyped_select_or_ignore_is_an_error_with_a_suggestion(repo: Path) -> None:
    from tests._cli import run_cli

    for args in (["--select", "nonsense"], ["--select", "BAN0001"], ["--ignore", "no-synergi"]):
        result = run_cli(["check", "bad.md", *args], cwd=repo)
        assert result.code == 2, (args, result.out, result.err)
        assert f"unknown rule '{args[1]}'" in result.err
    assert (
        "did you mean no-synergy"
        in run_cli(["check", "bad.md", "--ignore", "no-synergi"], cwd=repo).err
    )


def test_select_accepts_categories_and_any_case(repo: Path) -> None:
    from tests._cli import run_cli

    by_category = run_cli(
        ["check", "bad.md", "--select", "terminology", "--output-format", "concise"], cwd=repo
    )
    assert "TRM001" in by_category.out and "BAN001" not in by_category.out
    lower = run_cli(
        ["check", "bad.md", "--select", "ban001", "--output-format", "concise"], cwd=repo
    )
    assert lower.code == 1 and "BAN001" in lower.out and "TRM001" not in lower.out


def test_json_output(repo: Path) -> None:
    result = run(repo, "check", "bad.md", "clean.md", "--output-format", "json")
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    posts = {Path(p["id"]).name: p for p in data["posts"]}
    assert posts["clean.md"]["score"] == 100
    assert set(posts["bad.md"]["categories"]) >= {
        "bland",
        "pushy",
        "seo",
        "terminology",
        "disclosure",
        "readability",
    }
    assert {f["rule"] for f in posts["bad.md"]["findings"]} == {"BAN001", "TRM001"}
    fix = next(f for f in posts["bad.md"]["findings"] if f["rule"] == "TRM001")["fix"]
    assert fix == {"replacement": "BrandGuard", "safe": True}


def test_sarif_output(repo: Path) -> None:
    data = json.loads(run(repo, "check", "bad.md", "--output-format", "sarif").output)
    assert data["version"] == "2.1.0"
    run0 = data["runs"][0]
    assert {r["id"] for r in run0["tool"]["driver"]["rules"]} == {"BAN001", "TRM001"}
    result = run0["results"][0]
    assert result["ruleId"] in {"BAN001", "TRM001"} and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3


def test_github_output_and_auto_selection(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run(repo, "check", "bad.md")
    assert (
        "::error file=bad.md,line=3,col=5,endLine=3,endColumn=16,title=BAN001 banned-1::"
        in result.output
    )


def test_full_output_explains_score_and_shows_excerpt(repo: Path) -> None:
    out = run(repo, "check", "bad.md", "--statistics").output
    assert "    3 | Our world-class Brandguard team." in out
    assert "^^^^^^^^^^^" in out
    assert "bad.md: score" in out and "terminology" in out
    assert "BAN001  banned-1" in out


def test_output_file_is_written(repo: Path) -> None:
    run(repo, "check", "bad.md", "--output-format", "json", "-o", "report.json")
    assert json.loads((repo / "report.json").read_text())["summary"]["findings"] == 2


def test_stdin_with_filename(repo: Path) -> None:
    result = run(
        repo,
        "check",
        "-",
        "--stdin-filename",
        "post.md",
        "--output-format",
        "concise",
        input="---\ntitle: x\n---\nworld-class\n",
    )
    assert result.output.startswith("post.md:4:1: BAN001")


def test_directory_recursion_and_unreadable_file(repo: Path) -> None:
    (repo / "sub").mkdir()
    (repo / "sub" / "deep.txt").write_text("synergy\n", encoding="utf-8")
    (repo / "sub" / "latin1.md").write_bytes("caf\xe9 world-class".encode("latin-1"))
    result = run(repo, "check", ".", "--output-format", "concise")
    assert "sub/deep.txt:1:1: BAN002" in result.output
    assert "BG003 [error]" in result.output and "latin1.md: not UTF-8" in result.output
    assert "bad.md:3:5: BAN001" in result.output  # the others are still checked
    assert result.exit_code == 1


def test_rules_rule_policy_show_and_schema(repo: Path) -> None:
    listing = run(repo, "rules").output
    assert "BAN001" in listing and "TRM001" in listing and "BG001" in listing
    explained = run(repo, "rule", "TRM001").output
    assert "kind:     substitution" in explained and "Brandguard: BrandGuard" in explained
    from brandguard.errors import BrandguardError

    with pytest.raises(BrandguardError, match="no rule 'NOPE999'"):
        run(repo, "rule", "NOPE999")
    shown = run(repo, "policy", "show", "--sources").output
    assert "policy: cli-test" in shown and ".brandguard.yaml" in shown
    schema = json.loads(run(repo, "schema", "policy").output)
    assert "terminology" in schema["properties"]
    pack_schema = json.loads(run(repo, "schema", "pack").output)
    assert pack_schema["properties"]["rules"]["items"]["allOf"]


def test_bundled_default_policy_is_used_without_config(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(
        "Act now! Last chance to leverage our synergies.\n", encoding="utf-8"
    )
    result = run(tmp_path, "check", "p.md", "--output-format", "json")
    data = json.loads(result.output)
    categories = {f["category"] for f in data["posts"][0]["findings"]}
    assert {"pushy", "bland"} <= categories


def test_pyproject_tool_section_is_discovered(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.brandguard]\nlanguage = "en"\nbanned = [{phrase = "foo bar"}]\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "p.txt").write_text("a foo bar b\n", encoding="utf-8")
    result = run(tmp_path / "sub", "check", "p.txt", "--output-format", "concise")
    assert "p.txt:1:3: BAN001" in result.output


def test_real_entry_point_exit_codes(repo: Path) -> None:
    """The installed `brandguard` command: 2 and one line for config errors, never a traceback."""
    exe = [sys.executable, "-c", "from brandguard.cli import entry_point; entry_point()"]
    (repo / "broken.yaml").write_text("language: en\ntone: {voice: loud}\n", encoding="utf-8")
    bad = subprocess.run(
        [*exe, "check", "--policy", "broken.yaml", "clean.md"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("brandguard: error: ") and "broken.yaml:2" in bad.stderr
    assert "Traceback" not in bad.stderr
    usage = subprocess.run(
        [*exe, "check", "--output-format", "xml"], cwd=repo, capture_output=True, text=True
    )
    assert usage.returncode == 2
    ok = subprocess.run([*exe, "check", "clean.md"], cwd=repo, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr


def test_the_quick_exit_still_delivers_the_whole_report(repo: Path) -> None:
    """entry_point skips the interpreter's teardown: exit code and every byte must survive it."""
    exe = [sys.executable, "-c", "from brandguard.cli import entry_point; entry_point()"]
    for i in range(200):
        (repo / f"many-{i:03d}.md").write_text("Act now! Click here to buy.\n", encoding="utf-8")
    found = subprocess.run(
        [*exe, "check", ".", "--output-format", "json"], cwd=repo, capture_output=True, text=True
    )
    assert found.returncode == 1, found.stderr
    report = json.loads(found.stdout)  # cut short, it would not parse
    assert len(report["posts"]) >= 201
    written = subprocess.run(
        [*exe, "check", ".", "--output-format", "json", "-o", "report.json"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert written.returncode == 1
    assert json.loads((repo / "report.json").read_text(encoding="utf-8")) == report


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_output_that_cannot_be_written_is_an_error_not_a_silent_success(repo: Path) -> None:
    exe = [sys.executable, "-c", "from brandguard.cli import entry_point; entry_point()"]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*exe, "check", "clean.md", "--output-format", "json"],
            cwd=repo,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert result.returncode == 2
    assert "No space left on device" in result.stderr
    assert "internal error" not in result.stderr


def test_a_file_named_twice_is_checked_once(repo: Path) -> None:
    result = run(repo, "check", ".", "bad.md", "--output-format", "json")
    ids = [Path(p["id"]).name for p in json.loads(result.output)["posts"]]
    assert ids.count("bad.md") == 1


def test_a_closed_standard_output_still_gives_the_exit_code(repo: Path) -> None:
    exe = [sys.executable, "-c", "from brandguard.cli import entry_point; entry_point()"]
    result = subprocess.run(
        [*exe, "check", "bad.md"],
        cwd=repo,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),  # noqa: PLW1509 - the child starts with fd 1 closed
    )
    assert result.returncode == 1
    assert "error" not in result.stderr


class _ClosedAfterFirstLine:
    """A pipe whose reader left after one line (`brandguard check | head -1`)."""

    encoding = "utf-8"

    def __init__(self) -> None:
        self.received = ""

    def write(self, text: str) -> int:
        if "\n" in self.received:
            raise BrokenPipeError(32, "Broken pipe")
        self.received += text
        return len(text)

    def flush(self) -> None:
        if "\n" in self.received:
            raise BrokenPipeError(32, "Broken pipe")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("not a real pipe")


@pytest.mark.parametrize(("files", "expected"), [(["clean.md"] * 1, 0), (["bad.md"], 1)])
def test_a_closed_pipe_does_not_change_the_verdict(
    repo: Path, monkeypatch: pytest.MonkeyPatch, files: list[str], expected: int
) -> None:
    from brandguard.cli import main

    for i in range(30):
        (repo / f"clean{i}.md").write_text("We roast coffee in Turin.\n", encoding="utf-8")
    pipe = _ClosedAfterFirstLine()
    monkeypatch.chdir(repo)
    monkeypatch.setattr(sys, "stdout", pipe)
    monkeypatch.setattr(
        sys, "argv", ["brandguard", "check", *files, *(f"clean{i}.md" for i in range(30))]
    )
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == expected
    assert pipe.received.count("\n") == 1


def test_ctrl_c_exits_130(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from brandguard.engine import run as engine_run
    from tests._cli import run_cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine_run, "check_paths", interrupted)
    result = run_cli(["check", "clean.md"], cwd=repo)
    assert result.code == 130 and "Aborted." in result.err


FAILING_POST = "Act now! Buy today! Limited time only! Hurry, act now, order now!\n"


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("concise", "fail.md: score 22/100 FAIL (under 70)"),
        (
            "github",
            "::error file=fail.md,line=1,title=brandguard score::score 22/100 FAIL (under 70)",
        ),
    ],
)
def test_a_post_under_the_bar_is_named_in_every_format(
    tmp_path: Path, fmt: str, expected: str
) -> None:
    from tests._cli import run_cli

    (tmp_path / "fail.md").write_text(FAILING_POST, encoding="utf-8")
    result = run_cli(
        ["check", "--policy", "default", "--output-format", fmt, "fail.md"], cwd=tmp_path
    )
    assert result.code == 1
    assert expected in result.out.splitlines()  # only warnings: the score is why it fails


def test_fail_under_is_the_bar_concise_reports(repo: Path) -> None:
    from tests._cli import run_cli

    result = run_cli(
        ["check", "--output-format", "concise", "--fail-under", "99.5", "warn.md"], cwd=repo
    )
    assert result.code == 1 and "warn.md: score" in result.out and "(under 99.5)" in result.out


def test_statistics_with_concise(repo: Path) -> None:
    from tests._cli import run_cli

    result = run_cli(["check", "--output-format", "concise", "--statistics", "bad.md"], cwd=repo)
    assert "     1  BAN001  " in result.out


def test_sarif_columns_are_code_points_and_say_so(repo: Path) -> None:
    from tests._cli import run_cli

    (repo / "emoji.md").write_text("🎉🎉 Our world-class team.\n", encoding="utf-8")
    result = run_cli(["check", "--output-format", "sarif", "emoji.md"], cwd=repo)
    run = json.loads(result.out)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    (found,) = [r for r in run["results"] if r["ruleId"] == "BAN001"]
    region = found["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] == 8  # two emoji are two code points (four UTF-16 units)


def test_a_control_character_does_not_hide_a_phrase(tmp_path: Path) -> None:
    from tests._cli import run_cli

    (tmp_path / "ctl.md").write_text("Act now!\x00\nBuy today\x1b[0m and more.\n", encoding="utf-8")
    result = run_cli(
        ["check", "--policy", "default", "--output-format", "concise", "ctl.md"], cwd=tmp_path
    )
    assert "ctl.md:1:1: PSH001" in result.out and "ctl.md:2:1: PSH004" in result.out


def test_a_post_that_is_only_code_is_not_a_link_drop(tmp_path: Path) -> None:
    from tests._cli import run_cli

    (tmp_path / "code.md").write_text("```\nprint('hello')\n```\n", encoding="utf-8")
    (tmp_path / "link.md").write_text("https://example.com/abc123\n", encoding="utf-8")
    result = run_cli(
        ["check", "--policy", "default", "--output-format", "concise", "code.md", "link.md"],
        cwd=tmp_path,
    )
    assert "code.md" not in result.out
    assert "link.md:1:1: PSH022" in result.out
