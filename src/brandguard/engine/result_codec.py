"""What the result cache stores of a result, in the form its readers need, and how it comes back.

Why: a re-audit answered from the cache does little but read entries and write records, so an
entry holds what the writers need as they need it: the audit record's JSON (everything but the
id, path and the row's columns, rendered once when the result is first checked) and the
``Verdict`` (findings count, worst severity, score figures) that the exit status and the totals
read. The findings and the score are rebuilt only when something reads them (CSV, HTML,
``--compare``) from that same JSON plus the little it leaves out (``_extra``: each finding's
character span, weight and fix span, the score's per-category details, the bar, the skipped
rules): building their objects was two thirds of a JSONL re-audit. Storing the findings a second
time, as zlib-compressed ``marshal`` bytes, cost a cold audit of the real mix's short posts more
than any other part of caching (35 µs a post, most of it ``zlib.compress`` setting up its
window, and entries a third larger). Nothing is compressed: inflating the record cost more than
the rest of a cached post (12 of 30 µs), and a CRC-32 over the entry does the checksum's job.
Entries are plain values (``marshal`` of tuples, strings, numbers and bytes), never pickles, so a
cache file from anywhere can at worst hold wrong results, not run code.
"""

from __future__ import annotations

import json
import marshal
import zlib
from typing import Any

from ..model import CategoryScore, Finding, Fix, PostResult, Score, Verdict

_PLAIN = (str, int, float, bool, type(None), tuple, dict)
_LAZY = frozenset({"findings", "score", "skipped_rules"})
DAMAGED = (ValueError, TypeError, IndexError, KeyError, EOFError)
# (Finding field, the record's key) of what a finding's record holds as the Finding does
_FROM_RECORD = tuple(
    zip(
        "rule_id name category severity line column end_line end_column match message".split(),
        "rule name category severity line column end_line end_column match message".split(),
        strict=True,
    )
)


def record_body(result: PostResult) -> str:
    """The audit record's JSON after its ``"id"`` member, without the braces (``output/audit.py``
    puts the id before it and the row's columns after it)."""
    data = result.to_dict()
    del data["id"]
    data.pop("path", None)
    return json.dumps(data, ensure_ascii=False)[1:-1]


def encode(result: PostResult, body: str | None = None) -> bytes:
    """The result's cache entry; ``body`` is its ``record_body`` when already rendered.

    A CachedResult read from an entry (one that a worker of ``--jobs`` sent, ``parallel.py``)
    gives that entry back: sealing it again (``marshal`` and a CRC of the same parts) was a
    tenth of what the parent of ``--jobs 2`` does per post."""
    state = result.__dict__
    if "_entry" in state:
        return state["_entry"]
    body = record_body(result) if body is None else body
    extra = marshal.dumps(_extra(result))  # bytes: a JSONL re-audit never unpacks it
    return _seal(body, result.verdict(), result.language, extra)


def _seal(body: str, verdict: Verdict, language: str, extra: bytes) -> bytes:
    data = marshal.dumps((body, tuple(verdict), language, extra))
    return zlib.crc32(data).to_bytes(4, "big") + data


def _extra(result: PostResult) -> tuple[Any, ...]:
    """What the record's JSON leaves out of the findings and score: each finding's span, weight,
    suggestion when the record cannot tell (None or "" are both left out: True means "the
    record's") and fix span; the per-category details, the bar; the skipped rules."""
    s = result.score
    return (
        tuple(
            (
                f.start,
                f.end,
                f.weight,
                True if f.suggestion else f.suggestion,
                None if f.fix is None else (f.fix.start, f.fix.end),
            )
            for f in result.findings
        ),
        {k: (d.score, d.findings, d.penalty) for k, d in s.details.items()},
        s.fail_under,
        tuple(result.skipped_rules),
    )


