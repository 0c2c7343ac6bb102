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


# The starter's comments, in the policy's language (the keys and values stay YAML).
COMMENTS = {
    "en": {
        "head": [
            "# brandguard policy: `brandguard check` reads this file from here or any parent folder.",
            "# Every section is explained in docs/policies.md; `brandguard policy show --sources`",
            "# prints the resolved policy and where each value comes from.",
        ],
        "base": "# the bundled checks for English: bland, pushy, SEO, disclosures",
        "language": "# Italian posts (tokenizer, readability, disclosures)",
        "disclosures": [
            "# Sponsored, gifted and affiliate posts (metadata `sponsored: true` or",
            "# `relationship: paid|gifted|affiliate|invited`, or content that looks sponsored) need a",
            "# clear disclosure at the start: checked by default in every language. Name your",
            "# jurisdictions to apply their regulators' own rules instead ({regulators}).",
        ],
        "terminology": "# Canonical names: case and spacing variants are flagged and fixed automatically.",
        "term_hint": "   # e.g. [old name]; use {derive: false} if it is also a common word",
        "sentence_words": "# words per sentence, at most",
        "exclamations": "# exclamation marks per post, at most",
        "voice": "# or third-person",
        "contractions": "# allow | avoid | prefer",
        "channels": [
            "# Limits per channel, for posts whose metadata says `channel: x` (or instagram, ...).",
            "# Platform hard limits (280 characters on X, ...) apply to every channel listed.",
        ],
        "banned_suggest": "say what is better, with a number",
        "examples": ["BrandName: [old name]", "Product Name", "[Other Brand]"],
        "fail_under": "# posts scoring under this fail the check",
    },
    "it": {
        "head": [
            "# Policy di brandguard: `brandguard check` legge questo file da questa cartella o da una",
            "# cartella superiore. Ogni sezione è spiegata in docs/policies.md; `brandguard policy",
            "# show --sources` mostra la policy risolta e da dove viene ogni valore.",
        ],
        "base": "# i controlli inclusi per l'italiano: banale, insistente, SEO, avvertenze",
        "language": "# post in italiano (tokenizzazione, leggibilità, avvertenze)",
        "disclosures": [
            "# I post sponsorizzati, con prodotti in regalo o link di affiliazione (metadati",
            "# `sponsored: true` o `relationship: paid|gifted|affiliate|invited`, o un contenuto che",
            "# sembra sponsorizzato) richiedono un'avvertenza chiara all'inizio: controllata sempre,",
            "# in ogni lingua. Indica le giurisdizioni per applicare le regole delle loro autorità",
            "# ({regulators}).",
        ],
        "terminology": "# Nomi canonici: le varianti di maiuscole e spazi vengono segnalate e corrette.",
        "term_hint": "   # ad es. [vecchio nome]; usa {derive: false} se è anche una parola comune",
        "sentence_words": "# parole per frase, al massimo",
        "exclamations": "# punti esclamativi per post, al massimo",
        "voice": "# oppure third-person",
        "contractions": "# allow | avoid | prefer",
        "channels": [
            "# Limiti per canale, per i post i cui metadati dicono `channel: x` (o instagram, ...).",
            "# I limiti delle piattaforme (280 caratteri su X, ...) valgono per ogni canale elencato.",
        ],
        "banned_suggest": "di' in che cosa è migliore, con un numero",
        "examples": ["NomeMarchio: [vecchio nome]", "Nome Prodotto", "[Altro Marchio]"],
        "fail_under": "# i post con un punteggio inferiore non superano il controllo",
    },
}


def _base(language: str, words: dict) -> str:
    if language == "en":
        return f"extends: default            {words['base']}"
    if bundled_policy("default-it"):
        return f"extends: default-it         {words['base']}"
    return f"language: it                {words['language']}"


def _disclosures(codes: list[str], words: dict) -> list[str]:
    """The disclosures section: the jurisdictions chosen, or all of them commented out."""
    regulators = ", ".join(f"{c}: {REGULATORS[c]}" for c in (codes or DISCLOSURE_PACKS))
    lines = [line.replace("{regulators}", regulators) for line in words["disclosures"]]
    if codes:
        return [*lines, "disclosures:", f"  jurisdictions: [{', '.join(codes)}]", ""]
    return [*lines, "# disclosures:", f"#   jurisdictions: [{', '.join(DISCLOSURE_PACKS)}]", ""]


def starter_policy(
    language: str = "en", jurisdictions: list[str] | tuple[str, ...] = (), brand: str | None = None
) -> str:
    """The starter policy text (YAML with comments in ``language``)."""
    if language not in LANGUAGES:
        raise BrandguardError(f"unknown language '{language}'; expected one of: en, it")
    unknown = [j for j in jurisdictions if j not in DISCLOSURE_PACKS]
    if unknown:
        raise BrandguardError(
            f"unknown jurisdiction '{unknown[0]}'; expected one of: {', '.join(DISCLOSURE_PACKS)}"
        )
    words = COMMENTS[language]
    codes = list(dict.fromkeys(jurisdictions))
    name = brand.strip() if brand and brand.strip() else None
    simple, product, other = words["examples"]
    lines = [
        *words["head"],
        f"policy: {_slug(name or 'my-brand')}",
        _base(language, words),
        "",
        *_disclosures(codes, words),
        words["terminology"],
    ]
    if name:
        lines += [
            "terminology:",
            f"  {json.dumps(name, ensure_ascii=False)}: []" + words["term_hint"],
            f'  # "{product}": {{flag: [{product.replace(" ", "")}], mark: "™"}}',
            f"  # competitors: {other}",
        ]
    else:
        lines += [
            "# terminology:",
            f"#   {simple}",
            f"#   competitors: {other}",
        ]
    lines += [
        "",
        "tone:",
        f"  sentence_words: 25          {words['sentence_words']}",
        f"  exclamations: 1             {words['exclamations']}",
        f"  # voice: we-you             {words['voice']}",
        f"  # contractions: allow       {words['contractions']}",
        "",
        *words["channels"],
        "channels:",
        "  x: {hashtags: 2}",
        "  instagram: {hashtags: 5}",
        "  linkedin: {hashtags: 3}",
        "",
        "# banned:",
        "#   - phrase: world-class" if language == "en" else "#   - phrase: a 360 gradi",
        f'#     suggest: "{words["banned_suggest"]}"',
        "",
        "scoring:",
        f"  fail_under: 70              {words['fail_under']}",
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
