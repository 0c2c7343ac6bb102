"""Property tests (issue 13): positions, fixes and parsing time on generated posts.

A short budget runs in CI (the ``ci`` hypothesis profile in conftest.py, a few seconds each);
``HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py`` searches much longer
(docs/architecture.md, "Property tests").
"""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from brandguard.api import check_text, compiled_for
from brandguard.output.fixes import fix_results
from brandguard.policy.loader import load_policy
from brandguard.text.formats import parse

WORDS = [
    "synergy", "Synergy", "utilize", "in order to", "we", "roast", "coffee", "Act now", "now",
    "café", "e\u0301", "😀", "👍🏽", "👩‍💻", "مرحبا", "\u200d", "ß", "İ",
]  # fmt: skip
MARKUP = [
    " ", "  ", "\n", "\r\n", "\n\n", "\t", "**", "_", "`", "[", "](http://x.y)", "<b>", "</b>",
    "<!-- c -->", "&amp;", "&#39;", "# ", "> ", "- ", ".", "!", ",", "\"", "“", "”",
]  # fmt: skip
posts = st.tuples(
    st.booleans(), st.lists(st.sampled_from(WORDS + MARKUP), min_size=1, max_size=40)
).map(lambda t: ("\ufeff" if t[0] else "") + "".join(t[1]))
formats = st.sampled_from(["text", "markdown", "html"])
POLICY = load_policy("default")


@given(posts, formats)
def test_every_finding_points_at_the_text_it_names(source: str, fmt: str) -> None:
    result = check_text(source, POLICY, format=fmt)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(source)
        assert f.line == source.count("\n", 0, f.start) + 1
        assert f.column == f.start - (source.rfind("\n", 0, f.start) + 1) + 1
        assert f.end_line == source.count("\n", 0, f.end) + 1
        if f.rule_id == "BLD005":  # a substitution: its span is the words it replaces
            written = " ".join(source[f.start : f.end].split()).lower()
            assert written in ("utilize", "in order to"), (f, source)


NAMES = {"text": "post.txt", "markdown": "post.md", "html": "post.html"}  # fixes read the suffix


def _fixed(source: str, fmt: str) -> str:
    result = check_text(source, POLICY, format=fmt, post_id=NAMES[fmt])
    return fix_results(compiled_for(POLICY), [result])[0].fixed


@given(posts, formats)
def test_fixing_twice_is_fixing_once_and_keeps_lines_and_other_bytes(source: str, fmt: str) -> None:
    result = check_text(source, POLICY, format=fmt)
    once = _fixed(source, fmt)
    assert _fixed(once, fmt) == once
    assert once.count("\n") == source.count("\n") and once.count("\r") == source.count("\r")
    spans = [f.fix for f in result.findings if f.fix is not None]
    if not spans:
        assert once == source
        return
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    assert once.startswith(source[:first])
    assert once.endswith(source[last:])


@given(
    st.lists(
        st.sampled_from(WORDS + MARKUP + ["<a ", "[a ", " *a", "<!-- ", "![", "`a"]), max_size=3000
    ),
    formats,
)
def test_any_post_of_bounded_size_parses_quickly(pieces: list[str], fmt: str) -> None:
    source = "".join(pieces)
    start = time.perf_counter()
    parse(source, fmt, "x")
    assert time.perf_counter() - start < 0.5
