"""End to end: a content repository uses this checkout's published hooks through real pre-commit.

pre-commit clones ``repo:`` (this checkout's path) at ``rev:`` (its HEAD commit) and pip-installs
it into its own environment, which takes a while the first time; one PRE_COMMIT_HOME is shared by
the whole run (set BRANDGUARD_TEST_PRE_COMMIT_HOME to keep it between runs).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

POLICY = """\
policy: acme
extends: [default]
banned:
  - {phrase: world-class, suggest: "say what is better, with a number"}
terminology:
  BrandGuard: [Brandguard]
"""

BAD_POST = """\
---
title: Launch
---
Our world-class lock opens with your phone. It weighs 900 g and costs 89 euros.
"""
GOOD_POST = """\
---
title: Launch
---
Our lock opens with your phone. It weighs 900 g and costs 89 euros.
"""


def _head() -> str | None:
    if shutil.which("git") is None:
        return None
    found = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False
    )
    return found.stdout.strip() if found.returncode == 0 else None


HEAD = _head()
pytestmark = pytest.mark.skipif(HEAD is None, reason="needs git and a checkout with a commit")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kept = os.environ.get("BRANDGUARD_TEST_PRE_COMMIT_HOME")
    return Path(kept) if kept else tmp_path_factory.mktemp("pre-commit-home")


def _config(hook: str) -> str:
    return f"repos:\n  - repo: {REPO}\n    rev: {HEAD}\n    hooks:\n      - id: {hook}\n"


class Content:
    """A throwaway content repository with pre-commit installed."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "PRE_COMMIT_HOME": str(home),
            "GIT_AUTHOR_NAME": "Writer",
            "GIT_AUTHOR_EMAIL": "writer@example.com",
            "GIT_COMMITTER_NAME": "Writer",
            "GIT_COMMITTER_EMAIL": "writer@example.com",
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        self.env.pop("GITHUB_ACTIONS", None)
        self.git("init", "-q", "-b", "main")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True, check=check
        )

    def write(self, name: str, text: str) -> None:
        (self.root / name).write_text(text, encoding="utf-8")

    def install_hooks(self) -> None:
        """``pre-commit install``: the repository's commits now run its hooks."""
        subprocess.run(
            [sys.executable, "-m", "pre_commit", "install"],
            cwd=self.root,
            env=self.env,
            check=True,
            capture_output=True,
        )

    def commit(self, message: str) -> tuple[int, str]:
        """(exit code, everything git and the hooks printed)."""
        self.git("add", "-A")
        done = self.git("commit", "-m", message, check=False)
        return done.returncode, done.stdout + done.stderr


def test_hooks_refuse_a_bad_post_and_accept_it_fixed(tmp_path: Path, pre_commit_home: Path) -> None:
    repo = Content(tmp_path, pre_commit_home)
    repo.write(".pre-commit-config.yaml", _config("brandguard"))
    repo.write(".brandguard.yaml", POLICY)
    repo.install_hooks()
    repo.write("launch.md", BAD_POST)

    code, output = repo.commit("launch post")
    assert code != 0, output
    assert "brandguard" in output and "Failed" in output
    assert "launch.md:4:5: BAN001 [error] 'world-class' is banned by the brand policy" in output
    assert repo.git("rev-parse", "--verify", "-q", "HEAD", check=False).returncode != 0

    repo.write("launch.md", GOOD_POST)
    code, output = repo.commit("launch post")
    assert code == 0, output
    assert "brandguard" in output and "Passed" in output

    # brandguard-fix: the hook rewrites the post, pre-commit refuses the modified commit,
    # and the writer commits the fixed file.
    repo.write(".pre-commit-config.yaml", _config("brandguard-fix"))
    repo.write("news.md", "Brandguard now checks HTML posts too.\n")
    code, output = repo.commit("news")
    assert code != 0, output
    assert "files were modified by this hook" in output
    assert (tmp_path / "news.md").read_text(encoding="utf-8") == (
        "BrandGuard now checks HTML posts too.\n"
    )
    code, output = repo.commit("news")
    assert code == 0, output
    assert repo.git("log", "--oneline").stdout.count("\n") == 2


