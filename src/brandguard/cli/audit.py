"""``brandguard audit``: score many posts at once and write one record per post (or one page)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

from .options import ignore_option, no_cache_option, policy_option, select_option, split


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@policy_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("jsonl", "csv", "json", "html")),
    default="jsonl",
    show_default=True,
    help="One record per post, in input order; html: one summary page to read.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically).")
@click.option(
    "--text-column", default="text", show_default=True, help="CSV/JSONL field with the post."
)
@click.option(
    "--id-column", default="id", show_default=True, help="CSV/JSONL field with the post id."
)
@click.option(
    "--row-format",
    type=click.Choice(("text", "markdown", "html")),
    default="text",
    show_default=True,
    help="How to read the text of CSV/JSONL rows.",
)
@select_option
@ignore_option
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a TTY)."
)
@no_cache_option
def audit(
    paths: tuple[str, ...],
    policy_ref: str | None,
    fmt: str,
    output: str | None,
    text_column: str,
    id_column: str,
    row_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    progress: bool | None,
    no_cache: bool,
) -> None:
    """Score many posts at once: directories, CSV and JSONL exports (one post a row)."""
    from ..compile import cache
    from ..engine.run import audit_results
    from ..output.atomic import atomic_writer
    from ..output.audit import write_audit
    from ..text import store

    store.set_enabled(not no_cache)
    _, compiled = cache.load_compiled(policy_ref, split(select), split(ignore))
    results = audit_results(compiled, paths, text_column, id_column, row_format)
    show = sys.stderr.isatty() if progress is None else progress
    with atomic_writer(output) as out:
        summary = write_audit(_progress(results) if show else results, out, fmt)
    for error in summary.errors[:20]:
        click.echo(f"brandguard: skipped {error}", err=True)
    if len(summary.errors) > 20:
        click.echo(f"brandguard: … and {len(summary.errors) - 20} more unreadable posts", err=True)
    click.echo(
        f"brandguard: audited {summary.posts} posts ({summary.words} words): mean score "
        f"{summary.mean_score:.1f}, {summary.failed} below the bar, "
        f"{summary.unreadable} unreadable.",
        err=True,
    )
    sys.exit(1 if summary.unreadable else 0)


def _progress(results: Any) -> Iterator[Any]:
    with click.progressbar(results, label="auditing", file=sys.stderr, show_pos=True) as bar:
        yield from bar
