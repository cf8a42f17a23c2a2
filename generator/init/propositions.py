"""What the questions' conditions and proposals read in the answers so far.

The conditions (``avec_ca``: the CA questions are asked only with a CA), the proposals derived
from other answers (the siège's commune, each collège's seats) and the keys of a mapping asked
key by key (the CA's majorities) are small functions of the answers, named in the data table of
``themes``; they are here so that the table stays a table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator import facts
from generator.init import schema_view
from generator.init.donnees import lookup
from generator.init.schema_view import MISSING
from generator.labels import FONCTIONS, MAJORITES_DECISIONS
from generator.model import COLLEGES_CONNUS, RESOLUTIONS

Answers = Mapping[str, Any]
Row = Mapping[str, Any]

CA = "gouvernance.conseil_administration"
AG = "gouvernance.assemblees"
PV = "ag_constitutive"


def at(data: Answers, key: str) -> Any:
    """Return the answer at the dotted ``key`` (``MISSING`` if none)."""
    return lookup(data, tuple(key.split(".")))


def avec_ca(data: Answers) -> bool:
    """Tell whether the answers give the association a conseil d'administration."""
    return isinstance(at(data, CA), dict)


def avec_pv(data: Answers) -> bool:
    """Tell whether the constitutive assembly's minutes are prepared."""
    return isinstance(data.get(PV), dict)


def partiel(data: Answers) -> bool:
    """Tell whether the CA is renewed in part (its fraction is then asked)."""
    return avec_ca(data) and at(data, f"{CA}.renouvellement.mode") == "partiel"


def pv_avec_ca(data: Answers) -> bool:
    """Tell whether the minutes are prepared for an association with a CA."""
    return avec_pv(data) and avec_ca(data)


def fonctions(data: Answers) -> list[str]:
    """Return the functions of the bureau answered so far."""
    value = at(data, "gouvernance.bureau.fonctions")
    return [str(v) for v in value] if isinstance(value, list) else []


def resolutions(data: Answers) -> list[str]:
    """Return the resolutions voted at the constitutive assembly (no CA: no election of it).

    An election whose votes per candidate the file gives (voix_candidats, voix_bureau) has no
    global count: the secret ballot is its vote.
    """
    sans = {
        resolution
        for resolution, voix in (("administrateurs", "voix_candidats"), ("bureau", "voix_bureau"))
        if (found := at(data, f"{PV}.{voix}")) and isinstance(found, dict)
    }
    return [r for r in RESOLUTIONS if (r != "administrateurs" or avec_ca(data)) and r not in sans]


def majorites(data: Answers) -> list[str]:
    """Return the decisions of the CA with a majority asked: the two of the model, then the file's."""
    value = at(data, f"{CA}.majorites")
    # A file that already lists its majorities keeps them: the model's two are proposed only
    # when none are given (a real RI may set no reinforced majority for allocating funds).
    keys = (
        ["defaut"]
        if isinstance(value, dict) and "affectation_fonds" not in value
        else ["defaut", "affectation_fonds"]
    )
    return keys + [
        k for k in (value if isinstance(value, dict) else {}) if k not in keys and k in MAJORITES_DECISIONS
    ]


def avec_baremes(data: Answers) -> bool:
    """Tell whether the answers give at least one scale of indemnisation."""
    return bool(at(data, "indemnisation.baremes"))


def premiere_commune(data: Answers) -> Any:
    """Propose the first commune of the territory as the siège's."""
    value = at(data, "association.communes")
    return value[0] if isinstance(value, list) and value else MISSING


def fonctions_elues(data: Answers) -> list[tuple[Any, str]]:
    """Return the functions of the bureau answered so far, with their words."""
    return [(code, FONCTIONS[code]) for code in fonctions(data) if code in FONCTIONS]


def taille_aci(data: Answers) -> str | None:
    """Return the line on the ACI size and its funding, given the population (``None``: unknown)."""
    population = at(data, "association.population")
    taille = facts.taille_aci(population if isinstance(population, int) else None)
    if taille is None:
        return None
    return f"Taille ACI {taille} : financement attendu jusqu'à {facts.FINANCEMENT_MAXIMUM[taille]} € par an."


MODELES = (
    ("cpts", "une CPTS et ses collèges (modèle AVECsanté)"),
    ("inter_cpts", "une association des CPTS d'un département"),
)


