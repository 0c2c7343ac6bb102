#!/usr/bin/env python3
"""Hostile inputs of issue 13 against the CLI, with timeouts: a script, not a timed test.

    python benchmarks/hostile.py [--timeout 60] [--only NAME,...] [--no-memory]

Each input runs ``brandguard`` (this checkout's ``src`` first on the path) in a fresh process in a
scratch folder and prints its wall time, exit code and whether an internal error occurred (exit 2
with "internal error" or a traceback on stderr). Goal: no internal error, and no input of at most
1 MB over 5 s. Then the peak memory of checking a 1 MB and a 5 MB post, as a multiple of the
post's size (goal: at most 20x), with the memory of a tiny post taken off.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
RUN = (
    "import sys; from brandguard.cli import entry_point; sys.argv[0] = 'brandguard'; entry_point()"
)
KB = 1000

# 100 KB lines of one construct: quadratic in the Markdown/HTML scanners before issue 13.
QUADRATIC = {
    "emphasis *": " *a",
    "emphasis _": " _a",
    "link text [": "[a ",
    "nested brackets": "[[a](",
    "image ![": "![a](",
    "comment <!--": "<!-- ",
    "tag <a": "<a ",
    "autolink": "<http://a",
    "heading of blanks": "# a" + " " * 60 + "b ",
}
ALIAS_BOMB = """policy: bomb
language: en
banned:
  - phrase: synergy
    when:
      meta:
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""
CATASTROPHIC = 'policy: re\nlanguage: en\nbanned:\n  - regex: "(a+)+$"\n'


def _write(folder: Path, name: str, data: str | bytes) -> str:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return name


def cases(folder: Path) -> dict[str, tuple[list[str], int, Callable[[], object] | None]]:
    """name -> (arguments, input size in bytes, stdin opener)."""
    out: dict[str, tuple[list[str], int, Callable[[], object] | None]] = {}
    tiny = _write(folder, "tiny.txt", "We roast coffee in Turin.\n")
    out["a tiny post (start-up time, for reference)"] = (["check", tiny], 26, None)
    for label, unit in QUADRATIC.items():
        text = unit * (100 * KB // len(unit))
        for suffix in ("md", "html"):
            name = _write(folder, f"{label.split()[0]}-{len(out)}.{suffix}", text)
            out[f"{label} ({suffix}, 100 KB)"] = (["check", name], len(text), None)
    row = json.dumps({"id": "x", "text": QUADRATIC["emphasis *"] * (30 * KB)})
    name = _write(folder, "rows.jsonl", row + "\n")
    out["emphasis * (audit row, markdown, 100 KB)"] = (
        ["audit", "--row-format", "markdown", name],
        len(row),
        None,
    )
    out["check /dev/zero"] = (["check", "/dev/zero"], 5 * 1024 * 1024, None)
    out["check - < /dev/zero"] = (["check", "-"], 5 * 1024 * 1024, lambda: open("/dev/zero", "rb"))
    out["audit /dev/zero"] = (["audit", "/dev/zero"], 5 * 1024 * 1024, None)
    out["audit - < /dev/zero"] = (["audit", "-"], 5 * 1024 * 1024, lambda: open("/dev/zero", "rb"))
    _write(folder, "bomb.yaml", ALIAS_BOMB)
    plain = _write(folder, "plain.md", "We roast coffee in Turin.\n")
    out["YAML alias bomb policy"] = (
        ["check", "--policy", "bomb.yaml", plain],
        len(ALIAS_BOMB),
        None,
    )
    _write(folder, "re.yaml", CATASTROPHIC)
    evil = _write(folder, "evil.txt", "a" * 29 + "b\nxa\n")
    out["catastrophic regex (a+)+$"] = (["check", "--policy", "re.yaml", evil], 34, None)
    (folder / "loop1").symlink_to("loop2")
    (folder / "loop2").symlink_to("loop1")
    out["symlink loop"] = (["check", "loop1", plain], 0, None)
    huge = "id,text\n1,a calm post\n2," + "y" * 200_000 + "\n3,another calm post\n4,last one\n"
    out["huge CSV field (row 2 of 4)"] = (
        ["audit", _write(folder, "huge.csv", huge)],
        len(huge),
        None,
    )
    bad_jsonl = b'{"text": "fine"}\n{"text": "bad \xff byte"}\n{"text": "fine again"}\n'
    out["bad byte in JSONL"] = (
        ["audit", _write(folder, "bad.jsonl", bad_jsonl)],
        len(bad_jsonl),
        None,
    )
    bad_csv = b"id,text\n1,fine\n2,bad \xff byte\n3,fine again\n"
    out["bad byte in CSV"] = (["audit", _write(folder, "bad.csv", bad_csv)], len(bad_csv), None)
    bad_md = b"Fine words \xff\xfe and more.\n"
    out["bad bytes in a Markdown file"] = (
        ["check", _write(folder, "bad.md", bad_md)],
        len(bad_md),
        None,
    )
    bangs = "!" * (100 * KB)
    out["exclamation marks (100 KB, tokenizer)"] = (
        ["check", _write(folder, "bangs.txt", bangs)],
        len(bangs),
        None,
    )
    return out


def run(args: list[str], folder: Path, timeout: float, stdin: Callable[[], object] | None):
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    handle = stdin() if stdin else subprocess.DEVNULL
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", RUN, *args],
            cwd=folder,
            stdin=handle,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            env=env,
        )
        code: int | str = done.returncode
        err = done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, err = "timeout", ""
    finally:
        if stdin:
            handle.close()  # type: ignore[union-attr]
    seconds = time.perf_counter() - start
    internal = "internal error" in err or "Traceback" in err
    return seconds, code, internal


