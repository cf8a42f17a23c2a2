"""The rapport de vérification: the commissaire aux comptes decision explained, the formalities.

The legal choices the report words are made here: whether the threshold of C. com. L. 612-4 is
likely to be passed once the ACI funding runs for a full year (the FCPTS seed warns of year 2
for a taille 1), and who signs the statuts.
"""

from __future__ import annotations

from typing import NamedTuple

from generator.context.commun import Commun
from generator.context.pv_premier_ca import applicable as premier_ca_applicable
from generator.model import Cpts
from generator.values import Montant


class Verification(NamedTuple):
    """What the verification report prints beyond the model's own facts."""

    # Not obligatory today, but the full-year ACI funding of this size passes the threshold.
    depassement_probable: bool
    # The full-year maximum of this size (None without a size or for an inter-CPTS).
    financement_annee_pleine: Montant | None
    # Who signs the statuts, under loi 1901: « le président et le secrétaire ».
    signataires_statuts: str
    # The CA elects the bureau at its first meeting, whose PV the requête joins under local law.
    pv_premier_ca: bool


def verification(model: Cpts, commun: Commun) -> Verification:
    """Build the context of the verification report."""
    maximum = None
    if model.taille_aci is not None and not model.inter_cpts:
        maximum = model.parametres.financement_maximum_aci.valeur[model.taille_aci]
    seuil = model.parametres.seuil_commissaire_aux_comptes.valeur
    return Verification(
        depassement_probable=not model.cac.obligatoire and maximum is not None and maximum > seuil,
        financement_annee_pleine=maximum,
        # As the statuts' signature block names them: the holders' titles, agreed (« la présidente »).
        signataires_statuts=f"{commun.presidence.le} et {commun.secretaire.titre.le}",
        pv_premier_ca=premier_ca_applicable(model),
    )
