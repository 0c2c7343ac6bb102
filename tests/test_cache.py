"""The compiled-policy cache and the syllable table: hits, invalidation, corruption, trust."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brandguard.compile import cache, compiler
from brandguard.engine.check import check_posts
from brandguard.text import store, syllables
from brandguard.text.formats import parse
from tests._cli import run_cli


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRANDGUARD_CACHE_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture()
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count real compilations."""
    calls: list[str] = []
    real = compiler.compile_policy

    def counting(policy, *args, **kwargs):
        calls.append(policy.name)
        return real(policy, *args, **kwargs)

    monkeypatch.setattr(compiler, "compile_policy", counting)
    return calls


def rule_ids(compiled, text: str) -> list[str]:
    (result,) = check_posts(compiled, [parse(text, "text", "t")])
    return [f.rule_id for f in result.findings]


def write_policy(folder: Path, phrase: str, pack_phrase: str = "mega deal") -> None:
    (folder / "pack.yaml").write_text(
        f"""\
pack: local
language: en
rules:
  - id: LOC001
    name: local-phrase
    kind: phrase
    category: pushy
    severity: warning
    message: "no '{{match}}'"
    phrases: [{pack_phrase}]
    examples: {{fail: ["a {pack_phrase}"], pass: ["a deal"]}}
""",
        encoding="utf-8",
    )
    (folder / ".brandguard.yaml").write_text(
        f"policy: cached\nlanguage: en\npacks: [./pack.yaml]\nbanned: [{{phrase: {phrase}}}]\n",
        encoding="utf-8",
    )


def test_second_load_is_a_hit(cache_dir: Path, compiles: list[str]) -> None:
    write_policy(cache_dir.parent, "world-class")
    policy, compiled = cache.load_compiled(None)
    again_policy, again = cache.load_compiled(None)
    assert compiles == ["cached"]
    assert again is not compiled and again_policy.name == "cached"
    assert rule_ids(again, "A world-class mega deal.") == rule_ids(
        compiled, "A world-class mega deal."
    )
    assert sorted(rule_ids(again, "A world-class mega deal.")) == ["BAN001", "LOC001"]


def test_policy_or_pack_changes_invalidate(cache_dir: Path, compiles: list[str]) -> None:
    write_policy(cache_dir.parent, "world-class")
    cache.load_compiled(None)
    write_policy(cache_dir.parent, "best-in-class")
    _, compiled = cache.load_compiled(None)
    assert rule_ids(compiled, "A world-class team.") == []
    assert rule_ids(compiled, "A best-in-class team.") == ["BAN001"]
    write_policy(cache_dir.parent, "best-in-class", pack_phrase="huge sale")
    _, compiled = cache.load_compiled(None)
    assert rule_ids(compiled, "A huge sale, a mega deal.") == ["LOC001"]
    assert len(compiles) == 3
    cache.load_compiled(None)
    assert len(compiles) == 3


def test_select_and_ignore_are_part_of_the_key(cache_dir: Path, compiles: list[str]) -> None:
    write_policy(cache_dir.parent, "world-class")
    _, everything = cache.load_compiled(None)
    _, only = cache.load_compiled(None, ["LOC"])
    assert rule_ids(only, "A world-class mega deal.") == ["LOC001"]
    assert len(compiles) == 2


@pytest.mark.parametrize("damage", ["truncate", "garbage", "wrong-objects"])
def test_corrupt_entries_fall_back_to_compiling(
    cache_dir: Path, compiles: list[str], damage: str
) -> None:
    write_policy(cache_dir.parent, "world-class")
    cache.load_compiled(None)
    (entry,) = cache_dir.glob("*.pickle")
    data = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        entry.write_bytes(b"\x00garbage" * 10)
    else:
        import pickle

        entry.write_bytes(store.MAGIC + pickle.dumps({"policy": 1, "compiled": 2}))
    _, compiled = cache.load_compiled(None)
    assert rule_ids(compiled, "A world-class team.") == ["BAN001"]
    assert len(compiles) == 2
    cache.load_compiled(None)  # the broken entry was replaced by a good one
    assert len(compiles) == 2


