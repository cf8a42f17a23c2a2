"""The founders' questions as data: themes, the keys they ask, when they apply, how they are titled.

The browser form (``cpts serve``) is generated from this table and the schema: titles, help,
defaults and choices come from the schema and ``pourquoi``; this module says which keys a theme
asks, in what order, and under which condition (no CA → no CA question). Like copier's
``Question``, each entry is a key with its condition, not code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.init import libelles
from generator.init import propositions as p
from generator.init.donnees import DELETE
from generator.init.propositions import AG, CA, PV, Answers, Row
from generator.init.schema_view import MISSING
from generator.labels import MISSIONS, PRINCIPES_COURTS

Condition = Callable[[Answers], bool]
# The words of the optional gender of a natural person, as ``cpts init`` shows them.
GENRES = (("feminin", "féminin"), ("masculin", "masculin"))
# Who moves the siège, and when a membership starts, in words (the codes say it to a file only).
TRANSFERTS_SIEGE = (
    ("ca_ratifie_ag", "le conseil (ou le bureau), l'assemblée générale suivante ratifiant"),
    ("conseil_administration", "le conseil d'administration seul"),
    ("assemblee_generale", "l'assemblée générale"),
)
EFFETS_ADHESION = (
    ("paiement", "au paiement de la première cotisation"),
    ("decision", "à la notification de l'admission"),
    ("ag_suivante", "à la ratification par l'assemblée générale suivante"),
)


def _pv_collegial(data: Answers) -> bool:
    """Tell whether the minutes are prepared for a collegial bureau (its délégués are then asked)."""
    return p.avec_pv(data) and p.at(data, "gouvernance.bureau.collegial") is True


def _statuts_refuses(data: Answers) -> bool:
    """Tell whether the statuts' vote counts votes against or abstentions (who cast them is asked)."""
    vote = p.at(data, f"{PV}.votes.statuts")
    return (
        p.avec_pv(data)
        and isinstance(vote, dict)
        and (vote.get("contre", 0) or 0) + (vote.get("abstention", 0) or 0) > 0
    )


@dataclass(frozen=True, slots=True)
class Question:
    """One answer of the file: its key (``*`` for a row of a table), condition and options.

    ``interrupteur``: a oui/non question whose « oui » makes the key an object of questions and
    « non » makes it ``null`` (the CA, the PV). ``membres``: the choices are the founders.
    ``validateur``: the reasons to refuse an answer beyond the schema's (none: it fits).
    ``detail``: a detailed answer (``vote``, ``designation``, ``designations``, ``presents``),
    asked as a group of inputs. ``forme``: ``valeur`` (one answer), ``liste`` (several in one
    line) or ``textes`` (one per line, each called ``element``). ``choix``: the options with their
    words when they are not just the schema's (the missions, the elected functions…).
    ``propose``: a proposal derived from other answers (the siège's commune), the model's choice
    only with ``propose_modele``. In a table, ``quand_ligne``, ``propose_ligne`` and ``annonce``
    (a line shown before the question) read the row being asked as well. ``sinon``: the answer
    when the condition does not hold (``DELETE``: none; ``MISSING``: leave what the file has).
    The default, the help and the remaining choices come from the schema and ``pourquoi``.
    """

    cle: str
    titre: str | None = None
    quand: Condition | None = None
    facultatif: bool = False
    interrupteur: bool = False
    membres: bool = False
    validateur: Callable[[Any], list[str]] | None = None
    detail: str | None = None
    forme: str = "valeur"
    element: str = ""
    choix: Callable[[Answers], list[tuple[Any, str]]] | None = None
    propose: Callable[[Answers], Any] | None = None
    propose_modele: bool = False
    sinon: Any = DELETE
    quand_ligne: Callable[[Row], bool] | None = None
    propose_ligne: Callable[[Answers, Row], Any] | None = None
    annonce: Callable[[Row], str | None] | None = None
    reprise: str = "theme"  # what a rule pointing at an interrupteur asks again: theme, or suite


