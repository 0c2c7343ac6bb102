"""The worked example policies on their sample posts: exactly these rules fire, and these pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brandguard.policy.loader import load_policy
from tests._cli import run_cli

REPO = Path(__file__).resolve().parents[1]

EXPECTED = {
    "acme-coffee": {
        "x-launch.md": set(),
        "creator-gifted.md": set(),
        "x-launch-draft.md": {
            "TRM001", "TRM003", "BAN001", "BAN003", "BLD003", "TON001", "TON004", "TON007",
            "CHX001", "CHX002", "CHX004",
        },
        "creator-gifted-draft.md": {"FTC001", "ASA001", "FTC003", "ASA003"},
        "creator-buried-ad.md": {"FTC002", "ASA002"},
        "creator-affiliate.md": {"FTC005", "ASA005"},
    },
    "studio-rossi": {
        "linkedin-progetto.md": set(),
        "instagram-campionario.md": set(),
        "linkedin-bozza.md": {
            "TRM001", "TRM003", "BAN002", "TON004", "TON007", "CHL002", "CHL005",
            "BLD101", "BLD102",  # it/bland, from extends: default-it
        },
        "instagram-campionario-bozza.md": {"AGCM001", "AGCM003"},
        "instagram-pubblicita-in-coda.md": {"AGCM002"},
        "instagram-collaborazione.md": {"AGCM001", "AGCM003"},
    },
}  # fmt: skip


def test_every_sample_post_is_covered() -> None:
    for name, posts in EXPECTED.items():
        assert {p.name for p in (REPO / "examples" / name).iterdir()} == set(posts)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_worked_example(name: str, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    policy = load_policy(f"examples/{name}")
    assert policy.name == name
    code, out, _ = run_cli(
        ["check", "--policy", f"examples/{name}", f"examples/{name}", "--output-format", "json"]
    )
    report = json.loads(out)
    fired = {Path(p["id"]).name: {f["rule"] for f in p["findings"]} for p in report["posts"]}
    assert fired == EXPECTED[name]
    # A missing or misplaced disclosure fails the post whatever its score.
    blocking = {"FTC001", "FTC002", "ASA001", "ASA002", "AGCM001", "AGCM002"}
    for post in report["posts"]:
        if fired[Path(post["id"]).name] & blocking:
            assert post["passed"] is False
        if not fired[Path(post["id"]).name]:
            assert post["passed"] is True and post["score"] == 100
    assert code == 1
