#!/usr/bin/env python3
"""Held-out precision check: real documentation and help texts we never tuned on, composed at run time.

Every precision figure of ``python -m brandguard.eval`` comes from ``writing_dev.jsonl``, which the
rules were tuned on. This script reads good writing by others that happens to be installed on the
machine, cuts it into post-sized documents under ``--out`` (never into the repository), checks
them with the bundled default policy of their language, and prints the same measures as the
eval's writing table (bland/pushy/SEO findings per 1,000 words, warning-level and all), per-rule
hit counts and readability findings per 1,000 words. Nearly every bland, pushy or SEO finding on
these texts is a false positive; sentence-length (GDL001) findings are a readability sample.

Sources (each skipped with a note when missing):

* ``pypi`` (en): long descriptions in the ``*.dist-info/METADATA`` of the running interpreter's
  site-packages; Markdown ones as Markdown, reStructuredText ones converted to Markdown
  (headings, literal blocks, directives, roles and links: see ``rst_to_markdown``).
* ``pydoc`` (en): the Python reference's topics (``pydoc_data/topics.py`` of the base
  interpreter), plain text whose indented literal blocks become code and grid tables are dropped.
* ``stdlib`` (en): docstrings of the base interpreter's standard library modules (the module's,
  then its public classes' and functions' of at least ``MIN_DOCSTRING_WORDS`` words), doctest
  sessions fenced as code, read like the pydoc topics.
* ``debian`` (en): ``/usr/share/doc/*/README*`` and ``NEWS*`` (gzip too), copyright files and
  changelogs left out, one copy of identical files.
* ``gettext`` (it): Italian message catalogues (``/usr/share/locale/it/LC_MESSAGES/*.mo`` and
  Vim's), translations of at least ``MIN_MSG_WORDS`` words (help texts, long messages).

Later sources, kept apart as an unseen check (``--sources more``): see ``heldout_more.py``.

    python benchmarks/heldout.py --out /tmp/heldout [--sources pypi,...|more]
        [--sample N --seed S --sample-out FILE]
        [--review-out FILE] [--judged FILE] [--proselint]
"""

from __future__ import annotations

import argparse
import ast
import gettext
import glob
import gzip
import hashlib
import json
import random
import re
import shutil
import sys
import sysconfig
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandguard.quality import judged, peers
from brandguard.quality.eval_data import Corpus, Row
from brandguard.quality.eval_run import Policies, Scored, score_rows
from brandguard.quality.eval_sample import SAMPLE_CATEGORIES, candidates, sample, write_sample
from brandguard.quality.eval_suite import RATE_CATEGORIES, measure_writing, per_thousand
from brandguard.quality.eval_table import format_judged

NAME = "heldout"
MAX_WORDS = 600  # a long blog section; writing_dev cut documents into 150–800 words
MIN_WORDS = 60  # shorter pieces are headings or stubs, not posts
MAX_SECTIONS = 4  # at most this many sections of one document, as in writing_dev
MIN_DOCSTRING_WORDS = 30  # stdlib: a class's or function's docstring that says something
MIN_MSG_WORDS = 25  # Italian messages: help texts and long messages, not labels
REVIEW_CATEGORIES = frozenset(RATE_CATEGORIES)
REVIEW_RULES = frozenset({"GDL001"})
#: Our own writing is not held out.
OWN = frozenset({"pypi-brandguard"})


@dataclass(frozen=True)
class Doc:
    """One post-sized document: where it came from and its text as written to disk."""

    id: str
    lang: str
    format: str  # "markdown" or "text"
    origin: str
    text: str


# ---------------------------------------------------------------- cutting into posts

_FENCE = re.compile(r"^\s*(```|~~~)")


def _blocks(text: str) -> list[str]:
    """Paragraphs split at blank lines, a fenced code block kept whole."""
    out: list[str] = []
    cur: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and not line.strip():
            if cur:
                out.append("\n".join(cur))
                cur = []
            continue
        cur.append(line)
    if cur:
        out.append("\n".join(cur))
    return out


def _prose_words(block: str) -> int:
    return 0 if _FENCE.match(block) else len(block.split())


