"""Issue 13, item 10: a long ``banned`` list is found right, with work that follows what matched.

Checks reached through their hits (engine/dispatch.py) and phrases tokenized word by word
(compile/compiler.py) must give the same findings as before; the speed itself is measured by
benchmarks/banned.py, not here.
"""

from __future__ import annotations

import random
from pathlib import Path

from brandguard.api import check_text
from brandguard.compile.compiler import _phrase_doc, _word_tokens, compile_policy
from brandguard.compile.pipeline import make_nlp
from brandguard.engine import dispatch
from brandguard.policy.loader import load_policy
from brandguard.text.document import Post

SYLLABLES = "ka lo mi ne ru sa te vo zu bri dra fle".split()


def _made_up(count: int) -> list[str]:
    rng = random.Random(11)
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(words)


def _id(index: int) -> str:
    """Rule ids have three digits: XA000 ... XZ999."""
    return f"X{chr(65 + index // 1000)}{index % 1000:03d}"


def _policy(tmp_path: Path, phrases: list[str]) -> Path:
    lines = ["extends: default", "banned:"]
    lines += [f"  - {{phrase: '{p}', id: {_id(i)}}}" for i, p in enumerate(phrases)]
    lines += [
        "  - {phrase: synergy, id: SYN001}",
        '  - {phrase: "don\'t miss", id: DON001}',
        "  - {phrase: cheap stuff, id: SHP001, when: {meta: {channel: shop}}}",
    ]
    path = tmp_path / "banned.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_thousands_of_banned_phrases_are_each_found_where_they_are(tmp_path: Path) -> None:
    words = _made_up(6000)
    phrases = [f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)]
    policy = load_policy(_policy(tmp_path, phrases))
    text = (
        f"Our plan: {phrases[7]} and then {phrases[2999]}. Synergies everywhere, "
        f"so don't miss it. Cheap stuff too."
    )
    found = {
        (f.rule_id, f.match) for f in check_text(text, policy).findings if f.category == "style"
    }
    assert found == {
        ("XA007", phrases[7]),
        ("XC999", phrases[2999]),
        ("SYN001", "Synergies"),
        ("DON001", "don't miss"),
    }
    shop = check_text(text, policy, meta={"channel": "shop"}).findings
    assert ("SHP001", "Cheap stuff") in {(f.rule_id, f.match) for f in shop}
    assert not [
        f for f in check_text("A calm, plain note.", policy).findings if f.rule_id[0] == "X"
    ]


def test_the_checks_that_read_more_than_their_hits_always_run(tmp_path: Path) -> None:
    words = _made_up(400)
    phrases = [f"{a} {b}" for a, b in zip(words[::2], words[1::2], strict=True)]
    compiled = compile_policy(load_policy(_policy(tmp_path, phrases)))
    post = Post("p", "A plain note.", "A plain note.")
    due = dispatch.due_checks(compiled, post, {})
    kinds = {c.rule.kind for c in due}
    assert "metric" in kinds and "phrase" not in kinds
    hit = dispatch.due_checks(compiled, post, {"XA003": [object()]})  # type: ignore[list-item]
    assert [c.rule.id for c in hit if c.rule.id.startswith("X")] == ["XA003"]
    order = [c.rule.id for c in compiled.checks]
    assert [c.rule.id for c in hit] == [i for i in order if i in {c.rule.id for c in hit}]


def test_phrases_tokenized_word_by_word_read_as_the_tokenizer_reads_them() -> None:
    nlp, _ = make_nlp("en", None)
    phrases = [
        "don't miss out",
        "act now!",
        "e.g. this",
        "U.S. only",
        "50% off",
        "24/7 support",
        "state-of-the-art",
        "cannot wait",
        "#1 choice",
        "a  b",
        "tab\there",
        "l'offerta",
    ]
    words = _word_tokens(nlp, {w for p in phrases for w in p.split()})
    for phrase in phrases:
        assert [t.text for t in _phrase_doc(nlp, phrase, words)] == [
            t.text for t in nlp.tokenizer(phrase)
        ], phrase
