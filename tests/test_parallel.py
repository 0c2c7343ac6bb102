"""``audit --jobs``: what a worker sends back for a post, and how the parent opens and stores it
(engine/parallel.py). Whole audits with workers are in test_audit_exports.py and
test_result_cache.py."""

from __future__ import annotations

import pickle
from dataclasses import replace

from brandguard.engine import parallel, result_codec
from brandguard.engine.check import check_posts
from brandguard.engine.result_cache import cacheable
from brandguard.text.formats import parse

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
