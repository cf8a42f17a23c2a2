"""The records of the model: immutable, typed descriptions of the parts of a CPTS.

Every entity keeps the YAML path it came from, so a rule can point at the right line. Fractions,
majorities and amounts are the value objects of :mod:`generator.values`, parsed once.

The records are ``NamedTuple`` classes: immutable like frozen dataclasses, but a dataclass compiles
each of its generated methods when the module is imported, which cost 12 ms of every ``cpts``
start for these twenty classes; a named tuple is made six times faster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator.loader import PathKey  # one type for a YAML path: the loader's
from generator.values import Fraction, Majorite, Montant

# Well-known collège codes: AVECsanté's four (guide part 05, art. 5-2) and the inter-CPTS two
# (URPS Occitanie 2022). Their wording is the project's own.
COLLEGES_CONNUS: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        "ps": (
            "Collège des professionnels de santé et des personnes physiques",
            "les professionnels de santé, libéraux ou salariés, et les autres personnes physiques "
            "qui contribuent à l'objet de l'association, notamment les professionnels des "
            "secteurs médico-social et social",
            "physiques",
        ),
        "esp": (
            "Collège des équipes de soins primaires",
            "les équipes de soins primaires, maisons de santé pluriprofessionnelles et centres "
            "de santé, membres en qualité de personnes morales et représentés par leur "
            "gestionnaire",
            "morales",
        ),
        "structures": (
            "Collège des structures sanitaires, médico-sociales et sociales",
            "les établissements sanitaires et médico-sociaux, les structures du secteur social, "
            "les dispositifs d'appui à la coordination et les bailleurs sociaux du territoire",
            "morales",
        ),
        "usagers": (
            "Collège des habitants et des usagers",
            "les habitants du territoire, les associations d'usagers et leurs représentants",
            "mixtes",
        ),
        "cpts": (
            "Collège des CPTS",
            "les communautés professionnelles territoriales de santé du département, membres en "
            "qualité de personnes morales et représentées par les membres de leur bureau",
            "morales",
        ),
        "partenaires": (
            "Collège des partenaires",
            "les institutions, fédérations, unions régionales et autres acteurs qui soutiennent "
            "la coordination des CPTS sans en être membres votants",
            "mixtes",
        ),
    }
)

MISSIONS_SOCLES = ("acces_soins", "parcours", "prevention", "crise_sanitaire")


class College(NamedTuple):
    """One collège: who belongs, its vote, its seats on the CA, its cotisation."""

    code: str
    intitule: str
    description: str
    personnes: str
    voix: str
    sieges_ca: int
    cotisation: Montant
    path: PathKey

    @property
    def deliberatif(self) -> bool:
        """Tell whether the collège's members vote (deliberative voice)."""
        return self.voix == "deliberative"


class Membre(NamedTuple):
    """A founding or honorary member: a personne physique or a personne morale."""

    id: str
    college: str | None
    civilite: str | None
    nom: str | None
    prenom: str | None
    profession: str | None
    structure: str | None
    representant: str | None
    finess: str | None
    siret: str | None
    rpps: str | None
    commune: str | None
    email: str | None
    telephone: str | None
    domicile: str | None
    # Never presumed: a missing nationality is a blank of the liste des dirigeants.
    nationalite: str | None
    honneur: bool
    path: PathKey
    # Asked for the direction under Alsace-Moselle local law (CPC annexe, art. 30-1).
    date_naissance: dt.date | None = None
    lieu_naissance: str | None = None
    # A legal person's designated natural person, as the liste des dirigeants describes him.
    representant_profession: str | None = None
    representant_domicile: str | None = None
    representant_nationalite: str | None = None
    # « feminin » or « masculin »: agrees a title where the civilité (« Dr », « Pr ») does not tell.
    genre: str | None = None

    @property
    def personne_morale(self) -> bool:
        """Tell whether the member is a legal person (a structure)."""
        return self.structure is not None

    @property
    def nom_complet(self) -> str:
        """Return « Prénom Nom » for a person, the structure's name for a legal person."""
        if self.structure is not None:
            return self.structure
        return " ".join(part for part in (self.prenom, self.nom) if part)


class Siege(NamedTuple):
    """The registered office."""

    adresse: str
    code_postal: str
    commune: str
    # Who decides a transfer: ca_ratifie_ag (the model), conseil_administration, assemblee_generale.
    transfert: str = "ca_ratifie_ag"


class Commune(NamedTuple):
    """A commune of the territory, with its département and sous-territoire when the answers give them."""

    nom: str
    departement: str | None
    sous_territoire: str | None


class Association(NamedTuple):
    """Identity and territory of the association."""

    nom: str
    sigle: str | None
    territoire: str
    departement: str
    communes: tuple[str, ...]
    population: int | None
    siege: Siege
    duree: int | None  # None: illimitée
    fait_a: str
    email: str | None
    # None: the WHO definition of health as epigraph; a text replaces it; "" removes it.
    preambule: str | None = None
    # Each commune with its département and sous-territoire (``communes`` keeps the names only).
    communes_detail: tuple[Commune, ...] = ()


