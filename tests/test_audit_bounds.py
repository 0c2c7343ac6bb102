"""Issue 13, bounded work on the audit side: rows, exports and stdin obey --max-post-size.

``audit`` read a JSONL line, a CSV line, a whole post of unknown format or stdin without a bound:
an export of /dev/zero read until memory ran out. Now a row longer than the bound is one BG003
result (read no further than the bound), and the rows after it are still scored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests._cli import run_cli

POLICY = "policy: t\nlanguage: en\nbanned: [{phrase: synergy}]\n"


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".brandguard.yaml").write_text(POLICY, encoding="utf-8")
    return tmp_path


def _records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _errors(record: dict) -> str:
    return record.get("error") or ""


def test_a_jsonl_row_over_the_bound_is_one_bg003_and_the_next_rows_are_scored(repo: Path) -> None:
    rows = [
        {"id": "a", "text": "Pure synergy."},
        {"id": "b", "text": "x" * 500},
        {"id": "c", "text": "Calm words."},
    ]
    (repo / "posts.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    result = run_cli(["audit", "--max-post-size", "100", "posts.jsonl"], cwd=repo)
    records = _records(result.out)
    assert len(records) == 3
    assert "longer than 100 characters" in _errors(records[1])
    assert not _errors(records[0]) and not _errors(records[2])
    assert "1 unreadable" in result.err


def test_a_csv_line_or_field_over_the_bound_is_one_bad_row(repo: Path) -> None:
    long_line = '2,"' + "y" * 300 + '"\n'
    long_field = '3,"' + "z " * 40 + "\n" + "z " * 40 + '"\n'  # two short lines, one long field
    (repo / "posts.csv").write_text(
        "id,text\n1,Pure synergy.\n" + long_line + long_field + "4,Calm.\n", encoding="utf-8"
    )
    result = run_cli(["audit", "--max-post-size", "100", "posts.csv"], cwd=repo)
    records = _records(result.out)
    assert [bool(_errors(r)) for r in records] == [False, True, True, False]
    assert "line 3" in _errors(records[1]) and "longer than 100 characters" in _errors(records[1])
    assert "line 4" in _errors(records[2])


def test_stdin_and_a_post_of_unknown_format_are_bounded(repo: Path) -> None:
    piped = run_cli(["audit", "--max-post-size", "50", "-"], cwd=repo, stdin="word " * 40)
    assert "longer than 50 characters" in _errors(_records(piped.out)[0])
    rows = run_cli(
        ["audit", "--max-post-size", "50", "-"], cwd=repo, stdin='{"text": "' + "w" * 80 + '"}\n'
    )
    assert "row 1: longer than 50 characters" in _errors(_records(rows.out)[0])


def test_an_endless_stream_is_cut_without_reading_it_all(repo: Path) -> None:
    """``audit /dev/zero`` (a post of unknown format) stops at the bound instead of running out."""
    code = (
        "import sys; from brandguard.cli import entry_point; "
        "sys.argv = ['brandguard', 'audit', '--max-post-size', '1000000', '/dev/zero']; entry_point()"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 1, done.stderr
    assert "longer than 1,000,000 characters" in done.stdout