def _finding(shown: dict[str, Any], extra: tuple[Any, ...]) -> Finding:
    # Built without the frozen dataclass's __init__ (one object.__setattr__ per field): a third
    # of the time of a cached post. Equal to the Finding the check made (tests compare them).
    start, end, weight, suggestion, fix = extra
    finding = object.__new__(Finding)
    state = finding.__dict__
    state.update({field: shown[key] for field, key in _FROM_RECORD})
    state["start"] = start
    state["end"] = end
    state["suggestion"] = shown["suggestion"] if suggestion is True else suggestion
    if fix is None:
        state["fix"] = None
    else:
        state["fix"] = Fix(fix[0], fix[1], shown["fix"]["replacement"], shown["fix"]["safe"])
    state["weight"] = weight
    return finding


def _full(body: str, verdict: Verdict, stored: bytes) -> dict[str, Any]:
    """The findings, score and skipped rules of an entry, as PostResult fields."""
    extra = marshal.loads(stored)
    if type(extra) is not tuple or len(extra) != 4 or not all(type(v) in _PLAIN for v in extra):
        raise ValueError("not a cached result")
    spans, details, fail_under, skipped = extra
    shown = json.loads("{" + body + "}")
    if len(shown["findings"]) != len(spans):
        raise ValueError("not a cached result")
    scores = {k: CategoryScore(*d) for k, d in details.items()}
    return {
        "findings": tuple(map(_finding, shown["findings"], spans)),
        "score": Score(
            verdict.total,
            {k: d.score for k, d in scores.items()},
            scores,
            verdict.words,
            verdict.passed,
            fail_under,
            verdict.blocking,
        ),
        "skipped_rules": skipped,
    }


class CachedResult(PostResult):
    """A PostResult with its audit record rendered (``record``) and its verdict known.

    Read back from the cache (``load``), its findings, score and skipped rules are decoded on
    first read (``__getattr__`` runs only for attributes not yet set); a freshly checked result
    (``of``) has them all. Built with ``object.__new__`` and its fields set in ``__dict__``, as
    the frozen dataclass forbids ``setattr``. Equal only to another CachedResult.
    """

    record: str

    @classmethod
    def load(cls, blob: bytes, post_id: str, path: str | None, source: str) -> CachedResult:
        """The entry ``encode`` made, stamped with this post's id, path and source.

        A CRC-32 catches a damaged entry before ``marshal`` reads it; the shape is checked
        after, so anything but our own plain values is refused (``ValueError``)."""
        payload = memoryview(blob)[4:]
        if zlib.crc32(payload) != int.from_bytes(blob[:4], "big"):
            raise ValueError("damaged cached result")
        data = marshal.loads(payload)
        if (
            type(data) is not tuple
            or len(data) != 4
            or type(data[0]) is not str
            or type(data[1]) is not tuple
            or type(data[3]) is not bytes
        ):
            raise ValueError("not a cached result")
        body, verdict, language, extra = data
        result = object.__new__(cls)
        result.__dict__.update(
            id=post_id,
            path=path,
            error=None,
            source=source,
            language=str(language),
            record=body,
            _verdict=Verdict(*verdict),
            _extra=extra,
            _entry=bytes(blob),
        )
        return result

    @classmethod
    def of(cls, result: PostResult, body: str) -> CachedResult:
        """``result`` with its rendered record (the writer then need not render it again)."""
        twin = object.__new__(cls)
        twin.__dict__.update(result.__dict__, record=body, _verdict=result.verdict())
        twin.__dict__.pop("_entry", None)  # the entry of another record
        return twin

    def verdict(self) -> Verdict:
        known = self.__dict__.get("_verdict")
        return known if known is not None else super().verdict()

    def __getattr__(self, name: str) -> Any:
        state = self.__dict__
        if name not in _LAZY or "_extra" not in state:
            raise AttributeError(name)
        state.update(_full(state["record"], state["_verdict"], state.pop("_extra")))
        return state[name]


def decode(blob: bytes, post_id: str, path: str | None, source: str) -> PostResult:
    """The PostResult ``encode`` stored, every field decoded now (a damaged entry raises one of
    ``DAMAGED``)."""
    cached = CachedResult.load(blob, post_id, path, source)
    state = cached.__dict__
    fields = _full(state["record"], state["_verdict"], state["_extra"])
    return PostResult(
        post_id,
        path,
        fields["findings"],
        fields["score"],
        fields["skipped_rules"],
        source=source,
        language=cached.language,
    )
