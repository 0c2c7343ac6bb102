"""--fix never loses or alters what it should not: the editor buffer on stdin round-trips byte for
byte, and files keep being the files they were (read-only, owner, hard links, links out of the
tree, temporaries after a signal). Issue 13, items 4 and 5."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from brandguard.output import atomic
from tests._cli import run_cli

REPO = Path(__file__).resolve().parents[1]
POLICY = "policy: t\nlanguage: en\nterminology: {BrandGuard: [Brandguard]}\n"
BAD = "Brandguard checks posts before they are published.\n"
GOOD = "BrandGuard checks posts before they are published.\n"
BOM = b"\xef\xbb\xbf"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".brandguard.yaml").write_text(POLICY, encoding="utf-8")
    return tmp_path


def fix(repo: Path, *args: str, stdin: bytes | None = None):
    return run_cli(["check", "--fix", "--output-format", "concise", *args], cwd=repo, stdin=stdin)


# -- item 4: the editor path, stdin -> stdout ------------------------------------------------------


def test_fix_on_stdin_keeps_the_bom_and_the_line_endings(repo: Path) -> None:
    buffer = BOM + "Brandguard checks posts.\r\nA café opens at 9.\r\n".encode()
    result = fix(repo, "--stdin-filename", "draft.md", "-", stdin=buffer)
    assert result.raw_out == BOM + "BrandGuard checks posts.\r\nA café opens at 9.\r\n".encode()
    assert result.code == 0, result.err
    assert "fixed 1 finding in 1 file" in result.err


def test_a_buffer_that_is_not_utf8_comes_back_byte_identical_and_exits_2(repo: Path) -> None:
    buffer = b"Brandguard opens a caf\xe9 in Leeds.\r\n"
    result = fix(repo, "--stdin-filename", "draft.md", "-", stdin=buffer)
    assert result.raw_out == buffer
    assert result.code == 2
    assert "draft.md: not fixed: not UTF-8 text (byte 22); the text is written back unchanged" in (
        result.err
    )
    # Checked without --fix it is unreadable, like a file that is not UTF-8 (nothing replaced).
    checked = run_cli(["check", "--output-format", "concise", "-"], cwd=repo, stdin=buffer)
    assert checked.code == 1
    assert "-:1:1: BG003 [error] -: not UTF-8 text (byte 22)" in checked.out


def test_a_buffer_over_the_size_limit_comes_back_whole(repo: Path) -> None:
    buffer = (BAD * 40).encode()
    result = fix(repo, "--max-post-size", "100", "-", stdin=buffer)
    assert result.raw_out == buffer
    assert result.code == 2
    assert "-: not fixed: larger than 100 bytes" in result.err


# -- item 5: files ---------------------------------------------------------------------------------


def test_a_read_only_file_is_not_rewritten(repo: Path) -> None:
    post = repo / "p.md"
    post.write_text(BAD, encoding="utf-8")
    post.chmod(0o444)
    result = fix(repo, "p.md")
    assert result.code == 2
    assert "p.md: not fixed: the file is read-only" in result.err
    assert "could not write the fixes to p.md" in result.err
    assert post.read_text(encoding="utf-8") == BAD
    assert stat.S_IMODE(post.stat().st_mode) == 0o444


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_fixing_as_root_keeps_the_owner_and_group(repo: Path) -> None:
    post = repo / "p.md"
    post.write_text(BAD, encoding="utf-8")
    os.chown(post, 1234, 5678)
    post.chmod(0o664)
    assert fix(repo, "p.md").code == 0
    info = post.stat()
    assert post.read_text(encoding="utf-8") == GOOD
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o664)


def test_hard_links_stay_linked(repo: Path) -> None:
    post = repo / "p.md"
    post.write_text(BAD, encoding="utf-8")
    other = repo / "elsewhere.txt.bak"  # another name of the same file, not checked itself
    os.link(post, other)
    assert fix(repo, "p.md").code == 0
    assert post.read_text(encoding="utf-8") == GOOD == other.read_text(encoding="utf-8")
    assert post.stat().st_ino == other.stat().st_ino and post.stat().st_nlink == 2
    assert sorted(p.name for p in repo.iterdir()) == [
        ".brandguard.yaml",
        "elsewhere.txt.bak",
        "p.md",
    ]


def test_a_symlink_out_of_the_checked_folder_is_not_followed(repo: Path) -> None:
    outside = repo / "outside"
    outside.mkdir()
    target = outside / "secret.md"
    target.write_text(BAD, encoding="utf-8")
    site = repo / "site"
    site.mkdir()
    (site / "link.md").symlink_to(target)
    (site / "inner.md").write_text(BAD, encoding="utf-8")
    (site / "alias.md").symlink_to("inner.md")  # a link inside the tree: the same file, fixed once
    result = fix(repo, "site")
    assert target.read_text(encoding="utf-8") == BAD
    assert (site / "inner.md").read_text(encoding="utf-8") == GOOD
    assert (site / "link.md").is_symlink() and (site / "alias.md").is_symlink()
    assert "site/link.md: not fixed: a symbolic link leads out of site (to " in result.err
    assert "could not write the fixes to site/link.md" in result.err
    assert result.code == 2
    # Named on the command line, the link is what the user asked for: it is followed.
    assert fix(repo, "site/link.md").code == 0
    assert target.read_text(encoding="utf-8") == GOOD and (site / "link.md").is_symlink()


SIGNALLED = """\
import os, signal, sys, time
from brandguard.output import atomic
with atomic.atomic_writer(sys.argv[1]) as out:
    out.write("half a report")
    out.flush()
    os.kill(os.getpid(), signal.{name})
    time.sleep(30)
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path, name: str) -> None:
    target = tmp_path / "post.md"
    target.write_text("old\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SIGNALLED.format(name=name), str(target)],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -getattr(signal, name), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.md"]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_temporaries_are_named_as_brandguards_and_a_dead_runs_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "post.md"
    target.write_text("old\n", encoding="utf-8")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(gone.stdout)
    stale = tmp_path / f".post.md.brandguard-{dead}-x1y2z3.tmp"  # left by kill -9
    stale.write_text("partial", encoding="utf-8")
    alive = tmp_path / f".post.md.brandguard-{os.getppid()}-a1b2c3.tmp"  # a run still writing
    alive.write_text("partial", encoding="utf-8")
    seen: list[str] = []
    with atomic.atomic_writer(target) as out:
        seen.extend(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
        out.write("new\n")
    ours = [n for n in seen if n not in (stale.name, alive.name)]
    assert len(ours) == 1 and ours[0].startswith(f".post.md.brandguard-{os.getpid()}-"), seen
    assert not stale.exists() and alive.exists()
    assert target.read_text(encoding="utf-8") == "new\n"


# -- item 5a: the published hooks only take posts --------------------------------------------------


def test_the_hooks_take_posts_and_leave_legal_and_config_files_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pre_commit")
    from pre_commit.clientlib import load_manifest
    from pre_commit.commands.run import Classifier, filter_by_include_exclude

    posts = ["posts/launch.md", "b.markdown", "c.mdx", "d.html", "e.htm", "notes.txt", "f.text"]
    others = [
        "LICENSE", "LICENSE.md", "LICENCE.txt", "COPYING", "AUTHORS", "NOTICE.txt",
        "CONTRIBUTING.md", "CHANGELOG.md", "requirements.txt", "requirements-dev.txt",
        "constraints.txt", "robots.txt", "CMakeLists.txt", "setup.cfg", "script.py", "image.png",
    ]  # fmt: skip
    monkeypatch.chdir(tmp_path)
    for name in posts + others:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_bytes(b"\x89PNG\r\n\x1a\n\0" if name.endswith(".png") else b"Words.\n")
    hooks = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert [h["id"] for h in hooks] == ["brandguard", "brandguard-fix"]
    for hook in hooks:
        classifier = Classifier(posts + others)
        chosen = classifier.by_types(
            filter_by_include_exclude(classifier.filenames, hook["files"], hook["exclude"]),
            hook["types"],
            hook["types_or"],
            hook["exclude_types"],
        )
        assert sorted(chosen) == sorted(posts), hook["id"]
        assert hook["require_serial"], hook["id"]  # one process: one set of totals per commit


def test_hook_file_pattern_matches_the_suffixes_brandguard_reads() -> None:
    import re

    import yaml

    from brandguard.text.formats import FORMAT_BY_SUFFIX

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        for suffix in FORMAT_BY_SUFFIX:
            assert re.search(hook["files"], f"posts/x{suffix}"), (hook["id"], suffix)
            assert re.search(hook["files"], f"posts/x{suffix.upper()}"), (hook["id"], suffix)


def test_a_forked_worker_stopped_by_sigterm_leaves_the_parents_temporary(tmp_path: Path) -> None:
    """audit -j forks workers while its report is being written, and stops them with SIGTERM."""
    target = tmp_path / "report.jsonl"
    ready, told = os.pipe()
    with atomic.atomic_writer(target) as out:
        out.write("{}\n")
        pid = os.fork()
        if pid == 0:  # the worker: say it is running, then wait to be stopped
            os.write(told, b"1")
            while True:
                signal.pause()
        os.read(ready, 1)  # a signal sent while the child is still forking would be lost
        os.kill(pid, signal.SIGTERM)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
    assert target.read_text(encoding="utf-8") == "{}\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_an_owner_we_cannot_give_back_is_kept_by_writing_in_place(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not root: the temporary copy would be ours, so the file is written in place instead."""
    post = repo / "p.md"
    post.write_text(BAD, encoding="utf-8")
    os.chown(post, 1234, 5678)
    inode = post.stat().st_ino

    def not_root(path: str, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "chown", not_root)
    assert fix(repo, "p.md").code == 0
    info = post.stat()
    assert post.read_text(encoding="utf-8") == GOOD
    assert (info.st_uid, info.st_gid, info.st_ino) == (1234, 5678, inode)
    assert sorted(p.name for p in repo.iterdir()) == [".brandguard.yaml", "p.md"]


def test_a_failed_write_in_place_puts_the_old_bytes_back(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = repo / "p.md"
    post.write_text(BAD, encoding="utf-8")
    os.link(post, repo / "p.bak")
    real_fsync = os.fsync
    calls: list[int] = []

    def second_fails(fd: int) -> None:  # the temporary copy syncs; the file itself does not
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", second_fails)
    result = fix(repo, "p.md")
    assert (
        result.code == 2 and "p.md: not fixed: cannot write it (Input/output error)" in result.err
    )
    assert post.read_text(encoding="utf-8") == BAD == (repo / "p.bak").read_text(encoding="utf-8")
    assert post.stat().st_nlink == 2
    assert sorted(p.name for p in repo.iterdir()) == [".brandguard.yaml", "p.bak", "p.md"]
