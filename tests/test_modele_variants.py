"""Issue 15: designs that depart from the AVECsanté model are accepted with a W-MODELE warning,
and every document says the design, nothing of the model's that contradicts it.

Each variant is an example file with a few answers changed, checked and rendered by the real
pipeline (rules, then the five founding documents).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import api
from generator.api import render_markdown
from generator.model import Cpts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCUMENTS = ["statuts", "reglement-interieur", "pv-ag-constitutive", "bulletin-adhesion", "liste-dirigeants"]
WHO = "état de complet bien-être physique, mental et social"


def _render(
    tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None]
) -> tuple[Cpts, set[str], dict[str, str]]:
    """Load an example, change it, check it (valid) and render the five founding documents."""
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.check_file(path)
    assert result.valid, "\n".join(f.format() for f in result.errors)
    assert result.model is not None
    return result.model, {f.rule for f in result.warnings}, render_markdown(result.model, DOCUMENTS)


# --- siège and préambule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("transfert", "attendu", "absent"),
    [
        ("ca_ratifie_ag", "sous réserve de la ratification de ce transfert", None),
        ("conseil_administration", "par simple décision du conseil d'administration.", "ratification"),
        ("assemblee_generale", "par décision de l'assemblée générale.", "ratification"),
    ],
)
def test_siege_transfert(tmp_path: Path, transfert: str, attendu: str, absent: str | None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["association"]["siege"]["transfert"] = transfert

    model, _, docs = _render(tmp_path, "cpts-avecsante", change)
    assert model.association.siege.transfert == transfert
    siege = docs["statuts"].split("Siège social", 1)[1].split("Durée", 1)[0]
    assert attendu in siege
    if absent is not None:
        assert absent not in siege


def test_preambule_default_is_the_who_definition(tmp_path: Path) -> None:
    _, _, docs = _render(tmp_path, "cpts-avecsante", lambda d: None)
    assert WHO in docs["statuts"]


def test_preambule_replaced_by_the_answers_text(tmp_path: Path) -> None:
    texte = "Les professionnels du Lochois s'unissent\npour la santé de tous.\n\nSecond paragraphe *libre*."

    def change(d: dict[str, Any]) -> None:
        d["association"]["preambule"] = texte

    _, _, docs = _render(tmp_path, "cpts-avecsante", change)
    statuts = docs["statuts"]
    assert WHO not in statuts
    assert "Les professionnels du Lochois s'unissent pour la santé de tous." in statuts
    assert "Second paragraphe \\*libre\\*." in statuts  # the answers' text is escaped


def test_preambule_removed(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["association"]["preambule"] = ""

    _, _, docs = _render(tmp_path, "cpts-avecsante", change)
    debut = docs["statuts"].split("\n## ", 1)[0]
    assert WHO not in docs["statuts"]
    # Nothing between the document's title and its first titre.
    assert [line for line in debut.splitlines() if line.strip()] == [docs["statuts"].splitlines()[0]]
