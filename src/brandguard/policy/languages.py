"""One policy, several languages: which languages it covers and each language's settings.

``language: en`` — the posts are English unless their metadata says otherwise;
``language: [en, it]`` — each post without metadata is identified among these, the first being
the fallback. ``languages: {it: {...}}`` holds settings for the posts of one language, merged over
the policy's own (mappings key by key, lists replaced, ``extend_*`` appended). Every policy is
built once per supported language (``Policy.variants``); a rule whose pack or entry declares a
language runs only in that language's variant. See docs/policies.md, "Languages".
"""

from __future__ import annotations

from typing import Any

SUPPORTED = ("en", "it")
# Readability formulas of one language: a guideline on another language's posts never runs
# (Flesch–Kincaid grades English syllables; Gulpease counts Italian letters).
FORMULAS = {"reading_grade": "en", "gulpease": "it"}
NAMES = {"en": "English", "it": "Italian"}
SUGGESTED_PACKS = {
    "en": "en/bland, en/pushy, en/clickbait, en/seo",
    "it": "it/bland, it/pushy, it/clickbait, it/seo",
}


def covered(merged: dict[str, Any]) -> tuple[str, ...]:
    """The languages a policy's posts are in; the first is its own (the fallback)."""
    value = merged.get("language", "en")
    return (value,) if isinstance(value, str) else tuple(value)


def overlay_sources(sources: dict[str, str], language: str) -> dict[str, str]:
    """``sources`` with ``languages.<language>.X`` entries also visible as ``X`` (they win)."""
    prefix = f"languages.{language}."
    out = dict(sources)
    out.update({k[len(prefix) :]: v for k, v in sources.items() if k.startswith(prefix)})
    return out


def _merged(base: Any, overlay: Any) -> Any:
    if isinstance(base, dict) and isinstance(overlay, dict):
        out = dict(base)
        for key, value in overlay.items():
            out[key] = _merged(base.get(key), value)
        return out
    return overlay


def settings_for(merged: dict[str, Any], language: str) -> dict[str, Any]:
    """The settings that govern the posts of ``language``: the policy's, then its overlay.

    A tone knob that does not apply to ``language`` (``reading_grade`` for Italian, ``gulpease``
    for English) is left out when it comes from the shared settings of a policy covering several
    languages, since it was written for the others; written in the overlay, it is an error.
    """
    from ..governance.tone import ENGLISH_ONLY, ITALIAN_ONLY

    overlay = merged.get("languages", {}).get(language, {})
    out = {k: v for k, v in merged.items() if k != "languages"}
    guidelines = out.get("guidelines", {})
    out["guidelines"] = {
        k: v for k, v in guidelines.items() if FORMULAS.get(k, language) == language
    }
    if language != covered(merged)[0]:
        only = ENGLISH_ONLY if language == "it" else ITALIAN_ONLY
        tone = {k: v for k, v in out.get("tone", {}).items() if k not in only}
        out["tone"] = tone
    for key, value in overlay.items():
        if key in ("packs", "extend_packs"):
            continue  # pack references are resolved by the loader, relative to their file
        if key.startswith("extend_"):
            name = key[len("extend_") :]
            out[name] = list(out.get(name, [])) + list(value)
        else:
            out[key] = _merged(out.get(key), value)
    out["language"] = language
    return out


def formula_warnings(name: str, merged: dict[str, Any]) -> list[str]:
    """A readability guideline whose formula belongs to none of the policy's languages."""
    languages = covered(merged)
    return [
        f"policy '{name}': guidelines.{metric} is an {NAMES[only]} formula and never runs on "
        f"{' or '.join(NAMES[x] for x in languages)} posts; "
        + ("use gulpease or reading_ease" if only == "en" else "use reading_grade or reading_ease")
        for metric, only in FORMULAS.items()
        if metric in merged.get("guidelines", {}) and only not in languages
    ]


def pack_warnings(name: str, languages: tuple[str, ...], rules_by_language: dict) -> list[str]:
    """A covered language that none of the policy's language-specific pack rules speaks.

    ``rules_by_language`` maps each language to the languages declared by its pack rules.
    """
    warnings = []
    for language in languages:
        declared = rules_by_language.get(language, set())
        if declared and language not in declared:
            others = ", ".join(sorted(declared - {None}))
            warnings.append(
                f"policy '{name}' is for {NAMES.get(language, language)} ('{language}') posts, "
                f"but its packs are for '{others}' only, so they never run on them: add "
                f"{SUGGESTED_PACKS.get(language, 'packs in that language')} to `packs` (or "
                f"`languages.{language}.packs`), or `extends: default`"
            )
    return warnings