def test_untrusted_cache_dirs_are_not_used(cache_dir: Path, compiles: list[str]) -> None:
    write_policy(cache_dir.parent, "world-class")
    cache.load_compiled(None)
    os.chmod(cache_dir, 0o777)  # anyone could have planted a pickle here
    assert store.cache_dir() is None
    cache.load_compiled(None)
    assert len(compiles) == 2


def test_no_cache_neither_reads_nor_writes(cache_dir: Path, compiles: list[str]) -> None:
    write_policy(cache_dir.parent, "world-class")
    (cache_dir.parent / "p.txt").write_text("A world-class team.\n", encoding="utf-8")
    try:
        result = run_cli(["check", "--no-cache", "--output-format", "concise", "p.txt"])
    finally:
        store.set_enabled(True)
    assert result.out.startswith("p.txt:1:3: BAN001")
    assert not cache_dir.exists() or not list(cache_dir.glob("*.pickle"))
    run_cli(["check", "p.txt"])
    run_cli(["check", "p.txt"])
    assert len(compiles) == 2  # --no-cache compiled, then one compile filled the cache


def test_cli_runs_with_a_warm_cache_give_the_same_report(cache_dir: Path) -> None:
    (cache_dir.parent / "p.md").write_text(
        "---\ntitle: x\n---\nAct now! In order to leverage synergies.\n", encoding="utf-8"
    )
    cold = run_cli(["check", "--output-format", "json", "p.md"])
    warm = run_cli(["check", "--output-format", "json", "p.md"])
    assert list(cache_dir.glob("*.pickle"))
    assert cold.code == warm.code == 1
    assert cold.out == warm.out


def test_syllable_counts_match_textstat() -> None:
    from textstat.backend.utils._get_cmudict import get_cmudict
    from textstat.backend.utils._get_pyphen import get_pyphen

    words = (
        "the quick brown fox doesn't jump it leverages synergies utilizes dashboards leeds "
        "brandguard's hyper-personalised onboarding wow zyxqwv flibbertigibbet co-operation "
        "rock'n'roll a i everything beautiful azienda poesia"
    ).split()
    cmu = get_cmudict("en")
    for lang in ("en", "en_US", "it"):
        for word in words:
            phones = cmu.get(word) if lang.startswith("en") else None
            expected = (
                sum(1 for p in phones[0] if p[-1].isdigit())
                if phones
                else len(get_pyphen(lang).positions(word)) + 1
            )
            assert syllables.word_syllables(word, lang) == expected, (lang, word)


