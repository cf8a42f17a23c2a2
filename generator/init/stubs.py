"""Placeholders that complete partial answers so that the rules can run after each theme.

The schema and the rules read a whole file; during the questionnaire the collèges, the members
or the territory may not be answered yet. These placeholders fill only what is missing, shaped
so that they break no rule by themselves (an inter-CPTS gets its two collèges); a finding that
points into a placeholder is never asked back, because no question was asked there.
"""

from __future__ import annotations

from typing import Any

_ASSOCIATION = {
    "nom": "CPTS",
    "territoire": "territoire",
    "departement": "59",
    "communes": ["commune"],
}
_SIEGE = {"adresse": "adresse", "code_postal": "59000", "commune": "commune"}


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
        code = data["colleges"][0].get("code", "ps")
        data.setdefault("membres", {})["fondateurs"] = [
            {"id": f"fondateur-{n}", "structure": f"fondateur {n}", "college": code} for n in (1, 2)
        ]
    return data
