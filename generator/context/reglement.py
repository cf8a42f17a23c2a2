"""The règlement intérieur: the choices its articles print (thresholds, majorities, lists).

The RI describes functions, not the people who hold them: it says « le président » whatever the
holder (its preamble says so), hence the statutory forms of the presidency (``c.selon_presidence``
in the templates, ``Commun.presidence_statutaire`` here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import NamedTuple

from generator import labels, typography
from generator.context.commun import Commun, Poste
from generator.context.statuts import DECOMPTES, mots_majorite
from generator.context.titres import titre
from generator.model import Cpts
from generator.values import Montant


class Reglement(NamedTuple):
    """What the RI prints."""

    # (decision, majority code) of the CA, the specific decisions first and « les autres » last.
    majorites: tuple[tuple[str, str], ...]
    # A majority in words, counted as the answers say (see the statuts' context).
    majorite: Callable[[str], str]
    # How the votes are counted (« sur les voix des membres présents ou représentés : … »).
    decompte: str
    # The majority that amends the RI (with a CA).
    majorite_reglement: str | None
    # Below ``seuil`` one person commits an expense; above ``double`` two sign. The lower of the two
    # bounds the single-person commitments: a single-person threshold above the other cannot apply.
    seuil: Decimal
    double: Decimal
    # To whom a bank card is issued (« à chacun des co-présidents », « au trésorier »).
    cartes: tuple[str, ...]
    # Who validates indemnisation requests (« le bureau », « le trésorier »…).
    validation_indemnites: str
    # Who validates, with the trésorier, a request from a member of the bureau: never the bureau
    # alone (the gestion désintéressée needs a control by the members).
    controle_bureau: str
    # The bureau decides on admissions when the CA does not meet within the delay (see the statuts).
    admission_par_bureau_a_defaut: bool
    # The indemnified activities, in words; attending a general assembly is never paid.
    activites: tuple[str, ...]
    # The CPTS indemnités of CSP art. D. 1434-44 (not for an inter-CPTS, which is no CPTS).
    indemnites_cpts: bool
    # Some barème pays members of the bureau or of the CA: dirigeants de droit, whose every sum
    # counts for the gestion désintéressée (BOI-IS-CHAMP-10-50-10-20).
    dirigeants_indemnises: bool
    # The tax tolerance for a dirigeant's pay: three quarters of the SMIC a month, and the date of
    # the SMIC it is computed from; None when no dirigeant is paid or indemnified, or when no SMIC
    # value is known at the assembly's date.
    tolerance_dirigeants: Montant | None
    tolerance_depuis: dt.date | None
    # The beneficiaries of each barème, in words inside a sentence (a free profession without its
    # capital: « adhérents exerçant la profession de médecin généraliste »).
    beneficiaires: tuple[str, ...]
    # Some barème names its activity: the table has an activity column.
    baremes_par_activite: bool
    # The time spent in working groups or on the projet de santé's actions is indemnified.
    groupes_indemnises: bool
    # A partial renewal cuts the first mandate of the first outgoing groups short.
    premier_mandat_abrege: bool
    # The period a cotisation is due for (« année », or « exercice » with a non-calendar exercice).
    periode: str
    # The constitutive assembly adopted the RI (otherwise the date is a blank to fill by hand).
    adopte_le_ag: bool
    # The signature boxes, as in the statuts: the presidency then the secrétaire, each titled for
    # its holder and named when the constitutive assembly adopted the RI (else blanks, masculine).
    signataires: tuple[Poste, ...]
    # The number of signed originals (one kept at the seat, one for the members' consultation).
    exemplaires: int


def _majorites(model: Cpts) -> tuple[tuple[str, str], ...]:
    ca = model.conseil_administration
    if ca is None:
        return ()
    rows = [
        (decision, ca.majorites[code])
        for code, decision in labels.MAJORITES_DECISIONS.items()
        if code != "defaut" and code in ca.majorites
    ]
    rows.append((labels.MAJORITES_DECISIONS["defaut"], ca.majorites["defaut"]))
    return tuple((decision[:1].upper() + decision[1:], majorite) for decision, majorite in rows)


def _carte(code: str, commun: Commun) -> str:
    if code == "president" and commun.conception.collegial:
        # A collegial bureau has no président: the default card goes to the administrateurs délégués.
        return "à chacun des administrateurs délégués"
    if code == "president" and commun.presidence_statutaire.pluriel:
        return "à chacun des co-présidents"
    return "au " + labels.FONCTIONS[code]


def _cartes(model: Cpts, commun: Commun) -> tuple[str, ...]:
    return tuple(_carte(code, commun) for code in model.finances.depenses.carte_bancaire)


def _minuscule(text: str) -> str:
    """Lower-case a capitalised word (« Médecin généraliste ») but not an acronym (« IDE »)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _de(word: str) -> str:
    """Return « de » before a word, elided before a vowel: « d'infirmier », « de médecin »."""
    return f"d'{word}" if word[:1].lower() in "aâeéèêiîoôuy" else f"de {word}"


