"""``audit --jobs``: what a worker sends back for a post, and how the parent opens and stores it
(engine/parallel.py). Whole audits with workers are in test_audit_exports.py and
test_result_cache.py."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from brandguard.engine import parallel, result_codec
from brandguard.engine.check import check_posts
from brandguard.engine.result_cache import cacheable
from brandguard.text.formats import parse
from tests._cli import run_cli

TEXTS = [
    "We roast coffee in Turin every morning and sell it by the bag.",
    "ACT NOW!!! Last chance to WIN a FREE prize, claim your reward today!",
    "Thier team is awsome!! We utilize best practices.",
]


def _results(policy):
    from brandguard.compile.compiler import compile_policy

    compiled = compile_policy(policy)
    return list(check_posts(compiled, [parse(t, "text", f"t{i}") for i, t in enumerate(TEXTS)]))


def test_a_checked_result_crosses_as_its_cache_entry_and_opens_undecoded(default_policy) -> None:
    results = _results(default_policy)
    assert any(f.fix for r in results for f in r.findings)
    for result in results:
        sent = pickle.loads(pickle.dumps(parallel._compact(result)))
        assert isinstance(sent, tuple) and isinstance(sent[2], bytes)
        opened = parallel._opened(sent)
        assert (opened.id, opened.path, opened.source) == (result.id, result.path, "")
        assert opened.record == result_codec.record_body(result)
        assert opened.verdict() == result.verdict() and opened.language == result.language
        # stored as it came: the parent neither decodes the findings nor renders them again
        assert cacheable(opened)
        entry = result_codec.encode(opened, opened.record)
        assert "findings" not in opened.__dict__ and "score" not in opened.__dict__
        assert result_codec.decode(entry, result.id, result.path, "") == replace(result, source="")
        # and a writer that reads the findings gets the checked ones
        assert opened.findings == result.findings and opened.score == result.score
        assert opened.skipped_rules == result.skipped_rules


def test_a_result_that_is_not_cached_crosses_whole_without_its_text(default_policy) -> None:
    result = replace(_results(default_policy)[1], error="a regex ran out of time")
    assert not cacheable(result)
    sent = pickle.loads(pickle.dumps(parallel._compact(result)))
    assert parallel._opened(sent) == replace(result, source="")


def test_the_last_chunk_is_cut_so_that_the_workers_finish_together() -> None:
    rows = [list(range(0, 8)), list(range(8, 16)), list(range(16, 23))]
    out = list(parallel._tapered(iter(rows), 4))
    assert out[:2] == rows[:2]
    assert [len(piece) for piece in out[2:]] == [2, 2, 2, 1]
    assert [n for chunk in out for n in chunk] == list(range(23))
    assert list(parallel._tapered(iter([[1]]), 4)) == [[1]]
    assert list(parallel._tapered(iter([]), 4)) == []


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("cache", [True, False])
def test_workers_write_what_one_process_writes(
    tmp_path: Path, monkeypatch, fmt: str, cache: bool
) -> None:
    """CSV reads the findings of the entries the workers sent (decoded on first read)."""
    monkeypatch.setattr(parallel, "CHUNK", 3)  # 14 rows: 4 chunks, the last cut in pieces
    rows = [{"id": f"r{i}", "text": TEXTS[i % 3], "channel": f"c{i % 2}"} for i in range(14)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    runs = {}
    for jobs in ("1", "2"):
        where = ["--cache", f"{jobs}.sqlite3"] if cache else ["--no-cache"]
        args = ["audit", "in.jsonl", "--format", fmt, "-j", jobs, "-o", f"{jobs}.out", *where]
        runs[jobs] = run_cli(args, cwd=tmp_path)
    assert runs["1"].code == runs["2"].code == 1 and runs["1"].err == runs["2"].err
    assert (tmp_path / "1.out").read_bytes() == (tmp_path / "2.out").read_bytes()
    assert "findings" in (tmp_path / "2.out").read_text("utf-8")


def test_warm_loads_before_forking_what_each_worker_would_load_on_its_first_chunk(
    default_policy,
) -> None:
    from brandguard.compile.compiler import compile_policy
    from brandguard.engine.memory import warm

    compiled = pickle.loads(pickle.dumps(compile_policy(default_policy)))  # as the cache loads it
    assert compiled.tokenizer is not None and compiled.tokenizer.pending > 0
    cold = [r.findings for r in check_posts(compiled, [parse(t, "text", "c") for t in TEXTS])]
    compiled = pickle.loads(pickle.dumps(compile_policy(default_policy)))
    warm(compiled)
    assert compiled.tokenizer.pending == 0  # inherited by forked workers, not loaded by each
    assert [
        r.findings for r in check_posts(compiled, [parse(t, "text", "c") for t in TEXTS])
    ] == cold
