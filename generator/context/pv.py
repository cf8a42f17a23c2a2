"""The procès-verbal of the constitutive assembly: resolutions, attendance, elections, signatures.

The resolutions are listed here, once, in the order of the agenda: the PV's agenda, its
numbered resolutions and their cross-references all read this list.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator import labels
from generator.context.commun import RANGS, Commun, Poste
from generator.context.statuts import mots_majorite
from generator.context.titres import est_une_femme, titre
from generator.model import RESOLUTIONS, College, Cpts, Designation, Vote
from generator.rules.forme import signataires_statuts


class Resolution(NamedTuple):
    """One resolution of the agenda."""

    code: str
    ordinal: str  # « Première », « Deuxième »…
    vote: Vote | None  # None in a draft
    # An election whose votes per candidate are given (voix_candidats, voix_bureau), or left to
    # fill when no vote is given: the secret ballot is the vote, the PV prints no global count.
    par_candidat: bool = False
    # An election whose answers give one global count: the candidates were elected together on a
    # single list, and the PV prints that count, not a blank per candidate (no double count).
    liste: bool = False


class Presences(NamedTuple):
    """Who attends the constitutive assembly, as the PV counts it."""

    presents: int
    representes: int
    absents: int
    # Present or represented founders of a collège with a consultative voice.
    consultatifs: int
    votants: int
    # The voters once the statuts are adopted: those who refused them are no members.
    votants_membres: int
    # (member, proxy holder) names of each proxy.
    pouvoirs: tuple[tuple[str, str], ...]
    # Names of the honorary members who attend.
    honneur: tuple[str, ...]


class Election(NamedTuple):
    """The administrators a collège elected."""

    college: College
    noms: tuple[str, ...]
    non_pourvus: int


class Elu(NamedTuple):
    """One elected administrator and the votes he obtained at the secret ballot."""

    nom: str
    voix: int | None  # None: not given, a blank to fill


class EluBureau(NamedTuple):
    """One seat of the bureau the assembly elects, its holder and the votes he obtained."""

    poste: Poste
    voix: int | None  # None: not given, a blank to fill


class Echeance(NamedTuple):
    """One step of the partial renewal's schedule."""

    rang: str  # « Premier »
    sieges: int
    annee: int | None
    annees_apres_constitution: int
    dernier: bool


class Emargement(NamedTuple):
    """One line of the feuille de présence."""

    nom: str
    college: str | None  # the collège's intitulé, None for a founder without one
    presence: str | None  # « present », « represente », « absent »; None in a draft
    mandataire: str | None
    accord: str  # « e » for a woman (« présente »)
    # Who signs the line: the member, the natural person for a legal person, the mandataire.
    signataire: str | None
    # He voted against the statuts or abstained (ag_constitutive.refus_statuts): no founder.
    refus: bool = False


class Acceptation(NamedTuple):
    """Who accepts a mandate at the meeting (present) and who accepts it in writing (the others)."""

    presents: tuple[str, ...]
    par_ecrit: tuple[str, ...]


class Signatures(NamedTuple):
    """The founders who sign the statuts at the meeting: the present ones who adopted them.

    Founding is a contract (loi 1901, art. 1er): who votes against or abstains does not consent;
    a represented founder does not sign at the meeting.
    """

    # None: unknown (a draft, or the vote on the statuts is not given).
    nombre: int | None
    # Counted votes against or abstentions on the statuts: those members do not found.
    refus: int
    # Local law: at least this many signatures (code civil local, art. 59).
    minimum: int
    # The members named as refusing the statuts (ag_constitutive.refus_statuts), by name.
    refusants: tuple[str, ...] = ()


