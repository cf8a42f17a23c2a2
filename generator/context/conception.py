"""The design the answers choose where they depart from the AVECsanté model (issue 15).

One class of members, a collegial bureau without président, an objet without ACI missions, the
organ that transfers the seat, the préambule: every document reads these facts here, so that none
of them speaks of what the design does not have (a collège article, a président).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import NamedTuple

from generator.model import COLLEGES_CONNUS, Cpts

# A collegial bureau has no président: the CA designates one or more of its members, the
# « administrateurs délégués », who represent the association. Every wording the documents write
# for co-présidents reads for them once the title is replaced (longest forms first).
_DELEGUES = (
    ("des deux co-présidents", "des administrateurs délégués"),
    ("du co-président", "de l'administrateur délégué"),
    ("le co-président", "l'administrateur délégué"),
    ("Les co-présidents", "Les administrateurs délégués"),
    ("co-présidents", "administrateurs délégués"),
    ("co-président", "administrateur délégué"),
)


class Conception(NamedTuple):
    """The design choices every document follows."""

    # One collège: one class of members, no collège article, no seats per collège on the CA.
    classe_unique: bool
    # With one class of members, who may join, as the composition article names them.
    membres_qui: str
    # Legal persons may be members (their representation is then organised).
    personnes_morales: bool
    # A collegial bureau: no président; the CA designates the administrateurs délégués.
    collegial: bool
    # The objet lists ACI missions: the documents may speak of the ACI.
    missions_aci: bool
    # Who transfers the seat: ca_ratifie_ag, conseil_administration or assemblee_generale. Under
    # local law the seat is a mandatory mention of the statuts (code civil local, art. 57), so a
    # simple decision of the CA is read as ca_ratifie_ag: an assembly always has the last word.
    transfert_siege: str
    # Where the siège may move: under local law, within the three départements whose registres
    # inscribe associations of the code civil local (a move elsewhere leaves that law).
    lieu_transfert: str
    # None: the WHO epigraph; (): no préambule; else the answers' paragraphs.
    preambule: tuple[str, ...] | None
    # With one class of members whose definition (the answers' description) states its own
    # territorial condition: who may be a member, as the composition article says it. The
    # adhesion article and the RI then refer to this definition instead of the collège designs'
    # « exerce, est établie ou réside sur le territoire » (revue 13, M9); else None.
    definition_membres: str | None


def pour_delegues(texte: str) -> str:
    """Reword a co-présidents' wording for the administrateurs délégués of a collegial bureau."""
    for ancien, nouveau in _DELEGUES:
        texte = texte.replace(ancien, nouveau)
    return texte


_MEMBRES_QUI = MappingProxyType(
    {
        "physiques": "les professionnels de santé et les autres personnes physiques, acteurs du territoire,",
        "morales": "les personnes morales, acteurs du territoire,",
        "mixtes": (
            "les professionnels de santé et les autres personnes physiques ou morales, acteurs du territoire,"
        ),
    }
)


def _paragraphes(texte: str | None) -> tuple[str, ...] | None:
    if texte is None:
        return None
    # A single line break inside a paragraph is a space, as in Markdown.
    return tuple(" ".join(p.split()) for p in texte.split("\n\n") if p.strip())


def _definition_membres(model: Cpts) -> str | None:
    """The one class's own definition when it states the territorial condition itself."""
    college = model.colleges[0]
    known = COLLEGES_CONNUS.get(college.code)
    # The default description of a known collège says nothing of the territory: the adhesion
    # article keeps its own territorial condition, which adds to it without contradicting it.
    if known is not None and college.description == known[1]:
        return None
    return college.description if "territoire" in college.description else None


def conception(model: Cpts) -> Conception:
    """Build the design facts of ``model``."""
    personnes = {c.personnes for c in model.colleges}
    classe_unique = not model.inter_cpts and len(model.colleges) == 1
    return Conception(
        classe_unique=classe_unique,
        membres_qui=_MEMBRES_QUI[next(iter(personnes)) if len(personnes) == 1 else "mixtes"],
        personnes_morales=personnes != {"physiques"},
        collegial=model.bureau.collegial,
        missions_aci=bool(model.objet.missions_aci),
        lieu_transfert=(
            "en tout autre lieu des départements du Bas-Rhin, du Haut-Rhin ou de la Moselle"
            if model.droit_local
            else "en tout autre lieu"
        ),
        transfert_siege=(
            "ca_ratifie_ag"
            if model.droit_local and model.association.siege.transfert == "conseil_administration"
            else model.association.siege.transfert
        ),
        preambule=_paragraphes(model.association.preambule),
        definition_membres=_definition_membres(model) if classe_unique else None,
    )
