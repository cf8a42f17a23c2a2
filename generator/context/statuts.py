"""The statuts: the lists and wordings their articles print, and the signatures.

Like the RI, the statuts describe functions, not their holders: their articles keep the
masculine of the functions and the statutory forms of the presidency. Only the signature block,
which names the signatories, titles each of them for the person (« La secrétaire »).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial
from types import MappingProxyType
from typing import NamedTuple

from generator import labels, typography
from generator.context.commun import RANGS, Commun, Poste
from generator.model import Cpts, EcheanceRenouvellement, Membre
from generator.rules.forme import signataires_statuts
from generator.values import Fraction, Majorite

# Days of each month of a common year: an exercise starting on the 1st ends on the previous month's last day.
_JOURS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# Titles that take the definite article inside a sentence (« représentée par le Dr … »).
_TITRES_AVEC_ARTICLE = ("Dr ", "Pr ", "Docteur ", "Professeur ")


class Renouvellement(NamedTuple):
    """One step of the first renewals of a partial renewal, as the statuts list it."""

    rang: str  # « premier »
    echeance: EcheanceRenouvellement


class Fondateur(NamedTuple):
    """One line of the annexe: a founding or honorary member.

    The pieces are printed apart (civilité, then name), each escaped on its own, as the
    documents always printed them.
    """

    civilite: str | None  # a natural person's civilité, if the answers give one
    nom: str  # « Prénom Nom », or the structure's name
    personne_morale: bool
    representant: str | None  # the person acting for a legal person, who signs under local law
    represente_par: str | None  # the same after « représentée par »: « le Dr Sandrine Hoffmann »
    profession: str | None
    college: str | None  # the collège's intitulé
    commune: str | None


class Suppleance(NamedTuple):
    """Who stands in for the presidency when nobody the bureau article names can (issue 13)."""

    # « le président est absent ou empêché », « les administrateurs délégués sont tous absents… »
    absents: str
    # « le vice-président ne peut le remplacer »: the vice-presidency's own rule comes first.
    vice: str | None
    # « du président »: whose attributions the designated member exercises.
    de: str
    # No trésorier adjoint: the bureau designates who replaces the trésorier.
    tresorier: bool
    # Among whom the organ designates: « les membres du bureau », or « ses membres » (the bureau).
    parmi: str


class Statuts(NamedTuple):
    """What the statuts print."""

    # « administrateurs », or « membres du bureau » without a CA: who holds the mandates.
    administrateurs: str
    # « du collège des partenaires »…: the consultative collèges after « Les membres ».
    membres_consultatifs: tuple[str, ...]
    # The added objectives as items of a « ; » list: no capital (but an acronym's), no final point.
    objectifs: tuple[str, ...]
    # The CA decides on admissions within a delay shorter than the interval of its meetings: the
    # bureau decides in its place, the CA ratifies.
    admission_par_bureau_a_defaut: bool
    # A majority in words, counted as the answers say (assemblees.decompte_majorites): « à la
    # majorité simple des membres présents ou représentés » in the AVECsanté model.
    majorite: Callable[[str], str]
    # How the votes are counted, as the statuts define it for every majority.
    decompte: str
    # The quorums in words after « ne délibère valablement que si »: « au moins les deux tiers »,
    # « plus de la moitié » (for « 1/2+1 »), by body: ago, age, ca, exclusion (None: no quorum).
    quorums: Mapping[str, str | None]
    # The majority by which the CA amends the RI (None without a CA: the bureau's own rules).
    majorite_reglement: str | None
    # (decision, majority code) of the CA's decisions with a majority of their own.
    majorites_speciales: tuple[tuple[str, str], ...]
    # A partial renewal: years between two renewals, and the schedule of the first ones.
    intervalle: int | None
    renouvellement: tuple[Renouvellement, ...]
    # An exercise other than the calendar year: its first day (« 1er avril ») and its last one.
    exercice_debut: str | None
    exercice_fin: str | None
    # The period a cotisation is due for: « année » with a calendar exercice, else « exercice »,
    # so that the statuts and the RI say the same word (both start with a vowel: « l'année »).
    periode: str
    # What the financial report states was paid to the mandate holders.
    versements: tuple[str, ...]
    # Paid dirigeants (CGI art. 261, 7, 1°, d): the resources to exceed for one, two, three of
    # them, in words (« 200 000 € pour un dirigeant, 500 000 € pour deux… »); None: no pay.
    seuils_remuneration: str | None
    # The CPTS indemnités of CSP art. L. 1434-12-1 and D. 1434-44 apply: not to an inter-CPTS,
    # which is not itself a CPTS.
    indemnites_cpts: bool
    # What the unpaid mandate does not rule out (« au remboursement des frais réellement exposés »).
    exceptions_benevolat: tuple[str, ...]
    # The number of signed originals: one for the declaration (or, under local law, the original
    # and the copy filed at the registre des associations), one kept at the seat.
    exemplaires: int
    # The date of the signatures (the constitutive assembly's), None: a blank.
    date: dt.date | None
    # The signature boxes: the presidency, then the secrétaire.
    signataires: tuple[Poste, ...]
    fondateurs: tuple[Fondateur, ...]
    honneur: tuple[Fondateur, ...]
    # Local law: the founders who sign the statuts at the meeting (the present ones; every founder
    # in a draft) and how many of them adopt the statuts: the same count as the PV and the requête.
    fondateurs_signataires: tuple[Fondateur, ...]
    nombre_signataires: int
    # A legal person may hold a seat on the CA: a collège with seats admits legal persons (with
    # one class of members, its `personnes`). Otherwise the CA articles never speak of one.
    ca_personnes_morales: bool
    # The stand-in for an absent presidency and trésorier, which the RI's expenses article cites.
    suppleance: Suppleance
    # Who confers the honorary title, after « conféré par »: the CA (or the AGO without one) and,
    # when the answers name honorary members, the constitutive assembly for those first ones.
    honneur_par: str
    # Local law: whether the founders' signature block is printed (not in amended statuts, which
    # the direction files with the AGE's decision: code civil local, art. 71).
    signatures_fondateurs: bool = True


def _exercice(code: str) -> tuple[str | None, str | None]:
    """Return the first and last day of a financial year starting on « MM-JJ » (None: civil year)."""
    if code in ("civil", "01-01"):
        return None, None
    mois, jour = int(code[:2]), int(code[3:])
    noms = tuple(typography.MOIS.values())  # January to December
    debut = f"{'1er' if jour == 1 else jour} {noms[mois - 1]}"
    if jour == 1:
        fin_mois = 12 if mois == 1 else mois - 1
        fin = (
            "le dernier jour de février"
            if fin_mois == 2
            else f"le {_JOURS[fin_mois - 1]} {noms[fin_mois - 1]}"
        )
    else:
        fin = f"le {'1er' if jour == 2 else jour - 1} {noms[mois - 1]}"
    return debut, fin


def _apres_par(nom: str) -> str:
    """Return a name as it follows « représentée par »: a title takes its article (« le Dr »)."""
    return "le " + nom if nom.startswith(_TITRES_AVEC_ARTICLE) else nom


def fondateur(model: Cpts, membre: Membre) -> Fondateur:
    """Return a founder's row as the statuts' annex and signature grid print it."""
    representant = membre.representant if membre.personne_morale and membre.representant else None
    college = model.college(membre.college) if membre.college is not None else None
    return Fondateur(
        civilite=None if membre.personne_morale else membre.civilite or None,
        nom=membre.nom_complet,
        personne_morale=membre.personne_morale,
        representant=representant,
        represente_par=None if representant is None else _apres_par(representant),
        profession=membre.profession or None,
        college=None if college is None else college.intitule,
        commune=membre.commune or None,
    )


_BASES = {
    "membres_presents_representes": "des membres présents ou représentés",
    "suffrages_exprimes": "des suffrages exprimés",
}


DECOMPTES = {
    "membres_presents_representes": (
        "sur les voix des membres présents ou représentés : une abstention, un bulletin blanc ou "
        "nul compte comme un vote défavorable"
    ),
    "suffrages_exprimes": (
        "sur les suffrages exprimés : les abstentions, les bulletins blancs et les bulletins nuls "
        "ne sont pas comptés"
    ),
}


def mots_majorite(decompte: str, code: str) -> str:
    """Return a majority in words on the chosen base: « à la majorité simple des suffrages exprimés »."""
    majorite = Majorite(code)
    base = _BASES[decompte]
    if majorite == "unanimite":
        return "à l'unanimité des membres présents ou représentés"
    if majorite.fraction is None:
        return f"à la majorité {majorite} {base}"
    return f"à la majorité {majorite.fraction.de_mots} {base}"


def _quorum(value: str | None) -> str | None:
    """Return a quorum in words: « plus de la moitié » rather than « la moitié plus un »."""
    if value is None:
        return None
    fraction = Fraction(value)
    return "plus de la moitié" if fraction.plus_un else "au moins " + fraction.mots


def _item(text: str) -> str:
    """Return a free objective as an item of a list: lower-case start, no final punctuation."""
    text = text.strip().rstrip(".;").rstrip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


def _exceptions_benevolat(model: Cpts) -> tuple[str, ...]:
    ind = model.indemnisation
    exceptions = []
    if ind.remboursement_frais:
        exceptions.append("au remboursement des frais réellement exposés")
    if not model.inter_cpts:
        exceptions.append(
            "aux indemnités et rémunérations que le code de la santé publique permet de verser aux "
            "membres de la communauté professionnelle territoriale de santé"
        )
    if ind.remuneration_dirigeants:
        exceptions.append("à la rémunération des dirigeants dans les conditions du présent article")
    return tuple(exceptions)


def statuts(model: Cpts, commun: Commun, *, signatures_fondateurs: bool = True) -> Statuts:
    """Build the context of the statuts (``signatures_fondateurs``: see ``Statuts``)."""
    ca = model.conseil_administration
    ind = model.indemnisation
    renouvellement: tuple[Renouvellement, ...] = ()
    intervalle = None
    if ca is not None and ca.renouvellement_partiel:
        intervalle = ca.calendrier_renouvellement[0].annees_apres_constitution
        renouvellement = tuple(
            Renouvellement(RANGS[e.rang - 1], e) for e in ca.calendrier_renouvellement if e.sieges > 0
        )
    debut, fin = _exercice(model.finances.exercice)
    versements = []
    if ind.remboursement_frais:
        versements.append("des remboursements de frais")
    if ind.remuneration_dirigeants:
        versements.append("des rémunérations")
    ag = model.ag_constitutive
    seuils = model.parametres.seuils_ressources_remuneration_dirigeants.valeur
    seuils_remuneration = (
        typography.liste(
            [
                f"{typography.montant(seuils[n])} pour {mot}"
                for n, mot in ((1, "un dirigeant"), (2, "deux"), (3, "trois"))
            ]
        )
        if ind.remuneration_dirigeants
        else None
    )
    return Statuts(
        administrateurs="administrateurs" if ca is not None else "membres du bureau",
        objectifs=tuple(_item(o) for o in model.objet.objectifs_supplementaires),
        admission_par_bureau_a_defaut=(
            ca is not None
            and model.adhesion.validation_par == "conseil_administration"
            and model.adhesion.delai_reponse_jours * ca.reunions_min_par_an < 365
        ),
        majorite=partial(mots_majorite, model.assemblees.decompte_majorites),
        decompte=DECOMPTES[model.assemblees.decompte_majorites],
        quorums=MappingProxyType(
            {
                "ago": _quorum(model.assemblees.ordinaire_quorum),
                "age": _quorum(model.assemblees.extraordinaire_quorum),
                "ca": None if ca is None else _quorum(ca.quorum),
                "exclusion": None if ca is None else _quorum(ca.quorum_exclusion),
            }
        ),
        majorite_reglement=(
            None if ca is None else ca.majorites.get("reglement_interieur", ca.majorites["defaut"])
        ),
        membres_consultatifs=tuple("du " + commun.colleges_nom[c.code] for c in commun.consultatifs),
        majorites_speciales=(
            ()
            if ca is None
            else tuple((labels.MAJORITES_DECISIONS[d], m) for d, m in ca.majorites.items() if d != "defaut")
        ),
        intervalle=intervalle,
        renouvellement=renouvellement,
        exercice_debut=debut,
        exercice_fin=fin,
        periode=commun.periode,
        versements=tuple(versements),
        seuils_remuneration=seuils_remuneration,
        indemnites_cpts=not model.inter_cpts,
        exceptions_benevolat=_exceptions_benevolat(model),
        exemplaires=3 if model.droit_local else 2,
        date=None if ag is None else ag.date,
        signataires=(*commun.signataires, commun.secretaire),
        fondateurs=tuple(fondateur(model, f) for f in model.fondateurs_adherents),
        honneur=tuple(fondateur(model, f) for f in model.honneur),
        fondateurs_signataires=tuple(fondateur(model, f) for f in _presents(model)),
        nombre_signataires=_nombre_signataires(model),
        ca_personnes_morales=any(c.personnes != "physiques" for c in model.colleges if c.sieges_ca > 0),
        suppleance=_suppleance(model, commun),
        honneur_par=_honneur_par(model),
        signatures_fondateurs=signatures_fondateurs,
    )


def _honneur_par(model: Cpts) -> str:
    """Return who confers the honorary title: the constitutive assembly too when it named some."""
    par = (
        "le conseil d'administration"
        if model.conseil_administration is not None
        else "l'assemblée générale ordinaire, sur proposition du bureau,"
    )
    if model.honneur:
        # The PV of the constitutive assembly confers the title on the members the answers name.
        par += " ou, pour les premiers membres d'honneur, par l'assemblée générale constitutive,"
    return par


def _suppleance(model: Cpts, commun: Commun) -> Suppleance:
    """Return the stand-in rule, after the vice-presidency's where there is one."""
    presidence = commun.presidence_statutaire
    vice = None
    if commun.vice_presidents:
        un = len(commun.vice_presidents) == 1
        qui = "le vice-président ne peut" if un else "les vice-présidents ne peuvent"
        vice = f"{qui} {'assurer la présidence' if presidence.pluriel else 'le remplacer'}"
    if model.bureau.collegial:
        absents = f"{presidence.le} sont tous absents ou empêchés"
    elif presidence.pluriel:
        absents = f"les deux {presidence.nom} sont absents ou empêchés"
    else:
        absents = f"{presidence.le} est absent ou empêché"
    fonctions = model.bureau.fonctions
    return Suppleance(
        absents=absents,
        vice=vice,
        de=presidence.du,
        tresorier="tresorier" in fonctions and "tresorier_adjoint" not in fonctions,
        parmi="les membres du bureau" if model.conseil_administration is not None else "ses membres",
    )


def _presents(model: Cpts) -> tuple[Membre, ...]:
    """Return the founders present at the constitutive assembly who adopted the statuts (all in a draft)."""
    ag = model.ag_constitutive
    if ag is None:
        return model.fondateurs
    presents = set(ag.presents)
    return tuple(f for f in model.fondateurs_adherents if f.id in presents)


def _nombre_signataires(model: Cpts) -> int:
    """Return how many founders sign the statuts: those present who adopt them (rules.forme)."""
    compte = signataires_statuts(model)
    if model.ag_constitutive is not None and model.ag_constitutive.refus_statuts:
        # The refusals are named (refus_statuts): the signatories are exactly the lines to sign.
        return len(_presents(model))
    return len(model.fondateurs) if compte is None else compte
