"""--write-baseline / --baseline: adopt brandguard on old posts, fail only on new findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests._cli import run_cli

OLD_A = """\
---
title: Spring
---
Act now! Our world-class team will leverage synergies for you.

We ship bikes to Leeds.
"""
OLD_B = "Act now.\nAct now.\nThe lock opens with your phone.\n"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".brandguard.yaml").write_text(
        "policy: t\nlanguage: en\nextends: [default]\nbanned: [{phrase: world-class}]\n",
        encoding="utf-8",
    )
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "a.md").write_text(OLD_A, encoding="utf-8")
    (posts / "b.txt").write_text(OLD_B, encoding="utf-8")
    return tmp_path


def concise(repo: Path, *args: str, cwd: Path | None = None) -> tuple[int, list[str], str]:
    result = run_cli(["check", "--output-format", "concise", *args], cwd=cwd or repo)
    findings = [line for line in result.out.splitlines() if ": score " not in line]
    return result.code, findings, result.err


def test_baseline_hides_old_findings_and_survives_unrelated_edits(repo: Path) -> None:
    code, before, _ = concise(repo, "posts")
    assert code == 1 and len(before) >= 5
    written = run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    assert written.code == 0
    assert f"recorded {len(before)} findings in baseline.json" in written.err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert {e["file"] for e in data["findings"]} == {"posts/a.md", "posts/b.txt"}

    assert concise(repo, "--baseline", "baseline.json", "posts")[:2] == (0, [])

    # Unrelated edits: lines added above, between and below; front matter grows.
    a = repo / "posts" / "a.md"
    a.write_text(
        OLD_A.replace("title: Spring\n", "title: Spring\ndate: 2024-05-01\n")
        .replace("---\nAct", "---\nA new opening line.\n\nAct")
        .replace("\nWe ship", "\nAnother calm paragraph.\n\nWe ship")
        + "\nA closing line.\n",
        encoding="utf-8",
    )
    code, lines, _ = concise(repo, "--baseline", "baseline.json", "posts")
    assert (code, lines) == (0, [])

    # A new finding is reported, at its current position, and fails the run.
    a.write_text(a.read_text(encoding="utf-8") + "Last chance to buy!\n", encoding="utf-8")
    code, lines, err = concise(repo, "--baseline", "baseline.json", "posts")
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith("posts/a.md:14:1: PSH001")
    assert f"{len(before)} known findings hidden by baseline.json" in err


def test_identical_findings_are_counted(repo: Path) -> None:
    run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    b = repo / "posts" / "b.txt"
    b.write_text("Act now.\n" + OLD_B, encoding="utf-8")  # a third identical "Act now."
    code, lines, _ = concise(repo, "--baseline", "baseline.json", "posts")
    assert code == 1
    ids = [line.split(": ")[1].split()[0] for line in lines]
    # the third copy is one new PSH001 (and a third "Act" opener now stacks commands: PSH016)
    assert ids.count("PSH001") == 1 and set(ids) <= {"PSH001", "PSH016"}


def test_fixed_findings_are_reported_as_stale(repo: Path) -> None:
    run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    (repo / "posts" / "b.txt").write_text(
        "The lock opens with your phone and fits any frame.\n", encoding="utf-8"
    )
    code, lines, err = concise(repo, "--baseline", "baseline.json", "posts")
    assert (code, lines) == (0, [])
    assert "baseline entries no longer occur" in err


def test_baseline_paths_are_relative_to_the_baseline_file(repo: Path) -> None:
    run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    code, lines, _ = concise(
        repo, "--baseline", "../baseline.json", "a.md", "b.txt", cwd=repo / "posts"
    )
    assert (code, lines) == (0, [])


def test_baseline_rescoring_counts_only_new_findings(repo: Path) -> None:
    run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    result = run_cli(
        ["check", "--output-format", "json", "--baseline", "baseline.json", "posts"], cwd=repo
    )
    posts = json.loads(result.out)["posts"]
    assert [p["score"] for p in posts] == [100.0, 100.0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found: baseline.json (create it with --write-baseline)"),
        ("{not json", "baseline baseline.json is not valid JSON (line 1"),
        ('{"findings": 3}', "is not a brandguard baseline"),
    ],
)
def test_bad_baselines_are_one_line_errors(repo: Path, content: str | None, message: str) -> None:
    if content is not None:
        (repo / "baseline.json").write_text(content, encoding="utf-8")
    result = run_cli(["check", "--baseline", "baseline.json", "posts"], cwd=repo)
    assert result.code == 2
    assert result.err.count("\n") == 1 and message in result.err
    assert "Traceback" not in result.err


def _entries(repo: Path) -> list[tuple[str, str]]:
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    return sorted((e["file"], e["rule"]) for e in data["findings"])


def test_a_subset_run_leaves_the_other_files_entries_alone(repo: Path) -> None:
    """pre-commit passes the staged files only: issue 13 item 18."""
    run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    everything = _entries(repo)
    assert {f for f, _ in everything} == {"posts/a.md", "posts/b.txt"}

    code, lines, err = concise(repo, "--baseline", "baseline.json", "posts/b.txt")
    assert (code, lines) == (0, [])
    assert "known findings hidden by baseline.json" in err
    assert "no longer occur" not in err  # a.md's entries were not checked, not fixed

    # b.txt loses one "Act now."; rewriting the baseline from b.txt alone keeps a.md's entries.
    (repo / "posts" / "b.txt").write_text(OLD_B.replace("Act now.\n", "", 1), encoding="utf-8")
    code, lines, err = concise(repo, "--baseline", "baseline.json", "posts/b.txt")
    assert (code, lines) == (0, []) and "1 baseline entries no longer occur" in err
    written = run_cli(["check", "--write-baseline", "baseline.json", "posts/b.txt"], cwd=repo)
    assert written.code == 0
    kept = [e for e in everything if e[0] == "posts/a.md"]
    assert "(kept " + str(len(kept)) + " of files not checked)" in written.err
    after = _entries(repo)
    assert [e for e in after if e[0] == "posts/a.md"] == kept
    b_before = [e for e in everything if e[0] == "posts/b.txt"]
    b_after = [e for e in after if e[0] == "posts/b.txt"]
    assert len(b_after) < len(b_before)
    assert concise(repo, "--baseline", "baseline.json", "posts")[:2] == (0, [])


def test_entries_of_deleted_files_are_stale_and_dropped_on_rewrite(repo: Path) -> None:
    run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    b_count = sum(1 for f, _ in _entries(repo) if f == "posts/b.txt")
    (repo / "posts" / "b.txt").unlink()
    code, _, err = concise(repo, "--baseline", "baseline.json", "posts/a.md")
    assert code == 0 and f"{b_count} baseline entries no longer occur" in err
    run_cli(["check", "--write-baseline", "baseline.json", "posts/a.md"], cwd=repo)
    assert {f for f, _ in _entries(repo)} == {"posts/a.md"}


def test_write_baseline_refuses_to_replace_a_file_that_is_not_a_baseline(repo: Path) -> None:
    (repo / "baseline.json").write_text("my notes\n", encoding="utf-8")
    result = run_cli(["check", "--write-baseline", "baseline.json", "posts"], cwd=repo)
    assert result.code == 2 and "baseline baseline.json is not valid JSON" in result.err
    assert (repo / "baseline.json").read_text(encoding="utf-8") == "my notes\n"
