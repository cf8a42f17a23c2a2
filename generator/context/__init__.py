"""The context of each document: every derived wording and legal choice its templates print.

Templates read three names: ``m`` (the model, for the answers' own values), ``c`` (the facts
shared by every document, :mod:`generator.context.commun`) and ``doc`` (the facts of the document
being rendered, one module per document). A jurist edits the wording in the ``.md.j2`` files; the
choices between wordings are made here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from generator.context.bulletin import bulletin
from generator.context.commun import Commun, commun
from generator.context.dirigeants import dirigeants
from generator.context.pv import pv
from generator.context.pv_premier_ca import pv_premier_ca
from generator.context.reglement import reglement
from generator.context.requete import requete
from generator.context.statuts import statuts
from generator.context.titres import Titre
from generator.context.verification import verification
from generator.model import Cpts

_BUILDERS: Mapping[str, Callable[[Cpts, Commun], Any]] = MappingProxyType(
    {
        "statuts": statuts,
        "reglement-interieur": reglement,
        "pv-ag-constitutive": pv,
        "pv-premier-ca": pv_premier_ca,
        "bulletin-adhesion": bulletin,
        "liste-dirigeants": dirigeants,
        "verification": verification,
        "requete-inscription": requete,
    }
)


def document_context(name: str, model: Cpts, shared: Commun) -> Any:
    """Return the context of document ``name`` (None for a document without one yet)."""
    builder = _BUILDERS.get(name)
    return None if builder is None else builder(model, shared)


__all__ = ["Commun", "Titre", "commun", "document_context"]
