"""Follow-ups of the reviews of 25 November 2026 that the lead fixed on main after the merges."""

from __future__ import annotations

from pathlib import Path

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _rendered(example: str, names: tuple[str, ...]) -> dict[str, str]:
    return render_markdown(api.load_answers(EXAMPLES / f"{example}.yaml"), names)


def test_one_class_bulletin_states_the_statuts_definition_not_a_residence() -> None:
    # Art. 5 admits professionals who exercise on the territory: the form must not admit residents.
    bulletin = _rendered("cpts-classe-unique-ca-collegial", ("bulletin-adhesion",))["bulletin-adhesion"]
    condition = next(line for line in bulletin.splitlines() if line.startswith("☐\u00a0Je remplis"))
    assert "ma résidence" not in condition
    assert "que les statuts admettent comme membres, à savoir les professionnels de santé" in condition


def test_local_law_bureau_is_made_of_natural_persons() -> None:
    statuts = _rendered("cpts-moselle-droit-local", ("statuts",))["statuts"]
    assert "Ses membres sont des personnes physiques" in statuts
    assert "une personne morale ne peut exercer une fonction du bureau" in statuts
    # The loi-1901 clause on a legal person's representative in the bureau does not apply there.
    assert "cesse de représenter la personne morale" not in statuts
    avecsante = _rendered("cpts-avecsante", ("statuts",))["statuts"]
    assert "cesse de représenter la personne morale" in avecsante
