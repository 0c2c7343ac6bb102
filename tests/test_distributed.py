"""``audit --scheduler``: a Dask cluster gives the output of a local run, and clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests._cli import run_cli

TEXTS = [
    "We roast coffee in Turin every morning and sell it by the bag.",
    "HURRY!!! Last chance to WIN a FREE prize, claim your reward today!",
    "Plain and simple.",
    "We leverage synergies to deliver value.",
    "You won't believe what this bike can do",
]


def audit(tmp_path: Path, *args: str):
    return run_cli(["audit", *args], cwd=tmp_path)


def export(tmp_path: Path) -> str:
    lines = [
        json.dumps({"id": f"r{i}", "text": TEXTS[i % 5], "channel": f"c{i % 3}"}) for i in range(40)
    ]
    lines.insert(11, "{broken")  # an unreadable row keeps its place
    (tmp_path / "posts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "posts.jsonl"


def test_local_cluster_output_is_identical_to_a_local_run(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from brandguard.engine import distributed

    monkeypatch.setattr(distributed, "PARTITION", 6)  # 41 rows: 7 partitions over 2 workers
    name = export(tmp_path)
    # each run its own result cache, so every run checks every post (issue 12's cache)
    local = audit(tmp_path, name, "-j", "1", "-o", "local.jsonl", "--cache", "1.sqlite3")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = audit(
            tmp_path, name, "--scheduler", cluster.scheduler_address, "-o", "dask.jsonl",
            "--cache", "2.sqlite3",
        )  # fmt: skip
        csv_local = audit(
            tmp_path, name, "-j", "1", "--format", "csv", "-o", "l.csv", "--cache", "3.sqlite3"
        )
        csv_remote = audit(
            tmp_path,
            name,
            "--scheduler",
            cluster.scheduler_address,
            "--format",
            "csv",
            "-o",
            "d.csv",
            "--cache",
            "4.sqlite3",
        )
    assert local.code == remote.code == 1 and local.err == remote.err
    assert (tmp_path / "local.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()
    assert csv_local.code == csv_remote.code
    assert (tmp_path / "l.csv").read_bytes() == (tmp_path / "d.csv").read_bytes()
    ids = [json.loads(line)["id"] for line in (tmp_path / "dask.jsonl").open(encoding="utf-8")]
    assert ids[10:13] == ["r10", "posts.jsonl:12", "r11"] and len(ids) == 41


def test_unreachable_scheduler_is_exit_2_before_any_output(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    from brandguard.engine import distributed

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", "1s")
    name = export(tmp_path)
    run = audit(tmp_path, name, "--scheduler", "tcp://127.0.0.1:9", "-o", "out.jsonl")
    assert run.code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.err
    assert not (tmp_path / "out.jsonl").exists()


def test_dask_default_needs_an_address_in_the_config(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    import dask

    name = export(tmp_path)
    with dask.config.set({"scheduler-address": None}):
        run = audit(tmp_path, name, "--scheduler", "dask")
    assert run.code == 2 and "names no scheduler" in run.err


def test_missing_extra_is_exit_2_with_the_install_hint(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    name = export(tmp_path)
    run = audit(tmp_path, name, "--scheduler", "tcp://127.0.0.1:8786")
    assert run.code == 2 and "pip install 'brandguard[dask]'" in run.err


def test_a_scheduler_without_workers_is_exit_2(tmp_path: Path, monkeypatch) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    from brandguard.engine import distributed

    monkeypatch.setattr(distributed, "WORKER_TIMEOUT", 1)
    name = export(tmp_path)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        run = audit(tmp_path, name, "--scheduler", cluster.scheduler_address, "-o", "out.jsonl")
    assert run.code == 2 and "has had no worker for 1 s" in run.err
    assert not (tmp_path / "out.jsonl").exists()
