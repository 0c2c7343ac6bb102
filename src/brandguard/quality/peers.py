"""Peer linters (proselint) run side by side with brandguard, each in a throwaway venv.

Only the evaluation and benchmark tools use this; brandguard itself never installs anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Sequence
from pathlib import Path

PROSELINT_SCRIPT = r"""
import json, sys
texts = json.load(sys.stdin)
try:
    from importlib.metadata import version
    v = version("proselint")
except Exception:
    v = "?"
try:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile
    CheckRegistry().register_many(__register__)
    def count(t):
        return len(LintFile("<text>", t).lint(DEFAULT)) if t.strip() else 0
except ImportError:
    from proselint.tools import lint
    def count(t):
        return len(lint(t))
json.dump({"version": v, "counts": [count(t) for t in texts]}, sys.stdout)
"""


def cache_dir() -> Path:
    """Where throwaway peer environments live (``$XDG_CACHE_HOME/brandguard-eval``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "brandguard-eval"


def venv_python(path: Path) -> Path:
    """The interpreter inside the virtual environment at *path*."""
    return path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(name: str, packages: Sequence[str], probe: str) -> Path:
    """Create (or reuse) a cached venv with *packages*; return its python.

    *probe* is a module to import to decide whether the venv is usable already.
    """
    path = cache_dir() / name
    python = venv_python(path)
    if (
        python.exists()
        and subprocess.run([str(python), "-c", f"import {probe}"], capture_output=True).returncode
        == 0
    ):
        return python
    print(f"[eval] creating {path} and installing {' '.join(packages)} ...", file=sys.stderr)
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *packages],
        check=True,
    )
    return python


def proselint_counts(texts: Sequence[str]) -> tuple[str, list[int], float]:
    """Lint every text with proselint in one subprocess; return its version, counts and seconds."""
    python = ensure_venv("proselint-venv", ["proselint"], "proselint")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as fh:
        json.dump(list(texts), fh)
        fh.seek(0)
        start = time.perf_counter()
        done = subprocess.run(
            [str(python), "-c", PROSELINT_SCRIPT],
            stdin=fh,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"proselint failed: {done.stderr.strip()[-2000:]}")
    result = json.loads(done.stdout)
    return str(result["version"]), [int(c) for c in result["counts"]], seconds
