"""The questions of ``cpts init``, grouped by theme in the order of a founders' meeting.

Each theme asks its answers through the engine (titles, defaults and choices come from the
schema), then lets the rules check the answers so far. Conditions live here: no CA questions
without a CA, the inter-CPTS's two collèges and CPTS designations, the seven founders of
Alsace-Moselle, the PV questions only when the PV is prepared.
"""

from __future__ import annotations

import copy
from typing import Any

from generator import facts
from generator.init import schema_view, themes
from generator.init.engine import DELETE, Choice, Engine
from generator.labels import FONCTIONS, MISSIONS
from generator.loader import PathKey
from generator.model import COLLEGES_CONNUS

CA = ("gouvernance", "conseil_administration")
BUREAU = ("gouvernance", "bureau")
AG = ("gouvernance", "assemblees")
CONSTITUTIVE = ("ag_constitutive",)

# The collèges proposed to a new CPTS: AVECsanté's four (art. 5-2), or the inter-CPTS's two.
COLLEGES_PROPOSES: dict[str, list[dict[str, Any]]] = {
    "cpts": [{"code": code, "voix": "deliberative"} for code in ("ps", "esp", "structures", "usagers")],
    "inter_cpts": [
        {"code": "cpts", "voix": "deliberative"},
        {"code": "partenaires", "voix": "consultative"},
    ],
}
# Seats proposed per deliberative collège: the guide advises an equal share between collèges.
SIEGES_PROPOSES = 3


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


# --- 1. the association and its territory -------------------------------------------------------


def association(e: Engine) -> None:
    """Model, name, territory, siège, duration and objet."""
    e.section(
        "1. L'association et son territoire",
        "Le nom, le territoire couvert et le siège de l'association, puis les missions qu'elle porte.",
    )
    e.put(("version",), 1)
    e.value(
        ("modele",),
        choices=[
            Choice("cpts", "une CPTS et ses collèges (modèle AVECsanté)"),
            Choice("inter_cpts", "une association des CPTS d'un département"),
        ],
    )
    for key in ("nom", "sigle", "territoire", "departement"):
        e.value(("association", key), optional=key == "sigle")
    communes = e.texts(("association", "communes"), "Commune")
    e.value(("association", "population"))
    e.value(("association", "siege", "adresse"))
    e.value(("association", "siege", "code_postal"))
    e.suggest(("association", "siege", "commune"), communes[0], model=False)
    siege = e.value(("association", "siege", "commune"))
    e.value(("association", "duree"))
    e.suggest(("association", "fait_a"), siege, model=False)
    e.value(("association", "fait_a"))
    e.many(("objet", "missions_aci"), choices=_schema_choices(_missions(), dict(MISSIONS)))
    e.texts(("objet", "objectifs_supplementaires"), "Objectif")


def _missions() -> list[str]:
    return list(MISSIONS)


# --- 2. the collèges -----------------------------------------------------------------------------


def college(e: Engine, path: PathKey) -> None:
    """One collège: its code, and for an unknown code its wording; its members and vote."""
    code = e.value((*path, "code"))
    known = COLLEGES_CONNUS.get(code)
    if known is None:
        e.value((*path, "intitule"))
        e.value((*path, "description"), optional=True)
    else:
        e.say(f"  {known[0]} : {known[1]}.")
        e.suggest((*path, "personnes"), known[2])
    e.value((*path, "personnes"), choices=_schema_choices(["physiques", "morales", "mixtes"]))
    if inter(e) and code == "partenaires":
        e.suggest((*path, "voix"), "consultative")
    e.value((*path, "voix"), choices=_schema_choices(["deliberative", "consultative"]))


def les_colleges(e: Engine) -> None:
    """The collèges (at least two)."""
    e.section(
        "2. Les collèges",
        "Les membres sont répartis en collèges ; chacun a sa cotisation et, avec un CA, ses sièges.",
    )
    e.suggest(("colleges",), copy.deepcopy(COLLEGES_PROPOSES[e.get(("modele",), "cpts")]))
    e.items(("colleges",), "collège", lambda path: college(e, path), minimum=2)


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
                ("colleges", index, "sieges_ca"), SIEGES_PROPOSES if item.get("voix") != "consultative" else 0
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


# --- 4. and 5. mandates and renewal, the general assemblies: questions as data ----------------------