class Pv(NamedTuple):
    """What the PV prints."""

    resolutions: tuple[Resolution, ...]
    # Resolution code → its ordinal, for a resolution citing another.
    ordinaux: Mapping[str, str]
    # The CA designates the bureau in its midst (the assembly takes note).
    bureau_par_ca: bool
    president_seance: Poste
    secretaire_seance: Poste
    presences: Presences | None
    elections: tuple[Election, ...]
    administrateurs_elus: int
    # Each elected administrator, collège by collège, with his votes (ag_constitutive.voix_candidats).
    elus: tuple[Elu, ...]
    renouvellement: tuple[Echeance, ...]
    emargement: tuple[Emargement, ...]
    # Acceptance of the administrators' and the bureau's mandates.
    acceptation_administrateurs: Acceptation
    acceptation_bureau: Acceptation
    signatures: Signatures
    # « à la majorité simple des membres présents ou représentés » (or « des suffrages exprimés »):
    # a counted vote is adopted on the base the statuts choose (assemblees.decompte_majorites).
    majorite_adoption: str
    # Honorary members named in the statuts' annex: the constitutive assembly confers the title
    # (the statuts give it to the CA or the AGO afterwards), so that an act confers it.
    membres_honneur: tuple[str, ...]
    # The bureau elected by the assembly, seat by seat, with the votes of the secret ballot
    # (ag_constitutive.voix_bureau); empty when the CA designates the bureau.
    elus_bureau: tuple[EluBureau, ...]
    # Who the founders are, after their number: « personnes physiques », « personnes morales » or
    # « personnes, physiques ou morales, »; the feuille de présence names who signs it, a legal
    # person's signatory only when a founder is one.
    fondateurs_personnes: str
    emargee_par: str
    # Whether an elected administrator is a legal person (it sits through a natural person).
    administrateurs_personnes_morales: bool
    # Whether a founder is a legal person: it acts through its legal representative or a person it
    # empowers in writing, whose written authority is annexed to the PV.
    fondateurs_personnes_morales: bool = False
    # Who signs the statuts (loi 1901): the président(s) and the secrétaire once designated, by
    # name; empty when one of them is not known (the PV names their titles only).
    signataires_statuts: tuple[str, ...] = ()


def _resolutions(model: Cpts) -> tuple[Resolution, ...]:
    codes = [r for r in RESOLUTIONS if r != "administrateurs" or model.conseil_administration is not None]
    ag = model.ag_constitutive
    par_candidat = set()
    if ag is not None and ag.voix_candidats:
        par_candidat.add("administrateurs")
    par_ca = model.conseil_administration is not None and model.bureau.elu_par == "conseil_administration"
    if ag is not None and ag.voix_bureau and not par_ca:
        par_candidat.add("bureau")
    elections = {"administrateurs"} | (set() if par_ca else {"bureau"})

    def resolution(i: int, code: str) -> Resolution:
        vote = None if ag is None else ag.votes.get(code)
        election = ag is not None and code in elections and code not in par_candidat
        return Resolution(
            code,
            labels.ORDINAUX_RESOLUTIONS[i],
            vote,
            code in par_candidat or (election and vote is None),
            election and vote is not None,
        )

    return tuple(
        resolution(i, code)
        for i, code in enumerate(codes)
    )


def _officier(model: Cpts, fonction: str, member_id: str | None) -> Poste:
    """Return a séance officer (« présidente de séance »), titled for the person, named when known."""
    if member_id is None:
        return Poste(fonction, titre(fonction), None)
    membre = model.membre(member_id)
    # A legal person holds the séance through its representative: his title agrees with the
    # genre the answers give him where they designate him by name (never guessed).
    qui: Designation | str = (
        Designation(member_id, membre.representant, ())
        if membre is not None and membre.personne_morale and membre.representant
        else member_id
    )
    return Poste(fonction, titre(fonction, est_une_femme(model, qui)), model.nom_representant(member_id))


def _presences(model: Cpts) -> Presences | None:
    ag = model.ag_constitutive
    if ag is None:
        return None
    fondateurs = {f.id for f in model.fondateurs}
    presents = [i for i in ag.presents if i in fondateurs]
    representes = [r.membre for r in ag.representes]
    absents = [f for f in model.fondateurs if f.id not in presents and f.id not in representes]
    votants = len(model.votants())
    return Presences(
        presents=len(presents),
        representes=len(representes),
        absents=len(absents),
        consultatifs=len(presents) + len(representes) - votants,
        votants=votants,
        votants_membres=len(model.votants_membres()),
        # A legal person holding a proxy votes through its natural person: « Nathalie Brun (EHPAD
        # Les Tilleuls) », as on the feuille de présence (no article to guess before its name).
        pouvoirs=tuple((model.nom(r.membre), model.nom_representant(r.mandataire)) for r in ag.representes),
        honneur=tuple(model.nom(i) for i in ag.presents if i not in fondateurs),
    )


