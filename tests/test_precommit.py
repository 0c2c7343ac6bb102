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

    def commit(self, message: str) -> tuple[int, str]:
        """(exit code, everything git and the hooks printed)."""
        self.git("add", "-A")
        done = self.git("commit", "-m", message, check=False)
        return done.returncode, done.stdout + done.stderr


def test_hooks_refuse_a_bad_post_and_accept_it_fixed(tmp_path: Path, pre_commit_home: Path) -> None:
    repo = Content(tmp_path, pre_commit_home)
    repo.write(".pre-commit-config.yaml", _config("brandguard"))
    repo.write(".brandguard.yaml", POLICY)
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=tmp_path,
        env=repo.env,
        check=True,
        capture_output=True,
    )
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
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=tmp_path,
        env=repo.env,
        check=True,
        capture_output=True,
    )
    repo.write("posts/it/saldi.md", IT_POST)
    code, output = repo.commit("saldi")
    assert code != 0, output
    assert "posts/it/saldi.md:1:1: PSH101" in output  # the Italian pack, Italian message
    assert "urgenza artificiale" in output
    repo.write("posts/it/saldi.md", "La collezione di lampade è in saldi fino al 3 maggio.\n")
    code, output = repo.commit("saldi")
    assert code == 0, output
