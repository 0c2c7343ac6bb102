"""``brandguard init``: write a starter ``.brandguard.yaml`` that validates, commented for editing.

The text is built here and checked with the real loader before anything touches the disk; the
write is atomic and never replaces an existing file unless asked to (``force``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import BrandguardError
from ..policy.disclosure_packs import DISCLOSURE_PACKS
from ..policy.loader import load_policy
from ..policy.resources import bundled_policy
from .atomic import atomic_writer

LANGUAGES = ("en", "it")
REGULATORS = {"us": "FTC", "uk": "CAP/ASA", "it": "AGCM/IAP"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "my-brand"


def _base(language: str) -> str:
    if language == "en":
        return "extends: default            # the bundled checks for English: bland, pushy, SEO"
    if bundled_policy("default-it"):
        return "extends: default-it         # the bundled checks for Italian: bland, pushy, SEO"
    return "language: it                # Italian posts (tokenizer, readability, disclosures)"


def starter_policy(
    language: str = "en", jurisdictions: list[str] | tuple[str, ...] = (), brand: str | None = None
) -> str:
    """The starter policy text (YAML with comments)."""
    if language not in LANGUAGES:
        raise BrandguardError(f"unknown language '{language}'; expected one of: en, it")
    unknown = [j for j in jurisdictions if j not in DISCLOSURE_PACKS]
    if unknown:
        raise BrandguardError(
            f"unknown jurisdiction '{unknown[0]}'; expected one of: {', '.join(DISCLOSURE_PACKS)}"
        )
    codes = list(dict.fromkeys(jurisdictions))
    name = brand.strip() if brand and brand.strip() else None
    lines = [
        "# brandguard policy: `brandguard check` reads this file from here or any parent folder.",
        "# Every section is explained in docs/policies.md; `brandguard policy show --sources`",
        "# prints the resolved policy and where each value comes from.",
        f"policy: {_slug(name or 'my-brand')}",
        _base(language),
        "",
    ]
    if codes:
        regulators = ", ".join(REGULATORS[c] for c in codes)
        lines += [
            "# Sponsored posts (metadata `sponsored: true` or `relationship: paid|gifted|affiliate|invited`)",
            f"# must carry a clear disclosure at the top ({regulators}).",
            "disclosures:",
            f"  jurisdictions: [{', '.join(codes)}]",
            "",
        ]
    lines += ["# Canonical names: case and spacing variants are flagged and fixed automatically."]
    if name:
        lines += [
            "terminology:",
            f"  {json.dumps(name, ensure_ascii=False)}: []"
            "   # e.g. [old name]; use {derive: false} if it is also a common word",
            '  # "Product Name": {flag: [ProductName], mark: "™"}',
            "  # competitors: [Other Brand]",
        ]
    else:
        lines += [
            "# terminology:",
            "#   BrandName: [old name]",
            "#   competitors: [Other Brand]",
        ]
    lines += [
        "",
        "tone:",
        "  sentence_words: 25          # words per sentence, at most",
        "  exclamations: 1             # exclamation marks per post, at most",
        "  # voice: we-you             # or third-person",
        "  # contractions: allow       # allow | avoid | prefer",
        "",
        "# Limits per channel, for posts whose metadata says `channel: x` (or instagram, ...).",
        "# Platform hard limits (280 characters on X, ...) apply to every channel listed.",
        "channels:",
        "  x: {hashtags: 2}",
        "  instagram: {hashtags: 5}",
        "  linkedin: {hashtags: 3}",
        "",
        "# banned:",
        "#   - phrase: world-class",
        '#     suggest: "say what is better, with a number"',
        "",
        "scoring:",
        "  fail_under: 70              # posts scoring under this fail the check",
        "",
    ]
    return "\n".join(lines)


def write_starter(path: Path, text: str, force: bool = False) -> None:
    """Validate ``text`` as a policy at ``path``, then write it atomically."""
    if path.exists() and not force:
        raise BrandguardError(f"{path} already exists; use --force to overwrite it")
    load_policy(path, text=text)  # a starter that does not validate is a bug: fail loudly
    with atomic_writer(path) as out:
        out.write(text)