def sections(text: str, max_words: int = MAX_WORDS) -> Iterator[str]:
    """*text* cut at headings, else at paragraphs, into runs of at most *max_words* words."""
    run: list[str] = []
    words = 0
    for block in _blocks(text):
        n = _prose_words(block)
        heading = block.lstrip().startswith("#")
        if run and (words + n > max_words or (heading and words >= MAX_WORDS // 4)):
            yield "\n\n".join(run)
            run, words = [], 0
        run.append(block)
        words += n
    if run:
        yield "\n\n".join(run)


def cut(key: str, lang: str, fmt: str, origin: str, text: str) -> list[Doc]:
    """The first ``MAX_SECTIONS`` sections of *text* with at least ``MIN_WORDS`` words."""
    docs = []
    for part in sections(text):
        if sum(_prose_words(b) for b in _blocks(part)) < MIN_WORDS:
            continue
        docs.append(Doc(f"{key}-{len(docs) + 1}", lang, fmt, origin, part.strip() + "\n"))
        if len(docs) == MAX_SECTIONS:
            break
    return docs


# ---------------------------------------------------------------- reStructuredText

_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+:.])\1{2,}\s*$")
_DIRECTIVE = re.compile(r"^\.\.\s+(?:\|[^|]+\|\s+)?([\w:-]+)::(.*)$")
_ADMONITIONS = frozenset({"note", "warning", "tip", "important", "seealso", "attention", "caution"})
_ROLE = re.compile(r":[\w:.-]+:`([^`]+)`")
_LINK = re.compile(r"`([^`<]+?)\s*<([^>]+)>`__?")
_REF = re.compile(r"`([^`]+)`__?")
_LITERAL = re.compile(r"``([^`]+)``")
_SUBST = re.compile(r"\|[\w -]+\|_?")
_SIMPLE_TABLE = re.compile(r"^=+( +=+)+\s*$")


def _inline_rst(line: str) -> str:
    literals: list[str] = []

    def stash(m: re.Match[str]) -> str:
        literals.append(m.group(1))
        return f"\x00{len(literals) - 1}\x00"

    line = _LITERAL.sub(stash, line)  # literals first, so single-backtick rules leave them be
    line = _LINK.sub(r"[\1](\2)", line)
    line = _ROLE.sub(lambda m: "`" + m.group(1).split("<")[0].strip() + "`", line)
    line = _REF.sub(r"\1", line)
    line = _SUBST.sub("", line)
    return re.sub(r"\x00(\d+)\x00", lambda m: f"`{literals[int(m.group(1))]}`", line)


def rst_to_markdown(text: str) -> str:
    """reStructuredText as Markdown, enough for prose: headings, literal blocks fenced,
    directives dropped (admonitions kept as paragraphs), roles and literals as code, links."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _SIMPLE_TABLE.match(line):  # a simple table: cells, not sentences; ends at a
            i += 1  # blank line right after a border
            while i < len(lines) and (lines[i].strip() or not _SIMPLE_TABLE.match(lines[i - 1])):
                i += 1
            continue
        if _UNDERLINE.match(line) and (not out or not out[-1].strip()):
            i += 1  # overline
            continue
        if line.strip() and _UNDERLINE.match(nxt) and len(nxt.strip()) >= len(line.strip()) - 1:
            out.append("## " + _inline_rst(line.strip()))
            i += 2
            continue
        m = _DIRECTIVE.match(line)
        if m or line.startswith(".. "):
            keep = bool(m) and m.group(1) in _ADMONITIONS
            if keep and m.group(2).strip():
                out.append(_inline_rst(m.group(2).strip()))
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith((" ", "\t"))):
                if keep:
                    out.append(_inline_rst(lines[i].strip()))
                i += 1
            continue
        if line.rstrip().endswith("::") or line.lstrip().startswith(">>>"):
            literal_next = line.rstrip().endswith("::")
            if literal_next:
                head = line.rstrip()[:-2].rstrip()
                if head:
                    out.append(_inline_rst(head + ("" if head.endswith(":") else ":")))
                i += 1
            block: list[str] = []
            while i < len(lines) and (
                not lines[i].strip() or lines[i].startswith((" ", "\t", ">>>"))
            ):
                block.append(lines[i])
                i += 1
                if not literal_next and not lines[i - 1].strip():
                    break
            code = "\n".join(block).strip("\n")
            if code:
                out += ["", "```", code, "```", ""]
            continue
        out.append(_inline_rst(line))
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------- sources


def site_packages() -> Path:
    """The running interpreter's site-packages (the dist-info folders live there)."""
    return Path(sysconfig.get_paths()["purelib"])