def _readme_blocks() -> list[tuple[str, str]]:
    """(language, text) of each fenced block in the README's pre-commit section."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Before every commit: pre-commit", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```(\w*)\n(.*?)```", section, re.S)


def _totals(output: str) -> list[str]:
    import re

    return re.findall(r"^\d+ findings? in \d+ posts?.*$", output, re.M)


def _twelve_posts(repo: Content) -> None:
    for n in range(12):
        repo.write(f"post{n:02}.md", BAD_POST if n == 7 else GOOD_POST)
    repo.write("LICENSE", "Copyright Brandguard world-class authors.\n")


def test_the_readme_snippet_works_as_documented(tmp_path: Path, pre_commit_home: Path) -> None:
    """Issue 13 item 19: the snippet's rev is pinned by the documented command, and one commit
    prints one set of totals although pre-commit would split 12 files over the CPUs."""
    blocks = _readme_blocks()
    config = next(text for lang, text in blocks if lang == "yaml" and "repo: https" in text)
    command = next(text for lang, text in blocks if lang == "sh" and "autoupdate" in text)
    url = "https://github.com/<owner>/brandguard"
    assert url in config and url in command
    repo = Content(tmp_path, pre_commit_home)
    repo.write(".pre-commit-config.yaml", config.replace(url, str(REPO)))
    repo.write(".brandguard.yaml", POLICY)
    argv = command.replace(url, str(REPO)).split()
    assert argv[0] == "pre-commit"
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", *argv[1:]],
        cwd=tmp_path,
        env=repo.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    pinned = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    tag = subprocess.run(
        ["git", "describe", "--tags", "--exact-match", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"rev: {tag.stdout.strip() if tag.returncode == 0 else HEAD}" in pinned
    repo.install_hooks()
    _twelve_posts(repo)
    code, output = repo.commit("twelve posts")
    assert code != 0, output
    assert "post07.md:4:5: BAN001" in output and "LICENSE" not in output
    assert _totals(output) == ["1 finding in 12 posts; 1 below the policy's bar."], output


def test_the_readme_local_hook_runs_the_installed_brandguard(tmp_path: Path) -> None:
    """The `repo: local` variant, run by real pre-commit with this checkout's brandguard."""
    config = next(text for lang, text in _readme_blocks() if "repo: local" in text)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "brandguard"  # what `pip install brandguard` puts on PATH
    shim.write_text(
        f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(REPO / 'src')!r})\n"
        "from brandguard.cli import entry_point\nentry_point()\n",
        encoding="utf-8",
    )
    shim.chmod(0o755)
    work = tmp_path / "content"
    work.mkdir()
    repo = Content(work, tmp_path / "home")
    repo.env["PATH"] = f"{bin_dir}{os.pathsep}{repo.env.get('PATH', '')}"
    repo.write(".pre-commit-config.yaml", config)
    repo.write(".brandguard.yaml", POLICY)
    repo.install_hooks()
    _twelve_posts(repo)
    code, output = repo.commit("twelve posts")
    assert code != 0, output
    assert "post07.md:4:5: BAN001" in output and "LICENSE" not in output
    assert _totals(output) == ["1 finding in 12 posts; 1 below the policy's bar."], output
    repo.write("post07.md", GOOD_POST)
    code, output = repo.commit("twelve posts")


IT_POLICY = "policy: acme-it\nextends: ../../.brandguard.yaml\nlanguage: it\n"
IT_POST = "Affrettati! Solo per oggi sconti imperdibili su tutta la collezione di lampade.\n"


def test_hook_from_the_root_checks_posts_it_with_its_italian_policy(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    repo = Content(tmp_path, pre_commit_home)
    repo.write(".pre-commit-config.yaml", _config("brandguard"))
    repo.write(".brandguard.yaml", "policy: acme\nextends: default\nlanguage: en\n")
    (tmp_path / "posts/it").mkdir(parents=True)
    repo.write("posts/it/.brandguard.yaml", IT_POLICY)
    repo.install_hooks()
    repo.write("posts/it/saldi.md", IT_POST)
    code, output = repo.commit("saldi")
    assert code != 0, output
    assert "posts/it/saldi.md:1:1: PSH101" in output  # the Italian pack, Italian message
    assert "urgenza artificiale" in output
    repo.write("posts/it/saldi.md", "La collezione di lampade è in saldi fino al 3 maggio.\n")
    code, output = repo.commit("saldi")
    assert code == 0, output
