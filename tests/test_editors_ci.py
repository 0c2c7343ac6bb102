"""Editors (stdin with --stdin-filename), GitHub Actions (auto github format), colour on TTYs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._cli import run_cli

POST = "---\nchannel: x\n---\nIntro.\n\n`Act now` is code.\n\nAct now for the spring range.\n"
ANSI = "\x1b["


def test_stdin_filename_names_the_post_and_picks_its_format(tmp_path: Path) -> None:
    result = run_cli(
        ["check", "--output-format", "concise", "--stdin-filename", "drafts/post.md", "-"],
        cwd=tmp_path,
        stdin=POST,
    )
    assert result.code == 1
    # Markdown: front matter and inline code are skipped, the position is in the buffer.
    assert result.out.splitlines()[0].startswith("drafts/post.md:8:1: PSH001")
    assert len([x for x in result.out.splitlines() if "PSH001" in x]) == 1


def test_stdin_without_a_name_is_plain_text(tmp_path: Path) -> None:
    # Plain text has no front matter: its lines are checked like any other (backtick code is
    # masked in every format, so front matter is what tells the formats apart here).
    post = "---\ntitle: Act now\n---\nIntro.\n\nAct now for the spring range.\n"
    result = run_cli(["check", "--output-format", "concise", "-"], cwd=tmp_path, stdin=post)
    assert [x.split(":")[0] for x in result.out.splitlines() if "PSH001" in x] == ["-", "-"]


def test_github_format_is_chosen_under_github_actions(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("Act now, it ends tonight.\n", encoding="utf-8")
    auto = run_cli(["check", "p.md"], cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert auto.code == 1
    assert auto.out.startswith("::warning file=p.md,line=1,col=1,endLine=1,endColumn=8,")
    assert "title=PSH001 false-urgency::" in auto.out
    local = run_cli(["check", "p.md"], cwd=tmp_path)
    assert not local.out.startswith("::")
    explicit = run_cli(
        ["check", "--output-format", "concise", "p.md"],
        cwd=tmp_path,
        env={"GITHUB_ACTIONS": "true"},
    )
    assert explicit.out.startswith("p.md:1:1: PSH001")


@pytest.mark.parametrize(
    ("color", "tty", "no_color", "expected"),
    [
        ("auto", False, None, False),
        ("auto", True, None, True),
        ("auto", True, "1", False),
        ("always", False, None, True),
        ("never", True, None, False),
    ],
)
def test_colour_only_on_a_tty_unless_asked(
    tmp_path: Path, color: str, tty: bool, no_color: str | None, expected: bool
) -> None:
    (tmp_path / "p.md").write_text("Act now, it ends tonight.\n", encoding="utf-8")
    result = run_cli(
        ["check", "--color", color, "p.md"], cwd=tmp_path, tty=tty, env={"NO_COLOR": no_color}
    )
    assert (ANSI in result.out) is expected
    assert "PSH001" in result.out


def test_report_to_a_file_is_never_coloured(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("Act now, it ends tonight.\n", encoding="utf-8")
    run_cli(["check", "-o", "report.txt", "p.md"], cwd=tmp_path, tty=True)
    report = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "PSH001" in report and ANSI not in report


def test_github_actions_doc_runs_real_commands() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "github-actions.md").read_text(
        encoding="utf-8"
    )
    assert "brandguard check" in doc and "GITHUB_ACTIONS" in doc and "--baseline" in doc
