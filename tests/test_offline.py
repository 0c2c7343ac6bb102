"""Nothing reaches the network at run time: readability and the default policies work offline."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_check_runs_with_the_network_blocked() -> None:
    script = textwrap.dedent("""
        import socket, sys
        def refuse(*args, **kwargs):
            raise OSError("network is disabled in this test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        try:
            import nltk
            nltk.download = refuse
        except ImportError:
            pass
        from brandguard.api import check_text
        text = ("Our organisation's multidimensional implementation methodology facilitates "
                "comprehensive operational optimisation across heterogeneous infrastructures. ") * 3
        result = check_text(text, "examples/acme-coffee")  # tone: {reading_grade: 8}
        grade = [f for f in result.findings if f.rule_id == "TON001"]
        assert grade, result.findings
        it = check_text("Siamo lieti di annunciare la nostra nuova offerta.", "default-it")
        print("ok", result.score.total, it.score.total)
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok")
