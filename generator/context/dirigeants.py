"""The liste des dirigeants: one line per person who administers, or a blank form to fill by hand."""

from __future__ import annotations

from typing import NamedTuple

from generator.context.commun import Commun
from generator.context.titres import est_une_femme, titre
from generator.model import Cpts, Designation, Dirigeant


class Ligne(NamedTuple):
    """One filled line: titles, name, and what the answers give of profession and domicile."""

    fonctions: str  # « Co-présidente, administratrice »
    nom: str
    personne_morale: bool
    representant: str | None
    profession: str | None
    domicile: str | None
    nationalite: str


class Dirigeants(NamedTuple):
    """What the liste des dirigeants prints."""

    lignes: tuple[Ligne, ...]
    # Without a constitutive assembly: the title of each blank line, one line per seat.
    lignes_vierges: tuple[str, ...]
    # How many administrators were elected (None without a CA or without an assembly).
    administrateurs_elus: int | None
    # Some profession or domicile is missing: the document announces its blanks.
    incomplet: bool


def _fonctions(model: Cpts, dirigeant: Dirigeant) -> str:
    feminin = est_une_femme(model, Designation(dirigeant.membre.id, dirigeant.personne, ()))
    titres = [
        titre("co_president" if f == "president" and model.bureau.co_presidence else f, feminin).titre
        for f in dirigeant.fonctions
    ]
    if dirigeant.administrateur:
        administrateur = titre("administrateur", feminin)
        titres.append(administrateur.nom if titres else administrateur.titre)
    return ", ".join(titres)


def _ligne(model: Cpts, dirigeant: Dirigeant) -> Ligne:
    membre = dirigeant.membre
    return Ligne(
        fonctions=_fonctions(model, dirigeant),
        nom=dirigeant.nom,
        personne_morale=membre.personne_morale,
        representant=dirigeant.representant,
        profession=membre.profession,
        domicile=membre.domicile,
        nationalite=membre.nationalite,
    )


def _lignes_vierges(model: Cpts, commun: Commun) -> tuple[str, ...]:
    ca = commun.ca
    suffixe = ", administrateur" if ca is not None else ""
    lignes = [poste.titre.titre + suffixe for poste in commun.postes]
    if ca is not None:
        lignes += ["Administrateur"] * max(0, ca.sieges_total - len(commun.postes))
    return tuple(lignes)


def _blancs(ligne: Ligne) -> bool:
    """Tell whether a line leaves the domicile or a natural person's profession blank."""
    return ligne.domicile is None or (ligne.profession is None and not ligne.personne_morale)


def dirigeants(model: Cpts, commun: Commun) -> Dirigeants:
    """Build the context of the liste des dirigeants."""
    lignes = tuple(_ligne(model, d) for d in model.dirigeants())
    elus = None
    if commun.ca is not None and commun.ag is not None:
        elus = sum(1 for d in model.dirigeants() if d.administrateur)
    return Dirigeants(
        lignes=lignes,
        lignes_vierges=() if lignes else _lignes_vierges(model, commun),
        administrateurs_elus=elus,
        # The blanks the lines leave are the fact (the W-DIRIGEANTS-INCOMPLET warning says it too).
        incomplet=any(_blancs(ligne) for ligne in lignes),
    )