class Objet(NamedTuple):
    """The ACI missions and extra objectives of the objet."""

    missions_aci: tuple[str, ...]
    objectifs_supplementaires: tuple[str, ...]
    principes: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()

    @property
    def missions_optionnelles(self) -> tuple[str, ...]:
        """Return the chosen missions beyond the socle."""
        return tuple(m for m in self.missions_aci if m not in MISSIONS_SOCLES)


class EcheanceRenouvellement(NamedTuple):
    """One step of a partial renewal: which group leaves, how many seats, and when."""

    rang: int
    annees_apres_constitution: int
    sieges: int
    annee: int | None


class ConseilAdministration(NamedTuple):
    """The board (conseil d'administration)."""

    mandat_annees: int
    reelections_max: int
    renouvellement_mode: str
    renouvellement_fraction: Fraction | None
    reunions_min_par_an: int
    convocation_jours: int
    quorum: Fraction | None
    pouvoirs_max: int
    voix_preponderante: str
    absences_consecutives_demission: int
    quorum_exclusion: Fraction
    majorites: Mapping[str, Majorite]
    sieges_total: int
    calendrier_renouvellement: tuple[EcheanceRenouvellement, ...]

    @property
    def renouvellement_partiel(self) -> bool:
        """Tell whether the board is renewed by fractions."""
        return self.renouvellement_mode == "partiel"


class Bureau(NamedTuple):
    """The bureau: its functions and how it is elected."""

    fonctions: tuple[str, ...]
    co_presidence: bool
    colleges_distincts_min: int
    mandat_annees: int
    reelections_max: int
    elu_par: str
    # A collegial bureau: no président, the CA designates who represents the association.
    collegial: bool = False


class Assemblees(NamedTuple):
    """Common rules of the general assemblies, ordinary and extraordinary."""

    convocation_jours: int
    demande_fraction_membres: Fraction
    delai_reunion_sur_demande_jours: int
    pouvoirs_max: int
    visioconference: bool
    ordinaire_quorum: Fraction | None
    ordinaire_majorite: Majorite
    extraordinaire_quorum: Fraction | None
    extraordinaire_seconde_convocation_jours: int
    extraordinaire_majorite_statuts: Majorite
    # What a majority is counted on: « membres_presents_representes » (the AVECsanté model) or
    # « suffrages_exprimes » (abstentions, blank and void ballots left out).
    decompte_majorites: str = "membres_presents_representes"


class Adhesion(NamedTuple):
    """How membership requests are decided."""

    validation_par: str
    delai_reponse_jours: int
    conditions: tuple[str, ...]
    refus_motive: bool = True
    # When membership starts: « paiement » (the model), « decision » or « ag_suivante ».
    effet: str = "paiement"


class Bareme(NamedTuple):
    """One indemnisation rate: beneficiaries, unit, amount."""

    beneficiaires: tuple[str, ...]
    unite: str
    montant: Montant
    activite: str | None
    path: PathKey


class Indemnisation(NamedTuple):
    """Expenses, remuneration of dirigeants and indemnisation of time."""

    remboursement_frais: bool
    remuneration_dirigeants: bool
    activites: tuple[str, ...]
    baremes: tuple[Bareme, ...]
    justificatifs: tuple[str, ...]
    delai_demande_jours: int | None
    validation_par: str | None
    plafond_annuel_par_personne: Montant | None


class Depenses(NamedTuple):
    """The expense validation circuit."""

    seuil_engagement_seul: Montant
    double_signature_au_dela: Montant
    carte_bancaire: tuple[str, ...]
    notes_de_frais_delai_jours: int


class Finances(NamedTuple):
    """Subsidies, auditor, financial year and expenses."""

    subventions_publiques_annuelles: Montant | None
    commissaire_aux_comptes: str
    exercice: str
    depenses: Depenses


class Designation(NamedTuple):
    """A member designated for a seat or a function, and the person acting for a legal person."""

    membre: str
    personne: str | None
    path: PathKey
    # The designated person's gender (« feminin », « masculin »), which agrees his title.
    genre: str | None = None
    # The designated person as the liste des dirigeants describes him, when the answers do.
    donnees: Personne | None = None


class Vote(NamedTuple):
    """The vote on one resolution of the constitutive assembly."""

    unanimite: bool
    pour: int
    contre: int
    abstention: int
    path: PathKey

    @property
    def adopte(self) -> bool:
        """Tell whether the resolution is adopted."""
        return self.unanimite or self.pour > self.contre


RESOLUTIONS = (
    "statuts",
    "administrateurs",
    "bureau",
    "cotisations",
    "reglement_interieur",
    "formalites",
)


class Representation(NamedTuple):
    """A member represented at the constitutive assembly by a proxy holder."""

    membre: str
    mandataire: str
    path: PathKey


