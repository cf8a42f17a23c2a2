"""The vocabulary of issue #15 shared by the statuts and the RI: territory, principles, adhesion.

Real CPTS say more than the AVECsanté model: a territory over two départements divided into
sous-territoires, the principles the association holds to, the federations it joins, a charte to
sign, a refusal without reasons, membership that starts at the decision or at the next assembly,
members who are natural persons only (the structures then bind themselves by a partnership
convention). The choices between wordings are made here; with the model's answers every wording
is the model's, so the documents of the existing examples do not change.

Templates read it as ``v``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator import labels
from generator.model import Cpts

# Each principle: its article's sentence. Sources: CSP art. L. 1110-8 (the patient's free choice),
# L. 1110-4 (professional secrecy), R. 4127-5 and R. 4127-95 (professional independence); the
# political and religious neutrality is the common clause of associations open to all.
PRINCIPES: Mapping[str, str] = MappingProxyType(
    {
        "neutralite": (
            "L'association observe une stricte neutralité politique, syndicale et religieuse ; elle "
            "s'interdit toute discussion ou manifestation présentant un tel caractère."
        ),
        "independance_professionnelle": (
            "L'adhésion à l'association ne porte pas atteinte à l'indépendance professionnelle de ses "
            "membres : chacun conserve la liberté de ses choix et de ses prescriptions dans le respect "
            "de sa déontologie."
        ),
        "secret_professionnel": (
            "Les membres respectent le secret professionnel et la confidentialité des informations dont "
            "ils ont connaissance ; les informations relatives à une personne ne sont échangées que dans "
            "les conditions de l'article L. 1110-4 du code de la santé publique."
        ),
        "libre_choix_patient": (
            "L'association respecte le libre choix par chaque patient de son praticien et de son "
            "établissement de santé, principe fondamental de la législation sanitaire (article "
            "L. 1110-8 du code de la santé publique) : aucune de ses actions ne peut y porter atteinte."
        ),
    }
)


class SousTerritoire(NamedTuple):
    """A sous-territoire and its communes (``nom`` is None for communes given without one)."""

    nom: str | None
    communes: tuple[str, ...]


class Vocabulaire(NamedTuple):
    """What the statuts and the RI print of the territory, principles and adhesion."""

    # The communes grouped by sous-territoire, in the answers' order; () when none is given.
    sous_territoires: tuple[SousTerritoire, ...]
    # Each commune as printed: « Châtillon-sur-Indre (36) » when the territory spans départements.
    communes: tuple[str, ...]
    # The départements of the territory, the association's first; two or more: interdepartmental.
    departements: tuple[str, ...]
    # The statuts describe the territory (sous-territoires, départements) in an article of their own.
    territoire_aux_statuts: bool
    # The principles' sentences, in the answers' order.
    principes: tuple[str, ...]
    affiliations: tuple[str, ...]
    # Who may join, from the collèges' persons: « toute personne physique ou morale » (the model).
    toute_personne: str
    # The same in the statuts, which add « de droit privé ou de droit public » for legal persons.
    ouverture_statuts: str
    # Some collège admits legal persons.
    personnes_morales: bool
    # The members in the composition article: « personnes physiques ou morales » (the model).
    personnes_membres: str
    # No collège admits legal persons: the structures are partners bound by a convention.
    partenaires_conventionnes: bool
    # The sentence on a refusal, after the decision's: « le refus est motivé » (statuts), « un
    # refus est motivé » (RI).
    refus: str
    refus_reglement: str
    # When membership starts, after « L'adhésion prend effet »; the model's: at the first payment.
    effet: str
    effet_au_paiement: bool
    # The same in a collège's bulletin, which says nothing of the other collèges.
    effet_bulletin: str
    # The RI names the charte a candidate signs.
    charte: bool


def _libelle(nom: str, departement: str | None, plusieurs: bool, defaut: str) -> str:
    return f"{nom} ({departement or defaut})" if plusieurs else nom


# Who may join, by the persons the collèges admit: (« toute … », the members in the plural).
_PERSONNES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "physiques": ("toute personne physique", "personnes physiques"),
        "morales": ("toute personne morale", "personnes morales"),
        "mixtes": ("toute personne physique ou morale", "personnes physiques ou morales"),
    }
)


def _personnes(model: Cpts) -> str:
    kinds = {c.personnes for c in model.colleges}
    return kinds.pop() if len(kinds) == 1 else "mixtes"


def _effet(model: Cpts, exoneres: bool) -> str:
    effet = model.adhesion.effet
    if effet == "decision":
        return "à la notification de la décision d'admission"
    if effet == "ag_suivante":
        return "à la ratification de l'admission par l'assemblée générale qui suit la décision"
    tail = (
        " ou, pour les membres d'un collège exonéré de cotisation, à la notification de leur admission"
        if exoneres
        else ""
    )
    return f"au paiement de la première cotisation{tail}"


def vocabulaire(model: Cpts) -> Vocabulaire:
    """Build what the statuts and the RI print of the vocabulary of issue #15."""
    asso = model.association
    detail = asso.communes_detail
    departements = list(dict.fromkeys([asso.departement, *(c.departement for c in detail if c.departement)]))
    plusieurs = len(departements) > 1
    groupes: dict[str | None, list[str]] = {}
    for commune in detail:
        libelle = _libelle(commune.nom, commune.departement, plusieurs, asso.departement)
        groupes.setdefault(commune.sous_territoire, []).append(libelle)
    sous_territoires = (
        tuple(SousTerritoire(nom, tuple(communes)) for nom, communes in groupes.items())
        if any(c.sous_territoire for c in detail)
        else ()
    )
    personnes, membres = _PERSONNES[_personnes(model)]
    return Vocabulaire(
        sous_territoires=sous_territoires,
        communes=tuple(_libelle(c.nom, c.departement, plusieurs, asso.departement) for c in detail),
        departements=tuple(departements),
        territoire_aux_statuts=not model.inter_cpts and (bool(sous_territoires) or plusieurs),
        principes=tuple(PRINCIPES[p] for p in model.objet.principes),
        affiliations=model.objet.affiliations,
        toute_personne=personnes,
        ouverture_statuts=(
            f"{personnes}, de droit privé ou de droit public," if "morale" in personnes else personnes
        ),
        personnes_morales="morale" in personnes,
        personnes_membres=membres,
        partenaires_conventionnes=not model.inter_cpts and "morale" not in personnes,
        refus=(
            "le refus est motivé" if model.adhesion.refus_motive else "il n'est pas tenu de motiver un refus"
        ),
        refus_reglement=(
            "un refus est motivé"
            if model.adhesion.refus_motive
            else f"{labels.ORGANES[model.adhesion.validation_par]} n'est pas tenu de motiver un refus"
        ),
        effet=_effet(model, any(c.cotisation == 0 for c in model.colleges)),
        effet_au_paiement=model.adhesion.effet == "paiement",
        effet_bulletin=_effet(model, False),
        charte="signer_charte" in model.adhesion.conditions,
    )