@dataclass(frozen=True, slots=True)
class Tableau:
    """A list of objects edited as a table: one row per item, one column per key of the item.

    ``nom``: what one row is (« barème d'indemnisation »), for the terminal's « encore un ? »;
    ``minimum``: the rows asked before that question.
    """

    cle: str
    titre: str
    colonnes: tuple[Question, ...]
    quand: Condition | None = None
    nom: str = "ligne"
    minimum: int = 0
    propose: Callable[[Answers], list[dict[str, Any]]] | None = None  # the model's rows
    detail: str | None = None  # rows asked by the terminal's handler of that name (the members)


@dataclass(frozen=True, slots=True)
class ParLigne:
    """One key asked for each row of a list answered earlier (the cotisation of each collège).

    ``titre`` is formatted with the row (``{code}``).
    """

    cle: str
    question: Question
    titre: str
    quand: Condition | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A line of information derived from the answers (the ACI size and its funding)."""

    texte: Callable[[Answers], str | None]
    quand: Condition | None = None
    retrait: bool = True  # indented in the terminal, like the explanations of a question


@dataclass(frozen=True, slots=True)
class Cles:
    """A mapping whose keys come from other answers (the bureau elected per function…).

    ``cles`` reads the answers with the resumed file's under them (its extra keys are kept);
    each key is titled « {titre} : {its words} » (``libelles``, else the shared words);
    ``propose`` gives the model's answer for a key; ``vider``: the mapping is asked afresh.
    """

    cle: str
    titre: str
    cles: Callable[[Answers], list[str]]
    quand: Condition | None = None
    membres: bool = False
    detail: str | None = None  # each key's answer is detailed (see ``Question.detail``)
    libelles: Mapping[str, str] | None = None
    propose: Callable[[str], Any] | None = None
    vider: bool = False


Element = Question | Tableau | Cles | ParLigne | Note


@dataclass(frozen=True, slots=True)
class Theme:
    """A page of the form and a theme of the terminal questionnaire."""

    cle: str
    titre: str
    intro: str
    elements: tuple[Element, ...]
    poser: tuple[tuple[str, Any], ...] = ()  # answers set without a question (the format version)


def applies(element: Element, data: Answers) -> bool:
    """Tell whether ``element`` is asked given the answers so far."""
    return element.quand is None or element.quand(data)


def cle_titre(element: Cles, key: str) -> str:
    """Return the title of one key of ``element`` (« Majorité au CA : affectation des fonds »)."""
    words = element.libelles.get(key, key) if element.libelles is not None else libelles.libelle(key)
    return f"{element.titre} : {words}"


def ligne_titre(element: ParLigne, row: Any, index: int) -> str:
    """Return the title of ``element`` for one row (« Cotisation annuelle du collège « ps » »)."""
    code = row.get("code") if isinstance(row, dict) else None
    return element.titre.format(code=code if isinstance(code, str) and code else f"n° {index + 1}")


def _q(*keys: str, quand: Condition | None = None) -> tuple[Question, ...]:
    return tuple(Question(key, quand=quand) for key in keys)


# The constitutive assembly's session: when, where, how convened, who chairs and takes the minutes.
SEANCE: tuple[Question, ...] = (
    *_q(f"{PV}.date", f"{PV}.heure", f"{PV}.lieu", quand=p.avec_pv),
    Question(f"{PV}.convocation.date", facultatif=True, quand=p.avec_pv),
    Question(f"{PV}.convocation.moyen", quand=p.avec_pv),
    Question(f"{PV}.presidence_seance", quand=p.avec_pv, membres=True, choix=p.membres_fondateurs),
    Question(f"{PV}.secretariat_seance", quand=p.avec_pv, membres=True, choix=p.membres_fondateurs),
)

THEMES: tuple[Theme, ...] = (
    Theme(
        "association",
        "1. L'association et son territoire",
        "Le nom, le territoire couvert et le siège de l'association, puis les missions qu'elle porte.",
        (
            Question("modele", choix=lambda data: list(p.MODELES)),
            Question("association.nom"),
            Question("association.sigle", facultatif=True),
            *_q("association.territoire", "association.departement"),
            Question("association.communes", forme="textes", element="Commune"),
            *_q("association.population", "association.siege.adresse", "association.siege.code_postal"),
            Question("association.siege.commune", propose=p.premiere_commune),
            Question("association.duree"),
            Question("association.fait_a", propose=lambda data: p.at(data, "association.siege.commune")),
            Question("association.siege.transfert", choix=lambda data: list(TRANSFERTS_SIEGE)),
            Question("association.preambule", facultatif=True),
            Question("objet.missions_aci", forme="liste", choix=lambda data: list(MISSIONS.items())),
            Question("objet.objectifs_supplementaires", forme="textes", element="Objectif"),
            Question(
                "objet.principes",
                forme="liste",
                facultatif=True,
                choix=lambda data: list(PRINCIPES_COURTS.items()),
            ),
            Question("objet.affiliations", forme="textes", element="Fédération"),
            # Free articles (issue 15): the label they follow is checked by E-CLAUSES at the end of
            # the theme (``cpts labels`` lists them); a longer text is written in the file itself.
            Tableau(
                "clauses_supplementaires",
                "Clauses supplémentaires",
                (
                    Question("document"),
                    Question("apres"),
                    Question("titre"),
                    Question("label", facultatif=True),
                    Question("texte"),
                ),
                nom="clause supplémentaire",
            ),
        ),
        poser=(("version", 1),),
    ),
    Theme(
        "colleges",
        "2. Les collèges",
        "Les membres sont répartis en collèges ; chacun a sa cotisation et, avec un CA, ses sièges.",
        (
            Tableau(
                "colleges",
                "Collèges",
                (
                    Question("code"),
                    Question("intitule", quand_ligne=p.college_inconnu, sinon=MISSING),
                    Question("description", facultatif=True, quand_ligne=p.college_inconnu, sinon=MISSING),
                    Question(
                        "personnes",
                        annonce=p.college_connu,
                        propose_ligne=p.personnes_du_college,
                        propose_modele=True,
                    ),
                    Question("voix", propose_ligne=p.voix_du_college, propose_modele=True),
                ),
                nom="collège",
                minimum=1,  # one class of members is allowed (W-MODELE-COLLEGES): the model proposes four
                propose=p.colleges_proposes,
            ),
        ),
    ),
    Theme(
        "gouvernance",
        "3. La gouvernance",
        "Qui administre l'association : un conseil d'administration et son bureau, ou un bureau seul.",
        (
            Note(lambda data: p.INTER_SANS_CA, quand=p.inter, retrait=False),
            Question(CA, "Un conseil d'administration", quand=p.pas_inter, interrupteur=True, sinon=None),
            ParLigne(
                "colleges",
                Question("sieges_ca", propose_ligne=p.sieges_du_college, propose_modele=True),
                "Sièges au CA du collège « {code} »",
                quand=p.avec_ca,
            ),
            *_q(f"{CA}.reunions_min_par_an", f"{CA}.convocation_jours", quand=p.avec_ca),
            Question(f"{CA}.quorum", "Quorum du CA", quand=p.avec_ca),
            Question(f"{CA}.pouvoirs_max", "Pouvoirs par administrateur présent", quand=p.avec_ca),
            *_q(
                f"{CA}.voix_preponderante",
                f"{CA}.absences_consecutives_demission",
                f"{CA}.quorum_exclusion",
                quand=p.avec_ca,
            ),
            Cles(
                f"{CA}.majorites",
                "Majorité au CA",
                p.majorites,
                quand=p.avec_ca,
                libelles=p.MAJORITES,
                propose=p.majorite_proposee,
                vider=True,
            ),
            Question("gouvernance.bureau.collegial", quand=p.pas_inter, sinon=MISSING),
            Question("gouvernance.bureau.fonctions", forme="liste", choix=p.toutes_fonctions),
            Question("gouvernance.bureau.co_presidence", quand=p.pas_collegial),
            Question(
                "gouvernance.bureau.colleges_distincts_min",
                "CPTS distinctes au bureau",
                quand=p.inter,
                sinon=MISSING,
            ),
            Question("gouvernance.bureau.colleges_distincts_min", quand=p.pas_inter, sinon=MISSING),
            Question("gouvernance.bureau.elu_par", quand=p.avec_ca, sinon="assemblee_generale"),
        ),
    ),
    Theme(
        "mandats",
        "4. Mandats et renouvellement",
        "La durée des mandats, les réélections et le renouvellement du CA.",
        (
            Question(f"{CA}.mandat_annees", "Durée du mandat des administrateurs", quand=p.avec_ca),
            Question(f"{CA}.reelections_max", "Réélections d'un administrateur", quand=p.avec_ca),
            Question(f"{CA}.renouvellement.mode", quand=p.avec_ca),
            Question(f"{CA}.renouvellement.fraction", quand=p.partiel),
            Question("gouvernance.bureau.mandat_annees", "Durée du mandat des membres du bureau"),
            Question("gouvernance.bureau.reelections_max", "Réélections d'un membre du bureau"),
        ),
    ),
    Theme(
        "assemblees",
        "5. Les assemblées générales",
        "Convocation, pouvoirs, quorums et majorités des assemblées.",
        (
            Question(f"{AG}.convocation_jours", "Délai de convocation des assemblées"),
            Question(f"{AG}.demande_fraction_membres"),
            Question(f"{AG}.delai_reunion_sur_demande_jours"),
            Question(f"{AG}.pouvoirs_max", "Pouvoirs par membre présent à l'assemblée"),
            Question(f"{AG}.visioconference"),
            Question(f"{AG}.ordinaire.quorum", "Quorum de l'assemblée générale ordinaire"),
            Question(f"{AG}.ordinaire.majorite", "Majorité de l'assemblée générale ordinaire"),
            Question(f"{AG}.extraordinaire.quorum", "Quorum de l'assemblée générale extraordinaire"),
            Question(f"{AG}.extraordinaire.seconde_convocation_jours"),
            Question(f"{AG}.extraordinaire.majorite_statuts"),
        ),
    ),
    Theme(
        "cotisations",
        "6. Cotisations et adhésion",
        "Le montant annuel par collège, son échéance et l'adhésion.",
        (
            ParLigne("colleges", Question("cotisation"), "Cotisation annuelle du collège « {code} »"),
            Question("cotisation.echeance"),
            Question("adhesion.validation_par", quand=p.avec_ca, sinon="bureau"),
            Question("adhesion.delai_reponse_jours"),
            Question("adhesion.conditions", forme="liste"),
            Question("adhesion.refus_motive"),
            Question("adhesion.effet", choix=lambda data: list(EFFETS_ADHESION)),
        ),
    ),
    Theme(
        "indemnisation",
        "7. Indemnisation et dépenses",
        "Frais, indemnisation du temps consacré au projet de santé, finances et circuit des dépenses.",
        (
            *_q("indemnisation.remboursement_frais", "indemnisation.remuneration_dirigeants"),
            Question("indemnisation.activites", forme="liste"),
            Tableau(
                "indemnisation.baremes",
                "Barèmes d'indemnisation",
                (
                    Question("beneficiaires", forme="liste"),
                    Question("unite"),
                    Question("montant"),
                    Question("activite", facultatif=True),
                ),
                nom="barème d'indemnisation",
            ),
            # Asked only with a scale; without one, what the file holds stays as it is.
            Question("indemnisation.justificatifs", forme="liste", quand=p.avec_baremes, sinon=MISSING),
            *(
                Question(f"indemnisation.{key}", quand=p.avec_baremes, sinon=MISSING)
                for key in ("delai_demande_jours", "validation_par", "plafond_annuel_par_personne")
            ),
            Note(p.taille_aci),
            *_q(
                "finances.subventions_publiques_annuelles",
                "finances.commissaire_aux_comptes",
                "finances.exercice",
                "finances.depenses.seuil_engagement_seul",
                "finances.depenses.double_signature_au_dela",
            ),
            Question("finances.depenses.carte_bancaire", forme="liste", choix=p.fonctions_elues),
            Question("finances.depenses.notes_de_frais_delai_jours"),
        ),
    ),
    Theme(
        "fondateurs",
        "8. Les fondateurs et l'assemblée générale constitutive",
        "Les membres fondateurs (annexés aux statuts), puis le procès-verbal de l'AG constitutive.",
        (
            Note(p.droit_local_note),
            Tableau(
                "membres.fondateurs",
                "Membres fondateurs",
                (
                    Question("civilite", facultatif=True),
                    # Only the gender agrees the titles of a « Dr » or a « Pr » (« la présidente »).
                    Question("genre", facultatif=True, choix=lambda data: list(GENRES)),
                    Question("prenom", facultatif=True),
                    Question("nom", facultatif=True),
                    Question("profession", facultatif=True),
                    Question("structure", facultatif=True),
                    Question("representant", facultatif=True),
                    Question("college"),
                    Question("commune", facultatif=True),
                    Question("email", facultatif=True),
                    Question("id"),
                ),
                detail="membres",
            ),
            Tableau(
                "membres.honneur",
                "Membres d'honneur",
                (
                    Question("civilite", facultatif=True),
                    Question("prenom", facultatif=True),
                    Question("nom", facultatif=True),
                    Question("structure", facultatif=True),
                    Question("college"),
                    Question("id"),
                ),
                detail="honneur",
            ),
            Question(
                PV, "Préparer le procès-verbal de l'AG constitutive", interrupteur=True, reprise="suite"
            ),
            *SEANCE,
            Question(f"{PV}.presents", quand=p.avec_pv, membres=True, detail="presents"),
            Tableau(
                f"{PV}.representes",
                "Membres représentés (pouvoirs)",
                (
                    Question("membre", "Membre représenté", membres=True, choix=p.membres_fondateurs),
                    Question(
                        "mandataire",
                        "Mandataire (membre présent qui a le pouvoir)",
                        membres=True,
                        choix=p.membres_fondateurs,
                    ),
                ),
                quand=p.avec_pv,
                nom="membre représenté",
            ),
            Question(f"{PV}.administrateurs_elus", quand=p.pv_avec_ca, membres=True, detail="designations"),
            Cles(
                f"{PV}.bureau_elu",
                "Bureau élu",
                p.fonctions,
                quand=p.avec_pv,
                membres=True,
                detail="designation",
            ),
            Question(
                f"{PV}.bureau_elu.administrateurs_delegues",
                "Administrateurs délégués",
                quand=_pv_collegial,
                facultatif=True,
                membres=True,
                detail="designations",
            ),
            Cles(f"{PV}.votes", "Votes des résolutions", p.resolutions, quand=p.avec_pv, detail="vote"),
            Question(
                f"{PV}.refus_statuts",
                "Membres qui ont voté contre les statuts ou se sont abstenus",
                quand=_statuts_refuses,
                membres=True,
                forme="liste",
                choix=p.membres_fondateurs,
            ),
        ),
    ),
)


def theme(cle: str) -> Theme | None:
    """Return the theme named ``cle`` (``None`` if there is none)."""
    return next((t for t in THEMES if t.cle == cle), None)


def answered(data: Answers, key: str) -> bool:
    """Tell whether the answers hold a value at ``key`` (dotted, no list index)."""
    return p.at(data, key) is not MISSING
