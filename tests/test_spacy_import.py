"""spaCy imported without its command line (compile/spacy_import.py): nothing lost, only deferred.

Each test runs in a fresh interpreter: the test session has imported spaCy already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, tmp_path: Path) -> dict:
    """Run ``code`` in a new interpreter; it prints one JSON object as its last line."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "BRANDGUARD_CACHE_DIR": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_spacy_works_without_its_cli_loaded_and_the_cli_loads_when_read(tmp_path: Path) -> None:
    found = run_python(
        """
        import json, sys
        from brandguard.compile.spacy_import import deferred, import_spacy
        import_spacy()
        import spacy
        out = {
            "cli_libraries": sorted(m for m in ("typer", "weasel", "httpx") if m in sys.modules),
            "deferred": [deferred(sys.modules[m]) for m in ("spacy.cli", "spacy.cli.info")],
            "tokens": [t.text for t in spacy.blank("en")("Act now!")],
        }
        from spacy.cli import download  # a name spacy.cli defines: the package runs
        out["download"] = [type(download).__name__, download.__module__]
        out["after"] = [deferred(sys.modules[m]) for m in ("spacy.cli", "spacy.cli.info")]
        out["info"] = sorted(spacy.info(silent=True))[:2]  # the stand-in forwards the call
        out["info_cli"] = sys.modules["spacy.cli.info"].info_cli.__name__
        print(json.dumps(out))
        """,
        tmp_path,
    )
    assert found == {
        "cli_libraries": [],
        "deferred": [True, True],
        "tokens": ["Act", "now", "!"],
        "download": ["function", "spacy.cli.download"],
        "after": [False, False],
        "info": ["location", "pipelines"],
        "info_cli": "info_cli",
    }


def test_a_submodule_of_the_deferred_cli_runs_the_package_first(tmp_path: Path) -> None:
    """As a real import would: ``import spacy.cli.download`` executes ``spacy/cli/__init__``."""
    found = run_python(
        """
        import json, sys
        from brandguard.compile.spacy_import import deferred, import_spacy
        import_spacy()
        import spacy.cli.download
        import spacy.cli
        print(json.dumps([deferred(sys.modules["spacy.cli"]), hasattr(spacy.cli, "setup_cli")]))
        """,
        tmp_path,
    )
    assert found == [False, True]


def test_a_command_loads_the_policy_without_spacys_cli(tmp_path: Path) -> None:
    """Compiled (the first run), then unpickled from the compiled-policy cache (the second)."""
    code = """
        import json, sys
        from brandguard.cli.options import load_run
        from brandguard.engine.check import check_posts
        from brandguard.text.formats import parse
        policy, compiled, router = load_run(None, [], [])
        (result,) = check_posts(router, [parse("Act now!!! BUY TODAY", "text", "p")])
        print(json.dumps({
            "rules": sorted({f.rule_id[:3] for f in result.findings}),
            "cli": "spacy.cli.download" in sys.modules or "typer" in sys.modules,
        }))
        """
    first, second = run_python(code, tmp_path), run_python(code, tmp_path)
    assert first == second
    assert first["rules"] and not first["cli"]
