"""Rules compiled from a policy speak the policy's language."""

from __future__ import annotations

import string
from pathlib import Path

from brandguard.api import check_text
from brandguard.governance.messages import MESSAGES

from .conftest import policy_from


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_every_message_with_the_same_placeholders() -> None:
    english = MESSAGES["en"]
    for language, catalogue in MESSAGES.items():
        assert set(catalogue) == set(english), language
        for key, template in catalogue.items():
            assert _fields(template) == _fields(english[key]), (language, key)


POLICY = """\
language: {language}
banned: [{{phrase: chiavi in mano}}, {{phrase: world-class}}]
terminology:
  Studio Rossi: [studio rossi]
  competitors: [Arredo Facile]
guidelines: {{sentence_words: {{max: 8}}}}
channels: {{linkedin: {{hashtags: 1}}}}
"""
TEXT = (
    "studio rossi offre soluzioni chiavi in mano e world-class, meglio di Arredo Facile, "
    "per la vostra casa di ogni giorno. #casa #design"
)


def _messages(language: str, tmp_path: Path) -> dict[str, str]:
    policy = policy_from(POLICY.format(language=language), tmp_path)
    result = check_text(TEXT, policy, meta={"channel": "linkedin"})
    return {f.rule_id: f.message for f in result.findings}


def test_an_italian_policy_reports_in_italian(tmp_path: Path) -> None:
    found = _messages("it", tmp_path)
    assert found["BAN001"] == "'chiavi in mano' è vietato dalla policy del marchio"
    assert found["TRM001"] == "scrivi 'Studio Rossi', non 'studio rossi'"
    assert found["TRM003"].startswith("'Arredo Facile' è il nome di un concorrente")
    # "Arredo Facile" reads as one word
    assert found["GDL001"].startswith("frase di 19 parole; la linea guida è al massimo 8")
    assert found["CHL002"] == "2 hashtag; un post su LinkedIn ne ammette al massimo 1"


def test_an_english_policy_reports_in_english(tmp_path: Path) -> None:
    found = _messages("en", tmp_path)
    assert found["BAN001"] == "'chiavi in mano' is banned by the brand policy"
    assert found["TRM001"] == "write 'Studio Rossi', not 'studio rossi'"
    assert found["CHL002"] == "2 hashtags; LinkedIn posts allow at most 1"
