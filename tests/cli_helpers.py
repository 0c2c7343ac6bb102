"""Run the real entry point (``brandguard.cli:main``) in-process: exit code, stdout, stderr."""

from __future__ import annotations

import sys

import pytest

from brandguard.cli import main


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    old = sys.argv
    sys.argv = ["brandguard", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err
