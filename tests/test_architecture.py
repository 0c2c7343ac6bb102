"""The package's folders are its layers: contracts (import-linter), no import cycles, small modules,
and docs/architecture.md's tree is the tree on disk."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "brandguard"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path) -> set[str]:
    """Every brandguard module ``name`` imports: module level, in functions, under TYPE_CHECKING."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def add(target: str) -> None:
        while target and target not in MODULES:  # `from x import some_function`
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "brandguard":
                    add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != "brandguard":
                continue
            for alias in node.names:
                add(f"{source}.{alias.name}")
    return found


def test_no_import_cycles_between_modules() -> None:
    graph = {name: imported_modules(name, path) for name, path in MODULES.items()}
    assert graph["brandguard.text.measures"] >= {"brandguard.text.syllables"}  # sanity
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str], on_stack: set[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in on_stack:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in done:
                stack.append(nxt)
                on_stack.add(nxt)
                visit(nxt, stack, on_stack)
                on_stack.discard(stack.pop())
        done.add(node)

    for start in sorted(graph):
        if start not in done:
            visit(start, [start], {start})
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_import_contracts_hold() -> None:
    lint = pytest.importorskip("importlinter.cli", reason="import-linter is in the test extra")
    assert (
        lint.lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True, no_logo=True)
        == 0
    )


def test_no_module_over_400_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long


def test_architecture_doc_shows_the_tree_on_disk() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = doc.split("```text\n", 1)[1].split("```", 1)[0]
    listed: set[str] = set()
    folder: list[str] = []
    for line in tree.splitlines()[1:]:  # the first line is src/brandguard/
        match = re.match(r"^((?:│   |    )*)(?:├── |└── )(\S+)(.*)$", line)
        assert match, line
        depth = len(match.group(1)) // 4
        entry, modules = match.group(2), match.group(3).split()
        folder = folder[:depth]
        if entry.endswith("/"):  # a subpackage and its modules on one line
            folder.append(entry.rstrip("/"))
            listed.update("/".join([*folder, f"{m}.py"]) for m in modules)
        else:
            listed.add("/".join([*folder, entry]))
    on_disk = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")}
    assert listed == on_disk
