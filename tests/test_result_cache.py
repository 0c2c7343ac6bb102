"""``audit``'s result cache (issue 12 item 6): same outputs, only changed posts checked, resumes
after a kill, survives damage and concurrent runs; ``--compare``; memory zones (item 7)."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brandguard.compile import cache
from brandguard.engine import memory, result_cache, result_codec
from brandguard.engine.check import check_posts
from brandguard.text.formats import parse
from tests._cli import run_cli

TEXTS = [
    "We roast coffee in Turin every morning and sell it by the bag.",
    "ACT NOW!!! Last chance to WIN a FREE prize, claim your reward today!",
    "Our world-class, best-in-class platform leverages synergies. Don't miss out!",
    "Click here to read more: https://example.org/news and follow @roastery #coffee",
    "The committee meets on Tuesday; minutes are published a week later.",
]
EXE = [sys.executable, "-c", "from brandguard.cli import entry_point; entry_point()"]


def audit(tmp_path: Path, *args: str):
    return run_cli(["audit", *args], cwd=tmp_path)


def write_rows(path: Path, n: int, seed: int = 0, channel: str = "blog") -> None:
    rng = random.Random(seed)
    rows = [
        {
            "id": f"p{i}",
            "text": f"{TEXTS[i % len(TEXTS)]} Post {rng.randint(0, 10**9)}.",
            "channel": channel,
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def from_cache(err: str) -> int:
    """How many posts the run says came from the result cache (0 when it says nothing)."""
    for line in err.splitlines():
        if "from the result cache" in line:
            return int(line.split("brandguard: ")[1].split(" of ")[0])
    return 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_a_cached_run_writes_what_an_uncached_run_writes(tmp_path: Path, fmt: str) -> None:
    write_rows(tmp_path / "posts.jsonl", 30)
    fresh = audit(tmp_path, "posts.jsonl", "--format", fmt, "-o", "a", "--cache", "c1.sqlite3")
    again = audit(tmp_path, "posts.jsonl", "--format", fmt, "-o", "b", "--cache", "c1.sqlite3")
    other = audit(tmp_path, "posts.jsonl", "--format", fmt, "-o", "c", "--cache", "c2.sqlite3")
    assert from_cache(fresh.err) == 0 and from_cache(again.err) == 30
    assert fresh.code == again.code == other.code
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    assert (tmp_path / "a").read_bytes() == (tmp_path / "c").read_bytes()


def test_jobs_read_and_write_the_same_cache(tmp_path: Path, monkeypatch) -> None:
    from brandguard.engine import parallel

    monkeypatch.setattr(parallel, "CHUNK", 4)
    write_rows(tmp_path / "posts.jsonl", 40)
    one = audit(tmp_path, "posts.jsonl", "-j", "1", "-o", "one.jsonl", "--cache", "c.sqlite3")
    rows = (tmp_path / "posts.jsonl").read_text(encoding="utf-8").splitlines()
    rows[7] = json.dumps({"id": "p7", "text": "A brand new post, checked by a worker."})
    (tmp_path / "posts.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    two = audit(tmp_path, "posts.jsonl", "-j", "2", "-o", "two.jsonl", "--cache", "c.sqlite3")
    assert from_cache(two.err) == 39, two.err
    ref = audit(tmp_path, "posts.jsonl", "-j", "1", "-o", "ref.jsonl", "--cache", "r.sqlite3")
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert one.code == two.code == ref.code


def test_a_post_repeated_in_a_later_chunk_is_read_from_the_cache_on_the_first_run(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(memory, "CHUNK", 4)
    rows = [{"id": f"p{i}", "text": f"{TEXTS[i % 6 % 5]} Post {i % 6}."} for i in range(12)]
    (tmp_path / "posts.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    run = audit(tmp_path, "posts.jsonl", "-j", "1", "-o", "1.jsonl", "--cache", "c.sqlite3")
    assert from_cache(run.err) == 6  # p6-p11 repeat p0-p5, all in earlier chunks of four
    plain = audit(tmp_path, "posts.jsonl", "-o", "2.jsonl", "--no-cache")
    assert run.code == plain.code
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


def test_changed_text_metadata_or_policy_means_checking_again(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 10)
    audit(tmp_path, "posts.jsonl", "-o", "1.jsonl", "--cache", "c.sqlite3")
    write_rows(tmp_path / "posts.jsonl", 10, channel="newsletter")  # rules may read metadata
    assert (
        from_cache(audit(tmp_path, "posts.jsonl", "-o", "2.jsonl", "--cache", "c.sqlite3").err) == 0
    )
    again = audit(
        tmp_path, "posts.jsonl", "--row-format", "markdown", "-o", "3.jsonl", "--cache", "c.sqlite3"
    )
    assert from_cache(again.err) == 0  # read differently, checked again
    (tmp_path / ".brandguard.yaml").write_text(
        "policy: local\nlanguage: en\nbanned: [{phrase: roast coffee}]\n", encoding="utf-8"
    )
    changed = audit(tmp_path, "posts.jsonl", "-o", "4.jsonl", "--cache", "c.sqlite3")
    assert from_cache(changed.err) == 0
    assert "BAN001" in (tmp_path / "4.jsonl").read_text(encoding="utf-8")
    same = audit(tmp_path, "posts.jsonl", "-o", "5.jsonl", "--cache", "c.sqlite3")
    assert from_cache(same.err) == 10
    assert (tmp_path / "4.jsonl").read_bytes() == (tmp_path / "5.jsonl").read_bytes()


def test_a_nested_policy_inside_an_audited_folder_is_part_of_the_key(tmp_path: Path) -> None:
    """Posts under ``sub/`` follow ``sub/.brandguard.yaml``: editing it must re-check them."""
    (tmp_path / "posts" / "sub").mkdir(parents=True)
    (tmp_path / "posts" / "a.md").write_text(TEXTS[0] + "\n", encoding="utf-8")
    (tmp_path / "posts" / "sub" / "b.md").write_text(TEXTS[0] + "\n", encoding="utf-8")
    nested = tmp_path / "posts" / "sub" / ".brandguard.yaml"
    nested.write_text("policy: sub\nlanguage: en\n", encoding="utf-8")
    audit(tmp_path, "posts", "-o", "1.jsonl", "--cache", "c.sqlite3")
    nested.write_text(
        "policy: sub\nlanguage: en\nbanned: [{phrase: roast coffee}]\n", encoding="utf-8"
    )
    again = audit(tmp_path, "posts", "-o", "2.jsonl", "--cache", "c.sqlite3")
    assert from_cache(again.err) == 0
    records = [json.loads(line) for line in (tmp_path / "2.jsonl").read_text().splitlines()]
    banned = {r["id"]: [f["rule"] for f in r["findings"]] for r in records}
    assert any("BAN001" in rules for post, rules in banned.items() if "sub" in post)
    assert not any("BAN001" in rules for post, rules in banned.items() if "sub" not in post)


def test_ids_are_not_part_of_the_key_but_are_stamped_back(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 5)
    audit(tmp_path, "posts.jsonl", "-o", "1.jsonl", "--cache", "c.sqlite3")
    rows = [json.loads(line) for line in (tmp_path / "posts.jsonl").read_text().splitlines()]
    for row in rows:
        row["id"] = "renamed-" + row["id"]
    (tmp_path / "posts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    run = audit(tmp_path, "posts.jsonl", "-o", "2.jsonl", "--cache", "c.sqlite3")
    assert from_cache(run.err) == 5
    ids = [json.loads(line)["id"] for line in (tmp_path / "2.jsonl").read_text().splitlines()]
    assert ids == [f"renamed-p{i}" for i in range(5)]


def test_a_damaged_cache_file_is_rebuilt_with_a_warning(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 8)
    (tmp_path / "c.sqlite3").write_bytes(b"this is not a database" * 100)
    run = audit(tmp_path, "posts.jsonl", "-o", "1.jsonl", "--cache", "c.sqlite3")
    assert run.code in (0, 1) and "warning: result cache" in run.err and "rebuilding" in run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    again = audit(tmp_path, "posts.jsonl", "-o", "2.jsonl", "--cache", "c.sqlite3")
    assert from_cache(again.err) == 8 and "warning" not in again.err
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


def test_a_damaged_entry_is_checked_again(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 6)
    audit(tmp_path, "posts.jsonl", "-o", "1.jsonl", "--cache", "c.sqlite3")
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        key = conn.execute("SELECT key FROM results LIMIT 1").fetchone()[0]
        conn.execute("UPDATE results SET data = ? WHERE key = ?", (b"\x78\x9cgarbage", key))
    run = audit(tmp_path, "posts.jsonl", "-o", "2.jsonl", "--cache", "c.sqlite3")
    assert from_cache(run.err) == 5
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


def test_a_result_round_trips_exactly(default_policy) -> None:
    from brandguard.compile.compiler import compile_policy

    compiled = compile_policy(default_policy)
    texts = [*TEXTS, "We utilize best practices.", "Thier team is awsome!!"]
    results = list(check_posts(compiled, [parse(t, "text", f"t{i}") for i, t in enumerate(texts)]))
    assert any(f.fix for r in results for f in r.findings)
    for result in results:
        back = result_codec.decode(
            result_codec.encode(result), result.id, result.path, result.source
        )
        assert back == result
        cached = result_codec.CachedResult.load(
            result_codec.encode(result), result.id, result.path, result.source
        )
        # what a JSONL re-audit reads, without decoding a finding
        assert (
            cached.record
            == json.dumps(
                {k: v for k, v in result.to_dict().items() if k not in ("id", "path")},
                ensure_ascii=False,
            )[1:-1]
        )
        assert cached.verdict() == result.verdict()
        assert "findings" not in cached.__dict__ and "score" not in cached.__dict__
        # the rest on first read
        assert cached.findings == result.findings and cached.score == result.score
        assert cached.skipped_rules == result.skipped_rules and cached.language == result.language
        with pytest.raises(AttributeError):
            cached.no_such_field  # noqa: B018


def test_an_entry_read_back_is_stored_as_it_came(default_policy) -> None:
    """What a worker of --jobs sends is the entry itself: the parent stores those bytes,
    whether a writer decoded the findings in between or not."""
    from brandguard.compile.compiler import compile_policy

    compiled = compile_policy(default_policy)
    for result in check_posts(compiled, [parse(t, "text", "t") for t in TEXTS]):
        entry = result_codec.encode(result)
        cached = result_codec.CachedResult.load(entry, "other-id", "x.md", "")
        assert result_codec.encode(cached) is cached.__dict__["_entry"] == entry
        assert cached.findings == result.findings  # decoded: still the same entry
        assert result_codec.encode(cached) == entry
        rendered = result_codec.CachedResult.of(cached, cached.record)
        assert "_entry" not in rendered.__dict__


def test_a_batch_of_entries_is_written_in_one_transaction(tmp_path: Path, default_policy) -> None:
    """The connection is in autocommit mode: without its own transaction each entry was
    committed alone, every one writing its pages of the key index to the write-ahead log
    again (a third of a cold audit's cache cost, four times its wall time)."""
    from brandguard.compile.compiler import compile_policy

    (result,) = check_posts(compile_policy(default_policy), [parse(TEXTS[0], "text", "t")])
    cache = result_cache.ResultCache.open(tmp_path / "c.sqlite3", "ctx", pytest.fail)
    assert cache is not None
    cache.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(200):
        cache.put(i.to_bytes(20, "big"), result)
    cache.commit()
    _, wal_frames, _ = cache.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert cache.lookup([(199).to_bytes(20, "big")])
    cache.close()
    assert wal_frames < 100  # 200 entries of 0.5 KB: 30 pages in one transaction, 452 alone


def test_an_entry_keeps_what_the_record_leaves_out(default_policy) -> None:
    """An entry stores the findings once, in the record's JSON; what the record does not say
    (spans, weights, an empty or missing suggestion, a fix's span) comes back exactly, and a
    record that does not match the rest of the entry is refused as damaged."""
    from dataclasses import replace

    from brandguard.compile.compiler import compile_policy
    from brandguard.model import Fix

    compiled = compile_policy(default_policy)
    (result,) = check_posts(compiled, [parse(TEXTS[2], "text", "t")])
    assert len(result.findings) >= 3
    first, second, third, *rest = result.findings
    odd = (
        replace(first, suggestion="", weight=0.25),
        replace(second, suggestion=None, fix=Fix(second.start, second.end, "ours", False)),
        replace(third, suggestion="say what it does", fix=None),
        *rest,
    )
    result = replace(result, findings=odd)
    blob = result_codec.encode(result)
    assert result_codec.decode(blob, "t", None, result.source) == result
    assert blob.count(b"say what it does") == 1  # in the record only
    cached = result_codec.CachedResult.load(blob, "t", None, result.source)
    cached.__dict__["record"] = cached.record.replace('"findings": [{', '"findings": [], "x": [{')
    with pytest.raises(result_codec.DAMAGED):
        cached.findings  # noqa: B018


def test_verdict_decides_as_the_findings_and_score_do(default_policy) -> None:
    from brandguard.compile.compiler import compile_policy
    from brandguard.engine.run import post_fails

    compiled = compile_policy(default_policy)
    results = list(check_posts(compiled, [parse(t, "text", f"t{i}") for i, t in enumerate(TEXTS)]))
    assert {r.verdict().worst for r in results} >= {-1, 1}
    for result in results:
        verdict = result.verdict()
        assert verdict.findings == len(result.findings)
        ranks = [{"info": 0, "warning": 1, "error": 2}[f.severity] for f in result.findings]
        assert verdict.worst == max(ranks, default=-1)
        cached = result_codec.CachedResult.load(
            result_codec.encode(result), result.id, result.path, result.source
        )
        for threshold in (None, 0, 1, 2):
            for bar in (None, 50.0, 99.0):
                assert post_fails(cached, threshold, bar) == post_fails(result, threshold, bar)


def test_a_cache_of_an_older_schema_is_emptied_without_a_warning(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 4)
    with sqlite3.connect(tmp_path / "c.sqlite3") as conn:
        conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
        conn.execute("INSERT INTO meta VALUES ('schema', 'brandguard-results 1')")
        conn.execute("CREATE TABLE results (key BLOB PRIMARY KEY, data BLOB)")
    run = audit(tmp_path, "posts.jsonl", "-o", "1.jsonl", "--cache", "c.sqlite3")
    assert run.code in (0, 1) and "warning" not in run.err, run.err
    again = audit(tmp_path, "posts.jsonl", "-o", "2.jsonl", "--cache", "c.sqlite3")
    assert from_cache(again.err) == 4
    assert (tmp_path / "1.jsonl").read_bytes() == (tmp_path / "2.jsonl").read_bytes()


def _env(cache_dir: Path) -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    return {**os.environ, "BRANDGUARD_CACHE_DIR": str(cache_dir), "PYTHONPATH": src}


def test_an_audit_killed_midway_resumes(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 1500)
    db = tmp_path / "c.sqlite3"
    args = [*EXE, "audit", "posts.jsonl", "-j", "1", "-o", "out.jsonl", "--cache", str(db)]
    proc = subprocess.Popen(
        args, cwd=tmp_path, env=_env(tmp_path / "cache"), stderr=subprocess.PIPE
    )
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                stored = conn.execute("SELECT count(*) FROM results").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 250:
            break
    proc.kill()
    proc.wait()
    assert stored >= 250 and not (tmp_path / "out.jsonl").exists()
    rerun = subprocess.run(
        args, cwd=tmp_path, env=_env(tmp_path / "cache"), capture_output=True, text=True
    )
    done = from_cache(rerun.stderr)
    assert stored <= done < 1500, rerun.stderr
    ref = [*EXE, "audit", "posts.jsonl", "-j", "1", "-o", "ref.jsonl", "--cache", "ref.sqlite3"]
    subprocess.run(
        ref, cwd=tmp_path, env=_env(tmp_path / "cache"), capture_output=True, check=False
    )
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()


def test_concurrent_audits_share_the_cache_file(tmp_path: Path) -> None:
    write_rows(tmp_path / "a.jsonl", 300, seed=1)
    write_rows(tmp_path / "b.jsonl", 300, seed=2)
    db = tmp_path / "c.sqlite3"
    procs = [
        subprocess.Popen(
            [*EXE, "audit", f"{name}.jsonl", "-j", "1", "-o", f"{name}.out", "--cache", str(db)],
            cwd=tmp_path,
            env=_env(tmp_path / "cache"),
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    errs = [p.communicate(timeout=300)[1] for p in procs]
    assert all(p.returncode in (0, 1) for p in procs) and not any("warning" in e for e in errs), (
        errs
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM results").fetchone()[0] == 600
    both = subprocess.run(  # the same install as the two runs (its bundled packs key the policy)
        [*EXE, "audit", "a.jsonl", "b.jsonl", "-o", "ab.out", "--cache", str(db)],
        cwd=tmp_path,
        env=_env(tmp_path / "cache"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert from_cache(both.stderr) == 600, both.stderr


def test_compare_lists_what_improved_and_what_regressed(tmp_path: Path) -> None:
    rows = [{"id": f"p{i}", "text": TEXTS[i]} for i in range(4)]
    (tmp_path / "posts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    audit(tmp_path, "posts.jsonl", "-o", "before.jsonl", "--cache", "c.sqlite3")
    rows[0]["text"] = TEXTS[1]  # calm -> pushy: regressed
    rows[1]["text"] = TEXTS[0]  # pushy -> calm: improved
    rows.append({"id": "p9", "text": TEXTS[4]})
    (tmp_path / "posts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    run = audit(
        tmp_path,
        "posts.jsonl",
        "-o",
        "after.jsonl",
        "--compare",
        "before.jsonl",
        "--cache",
        "c.sqlite3",
    )
    assert "compared with before.jsonl: 1 improved, 1 regressed, 2 unchanged, 1 new" in run.err
    assert "regressed: p0 100 ->" in run.err and "improved: p1 " in run.err
    assert "rules with new findings:" in run.err and "rules with resolved findings:" in run.err
    after = {
        r["id"]: r for r in map(json.loads, (tmp_path / "after.jsonl").read_text().splitlines())
    }
    assert after["p0"]["change"]["status"] == "regressed" and after["p0"]["change"]["new"]
    assert after["p0"]["change"]["score_delta"] < 0
    assert after["p1"]["change"]["resolved"] and after["p9"]["change"] == {"status": "new"}
    assert after["p2"]["change"]["status"] == "unchanged"
    csv_run = audit(
        tmp_path, "posts.jsonl", "--format", "csv", "-o", "after.csv", "--compare", "before.jsonl"
    )
    header = (tmp_path / "after.csv").read_text().splitlines()[0]
    assert "score_delta" in header and "new_rules" in header, csv_run.err


def test_compare_with_a_file_that_is_not_an_audit_is_a_usage_error(tmp_path: Path) -> None:
    write_rows(tmp_path / "posts.jsonl", 2)
    (tmp_path / "before.jsonl").write_text("not json\n")
    run = audit(tmp_path, "posts.jsonl", "--compare", "before.jsonl")
    assert run.code == 2 and "line 1 is not an audit jsonl record" in run.err
    missing = audit(tmp_path, "posts.jsonl", "--compare", "nowhere.jsonl")
    assert missing.code == 2 and "nowhere.jsonl" in missing.err


def _random_posts(n: int, seed: int) -> list:
    rng = random.Random(seed)
    posts = []
    for i in range(n):
        words = [
            "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9)))
            for _ in range(12)
        ]
        posts.append(
            parse(f"{TEXTS[i % len(TEXTS)]} {' '.join(words)}. Don't wait!", "text", f"r{i}")
        )
    return posts


def test_memory_zones_give_the_same_results_and_keep_the_string_store_flat(monkeypatch) -> None:
    _, compiled = cache.load_compiled("default")
    vocab = memory._vocab(compiled)
    monkeypatch.setenv(memory.ENV, "0")
    plain = list(memory.check_stream(compiled, _random_posts(600, 1)))
    monkeypatch.setenv(memory.ENV, "1")
    monkeypatch.setattr(memory, "WARM_STRINGS", 0)
    zoned = list(memory.check_stream(compiled, _random_posts(600, 1)))
    assert zoned == plain and any(r.findings for r in zoned)
    before = len(vocab.strings)
    list(memory.check_stream(compiled, _random_posts(600, 2)))  # 7,200 new words
    assert len(vocab.strings) == before
    assert not vocab.in_memory_zone


def test_zones_wait_for_the_warm_up(monkeypatch) -> None:
    _, compiled = cache.load_compiled("default")
    vocab = memory._vocab(compiled)
    monkeypatch.setattr(memory, "WARM_STRINGS", 10**9)
    before = len(vocab.strings)
    list(memory.check_stream(compiled, _random_posts(50, 3)))
    assert len(vocab.strings) > before  # learnt for good: a small audit is checked as before


def test_an_unusable_cache_path_means_no_cache_not_a_deleted_file(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("keep me", encoding="utf-8")
    said: list[str] = []
    assert (
        result_cache.ResultCache.open(tmp_path / "file.txt" / "c.sqlite3", "ctx", said.append)
        is None
    )
    assert said and "cannot be used" in said[0]
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep me"


def test_audits_let_the_tokenizer_cache_more_splits_than_spacys_default() -> None:
    _, compiled = cache.load_compiled("default")
    list(memory.check_stream(compiled, _random_posts(3, 4)))
    tokenizer = compiled.nlp.tokenizer if compiled.nlp is not None else compiled.tokenizer.tokenizer
    assert tokenizer.max_cache_size == memory.CACHED_CHUNKS > 10_000


def test_check_lets_the_tokenizer_cache_as_many_splits_as_audits(
    tmp_path: Path, default_policy
) -> None:
    """``check`` goes through ``memory.check_stream`` too: with spaCy's 10,000 cached splits,
    a check of 20k short files split every word again after a few thousand posts."""
    from brandguard.compile.compiler import compile_policy
    from brandguard.engine.run import check_paths

    compiled = compile_policy(default_policy)
    tokenizer = compiled.nlp.tokenizer if compiled.nlp is not None else compiled.tokenizer.tokenizer
    assert tokenizer.max_cache_size < memory.CACHED_CHUNKS
    for i, text in enumerate(TEXTS):
        (tmp_path / f"p{i}.txt").write_text(text, encoding="utf-8")
    results = check_paths(default_policy, [str(tmp_path)], [], [], compiled=compiled)
    assert [Path(r.id).name for r in results] == [f"p{i}.txt" for i in range(len(TEXTS))]
    assert tokenizer.max_cache_size == memory.CACHED_CHUNKS
