"""Dogfooding: our own README and docs pass the bundled default policy, as the project's
pre-commit hook checks; and the published hooks are what content repositories expect."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests._cli import run_cli

REPO = Path(__file__).resolve().parents[1]


def test_readme_and_docs_pass_the_default_policy() -> None:
    docs = sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))
    result = run_cli(["check", "--policy", "default", "README.md", *docs], cwd=REPO)
    assert result.code == 0, result.out


def test_published_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["brandguard"]["entry"] == "brandguard check"
    assert hooks["brandguard-fix"]["entry"] == "brandguard check --fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        # posts only (test_fix_safety.py runs the filter through pre-commit's identify)
        assert hook["types"] == ["text"] and "md|markdown|mdx|html?|txt" in hook["files"]
        assert "licen[cs]e" in hook["exclude"] and hook["require_serial"] is True


def test_project_config_runs_brandguard_on_readme_and_docs() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {"ruff", "ruff-format", "brandguard"} <= set(hooks)
    assert hooks["brandguard"]["entry"].startswith("brandguard check")
    assert "README" in hooks["brandguard"]["files"] and "docs/" in hooks["brandguard"]["files"]
