"""Legal and financial parameters as dated, sourced data: the YAML files of this package.

Each parameter is a list of values, each with the date it applies from and its reference (law
article, decree, arrêté, avenant, seed document). A value is chosen by the date of the act, the
constitutive assembly's date, never by today's date, so that the same answers always give the
same documents. The rules when there is no value for that date:

- without a date (answers without a constitutive assembly: the documents are drafts for an
  assembly to come), the newest value known;
- a date before every value, the oldest value (a parameter starts with the oldest act this tool
  knows, not with the law that first set it).

The files are read once, on first use, and cached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

import yaml

from generator.typography import nombre
from generator.values import Montant

_FOLDER = Path(__file__).resolve().parent
_FILES = (
    "securite_sociale.yaml",
    "commissaire_aux_comptes.yaml",
    "associations.yaml",
    "aci.yaml",
    "dirigeants.yaml",
)

T = TypeVar("T")


class Valeur(NamedTuple, Generic[T]):
    """One value of a parameter: the value, the date it applies from, its reference, its name."""

    valeur: T
    depuis: dt.date
    source: str
    libelle: str

    @property
    def intitule(self) -> str:
        """Return the parameter's name capitalised, as a table's first column writes it."""
        return self.libelle[:1].upper() + self.libelle[1:]


class Parametre(NamedTuple):
    """A parameter and its dated values, oldest first."""

    nom: str
    libelle: str
    valeurs: tuple[Valeur[Any], ...]

    def en_vigueur(self, date: dt.date | None) -> Valeur[Any]:
        """Return the value in force on ``date`` (see the module docstring for the edge rules)."""
        if date is None:
            return self.valeurs[-1]
        chosen = self.valeurs[0]
        for valeur in self.valeurs:
            if valeur.depuis <= date:
                chosen = valeur
        return chosen


class Tranche(NamedTuple):
    """One ACI size: its number and its population bounds, both inclusive (None: no bound)."""

    taille: int
    minimum: int | None
    maximum: int | None

    @property
    def libelle(self) -> str:
        """Return the bounds in words: « moins de 40 000 habitants », « de 40 000 à 80 000 habitants »."""
        if self.minimum is None and self.maximum is not None:
            return f"moins de {nombre(self.maximum + 1)} habitants"
        if self.maximum is None and self.minimum is not None:
            return f"plus de {nombre(self.minimum - 1)} habitants"
        return f"de {nombre(self.minimum or 0)} à {nombre(self.maximum or 0)} habitants"

    def contient(self, population: int) -> bool:
        """Tell whether a territory of ``population`` inhabitants has this size."""
        return (self.minimum is None or population >= self.minimum) and (
            self.maximum is None or population <= self.maximum
        )


def _loader() -> type[yaml.SafeLoader]:
    # The C parser when PyYAML has it: about ten times faster on these files.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def parametres() -> Mapping[str, Parametre]:
    """Return every parameter by name, read from the package's YAML files once."""
    found: dict[str, Parametre] = {}
    for name in _FILES:
        with open(_FOLDER / name, encoding="utf-8") as handle:
            raw = yaml.load(handle, Loader=_loader())
        for key, entry in raw.items():
            valeurs = tuple(
                Valeur(v["valeur"], v["depuis"], " ".join(str(v["source"]).split()), entry["libelle"])
                for v in sorted(entry["valeurs"], key=lambda v: v["depuis"])
            )
            found[key] = Parametre(key, entry["libelle"], valeurs)
    return MappingProxyType(found)


def valeur(nom: str, date: dt.date | None) -> Valeur[Any]:
    """Return the value of parameter ``nom`` in force on ``date``."""
    return parametres()[nom].en_vigueur(date)


def _montant(nom: str, date: dt.date | None) -> Valeur[Montant]:
    found = valeur(nom, date)
    return found._replace(valeur=Montant(found.valeur))


def _par_taille(nom: str, date: dt.date | None) -> Valeur[Mapping[int, Montant]]:
    found = valeur(nom, date)
    table = MappingProxyType({int(k): Montant(v) for k, v in found.valeur.items()})
    return found._replace(valeur=table)


def _entier(nom: str, date: dt.date | None) -> Valeur[int]:
    found = valeur(nom, date)
    return found._replace(valeur=int(found.valeur))


class Parametres(NamedTuple):
    """The parameters in force on one date, as the model carries them."""

    date: dt.date | None  # the date they were chosen by; None: the newest values
    plafond_annuel_securite_sociale: Valeur[Montant]
    seuil_commissaire_aux_comptes: Valeur[Montant]
    mandat_commissaire_aux_comptes: Valeur[int]
    fondateurs_minimum: Valeur[int]
    fondateurs_minimum_droit_local: Valeur[int]
    departements_droit_local: Valeur[frozenset[str]]
    tailles_aci: Valeur[tuple[Tranche, ...]]
    financement_maximum_aci: Valeur[Mapping[int, Montant]]
    financement_fonctionnement_aci: Valeur[Mapping[int, Montant]]
    subventions_premiere_annee_aci: Valeur[Mapping[int, Montant]]
    smic_mensuel_brut: Valeur[Montant]
    seuils_ressources_remuneration_dirigeants: Valeur[Mapping[int, Montant]]

    def tranche(self, taille: int) -> Tranche:
        """Return the population bounds of an ACI size."""
        return next(t for t in self.tailles_aci.valeur if t.taille == taille)

    def taille_aci(self, population: int | None) -> int | None:
        """Return the ACI size (1 to 4) of a population, or None when it is unknown."""
        if population is None:
            return None
        for tranche in self.tailles_aci.valeur:
            if tranche.contient(population):
                return tranche.taille
        return None


@cache
def en_vigueur(date: dt.date | None) -> Parametres:
    """Return the parameters in force on ``date`` (None: the newest values)."""
    departements = valeur("departements_droit_local", date)
    tailles = valeur("tailles_aci", date)
    return Parametres(
        date=date,
        plafond_annuel_securite_sociale=_montant("plafond_annuel_securite_sociale", date),
        seuil_commissaire_aux_comptes=_montant("seuil_commissaire_aux_comptes", date),
        mandat_commissaire_aux_comptes=_entier("mandat_commissaire_aux_comptes", date),
        fondateurs_minimum=_entier("fondateurs_minimum", date),
        fondateurs_minimum_droit_local=_entier("fondateurs_minimum_droit_local", date),
        departements_droit_local=departements._replace(valeur=frozenset(str(d) for d in departements.valeur)),
        tailles_aci=tailles._replace(
            valeur=tuple(Tranche(t["taille"], t.get("minimum"), t.get("maximum")) for t in tailles.valeur)
        ),
        financement_maximum_aci=_par_taille("financement_maximum_aci", date),
        financement_fonctionnement_aci=_par_taille("financement_fonctionnement_aci", date),
        subventions_premiere_annee_aci=_par_taille("subventions_premiere_annee_aci", date),
        smic_mensuel_brut=_montant("smic_mensuel_brut", date),
        seuils_ressources_remuneration_dirigeants=_par_taille(
            "seuils_ressources_remuneration_dirigeants", date
        ),
    )
