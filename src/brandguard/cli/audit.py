"""``brandguard audit``: score many posts at once and write one record per post (or one page)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import click

from .options import (
    ignore_option,
    load_run,
    max_post_size_option,
    no_cache_option,
    policy_option,
    select_option,
    split,
    verdict_options,
)

DELIMITERS = {
    ",": ",",
    ";": ";",
    "|": "|",
    "\t": "\t",
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
}


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


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
    "--input-format",
    type=click.Choice(("auto", "csv", "jsonl")),
    default="auto",
    show_default=True,
    help="auto: by suffix (.csv/.tsv, .jsonl/.ndjson), else by content (stdin '-', <(...)).",
)
@click.option(
    "--encoding",
    callback=_encoding,
    metavar="NAME",
    help="Encoding of every export (default: BOM, UTF-8, else detected per file).",
)
@click.option(
    "--delimiter",
    type=click.Choice(tuple(DELIMITERS)),
    metavar="CHAR",
    help="CSV delimiter: , ; tab | (default: sniffed per file).",
)
@click.option(
    "--keep-columns",
    metavar="COLS",
    help="Input columns to copy into jsonl/json/csv records (comma-separated; default: all; "
    "'' for none).",
)
@verdict_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that check posts (default: the available cores); output is the same.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Check on a Dask cluster: tcp://HOST:8786, 'dask' (the address in Dask's config) or "
    "'local' (--jobs worker processes here); needs brandguard[dask]. See docs/scaling.md.",
)
@click.option(
    "--row-format",
    type=click.Choice(("text", "markdown", "html")),
    default="text",
    show_default=True,
    help="How to read the text of CSV/JSONL rows.",
)
@max_post_size_option("CHARS", "post (file, row or stdin)")
@select_option
@ignore_option
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a TTY)."
)
@click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Result cache (SQLite; default: results.sqlite3 in the user cache directory). "
    "Unchanged posts are not checked again; an interrupted audit resumes.",
)
@click.option(
    "--compare",
    "compare_path",
    type=click.Path(dir_okay=False),
    metavar="PREVIOUS.jsonl",
    help="Say which posts and rules improved or regressed since an earlier jsonl output.",
)
@no_cache_option
def audit(
    paths: tuple[str, ...],
    policy_ref: str | None,
    fmt: str,
    output: str | None,
    text_column: str,
    id_column: str,
    input_format: str,
    encoding: str | None,
    delimiter: str | None,
    keep_columns: str | None,
    fail_on: str,
    fail_under: float | None,
    exit_zero: bool,
    jobs: int | None,
    scheduler: str | None,
    row_format: str,
    max_post_size: int,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    progress: bool | None,
    cache_path: str | None,
    compare_path: str | None,
    no_cache: bool,
) -> None:
    """Score many posts at once: directories, CSV and JSONL exports (one post a row), '-' for stdin.

    Exit 0 when every post is readable, passes its bar and has no finding at --fail-on; 1 otherwise;
    2 on a usage, policy or internal error.
    """
    from ..engine.audit_cache import open_for_audit
    from ..engine.memory import LazyCompiled
    from ..engine.run import audit_results, post_fails
    from ..model import SEVERITY_RANK
    from ..output.atomic import atomic_writer
    from ..output.audit import write_audit
    from ..text import store
    from ..text.exports import ExportOptions

    store.set_enabled(not no_cache)
    options = ExportOptions(
        text_column,
        id_column,
        row_format,
        encoding,
        DELIMITERS[delimiter] if delimiter else None,
        input_format,
        max_bytes=max_post_size,
    )
    keep = None if keep_columns is None else split((keep_columns,))
    selected, ignored = split(select), split(ignore)
    run: list[Any] = []  # (main policy, its compiled form, the router), loaded on first use

    def load_router() -> Any:
        if not run:  # compile/tree.py loads the check kinds: a cached re-audit never needs them
            run.extend(load_run(policy_ref, selected, ignored))
        return run[2]

    router = LazyCompiled(load_router)
    comparison = None
    if compare_path:
        from ..output.compare import Comparison

        comparison = Comparison.load(compare_path)
    results_cache = None
    if not no_cache:
        results_cache = open_for_audit(
            cache_path, policy_ref, selected, ignored, router, _warn, paths
        )
    else:
        router.get()  # a policy error is reported before any output is written
    threshold = SEVERITY_RANK.get(fail_on)
    failing = [0, 0]  # posts that fail the run; readable posts under --fail-under

    def judged(records: Any) -> Iterator[Any]:
        for result, columns in records:
            if post_fails(result, threshold, fail_under):
                failing[0] += 1
            if fail_under is not None and not result.error and result.verdict().total < fail_under:
                failing[1] += 1
            yield result, columns

    if jobs is None:
        from ..engine.parallel import available_cores

        jobs = available_cores()
    client = None
    if scheduler:
        from ..engine import distributed

        client = distributed.connect(scheduler, jobs)  # before any output: exit 2 if unreachable
    records = judged(
        audit_results(
            router, paths, options, jobs, results_cache, keep_source=fmt == "html", client=client
        )
    )
    if fmt == "html":
        router.get()  # the page's header names the policy, even when every post is cached
    show = sys.stderr.isatty() if progress is None else progress
    try:
        with atomic_writer(output) as out:
            summary, dropped = write_audit(
                _progress(records) if show else records,
                out,
                fmt,
                keep,
                run[0] if run else None,
                paths,
                comparison,
            )
    finally:
        if client is not None:
            distributed.close(client)
    if run:
        from ..compile import tree

        for warning in tree.warnings(run[2]):
            click.echo(f"brandguard: warning: {warning}", err=True)
    for error in summary.errors[:20]:
        click.echo(f"brandguard: skipped {error}", err=True)
    if len(summary.errors) > 20:
        click.echo(f"brandguard: … and {len(summary.errors) - 20} more unreadable posts", err=True)
    if dropped:
        click.echo(
            f"brandguard: columns not in the first row left out of the CSV: {', '.join(dropped)} "
            "(name them with --keep-columns)",
            err=True,
        )
    below = (
        f"{failing[1]} under {fail_under:g}"
        if fail_under is not None
        else f"{summary.failed} below the bar"
    )
    click.echo(
        f"brandguard: audited {summary.posts} posts: {summary.posts - summary.unreadable} scored "
        f"({summary.words} words), {summary.unreadable} unreadable; mean score "
        f"{summary.mean_score:.1f}, {below}.",
        err=True,
    )
    if results_cache is not None and results_cache.hits:
        click.echo(
            f"brandguard: {results_cache.hits} of {summary.posts} posts from the result cache "
            f"({results_cache.path}).",
            err=True,
        )
    if comparison is not None:
        for line in comparison.summary().splitlines():
            click.echo(f"brandguard: {line}" if not line.startswith(" ") else line, err=True)
    sys.exit(0 if exit_zero else int(failing[0] > 0))


def _warn(message: str) -> None:
    click.echo(f"brandguard: warning: {message}", err=True)


def _progress(results: Any) -> Iterator[Any]:
    with click.progressbar(results, label="auditing", file=sys.stderr, show_pos=True) as bar:
        yield from bar
