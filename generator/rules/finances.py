"""Rules on money: indemnisation, expenses, the commissaire aux comptes, the PASS ceiling."""

from __future__ import annotations

from collections.abc import Iterator

from generator import typography
from generator.model import Cpts
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule


@rule("E-INDEMNISATION", ERREUR, "FCPTS 2023 : montant, demande, justification et contrôle au RI")
def indemnisation(m: Cpts) -> Iterator[Problem]:
    """Indemnising time requires proofs, a request delay and a validation."""
    ind = m.indemnisation
    if not ind.baremes:
        return
    if not ind.justificatifs:
        yield (
            ("indemnisation", "justificatifs"),
            (
                "des barèmes d'indemnisation sont prévus mais aucun justificatif n'est exigé ; "
                "indiquez par exemple [feuille_emargement, compte_rendu]"
            ),
        )
    if ind.delai_demande_jours is None:
        yield (
            ("indemnisation", "delai_demande_jours"),
            (
                "des barèmes d'indemnisation sont prévus sans délai de demande ; indiquez un nombre "
                "de jours (90 par défaut)"
            ),
        )
    if ind.validation_par is None:
        yield (
            ("indemnisation", "validation_par"),
            (
                "des barèmes d'indemnisation sont prévus sans circuit de validation ; indiquez "
                "tresorier ou bureau"
            ),
        )


@rule("E-DEPENSES", ERREUR, "URPS Hauts-de-France 2023 : circuit de validation des dépenses")
def depenses(m: Cpts) -> Iterator[Problem]:
    """The single-signature threshold lies below the double-signature one."""
    dep = m.finances.depenses
    if dep.seuil_engagement_seul > dep.double_signature_au_dela:
        yield (
            ("finances", "depenses", "seuil_engagement_seul"),
            (
                f"le seuil d'engagement seul ({dep.seuil_engagement_seul} €) dépasse le seuil de "
                f"double signature ({dep.double_signature_au_dela} €) : il doit lui être inférieur "
                "ou égal"
            ),
        )


@rule("W-CAC", AVERTISSEMENT, "C. com., art. L. 612-4 et D. 612-5 ; URPS Hauts-de-France 2023 ; FCPTS 2023")
def commissaire_aux_comptes(m: Cpts) -> Iterator[Problem]:
    """Expected subsidies reach the legal threshold while no auditor is planned."""
    if m.finances.commissaire_aux_comptes == "non" and m.cac.obligatoire:
        yield (
            ("finances", "commissaire_aux_comptes"),
            (
                f"les subventions publiques en numéraire attendues ({m.subventions_attendues} €) "
                f"dépassent {m.parametres.seuil_commissaire_aux_comptes.valeur} € par an : un "
                "commissaire aux comptes est obligatoire (C. com., art. L. 612-4)"
            ),
        )


@rule("W-INDEMNISATION-PLAFOND", AVERTISSEMENT, "URPS Hauts-de-France 2023 ; FCPTS 2023")
def indemnisation_plafond(m: Cpts) -> Iterator[Problem]:
    """A barème should have an annual ceiling and a validation circuit."""
    ind = m.indemnisation
    if not ind.baremes:
        return
    if ind.plafond_annuel_par_personne is None:
        yield (
            ("indemnisation", "plafond_annuel_par_personne"),
            ("des barèmes d'indemnisation sont prévus sans plafond annuel par personne"),
        )
    if ind.validation_par is None:
        yield (
            ("indemnisation", "validation_par"),
            ("des barèmes d'indemnisation sont prévus sans circuit de validation"),
        )


@rule("W-PLAFOND-PASS", AVERTISSEMENT, "CSP art. D. 1434-44 (décret n° 2022-375)")
def plafond_pass(m: Cpts) -> Iterator[Problem]:
    """The annual ceiling should not exceed the plafond annuel de la sécurité sociale."""
    plafond = m.indemnisation.plafond_annuel_par_personne
    pass_ = m.parametres.plafond_annuel_securite_sociale
    if plafond is not None and plafond > pass_.valeur:
        yield (
            ("indemnisation", "plafond_annuel_par_personne"),
            (
                f"le plafond annuel ({plafond} €) dépasse le plafond annuel de la sécurité sociale "
                f"{pass_.depuis.year} ({pass_.valeur} €)"
            ),
        )


@rule(
    "W-TOLERANCE-DIRIGEANTS",
    AVERTISSEMENT,
    "BOI-IS-CHAMP-10-50-10-20 (tolérance des trois quarts du SMIC par dirigeant) ; CGI, art. 261, 7, 1°, d",
)
def tolerance_dirigeants(m: Cpts) -> Iterator[Problem]:
    """Indemnities paid to bureau or CA members should stay within ¾ of the SMIC over a year."""
    ind = m.indemnisation
    plafond = ind.plafond_annuel_par_personne
    dirigeants = {"bureau", "conseil_administration"}
    if ind.remuneration_dirigeants or plafond is None:
        return
    if not any(dirigeants & set(bareme.beneficiaires) for bareme in ind.baremes):
        return
    smic = m.parametres.smic_mensuel_brut
    limite = smic.valeur * 9  # three quarters of the monthly SMIC, twelve months
    if plafond > limite:
        yield (
            ("indemnisation", "plafond_annuel_par_personne"),
            (
                f"le plafond annuel ({typography.montant(plafond)}) des sommes versées aux membres du "
                f"bureau ou du conseil d'administration dépasse les trois quarts du SMIC sur un an "
                f"({typography.montant(limite)}, SMIC mensuel de {typography.montant(smic.valeur)} au "
                f"{typography.date_longue(smic.depuis)}) : au-delà, "
                "l'administration fiscale peut remettre en cause le caractère désintéressé de la "
                "gestion ; le modèle ne rémunère pas ses dirigeants"
            ),
        )


