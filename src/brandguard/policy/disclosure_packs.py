"""Which disclosure packs a policy runs: the jurisdiction-neutral ones by default, each replaced by
the packs of the jurisdictions the policy names (their regulators refine the same verdicts).

The default policies list ``en/disclosure`` and ``it/disclosure`` (rules/en, rules/it). Naming a
jurisdiction (``disclosures: {jurisdictions: [us]}``) adds its pack (``disclosure/us-ftc``) and
drops the neutral pack of the same language, so a post is never judged twice for one disclosure.
"""

from __future__ import annotations

from pathlib import Path

# jurisdiction -> (bundled pack, language of its markers)
JURISDICTIONS = {"us": ("us-ftc", "en"), "uk": ("uk-asa", "en"), "it": ("it-agcm", "it")}
DISCLOSURE_PACKS = {code: pack for code, (pack, _) in JURISDICTIONS.items()}
NEUTRAL_PACK = "{language}/disclosure"

PackRef = tuple[str, Path | None, str, int | None, str]  # ref, base, file, line, key


def with_jurisdictions(
    pack_refs: list[PackRef], jurisdictions: list[str], file: str
) -> list[PackRef]:
    """``pack_refs`` with each named jurisdiction's pack added and the neutral pack of its
    language removed."""
    if not jurisdictions:
        return pack_refs
    replaced = {NEUTRAL_PACK.format(language=JURISDICTIONS[j][1]) for j in jurisdictions}
    kept = [r for r in pack_refs if r[0] not in replaced]
    added: list[PackRef] = [
        (f"disclosure/{JURISDICTIONS[j][0]}", None, file, None, "disclosures.jurisdictions")
        for j in jurisdictions
    ]
    return kept + added