# The collèges proposed to a new CPTS: AVECsanté's four (art. 5-2), or the inter-CPTS's two.
COLLEGES_PROPOSES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "cpts": tuple((code, "deliberative") for code in ("ps", "esp", "structures", "usagers")),
    "inter_cpts": (("cpts", "deliberative"), ("partenaires", "consultative")),
}
# Seats proposed per deliberative collège: the guide advises an equal share between collèges.
SIEGES_PROPOSES = 3


def pas_collegial(data: Answers) -> bool:
    """Tell whether the bureau has a presidency (a collegial bureau has none to share)."""
    return not at(data, "gouvernance.bureau.collegial")


def inter(data: Answers) -> bool:
    """Tell whether the answers describe an inter-CPTS."""
    return data.get("modele") == "inter_cpts"


def colleges_proposes(data: Answers) -> list[dict[str, Any]]:
    """Return the collèges the model proposes for the answered ``modele``."""
    modele = data.get("modele")
    rows = COLLEGES_PROPOSES[modele if isinstance(modele, str) and modele in COLLEGES_PROPOSES else "cpts"]
    return [{"code": code, "voix": voix} for code, voix in rows]


def college_inconnu(row: Row) -> bool:
    """Tell whether the row's collège code is not one of the model's (its wording is asked)."""
    return row.get("code") not in COLLEGES_CONNUS


def college_connu(row: Row) -> str | None:
    """Return the line that describes a known collège (``None`` for another code)."""
    known = COLLEGES_CONNUS.get(row.get("code"))  # type: ignore[arg-type]
    return None if known is None else f"{known[0]} : {known[1]}."


def personnes_du_college(data: Answers, row: Row) -> Any:
    """Propose the kind of members of a known collège."""
    known = COLLEGES_CONNUS.get(row.get("code"))  # type: ignore[arg-type]
    return MISSING if known is None else known[2]


def voix_du_college(data: Answers, row: Row) -> Any:
    """Propose a consultative vote for the partners of an inter-CPTS."""
    return "consultative" if inter(data) and row.get("code") == "partenaires" else MISSING


def sieges_du_college(data: Answers, row: Row) -> Any:
    """Propose the model's seats on the CA for a deliberative collège, none for a consultative one."""
    return SIEGES_PROPOSES if row.get("voix") != "consultative" else 0


def pas_inter(data: Answers) -> bool:
    """Tell whether the answers describe a CPTS (not an inter-CPTS): it may have a CA."""
    return not inter(data)


INTER_SANS_CA = "Une inter-CPTS n'a pas de conseil d'administration : l'assemblée des CPTS élit le bureau."

# The decisions of the CA named in the questions on its majorities.
MAJORITES: Mapping[str, str] = {
    "defaut": "décisions courantes",
    "affectation_fonds": "affectation des fonds",
    "budget": "budget",
    "recrutement": "recrutement",
    "conventions": "conventions",
    "exclusion": "exclusion",
    "reglement_interieur": "règlement intérieur",
    "transfert_siege": "transfert du siège",
}


def majorite_proposee(key: str) -> str:
    """Propose the model's majority for a decision of the CA: two thirds to allocate funds."""
    return {"defaut": "simple", "affectation_fonds": "2/3"}.get(key, "simple")


def toutes_fonctions(data: Answers) -> list[tuple[Any, str]]:
    """Return every function the bureau may have, with its words."""
    codes = schema_view.item_choices(("gouvernance", "bureau", "fonctions")) or []
    return [(code, FONCTIONS[code]) for code in codes if code in FONCTIONS]


def nom_membre(member: Row) -> str:
    """Return how a member is named in a choice: its structure, or its civility and names."""
    if isinstance(member.get("structure"), str):
        return str(member["structure"])
    return " ".join(str(member[k]) for k in ("civilite", "prenom", "nom") if isinstance(member.get(k), str))


def membres_fondateurs(data: Answers) -> list[tuple[Any, str]]:
    """Return the founders as choices: their id, and their name or their structure's."""
    found = at(data, "membres.fondateurs")
    members = found if isinstance(found, list) else []
    return [(m["id"], nom_membre(m)) for m in members if isinstance(m, dict) and "id" in m]


def droit_local_note(data: Answers) -> str | None:
    """Return the line on the founders' minimum under the local law of Alsace-Moselle, if it applies."""
    departement = at(data, "association.departement")
    if not facts.droit_local(str(departement) if isinstance(departement, str) else ""):
        return None
    return f"Droit local d'Alsace-Moselle : au moins {facts.FONDATEURS_MIN_DROIT_LOCAL} membres fondateurs."