def peak_rss_kb(args: list[str], folder: Path) -> int:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN, *args],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss


def memory(folder: Path) -> list[tuple[str, float, float]]:
    paragraph = (
        "We roast our beans in small batches every Tuesday, and the shop on Via Roma opens at "
        "eight. Leverage our synergy today! Book a tasting for your team; we bring the cups.\n\n"
    )
    rows = []
    base = peak_rss_kb(["check", _write(folder, "tiny.md", paragraph)], folder)
    for size in (1_000_000, 5_000_000):
        text = (paragraph * (size // len(paragraph) + 1))[:size]
        name = _write(folder, f"post-{size}.md", text)
        peak = peak_rss_kb(["check", "--max-post-size", str(size + 10), name], folder)
        rows.append(
            (
                f"check {size // 1_000_000} MB Markdown post",
                peak / 1024,
                (peak - base) * 1024 / size,
            )
        )
        row = _write(folder, f"post-{size}.jsonl", json.dumps({"text": text}) + "\n")
        peak = peak_rss_kb(["audit", "-j", "1", "--max-post-size", str(size * 2), row], folder)
        rows.append(
            (f"audit {size // 1_000_000} MB JSONL row", peak / 1024, (peak - base) * 1024 / size)
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", help="comma-separated substrings of case names")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    internal_errors = slow = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("| input | size | seconds | exit | internal error |")
        print("|---|---:|---:|---:|---|")
        for name, (argv, size, stdin) in cases(folder).items():
            if args.only and not any(o in name for o in args.only.split(",")):
                continue
            seconds, code, internal = run(argv, folder, args.timeout, stdin)
            internal_errors += internal
            slow += size <= 1_000_000 and (code == "timeout" or seconds > 5)
            shown = f"{size / 1000:,.0f} KB" if size else "-"
            print(
                f"| {name} | {shown} | {seconds:.2f} | {code} | {'YES' if internal else 'no'} |",
                flush=True,
            )
        print(f"\ninternal errors: {internal_errors}; inputs <= 1 MB over 5 s: {slow}")
        if not args.no_memory:
            print("\n| post | peak RSS MB | (peak - tiny post) / size |")
            print("|---|---:|---:|")
            for name, peak_mb, ratio in memory(folder):
                print(f"| {name} | {peak_mb:.0f} | {ratio:.1f}x |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
