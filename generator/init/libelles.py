"""How the questionnaire names the codes of the answers file: words with accents, never a code.

A founder reads « illimitée », « délibérative », « oui » or « aucun » where the file holds
``illimitee``, ``deliberative``, ``true`` or ``null``; the terminal and the browser show these
words, and either is accepted back as an answer (see :func:`value_of`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from generator.labels import (
    ACTIVITES,
    BENEFICIAIRES,
    CONDITIONS_ADHESION,
    CONVOCATION_MOYENS,
    FONCTIONS,
    JUSTIFICATIFS,
    MAJORITES_DECISIONS,
    MISSIONS,
)

_OWN: dict[str, str] = {
    "illimitee": "illimitée",
    "deliberative": "délibérative",
    "consultative": "consultative",
    "physiques": "personnes physiques",
    "morales": "personnes morales",
    "mixtes": "personnes physiques et morales",
    "total": "total",
    "partiel": "partiel (par fraction)",
    "1/2": "la moitié",
    "1/3": "le tiers",
    "simple": "majorité simple",
    "absolue": "majorité absolue",
    "unanimite": "unanimité",
    "aucune": "aucune",
    "auto": "selon la loi (automatique)",
    "oui": "oui",
    "non": "non",
    "heure": "par heure",
    "demi_journee": "par demi-journée",
    "journee": "par journée",
    "forfait": "forfait par participation",
    "assemblee_generale": "l'assemblée générale",
    "conseil_administration": "le conseil d'administration",
    "bureau": "le bureau",
    "all": "tous",
    "janvier": "janvier",
    "fevrier": "février",
    "aout": "août",
    "decembre": "décembre",
    "civil": "année civile",
    "ps": "professionnels de santé libéraux",
    "esp": "équipes de soins coordonnées (MSP, ESP, centres de santé)",
    "structures": "structures sanitaires, médico-sociales et sociales",
    "usagers": "représentants des usagers",
    "partenaires": "partenaires",
}

LIBELLES: Mapping[str, str] = MappingProxyType(
    {
        **MISSIONS,
        **BENEFICIAIRES,
        **ACTIVITES,
        **JUSTIFICATIFS,
        **CONDITIONS_ADHESION,
        **MAJORITES_DECISIONS,
        **CONVOCATION_MOYENS,
        **FONCTIONS,
        **_OWN,
    }
)


def libelle(value: Any) -> str:
    """Return how a value is shown to a founder (« oui », « aucun », « illimitée »…)."""
    if value is None:
        return "aucun"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(libelle(v) for v in value) if value else "aucun"
    if isinstance(value, dict):
        return ", ".join(f"{k} : {libelle(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, str):
        return LIBELLES.get(value, value)
    return str(value)


def fold(text: str) -> str:
    """Return ``text`` folded for comparison: lower case, no accents, no surrounding spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Codes whose words depend on the question (« cpts » is a model and also a collège's code).
PAR_CLE: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "modele": {
            "cpts": "une CPTS et ses collèges (modèle AVECsanté)",
            "inter_cpts": "une association des CPTS d'un département",
        },
    }
)


def libelle_de(key: str, value: Any) -> str:
    """Return how ``value`` is shown for the question ``key`` (a pattern such as ``modele``)."""
    if isinstance(value, str) and value in PAR_CLE.get(key, {}):
        return PAR_CLE[key][value]
    return libelle(value)


_WORD = re.compile(r"\b[a-z][a-z0-9_]*\b")
_JSON = {"true": "oui", "false": "non", "null": "aucun"}
_COURT = 40


def en_mots(text: str) -> str:
    """Return a help text of the schema with its codes in words (« true » → « oui »…).

    The schema's descriptions are written for the YAML file (an editor shows them beside the
    codes); a founder reads the words instead. Only codes are replaced: JSON's literals, codes
    with ``_``, and codes whose words are the same with accents (``illimitee`` → « illimitée »).
    """

    def word(found: re.Match[str]) -> str:
        code = found.group(0)
        if code in _JSON:
            return _JSON[code]
        label = LIBELLES.get(code)
        # A long wording (a mission's sentence) would drown the help: the code stays.
        short = label is not None and len(label) <= _COURT
        if label is not None and short and ("_" in code or (fold(label) == code and label != code)):
            return label
        return code

    return _WORD.sub(word, text)
