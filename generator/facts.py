"""Small pure functions that derive legal facts from the answers and the dated parameters.

The figures themselves (ACI sizes and funding, commissaire aux comptes threshold, PASS, founders'
minimum, Alsace-Moselle départements) are dated, sourced data in :mod:`generator.params`; the
model picks the values in force on the constitutive assembly's date. The old undated names
(``facts.SEUIL_CAC``, ``facts.FINANCEMENT_MAXIMUM``…) still answer, with the newest values, for
the questionnaire and the templates that have not moved to ``m.parametres`` yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator import params


def taille_aci(population: int | None) -> int | None:
    """Return the ACI size (1 to 4) for a population with the newest bounds, or None when unknown."""
    return params.en_vigueur(None).taille_aci(population)


def droit_local(departement: str, parametres: params.Parametres | None = None) -> bool:
    """Tell whether the département is under the Alsace-Moselle local law of associations."""
    chosen = parametres if parametres is not None else params.en_vigueur(None)
    return departement in chosen.departements_droit_local.valeur


@dataclass(frozen=True, slots=True)
class DecisionCac:
    """Whether a commissaire aux comptes is appointed, and the sentence that says why."""

    nomme: bool
    obligatoire: bool
    raison: str


def decision_cac(choix: str, subventions: Decimal | None, seuil: Decimal | None = None) -> DecisionCac:
    """Decide on the commissaire aux comptes from the answer (auto, oui, non) and the subsidies.

    ``seuil`` is the threshold in force (the newest one when not given).
    """
    if seuil is None:
        seuil = params.en_vigueur(None).seuil_commissaire_aux_comptes.valeur
    # L. 612-4: a global amount that « dépasse » the threshold; the threshold itself does not.
    obligatoire = subventions is not None and subventions > seuil
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
                "dépassent le seuil légal : à revoir",
            )
        return DecisionCac(False, False, "non prévu par les réponses")
    if subventions is None:
        return DecisionCac(
            False,
            False,
            "non prévu tant que le montant des subventions publiques n'est pas connu ; "
            "obligatoire dès qu'elles dépassent le seuil légal",
        )
    if obligatoire:
        return DecisionCac(
            True,
            True,
            "obligatoire : les subventions publiques attendues dépassent le seuil légal",
        )
    return DecisionCac(
        False, False, "non obligatoire : les subventions publiques attendues ne dépassent pas le seuil"
    )


def repartition_groupes(total: int, groupes: int) -> tuple[int, ...]:
    """Split ``total`` seats into ``groupes`` renewal groups as evenly as possible, larger first."""
    base, reste = divmod(total, groupes)
    return tuple(base + (1 if i < reste else 0) for i in range(groupes))


# The old undated constants, answered from the newest parameters (see the module docstring).
_COMPATIBLES: dict[str, Callable[[params.Parametres], Any]] = {
    "SEUIL_CAC": lambda p: p.seuil_commissaire_aux_comptes.valeur,
    "PASS_MONTANT": lambda p: p.plafond_annuel_securite_sociale.valeur,
    "PASS_ANNEE": lambda p: p.plafond_annuel_securite_sociale.depuis.year,
    "FINANCEMENT_MAXIMUM": lambda p: p.financement_maximum_aci.valeur,
    "FINANCEMENT_FONCTIONNEMENT": lambda p: p.financement_fonctionnement_aci.valeur,
    "SUBVENTIONS_PREMIERE_ANNEE": lambda p: p.subventions_premiere_annee_aci.valeur,
    "FONDATEURS_MIN": lambda p: p.fondateurs_minimum.valeur,
    "FONDATEURS_MIN_DROIT_LOCAL": lambda p: p.fondateurs_minimum_droit_local.valeur,
    "DEPARTEMENTS_DROIT_LOCAL": lambda p: p.departements_droit_local.valeur,
}


def __getattr__(name: str) -> Any:
    """Answer an old constant's name with the newest parameter's value."""
    if name in _COMPATIBLES:
        return _COMPATIBLES[name](params.en_vigueur(None))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
