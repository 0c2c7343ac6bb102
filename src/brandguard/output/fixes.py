"""Apply fixes (substitutions, terminology) to posts without touching anything else.

A fix replaces ``source[start:end]``. Before one is applied, the post is parsed again and the span
must be entirely visible text: a span that overlaps front matter (title and description values
included: they are checked, but YAML is data), code, a URL, an HTML tag or attribute (a meta
description included) or entity, or a comment (suppression comments included) is never edited. Suppressed findings never
reach this module (the engine drops them), so their spans are never edited either.

Fixing runs to a fixed point: apply every non-overlapping fix, check the new text again, repeat
(at most ``MAX_ROUNDS`` times), so a second ``--fix`` finds nothing left to fix. Files are written
atomically (atomic.py) with their BOM, mode, owner, hard links and line endings kept, and only when
they still hold what was checked (a file edited meanwhile is left alone and named). A read-only file
and a file reached through a symbolic link that leads out of the folder being checked are never
written; each is named and the run exits 2. ``--fix -`` gives the editor its buffer back byte for
byte outside the fixed spans (BOM, line endings), or unchanged when it could not be read.
"""

from __future__ import annotations

import difflib
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import click

from ..compile.compiler import CompiledPolicy
from ..engine.check import check_posts
from ..model import Finding, Fix, PostResult
from ..text.document import Post
from ..text.files import Stdin
from ..text.formats import FRONT_MATTER_RE, parse
from ..text.sources import format_for
from .atomic import UTF8_BOM, atomic_write_text, atomic_writer

MAX_ROUNDS = 10


@dataclass(frozen=True)
class FixedPost:
    """One post before and after fixing; ``result`` is the check of the fixed text."""

    path: str | None
    original: str
    fixed: str
    applied: int
    result: PostResult

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def fixable(finding: Finding, unsafe: bool = False) -> Fix | None:
    """The finding's fix if this run may apply it."""
    fix = finding.fix
    if fix is None or (not fix.safe and not unsafe):
        return None
    return fix


def _format(result: PostResult) -> str:
    return format_for(Path(result.path or result.id))


def _line_ending(source: str) -> str | None:
    crlf = source.count("\r\n")
    return "\r\n" if crlf and crlf == source.count("\n") else None


def _data_fields(source: str, post: Post) -> list[tuple[int, int]]:
    """Headlines that are values in YAML front matter or in a tag's attribute: checked, but
    never rewritten (a replacement could break the YAML quoting or the attribute)."""
    front = FRONT_MATTER_RE.match(source) if post.format == "markdown" else None
    return [
        (h.start, h.end)
        for h in post.headlines
        if (front and h.start < front.end())
        or source.rfind("<", 0, h.start) > source.rfind(">", 0, h.start)
    ]


def apply_fixes(source: str, fixes: Iterable[Fix], fmt: str) -> tuple[str, int]:
    """``source`` with every applicable fix applied; returns (new text, fixes applied).

    Fixes are applied left to right; one that overlaps an earlier one waits for the next round,
    and one whose span is not plain visible text (masked by the format parser) is dropped.
    """
    post = parse(source, fmt, "<fix>")
    visible = post.text
    fields = _data_fields(source, post)
    newline = _line_ending(source)
    out: list[str] = []
    cursor = 0
    applied = 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < cursor or not 0 <= fix.start <= fix.end <= len(source):
            continue
        if visible[fix.start : fix.end] != source[fix.start : fix.end] or any(
            s < fix.end and fix.start < e for s, e in fields
        ):
            continue  # touches code, front matter, a URL, markup or a comment
        replacement = fix.replacement
        if newline and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        if source[fix.start : fix.end] == replacement:
            continue
        out.append(source[cursor : fix.start])
        out.append(replacement)
        cursor = fix.end
        applied += 1
    out.append(source[cursor:])
    return "".join(out), applied


def fix_results(
    compiled: CompiledPolicy, results: Sequence[PostResult], unsafe: bool = False
) -> list[FixedPost]:
    """Fix every post to a fixed point; one FixedPost per result, in order."""
    state = [
        FixedPost(r.path, r.source, r.source, 0, r) for r in results
    ]  # posts that could not be read pass through untouched
    todo = [
        i
        for i, r in enumerate(results)
        if r.error is None and any(fixable(f, unsafe) for f in r.findings)
    ]
    for _ in range(MAX_ROUNDS):
        changed: list[int] = []
        for i in todo:
            post = state[i]
            fixes = [fx for f in post.result.findings if (fx := fixable(f, unsafe))]
            text, applied = apply_fixes(post.fixed, fixes, _format(post.result))
            if applied and text != post.fixed:
                state[i] = FixedPost(
                    post.path, post.original, text, post.applied + applied, post.result
                )
                changed.append(i)
        if not changed:
            break
        posts = [
            parse(state[i].fixed, _format(state[i].result), state[i].result.id, state[i].path)
            for i in changed
        ]
        for i, checked in zip(changed, check_posts(compiled, posts), strict=True):
            post = state[i]
            state[i] = FixedPost(post.path, post.original, post.fixed, post.applied, checked)
        todo = changed
    return state


