"""The compiled policy of every file of a run: the nearest policy above it, compiled once.

``PolicyTree.route(post)`` is what ``engine.check.check_posts`` asks of a router: the post's
nearest policy (``policy/resolution.py``), then that policy compiled for the post's language.
Each config file is loaded through the compiled-policy cache (``cache.load_compiled_config``), so
a mixed run (an English root policy, an Italian one under ``posts/it``) compiles each once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..policy.loader import Policy
from ..policy.resolution import Found, Resolver
from . import cache
from .compiler import CompiledPolicy


class PolicyTree:
    def __init__(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> None:
        self._select, self._ignore = list(select), list(ignore)
        self._resolver = Resolver()
        self._loaded: dict[Any, tuple[Policy, CompiledPolicy]] = {}

    def _load(self, found: Found | None) -> tuple[Policy, CompiledPolicy]:
        key = None if found is None else (str(found[0]), found[1])
        if key not in self._loaded:
            self._loaded[key] = cache.load_compiled_config(found, self._select, self._ignore)
        return self._loaded[key]

    def main(self) -> tuple[Policy, CompiledPolicy]:
        """The working directory's policy: the run's name and scoring in reports."""
        return self._load(self._resolver.fallback())

    def for_path(self, path: str | None) -> tuple[Policy, CompiledPolicy]:
        return self._load(self._resolver.for_path(path))

    def load_found(self, found: Found | None) -> CompiledPolicy:
        """The compiled policy of one config file (None: the bundled default)."""
        return self._load(found)[1]

    def compiled(self) -> list[CompiledPolicy]:
        """The compiled policies this run has loaded so far."""
        return [compiled for _, compiled in self._loaded.values()]

    def route(self, post: Any) -> CompiledPolicy:
        return self._load(self._resolver.for_file(post.path))[1].route(post)

    def policies(self) -> list[Policy]:
        """The policies this run has used so far, in the order they were first needed."""
        return [policy for policy, _ in self._loaded.values()]


def load_run(
    policy_ref: str | None, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[Policy, CompiledPolicy, CompiledPolicy | PolicyTree]:
    """A run's main policy, compiled, and the router that checks its posts: ``--policy`` alone
    when given, else each file's nearest policy."""
    if policy_ref:
        policy, compiled = cache.load_compiled(policy_ref, select, ignore)
        return policy, compiled, compiled
    tree = PolicyTree(select, ignore)
    policy, compiled = tree.main()
    return policy, compiled, tree


def warnings(router: CompiledPolicy | PolicyTree) -> list[str]:
    """The warnings of every policy a run used (packs that never run on a covered language)."""
    policies = router.policies() if isinstance(router, PolicyTree) else [router.policy]
    return [w for policy in policies for w in policy.warnings]
