"""Options and helpers that several commands share."""

from __future__ import annotations

import click

OUTPUT_FORMATS = ("full", "concise", "json", "github", "sarif")
FAIL_ON = ("error", "warning", "info", "never")


def split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


policy_option = click.option(
    "--policy",
    "policy_ref",
    metavar="PATH|NAME",
    help="Policy file or bundled name (default: discovered .brandguard.yaml, "
    "[tool.brandguard] in pyproject.toml, else the bundled default).",
)
select_option = click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    help="Only these rules (ids, id prefixes or names; comma-separated).",
)
no_cache_option = click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the compiled-policy cache."
)
ignore_option = click.option(
    "--ignore",
    multiple=True,
    metavar="IDS",
    help="Skip these rules (ids, id prefixes or names; comma-separated).",
)
