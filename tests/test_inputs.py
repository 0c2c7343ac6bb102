"""Inputs that must neither hang nor vanish: symlink loops, unreadable folders, endless files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests._cli import run_cli

POLICY = "policy: t\nlanguage: en\nbanned: [{phrase: synergy}]\n"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".brandguard.yaml").write_text(POLICY, encoding="utf-8")
    (tmp_path / "good.md").write_text("We roast coffee in Turin.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("Pure synergy.\n", encoding="utf-8")
    return tmp_path


def concise(repo: Path, *args: str):
    return run_cli(["check", "--output-format", "concise", *args], cwd=repo)


def test_a_symlink_loop_is_one_bg003_and_the_others_go_on(repo: Path) -> None:
    (repo / "loop1").symlink_to("loop2")
    (repo / "loop2").symlink_to("loop1")
    result = concise(repo, "loop1", "bad.md", "good.md")
    assert result.code == 1, result.err
    assert "internal error" not in result.err
    lines = result.out.splitlines()
    assert any(line.startswith("loop1:1:1: BG003") and "symbolic links" in line for line in lines)
    assert any(line.startswith("bad.md:1:6: BAN001") for line in lines)


def test_a_loop_inside_a_directory_is_walked_once(repo: Path) -> None:
    (repo / "posts" / "sub").mkdir(parents=True)
    (repo / "posts" / "sub" / "p.md").write_text("Pure synergy.\n", encoding="utf-8")
    (repo / "posts" / "sub" / "up").symlink_to("..")
    result = concise(repo, "posts")
    assert result.out.count("BAN001") == 1, result.out


def test_an_unreadable_subdirectory_is_reported(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "posts" / "locked").mkdir(parents=True)
    (repo / "posts" / "locked" / "p.md").write_text("Pure synergy.\n", encoding="utf-8")
    (repo / "posts" / "open.md").write_text("Calm words.\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path=".", *args):  # tests run as root, where chmod 000 denies nothing
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    result = concise(repo, "posts")
    assert result.code == 1
    assert "locked:1:1: BG003" in result.out and "Permission denied" in result.out


def test_an_endless_input_is_cut_at_the_maximum_post_size(repo: Path) -> None:
    result = concise(repo, "/dev/zero", "bad.md")
    assert result.code == 1
    assert "/dev/zero:1:1: BG003" in result.out and "larger than 5,242,880 bytes" in result.out
    assert "BAN001" in result.out
    small = concise(repo, "--max-post-size", "5", "good.md")
    assert small.code == 1 and "good.md: larger than 5 bytes" in small.out
    piped = run_cli(
        ["check", "--max-post-size", "5", "--output-format", "concise", "-"],
        cwd=repo,
        stdin="We roast coffee.\n",
    )
    assert piped.code == 1 and "-: larger than 5 bytes" in piped.out


def test_a_file_name_that_is_not_utf8_is_escaped_in_every_output(repo: Path) -> None:
    import json

    name = os.fsdecode(b"bad\xff.md")  # 'bad\udcff.md' (surrogateescape)
    (repo / name).write_text("Pure synergy.\n", encoding="utf-8")
    (repo / "bad.md").unlink()
    shown = "bad\\udcff.md"
    printed = concise(repo, name)
    assert printed.code == 1 and printed.out.startswith(f"{shown}:1:6: BAN001")
    for fmt, out in (("full", "r.txt"), ("sarif", "r.sarif"), ("json", "r.json")):
        result = run_cli(["check", "--output-format", fmt, "-o", out, name], cwd=repo)
        assert result.code == 1, (fmt, result.err)
        assert shown in (repo / out).read_text(encoding="utf-8")
    sarif = json.loads((repo / "r.sarif").read_text(encoding="utf-8"))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == name  # valid JSON, read back as the same name
    for fmt in ("jsonl", "csv", "html"):
        audit = run_cli(["audit", "--format", fmt, "-o", f"a.{fmt}", name], cwd=repo)
        assert audit.code in (0, 1), (fmt, audit.err)
        assert shown in (repo / f"a.{fmt}").read_text(encoding="utf-8")
    recorded = run_cli(["check", "--write-baseline", "b.json", name], cwd=repo)
    assert recorded.code == 0, recorded.err
    assert run_cli(["check", "--baseline", "b.json", name], cwd=repo).code == 0


def test_audit_walks_a_folder_in_sorted_path_order_once_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``audit``'s walk (text/sources.py): sorted like paths (a folder's files at its place, so
    ``a/x`` before ``a-b``), known suffixes only (as ``Path.suffix`` reads them), tool folders and
    symlinked folders not entered, and a file reached twice (a symlink, a second argument) read
    once, at its first place."""
    from brandguard.text.sources import iter_files

    names = "a/x.md a-b/y.txt .drafts/z.html node_modules/m/q.md b/..md b/.md b/c.MD b/d.csv b/e."
    for name in [*names.split(), "top.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Hi.\n", encoding="utf-8")
    (tmp_path / "b" / "folder-link").symlink_to("../a")
    (tmp_path / "b" / "top-link.txt").symlink_to("../top.txt")
    expected = [
        ".drafts/z.html",
        "a/x.md",
        "a-b/y.txt",
        "b/..md",
        "b/c.MD",
        "b/d.csv",
        "b/top-link.txt",
    ]
    walked = [str(p) for p in iter_files([str(tmp_path)], include_exports=True)]
    assert walked == [str(tmp_path / name) for name in expected]
    monkeypatch.chdir(tmp_path)
    assert [str(p) for p in iter_files([".", "top.txt", "b/top-link.txt"])] == [
        name for name in expected if not name.endswith(".csv")
    ]