def metadata_description(path: Path) -> tuple[str, str]:
    """The long description of a ``METADATA`` file and its content type."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    head, _, body = raw.partition("\n\n")
    kind = ""
    for line in head.split("\n"):
        if line.lower().startswith("description-content-type:"):
            kind = line.split(":", 1)[1].strip().lower()
    return body, kind


def pypi_docs() -> list[Doc]:
    """READMEs of the installed distributions (Markdown as is, RST converted)."""
    docs = []
    for path in sorted(site_packages().glob("*.dist-info/METADATA")):
        body, kind = metadata_description(path)
        if "markdown" in kind:
            text = body
        elif "rst" in kind or not kind:
            text = rst_to_markdown(body)
        else:
            continue  # text/plain descriptions are mostly licence or changelog dumps
        key = "pypi-" + path.parent.name.split("-")[0].lower()
        if key in OWN:
            continue
        docs += cut(key, "en", "markdown", str(path), text)
    return docs


_INDENTED = re.compile(r"^ {3,}\S")
_TABLE = re.compile(r"^\s*[+|]")


def pydoc_to_markdown(text: str) -> str:
    """A pydoc topic as Markdown: ``***`` headings, literal blocks (indented after a line
    ending in ``:``) fenced, grid tables dropped."""
    out: list[str] = []
    prev = last_text = ""
    code: list[str] = []
    for line in text.split("\n"):
        if code and (not line.strip() or _INDENTED.match(line)):
            code.append(line)
            continue
        if code:
            out += ["```", "\n".join(code).rstrip(), "```", ""]
            code = []
        if _UNDERLINE.match(line) and prev.strip() and out:
            out[-1] = "## " + prev.strip()
        elif _TABLE.match(line):
            pass
        elif _INDENTED.match(line) and not prev.strip() and last_text.rstrip().endswith(":"):
            code = [line]
        else:
            out.append(line)
            if line.strip():
                last_text = line
        prev = line
    if code:
        out += ["```", "\n".join(code).rstrip(), "```"]
    return "\n".join(out)


def pydoc_docs() -> list[Doc]:
    """The Python reference's topics of the base interpreter."""
    path = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    path = path / "pydoc_data" / "topics.py"
    if not path.exists():
        print(f"skipped: pydoc: no {path}", file=sys.stderr)
        return []
    scope: dict[str, Any] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), scope)  # noqa: S102
    docs = []
    for name, text in sorted(scope["topics"].items()):
        docs += cut(f"pydoc-{name}", "en", "markdown", f"{path}:{name}", pydoc_to_markdown(text))
    return docs


# Standard-library folders that are tests, tools or generated tables rather than documented API.
_STDLIB_SKIP = frozenset(
    "test tests idlelib lib2to3 turtledemo ensurepip site-packages pydoc_data encodings "
    "__pycache__ __phello__ config".split()
)
_DOCTEST = re.compile(r"^\s*(>>>|\.\.\.)( |$)")


def _fence_doctests(text: str) -> str:
    """Doctest sessions (``>>>`` lines and the output up to a blank line) as fenced code."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if _DOCTEST.match(line) and not inside:
            out.append("```")
            inside = True
        elif inside and not line.strip():
            out.append("```")
            inside = False
        out.append(line)
    if inside:
        out.append("```")
    return "\n".join(out)


def _docstrings(path: Path) -> str:
    """The module's docstring, then its public classes' and functions' that say something."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return ""
    texts = [ast.get_docstring(tree) or ""]
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node) or ""
            if not node.name.startswith("_") and len(doc.split()) >= MIN_DOCSTRING_WORDS:
                texts.append(doc)
    return "\n\n".join(_fence_doctests(t) for t in texts if t.strip())


def stdlib_docs() -> list[Doc]:
    """Docstrings of the base interpreter's standard library, one document set per module."""
    root = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    if not root.is_dir():
        print(f"skipped: stdlib: no {root}", file=sys.stderr)
        return []
    docs = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if any(part in _STDLIB_SKIP or part.startswith("test") for part in rel.parts):
            continue
        name = ".".join(rel.with_suffix("").parts)
        text = _docstrings(path)
        if text:
            docs += cut(f"stdlib-{name}", "en", "markdown", str(path), pydoc_to_markdown(text))
    return docs


_DOC_FILES = re.compile(r"^(README|NEWS)(\.(md|txt|rst|Debian))?(\.gz)?$")


