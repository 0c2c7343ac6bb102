"""brandguard: keep published words on-brand.

>>> from brandguard import check_text
>>> result = check_text("Act now!!! Last chance to leverage our synergies.")
>>> result.score.total < 100
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .api import check_text, check_texts
    from .policy.loader import load_policy


def __getattr__(name: str) -> Any:
    # Lazy: `brandguard --help` must not pay for importing spaCy.
    if name in ("check_text", "check_texts"):
        from . import api

        return getattr(api, name)
    if name == "load_policy":
        from .policy.loader import load_policy

        return load_policy
    raise AttributeError(name)


__all__ = ["check_text", "check_texts", "load_policy", "__version__"]
