"""Find the bundled rule packs and policies.

In an installed wheel they live in ``brandguard/_data/``; in a source checkout (editable install,
tests run from the repo) they are the repository's top-level ``rules/`` and ``policies/``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(kind: str) -> Path:
    """Return the directory holding bundled ``rules`` or ``policies``."""
    packaged = Path(str(resources.files("brandguard"))) / "_data" / kind
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / kind  # src/brandguard/policy/resources.py
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled {kind}/ directory not found (broken installation?)")


def bundled_pack(name: str) -> Path | None:
    """Path of the bundled pack ``name`` (e.g. ``en/pushy``), or None."""
    path = data_dir("rules") / f"{name}.yaml"
    return path if path.is_file() else None


def bundled_policy(name: str) -> Path | None:
    """Path of the bundled policy ``name`` (e.g. ``default`` or ``examples/acme-coffee``)."""
    path = data_dir("policies") / f"{name}.yaml"
    return path if path.is_file() else None


def resolve_ref(ref: str, base_dir: Path | None, bundled: Callable[[str], Path | None]) -> Path:
    """A policy or pack reference: a path (relative to ``base_dir``) or a bundled name.

    Anything that looks like a path (a ``.yaml`` suffix, ``./``, ``/``, ``~``) is a path; otherwise
    the bundled name wins, then an existing file of that name. Raises KeyError when neither exists.
    """
    path = Path(ref).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if ref.endswith((".yaml", ".yml")) or ref.startswith((".", "/", "~")):
        return path
    found = bundled(ref)
    if found is not None:
        return found
    if path.is_file():
        return path
    raise KeyError(ref)


def bundled_pack_names() -> list[str]:
    root = data_dir("rules")
    return sorted(p.relative_to(root).with_suffix("").as_posix() for p in root.rglob("*.yaml"))


def bundled_policy_names() -> list[str]:
    root = data_dir("policies")
    return sorted(p.relative_to(root).with_suffix("").as_posix() for p in root.rglob("*.yaml"))
