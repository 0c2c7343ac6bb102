"""Shared fixtures: policies compiled once per session, helpers to check small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.policy import Policy, load_policy

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def default_policy() -> Policy:
    return load_policy("default")


@pytest.fixture(scope="session")
def italian_policy() -> Policy:
    return load_policy("default-it")


def policy_from(text: str, tmp_path: Path, name: str = "policy.yaml") -> Policy:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def rule_ids(text: str, policy: Policy, fmt: str = "text", meta: dict | None = None) -> list[str]:
    return [f.rule_id for f in check_text(text, policy, meta=meta, format=fmt).findings]
