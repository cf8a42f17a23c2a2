"""The forms of the bureau's titles, by number and by gender.

A title names people the answers identify: a member whose ``genre`` is « feminin », or failing
it whose ``civilite`` is « Mme », is « la présidente », « la trésorière »; several holders are
« les co-présidentes » only when all of them are women, « les co-présidents » otherwise. Nobody
known (a draft, a legal person's delegate whose ``genre`` the answers do not give): the masculine
form, as the documents always wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from generator.model import Cpts, Designation

# Masculine and feminine singular of each function (the masculine is labels.FONCTIONS').
_NOMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "president": ("président", "présidente"),
        "co_president": ("co-président", "co-présidente"),
        "vice_president": ("vice-président", "vice-présidente"),
        "vice_president_2": ("second vice-président", "seconde vice-présidente"),
        "vice_president_3": ("troisième vice-président", "troisième vice-présidente"),
        "secretaire": ("secrétaire", "secrétaire"),
        "secretaire_adjoint": ("secrétaire adjoint", "secrétaire adjointe"),
        "tresorier": ("trésorier", "trésorière"),
        "tresorier_adjoint": ("trésorier adjoint", "trésorière adjointe"),
        "administrateur": ("administrateur", "administratrice"),
        # A collegial bureau's representatives, designated by the CA (context/conception.py).
        "administrateur_delegue": ("administrateur délégué", "administratrice déléguée"),
    }
)


class Titre(NamedTuple):
    """A title in the forms a sentence needs (« le président », « aux co-présidentes »)."""

    nom: str  # « président », « co-présidentes »
    feminin: bool
    nombre: int

    @property
    def titre(self) -> str:
        """Return the title capitalised, as a table cell writes it: « Co-présidente »."""
        return self.nom[:1].upper() + self.nom[1:]

    @property
    def le(self) -> str:
        """Return the title with its definite article: « le président », « les co-présidentes »."""
        return self._article("le ", "la ", "les ", "l'") + self.nom

    @property
    def au(self) -> str:
        """Return the title after « à »: « au président », « à la présidente », « aux co-présidents »."""
        return self._article("au ", "à la ", "aux ", "à l'") + self.nom

    @property
    def du(self) -> str:
        """Return the title after « de »: « du président », « de la présidente », « des co-présidents »."""
        return self._article("du ", "de la ", "des ", "de l'") + self.nom

    @property
    def pluriel(self) -> bool:
        """Tell whether the title names several people (a co-presidency)."""
        return self.nombre > 1

    @property
    def il(self) -> str:
        """Return the subject pronoun standing for the holders: « il », « elle », « ils », « elles »."""
        return ("elle" if self.feminin else "il") + ("s" if self.nombre > 1 else "")

    @property
    def accord(self) -> str:
        """Return the ending of a past participle agreeing with the title: "", "e", "s" or "es"."""
        return ("e" if self.feminin else "") + ("s" if self.nombre > 1 else "")

    def _article(self, masculin: str, feminin: str, pluriel: str, elide: str) -> str:
        if self.nombre > 1:
            return pluriel
        if self.nom[:1] in "aeéiou":
            return elide
        return feminin if self.feminin else masculin


def titre(fonction: str, feminin: bool = False, nombre: int = 1) -> Titre:
    """Return the title of a function (a bureau code or « administrateur ») for its holders."""
    masculin, feminin_ = _NOMS[fonction]
    nom = feminin_ if feminin else masculin
    if nombre > 1:
        nom = " ".join(word + "s" for word in nom.split(" "))
    return Titre(nom, feminin, nombre)


def est_une_femme(model: Cpts, designation: Designation | str) -> bool:
    """Tell whether a designated member is a woman, as far as the answers say.

    The member's ``genre`` decides when given (a « Dr » or « Pr » has no gender); otherwise the
    civilité « Mme ».
    """
    if isinstance(designation, Designation):
        if designation.personne is not None:
            return genre_designe(model, designation) == "feminin"
        designation = designation.membre
    membre = model.membre(designation)
    if membre is None or membre.personne_morale:
        return False
    if membre.genre is not None:
        return membre.genre == "feminin"
    return membre.civilite == "Mme"


def genre_designe(model: Cpts, designation: Designation) -> str | None:
    """Return the genre the answers give a legal person's delegate, None when they do not.

    The designation's own ``genre``, or that of the constitutive assembly's designation of the
    same person (a caller may rebuild a designation from the member and the person's name).
    """
    if designation.genre is not None:
        return designation.genre
    ag = model.ag_constitutive
    if ag is None:
        return None
    tous = (*(d for _, ds in ag.bureau_elu for d in ds), *ag.administrateurs_elus)
    return next(
        (
            d.genre
            for d in tous
            if d.membre == designation.membre and d.personne == designation.personne and d.genre
        ),
        None,
    )


def toutes_des_femmes(model: Cpts, designations: Iterable[Designation | str]) -> bool:
    """Tell whether every designated member is a woman (False when nobody is designated)."""
    liste = list(designations)
    return bool(liste) and all(est_une_femme(model, d) for d in liste)