def test_check_walks_a_folder_in_sorted_path_order_once_per_real_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check``'s walk (text/files.py): sorted paths as ``Path`` prints them (no "./"), known
    suffixes only, tool folders skipped, symlinked folders followed, and a file reached twice
    (through a symlinked folder, a symlink, a second argument) read once, at its first place;
    a dangling symlink is read and reported."""
    from brandguard.model import PostResult
    from brandguard.text.files import iter_checked

    for name in ("a/x.md", "c/y.MD", "c/z.csv", "node_modules/m/q.md", "top.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Hi.\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "folder-link").symlink_to("../a")
    (tmp_path / "b" / "top-link.txt").symlink_to("../top.txt")
    (tmp_path / "b" / "gone.md").symlink_to("../missing.md")
    monkeypatch.chdir(tmp_path)
    seen: set[str] = set()
    posts = [p for raw in (".", "top.txt", "a/x.md") for p in iter_checked(raw, seen)]
    assert [p.id for p in posts] == ["a/x.md", "b/gone.md", "b/top-link.txt", "c/y.MD"]
    assert [isinstance(p, PostResult) for p in posts] == [False, True, False, False]
    assert str(tmp_path / "a" / "x.md") in seen and str(tmp_path / "top.txt") in seen


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 50])
def test_reading_at_most_a_bound_reads_what_the_file_holds(tmp_path: Path, size: int) -> None:
    """read_at_most(fd, 10) gives the file up to 10 bytes, whatever its size."""
    from brandguard.text.sources import read_at_most

    path = tmp_path / "post.txt"
    path.write_bytes(bytes(range(65, 65 + size)))
    with open(path, "rb") as handle:
        assert read_at_most(handle.fileno(), 10) == path.read_bytes()[:10]


def test_reading_at_most_a_bound_reads_on_past_the_size_a_file_gave() -> None:
    """A device says its size is 0 and holds more; a file may grow after its size was read."""
    from brandguard.text.sources import read_at_most

    with open("/dev/zero", "rb") as handle:
        assert read_at_most(handle.fileno(), 10) == b"\0" * 10
    read, write = os.pipe()
    os.write(write, b"abc")
    os.close(write)
    with open(read, "rb") as handle:
        assert read_at_most(handle.fileno(), 10) == b"abc"


def test_a_file_that_cannot_be_read_is_one_bg003_naming_why(tmp_path: Path) -> None:
    """Reading through a descriptor keeps ``open``'s reasons: a folder named as a file shows
    only when it is read, and is still 'is a directory'."""
    from brandguard.text.files import read_bounded
    from brandguard.text.sources import read_file

    folder, missing = tmp_path / "posts.md", tmp_path / "gone.md"
    folder.mkdir()
    for read in (read_file, read_bounded):
        assert read(folder).error == f"{folder}: is a directory"
        assert read(missing).error == f"{missing}: no such file"
    (tmp_path / "big.md").write_bytes(b"x" * 11)
    assert "larger than 10 bytes" in read_file(tmp_path / "big.md", max_bytes=10).error
    assert "larger than 10 bytes" in read_bounded(tmp_path / "big.md", 10).error
    assert read_file(tmp_path / "big.md", max_bytes=11).source == "x" * 11