def _beneficiaires(codes: tuple[str, ...]) -> str:
    """Return a barème's beneficiaries in words, a free profession joined without ambiguity.

    The list is a union of classes (« membres du bureau et administrateurs »). A profession is a
    class of persons, worded « professionnels exerçant la profession de … » rather than a bare
    « médecin généraliste » beside a class. Beside ``adherents`` a profession can only restrict
    it (the union would be the adhérents alone): « adhérents exerçant la profession de … ».
    """
    professions = [_de(_minuscule(code)) for code in codes if code not in labels.BENEFICIAIRES]
    classes = [labels.BENEFICIAIRES[code] for code in codes if code in labels.BENEFICIAIRES]
    if professions:
        qui = "adhérents" if "adherents" in codes else "professionnels"
        exercant = f"{qui} exerçant la profession {typography.liste(professions, 'ou')}"
        classes = [exercant if c == labels.BENEFICIAIRES["adherents"] else c for c in classes]
        if "adherents" not in codes:
            classes.append(exercant)
    return typography.liste(classes)


def _activites(model: Cpts) -> tuple[str, ...]:
    """Return the indemnified activities; « instances » never covers a general assembly."""
    instances = (
        "la participation aux réunions du bureau et du conseil d'administration"
        if model.conseil_administration is not None
        else "la participation aux réunions du bureau"
    )
    return tuple(
        f"{instances}, à l'exclusion des assemblées générales"
        if code == "instances"
        else labels.ACTIVITES[code]
        for code in model.indemnisation.activites
    )


def _dirigeants_indemnises(model: Cpts) -> bool:
    return any(
        code in ("bureau", "conseil_administration")
        for bareme in model.indemnisation.baremes
        for code in bareme.beneficiaires
    )


def _tolerance(model: Cpts) -> tuple[Montant | None, dt.date | None]:
    if not (model.indemnisation.remuneration_dirigeants or _dirigeants_indemnises(model)):
        return None, None
    smic = model.parametres.smic_mensuel_brut
    ag = model.ag_constitutive
    if ag is None or ag.date < smic.depuis:
        # No SMIC value known at the act's date: the RI says « en vigueur » rather than cite a
        # figure that was not yet (or no longer) the SMIC when it was adopted.
        return None, None
    return Montant((smic.valeur * 3 / 4).quantize(Decimal("0.01"))), smic.depuis


def reglement(model: Cpts, commun: Commun) -> Reglement:
    """Build the context of the RI."""
    ca = model.conseil_administration
    depenses = model.finances.depenses
    ind = model.indemnisation
    ag = model.ag_constitutive
    # A vote not given is not presumed (the PV leaves it blank): the RI is not said adopted.
    adopte = ag is not None and (vote := ag.votes.get("reglement_interieur")) is not None and vote.adopte
    signataires = (*commun.signataires, commun.secretaire)
    if not adopte:
        # Nobody is named: the boxes carry the functions' masculine titles, one per président.
        un_president = titre("co_president" if commun.presidence_statutaire.pluriel else "president")
        signataires = (
            *(Poste("president", un_president, None),) * commun.presidence_statutaire.nombre,
            Poste("secretaire", titre("secretaire"), None),
        )
    tolerance, tolerance_depuis = _tolerance(model)
    return Reglement(
        majorites=_majorites(model),
        majorite=partial(mots_majorite, model.assemblees.decompte_majorites),
        decompte=DECOMPTES[model.assemblees.decompte_majorites],
        majorite_reglement=(
            None if ca is None else ca.majorites.get("reglement_interieur", ca.majorites["defaut"])
        ),
        seuil=min(depenses.seuil_engagement_seul, depenses.double_signature_au_dela),
        double=depenses.double_signature_au_dela,
        cartes=_cartes(model, commun),
        validation_indemnites="le trésorier"
        if ind.validation_par is None
        else labels.ORGANES[ind.validation_par],
        controle_bureau=(
            "un administrateur qui n'est pas membre du bureau, désigné chaque année par le conseil "
            "d'administration"
            if ca is not None
            else "un membre de l'association qui ne siège pas au bureau, désigné chaque année par "
            "l'assemblée générale ordinaire"
        ),
        activites=_activites(model),
        admission_par_bureau_a_defaut=(
            ca is not None
            and model.adhesion.validation_par == "conseil_administration"
            and model.adhesion.delai_reponse_jours * ca.reunions_min_par_an < 365
        ),
        indemnites_cpts=not model.inter_cpts,
        dirigeants_indemnises=_dirigeants_indemnises(model),
        tolerance_dirigeants=tolerance,
        tolerance_depuis=tolerance_depuis,
        beneficiaires=tuple(_beneficiaires(b.beneficiaires) for b in ind.baremes),
        baremes_par_activite=any(b.activite for b in ind.baremes),
        groupes_indemnises=bool(ind.baremes)
        and ("groupes_travail" in ind.activites or "actions_projet_sante" in ind.activites),
        premier_mandat_abrege=(
            ca is not None
            and bool(ca.calendrier_renouvellement)
            and ca.calendrier_renouvellement[0].annees_apres_constitution < ca.mandat_annees
        ),
        adopte_le_ag=adopte,
        periode=commun.periode,
        signataires=signataires,
        exemplaires=2,
    )
