"""Which policy governs a file: the nearest ``.brandguard.yaml`` (or ``[tool.brandguard]``) above it.

Like ruff and ESLint: a file is governed by the config file nearest above it, so
``posts/it/.brandguard.yaml`` governs ``posts/it/**`` whatever directory brandguard runs from (the
repository root in pre-commit). A file with no config above it is governed by the one found from
the working directory, else by the bundled default. ``--policy`` overrides all of this. A nested
policy builds on its parent with ``extends: ../.brandguard.yaml`` (paths are relative to the
policy file). Lookups are remembered per directory, so a run over many files walks each folder once.
"""

from __future__ import annotations

import os
from pathlib import Path

from .config import discover

Found = tuple[Path, str | None]  # the config file, and for pyproject.toml the policy text


class Resolver:
    """Nearest-config lookups for one run."""

    def __init__(self, cwd: Path | None = None) -> None:
        self._cwd = (cwd or Path.cwd()).resolve()
        self._folders: dict[Path, Found | None] = {}
        self._named: dict[str, Found | None] = {}  # for_file: a folder's name as posts give it
        self._fallback: Found | None | bool = False  # False: not looked up yet

    def fallback(self) -> Found | None:
        """The config found from the working directory (None: the bundled default)."""
        if self._fallback is False:
            self._fallback = discover(self._cwd)
        return self._fallback  # type: ignore[return-value]

    def for_path(self, path: str | None) -> Found | None:
        """The config governing the file ``path`` (None, ``-`` or ``<text>``: the fallback)."""
        if not path or path == "-" or path.startswith("<"):
            return self.fallback()
        folder = Path(path)
        folder = (folder if folder.is_dir() else folder.parent).resolve()
        if folder not in self._folders:
            self._folders[folder] = discover(folder)
        return self._folders[folder] or self.fallback()

    def for_file(self, path: str | None) -> Found | None:
        """``for_path`` of the file a post was read from, remembered by the folder's name as
        given: the rows of an export, or the files of one folder, resolve the path once."""
        if not path or path == "-" or path.startswith("<"):
            return self.fallback()
        folder = os.path.dirname(path)
        found = self._named.get(folder, False)
        if found is False:
            found = self._named[folder] = self.for_path(path)
        return found  # type: ignore[return-value]


def describe(found: Found | None) -> str:
    """Where a policy came from, for `policy show FILE`: its file, or the bundled default."""
    return str(found[0]) if found else "the bundled default policy (no .brandguard.yaml above)"
