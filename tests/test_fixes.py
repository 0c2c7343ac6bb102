"""--fix / --diff / --unsafe-fixes: what is rewritten, what never is, and how files are written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from brandguard.compile.compiler import compile_policy
from brandguard.engine.run import check_paths
from brandguard.model import Fix
from brandguard.output import atomic
from brandguard.output.fixes import apply_fixes, fix_results, write_fixed
from tests._cli import run_cli

POLICY = """\
policy: fix-test
language: en
packs: [en/bland]
terminology:
  BrandGuard: [Brandguard, Brand Guard]
"""

# Every masked region holds a fixable form that must survive --fix untouched.
POST = """\
---
title: Brandguard in order to utilize
---
Brandguard helps you in order to ship. Utilize it daily.

```
Brandguard in order to utilize
```

Inline `Brandguard` code, a link [docs](https://example.com/Brandguard/utilize) and
https://example.com/in-order-to/Brandguard stay as written.
<!-- brandguard: ignore[BLD005] -->
We utilize this line on purpose.
<!-- Brandguard utilize -->
"""

EXPECTED = """\
---
title: Brandguard in order to utilize
---
BrandGuard helps you to ship. Use it daily.

```
Brandguard in order to utilize
```

Inline `Brandguard` code, a link [docs](https://example.com/Brandguard/utilize) and
https://example.com/in-order-to/Brandguard stay as written.
<!-- brandguard: ignore[BLD005] -->
We utilize this line on purpose.
<!-- Brandguard utilize -->
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".brandguard.yaml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    return tmp_path


def fixable_rules(out: str) -> list[str]:
    return [line for line in out.splitlines() if "TRM001" in line or "BLD005" in line]


def test_fix_rewrites_only_visible_text_and_leaves_nothing_to_fix(repo: Path) -> None:
    first = run_cli(["check", "--fix", "--output-format", "concise", "post.md"], cwd=repo)
    assert (repo / "post.md").read_text(encoding="utf-8") == EXPECTED
    assert "fixed 3 findings in 1 file" in first.err
    # The report shows what is left, not what was fixed: only the front-matter title, which is
    # checked (readers see it) but never rewritten (YAML is data).
    left = fixable_rules(first.out)
    assert left and all(line.startswith("post.md:2:") for line in left)

    again = run_cli(["check", "--fix", "post.md"], cwd=repo)
    assert "fixed" not in again.err
    assert (repo / "post.md").read_text(encoding="utf-8") == EXPECTED
    diff = run_cli(["check", "--diff", "post.md"], cwd=repo)
    assert diff.code == 0 and diff.out == ""


def test_diff_prints_a_unified_diff_and_writes_nothing(repo: Path) -> None:
    before = (repo / "post.md").stat()
    result = run_cli(["check", "--diff", "post.md"], cwd=repo)
    assert result.code == 1
    assert result.out.startswith("--- a/post.md\n+++ b/post.md\n@@ ")
    assert "-Brandguard helps you in order to ship. Utilize it daily.\n" in result.out
    assert "+BrandGuard helps you to ship. Use it daily.\n" in result.out
    assert "would apply 3 fixes in 1 file" in result.err
    assert (repo / "post.md").read_text(encoding="utf-8") == POST
    assert (repo / "post.md").stat().st_mtime_ns == before.st_mtime_ns


def test_exit_code_after_fix_reflects_what_remains(tmp_path: Path) -> None:
    (tmp_path / ".brandguard.yaml").write_text(
        "policy: t\nlanguage: en\nterminology: {BrandGuard: [Brandguard]}\n", encoding="utf-8"
    )
    post = tmp_path / "p.md"
    post.write_text("Brandguard checks posts before they are published.\n", encoding="utf-8")
    assert run_cli(["check", "p.md"], cwd=tmp_path).code == 1  # TRM001 is an error
    fixed = run_cli(["check", "--fix", "p.md"], cwd=tmp_path)
    assert fixed.code == 0, fixed.out
    assert post.read_text(encoding="utf-8").startswith("BrandGuard checks")

    post.write_text("Brandguard checks posts. World-class!\n", encoding="utf-8")
    (tmp_path / ".brandguard.yaml").write_text(
        "policy: t\nlanguage: en\nterminology: {BrandGuard: [Brandguard]}\n"
        "banned: [{phrase: world-class}]\n",
        encoding="utf-8",
    )
    left = run_cli(["check", "--fix", "--output-format", "concise", "p.md"], cwd=tmp_path)
    assert left.code == 1
    assert "BAN001" in left.out and "TRM001" not in left.out


@pytest.mark.parametrize("failure", ["cannot write", "changed meanwhile"])
def test_a_fix_that_could_not_be_written_exits_2_and_keeps_its_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    from brandguard.output import fixes

    (tmp_path / ".brandguard.yaml").write_text(
        "policy: t\nlanguage: en\nterminology: {BrandGuard: [Brandguard]}\n", encoding="utf-8"
    )
    post = tmp_path / "p.md"
    post.write_text("Brandguard checks posts before they are published.\n", encoding="utf-8")
    if failure == "cannot write":  # a read-only directory (tests run as root, so simulate it)

        def refuse(path: Path, text: str, bom: bool = False) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(fixes, "atomic_write_text", refuse)
    else:
        real_fix_results = fixes.fix_results

        def edited_meanwhile(*args, **kwargs):  # a writer saves while the run checks
            state = real_fix_results(*args, **kwargs)
            with post.open("a", encoding="utf-8") as handle:
                handle.write("A new line.\n")
            return state

        monkeypatch.setattr(fixes, "fix_results", edited_meanwhile)
    result = run_cli(["check", "--fix", "--output-format", "concise", "p.md"], cwd=tmp_path)
    assert result.code == 2, (result.out, result.err)
    assert "p.md: not fixed" in result.err
    assert "could not write the fixes to p.md" in result.err
    assert "TRM001" in result.out  # the findings of the text on disk still count
    assert "no findings" not in result.out
    assert post.read_text(encoding="utf-8").startswith("Brandguard checks")


def test_crlf_bom_and_mode_are_kept(repo: Path) -> None:
    path = repo / "post.md"
    path.write_bytes(b"\xef\xbb\xbf" + POST.replace("\n", "\r\n").encode("utf-8"))
    os.chmod(path, 0o640)
    result = run_cli(["check", "--fix", "post.md"], cwd=repo)
    assert "fixed 3 findings" in result.err
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8") == EXPECTED.replace("\n", "\r\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_failure_mid_write_leaves_the_original_untouched(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = repo / "post.md"

    def crash(fd: int) -> None:  # the new text is in the temporary file, not yet renamed
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    result = run_cli(["check", "--fix", "post.md"], cwd=repo)
    assert "post.md: not fixed: cannot write it (No space left on device)" in result.err
    assert path.read_text(encoding="utf-8") == POST
    assert sorted(p.name for p in repo.iterdir()) == [".brandguard.yaml", "post.md"]


def test_interrupt_mid_write_leaves_the_original_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "post.md"
    path.write_text("old text\n", encoding="utf-8")
    real_replace = os.replace

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.atomic_write_text(path, "new text\n")
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert path.read_text(encoding="utf-8") == "old text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["post.md"]


def test_atomic_write_follows_symlinks_and_gives_new_files_a_normal_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("a\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic.atomic_write_text(link, "b\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "b\n"
    new = tmp_path / "new.json"
    with atomic.atomic_writer(new) as out:
        out.write("{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask


def test_a_file_edited_during_the_run_is_not_overwritten(repo: Path, default_policy) -> None:
    from brandguard.policy.loader import load_policy

    policy = load_policy(repo / ".brandguard.yaml")
    compiled = compile_policy(policy)
    results = check_paths(policy, [str(repo / "post.md")], [], [], compiled=compiled)
    (fixed,) = fix_results(compiled, results)
    assert fixed.changed
    (repo / "post.md").write_text(POST + "A writer's new line.\n", encoding="utf-8")
    problem = write_fixed(fixed)
    assert problem is not None and "changed while it was being checked" in problem
    assert (repo / "post.md").read_text(encoding="utf-8").endswith("A writer's new line.\n")


def test_unsafe_fixes_apply_only_when_asked(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        """\
pack: mine
language: en
rules:
  - id: MIN001
    name: sales-team
    kind: substitution
    category: style
    severity: warning
    message: "'{match}' → '{suggestion}'"
    fix: unsafe
    swap: {salesforce: sales team}
    examples: {fail: [our salesforce], pass: [our sales team]}
  - id: MIN002
    name: plain-use
    kind: substitution
    category: style
    severity: warning
    message: "'{match}' → '{suggestion}'"
    inflect: true
    swap: {utilize: use}
    examples: {fail: [we utilize], pass: [we use]}
""",
        encoding="utf-8",
    )
    (tmp_path / ".brandguard.yaml").write_text(
        "policy: t\nlanguage: en\npacks: [./pack.yaml]\n", encoding="utf-8"
    )
    post = tmp_path / "p.txt"
    text = "Our salesforce will utilize it; they utilized it before.\n"
    post.write_text(text, encoding="utf-8")

    safe = run_cli(["check", "--fix", "p.txt"], cwd=tmp_path)
    # Only the listed form is safe: "utilized" → "use" would lose the tense.
    assert post.read_text(encoding="utf-8") == (
        "Our salesforce will use it; they utilized it before.\n"
    )
    assert "fixed 1 finding in 1 file" in safe.err
    assert run_cli(["check", "--unsafe-fixes", "p.txt"], cwd=tmp_path).code == 2
    run_cli(["check", "--fix", "--unsafe-fixes", "p.txt"], cwd=tmp_path)
    assert post.read_text(encoding="utf-8") == "Our sales team will use it; they use it before.\n"


def test_fix_on_stdin_prints_the_fixed_text_and_reports_on_stderr(repo: Path) -> None:
    result = run_cli(
        ["check", "--fix", "--output-format", "concise", "--stdin-filename", "draft.md", "-"],
        cwd=repo,
        stdin=POST,
    )
    assert result.out == EXPECTED
    assert "fixed 3 findings in 1 file" in result.err
    assert not (repo / "draft.md").exists()
    assert (repo / "post.md").read_text(encoding="utf-8") == POST


def test_apply_fixes_skips_overlaps_and_masked_spans() -> None:
    source = "Use `code` here and here.\n"
    fixes = [
        Fix(0, 3, "Try"),
        Fix(1, 3, "xx"),  # overlaps the first: waits for the next round
        Fix(4, 10, "nothing"),  # inline code is masked
        Fix(11, 15, "HERE"),
    ]
    text, applied = apply_fixes(source, fixes, "markdown")
    assert (text, applied) == ("Try `code` HERE and here.\n", 2)