def from_data(e: Engine, key: str) -> None:
    """Ask a theme whose questions are all data (``themes.THEMES``): key, condition, title.

    A question whose condition no longer holds is removed from the answers (a fraction of
    renewal once the renewal is total).
    """
    theme = themes.theme(key)
    if theme is None:  # a theme of the table: its key is this module's own
        raise KeyError(key)
    e.section(theme.titre, theme.intro)
    for element in theme.elements:
        if not isinstance(element, themes.Question):
            continue
        path = tuple(element.cle.split("."))
        if not themes.applies(element, e.answers):
            if isinstance(e.get(path[:-1]), dict):
                e.put(path, DELETE)
            continue
        values = [v for v in schema_view.closed_choices(path) or [] if v is not None]
        e.value(
            path,
            title=element.titre,
            optional=element.facultatif,
            choices=_schema_choices(values),
            check=element.validateur,
        )


def mandats(e: Engine) -> None:
    """How long the administrators and the bureau serve, and how the CA is renewed."""
    from_data(e, "mandats")


def assemblees(e: Engine) -> None:
    """Convocation, proxies, quorums and majorities of the AGO and the AGE."""
    from_data(e, "assemblees")


# --- 6. cotisations and membership ------------------------------------------------------------------


def cotisations(e: Engine) -> None:
    """The annual amount per collège, its due month, and who accepts new members."""
    e.section("6. Cotisations et adhésion", "Le montant annuel par collège, son échéance et l'adhésion.")
    for index, item in enumerate(colleges(e)):
        e.value(("colleges", index, "cotisation"), title=f"Cotisation annuelle du collège « {item['code']} »")
    e.value(("cotisation", "echeance"), choices=_schema_choices(_mois()))
    if has_ca(e):
        e.value(("adhesion", "validation_par"), choices=_schema_choices(["bureau", "conseil_administration"]))
    else:
        e.put(("adhesion", "validation_par"), "bureau")
    e.value(("adhesion", "delai_reponse_jours"))
    e.many(("adhesion", "conditions"), choices=_item_choices(("adhesion", "conditions")))


def _mois() -> list[str]:
    return list(schema_view.choices(("cotisation", "echeance")) or [])


def _item_choices(path: PathKey) -> list[Choice]:
    return _schema_choices(list(schema_view.item_choices(path) or []))


# --- 7. indemnisation and expenses ---------------------------------------------------------------


def bareme(e: Engine, path: PathKey) -> None:
    """One scale of indemnisation: who, per what unit, how much."""
    e.many((*path, "beneficiaires"))
    e.value((*path, "unite"), choices=_schema_choices(["heure", "demi_journee", "journee", "forfait"]))
    e.value((*path, "montant"))
    e.value((*path, "activite"), optional=True)


def indemnisation(e: Engine) -> None:
    """Expenses, paid officers, time indemnisation and its controls, finances and spending."""
    e.section(
        "7. Indemnisation et dépenses",
        "Frais, indemnisation du temps consacré au projet de santé, finances et circuit des dépenses.",
    )
    e.value(("indemnisation", "remboursement_frais"))
    e.value(("indemnisation", "remuneration_dirigeants"))
    e.many(("indemnisation", "activites"), choices=_item_choices(("indemnisation", "activites")))
    count = e.items(("indemnisation", "baremes"), "barème d'indemnisation", lambda path: bareme(e, path))
    if count:
        e.many(("indemnisation", "justificatifs"), choices=_item_choices(("indemnisation", "justificatifs")))
        e.value(("indemnisation", "delai_demande_jours"))
        e.value(("indemnisation", "validation_par"), choices=_schema_choices(["tresorier", "bureau"]))
        e.value(("indemnisation", "plafond_annuel_par_personne"))
    population = e.get(("association", "population"))
    taille = facts.taille_aci(population if isinstance(population, int) else None)
    if taille is not None:
        e.say(
            f"  Taille ACI {taille} : financement attendu jusqu'à "
            f"{facts.FINANCEMENT_MAXIMUM[taille]} € par an."
        )
    e.value(("finances", "subventions_publiques_annuelles"))
    e.value(("finances", "commissaire_aux_comptes"), choices=_schema_choices(["auto", "oui", "non"]))
    e.value(("finances", "exercice"))
    for key in ("seuil_engagement_seul", "double_signature_au_dela"):
        e.value(("finances", "depenses", key))
    fonctions = [Choice(code, FONCTIONS[code]) for code in e.get((*BUREAU, "fonctions"), [])]
    e.many(("finances", "depenses", "carte_bancaire"), choices=fonctions)
    e.value(("finances", "depenses", "notes_de_frais_delai_jours"))