def _elections(model: Cpts) -> tuple[Election, ...]:
    return tuple(
        Election(
            college, tuple(model.nom(d) for d in designations), max(0, college.sieges_ca - len(designations))
        )
        for college, designations in model.elus_par_college()
    )


def _elus(model: Cpts) -> tuple[Elu, ...]:
    ag = model.ag_constitutive
    if ag is None:
        return ()
    return tuple(
        Elu(model.nom(d), ag.voix_candidats.get(d.membre))
        for _, designations in model.elus_par_college()
        for d in designations
    )


def _elus_bureau(model: Cpts, commun: Commun, par_ca: bool) -> tuple[EluBureau, ...]:
    """Pair each seat of the bureau with its votes: the co-présidents' in bureau_elu's order."""
    if par_ca:
        return ()
    ag = model.ag_constitutive
    voix: Mapping[str, tuple[int, ...]] = MappingProxyType({}) if ag is None else ag.voix_bureau
    rangs: dict[str, int] = {}
    elus = []
    for poste in commun.postes:
        rang = rangs.get(poste.fonction, 0)
        rangs[poste.fonction] = rang + 1
        obtenues = voix.get(poste.fonction, ())
        elus.append(EluBureau(poste, obtenues[rang] if rang < len(obtenues) else None))
    return tuple(elus)


def _renouvellement(model: Cpts) -> tuple[Echeance, ...]:
    ca = model.conseil_administration
    if ca is None or not ca.renouvellement_partiel:
        return ()
    echeances = [e for e in ca.calendrier_renouvellement if e.sieges > 0]
    return tuple(
        Echeance(
            RANGS[e.rang - 1].capitalize(),
            e.sieges,
            e.annee,
            e.annees_apres_constitution,
            i == len(echeances) - 1,
        )
        for i, e in enumerate(echeances)
    )


def _signataire(model: Cpts, member_id: str, presence: str | None, mandataire: str | None) -> str | None:
    """Return who signs a line: the mandataire, a legal person's representative, or the member."""
    if presence == "represente":
        return mandataire
    membre = model.membre(member_id)
    if membre is not None and membre.personne_morale:
        return membre.representant  # None: a blank, the person signing writes his name
    return model.nom(member_id)


def _emargement(model: Cpts) -> tuple[Emargement, ...]:
    ag = model.ag_constitutive
    lignes = []
    for f in model.fondateurs:
        college = model.college(f.college) if f.college is not None else None
        presence: str | None = None
        mandataire = None
        pouvoir = None
        if ag is not None:
            pouvoir = next((r for r in ag.representes if r.membre == f.id), None)
            if f.id in ag.presents:
                presence = "present"
            elif pouvoir is not None:
                presence, mandataire = "represente", model.nom(pouvoir.mandataire)
            else:
                presence = "absent"
        accord = "e" if est_une_femme(model, f.id) or f.personne_morale else ""
        signataire = None
        if presence is not None:
            # A legal person holding a proxy signs through its representative.
            signe = (
                None
                if pouvoir is None or presence != "represente"
                else model.nom_representant(pouvoir.mandataire)
            )
            signataire = _signataire(model, f.id, presence, signe)
        lignes.append(
            Emargement(
                model.nom(f.id),
                college.intitule if college else None,
                presence,
                mandataire,
                accord,
                signataire,
                ag is not None and f.id in ag.refus_statuts,
            )
        )
    if ag is not None:
        for member_id in ag.presents:
            membre = model.membre(member_id)
            if membre is not None and membre.honneur:
                accord = "e" if est_une_femme(model, member_id) or membre.personne_morale else ""
                signataire = _signataire(model, member_id, "honneur", None)
                lignes.append(Emargement(model.nom(member_id), None, "honneur", None, accord, signataire))
    return tuple(lignes)


