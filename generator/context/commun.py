"""What every document says the same way: who administers, who presides, who holds each seat.

Built once per render from the model, so that the statuts, the RI, the PV, the bulletin and the
liste des dirigeants cannot disagree on a fact (« les co-présidents », the organ that admits
members, the names of the elected officers).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator import labels
from generator.context.conception import Conception, conception
from generator.context.titres import Titre, est_une_femme, titre, toutes_des_femmes
from generator.model import AgConstitutive, College, ConseilAdministration, Cpts, Designation


class Poste(NamedTuple):
    """One seat of the bureau: its function, its title for its holder, the holder's name if elected."""

    fonction: str
    titre: Titre
    nom: str | None


# The rank of a partial renewal (« premier renouvellement »), in the PV and in the statuts.
RANGS = ("premier", "deuxième", "troisième", "quatrième")

_VICE_PRESIDENCES = ("vice_president", "vice_president_2", "vice_president_3")


class Organe(NamedTuple):
    """The organ that administers between assemblies: the CA, or the bureau without one."""

    le: str  # « le conseil d'administration »
    de: str  # « du conseil d'administration »
    a: str  # « au conseil d'administration »


_CA = Organe("le conseil d'administration", "du conseil d'administration", "au conseil d'administration")
_BUREAU = Organe("le bureau", "du bureau", "au bureau")


class Commun(NamedTuple):
    """The facts shared by the documents."""

    ag: AgConstitutive | None
    ca: ConseilAdministration | None
    # « le président », « les co-présidentes »: the presidency as a whole, gendered by its holders.
    presidence: Titre
    # The same without gender, for texts that outlive the holders (statuts, RI).
    presidence_statutaire: Titre
    # Names of the elected président(s), in the answers' order; empty when nobody is elected. A
    # collegial bureau: the administrateurs délégués the answers name.
    presidents: tuple[str, ...]
    # Bureau function code → names of the members elected to it (only the elected functions).
    elus: Mapping[str, tuple[str, ...]]
    # Every seat of the bureau in the order of its functions (two for a co-presidency), a collegial
    # bureau's administrateurs délégués first.
    postes: tuple[Poste, ...]
    # The seats elected by ballot: ``postes`` without the délégués, whom the CA designates apart.
    postes_elus: tuple[Poste, ...]
    # The signature boxes of the presidency: one per président (or administrateur délégué), with
    # the name when elected.
    signataires: tuple[Poste, ...]
    # The secrétaire's seat, who signs the statuts and the PV beside the presidency.
    secretaire: Poste
    # The organ that decides on membership requests (« le bureau », « le conseil d'administration »).
    decideur: str
    # The organ that administers between assemblies.
    organe: Organe
    # Collège code → its name inside a sentence, after « le » or « du » (labels.college_dans_phrase).
    colleges_nom: Mapping[str, str]
    # The collèges whose members have a consultative voice, in the statuts' order.
    consultatifs: tuple[College, ...]
    # Names in a sentence of the collèges exempt from cotisation.
    exoneres: tuple[str, ...]
    # The period a cotisation is due for in every document: « année » with a calendar exercice,
    # else « exercice » (the statuts' and the RI's contexts say the same).
    periode: str
    # « le vice-président », « le second vice-président »…, in the order of their rank.
    vice_presidents: tuple[str, ...]
    # Adhesion condition code → its wording, for a CPTS or for an inter-CPTS, in the answers' order.
    conditions_adhesion: Mapping[str, str]
    # The design where it departs from the model (one class of members, collegial bureau…).
    conception: Conception


def _designations(ag: AgConstitutive | None, fonction: str) -> tuple[Designation, ...]:
    if ag is None:
        return ()
    return next((personnes for code, personnes in ag.bureau_elu if code == fonction), ())


def _code(model: Cpts, fonction: str) -> str:
    """Return the function code of one holder: each of two co-présidents is a « co-président »."""
    return "co_president" if fonction == "president" and model.bureau.co_presidence else fonction


