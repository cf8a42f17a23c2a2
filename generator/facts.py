"""Legal and financial facts as data, and the small pure functions that derive facts from answers.

Everything a rule or a template needs to know about the law and the ACI lives here once: the ACI
size thresholds and funding table, the commissaire aux comptes threshold, the PASS, the
Alsace-Moselle départements, fraction arithmetic. Sources are named beside each constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# ACI CPTS (20 June 2019), sizes by population: AVECsanté guide part 03.
TAILLE_SEUILS = (40_000, 80_000, 175_000)
# Annual funding at 100 % of the objectives, all missions (AVECsanté guide, part 03 table).
FINANCEMENT_MAXIMUM = {1: 185_000, 2: 242_000, 3: 315_000, 4: 380_000}
# First-year CPAM subsidies without variable parts nor optional missions (FCPTS 2023 budgets):
# the amount a new CPTS can count on, used as the default expected public subsidies.
SUBVENTIONS_PREMIERE_ANNEE = {1: 142_500, 2: 185_000, 3: 234_375, 4: 275_000}
# Fixed operating funding per size (AVECsanté table, "Fonctionnement (annuel)").
FINANCEMENT_FONCTIONNEMENT = {1: 50_000, 2: 60_000, 3: 75_000, 4: 90_000}

# Code de commerce art. L. 612-4 and D. 612-5: a commissaire aux comptes is compulsory from
# 153 000 € of public subsidies a year (URPS HDF 2023, FCPTS 2023).
SEUIL_CAC = 153_000

# Plafond annuel de la sécurité sociale: CSP art. D. 1434-44 (décret 2022-375) caps the yearly
# indemnisation of a professional by a CPTS at one PASS. The value and its year live here only.
PASS_ANNEE = 2026
PASS_MONTANT = 48_060

# Code civil local (art. 21 to 79-III): Bas-Rhin, Haut-Rhin, Moselle.
DEPARTEMENTS_DROIT_LOCAL = frozenset({"57", "67", "68"})
FONDATEURS_MIN_DROIT_LOCAL = 7
FONDATEURS_MIN = 2


def taille_aci(population: int | None) -> int | None:
    """Return the ACI size (1 to 4) for a population, or None when it is unknown."""
    if population is None:
        return None
    if population < TAILLE_SEUILS[0]:
        return 1
    if population < TAILLE_SEUILS[1]:
        return 2
    if population <= TAILLE_SEUILS[2]:
        return 3
    return 4


def droit_local(departement: str) -> bool:
    """Tell whether the département is under the Alsace-Moselle local law of associations."""
    return departement in DEPARTEMENTS_DROIT_LOCAL


@dataclass(frozen=True, slots=True)
class DecisionCac:
    """Whether a commissaire aux comptes is appointed, and the sentence that says why."""

    nomme: bool
    obligatoire: bool
    raison: str


def decision_cac(choix: str, subventions: Decimal | None) -> DecisionCac:
    """Decide on the commissaire aux comptes from the answer (auto, oui, non) and the subsidies."""
    obligatoire = subventions is not None and subventions >= SEUIL_CAC
    if choix == "oui":
        raison = "nommé par choix de l'association"
        if obligatoire:
            raison += ", et obligatoire au vu des subventions publiques attendues"
        return DecisionCac(True, obligatoire, raison)
    if choix == "non":
        if obligatoire:
            return DecisionCac(
                False,
                True,
                "non prévu par les réponses alors que les subventions publiques attendues "
                "atteignent le seuil légal : à revoir",
            )
        return DecisionCac(False, False, "non prévu par les réponses")
    if subventions is None:
        return DecisionCac(
            False,
            False,
            "non prévu tant que le montant des subventions publiques n'est pas connu ; "
            "obligatoire dès qu'elles atteignent le seuil légal",
        )
    if obligatoire:
        return DecisionCac(
            True,
            True,
            "obligatoire : les subventions publiques attendues atteignent le seuil légal",
        )
    return DecisionCac(
        False, False, "non obligatoire : les subventions publiques attendues restent sous le seuil"
    )


def fraction_value(text: str) -> Fraction:
    """Return the value of ``"2/3"``; ``"1/2+1"`` (half plus one) counts as just over a half.

    A zero denominator gives 0 so that the fraction rule, not a crash, reports it.
    """
    if text == "1/2+1":
        return Fraction(1, 2)
    numerator, _, denominator = text.partition("/")
    if int(denominator) == 0:
        return Fraction(0)
    return Fraction(int(numerator), int(denominator))


def fraction_at_least(text: str, other: str) -> bool:
    """Tell whether fraction ``text`` is at least ``other`` (``1/2+1`` beats ``1/2``)."""
    a, b = fraction_value(text), fraction_value(other)
    if a != b:
        return a > b
    return text == "1/2+1" or other != "1/2+1"


def repartition_groupes(total: int, groupes: int) -> tuple[int, ...]:
    """Split ``total`` seats into ``groupes`` renewal groups as evenly as possible, larger first."""
    base, reste = divmod(total, groupes)
    return tuple(base + (1 if i < reste else 0) for i in range(groupes))
