"""Shared fixtures: policies compiled once per session, helpers to check small texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brandguard.api import check_text
from brandguard.policy.loader import Policy, load_policy

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> object:
    """Tests never read or write the user's own brandguard cache."""
    old = os.environ.get("BRANDGUARD_CACHE_DIR")
    os.environ["BRANDGUARD_CACHE_DIR"] = str(tmp_path_factory.mktemp("brandguard-cache"))
    yield
    if old is None:
        os.environ.pop("BRANDGUARD_CACHE_DIR", None)
    else:
        os.environ["BRANDGUARD_CACHE_DIR"] = old


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


# Property tests (hypothesis): a short budget by default, so the suite stays fast in CI; run
# HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py for a long search.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
