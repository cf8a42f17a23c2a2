"""The immutable, typed description of a CPTS that rules and templates read.

Three modules: :mod:`~generator.model.records` (the records), :mod:`~generator.model.cpts` (the
``Cpts`` model and its roster queries) and :mod:`~generator.model.builder` (answers to model).
Every public name is importable from ``generator.model``.
"""

from __future__ import annotations

from generator.loader import PathKey
from generator.model.builder import build_model
from generator.model.cpts import Cpts, MembresParId
from generator.model.records import (
    COLLEGES_CONNUS,
    MISSIONS_SOCLES,
    RESOLUTIONS,
    Adhesion,
    AgConstitutive,
    Assemblees,
    Association,
    Bareme,
    Bureau,
    Clause,
    College,
    Commune,
    ConseilAdministration,
    Depenses,
    Designation,
    Dirigeant,
    EcheanceRenouvellement,
    Finances,
    Indemnisation,
    Membre,
    Objet,
    Personne,
    Representation,
    Siege,
    Vote,
    nom_designation,
    personne_physique,
)

__all__ = [
    "COLLEGES_CONNUS",
    "MISSIONS_SOCLES",
    "RESOLUTIONS",
    "Adhesion",
    "AgConstitutive",
    "Assemblees",
    "Association",
    "Bareme",
    "Bureau",
    "Clause",
    "College",
    "Commune",
    "ConseilAdministration",
    "Cpts",
    "Depenses",
    "Designation",
    "Dirigeant",
    "EcheanceRenouvellement",
    "Finances",
    "Indemnisation",
    "Membre",
    "MembresParId",
    "Objet",
    "PathKey",
    "Personne",
    "Representation",
    "Siege",
    "Vote",
    "build_model",
    "nom_designation",
    "personne_physique",
]
