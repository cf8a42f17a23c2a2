"""The immutable, typed description of a CPTS that rules and templates read.

Built once from answers that passed the schema and got their defaults; derived facts (ACI size,
expected subsidies, commissaire aux comptes, renewal schedule, Alsace-Moselle local law) are
computed here, so that no template computes anything legal. Every entity keeps the YAML path it
came from, so a rule can point at the right line.

The records are ``NamedTuple`` classes: immutable like frozen dataclasses, but a dataclass compiles
each of its generated methods when the module is imported, which cost 12 ms of every ``cpts``
start for these twenty classes; a named tuple is made six times faster.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple

from generator import facts
from generator.errors import Finding

PathKey = tuple[str | int, ...]

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


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


class College(NamedTuple):
    """One collège: who belongs, its vote, its seats on the CA, its cotisation."""

    code: str
    intitule: str
    description: str
    personnes: str
    voix: str
    sieges_ca: int
    cotisation: Decimal
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
    nationalite: str
    honneur: bool
    path: PathKey

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


class Objet(NamedTuple):
    """The ACI missions and extra objectives of the objet."""

    missions_aci: tuple[str, ...]
    objectifs_supplementaires: tuple[str, ...]

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
    renouvellement_fraction: str | None
    reunions_min_par_an: int
    convocation_jours: int
    quorum: str | None
    pouvoirs_max: int
    voix_preponderante: str
    absences_consecutives_demission: int
    quorum_exclusion: str
    majorites: Mapping[str, str]
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


class Assemblees(NamedTuple):
    """Common rules of the general assemblies, ordinary and extraordinary."""

    convocation_jours: int
    demande_fraction_membres: str
    delai_reunion_sur_demande_jours: int
    pouvoirs_max: int
    visioconference: bool
    ordinaire_quorum: str | None
    ordinaire_majorite: str
    extraordinaire_quorum: str | None
    extraordinaire_seconde_convocation_jours: int
    extraordinaire_majorite_statuts: str


class Adhesion(NamedTuple):
    """How membership requests are decided."""

    validation_par: str
    delai_reponse_jours: int
    conditions: tuple[str, ...]


class Bareme(NamedTuple):
    """One indemnisation rate: beneficiaries, unit, amount."""

    beneficiaires: tuple[str, ...]
    unite: str
    montant: Decimal
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
    plafond_annuel_par_personne: Decimal | None


class Depenses(NamedTuple):
    """The expense validation circuit."""

    seuil_engagement_seul: Decimal
    double_signature_au_dela: Decimal
    carte_bancaire: tuple[str, ...]
    notes_de_frais_delai_jours: int


class Finances(NamedTuple):
    """Subsidies, auditor, financial year and expenses."""

    subventions_publiques_annuelles: Decimal | None
    commissaire_aux_comptes: str
    exercice: str
    depenses: Depenses


class Designation(NamedTuple):
    """A member designated for a seat or a function, and the person acting for a legal person."""

    membre: str
    personne: str | None
    path: PathKey


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


class Dirigeant(NamedTuple):
    """One line of the liste des dirigeants: a member, the person acting for it, its functions.

    A legal person elected to the CA or to the bureau is listed with the natural person it
    designated; an inter-CPTS member CPTS may thus appear once per person it designated.
    """

    membre: Membre
    personne: str | None
    fonctions: tuple[str, ...]
    administrateur: bool

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


def nom_designation(membre: Membre, personne: str | None = None) -> str:
    """Return a designated member's name: the person « pour » a structure, or « Dr Prénom Nom »."""
    if personne is not None:
        return f"{personne}, pour {membre.nom_complet}"
    if membre.civilite and not membre.personne_morale:
        return f"{membre.civilite} {membre.nom_complet}"
    return membre.nom_complet