@rule(
    "E-REMUNERATION-CAC",
    ERREUR,
    "CGI, art. 261, 7, 1°, d ; CGI, annexe II, art. 242 C, I, c (comptes certifiés par un "
    "commissaire aux comptes)",
)
def remuneration_cac(m: Cpts) -> Iterator[Problem]:
    """Paying dirigeants requires accounts certified by a commissaire aux comptes."""
    if m.indemnisation.remuneration_dirigeants and not m.cac.nomme:
        yield (
            ("finances", "commissaire_aux_comptes"),
            (
                "la rémunération de dirigeants exige que les comptes soient certifiés par un "
                "commissaire aux comptes (CGI, annexe II, art. 242 C, I, c) : indiquez "
                "commissaire_aux_comptes: oui, ou remuneration_dirigeants: false"
            ),
        )


@rule(
    "E-REMUNERATION-DECISION",
    ERREUR,
    "service-public.fr F1927 (vote d'un organe délibérant, par exemple l'assemblée générale, à la "
    "majorité des deux tiers) ; CGI, art. 261, 7, 1°, d (contrôle effectif de la gestion par les "
    "membres)",
)
def remuneration_decision(m: Cpts) -> Iterator[Problem]:
    """The organ that fixes the dirigeants' pay must not be the bureau itself.

    With a CA, the CA decides; without one, the general assembly does (an « organe
    délibérant »), unless every founder could sit on the bureau: the assembly would then be the
    bureau, deciding its own pay.
    """
    if not m.indemnisation.remuneration_dirigeants or m.conseil_administration is not None:
        return
    fondateurs = len(m.fondateurs)
    fonctions = len(m.bureau.fonctions)
    if fondateurs <= fonctions:
        yield (
            ("indemnisation", "remuneration_dirigeants"),
            (
                "sans conseil d'administration, la rémunération des dirigeants est décidée par "
                "l'assemblée générale à la majorité des deux tiers, sans le vote des intéressés "
                f"(service-public.fr, fiche F1927) ; mais les {fondateurs} membres fondateurs peuvent "
                f"tous siéger au bureau ({fonctions} fonctions) : l'assemblée serait le bureau, "
                "qui fixerait sa propre rémunération ; prévoyez un conseil d'administration ou "
                "davantage de membres, ou indiquez remuneration_dirigeants: false"
            ),
        )


@rule(
    "W-REMUNERATION-RESSOURCES",
    AVERTISSEMENT,
    "CGI, art. 261, 7, 1°, d (loi n° 2001-1275, art. 6) ; service-public.fr F1927 (2025)",
)
def remuneration_ressources(m: Cpts) -> Iterator[Problem]:
    """The resources condition of paid dirigeants is almost never met by a young CPTS."""
    if not m.indemnisation.remuneration_dirigeants:
        return
    seuil = m.parametres.seuils_ressources_remuneration_dirigeants.valeur[1]
    yield (
        ("indemnisation", "remuneration_dirigeants"),
        (
            "rémunérer un dirigeant au-delà des trois quarts du SMIC suppose des ressources "
            f"propres supérieures à {seuil.texte} par an en moyenne sur les trois exercices clos "
            "précédents, sans compter les versements des personnes morales de droit public "
            "(financements de l'ACI, de l'ARS, des collectivités) : une CPTS jeune ne remplit "
            "jamais cette condition, et une CPTS financée par l'ACI presque jamais (CGI, art. 261, "
            "7, 1°, d) ; en deçà, seule la tolérance administrative des trois quarts du SMIC "
            "s'applique"
        ),
    )


@rule(
    "W-COTISATION-ECHEANCE",
    AVERTISSEMENT,
    "Statuts et règlement intérieur, articles « Cotisation » et « Exercice social » : la cotisation "
    "de l'exercice échoit à son début ; revue juridique no 13, M6",
)
def cotisation_echeance(m: Cpts) -> Iterator[Problem]:
    """A non-calendar exercice should start with its cotisation, not call it in its middle."""
    exercice = m.finances.exercice
    if exercice in {"civil", "01-01"}:
        return
    premier_mois = list(typography.MOIS)[int(exercice[:2]) - 1]
    if m.cotisation_echeance == premier_mois:
        return
    debut = typography.mois(premier_mois)
    yield (
        ("cotisation", "echeance"),
        (
            f"l'exercice commence le {int(exercice[3:])}{'er' if exercice[3:] == '01' else ''} "
            f"{debut}, mais la cotisation est exigible en {typography.mois(m.cotisation_echeance)}, "
            "au milieu de l'exercice qu'elle paie : le membre admis ou démissionnaire entre le début "
            "de l'exercice et l'échéance ne sait pas ce qu'il doit ; le modèle fait échoir la "
            "cotisation au début de chaque exercice : indiquez "
            f"cotisation.echeance: {premier_mois}"
        ),
    )
