"""Run the real entry point (brandguard.cli.main) in-process and capture what it prints."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from brandguard.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str
    raw_out: bytes = b""  # standard output as bytes (--fix - writes the buffer's own bytes)

    def __iter__(self):  # code, out, err = run_cli(...)
        return iter((self.code, self.out, self.err))


def run_cli(
    args: Sequence[str],
    *,
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    env: dict[str, str | None] | None = None,
    tty: bool = False,
) -> Run:
    runner = CliRunner()
    old_argv, old_cwd = sys.argv, os.getcwd()
    env = {"GITHUB_ACTIONS": None, "NO_COLOR": None, **(env or {})}
    with runner.isolation(input=stdin, env=env) as streams:
        if tty:
            sys.stdout.isatty = lambda: True  # type: ignore[method-assign]
        sys.argv = ["brandguard", *args]
        if cwd is not None:
            os.chdir(cwd)
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        finally:
            sys.argv = old_argv
            os.chdir(old_cwd)
        out, err = streams[0].getvalue(), streams[1].getvalue()
    return Run(code, out.decode("utf-8", "surrogateescape"), err.decode("utf-8"), out)
