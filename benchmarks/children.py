"""Child processes timed for the benchmarks: wall time, CPU time and peak memory of each.

CPU time (the child's own rusage) is the figure to compare on a shared, loaded machine: wall time
there measures the neighbours too.
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def brandguard_command(explicit: str | None = None) -> list[str]:
    """The brandguard command to time: ``explicit`` (e.g. ``--brandguard``), else the script
    beside this Python, else PATH's, else this Python running the CLI's entry point."""
    if explicit:
        return shlex.split(explicit)
    beside = Path(sys.executable).with_name("brandguard")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("brandguard")
    if found:
        return [found]
    return [sys.executable, "-c", "from brandguard.cli import entry_point; entry_point()"]


@dataclass
class Run:
    """One child process: wall time, CPU time (user + system), peak RSS (KiB) and exit code."""

    seconds: float
    max_rss_kib: int
    returncode: int
    stderr: str
    cpu: float = 0.0


def run_child(cmd: Sequence[str], cwd: Path | None = None) -> Run:
    """Run *cmd* with stdout discarded; time it and read its own rusage with ``os.wait4``."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss, proc.returncode, stderr, usage.ru_utime + usage.ru_stime)


def run_cold(cmd: Sequence[str], cwd: Path | None = None) -> Run:
    """``run_child`` of an ``audit`` with a result cache of its own, empty (``--cache`` in a fresh
    temporary folder): a first audit. Without it a repeated audit is answered from the user
    cache directory's result cache and times reading it back."""
    with tempfile.TemporaryDirectory(prefix="bg-cold-") as folder:
        return run_child([*cmd, "--cache", str(Path(folder) / "results.sqlite3")], cwd)


COLD = '--cache "$(mktemp -d)/results.sqlite3"'  # how the printed commands say ``run_cold``


def median_run(cmd: Sequence[str], runs: int, warmup: int = 1) -> tuple[float, list[Run]]:
    """Median wall time of *runs* executions after *warmup* untimed ones."""
    for _ in range(warmup):
        run_child(cmd)
    done = [run_child(cmd) for _ in range(runs)]
    return statistics.median(r.seconds for r in done), done


def check_ok(name: str, result: Run, allowed: tuple[int, ...] = (0, 1)) -> str:
    """Empty string when the exit code is expected, else a note with stderr's tail."""
    if result.returncode in allowed:
        return ""
    tail = result.stderr.strip().splitlines()[-3:]
    return f"{name} exited {result.returncode}: {' | '.join(tail)}"


def fmt_time(seconds: float) -> str:
    """Seconds or milliseconds, whichever reads better."""
    return f"{seconds:.2f} s" if seconds >= 1 else f"{1000 * seconds:.0f} ms"


def fmt_rate(words: int, seconds: float) -> str:
    """Words per second, human-sized."""
    rate = words / seconds if seconds else 0
    return f"{rate / 1e6:.2f} M" if rate >= 1e6 else f"{rate / 1e3:.1f} k"
