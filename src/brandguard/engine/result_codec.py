"""What the result cache stores of a result, in the form its readers need, and how it comes back.

Why: a re-audit answered from the cache does little but read entries and write records, so an
entry holds what the writers need as they need it: the audit record's JSON (everything but the
id, path and the row's columns, rendered once when the result is first checked) and the
``Verdict`` (findings count, worst severity, score figures) that the exit status and the totals
read. The findings, score and skipped rules ride along as zlib-compressed ``marshal`` bytes
inside the entry, decoded only when something reads them (CSV, HTML, ``--compare``): building
their objects was two thirds of a JSONL re-audit. The record stays uncompressed: inflating it
cost more than the rest of a cached post (12 of 30 µs), and a CRC-32 over the entry does the
checksum's job. Entries are plain values (``marshal`` of tuples, strings, numbers and bytes),
never pickles, so a cache file from anywhere can at worst hold wrong results, not run code.
"""

from __future__ import annotations

import json
import marshal
import zlib
from typing import Any

from ..model import CategoryScore, Finding, Fix, PostResult, Score, Verdict

_FINDING = (
    "rule_id name category severity line column end_line end_column start end match message "
    "suggestion"
).split()
_PLAIN = (str, int, float, bool, type(None), tuple, dict)
_LAZY = frozenset({"findings", "score", "skipped_rules"})
DAMAGED = (zlib.error, ValueError, TypeError, IndexError, KeyError, EOFError)


def record_body(result: PostResult) -> str:
    """The audit record's JSON after its ``"id"`` member, without the braces (``output/audit.py``
    puts the id before it and the row's columns after it)."""
    data = result.to_dict()
    del data["id"]
    data.pop("path", None)
    return json.dumps(data, ensure_ascii=False)[1:-1]


def encode(result: PostResult, body: str | None = None) -> bytes:
    """The result's cache entry; ``body`` is its ``record_body`` when already rendered."""
    s = result.score
    full = (
        tuple(
            (*(getattr(f, name) for name in _FINDING), _fix(f.fix), f.weight)
            for f in result.findings
        ),
        (
            s.total,
            s.categories,
            {k: (d.score, d.findings, d.penalty) for k, d in s.details.items()},
            s.words,
            s.passed,
            s.fail_under,
            tuple(s.blocking),
        ),
        tuple(result.skipped_rules),
    )
    verdict = tuple(result.verdict())
    body = record_body(result) if body is None else body
    data = marshal.dumps((body, verdict, result.language, zlib.compress(marshal.dumps(full), 1)))
    return zlib.crc32(data).to_bytes(4, "big") + data


def _fix(fix: Fix | None) -> tuple[Any, ...] | None:
    return None if fix is None else (fix.start, fix.end, fix.replacement, fix.safe)


def _finding(values: tuple[Any, ...], names: list[str] = _FINDING) -> Finding:
    # Built without the frozen dataclass's __init__ (one object.__setattr__ per field): a third
    # of the time of a cached post. Equal to the Finding the check made (tests compare them).
    finding = object.__new__(Finding)
    state = finding.__dict__
    state.update(zip(names, values[:13], strict=True))
    fix = values[13]
    state["fix"] = Fix(*fix) if fix is not None else None
    state["weight"] = values[14]
    return finding


def _full(stored: bytes) -> dict[str, Any]:
    """The findings, score and skipped rules ``encode`` packed, as PostResult fields."""
    data = marshal.loads(zlib.decompress(stored))
    if type(data) is not tuple or len(data) != 3 or not all(type(v) in _PLAIN for v in data[1]):
        raise ValueError("not a cached result")
    findings, score, skipped = data
    total, categories, details, words, passed, fail_under, blocking = score
    return {
        "findings": tuple(map(_finding, findings)),
        "score": Score(
            total,
            categories,
            {k: CategoryScore(*d) for k, d in details.items()},
            words,
            passed,
            fail_under,
            blocking,
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
        body, verdict, language, stored = data
        result = object.__new__(cls)
        result.__dict__.update(
            id=post_id,
            path=path,
            error=None,
            source=source,
            language=str(language),
            record=body,
            _verdict=Verdict(*verdict),
            _stored=stored,
        )
        return result

    @classmethod
    def of(cls, result: PostResult, body: str) -> CachedResult:
        """``result`` with its rendered record (the writer then need not render it again)."""
        twin = object.__new__(cls)
        twin.__dict__.update(result.__dict__, record=body, _verdict=result.verdict())
        return twin

    def verdict(self) -> Verdict:
        known = self.__dict__.get("_verdict")
        return known if known is not None else super().verdict()

    def __getattr__(self, name: str) -> Any:
        state = self.__dict__
        if name not in _LAZY or "_stored" not in state:
            raise AttributeError(name)
        state.update(_full(state.pop("_stored")))
        return state[name]


def decode(blob: bytes, post_id: str, path: str | None, source: str) -> PostResult:
    """The PostResult ``encode`` stored, every field decoded now (a damaged entry raises one of
    ``DAMAGED``)."""
    cached = CachedResult.load(blob, post_id, path, source)
    fields = _full(cached.__dict__["_stored"])
    return PostResult(
        post_id,
        path,
        fields["findings"],
        fields["score"],
        fields["skipped_rules"],
        source=source,
        language=cached.language,
    )