class Cpts(NamedTuple):
    """Everything the documents say about one CPTS association, with derived facts."""

    fichier: str
    modele: str
    association: Association
    objet: Objet
    colleges: tuple[College, ...]
    fondateurs: tuple[Membre, ...]
    honneur: tuple[Membre, ...]
    conseil_administration: ConseilAdministration | None
    bureau: Bureau
    assemblees: Assemblees
    cotisation_echeance: str
    adhesion: Adhesion
    indemnisation: Indemnisation
    finances: Finances
    ag_constitutive: AgConstitutive | None
    # Derived facts, computed once.
    taille_aci: int | None
    financement_maximum: int | None
    subventions_attendues: Decimal | None
    cac: facts.DecisionCac
    droit_local: bool
    avertissements: tuple[Finding, ...] = ()

    @property
    def inter_cpts(self) -> bool:
        """Tell whether this is a departmental association of CPTS."""
        return self.modele == "inter_cpts"

    def college(self, code: str) -> College | None:
        """Return the collège with this code, if any."""
        return next((c for c in self.colleges if c.code == code), None)

    def membre(self, member_id: str) -> Membre | None:
        """Return the founding or honorary member with this id, if any."""
        return next((m for m in (*self.fondateurs, *self.honneur) if m.id == member_id), None)

    def nom(self, designation: Designation | str) -> str:
        """Return the name of a member, by id or designation (the id when unknown: rules refuse it)."""
        if isinstance(designation, str):
            designation = Designation(designation, None, ())
        membre = self.membre(designation.membre)
        if membre is None:
            return designation.membre
        return nom_designation(membre, designation.personne)

    def nom_representant(self, member_id: str) -> str:
        """Return a member's name, with the person who represents it when it is a legal person."""
        membre = self.membre(member_id)
        if membre is None or not membre.personne_morale or membre.representant is None:
            return self.nom(member_id)
        return f"{membre.nom_complet}, représentée par {membre.representant}"

    def votants(self) -> tuple[str, ...]:
        """Return the ids of the founders present or represented at the constitutive assembly who vote.

        Honorary members and the members of a consultative collège attend without voting.
        """
        ag = self.ag_constitutive
        if ag is None:
            return ()
        ids = (*ag.presents, *(r.membre for r in ag.representes))
        votants = []
        for member_id in ids:
            membre = self.membre(member_id)
            if membre is None or membre.honneur:
                continue
            college = self.college(membre.college) if membre.college else None
            if college is None or college.deliberatif:
                votants.append(member_id)
        return tuple(votants)

    def elus_par_college(self) -> tuple[tuple[College, tuple[Designation, ...]], ...]:
        """Return, for every collège with seats on the CA, the administrators it elected."""
        ag = self.ag_constitutive
        elus = ag.administrateurs_elus if ag is not None else ()
        result = []
        for college in self.colleges:
            siens = tuple(d for d in elus if (m := self.membre(d.membre)) and m.college == college.code)
            if college.sieges_ca > 0 or siens:
                result.append((college, siens))
        return tuple(result)

    def dirigeants(self) -> tuple[Dirigeant, ...]:
        """Return everyone who administers the association, bureau first in the order of its functions.

        With a CA, that is every elected administrator (an administrator on the bureau once, with
        his functions); without one, the members of the bureau. Empty without a constitutive
        assembly: the liste des dirigeants is then a blank form.
        """
        ag = self.ag_constitutive
        if ag is None:
            return ()
        lignes: list[tuple[Membre, str | None, list[str], bool]] = []
        ordre = {fonction: rang for rang, fonction in enumerate(self.bureau.fonctions)}
        for fonction, personnes in sorted(ag.bureau_elu, key=lambda item: ordre.get(item[0], len(ordre))):
            for d in personnes:
                membre = self.membre(d.membre)
                if membre is None:
                    continue
                ligne = next((ln for ln in lignes if ln[0] is membre and ln[1] == d.personne), None)
                if ligne is None:
                    lignes.append((membre, d.personne, [fonction], False))
                else:
                    ligne[2].append(fonction)
        for d in ag.administrateurs_elus if self.conseil_administration is not None else ():
            membre = self.membre(d.membre)
            if membre is None:
                continue
            # A legal person's administrator seat and its person on the bureau are one line.
            index = next(
                (
                    i
                    for i, ln in enumerate(lignes)
                    if ln[0] is membre and (d.personne is None or ln[1] == d.personne)
                ),
                None,
            )
            if index is None:
                lignes.append((membre, d.personne, [], True))
            else:
                found = lignes[index]
                lignes[index] = (found[0], found[1], found[2], True)
        return tuple(Dirigeant(m, p, tuple(f), a) for m, p, f, a in lignes)


