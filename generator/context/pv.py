"""The procès-verbal of the constitutive assembly."""

from __future__ import annotations

from generator.context.commun import Commun
from generator.model import Cpts


def pv(model: Cpts, commun: Commun) -> None:
    """Build the context of the PV."""
    return None
