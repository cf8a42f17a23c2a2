"""The bulletin d'adhésion: one form per collège, the applicant's commitments, the receipt."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator import labels
from generator.context.commun import Commun
from generator.model import College, Cpts


class Formulaire(NamedTuple):
    """The form of one collège."""

    college: College
    # The collège asks no cotisation: nothing to pay, the membership starts at the admission.
    exonere: bool
    # The collège's name inside a sentence (« au collège des habitants et des usagers »).
    nom: str
    # The identity block to print: « physiques », « morales » or « mixtes ».
    personnes: str
    # Inter-CPTS: a member CPTS is represented by members of its own bureau, not one person.
    representee_par_son_bureau: bool
    # A natural person of this collège is a professional: RPPS or ADELI number, address and mode
    # d'exercice; otherwise (an inhabitant, a partner) he gives his domicile, nothing professional.
    professionnel: bool
    # The conditions the applicant of this collège says he fulfils, in the first person, and
    # whether they are the statuts' own (an inter-CPTS' partners) rather than the RI's.
    conditions: tuple[str, ...]
    conditions_des_statuts: bool
    # An inter-CPTS admits a CPTS as of right (statuts, adhesion article): the bureau only records
    # that the conditions are met, it does not decide; the partners' applications are decided.
    de_droit: bool = False


class Bulletin(NamedTuple):
    """What the bulletin d'adhésion prints."""

    formulaires: tuple[Formulaire, ...]
    # The organ that decides, after « Décision »: « du bureau », « du conseil d'administration ».
    decision_de: str
    # Who signs the receipt (« le président », « l'une des co-présidentes ») and his name if known.
    recu_signataire: str
    recu_nom: str | None
    # The association's e-mail address, the controller's contact (None: a blank to fill).
    contact: str | None
    # A CPTS reports to the ARS and the CPAM under the contrat tripartite; an inter-CPTS does not.
    destinataires_aci: bool


# The collèges whose natural persons are professionals (AVECsanté art. 5-2: the « ps » collège);
# the inhabitants' and the partners' collèges gather people who give a domicile.
_PROFESSIONNELS = frozenset({"ps"})

# Whose decision the association's box records (the organs that may admit members).
_DECISION = {"bureau": "du bureau", "conseil_administration": "du conseil d'administration"}


# The RI's adhesion conditions as the applicant ticks them, in the first person (« je … ») after
# « Je remplis les conditions … : »; the first box already says he respects the statuts and the RI.
_CONDITIONS: Mapping[str, str] = MappingProxyType(
    {
        "exercer_ou_resider_sur_territoire": (
            "j'exerce mon activité, j'ai mon établissement ou ma résidence sur le territoire de la CPTS"
        ),
        "adherer_au_projet_de_sante": "j'adhère au projet de santé de la CPTS",
        "participer_a_une_action": "je m'engage à participer à au moins une action ou un groupe de travail",
        "signer_charte": "je signe la charte de l'association annexée au règlement intérieur",
    }
)

# An inter-CPTS' member CPTS: the RI's conditions as a CPTS meets them (RI, adhesion article).
_CONDITIONS_INTER_CPTS: Mapping[str, str] = MappingProxyType(
    {
        "exercer_ou_resider_sur_territoire": (
            "j'ai mon territoire d'action, en tout ou partie, sur le territoire de l'association"
        ),
        "adherer_au_projet_de_sante": (
            "j'adhère aux objectifs de l'association et je m'engage à participer à ses travaux"
        ),
    }
)

# An inter-CPTS' partners: the statuts' own conditions (adhesion article, second paragraph), never
# the CPTS' territorial one.
_CONDITIONS_PARTENAIRES = (
    "je soutiens la coordination des CPTS et je partage les objectifs de l'association",
)


def _conditions(model: Cpts, college: College, definition_membres: str | None) -> tuple[str, ...]:
    if model.inter_cpts and college.code != "cpts":
        return _CONDITIONS_PARTENAIRES
    mots = {**_CONDITIONS, **_CONDITIONS_INTER_CPTS} if model.inter_cpts else _CONDITIONS
    if definition_membres is not None:
        # One class whose own definition states the territorial condition: the form says it as
        # the statuts and the RI do (no « résidence » the statuts do not admit).
        definition = (
            "je suis au nombre des personnes que les statuts admettent comme membres, "
            f"à savoir {definition_membres}"
        )
        mots = {**mots, "exercer_ou_resider_sur_territoire": definition}
    return tuple(mots[code] for code in model.adhesion.conditions if code in mots)


def _formulaire(model: Cpts, college: College, definition_membres: str | None) -> Formulaire:
    return Formulaire(
        college=college,
        exonere=college.cotisation == 0,
        nom=labels.college_dans_phrase(college.intitule),
        personnes=college.personnes if college.personnes in ("physiques", "morales") else "mixtes",
        representee_par_son_bureau=model.inter_cpts and college.code == "cpts",
        professionnel=college.code in _PROFESSIONNELS
        or (college.personnes == "physiques" and college.code not in {"usagers", "partenaires"}),
        conditions=_conditions(model, college, definition_membres),
        conditions_des_statuts=model.inter_cpts and college.code != "cpts",
        de_droit=model.inter_cpts and college.code == "cpts",
    )


def bulletin(model: Cpts, commun: Commun) -> Bulletin:
    """Build the context of the bulletin d'adhésion."""
    # The RI has the trésorier call and collect the cotisations: he signs the receipt.
    tresorier = next(p for p in commun.postes if p.fonction == "tresorier")
    signataire, nom = tresorier.titre.le, tresorier.nom
    ag = model.ag_constitutive
    designations = dict(ag.bureau_elu).get("tresorier", ()) if ag is not None else ()
    if designations and designations[0].personne is None:
        # A legal person holds the office: the natural person who represents it signs.
        nom = model.nom_representant(designations[0].membre)
    return Bulletin(
        formulaires=tuple(
            _formulaire(model, college, commun.conception.definition_membres) for college in model.colleges
        ),
        decision_de=_DECISION[model.adhesion.validation_par],
        recu_signataire=signataire,
        recu_nom=nom,
        contact=model.association.email,
        destinataires_aci=not model.inter_cpts,
    )
