"""The verification report, the PV's election table and the bulletin word the design the answers say.

A collegial bureau has no président, a co-presidency two; one class of members has no collège.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from _variants import checked_variant

from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _render(tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None]) -> dict[str, str]:
    result = checked_variant(tmp_path, example, change)
    assert result.model is not None
    return render_markdown(result.model)


def _bank_card_line(report: str) -> str:
    return next(line for line in report.splitlines() if "compte bancaire" in line)


def test_a_collegial_bureau_s_bank_card_goes_to_the_delegates_in_the_report(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["finances"]["depenses"]["carte_bancaire"] = ["president", "tresorier"]

    line = _bank_card_line(_render(tmp_path, "cpts-classe-unique-ca-collegial", change)["verification"])
    assert "carte bancaire\u00a0: administrateurs délégués et trésorier" in line
    assert "président" not in line


def test_the_report_names_the_card_holders_as_the_statuts_do(tmp_path: Path) -> None:
    copresidence = _render(tmp_path, "cpts-copresidence", lambda d: None)["verification"]
    assert "carte bancaire\u00a0: co-présidents et trésorier" in _bank_card_line(copresidence)
    single = _render(tmp_path, "cpts-avecsante", lambda d: None)["verification"]
    assert "carte bancaire\u00a0: président et trésorier" in _bank_card_line(single)


def _one_class_named_otherwise(d: dict[str, Any]) -> None:
    d["colleges"][0]["intitule"] = "Professionnels du territoire"


def test_one_class_of_members_elects_members_and_has_a_bulletin_without_collège(tmp_path: Path) -> None:
    docs = _render(tmp_path, "cpts-classe-unique-ca-collegial", _one_class_named_otherwise)
    # One class: the election table has no collège column (revue 14, L7).
    assert "| Sièges | Administrateurs élus |" in docs["pv-ag-constitutive"]
    rows = [line for line in docs["pv-ag-constitutive"].splitlines() if line.startswith("| 9 | ")]
    assert len(rows) == 1
    assert "Professionnels du territoire" not in docs["pv-ag-constitutive"]
    assert "\n## Bulletin d’adhésion\n" in docs["bulletin-adhesion"]
    assert "\n## Professionnels du territoire\n" not in docs["bulletin-adhesion"]


def test_collèges_still_name_their_rows_and_forms(tmp_path: Path) -> None:
    docs = _render(tmp_path, "cpts-avecsante", lambda d: None)
    assert "\n## Bulletin d'adhésion\n" not in docs["bulletin-adhesion"]
    assert "| Membres |" not in docs["pv-ag-constitutive"].split("Administrateurs élus |", 1)[1]
