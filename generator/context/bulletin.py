"""The bulletin d'adhésion: one form per collège, the applicant's commitments, the receipt."""

from __future__ import annotations

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


class Bulletin(NamedTuple):
    """What the bulletin d'adhésion prints."""

    formulaires: tuple[Formulaire, ...]
    # The conditions of the RI the applicant says he fulfils, worded for this association.
    conditions: tuple[str, ...]
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


def _formulaire(model: Cpts, college: College) -> Formulaire:
    return Formulaire(
        college=college,
        exonere=college.cotisation == 0,
        nom=labels.college_dans_phrase(college.intitule),
        personnes=college.personnes if college.personnes in ("physiques", "morales") else "mixtes",
        representee_par_son_bureau=model.inter_cpts and college.code == "cpts",
        professionnel=college.code in _PROFESSIONNELS
        or (college.personnes == "physiques" and college.code not in {"usagers", "partenaires"}),
    )


def bulletin(model: Cpts, commun: Commun) -> Bulletin:
    """Build the context of the bulletin d'adhésion."""
    presidence = commun.presidence
    if presidence.nombre > 1:
        # Any of the co-présidents may sign: the receipt names nobody.
        signataire = ("l'une des " if presidence.feminin else "l'un des ") + presidence.nom
        nom = None
    else:
        signataire = presidence.le
        nom = commun.presidents[0] if commun.presidents else None
    return Bulletin(
        formulaires=tuple(_formulaire(model, college) for college in model.colleges),
        # The first box already says « respecter les statuts et le règlement ».
        conditions=tuple(
            w for code, w in commun.conditions_adhesion.items() if code != "respecter_statuts_et_reglement"
        ),
        decision_de=_DECISION[model.adhesion.validation_par],
        recu_signataire=signataire,
        recu_nom=nom,
        contact=model.association.email,
        destinataires_aci=not model.inter_cpts,
    )