class AgConstitutive(NamedTuple):
    """The constitutive general assembly, as the PV reports it."""

    date: dt.date
    heure: str
    heure_fin: str | None
    lieu: str
    convocation_date: dt.date | None
    convocation_moyen: str
    presidence_seance: str
    secretariat_seance: str
    presents: tuple[str, ...]
    representes: tuple[Representation, ...]
    administrateurs_elus: tuple[Designation, ...]
    bureau_elu: tuple[tuple[str, tuple[Designation, ...]], ...]
    votes: Mapping[str, Vote]
    # Elected administrator's member id → the votes he obtained (a secret ballot); may be empty.
    voix_candidats: Mapping[str, int] = MappingProxyType({})
    # A collegial bureau: the administrateurs délégués the first CA designates (bureau_elu.
    # administrateurs_delegues); empty when the answers do not name them (the documents leave blanks).
    administrateurs_delegues: tuple[Designation, ...] = ()
    # Bureau function → the votes of its holder(s), in the order of bureau_elu (two for the
    # co-présidence) when the assembly elects the bureau by secret ballot; may be empty.
    voix_bureau: Mapping[str, tuple[int, ...]] = MappingProxyType({})
    # Members present or represented who voted against the statuts or abstained: not founders.
    refus_statuts: tuple[str, ...] = ()


class Dirigeant(NamedTuple):
    """One line of the liste des dirigeants: a member, the person acting for it, its functions.

    A legal person elected to the CA or to the bureau is listed with the natural person it
    designated; an inter-CPTS member CPTS may thus appear once per person it designated.
    """

    membre: Membre
    personne: str | None
    fonctions: tuple[str, ...]
    administrateur: bool
    # The designated person's own data (Designation.donnees), before the representative's.
    donnees: Personne | None = None

    @property
    def nom(self) -> str:
        """Return the name as every document writes it (« Nathalie Brun, pour EHPAD Les Tilleuls »)."""
        return nom_designation(self.membre, self.personne)

    @property
    def representant(self) -> str | None:
        """Return the natural person acting for a legal person, if known."""
        if not self.membre.personne_morale:
            return None
        return self.personne or self.membre.representant

    @property
    def direction(self) -> bool:
        """Tell whether this dirigeant holds a bureau function (the direction under local law)."""
        return bool(self.fonctions)

    @property
    def physique(self) -> Personne:
        """Return the natural person who administers (the member, or the legal person's delegate)."""
        if self.donnees is not None:
            return self.donnees
        return personne_physique(self.membre, self.personne)

    def manquants(self, droit_local: bool) -> tuple[str, ...]:
        """Name what the liste des dirigeants leaves blank for this line, in the list's order.

        Loi 1901 (art. 5): name, profession, domicile, nationality, and a legal person's siège.
        Local law (CPC annexe Alsace-Moselle, art. 30-1), for the direction: name, date and place
        of birth, domicile, nationality.
        """
        p = self.physique
        champs: list[tuple[str, object]] = []
        if self.membre.personne_morale:
            champs.append(("siège de la personne morale", self.membre.domicile))
            champs.append(("nom du représentant", p.nom))
        if droit_local:
            champs += [
                ("date de naissance", p.date_naissance),
                ("lieu de naissance", p.lieu_naissance),
            ]
        else:
            champs.append(("profession", p.profession))
        champs += [("domicile", p.domicile), ("nationalité", p.nationalite)]
        return tuple(nom for nom, valeur in champs if valeur is None)


class Personne(NamedTuple):
    """The natural person who administers, as far as the answers describe him (None: not given)."""

    nom: str | None
    profession: str | None
    domicile: str | None
    nationalite: str | None
    date_naissance: dt.date | None
    lieu_naissance: str | None


def _meme_nom(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def personne_physique(membre: Membre, personne: str | None = None) -> Personne:
    """Return the natural person acting for ``membre``: itself, or a legal person's representative.

    A legal person's ``representant_*`` answers describe its ``representant``; another person it
    designated for a seat is known by name only.
    """
    if not membre.personne_morale:
        return Personne(
            nom_designation(membre),
            membre.profession,
            membre.domicile,
            membre.nationalite,
            membre.date_naissance,
            membre.lieu_naissance,
        )
    nom = personne or membre.representant
    if nom is None or membre.representant is None or not _meme_nom(nom, membre.representant):
        return Personne(nom, None, None, None, None, None)
    return Personne(
        nom,
        membre.representant_profession,
        membre.representant_domicile,
        membre.representant_nationalite,
        None,
        None,
    )


def nom_designation(membre: Membre, personne: str | None = None) -> str:
    """Return a designated member's name: « Nathalie Brun (EHPAD Les Tilleuls) », or « Dr Prénom Nom ».

    The structure's name is printed as given, in brackets after the person acting for it: never
    after a preposition (« pour EHPAD … » wants an article that only the name's own noun decides),
    and the same form reads in a sentence, a list of names and a table cell (issue 13).
    """
    if personne is not None:
        return f"{personne} ({membre.nom_complet})"
    if membre.civilite and not membre.personne_morale:
        return f"{membre.civilite} {membre.nom_complet}"
    return membre.nom_complet


class Clause(NamedTuple):
    """A free article added to the statuts or the RI after a labelled article."""

    document: str  # the rendered document's name: « statuts » or « reglement-interieur »
    apres: str
    titre: str
    label: str  # the answers' label, or one made from the clause's position
    texte: str
    chemin: PathKey
