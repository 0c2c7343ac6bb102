"""More held-out sources for ``heldout.py``: kinds of real writing added after the first five were
tuned on, so they stay an unseen check of whether a fix generalises.

Sources (each skipped with a note when missing):

* ``gitnotes`` (en): Git's release notes (``/usr/share/doc/git/RelNotes/*.txt``), the newest
  ``MAX_RELEASES`` of them: prose paragraphs, bullet lists of changes and shortlogs.
* ``nodejs`` (en): Node.js's project documents (``/usr/share/doc/nodejs``: README, governance,
  contributing guides, the maintainers' guides, including the ones on social media and news).
* ``npm`` (en): npm's documentation (commands, configuration, usage), Markdown with front matter.
* ``perlpod`` (en): Perl's FAQ and tutorials written in POD, converted to Markdown (``pod_to_markdown``).
* ``systemd`` (it): systemd's Italian message catalogue: one explanation per message.
* ``vimtutor`` (it): Vim's Italian tutorial, one document per lesson.
* ``gnupg`` (it): GnuPG's Italian help texts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from heldout import MAX_WORDS, Doc, cut, sections

MAX_RELEASES = 60  # the newest release notes; older ones repeat the same kind of text
MIN_WORDS_IT = 40  # Italian texts are short explanations: keep those that say something


def _skip(name: str, path: Path) -> list[Doc]:
    print(f"skipped: {name}: no {path}", file=sys.stderr)
    return []


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", path.stem))


def gitnotes_docs(root: Path = Path("/usr/share/doc/git/RelNotes")) -> list[Doc]:
    """The newest release notes of Git, as plain text."""
    if not root.is_dir():
        return _skip("gitnotes", root)
    paths = sorted(root.glob("*.txt"), key=_version_key)[-MAX_RELEASES:]
    docs = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        docs += cut(f"gitnotes-{path.stem}", "en", "text", str(path), text)
    return docs


def _markdown_files(name: str, paths: list[Path]) -> list[Doc]:
    docs = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        key = f"{name}-" + re.sub(r"[^\w]+", "-", path.stem).lower()
        docs += cut(key, "en", "markdown", str(path), text)
    return docs


def nodejs_docs(root: Path = Path("/usr/share/doc/nodejs")) -> list[Doc]:
    """Node.js's project and contributor documents (not the API reference or changelogs)."""
    if not root.is_dir():
        return _skip("nodejs", root)
    paths = sorted(root.glob("*.md")) + sorted(root.glob("contributing/**/*.md"))
    return _markdown_files("nodejs", [p for p in paths if "CHANGELOG" not in p.name])


def npm_docs(root: Path = Path("/usr/lib/node_modules/npm/docs/content")) -> list[Doc]:
    """npm's documentation pages."""
    if not root.is_dir():
        return _skip("npm", root)
    return _markdown_files("npm", sorted(root.glob("**/*.md")))


_POD_CODES = re.compile(r"[BICFSLEXZ]<<+\s(.*?)\s>>+|[BICFSLEXZ]<([^<>]*)>")
_POD_ENTITIES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}


def _pod_inline(line: str) -> str:
    """Formatting codes: C<> as code, L<> as its text, the others as their text."""

    def repl(m: re.Match[str]) -> str:
        body = m.group(1) if m.group(1) is not None else m.group(2)
        kind = m.group(0)[0]
        if kind == "C":
            return f"`{body}`"
        if kind == "E":
            return _POD_ENTITIES.get(body, "")
        if kind == "L":
            return body.split("|")[0].split("/")[0] or body
        return "" if kind in "XZ" else body

    for _ in range(3):  # nested codes, innermost first
        line = _POD_CODES.sub(repl, line)
    return line