def _membre(raw: Mapping[str, Any], path: PathKey, honneur: bool) -> Membre:
    def text(key: str) -> str | None:
        value = raw.get(key)
        return value if isinstance(value, str) else None

    return Membre(
        id=raw["id"],
        college=text("college"),
        civilite=text("civilite"),
        nom=text("nom"),
        prenom=text("prenom"),
        profession=text("profession"),
        structure=text("structure"),
        representant=text("representant"),
        finess=text("finess"),
        siret=text("siret"),
        rpps=text("rpps"),
        commune=text("commune"),
        email=text("email"),
        telephone=text("telephone"),
        domicile=text("domicile"),
        nationalite=raw.get("nationalite") or "française",
        honneur=honneur,
        path=path,
    )


def _college(raw: Mapping[str, Any], path: PathKey) -> College:
    known = COLLEGES_CONNUS.get(raw["code"])
    return College(
        code=raw["code"],
        intitule=raw.get("intitule") or (known[0] if known else raw["code"]),
        description=raw.get("description") or (known[1] if known else ""),
        personnes=raw.get("personnes") or (known[2] if known else "mixtes"),
        voix=raw["voix"],
        sieges_ca=raw["sieges_ca"],
        cotisation=_decimal(raw["cotisation"]),
        path=path,
    )


def _designation(raw: Any, path: PathKey) -> Designation:
    if isinstance(raw, Mapping):
        return Designation(membre=raw["membre"], personne=raw["personne"], path=path)
    return Designation(membre=raw, personne=None, path=path)


