"""The questions of ``cpts init``, grouped by theme in the order of a founders' meeting.

Each theme asks its answers through the engine (titles, defaults and choices come from the
schema), then lets the rules check the answers so far. Conditions live here: no CA questions
without a CA, the inter-CPTS's two collèges and CPTS designations, the seven founders of
Alsace-Moselle, the PV questions only when the PV is prepared.
"""

from __future__ import annotations

from typing import Any

from generator.init import flux, propositions, schema_view
from generator.init.engine import DELETE, Choice, Engine
from generator.labels import FONCTIONS

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


# --- 3. the governance ------------------------------------------------------------------------------


def gouvernance(e: Engine) -> None:
    """CA or bureau only, seats per collège, the CA's functioning, the bureau's functions."""
    e.section(
        "3. La gouvernance",
        "Qui administre l'association : un conseil d'administration et son bureau, ou un bureau seul.",
    )
    e.register(CA, lambda: gouvernance(e))
    if inter(e):
        e.say("Une inter-CPTS n'a pas de conseil d'administration : l'assemblée des CPTS élit le bureau.")
        with_ca = False
    else:
        with_ca = e.confirm(
            "gouvernance.conseil_administration", "Un conseil d'administration", e.existing(CA) is not None
        )
    if not with_ca:
        e.put(CA, None)
        for index in range(len(colleges(e))):
            e.put(("colleges", index, "sieges_ca"), DELETE)
    else:
        if not isinstance(e.get(CA), dict):
            e.put(CA, {})
        for index, item in enumerate(colleges(e)):
            e.suggest(
                ("colleges", index, "sieges_ca"),
                propositions.SIEGES_PROPOSES if item.get("voix") != "consultative" else 0,
            )
            e.value(("colleges", index, "sieges_ca"), title=f"Sièges au CA du collège « {item['code']} »")
        for key in ("reunions_min_par_an", "convocation_jours", "quorum", "pouvoirs_max"):
            e.value((*CA, key), title=_ca_title(key))
        e.value((*CA, "voix_preponderante"), choices=_schema_choices(["president", "aucune"]))
        e.value((*CA, "absences_consecutives_demission"))
        e.value((*CA, "quorum_exclusion"))
        majorites = ["defaut", "affectation_fonds"]
        existing = e.existing((*CA, "majorites"))
        if isinstance(existing, dict):
            majorites += [k for k in existing if k not in majorites]
        e.put((*CA, "majorites"), {})
        for key in majorites:
            e.suggest(
                (*CA, "majorites", key), {"defaut": "simple", "affectation_fonds": "2/3"}.get(key, "simple")
            )
            e.value((*CA, "majorites", key), title=f"Majorité au CA : {_MAJORITES.get(key, key)}")
    fonctions = [Choice(code, FONCTIONS[code]) for code in _fonctions()]
    e.many((*BUREAU, "fonctions"), choices=fonctions)
    e.value((*BUREAU, "co_presidence"))
    title = "CPTS distinctes au bureau" if inter(e) else None
    e.value((*BUREAU, "colleges_distincts_min"), title=title)
    if with_ca:
        e.value(
            (*BUREAU, "elu_par"), choices=_schema_choices(["conseil_administration", "assemblee_generale"])
        )
    else:
        e.put((*BUREAU, "elu_par"), "assemblee_generale")


_MAJORITES = {
    "defaut": "décisions courantes",
    "affectation_fonds": "affectation des fonds",
    "budget": "budget",
    "recrutement": "recrutement",
    "conventions": "conventions",
    "exclusion": "exclusion",
    "reglement_interieur": "règlement intérieur",
    "transfert_siege": "transfert du siège",
}


def _ca_title(key: str) -> str | None:
    return {"quorum": "Quorum du CA", "pouvoirs_max": "Pouvoirs par administrateur présent"}.get(key)


def _fonctions() -> list[str]:
    return list(schema_view.item_choices((*BUREAU, "fonctions")) or [])


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
