"""Helpers shared by the rules: folded names, the bureau's designations, the person behind one."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from generator.model import Cpts, Designation


def fold(text: str) -> str:
    """Compare names without case, accents, hyphens or apostrophes."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").replace("'", " ").replace("’", " ").split())


def designations(m: Cpts) -> Iterator[tuple[str, Designation]]:
    """Yield every (function, designation) of the bureau elected at the constitutive assembly."""
    if m.ag_constitutive is None:
        return
    for fonction, people in m.ag_constitutive.bureau_elu:
        for person in people:
            yield fonction, person


CIVILITES = frozenset({"dr", "dr.", "docteur", "pr", "pr.", "professeur", "m", "m.", "mme", "mlle"})


def nom_personne(text: str) -> str:
    """Fold a person's name and drop a leading civilité: « Dr Anne Roy » is « anne roy »."""
    words = fold(text).split()
    while len(words) > 1 and words[0] in CIVILITES:
        words.pop(0)
    return " ".join(words)


def personne_designee(m: Cpts, d: Designation) -> str:
    """Identify the natural person behind a designation, for the cumul rule."""
    if d.personne is not None:
        return f"{d.membre}/{nom_personne(d.personne)}"
    member = m.membre(d.membre)
    if member is not None and member.representant is not None:
        return f"{d.membre}/{nom_personne(member.representant)}"
    return d.membre
