"""The requête en inscription au registre des associations (Alsace-Moselle local law).

Filed by the direction at the tribunal judiciaire (code civil local, art. 59; CPC, annexe
Alsace-Moselle, art. 30-1): the association's name, siège and objet, the direction's members
with their data, the résumé of the objet to publish in a journal d'annonces légales
(art. 66), the pieces joined. Only under local law.
"""

from __future__ import annotations

from typing import NamedTuple

from generator import labels
from generator.context.commun import Commun
from generator.context.dirigeants import Ligne, dirigeants, fonctions, retenus
from generator.context.pv import nombre_signataires
from generator.context.pv_premier_ca import applicable as premier_ca_applicable
from generator.context.statuts import Fondateur, fondateur
from generator.model import Cpts


class Requete(NamedTuple):
    """What the requête prints."""

    # The direction's rows, as the liste des membres de la direction gives them.
    direction: tuple[Ligne, ...]
    # Who signs: each member of the direction, by the natural person acting (None: a blank).
    signataires: tuple[tuple[str, str | None], ...]
    # The missions of the objet, for the résumé to publish.
    missions: tuple[str, ...]
    # The count of the present founders who sign the statuts (None: unknown).
    signataires_statuts: int | None
    minimum: int
    # The CA elected the bureau: its first meeting's PV is the act naming the direction too.
    premier_ca: bool
    # The founders who signed the statuts, who sign the requête too, as the published practice
    # asks (préfecture du Bas-Rhin; service-public.fr F1119): the statuts' own rows.
    fondateurs_signataires: tuple[Fondateur, ...]


def applicable(model: Cpts) -> bool:
    """Tell whether the association is registered under local law."""
    return model.droit_local


def requete(model: Cpts, commun: Commun) -> Requete:
    """Build the context of the requête en inscription."""
    liste = dirigeants(model, commun)
    signataires = tuple((fonctions(model, d), d.physique.nom) for d in retenus(model)) or tuple(
        (poste.titre.titre, None) for poste in commun.postes
    )
    return Requete(
        direction=liste.lignes,
        signataires=signataires,
        missions=tuple(labels.MISSIONS[code] for code in model.objet.missions_aci if code in labels.MISSIONS),
        signataires_statuts=nombre_signataires(model),
        minimum=model.parametres.fondateurs_minimum_droit_local.valeur,
        premier_ca=premier_ca_applicable(model),
        fondateurs_signataires=tuple(fondateur(model, f) for f in model.fondateurs_signataires()),
    )
