"""Review 13 (a jurist's fresh read): the règlement intérieur and the rules it calls for.

Each test renders an example, or an example with a few answers changed, through the real
pipeline and reads the rendered text, or checks answers and reads the findings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from _variants import checked_variant

from generator.api import render_markdown

RI = "reglement-interieur"


def _ri(tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None] | None = None) -> str:
    """Check a variant of an example (valid) and render its règlement intérieur."""
    result = checked_variant(tmp_path, example, change)
    assert result.model is not None
    return render_markdown(result.model, [RI])[RI]


# --- M7: no commentary in a normative text ------------------------------------------------


def test_ri_tolerance_is_a_rule_not_a_commentary(tmp_path: Path) -> None:
    text = _ri(tmp_path, "cpts-copresidence")
    assert "tolérance de l’administration" not in text
    assert "disposition de la loi" not in text
    assert "CPTS récente" not in text
    assert "(BOI-IS-CHAMP-10-50-10-20)." in text
    assert "sont réunies\u202f; le conseil d’administration vérifie chaque année la condition de ressources" in text
