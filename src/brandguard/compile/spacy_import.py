"""Import spaCy without its command line: ``spacy.cli`` runs when something first reads it.

Why: ``import spacy`` executes ``from .cli.info import info`` (to export ``spacy.info``), and
``spacy.cli`` imports every command of spaCy's own CLI with their libraries (typer, weasel,
httpx, requests, rich, jinja2, a YAML config read at import): 0.2 s of the 0.7 s that
``import spacy`` costs, about a third of ``brandguard check one.md``, for modules a check never
runs (nothing else in spaCy imports ``spacy.cli``). ``import_spacy`` imports spaCy with those two
modules created but not executed; the first name read from either that they do not hold yet
(``from spacy.cli import download``, ``spacy.cli.info.info_cli``), or a call of ``spacy.info``,
executes the real module in place. Nothing is lost, only deferred; an import of spaCy that did
not go through ``import_spacy`` (spaCy already imported, the Python API) is untouched.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any

# module -> the names spaCy's own import reads from it, which stand in until it runs
DEFERRED: dict[str, tuple[str, ...]] = {"spacy.cli": (), "spacy.cli.info": ("info",)}
_importing = False  # inside import_spacy: the import system's probes of a module run nothing


def import_spacy() -> None:
    """Import spaCy (once per process) with ``DEFERRED`` not executed yet."""
    global _importing
    if "spacy" in sys.modules:
        return
    finder = _Finder()
    sys.meta_path.insert(0, finder)
    _importing = True
    try:
        import spacy  # noqa: F401
    finally:
        _importing = False
        sys.meta_path.remove(finder)
    for name in DEFERRED:
        module = sys.modules.get(name)
        if isinstance(module, _Deferred) and "__path__" in module.__dict__:
            # importing a submodule reads the package's __path__: from now on that runs the
            # package first, as a real import does
            _later(module).path = module.__dict__.pop("__path__")


def deferred(module: types.ModuleType) -> bool:
    """True while ``module`` (one of ``DEFERRED``) has not run its code."""
    return isinstance(module, _Deferred)


class _Deferred(types.ModuleType):
    """A module whose code runs on the first read of a name it does not hold."""

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" == name[-2:] and (_importing or name not in ("__path__", "__all__")):
            raise AttributeError(name)  # the import system probing (hasattr __path__...)
        _run(self)
        return getattr(self, name)


def _later(module: types.ModuleType) -> _Later:
    later = module.__spec__.loader if module.__spec__ is not None else None
    assert isinstance(later, _Later)
    return later


def _run(module: types.ModuleType) -> None:
    """Execute a deferred module's real code in place (once); it is then a plain module."""
    if not isinstance(module, _Deferred):
        return
    later = _later(module)
    module.__class__ = types.ModuleType  # from here every read is an ordinary one
    if later.path is not None:
        module.__path__ = later.path
    module.__spec__.loader = module.__loader__ = later.real
    later.real.exec_module(module)


def _forwarder(module: types.ModuleType, name: str) -> Callable[..., Any]:
    """What stands for ``module.name`` until the module runs: a call runs it and forwards."""

    def forward(*args: Any, **kwargs: Any) -> Any:
        _run(module)
        return getattr(module, name)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    forward.__module__ = module.__name__
    return forward


class _Later(importlib.abc.Loader):
    """Creates the module as the real loader would, and leaves its code for later."""

    def __init__(self, real: importlib.abc.Loader, names: Sequence[str]) -> None:
        self.real = real
        self.names = names
        self.path: list[str] | None = None  # a package's __path__, held back after the import

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.real.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__class__ = _Deferred
        for name in self.names:
            setattr(module, name, _forwarder(module, name))


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``DEFERRED`` where the path finder does, with their loading deferred."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        names = DEFERRED.get(fullname)
        if names is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = _Later(spec.loader, names)
        return spec
