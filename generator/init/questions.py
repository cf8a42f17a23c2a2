"""The questions of ``cpts init``, grouped by theme in the order of a founders' meeting.

Each theme asks its answers through the engine (titles, defaults and choices come from the
schema), then lets the rules check the answers so far. Conditions live here: no CA questions
without a CA, the inter-CPTS's two collèges and CPTS designations, the seven founders of
Alsace-Moselle, the PV questions only when the PV is prepared.
"""

from __future__ import annotations

from typing import Any

from generator.init import flux
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


# --- 1. the association and its territory: questions as data ----------------------------------


def association(e: Engine) -> None:
    """Model, name, territory, siège, duration and objet."""
    flux.ask_theme(e, "association")


# --- 2. the collèges: questions as data ---------------------------------------------------------


def les_colleges(e: Engine) -> None:
    """The collèges (at least two): code, wording of an unknown code, members and vote."""
    flux.ask_theme(e, "colleges")


# --- 3. the governance: questions as data -------------------------------------------------------


def gouvernance(e: Engine) -> None:
    """CA or bureau only, seats per collège, the CA's functioning, the bureau's functions."""
    flux.ask_theme(e, "gouvernance")


# --- 4. to 7.: questions as data (``themes.THEMES``, asked by ``flux``) ----------------------------


def mandats(e: Engine) -> None:
    """How long the administrators and the bureau serve, and how the CA is renewed."""
    flux.ask_theme(e, "mandats")


def assemblees(e: Engine) -> None:
    """Convocation, proxies, quorums and majorities of the AGO and the AGE."""
    flux.ask_theme(e, "assemblees")


def cotisations(e: Engine) -> None:
    """The annual amount per collège, its due month, and who accepts new members."""
    flux.ask_theme(e, "cotisations")


def indemnisation(e: Engine) -> None:
    """Expenses, paid officers, time indemnisation and its controls, finances and spending."""
    flux.ask_theme(e, "indemnisation")
