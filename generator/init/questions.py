"""What the terminal's own questions (``fondateurs``) read in the answers given so far.

The questions themselves are data (``themes.THEMES``, walked by ``flux``); the detailed answers
of theme 8 are asked by ``fondateurs``, which reads the answers through these helpers.
"""

from __future__ import annotations

from typing import Any

from generator.init.engine import Choice, Engine

CA = ("gouvernance", "conseil_administration")
BUREAU = ("gouvernance", "bureau")
AG = ("gouvernance", "assemblees")
CONSTITUTIVE = ("ag_constitutive",)


def inter(e: Engine) -> bool:
    """Tell whether the answers describe an inter-CPTS."""
    return bool(e.get(("modele",)) == "inter_cpts")


def has_ca(e: Engine) -> bool:
    """Tell whether the answers give the association a conseil d'administration."""
    return isinstance(e.get(CA), dict)


def colleges(e: Engine) -> list[dict[str, Any]]:
    """Return the collèges answered so far."""
    value = e.get(("colleges",), [])
    return value if isinstance(value, list) else []


def fondateurs(e: Engine) -> list[dict[str, Any]]:
    """Return the founders answered so far."""
    value = e.get(("membres", "fondateurs"), [])
    return value if isinstance(value, list) else []


def _schema_choices(values: list[Any], labels: dict[str, str] | None = None) -> list[Choice]:
    return [Choice(v, (labels or {}).get(v, "")) for v in values]
