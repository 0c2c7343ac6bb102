"""The command line: click wiring only; the work happens in the modules it calls."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

import click

from ..errors import BrandguardError
from ..version import __version__
from .audit import audit
from .options import (
    OUTPUT_FORMATS,
    ignore_option,
    load_run,
    max_post_size_option,
    no_cache_option,
    policy_option,
    select_option,
    split,
    verdict_options,
)
from .streams import ReaderMayLeave


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="brandguard")
def cli() -> None:
    """Keep published words on-brand: findings, 0–100 scores and fixes for posts."""


cli.add_command(audit)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@policy_option
@click.option(
    "--output-format",
    type=click.Choice(OUTPUT_FORMATS),
    help="Output format (default: full; github under GitHub Actions).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    help="Write the report to FILE (atomically) instead of stdout.",
)
@verdict_options
@select_option
@ignore_option
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option(
    "--stdin-filename", metavar="NAME", help="Name (and format, by suffix) for text read from '-'."
)
@click.option(
    "--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply safe fixes (substitutions, terminology) in place; report what is left.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix/--diff: also apply fixes that may change meaning.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print what --fix would change as a unified diff; write nothing (exit 1 if any).",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Record today's findings in FILE (JSON) and exit 0.",
)
@click.option(
    "--baseline",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Ignore the findings recorded in FILE: fail only on new ones.",
)
@max_post_size_option("BYTES", "post")
@no_cache_option
def check(
    paths: tuple[str, ...],
    policy_ref: str | None,
    output_format: str | None,
    output: str | None,
    fail_on: str,
    fail_under: float | None,
    exit_zero: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    statistics: bool,
    stdin_filename: str | None,
    color: str,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    write_baseline: str | None,
    baseline: str | None,
    max_post_size: int,
    no_cache: bool,
) -> None:
    """Check posts (files, directories, or '-' for stdin) against the policy."""
    from ..compile import tree
    from ..engine.run import check_paths, exit_code
    from ..output.atomic import atomic_writer
    from ..output.reporters import REPORTERS, Options
    from ..text import store
    from ..text.files import read_stdin

    if unsafe_fixes and not (fix or diff):
        raise click.UsageError("--unsafe-fixes needs --fix or --diff")
    if write_baseline and baseline:
        raise click.UsageError("use --write-baseline or --baseline, not both")
    store.set_enabled(not no_cache)
    selected, ignored = split(select), split(ignore)
    policy, compiled, router = load_run(policy_ref, selected, ignored)
    if not compiled.checks:
        click.echo(
            f"brandguard: warning: policy '{policy.name}' has no rules to run; nothing is checked",
            err=True,
        )
    paths = paths or (".",)
    stdin = read_stdin(stdin_filename, max_post_size) if "-" in paths else None
    results = check_paths(
        policy, paths, selected, ignored, stdin_filename, router, max_post_size, stdin
    )
    for warning in tree.warnings(router):
        click.echo(f"brandguard: warning: {warning}", err=True)
    report_stream = None
    unwritten: list[str] = []
    if fix or diff:
        from ..output.fixes import fix_command

        results, changed, report_stream, unwritten = fix_command(
            router, results, unsafe_fixes, diff, output, stdin, paths
        )
        if diff:
            sys.exit(1 if changed else 0)
    if write_baseline:
        from ..output.baseline import write_baseline_command

        write_baseline_command(write_baseline, results, policy.name)
        sys.exit(0)
    if baseline:
        from ..output.baseline import baseline_command

        results = baseline_command(baseline, results, policy.scoring)
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"
    stream = report_stream or sys.stdout
    use_color = color == "always" or (
        color == "auto" and output is None and stream.isatty() and "NO_COLOR" not in os.environ
    )
    options = Options(
        color=use_color,
        statistics=statistics,
        tool_version=__version__,
        policy_name=policy.name,
        fail_under=fail_under,
    )
    if report_stream is not None and output is None:
        REPORTERS[output_format].render(results, report_stream, options)
    else:
        with atomic_writer(output) as out:
            REPORTERS[output_format].render(results, out, options)
    code = exit_code(results, fail_on, fail_under)
    if unwritten:  # the fixes were not saved: brandguard failed at what it was asked to do
        names = ", ".join(unwritten)
        click.echo(f"brandguard: error: could not write the fixes to {names}", err=True)
        sys.exit(2)
    sys.exit(0 if exit_zero else code)


@cli.command("rules")
@policy_option
@click.option(
    "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True
)
def rules_cmd(policy_ref: str | None, fmt: str) -> None:
    """List the effective rules of the policy."""
    from ..output.explain import list_rules
    from ..policy.config import resolve_policy

    click.echo(list_rules(resolve_policy(policy_ref), fmt), nl=False)


@cli.command("rule")
@click.argument("rule_id")
@policy_option
def rule_cmd(rule_id: str, policy_ref: str | None) -> None:
    """Explain one rule (by id or name), with its examples."""
    from ..output.explain import explain_rule
    from ..policy.config import resolve_policy

    click.echo(explain_rule(resolve_policy(policy_ref), rule_id), nl=False)


@cli.group("policy")
def policy_group() -> None:
    """Inspect the resolved policy."""


@policy_group.command("show")
@click.argument("file", required=False, type=click.Path())
@policy_option
@click.option("--sources", is_flag=True, help="Show which file each setting came from.")
def policy_show(file: str | None, policy_ref: str | None, sources: bool) -> None:
    """Print the resolved policy (after extends) as YAML: the one governing FILE when given
    (the nearest .brandguard.yaml above it), and what applies to each language."""
    from ..output.explain import show_policy
    from ..policy.config import resolve_policy

    if file and not policy_ref:
        from ..policy.loader import load_policy
        from ..policy.resolution import Resolver, describe

        found = Resolver().for_path(file)
        if found is None:
            policy = load_policy("default")
        else:
            policy = load_policy(found[0], text=found[1]) if found[1] else load_policy(found[0])
        governs = f"{file} is governed by {describe(found)}"
        click.echo(show_policy(policy, sources, governs), nl=False)
        return
    click.echo(show_policy(resolve_policy(policy_ref), sources), nl=False)


@cli.command("init")
@click.option(
    "--language",
    type=click.Choice(("en", "it")),
    default="en",
    show_default=True,
    help="Language of the posts.",
)
@click.option(
    "--jurisdiction",
    "jurisdictions",
    multiple=True,
    metavar="CODES",
    help="Disclosure rules to enforce: us, uk, it (comma-separated).",
)
@click.option("--brand", metavar="NAME", help="Brand name to protect in terminology.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option(
    "-o",
    "--output",
    default=".brandguard.yaml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Where to write the policy.",
)
def init_cmd(
    language: str, jurisdictions: tuple[str, ...], brand: str | None, force: bool, output: str
) -> None:
    """Write a starter .brandguard.yaml that validates."""
    from pathlib import Path

    from ..output.starter import starter_policy, write_starter

    text = starter_policy(language, [j.lower() for j in split(jurisdictions)], brand)
    write_starter(Path(output), text, force)
    click.echo(f"brandguard: wrote {output}; try `brandguard policy show` or `brandguard check`.")


@cli.command("schema")
@click.argument("which", type=click.Choice(("policy", "pack")), default="policy")
def schema_cmd(which: str) -> None:
    """Print the JSON Schema of policy or pack files (for editor autocompletion)."""
    import json

    from ..policy.schema import pack_schema, policy_schema

    click.echo(json.dumps(policy_schema() if which == "policy" else pack_schema(), indent=2))


def main() -> None:
    """Entry point: user errors become one line and exit code 2, never a traceback."""
    if sys.stdout is None:  # started with standard output closed (`>&-`): the exit code remains
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    from ..output.atomic import ESCAPE

    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 prints escaped
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=ESCAPE)  # type: ignore[union-attr]
    original = sys.stdout
    if not isinstance(original, ReaderMayLeave):
        sys.stdout = ReaderMayLeave(original)  # type: ignore[assignment]
    try:
        _main()
    finally:
        if isinstance(sys.stdout, ReaderMayLeave):
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.flush()
            sys.stdout = original


def _main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except click.exceptions.Abort as exc:
        click.echo("Aborted.", err=True)
        # Ctrl-C (click turns KeyboardInterrupt into Abort): 130, like ruff and the shell
        sys.exit(130 if isinstance(exc.__context__, KeyboardInterrupt) else 2)
    except BrandguardError as exc:
        click.echo(f"brandguard: error: {exc}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # the environment, not a bug: a full disk, a vanished directory
        click.echo(f"brandguard: error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, keep the traceback for BRANDGUARD_DEBUG
        if os.environ.get("BRANDGUARD_DEBUG"):
            raise
        click.echo(
            f"brandguard: internal error: {type(exc).__name__}: {exc} "
            "(set BRANDGUARD_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        sys.exit(2)


def entry_point() -> NoReturn:
    """The ``brandguard`` command: ``main()``, then exit without tearing the interpreter down.

    Why: freeing spaCy's modules and objects at exit takes about 120 ms, a tenth of checking one
    file, and by then nothing is left to do: reports were written and closed atomically, and the
    standard streams are flushed here. Tests call ``main()``, which exits the usual way.
    """
    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with the descriptor closed (`>&-`)
            continue
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader left (`| head`), or it was closed
            pass
        except OSError as exc:  # a full disk under `> report.txt`: the report is incomplete
            code = 2
            with contextlib.suppress(OSError, ValueError):
                os.write(2, f"brandguard: error: could not write the output: {exc}\n".encode())
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry_point()
