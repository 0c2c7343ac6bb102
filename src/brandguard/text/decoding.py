"""Bytes → text for exports: one encoding per file, bad bytes isolated to the row that holds them.

The encoding is chosen once per file from its first ``SAMPLE`` bytes: a byte-order mark wins, then
UTF-8 (when the sample is valid UTF-8, or holds valid multi-byte sequences beside a few bad bytes),
then, for legacy exports, Windows-1252 when it reads the sample about as cleanly as
charset-normalizer's best guess, else that guess. The stream is then decoded incrementally (a
multi-byte character split across chunks is fine) with the ``brandguard.mark`` error handler, which
turns every undecodable byte ``b`` into the lone surrogate ``U+DC00 + b``. A valid decode never
yields a lone surrogate, so a row holding one is exactly a row with bad bytes: the reader reports
that row and goes on.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO

SAMPLE = 1 << 20  # bytes read to choose the encoding (and the CSV dialect)
MARK = re.compile("[\udc00-\udcff]")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# WHATWG: the "latin1" and "ascii" labels mean windows-1252 (0x80-0x9F are €, ’, “... not controls)
ALIASES = {"ascii": "cp1252", "latin_1": "cp1252", "iso8859_1": "cp1252", "utf_8": "utf-8"}


def _mark(exc: UnicodeError) -> tuple[str, int]:
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start : exc.end]
        return "".join(chr(0xDC00 + b) for b in bad), exc.end
    raise exc


codecs.register_error("brandguard.mark", _mark)


def bad_byte(text: str) -> tuple[int, int] | None:
    """(index, byte value) of the first undecodable byte kept in ``text``, or None."""
    found = MARK.search(text)
    return None if found is None else (found.start(), ord(found.group()) - 0xDC00)


def _whole_lines(sample: bytes, complete: bool) -> bytes:
    if complete:
        return sample
    cut = sample.rfind(b"\n")
    return sample[: cut + 1] if cut > 0 else sample


def _western(lines: list[bytes]) -> tuple[int, str]:
    """Lines Windows-1252 cannot decode, and the text of those it can."""
    failed, good = 0, []
    for line in lines:
        try:
            good.append(line.decode("cp1252"))
        except UnicodeDecodeError:
            failed += 1
    return failed, "\n".join(good)


def detect_encoding(sample: bytes, complete: bool = False, json: bool = False) -> str:
    """The codec for a file starting with ``sample`` (``complete``: the sample is the whole file).

    JSON Lines are UTF-8 by definition (RFC 8259), so only a BOM changes their encoding.
    """
    for bom, name in BOMS:
        if sample.startswith(bom):
            return name
    sample = _whole_lines(sample, complete)
    try:  # a sample cut inside a character (a first line over SAMPLE bytes) is still UTF-8
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if json:
        return "utf-8"
    lines = [line for line in sample.splitlines() if not line.isascii()]
    for line in lines:  # valid multi-byte UTF-8 beside a few bad bytes: UTF-8 with bad rows
        try:
            line.decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            continue
    import charset_normalizer
    from charset_normalizer.md import mess_ratio

    best = charset_normalizer.from_bytes(b"\n".join(lines)).best()
    failed, text = _western(lines)
    if failed <= max(1, len(lines) // 100) and (
        best is None or mess_ratio(text, 1.0) <= best.chaos + 0.1
    ):
        return "cp1252"
    name = best.encoding if best is not None else "cp1252"
    return ALIASES.get(name, name)


class _Prefixed(io.RawIOBase):
    """The bytes already read for the sample, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._rest.close()
        super().close()


def read_sample(stream: BinaryIO) -> tuple[bytes, bool]:
    """The first ``SAMPLE`` bytes and whether they are the whole stream."""
    sample = stream.read(SAMPLE)
    return sample, len(sample) < SAMPLE


def text_stream(sample: bytes, rest: BinaryIO, encoding: str) -> io.TextIOWrapper:
    """Decode ``sample`` + ``rest`` incrementally; newlines kept as they are (``newline=""``)."""
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8") and sample.startswith(
        codecs.BOM_UTF8
    ):
        encoding = "utf-8-sig"
    raw = io.BufferedReader(_Prefixed(sample, rest), 1 << 16)
    return io.TextIOWrapper(raw, encoding=encoding, errors="brandguard.mark", newline="")
