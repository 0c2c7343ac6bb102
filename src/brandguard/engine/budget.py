"""A time budget for the Python regexes of a policy, so one pattern cannot hang a run.

Policy regexes run in Python's ``re`` (after the RE2 pre-pass, compile/regexset.py), which
backtracks: ``(a+)+$`` takes about 50 s on 29 ``a`` and a ``b``, and a cloned repository's policy
could hang every pre-commit hook. ``re`` checks for signals while it matches, so a ``SIGALRM``
timer interrupts a regex that outlives its budget; the engine then reports it (BG005) and goes on.
The budget is armed only in the main thread of a process with ``setitimer`` (POSIX); elsewhere
regexes run unbounded, as before.
"""

from __future__ import annotations

import signal
import threading
from types import TracebackType
from typing import Any

REGEX_SECONDS = 1.0  # per regex and post: a sane regex takes milliseconds on a 5 MB post


class OutOfTime(Exception):
    """A regex ran past its budget."""


def _expire(signum: int, frame: Any) -> None:
    raise OutOfTime


class Budget:
    """``with Budget() as b: b.start(); ...; b.stop()``; the body raises OutOfTime when late."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = REGEX_SECONDS if seconds is None else seconds
        self.active = False
        self._previous: Any = None

    def __enter__(self) -> Budget:
        self.active = (
            self.seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        if self.active:
            self._previous = signal.signal(signal.SIGALRM, _expire)
        return self

    def start(self) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def stop(self) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.active:
            self.stop()
            signal.signal(signal.SIGALRM, self._previous)