def unified_diff(post: FixedPost) -> str:
    name = post.path or post.result.id
    return "".join(
        difflib.unified_diff(
            post.original.splitlines(keepends=True),
            post.fixed.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )


def write_fixed(post: FixedPost) -> str | None:
    """Write one fixed file atomically; returns a problem message instead of raising."""
    assert post.path is not None
    path = Path(post.path)
    try:
        info = path.stat()
        raw = path.read_bytes()
    except OSError as exc:
        return f"{post.path}: not fixed: cannot read it again ({exc.strerror or exc})"
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        mode = f"{stat.S_IMODE(info.st_mode):04o}"
        return (
            f"{post.path}: not fixed: the file is read-only (mode {mode}); make it writable first"
        )
    bom = raw.startswith(UTF8_BOM)
    try:
        current = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        current = None
    if current != post.original:
        return f"{post.path}: not fixed: the file changed while it was being checked"
    try:
        atomic_write_text(path, post.fixed, bom=bom)
    except OSError as exc:
        return f"{post.path}: not fixed: cannot write it ({exc.strerror or exc})"
    return None


def leaves_tree(path: str, roots: Sequence[str]) -> str | None:
    """The folder named on the command line that ``path`` was found in, when a symbolic link
    (the file's or a folder's) leads from there to a file outside it; None otherwise. A file
    named on the command line itself is what the user asked for, link or not."""
    if path in roots:
        return None
    for root in roots:
        if root == "-" or not os.path.isdir(root):
            continue
        if not Path(path).is_relative_to(Path(root)):
            continue
        real, top = Path(os.path.realpath(path)), Path(os.path.realpath(root))
        return None if real.is_relative_to(top) else root
    return None


def _give_back(stdin: Stdin, post: FixedPost) -> str | None:
    """``--fix -``: the buffer to stdout, fixed, or its own bytes when it could not be read."""
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    problem = None
    if post.result.error:
        reason = post.result.error.removeprefix(f"{stdin.name}: ").removesuffix("; not checked")
        problem = f"{stdin.name}: not fixed: {reason}; the text is written back unchanged"
        chunks = [stdin.data, *stdin.unread()]
    elif post.changed:
        chunks = [(UTF8_BOM if stdin.bom else b"") + post.fixed.encode("utf-8")]
    else:
        chunks = [stdin.data]
    try:
        for chunk in chunks:
            if out is not None:
                out.write(chunk)
            else:  # a stream without bytes (embedding): the same text, bytes escaped
                sys.stdout.write(chunk.decode("utf-8", "surrogateescape"))
        sys.stdout.flush()
        if out is not None:
            out.flush()
    except BrokenPipeError:  # the editor stopped reading: nothing more to give
        pass
    return problem


def fix_command(
    compiled: CompiledPolicy,
    results: Sequence[PostResult],
    unsafe: bool,
    diff: bool,
    output: str | None,
    stdin: Stdin | None = None,
    roots: Sequence[str] = (),
) -> tuple[list[PostResult], bool, TextIO | None, list[str]]:
    """``check --fix`` / ``--diff``: returns (results after fixing, anything changed, where the
    report goes when stdout is taken by fixed stdin text, the files that could not be written).

    ``roots`` are the paths named on the command line (links out of them are not written
    through). A file that could not be written keeps the result of its original text: its
    findings still count, and the caller exits 2 naming it."""
    fixed = fix_results(compiled, results, unsafe)
    failed: list[str] = []
    seen: set[str] = set()
    todo: list[FixedPost] = []
    stdin_post: FixedPost | None = None
    for post in fixed:
        if stdin is not None and post.path == stdin.name and stdin_post is None:
            stdin_post = post
        elif post.changed and post.path:
            key = str(Path(post.path).resolve())
            if key not in seen:  # a file named twice is fixed once
                seen.add(key)
                todo.append(post)
    changed = [p for p in (*todo, stdin_post) if p is not None and p.changed]
    count = sum(p.applied for p in changed)
    if diff:
        with atomic_writer(output) as out:
            for post in changed:
                out.write(unified_diff(post))
        if changed:
            click.echo(
                f"brandguard: --fix would apply {count} fix{'es' if count != 1 else ''} "
                f"in {len(changed)} file{'s' if len(changed) != 1 else ''}",
                err=True,
            )
        return [p.result for p in fixed], bool(changed), None, failed
    written = 0
    unwritten: set[str] = set()
    for post in todo:
        root = leaves_tree(str(post.path), roots)
        if root is not None:
            problem: str | None = (
                f"{post.path}: not fixed: a symbolic link leads out of {root} "
                f"(to {os.path.realpath(str(post.path))}); name the file itself to fix it"
            )
        else:
            problem = write_fixed(post)
        if problem:
            click.echo(f"brandguard: {problem}", err=True)
            count -= post.applied
            failed.append(str(post.path))
            unwritten.add(str(Path(str(post.path)).resolve()))
        else:
            written += 1
    report_stream = None
    if stdin is not None and stdin_post is not None:
        problem = _give_back(stdin, stdin_post)
        if problem:
            click.echo(f"brandguard: {problem}", err=True)
            failed.append(stdin.name)
        report_stream = sys.stderr
        written += int(stdin_post.changed)
    if count:
        click.echo(
            f"brandguard: fixed {count} finding{'s' if count != 1 else ''} "
            f"in {written} file{'s' if written != 1 else ''}",
            err=True,
        )
    final = [
        original if post.path and str(Path(post.path).resolve()) in unwritten else post.result
        for original, post in zip(results, fixed, strict=True)
    ]
    return final, bool(changed), report_stream, failed