def _acceptation(model: Cpts, designations: tuple[Designation, ...]) -> Acceptation:
    ag = model.ag_constitutive
    presents = set() if ag is None else set(ag.presents)
    noms = list(dict.fromkeys((d.membre in presents, model.nom(d)) for d in designations))
    return Acceptation(tuple(n for p, n in noms if p), tuple(n for p, n in noms if not p))


def nombre_signataires(model: Cpts) -> int | None:
    """Count who signs the statuts at the meeting (None: the vote on the statuts is not given).

    When the answers name who refused the statuts, the count is exact (the present founders who
    adopted them); otherwise the prudent count of rules.forme.
    """
    ag = model.ag_constitutive
    if ag is None or "statuts" not in ag.votes:
        return None
    if ag.refus_statuts:
        return len(model.fondateurs_signataires())
    return signataires_statuts(model)


def _signatures(model: Cpts) -> Signatures:
    ag = model.ag_constitutive
    vote = None if ag is None else ag.votes.get("statuts")
    refus = 0 if vote is None or vote.unanimite else vote.contre + vote.abstention
    return Signatures(
        nombre=nombre_signataires(model),
        refus=refus,
        minimum=model.parametres.fondateurs_minimum_droit_local.valeur,
        refusants=() if ag is None else tuple(model.nom(i) for i in ag.refus_statuts),
    )


def pv(model: Cpts, commun: Commun) -> Pv:
    """Build the context of the PV."""
    resolutions = _resolutions(model)
    ag = model.ag_constitutive
    bureau_par_ca = commun.ca is not None and model.bureau.elu_par == "conseil_administration"
    fondateurs_personnes_morales = any(f.personne_morale for f in model.fondateurs)
    return Pv(
        resolutions=resolutions,
        ordinaux=MappingProxyType({r.code: r.ordinal for r in resolutions}),
        bureau_par_ca=bureau_par_ca,
        president_seance=_officier(model, "president", None if ag is None else ag.presidence_seance),
        secretaire_seance=_officier(model, "secretaire", None if ag is None else ag.secretariat_seance),
        presences=_presences(model),
        elections=_elections(model),
        administrateurs_elus=0 if ag is None else len(ag.administrateurs_elus),
        elus=_elus(model),
        renouvellement=_renouvellement(model),
        emargement=_emargement(model),
        acceptation_administrateurs=_acceptation(model, () if ag is None else ag.administrateurs_elus),
        acceptation_bureau=_acceptation(
            model, () if ag is None else tuple(d for _, ds in ag.bureau_elu for d in ds)
        ),
        signatures=_signatures(model),
        majorite_adoption=mots_majorite(model.assemblees.decompte_majorites, "simple"),
        membres_honneur=tuple(model.nom(m.id) for m in model.honneur),
        elus_bureau=_elus_bureau(model, commun, bureau_par_ca),
        fondateurs_personnes=_fondateurs_personnes(model),
        emargee_par=_emargee_par(fondateurs_personnes_morales),
        administrateurs_personnes_morales=_administrateurs_personnes_morales(model),
        fondateurs_personnes_morales=fondateurs_personnes_morales,
        signataires_statuts=_signataires_statuts(commun),
    )


def _signataires_statuts(commun: Commun) -> tuple[str, ...]:
    noms = tuple(p.nom for p in (*commun.signataires, commun.secretaire))
    return tuple(n for n in noms if n is not None) if all(n is not None for n in noms) else ()


def _administrateurs_personnes_morales(model: Cpts) -> bool:
    ag = model.ag_constitutive
    elus = (model.membre(d.membre) for d in (() if ag is None else ag.administrateurs_elus))
    return any(m is not None and m.personne_morale for m in elus)


def _fondateurs_personnes(model: Cpts) -> str:
    morales = {f.personne_morale for f in model.fondateurs}
    if morales == {True}:
        return "personnes morales"
    if morales == {False}:
        return "personnes physiques"
    return "personnes, physiques ou morales,"


def _emargee_par(personnes_morales: bool) -> str:
    if personnes_morales:
        return (
            "chaque membre présent, par la personne physique qui signe pour chaque personne morale"
            " et par le mandataire de chaque membre représenté"
        )
    return "chaque membre présent et par le mandataire de chaque membre représenté"
