"""Build the model of a CPTS from schema-valid answers with their defaults applied.

Fractions, majorities and amounts are parsed here into the value objects of
:mod:`generator.values`; the legal parameters in force on the constitutive assembly's date are
chosen here (:mod:`generator.params`), and the derived facts computed once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from generator import facts, params
from generator.loader import PathKey
from generator.model.cpts import Cpts, MembresParId
from generator.model.records import (
    COLLEGES_CONNUS,
    RESOLUTIONS,
    Adhesion,
    AgConstitutive,
    Assemblees,
    Association,
    Bareme,
    Bureau,
    Clause,
    College,
    Commune,
    ConseilAdministration,
    Depenses,
    Designation,
    EcheanceRenouvellement,
    Finances,
    Indemnisation,
    Membre,
    Objet,
    Personne,
    Representation,
    Siege,
    Vote,
)
from generator.values import Fraction, Majorite, Montant


def _fraction(value: str | None) -> Fraction | None:
    return None if value is None else Fraction(value)


def _montant(value: Any) -> Montant:
    return Montant(str(value))


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
        nationalite=text("nationalite"),
        honneur=honneur,
        path=path,
        date_naissance=(
            dt.date.fromisoformat(raw["date_naissance"])
            if isinstance(raw.get("date_naissance"), str)
            else None
        ),
        lieu_naissance=text("lieu_naissance"),
        representant_profession=text("representant_profession"),
        representant_domicile=text("representant_domicile"),
        representant_nationalite=text("representant_nationalite"),
        genre=text("genre"),
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
        cotisation=_montant(raw["cotisation"]),
        path=path,
    )


_DONNEES = ("profession", "domicile", "nationalite", "date_naissance", "lieu_naissance")


def _designation(raw: Any, path: PathKey) -> Designation:
    if isinstance(raw, Mapping):
        donnees = None
        # A designated person other than the representative is described in the designation.
        if any(raw.get(k) is not None for k in _DONNEES):
            naissance = raw.get("date_naissance")
            donnees = Personne(
                raw["personne"],
                raw.get("profession"),
                raw.get("domicile"),
                raw.get("nationalite"),
                dt.date.fromisoformat(naissance) if isinstance(naissance, str) else None,
                raw.get("lieu_naissance"),
            )
        return Designation(
            membre=raw["membre"],
            personne=raw["personne"],
            path=path,
            genre=raw.get("genre"),
            donnees=donnees,
        )
    return Designation(membre=raw, personne=None, path=path)


def _calendrier(
    ca: Mapping[str, Any], sieges: int, debut: dt.date | None
) -> tuple[EcheanceRenouvellement, ...]:
    """Schedule the first renewals of a partial renewal: group k leaves after k intervals."""
    renouvellement = ca["renouvellement"]
    if renouvellement["mode"] != "partiel":
        return ()
    groupes = Fraction(renouvellement["fraction"]).denominateur
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
    delegues: tuple[Designation, ...] = ()
    for fonction, value in raw["bureau_elu"].items():
        path = (*base, "bureau_elu", fonction)
        if fonction == "administrateurs_delegues":
            # Not a bureau function of its own: the collegial bureau's representatives (schema: a list).
            delegues = tuple(_designation(v, (*path, i)) for i, v in enumerate(value))
            continue
        if isinstance(value, list):
            people = tuple(_designation(v, (*path, i)) for i, v in enumerate(value))
        else:
            people = (_designation(value, path),)
        bureau_elu.append((fonction, people))
    votes = {}
    for resolution in RESOLUTIONS:
        # A resolution without a vote in the answers is printed with blanks, never presumed unanimous.
        if resolution not in raw["votes"]:
            continue
        vote = raw["votes"][resolution]
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
        voix_candidats=MappingProxyType(dict(raw.get("voix_candidats", {}))),
        administrateurs_delegues=delegues,
        voix_bureau=MappingProxyType(
            {
                fonction: tuple(voix) if isinstance(voix, list) else (voix,)
                for fonction, voix in raw.get("voix_bureau", {}).items()
            }
        ),
        refus_statuts=tuple(raw.get("refus_statuts", ())),
    )


def _commune(raw: str | Mapping[str, Any]) -> Commune:
    """A commune given by its name alone, or with its département and sous-territoire."""
    if isinstance(raw, str):
        return Commune(raw, None, None)
    return Commune(raw["nom"], raw.get("departement"), raw.get("sous_territoire"))


# The answers name the RI « reglement_interieur »; the renderer calls it « reglement-interieur ».
_DOCUMENTS_CLAUSES = {"statuts": "statuts", "reglement_interieur": "reglement-interieur"}


def _clauses(raw: Any) -> tuple[Clause, ...]:
    """The free clauses, each with a label (its own, or one made from its position)."""
    return tuple(
        Clause(
            document=_DOCUMENTS_CLAUSES[c["document"]],
            apres=c["apres"],
            titre=c["titre"],
            label=c.get("label") or f"clause_supplementaire_{i + 1}",
            texte=c["texte"],
            chemin=("clauses_supplementaires", i),
        )
        for i, c in enumerate(raw)
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
        communes=tuple(_commune(c).nom for c in asso["communes"]),
        population=asso["population"],
        siege=siege,
        duree=None if asso["duree"] == "illimitee" else asso["duree"],
        fait_a=asso["fait_a"] or siege.commune,
        email=asso["email"],
        preambule=asso["preambule"],
        communes_detail=tuple(_commune(c) for c in asso["communes"]),
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
        majorites = {k: Majorite(v) for k, v in {"defaut": "simple", **ca_raw["majorites"]}.items()}
        conseil = ConseilAdministration(
            mandat_annees=ca_raw["mandat_annees"],
            reelections_max=ca_raw["reelections_max"],
            renouvellement_mode=ca_raw["renouvellement"]["mode"],
            renouvellement_fraction=_fraction(ca_raw["renouvellement"].get("fraction")),
            reunions_min_par_an=ca_raw["reunions_min_par_an"],
            convocation_jours=ca_raw["convocation_jours"],
            quorum=_fraction(ca_raw["quorum"]),
            pouvoirs_max=ca_raw["pouvoirs_max"],
            voix_preponderante=ca_raw["voix_preponderante"],
            absences_consecutives_demission=ca_raw["absences_consecutives_demission"],
            quorum_exclusion=Fraction(ca_raw["quorum_exclusion"]),
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
        collegial=bureau_raw["collegial"],
    )
    ag_cfg = gouv["assemblees"]
    assemblees = Assemblees(
        convocation_jours=ag_cfg["convocation_jours"],
        demande_fraction_membres=Fraction(ag_cfg["demande_fraction_membres"]),
        delai_reunion_sur_demande_jours=ag_cfg["delai_reunion_sur_demande_jours"],
        pouvoirs_max=ag_cfg["pouvoirs_max"],
        visioconference=ag_cfg["visioconference"],
        ordinaire_quorum=_fraction(ag_cfg["ordinaire"]["quorum"]),
        ordinaire_majorite=Majorite(ag_cfg["ordinaire"]["majorite"]),
        extraordinaire_quorum=_fraction(ag_cfg["extraordinaire"]["quorum"]),
        extraordinaire_seconde_convocation_jours=ag_cfg["extraordinaire"]["seconde_convocation_jours"],
        extraordinaire_majorite_statuts=Majorite(ag_cfg["extraordinaire"]["majorite_statuts"]),
        decompte_majorites=ag_cfg["decompte_majorites"],
    )
    adh = data["adhesion"]
    adhesion = Adhesion(
        # Without a CA, the bureau is the only organ left to accept members.
        validation_par=adh["validation_par"] if conseil is not None else "bureau",
        delai_reponse_jours=adh["delai_reponse_jours"],
        conditions=tuple(adh["conditions"]),
        refus_motive=adh.get("refus_motive", True),
        effet=adh.get("effet", "paiement"),
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
                montant=_montant(b["montant"]),
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
            else _montant(ind["plafond_annuel_par_personne"])
        ),
    )
    fin = data["finances"]
    dep = fin["depenses"]
    finances = Finances(
        subventions_publiques_annuelles=(
            None
            if fin["subventions_publiques_annuelles"] is None
            else _montant(fin["subventions_publiques_annuelles"])
        ),
        commissaire_aux_comptes=fin["commissaire_aux_comptes"],
        exercice=fin["exercice"],
        depenses=Depenses(
            seuil_engagement_seul=_montant(dep["seuil_engagement_seul"]),
            double_signature_au_dela=_montant(dep["double_signature_au_dela"]),
            carte_bancaire=tuple(dep["carte_bancaire"]),
            notes_de_frais_delai_jours=dep["notes_de_frais_delai_jours"],
        ),
    )
    # The legal figures in force on the day of the act (see generator.params for the rules).
    parametres = params.en_vigueur(ag.date if ag is not None else None)
    taille = parametres.taille_aci(association.population)
    subventions = finances.subventions_publiques_annuelles
    if subventions is None and taille is not None:
        subventions = parametres.subventions_premiere_annee_aci.valeur[taille]
    return Cpts(
        fichier=fichier,
        modele=data["modele"],
        association=association,
        objet=Objet(
            missions_aci=tuple(data["objet"]["missions_aci"]),
            objectifs_supplementaires=tuple(data["objet"]["objectifs_supplementaires"]),
            principes=tuple(data["objet"].get("principes", ())),
            affiliations=tuple(data["objet"].get("affiliations", ())),
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
        financement_maximum=None if taille is None else parametres.financement_maximum_aci.valeur[taille],
        subventions_attendues=subventions,
        cac=facts.decision_cac(
            finances.commissaire_aux_comptes, subventions, parametres.seuil_commissaire_aux_comptes.valeur
        ),
        droit_local=facts.droit_local(association.departement, parametres),
        parametres=parametres,
        index_membres=MembresParId(fondateurs, honneur),
        clauses_supplementaires=_clauses(data.get("clauses_supplementaires", ())),
    )
