"""The liste des dirigeants: one line per person who administers, or a blank form to fill by hand.

Loi 1901 (art. 5): every administrator with nom, prénoms, profession, domicile and nationalité;
a legal person with its dénomination and siège, then the natural person who represents it.
Local law (CPC annexe Alsace-Moselle, art. 30-1): the direction only (the bureau), with date
and place of birth instead of the profession. Nothing is presumed: a value the answers lack is
a blank (None), and the list is « certifiée conforme » only when it has none.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from generator import typography
from generator.context.commun import Commun
from generator.context.titres import est_une_femme, titre
from generator.model import Cpts, Designation, Dirigeant

# A cell that does not apply (a legal person's profession): printed as such, not left blank.
SANS_OBJET = "sans objet"


class Ligne(NamedTuple):
    """One row of the table; a None cell is a blank to fill by hand."""

    fonctions: str  # « Co-présidente, administratrice », or « représentée par » under a legal person
    nom: str | None
    profession: str | None  # loi 1901 only
    naissance: str | None  # local law only: « 2 avril 1971, Metz »
    domicile: str | None
    nationalite: str | None
    # The row names the person acting for the legal person on the row above.
    representant: bool


class Dirigeants(NamedTuple):
    """What the liste des dirigeants prints."""

    lignes: tuple[Ligne, ...]
    # Without a constitutive assembly: the title of each blank line, one line per seat.
    lignes_vierges: tuple[str, ...]
    # How many administrators were elected (None without a CA or without an assembly).
    administrateurs_elus: int | None
    # Some cell is blank: the document announces its blanks and is not certified.
    incomplet: bool
    # Complete and filled: « Certifiée conforme ».
    certifiee: bool
    # Local law: the list of the direction (the bureau, statuts' art. on its composition).
    direction: bool


def fonctions(model: Cpts, dirigeant: Dirigeant) -> str:
    """Return a dirigeant's titles, gendered: « Trésorière, administratrice »."""
    feminin = est_une_femme(model, Designation(dirigeant.membre.id, dirigeant.personne, ()))
    # Only the first title of the cell takes a capital: « Administratrice déléguée, secrétaire ».
    titres = [
        (t.titre if rang == 0 else t.nom)
        for rang, t in enumerate(
            titre("co_president" if f == "president" and model.bureau.co_presidence else f, feminin)
            for f in dirigeant.fonctions
        )
    ]
    # « Administratrice déléguée » says already that she is an administrator.
    if dirigeant.administrateur and "administrateur_delegue" not in dirigeant.fonctions:
        administrateur = titre("administrateur", feminin)
        titres.append(administrateur.nom if titres else administrateur.titre)
    return ", ".join(titres)


def _naissance(date: dt.date | None, lieu: str | None) -> str | None:
    """Word the birth cell; half known is still a blank to complete (the rule names what lacks)."""
    if date is None or lieu is None:
        return None
    return f"{typography.date_longue(date)}, {lieu}"


def _lignes(model: Cpts, dirigeant: Dirigeant) -> tuple[Ligne, ...]:
    membre = dirigeant.membre
    p = dirigeant.physique
    local = model.droit_local
    titres = fonctions(model, dirigeant)
    naissance = _naissance(p.date_naissance, p.lieu_naissance) if local else None
    if not membre.personne_morale:
        return (Ligne(titres, p.nom, p.profession, naissance, p.domicile, p.nationalite, False),)
    if model.inter_cpts and dirigeant.fonctions:
        # An inter-CPTS elects its bureau among the representatives of the member CPTS (statuts'
        # art. on the bureau): the office is the designated person's, not the CPTS's, and a
        # CPTS that designated two people does not appear to hold two offices.
        siege = f", dont le siège est {membre.domicile}" if membre.domicile else ""
        nom = f"{p.nom} (désignation : {membre.nom_complet}{siege})"
        return (Ligne(titres, nom, p.profession, naissance, p.domicile, p.nationalite, False),)
    structure = Ligne(
        titres,
        f"{membre.nom_complet} (personne morale)",
        SANS_OBJET,
        SANS_OBJET if local else None,
        membre.domicile,
        SANS_OBJET,
        False,
    )
    personne = Ligne("représentée par", p.nom, p.profession, naissance, p.domicile, p.nationalite, True)
    return structure, personne


def _lignes_vierges(model: Cpts, commun: Commun) -> tuple[str, ...]:
    ca = commun.ca
    suffixe = ", administrateur" if ca is not None and not model.droit_local else ""
    lignes = [
        poste.titre.titre + ("" if poste.fonction == "administrateur_delegue" else suffixe)
        for poste in commun.postes
    ]
    if ca is not None and not model.droit_local:
        lignes += ["Administrateur"] * max(0, ca.sieges_total - len(commun.postes))
    return tuple(lignes)


def retenus(model: Cpts) -> tuple[Dirigeant, ...]:
    """Return the dirigeants the list names: everyone who administers, or the direction under local law."""
    tous = model.dirigeants()
    return tuple(d for d in tous if d.direction) if model.droit_local else tous


def dirigeants(model: Cpts, commun: Commun) -> Dirigeants:
    """Build the context of the liste des dirigeants."""
    retenus_ = retenus(model)
    lignes = tuple(ligne for d in retenus_ for ligne in _lignes(model, d))
    elus = None
    if commun.ca is not None and commun.ag is not None:
        elus = sum(1 for d in model.dirigeants() if d.administrateur)
    # The blanks are the fact (the W-DIRIGEANTS-INCOMPLET warning names them too).
    incomplet = any(d.manquants(model.droit_local) for d in retenus_)
    return Dirigeants(
        lignes=lignes,
        lignes_vierges=() if lignes else _lignes_vierges(model, commun),
        administrateurs_elus=elus,
        incomplet=incomplet,
        certifiee=bool(lignes) and not incomplet,
        direction=model.droit_local,
    )