def _calendrier(
    ca: Mapping[str, Any], sieges: int, debut: dt.date | None
) -> tuple[EcheanceRenouvellement, ...]:
    """Schedule the first renewals of a partial renewal: group k leaves after k intervals."""
    renouvellement = ca["renouvellement"]
    if renouvellement["mode"] != "partiel":
        return ()
    groupes = facts.fraction_value(renouvellement["fraction"]).denominator
    intervalle = max(1, ca["mandat_annees"] // groupes)
    tailles = facts.repartition_groupes(sieges, groupes)
    return tuple(
        EcheanceRenouvellement(
            rang=rang,
            annees_apres_constitution=rang * intervalle,
            sieges=tailles[rang - 1],
            annee=None if debut is None else debut.year + rang * intervalle,
        )
        for rang in range(1, groupes + 1)
    )


def _ag(raw: Mapping[str, Any], fondateurs: tuple[Membre, ...]) -> AgConstitutive:
    base: PathKey = ("ag_constitutive",)
    representes = tuple(
        Representation(r["membre"], r["mandataire"], (*base, "representes", i))
        for i, r in enumerate(raw["representes"])
    )
    represented_ids = {r.membre for r in representes}
    if raw["presents"] == "all":
        presents = tuple(m.id for m in fondateurs if m.id not in represented_ids)
    else:
        presents = tuple(raw["presents"])
    bureau_elu = []
    for fonction, value in raw["bureau_elu"].items():
        path = (*base, "bureau_elu", fonction)
        if isinstance(value, list):
            people = tuple(_designation(v, (*path, i)) for i, v in enumerate(value))
        else:
            people = (_designation(value, path),)
        bureau_elu.append((fonction, people))
    votes = {}
    for resolution in RESOLUTIONS:
        vote = raw["votes"].get(resolution, "unanimite")
        path = (*base, "votes", resolution)
        if vote == "unanimite":
            votes[resolution] = Vote(True, 0, 0, 0, path)
        else:
            votes[resolution] = Vote(
                False, vote["pour"], vote.get("contre", 0), vote.get("abstention", 0), path
            )
    convocation = raw["convocation"]
    return AgConstitutive(
        date=dt.date.fromisoformat(raw["date"]),
        heure=raw["heure"].replace("h", ":"),
        heure_fin=None if raw["heure_fin"] is None else raw["heure_fin"].replace("h", ":"),
        lieu=raw["lieu"],
        convocation_date=(dt.date.fromisoformat(convocation["date"]) if "date" in convocation else None),
        convocation_moyen=convocation["moyen"],
        presidence_seance=raw["presidence_seance"],
        secretariat_seance=raw["secretariat_seance"],
        presents=presents,
        representes=representes,
        administrateurs_elus=tuple(
            _designation(v, (*base, "administrateurs_elus", i))
            for i, v in enumerate(raw["administrateurs_elus"])
        ),
        bureau_elu=tuple(bureau_elu),
        votes=MappingProxyType(votes),
    )


def build_model(data: Mapping[str, Any], fichier: str) -> Cpts:
    """Build the model from schema-valid answers with defaults applied."""
    asso = data["association"]
    siege = Siege(**asso["siege"])
    association = Association(
        nom=asso["nom"],
        sigle=asso["sigle"],
        territoire=asso["territoire"],
        departement=asso["departement"],
        communes=tuple(asso["communes"]),
        population=asso["population"],
        siege=siege,
        duree=None if asso["duree"] == "illimitee" else asso["duree"],
        fait_a=asso["fait_a"] or siege.commune,
        email=asso["email"],
    )
    colleges = tuple(_college(c, ("colleges", i)) for i, c in enumerate(data["colleges"]))
    membres = data["membres"]
    fondateurs = tuple(
        _membre(m, ("membres", "fondateurs", i), False) for i, m in enumerate(membres["fondateurs"])
    )
    honneur = tuple(_membre(m, ("membres", "honneur", i), True) for i, m in enumerate(membres["honneur"]))
    gouv = data["gouvernance"]
    ag_raw = data["ag_constitutive"]
    ag = _ag(ag_raw, fondateurs) if ag_raw is not None else None
    ca_raw = gouv["conseil_administration"]
    conseil = None
    if ca_raw is not None:
        sieges = sum(c.sieges_ca for c in colleges)
        majorites = {"defaut": "simple", **ca_raw["majorites"]}
        conseil = ConseilAdministration(
            mandat_annees=ca_raw["mandat_annees"],
            reelections_max=ca_raw["reelections_max"],
            renouvellement_mode=ca_raw["renouvellement"]["mode"],
            renouvellement_fraction=ca_raw["renouvellement"].get("fraction"),
            reunions_min_par_an=ca_raw["reunions_min_par_an"],
            convocation_jours=ca_raw["convocation_jours"],
            quorum=ca_raw["quorum"],
            pouvoirs_max=ca_raw["pouvoirs_max"],
            voix_preponderante=ca_raw["voix_preponderante"],
            absences_consecutives_demission=ca_raw["absences_consecutives_demission"],
            quorum_exclusion=ca_raw["quorum_exclusion"],
            majorites=MappingProxyType(majorites),
            sieges_total=sieges,
            calendrier_renouvellement=_calendrier(ca_raw, sieges, ag.date if ag is not None else None),
        )
    bureau_raw = gouv["bureau"]
    bureau = Bureau(
        fonctions=tuple(bureau_raw["fonctions"]),
        co_presidence=bureau_raw["co_presidence"],
        colleges_distincts_min=bureau_raw["colleges_distincts_min"],
        mandat_annees=bureau_raw["mandat_annees"],
        reelections_max=bureau_raw["reelections_max"],
        # Without a CA only the general assembly can elect the bureau.
        elu_par=bureau_raw["elu_par"] if conseil is not None else "assemblee_generale",
    )
    ag_cfg = gouv["assemblees"]
    assemblees = Assemblees(
        convocation_jours=ag_cfg["convocation_jours"],
        demande_fraction_membres=ag_cfg["demande_fraction_membres"],
        delai_reunion_sur_demande_jours=ag_cfg["delai_reunion_sur_demande_jours"],
        pouvoirs_max=ag_cfg["pouvoirs_max"],
        visioconference=ag_cfg["visioconference"],
        ordinaire_quorum=ag_cfg["ordinaire"]["quorum"],
        ordinaire_majorite=ag_cfg["ordinaire"]["majorite"],
        extraordinaire_quorum=ag_cfg["extraordinaire"]["quorum"],
        extraordinaire_seconde_convocation_jours=ag_cfg["extraordinaire"]["seconde_convocation_jours"],
        extraordinaire_majorite_statuts=ag_cfg["extraordinaire"]["majorite_statuts"],
    )
    adh = data["adhesion"]
    adhesion = Adhesion(
        # Without a CA, the bureau is the only organ left to accept members.
        validation_par=adh["validation_par"] if conseil is not None else "bureau",
        delai_reponse_jours=adh["delai_reponse_jours"],
        conditions=tuple(adh["conditions"]),
    )
    ind = data["indemnisation"]
    indemnisation = Indemnisation(
        remboursement_frais=ind["remboursement_frais"],
        remuneration_dirigeants=ind["remuneration_dirigeants"],
        activites=tuple(ind["activites"]),
        baremes=tuple(
            Bareme(
                beneficiaires=tuple(b["beneficiaires"]),
                unite=b["unite"],
                montant=_decimal(b["montant"]),
                activite=b.get("activite"),
                path=("indemnisation", "baremes", i),
            )
            for i, b in enumerate(ind["baremes"])
        ),
        justificatifs=tuple(ind["justificatifs"]),
        delai_demande_jours=ind["delai_demande_jours"],
        validation_par=ind["validation_par"],
        plafond_annuel_par_personne=(
            None
            if ind["plafond_annuel_par_personne"] is None
            else _decimal(ind["plafond_annuel_par_personne"])
        ),
    )
    fin = data["finances"]
    dep = fin["depenses"]
    finances = Finances(
        subventions_publiques_annuelles=(
            None
            if fin["subventions_publiques_annuelles"] is None
            else _decimal(fin["subventions_publiques_annuelles"])
        ),
        commissaire_aux_comptes=fin["commissaire_aux_comptes"],
        exercice=fin["exercice"],
        depenses=Depenses(
            seuil_engagement_seul=_decimal(dep["seuil_engagement_seul"]),
            double_signature_au_dela=_decimal(dep["double_signature_au_dela"]),
            carte_bancaire=tuple(dep["carte_bancaire"]),
            notes_de_frais_delai_jours=dep["notes_de_frais_delai_jours"],
        ),
    )
    taille = facts.taille_aci(association.population)
    subventions = finances.subventions_publiques_annuelles
    if subventions is None and taille is not None:
        subventions = Decimal(facts.SUBVENTIONS_PREMIERE_ANNEE[taille])
    return Cpts(
        fichier=fichier,
        modele=data["modele"],
        association=association,
        objet=Objet(
            missions_aci=tuple(data["objet"]["missions_aci"]),
            objectifs_supplementaires=tuple(data["objet"]["objectifs_supplementaires"]),
        ),
        colleges=colleges,
        fondateurs=fondateurs,
        honneur=honneur,
        conseil_administration=conseil,
        bureau=bureau,
        assemblees=assemblees,
        cotisation_echeance=data["cotisation"]["echeance"],
        adhesion=adhesion,
        indemnisation=indemnisation,
        finances=finances,
        ag_constitutive=ag,
        taille_aci=taille,
        financement_maximum=None if taille is None else facts.FINANCEMENT_MAXIMUM[taille],
        subventions_attendues=subventions,
        cac=facts.decision_cac(finances.commissaire_aux_comptes, subventions),
        droit_local=facts.droit_local(association.departement),
    )
