"""Options and helpers that several commands share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..model import MAX_POST_BYTES

OUTPUT_FORMATS = ("full", "concise", "json", "github", "sarif")
FAIL_ON = ("error", "warning", "info", "never")


def load_run(policy_ref: str | None, select: list[str], ignore: list[str]) -> tuple[Any, ...]:
    """``compile.tree.load_run``, with spaCy imported without its command line first
    (``compile/spacy_import.py``: a third of start-up), then the loaded objects moved out of the
    garbage collector's sight (``gc.freeze``): the compiled policy and spaCy are tens of
    thousands of objects that live as long as the command, and each full collection walked them
    all again (0.2 s of the 0.4 s of collections in an audit of the 19,679 real-mix posts). Only
    the commands do this: the Python API leaves the caller's collector alone."""
    import gc

    from ..compile import tree
    from ..compile.spacy_import import import_spacy

    import_spacy()
    run = tree.load_run(policy_ref, select, ignore)
    gc.freeze()
    return run


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
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the caches (the compiled policy; audit results).",
)
ignore_option = click.option(
    "--ignore",
    multiple=True,
    metavar="IDS",
    help="Skip these rules (ids, id prefixes or names; comma-separated).",
)


def max_post_size_option(unit: str, what: str) -> Callable[[Any], Any]:
    """--max-post-size for check (files and stdin, in bytes) and audit (rows, in characters)."""
    return click.option(
        "--max-post-size",
        metavar=unit,
        type=click.IntRange(1),
        default=MAX_POST_BYTES,
        show_default=True,
        help=f"A longer {what} is not read; it is reported as unreadable (BG003).",
    )


def verdict_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--fail-on, --fail-under and --exit-zero: how check and audit turn results into exit 1."""
    for option in reversed(
        (
            click.option(
                "--fail-on",
                type=click.Choice(FAIL_ON),
                default="error",
                show_default=True,
                help="Exit 1 when a finding has this severity or worse.",
            ),
            click.option(
                "--fail-under",
                type=click.FloatRange(0, 100),
                help="Exit 1 when a post scores below N (default: the policy's scoring.fail_under).",
            ),
            click.option(
                "--exit-zero", is_flag=True, help="Always exit 0 unless brandguard itself fails."
            ),
        )
    ):
        command = option(command)
    return command