def _postes(model: Cpts, fonctions: tuple[str, ...]) -> tuple[Poste, ...]:
    ag = model.ag_constitutive
    postes = []
    for fonction in fonctions:
        designations = _designations(ag, fonction)
        places = 2 if fonction == "president" and model.bureau.co_presidence else 1
        for rang in range(places):
            designation = designations[rang] if rang < len(designations) else None
            feminin = designation is not None and est_une_femme(model, designation)
            nom = model.nom(designation) if designation is not None else None
            postes.append(Poste(fonction, titre(_code(model, fonction), feminin), nom))
    return tuple(postes)


# The territorial adhesion condition of the collège designs (« exercer, être établi ou résider »).
_TERRITOIRE = "exercer_ou_resider_sur_territoire"


def _condition(model: Cpts, code: str, definition_membres: str | None) -> str:
    """Return an adhesion condition's wording: an inter-CPTS words two of them for a CPTS."""
    if model.inter_cpts and code in labels.CONDITIONS_ADHESION_INTER_CPTS:
        return labels.CONDITIONS_ADHESION_INTER_CPTS[code]
    if code == _TERRITOIRE and definition_membres is not None:
        # One defined class: the territorial condition is the class's own definition, so that the
        # statuts' composition and adhesion articles and the RI name the same persons (revue 13, M9).
        return f"être au nombre des personnes que les statuts admettent comme membres : {definition_membres}"
    return labels.CONDITIONS_ADHESION[code]


def commun(model: Cpts) -> Commun:
    """Build the shared facts of ``model``'s documents."""
    ag = model.ag_constitutive
    design = conception(model)
    elus = {} if ag is None else {f: tuple(model.nom(d) for d in personnes) for f, personnes in ag.bureau_elu}
    code = _code(model, "president")
    nombre = 2 if model.bureau.co_presidence else 1
    presidents = _designations(ag, "president")
    signataires = _postes(model, ("president",))
    if model.bureau.collegial:
        # The administrateurs délégués stand where the présidents would: one or more of them, named
        # when the answers give them; else « les administrateurs délégués » and one blank box.
        presidents = () if ag is None else ag.administrateurs_delegues
        code, nombre = "administrateur_delegue", len(presidents) or 2
        signataires = tuple(
            Poste("administrateur_delegue", titre(code, est_une_femme(model, d)), model.nom(d))
            for d in presidents
        ) or (Poste("administrateur_delegue", titre(code), None),)
    return Commun(
        ag=ag,
        ca=model.conseil_administration,
        presidence=titre(code, toutes_des_femmes(model, presidents), nombre),
        # The statuts allow « un ou plusieurs » administrateurs délégués: their wording is plural
        # whatever the number designated on the first day (a second one changes no article).
        presidence_statutaire=titre(code, False, 2 if model.bureau.collegial else nombre),
        presidents=tuple(model.nom(d) for d in presidents),
        elus=MappingProxyType(elus),
        postes=(
            # With a CA, a collegial bureau's délégués sit on it beside the secrétaire and the
            # trésorier (statuts, composition of the bureau); without one, they are among them.
            signataires if model.bureau.collegial and model.conseil_administration is not None else ()
        )
        + _postes(model, model.bureau.fonctions),
        # The seats the CA or the assembly elects by ballot: the bureau without the délégués.
        postes_elus=_postes(model, model.bureau.fonctions),
        signataires=signataires,
        secretaire=_postes(model, ("secretaire",))[0],
        decideur=labels.ORGANES[model.adhesion.validation_par],
        organe=_BUREAU if model.conseil_administration is None else _CA,
        colleges_nom=MappingProxyType(
            {c.code: labels.college_dans_phrase(c.intitule) for c in model.colleges}
        ),
        consultatifs=tuple(c for c in model.colleges if not c.deliberatif),
        exoneres=tuple(labels.college_dans_phrase(c.intitule) for c in model.colleges if c.cotisation == 0),
        periode="année" if model.finances.exercice in ("civil", "01-01") else "exercice",
        vice_presidents=tuple(
            "le " + labels.FONCTIONS[f] for f in model.bureau.fonctions if f in _VICE_PRESIDENCES
        ),
        conditions_adhesion=MappingProxyType(
            {code: _condition(model, code, design.definition_membres) for code in model.adhesion.conditions}
        ),
        conception=design,
    )