def debian_docs(root: Path = Path("/usr/share/doc")) -> list[Doc]:
    """READMEs and NEWS of installed packages, one copy of identical files."""
    if not root.is_dir():
        print(f"skipped: debian: no {root}", file=sys.stderr)
        return []
    seen: set[str] = set()
    docs = []
    for path in sorted(root.glob("*/*")):
        if not _DOC_FILES.match(path.name) or not path.is_file():
            continue
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        text = data.decode("utf-8", errors="replace")
        md = ".md" in path.name
        if ".rst" in path.name:
            text, md = rst_to_markdown(text), True
        name = re.sub(r"[^\w]+", "-", path.name.removesuffix(".gz")).lower()
        key = f"debian-{path.parent.name}-{name}"
        docs += cut(key, "en", "markdown" if md else "text", str(path), text)
    return docs


def catalogues() -> list[str]:
    """The Italian message catalogues installed here."""
    return sorted(glob.glob("/usr/share/locale/it/LC_MESSAGES/*.mo")) + sorted(
        glob.glob("/usr/share/vim/vim*/lang/it/LC_MESSAGES/vim.mo")
    )


def gettext_docs() -> list[Doc]:
    """Long Italian translations, one catalogue's messages joined into post-sized documents."""
    paths = catalogues()
    if not paths:
        print("skipped: gettext: no Italian .mo catalogues", file=sys.stderr)
        return []
    seen: set[str] = set()
    docs = []
    for p in paths:
        try:
            catalog = gettext.GNUTranslations(open(p, "rb"))._catalog  # noqa: SIM115
        except (OSError, UnicodeDecodeError) as exc:
            print(f"skipped: {p}: {exc}", file=sys.stderr)
            continue
        msgs = []
        for key, value in sorted(catalog.items(), key=lambda kv: str(kv[0])):
            if key and isinstance(value, str) and len(value.split()) >= MIN_MSG_WORDS:
                if value.strip() not in seen:
                    seen.add(value.strip())
                    msgs.append(value.strip())
        text = "\n\n".join(msgs)
        name = Path(p).stem if "vim" not in p else "vim"
        for part in sections(text, MAX_WORDS // 2):
            docs.append(Doc(f"gettext-{name}-{len(docs) + 1}", "it", "text", p, part + "\n"))
    return docs


SOURCES = {
    "pypi": pypi_docs,
    "pydoc": pydoc_docs,
    "stdlib": stdlib_docs,
    "debian": debian_docs,
    "gettext": gettext_docs,
}


def all_sources() -> dict[str, Any]:
    """The first five sources and the ones added later (``heldout_more.py``), by name."""
    from heldout_more import MORE  # imported late: it builds on this module's Doc and cut

    return {**SOURCES, **MORE}


def compose(out: Path, names: Iterable[str]) -> list[Doc]:
    """Read every source, write each document as a file under *out*/docs and a JSONL of them."""
    sources = all_sources()
    docs = [d for name in names for d in sources[name]()]
    target = out / "docs"
    if target.exists():
        shutil.rmtree(target)
    for d in docs:
        folder = target / d.lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{d.id}.{'md' if d.format == 'markdown' else 'txt'}").write_text(d.text, "utf-8")
    with (out / f"{NAME}.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            row = {
                "id": d.id,
                "text": d.text,
                "label": "good",
                "lang": d.lang,
                "format": d.format,
                "source": d.origin,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return docs


def doc_path(out: Path, d: Doc) -> str:
    return str(out / "docs" / d.lang / f"{d.id}.{'md' if d.format == 'markdown' else 'txt'}")


# ---------------------------------------------------------------- measuring


def report(scored: list[Scored], proselint: dict[str, float] | None) -> str:
    """Per language: documents, words, the eval's writing rates, readability, per-rule hits."""
    corpus = Corpus(NAME, Path(NAME), [s.row for s in scored], "writing")
    result = measure_writing(corpus, scored, 0.0)
    lines = []
    for g in result.groups:
        mine = [s for s in scored if s.row.lang == g.lang]
        words = g.words["good"]
        lines.append(f"{g.lang}: {len(mine)} documents, {words:,} words")
        cats = (*RATE_CATEGORIES, "total")
        lines.append("  per 1,000 words       " + "".join(f"{c:>8}" for c in cats))
        for kind, rates in (("warning+error", g.warn), ("all severities", g.all)):
            lines.append(f"  {kind:<22}" + "".join(f"{rates['good'][c]:>8.2f}" for c in cats))
        readability = [h for s in mine for h in s.hits if h.category == "readability"]
        gdl = sum(1 for h in readability if h.rule == "GDL001")
        lines.append(
            f"  readability per 1,000 words: {per_thousand(len(readability), words):.2f} "
            f"(GDL001 sentence length {per_thousand(gdl, words):.2f}, {gdl} findings)"
        )
        if proselint is not None:
            lines.append(f"  proselint per 1,000 words: {proselint[g.lang]:.2f}")
        counts = Counter((h.rule, h.category, h.severity) for s in mine for h in s.hits)
        lines.append(
            "  hits per rule: "
            + ", ".join(f"{r} {c}/{sev} {n}" for (r, c, sev), n in counts.most_common())
        )
    return "\n".join(lines)


def records(scored: list[Scored], docs: dict[str, Doc], out: Path) -> list[dict[str, Any]]:
    """Every finding as the eval's review record, plus the document's file and its origin."""
    rows = candidates({NAME: scored}, [NAME])
    for r in rows:
        d = docs[r["row"]]
        r["source"] = doc_path(out, d)
        r["origin"] = d.origin
    return rows


def review_set(rows: list[dict[str, Any]], cap: int, seed: int) -> list[dict[str, Any]]:
    """All bland/pushy/SEO findings and all sentence-length findings (at most *cap*, at random)."""
    detect = [r for r in rows if r["category"] in REVIEW_CATEGORIES]
    lengths = [r for r in rows if r["rule"] in REVIEW_RULES]
    if len(lengths) > cap:
        lengths = random.Random(seed).sample(lengths, cap)
    return sorted(detect + lengths, key=lambda r: (r["row"], r["start"], r["rule"]))


def proselint_rates(scored: list[Scored]) -> dict[str, float]:
    """proselint's findings per 1,000 words (brandguard's word count) per language."""
    _, counts, _ = peers.proselint_counts([s.row.text for s in scored])
    out = {}
    for lang in sorted({s.row.lang for s in scored}):
        pairs = [(s, c) for s, c in zip(scored, counts, strict=True) if s.row.lang == lang]
        out[lang] = per_thousand(sum(c for _, c in pairs), sum(s.words for s, _ in pairs))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="folder for the composed documents")
    ap.add_argument(
        "--sources",
        default=",".join(SOURCES),
        help="comma-separated: " + ",".join(all_sources()) + "; 'more' for the later ones",
    )
    ap.add_argument("--sample", type=int, default=0, help="N findings per language (as the eval)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample-out", type=Path, help="write the sample as JSONL")
    ap.add_argument(
        "--review-out",
        type=Path,
        help="write every bland/pushy/SEO finding and the GDL001 ones (capped) as JSONL",
    )
    ap.add_argument("--review-cap", type=int, default=150)
    ap.add_argument(
        "--judged",
        type=Path,
        help="judged findings (a review file with verdicts): precision where they still fire",
    )
    ap.add_argument("--proselint", action="store_true", help="proselint side by side")
    args = ap.parse_args(argv)
    names = [n for n in args.sources.split(",") if n]
    if "more" in names:
        from heldout_more import MORE

        names = [x for n in names for x in (MORE if n == "more" else [n])]
    unknown = [n for n in names if n not in all_sources()]
    if unknown:
        ap.error(f"unknown sources: {', '.join(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    docs = compose(args.out, names)
    if not docs:
        print("error: no source found on this machine", file=sys.stderr)
        return 2
    rows = [Row(d.id, d.text, "good", d.lang, d.format) for d in docs]
    scored, seconds = score_rows(rows, Policies())
    print(
        f"{len(docs)} documents from {', '.join(names)} in {args.out}/docs; checked in {seconds:.1f} s"
    )
    print(report(scored, proselint_rates(scored) if args.proselint else None))
    by_id = {d.id: d for d in docs}
    every = records(scored, by_id, args.out)
    if args.sample and args.sample_out:
        write_sample(sample(every, args.sample, args.seed, SAMPLE_CATEGORIES), args.sample_out)
        print(f"sample written to {args.sample_out}")
    if args.judged:
        check = judged.check(judged.load(args.judged), {NAME: scored})
        # the list of judged-wrong findings still firing is long here: keep the summary lines
        lines = format_judged(check, str(args.judged)).split("\n")
        print("\n".join(x for x in lines if not x.startswith(f"  {NAME}:")))
        lost = [e for e in check.gone if e["verdict"]]
        print(f"judged-true findings that no longer fire: {len(lost)}")
        for e in lost:
            print(f"  {e['row']} {e['rule']} '{e.get('match', '')}' — {e.get('reason', '')}")
    if args.review_out:
        chosen = review_set(every, args.review_cap, args.seed)
        write_sample(chosen, args.review_out)
        print(f"{len(chosen)} findings for review written to {args.review_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
