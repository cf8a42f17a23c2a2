"""Theme 8 of ``cpts init``: the founders, the honorary members and the constitutive assembly."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from generator import facts
from generator.init import flux, propositions
from generator.init.donnees import merged
from generator.init.engine import DELETE, Choice, Engine
from generator.init.questions import (
    BUREAU,
    _schema_choices,
    colleges,
    fondateurs,
    has_ca,
    inter,
)
from generator.init.schema_view import MISSING
from generator.labels import FONCTIONS
from generator.loader import PathKey
from generator.model import COLLEGES_CONNUS, RESOLUTIONS

_PHYSIQUE = (
    "civilite",
    "genre",
    "nom",
    "prenom",
    "profession",
    "nationalite",
    "date_naissance",
    "lieu_naissance",
)
_MORALE = (
    "structure",
    "representant",
    "representant_profession",
    "representant_domicile",
    "representant_nationalite",
)


def identifiant(prenom: str, nom: str, taken: set[str]) -> str:
    """Propose a member id (« mdupont »): first letter of the first name and the name, unique."""
    text = unicodedata.normalize("NFKD", f"{prenom[:1]}{nom}".casefold())
    base = re.sub(r"[^a-z0-9]+", "", text.encode("ascii", "ignore").decode()) or "membre"
    if not base[0].isalpha():
        base = f"m{base}"
    base = base[:36]
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}{number}", number + 1
    return candidate


def membre(e: Engine, path: PathKey, honneur: bool = False) -> None:
    """One member: a natural person (name, profession) or a legal one (structure, representative)."""
    if isinstance(e.existing((*path, "structure")), str):
        proposed = "morale"
    elif isinstance(e.existing((*path, "nom")), str):
        proposed = "physique"
    else:
        proposed = "morale" if inter(e) else "physique"
    kind = e.pick(
        "membres.*.personne",
        "Personne physique ou morale",
        [
            Choice("physique", "un professionnel, un habitant…"),
            Choice("morale", "une MSP, un établissement, une CPTS…"),
        ],
        proposed,
    )
    if kind == "physique":
        for key in _MORALE:
            e.put((*path, key), DELETE)
        civilites = _schema_choices(["Dr", "M.", "Mme", "Pr"])
        civilite = e.value((*path, "civilite"), choices=civilites, optional=True)
        if civilite in ("M.", "Mme"):
            e.put((*path, "genre"), DELETE)  # the civilité already tells
        else:
            # « Dr », « Pr » or nothing: only the gender agrees the titles (« la présidente »).
            genres = _schema_choices(["feminin", "masculin"], {"feminin": "féminin", "masculin": "masculin"})
            e.value((*path, "genre"), choices=genres, optional=True)
        nom = e.value((*path, "nom"))
        prenom = e.value((*path, "prenom"))
        e.value((*path, "profession"), optional=True)
    else:
        for key in _PHYSIQUE:
            e.put((*path, key), DELETE)
        nom = e.value((*path, "structure"))
        prenom = ""
        e.value((*path, "representant"), optional=True)
    if not honneur:
        codes = [Choice(c["code"], _intitule(c)) for c in colleges(e)]
        e.value((*path, "college"), choices=codes)
    e.value((*path, "commune"), optional=True)
    e.value((*path, "email"), optional=True)
    if not honneur:
        # What the liste des dirigeants asks of whoever administers (loi 1901 art. 5; under local
        # law the registre also wants the birth of the direction's members): never presumed.
        e.value((*path, "domicile"), optional=True)
        if kind == "physique":
            e.value((*path, "nationalite"), optional=True)
            if facts.droit_local(str(e.get(("association", "departement"), ""))):
                e.value((*path, "date_naissance"), optional=True)
                e.value((*path, "lieu_naissance"), optional=True)
        else:
            e.value((*path, "representant_profession"), optional=True)
            e.value((*path, "representant_domicile"), optional=True)
            e.value((*path, "representant_nationalite"), optional=True)
    taken = {m.get("id") for m in _all_members(e) if m is not e.get(path)}
    e.suggest((*path, "id"), identifiant(prenom, nom, {t for t in taken if isinstance(t, str)}), model=False)
    e.value((*path, "id"), check=lambda v: [f"l'identifiant « {v} » est déjà pris"] if v in taken else [])


def _intitule(college: dict[str, Any]) -> str:
    known = COLLEGES_CONNUS.get(college.get("code", ""))
    return str(college.get("intitule") or (known[0] if known else ""))


def _all_members(e: Engine) -> list[dict[str, Any]]:
    honneur = e.get(("membres", "honneur"), [])
    return [
        m for m in [*fondateurs(e), *(honneur if isinstance(honneur, list) else [])] if isinstance(m, dict)
    ]


def _member_choices(e: Engine) -> list[Choice]:
    return [Choice(value, label) for value, label in propositions.membres_fondateurs(e.answers)]


def designation(e: Engine, path: PathKey, title: str) -> None:
    """Elect one member to a function; a legal person names the person who will hold it."""
    existing = e.existing(path)
    current = existing.get("membre") if isinstance(existing, dict) else existing
    e.put(path, current if isinstance(current, str) else DELETE)
    e.register(path, lambda: designation(e, path, title))
    chosen = e.ask(path, title=title, choices=_member_choices(e))
    member = next((m for m in fondateurs(e) if m.get("id") == chosen), {})
    if not isinstance(member.get("structure"), str):
        e.put(path, chosen)
        return
    person_path = (*path, "personne")
    before = (
        existing.get("personne") if isinstance(existing, dict) and existing.get("membre") == chosen else None
    )
    proposed = before or member.get("representant")
    e.put(path, {"membre": chosen, **({"personne": proposed} if proposed else {})})
    person = e.ask(person_path, title=f"Personne désignée par « {member['structure']} »")
    if person == member.get("representant") and not before:
        e.put(path, chosen)  # the representative holds the function: the id alone says it
    else:
        e.put(path, {"membre": chosen, "personne": person})


def constitutive(e: Engine) -> None:
    """The founders, the honorary members, and the constitutive general assembly for the PV.

    The theme's table (``themes.THEMES``) is walked by ``flux``; the answers it marks as detailed
    (the members, the attendance, the elections, the votes) are asked by this module's handlers.
    """
    flux.ask_theme(e, "fondateurs", HANDLERS)


def _fondateurs(e: Engine, path: PathKey) -> None:
    droit_local = facts.droit_local(str(e.get(("association", "departement"), "")))
    minimum = facts.FONDATEURS_MIN_DROIT_LOCAL if droit_local else facts.FONDATEURS_MIN
    e.items(path, "membre fondateur", lambda row: membre(e, row), minimum=minimum)


def _honneur(e: Engine, path: PathKey) -> None:
    e.items(path, "membre d'honneur", lambda row: membre(e, row, honneur=True))


def _presents(e: Engine, presents: PathKey) -> None:
    existing = e.existing(presents)
    members = _member_choices(e)

    def ask_presents() -> None:
        everyone = e.confirm(
            "ag_constitutive.presents",
            "Tous les fondateurs non représentés étaient présents",
            existing in (MISSING, "all"),
        )
        if everyone:
            e.put(presents, "all")
        else:
            if not isinstance(e.get(presents), list):
                e.unset(presents)
            e.many(presents, choices=members, title="Membres présents")

    e.register(presents, ask_presents)
    ask_presents()


def _administrateurs(e: Engine, path: PathKey) -> None:
    members = _member_choices(e)
    existing = e.existing(path)
    designations: dict[str, Any] = {}
    if isinstance(existing, list):
        for item in existing:
            key = item.get("membre") if isinstance(item, dict) else item
            designations[str(key)] = item
        e.put(path, list(designations))
    # The same list of designations serves the collegial bureau's délégués.
    title = "Administrateurs délégués" if path[-1] == "administrateurs_delegues" else "Administrateurs élus"
    chosen = e.many(path, choices=members, title=title)
    e.put(path, [designations.get(member_id, member_id) for member_id in chosen])


def _bureau_elu(e: Engine, path: PathKey) -> None:
    fonctions = e.get((*BUREAU, "fonctions"), [])
    copresidence = bool(e.get((*BUREAU, "co_presidence")))
    e.register(path, lambda: _bureau_elu(e, path))
    previous = e.existing(path)
    kept = {k: v for k, v in previous.items()} if isinstance(previous, dict) else {}
    e.put(path, {})
    for fonction in fonctions:
        here = (*path, fonction)
        if fonction == "president" and copresidence:
            before = kept.get(fonction)
            before_list = before if isinstance(before, list) else [before] if before else []
            for index in range(2):
                if index < len(before_list):
                    e.suggest((*here, index), before_list[index], model=False)
                e.put((*here, index), before_list[index] if index < len(before_list) else DELETE)
                designation(e, (*here, index), f"Co-président n° {index + 1}")
        else:
            if fonction in kept:
                e.put(here, kept[fonction])
            designation(e, here, f"{FONCTIONS[fonction].capitalize()} élu")


def _votes(e: Engine, path: PathKey) -> None:
    e.put(path, {})
    # An election whose votes per candidate the file gives has no global count (the secret ballot).
    votees = propositions.resolutions(merged(dict(e.previous), e.answers))
    for resolution in RESOLUTIONS:
        if (resolution == "administrateurs" and not has_ca(e)) or resolution not in votees:
            continue
        here = (*path, resolution)
        existing = e.existing(here)
        if resolution == "bureau" and existing is MISSING and _bureau_par_ca(e):
            continue  # the CA elects the bureau: the assembly does not vote (W-VOTES-BUREAU-CA)
        unanimous = e.confirm(
            "ag_constitutive.votes",
            f"Résolution « {_RESOLUTIONS[resolution]} » adoptée à l'unanimité",
            not isinstance(existing, dict),
        )
        if unanimous:
            e.put(here, "unanimite")
            continue
        for key in ("pour", "contre", "abstention"):
            e.value((*here, key))


def _bureau_par_ca(e: Engine) -> bool:
    data = merged(dict(e.previous), e.answers)
    return has_ca(e) and propositions.at(data, "gouvernance.bureau.elu_par") == "conseil_administration"


_RESOLUTIONS = {
    "statuts": "adoption des statuts",
    "administrateurs": "élection des administrateurs",
    "bureau": "élection du bureau",
    "cotisations": "montant des cotisations",
    "reglement_interieur": "adoption du règlement intérieur",
    "formalites": "pouvoirs pour les formalités",
}


# How the terminal asks the detailed answers of theme 8, by the kind the table gives them.
HANDLERS: dict[str, flux.Handler] = {
    "membres": _fondateurs,
    "honneur": _honneur,
    "presents": _presents,
    "designations": _administrateurs,
    "designation": _bureau_elu,
    "vote": _votes,
}