def pod_to_markdown(text: str) -> str:
    """POD as Markdown: ``=head`` headings, ``=item`` bullets, verbatim paragraphs fenced."""
    out: list[str] = []
    start = re.search(r"^=\w", text, flags=re.M)  # comments before the first command are not POD
    for para in re.split(r"\n\s*\n", text[start.start() if start else 0 :]):
        if not para.strip():
            continue
        if para.startswith("="):
            cmd, _, rest = para.partition(" ")
            if cmd.startswith("=head"):
                out.append("#" * int(cmd[5:] or 1) + " " + _pod_inline(rest.strip()))
            elif cmd == "=item":
                out.append("- " + _pod_inline(rest.strip().lstrip("*").strip()))
            continue
        if para[0] in " \t":
            out.append("```\n" + para.rstrip() + "\n```")
        else:
            out.append(_pod_inline(para.strip()))
    return "\n\n".join(out)


_POD_FILES = ("FAQ", "Tutorial", "Cookbook", "HOWTO", "Beyond", "TPJ13")


def perlpod_docs(root: Path = Path("/usr/share/perl")) -> list[Doc]:
    """Perl's FAQs, tutorials and cookbooks."""
    if not root.is_dir():
        return _skip("perlpod", root)
    docs = []
    seen: set[Path] = set()  # perl/5.36 and perl/5.36.0 are the same folder
    for path in sorted(root.glob("*/**/*.pod")):
        if path.stem not in _POD_FILES or path.resolve() in seen:
            continue
        seen.add(path.resolve())
        text = pod_to_markdown(path.read_text(encoding="utf-8", errors="replace"))
        key = "perlpod-" + re.sub(r"[^\w]+", "-", str(path.relative_to(root))).lower()
        docs += cut(key, "en", "markdown", str(path), text)
    return docs


def _italian(name: str, path: Path, texts: list[str]) -> list[Doc]:
    docs = []
    for text in texts:
        for part in sections(text, MAX_WORDS // 2):
            if len(part.split()) >= MIN_WORDS_IT:
                docs.append(Doc(f"{name}-{len(docs) + 1}", "it", "text", str(path), part + "\n"))
    return docs


def systemd_docs(path: Path = Path("/usr/lib/systemd/catalog/systemd.it.catalog")) -> list[Doc]:
    """The explanations of systemd's Italian message catalogue (headers and comments dropped)."""
    if not path.is_file():
        return _skip("systemd", path)
    entries = re.split(r"^-- [0-9a-f]{32}\n", path.read_text(encoding="utf-8"), flags=re.M)[1:]
    texts = []
    for entry in entries:
        lines = [x for x in entry.split("\n") if not x.startswith("#")]
        head, _, body = "\n".join(lines).partition("\n\n")
        subject = next((x[9:] for x in head.split("\n") if x.startswith("Subject: ")), "")
        texts.append((subject + "\n\n" + body).strip())
    return _italian("systemd", path, ["\n\n".join(texts)])


def vimtutor_docs(path: Path = Path("/usr/share/vim/vim90/tutor/tutor.it.utf-8")) -> list[Doc]:
    """Vim's Italian tutorial, one document per lesson (the banner lines dropped)."""
    found = sorted(Path("/usr/share/vim").glob("vim*/tutor/tutor.it.utf-8"))
    if not found:
        return _skip("vimtutor", path)
    text = found[-1].read_text(encoding="utf-8")
    lessons = re.split(r"^~{10,}\s*$", text, flags=re.M)
    cleaned = [re.sub(r"^=+\s*$|^=.*=\s*$", "", x, flags=re.M).strip() for x in lessons]
    return _italian("vimtutor", found[-1], [x for x in cleaned if x])


def gnupg_docs(path: Path = Path("/usr/share/gnupg/help.it.txt")) -> list[Doc]:
    """GnuPG's Italian help texts (``.key`` markers and comments dropped)."""
    if not path.is_file():
        return _skip("gnupg", path)
    text = path.read_text(encoding="utf-8", errors="replace")
    kept = [x for x in text.split("\n") if not x.startswith(("#", "."))]
    return _italian("gnupg", path, ["\n".join(kept)])


MORE = {
    "gitnotes": gitnotes_docs,
    "nodejs": nodejs_docs,
    "npm": npm_docs,
    "perlpod": perlpod_docs,
    "systemd": systemd_docs,
    "vimtutor": vimtutor_docs,
    "gnupg": gnupg_docs,
}
