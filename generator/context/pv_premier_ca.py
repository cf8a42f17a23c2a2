"""The procès-verbal of the first meeting of the CA: the election of the bureau in its midst.

Written when the statuts have the CA elect the bureau: the constitutive assembly only takes
note. The answers give who holds each seat (and, for a collegial bureau, the administrateurs
délégués), not the count of votes nor the drawing of lots for a partial renewal: those are
blanks to fill, never presumed.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from generator.context.commun import Commun, Poste
from generator.context.pv import (
    Acceptation,
    Echeance,
    _acceptation,
    _administrateurs_personnes_morales,
    _officier,
    _renouvellement,
)
from generator.model import Cpts, Designation
from generator.values import Fraction


class PremierCa(NamedTuple):
    """What the PV of the first CA meeting prints."""

    # The elected administrators present (the meeting is held at the assembly's suspension), the others.
    presents: tuple[str, ...]
    absents: tuple[str, ...]
    # The séance officers: the assembly's, when they are administrators; else blanks.
    president_seance: Poste
    secretaire_seance: Poste
    acceptation: Acceptation
    # A collegial bureau: the administrateurs délégués the CA designates (empty: blanks to fill),
    # and who accepts the delegation at the meeting or in writing.
    delegues: tuple[Poste, ...]
    acceptation_delegues: Acceptation
    tirage: tuple[Echeance, ...]
    # The least number of administrators present for the CA to deliberate (statuts' quorum on
    # its seats; None: no quorum), and whether the administrators present reach it. A PV states
    # that the meeting may deliberate; it does not refer the reader to a rule.
    quorum_requis: int | None
    quorum_atteint: bool
    # Whether an administrator is a legal person: it sits through a natural person, named first
    # (« Dr Sandrine Hoffmann (Maison de santé …) »), who signs the feuille de présence for it.
    personnes_morales: bool = False


def applicable(model: Cpts) -> bool:
    """Tell whether the CA elects the bureau, so that its first meeting has a PV of its own."""
    return model.conseil_administration is not None and model.bureau.elu_par == "conseil_administration"


def pv_premier_ca(model: Cpts, commun: Commun) -> PremierCa:
    """Build the context of the PV of the first CA meeting."""
    ag = model.ag_constitutive
    elus = () if ag is None else ag.administrateurs_elus
    presents_ag = set() if ag is None else set(ag.presents)
    ids = {d.membre for d in elus}
    bureau = () if ag is None else tuple(d for _, ds in ag.bureau_elu for d in ds)
    ca = model.conseil_administration
    requis = None if ca is None else quorum_requis(ca.quorum, ca.sieges_total)
    presents = sum(1 for d in elus if d.membre in presents_ag)
    president = ag.presidence_seance if ag is not None and ag.presidence_seance in ids else None
    secretaire = ag.secretariat_seance if ag is not None and ag.secretariat_seance in ids else None
    return PremierCa(
        presents=tuple(_administrateur(model, d) for d in elus if d.membre in presents_ag),
        absents=tuple(_administrateur(model, d) for d in elus if d.membre not in presents_ag),
        president_seance=_officier(model, "president", president),
        secretaire_seance=_officier(model, "secretaire", secretaire),
        acceptation=_acceptation(model, bureau),
        delegues=commun.signataires if commun.conception.collegial and commun.presidents else (),
        acceptation_delegues=_acceptation(model, () if ag is None else ag.administrateurs_delegues),
        tirage=_renouvellement(model),
        quorum_requis=requis,
        quorum_atteint=ag is not None and (requis is None or presents >= requis),
        personnes_morales=_administrateurs_personnes_morales(model),
    )


def _administrateur(model: Cpts, d: Designation) -> str:
    """Name an administrator; a legal person by the natural person who sits for it, when known."""
    return model.nom(d) if d.personne is not None else model.nom_representant(d.membre)


def quorum_requis(quorum: str | None, sieges: int) -> int | None:
    """Return the least number of members present that meets ``quorum`` on ``sieges`` seats."""
    if quorum is None:
        return None
    fraction = Fraction(quorum)
    if fraction.plus_un:  # « plus de la moitié »
        return sieges // 2 + 1
    return math.ceil(fraction.valeur * sieges)
