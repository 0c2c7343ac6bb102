"""Output formats: one module each with ``render(results, out, options)``; one registry dict.

Printers only print. Exit codes are decided by the CLI from the results (``engine.run.exit_code``), never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from . import concise, full, github, json_report, sarif


@dataclass(frozen=True)
class Options:
    color: bool = False
    show_score: bool = True
    statistics: bool = False
    tool_version: str = "0"
    policy_name: str = ""
    fail_under: float | None = None  # --fail-under, when given: the bar the exit code uses


REPORTERS: dict[str, ModuleType] = {
    "full": full,
    "concise": concise,
    "json": json_report,
    "github": github,
    "sarif": sarif,
}