def test_syllable_table_is_cached_and_rebuilt_when_damaged(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    syllables.reset()
    try:
        assert syllables.word_syllables("beautiful", "en") == 3
        (db,) = cache_dir.glob("syllables-*.sqlite")
        syllables.reset()
        db.write_bytes(b"not a database")
        assert syllables.word_syllables("beautiful", "en") == 3
        assert db.read_bytes().startswith(b"SQLite format 3")  # rebuilt
        syllables.reset()

        def no_parsing(path: Path) -> dict[str, int]:
            raise AssertionError("the cached table should have been used")

        monkeypatch.setattr(syllables, "parse_cmudict", no_parsing)
        assert syllables.word_syllables("beautiful", "en") == 3
    finally:
        syllables.reset()


def test_regex_set_survives_pickling() -> None:
    import pickle
    import re

    from brandguard.compile.regexset import RegexSet

    regexes = [re.compile(p, re.I) for p in (r"\bclick here\b", r"\d+% off", r"(\w)\1{3,}")]
    original = RegexSet(regexes)
    loaded = pickle.loads(pickle.dumps(original))
    for text in ("Click here for 20% off!", "nothing", "zzzz"):
        assert loaded.candidates(text) == original.candidates(text)


def test_lazy_regex_pickles_as_its_program_and_rebuilds_on_use(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pickle
    import re

    from brandguard.compile.compiler import LazyRegex

    data = pickle.dumps(LazyRegex(re.compile(r"\bfree\b", re.I)))
    lazy = pickle.loads(data)
    assert lazy._compiled is None

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pickled program should have been used")

    monkeypatch.setattr(re, "compile", no_parsing)
    assert [m.group() for m in lazy.finditer("FREE stuff, free!")] == ["FREE", "free"]
    assert lazy.compiled == re.__dict__["_compile"](r"\bfree\b", re.I)
    assert pickle.loads(pickle.dumps(lazy)).compiled == lazy.compiled  # used: pickles again


def test_hyphenation_patterns_are_cached_and_rebuilt_when_damaged(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyphen

    syllables.reset()
    try:
        expected = len(pyphen.Pyphen(lang="en").positions("flibbertigibbet")) + 1
        assert syllables.word_syllables("flibbertigibbet", "en") == expected
        (stored,) = cache_dir.glob("hyphenation-*-en.obj")
        syllables.reset()
        stored.write_bytes(b"garbage")
        assert syllables.word_syllables("flibbertigibbet", "en") == expected
        assert stored.read_bytes().startswith(store.MAGIC)  # rebuilt
        syllables.reset()

        def no_parsing(*args, **kwargs):
            raise AssertionError("the cached patterns should have been used")

        monkeypatch.setattr(pyphen, "hdcache", {})  # pyphen's own in-process memo
        monkeypatch.setattr(pyphen.HyphDict, "__init__", no_parsing)
        assert syllables.word_syllables("flibbertigibbet", "en") == expected
    finally:
        syllables.reset()


def test_a_pipeline_with_components_survives_the_cache(
    cache_dir: Path, compiles: list[str]
) -> None:
    """IS_SENT_START adds a component, so the whole nlp is pickled instead of the tokenizer."""
    (cache_dir.parent / "pack.yaml").write_text(
        """\
pack: local
language: en
rules:
  - id: LOC010
    name: sentence-opens-with-so
    kind: pattern
    category: bland
    severity: warning
    message: "opening with '{match}'"
    patterns: [[{IS_SENT_START: true, LOWER: so}]]
    examples: {fail: ["So we shipped."], pass: ["We shipped, so relax."]}
""",
        encoding="utf-8",
    )
    (cache_dir.parent / ".brandguard.yaml").write_text(
        "policy: sentences\nlanguage: en\npacks: [./pack.yaml]\n", encoding="utf-8"
    )
    text = "We shipped it, so relax. So don't worry: I'm sure."
    _, compiled = cache.load_compiled(None)
    _, again = cache.load_compiled(None)
    assert compiles == ["sentences"]
    assert again.nlp is not None and again.nlp.pipe_names == ["brandguard_sentences"]
    assert rule_ids(again, text) == rule_ids(compiled, text) == ["LOC010"]


def test_syllable_table_damaged_past_the_probe_heals_itself(cache_dir: Path) -> None:
    """Damage the probe at open time does not read: a lookup used to raise DatabaseError (an
    internal error on every run until the file was deleted)."""
    syllables.reset()
    try:
        assert syllables.word_syllables("beautiful", "en") == 3
        (db,) = cache_dir.glob("syllables-*.sqlite")
        data = bytearray(db.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        for start in range(len(data) * 2 // 3 // page * page, len(data), page):
            data[start : start + page] = b"\xab" * page  # the pages of words late in the alphabet
        db.write_bytes(bytes(data))
        syllables.reset()
        assert syllables.word_syllables("wonderful", "en") == 3
        assert syllables.word_syllables("beautiful", "en") == 3
        import sqlite3

        with sqlite3.connect(db) as conn:  # rebuilt whole
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        syllables.reset()
