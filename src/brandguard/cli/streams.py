"""Standard output for a command line tool: a reader that leaves early changes nothing."""

from __future__ import annotations

import contextlib
import os
from typing import Any


class ReaderMayLeave:
    """Standard output that outlives its reader: after ``| head -1`` closes the pipe, the rest of
    the report goes nowhere and the run still ends with the exit code of its findings (click
    would exit 1 on EPIPE, turning a clean run into a failure)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._left = False

    def _leave(self) -> None:
        self._left = True
        with contextlib.suppress(OSError, ValueError):  # later flushes find nothing to send
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        self._stream = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._leave()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._leave()

    def isatty(self) -> bool:
        return not self._left and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
