"""Placeholders that complete partial answers so that the rules can run after each theme.

The schema and the rules read a whole file; during the questionnaire the collèges, the members
or the territory may not be answered yet. These placeholders fill only what is missing, shaped
so that they break no rule by themselves (an inter-CPTS gets its two collèges); a finding that
points into a placeholder is never asked back, because no question was asked there.
"""

from __future__ import annotations

import re
from typing import Any


def blank(what: str) -> str:
    """Return the visible blank standing for the answer ``what`` (« [commune à compléter] »)."""
    return f"[{what} à compléter]"


# Five digits for the schema; no French code postal starts with 00, so it cannot be an answer.
CODE_POSTAL = "00000"
BLANK_CODE_POSTAL = blank("code postal")
# Every blank a document may print: « [...] à compléter] », or the stub code postal on its own.
BLANKS = re.compile(r"\[[^\[\]<>]{1,60} à compléter\]")
_CODE_POSTAL = re.compile(rf"(?<![0-9]){CODE_POSTAL}(?![0-9])")

_ASSOCIATION = {
    "nom": blank("nom de l'association"),
    "territoire": blank("territoire"),
    "departement": "59",  # not printed; only decides the law (59: the law of 1901)
    "communes": [blank("commune")],
}
_SIEGE = {"adresse": blank("adresse"), "code_postal": CODE_POSTAL, "commune": blank("commune")}


def show_blanks(text: str) -> str:
    """Return a document's text with the stub code postal written as a blank like the others."""
    return _CODE_POSTAL.sub(BLANK_CODE_POSTAL, text)


def complete(data: dict[str, Any]) -> dict[str, Any]:
    """Return ``data`` with placeholders where required answers are still missing."""
    association = data.setdefault("association", {})
    for key, value in _ASSOCIATION.items():
        association.setdefault(key, value)
    siege = association.setdefault("siege", {})
    for key, value in _SIEGE.items():
        siege.setdefault(key, value)
    if not data.get("colleges"):
        if data.get("modele") == "inter_cpts":
            data["colleges"] = [
                {"code": "cpts", "voix": "deliberative"},
                {"code": "partenaires", "voix": "consultative"},
            ]
        else:
            data["colleges"] = [{"code": "ps"}, {"code": "esp"}]
    for college in data["colleges"]:
        college.setdefault("cotisation", 0)
    if "membres" not in data or not data["membres"].get("fondateurs"):
        data.setdefault("membres", {})["fondateurs"] = _fondateurs(data)
    return data


def _fondateurs(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Return placeholder founders that let the bureau come from as many collèges as asked.

    At least two; one per deliberative collège (an inter-CPTS: as many CPTS as the bureau's
    distinct CPTS), so that E-BUREAU-COLLEGES-POSSIBLE does not fire before the founders are asked.
    """
    colleges = data["colleges"]
    minimum = data.get("gouvernance", {}).get("bureau", {}).get("colleges_distincts_min")
    minimum = minimum if isinstance(minimum, int) else 2
    if data.get("modele") == "inter_cpts":
        codes = [colleges[0].get("code", "cpts")] * max(2, minimum)
    else:
        deliberatifs = [
            c.get("code", "ps") for c in colleges if c.get("voix", "deliberative") == "deliberative"
        ]
        deliberatifs = deliberatifs or [colleges[0].get("code", "ps")]
        codes = [deliberatifs[i % len(deliberatifs)] for i in range(max(2, len(deliberatifs)))]
    return [
        {"id": f"fondateur-{n}", "structure": blank(f"fondateur {n}"), "college": code}
        for n, code in enumerate(codes, start=1)
    ]
