"""Findings of the greffe-clerk review (issue #14, revue 14) on the PVs: elections, refusals, votes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator import api

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _variant(tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None]) -> api.CheckResult:
    """Check ``example`` changed by ``change``, valid or not."""
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.check_file(path)


def _errors(result: api.CheckResult, rule: str) -> list[tuple[str, str]]:
    return [(f.path, f.message) for f in result.errors if f.rule == rule]


# H2 — a candidate is elected only with the majority the statuts require.


def test_an_administrator_elected_by_a_minority_is_refused(tmp_path: Path) -> None:
    def minority(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_candidats"]["bvasseur"] = 5

    result = _variant(tmp_path, "cpts-avecsante", minority)
    errors = _errors(result, "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.voix_candidats.bvasseur"]
    assert "5 voix sur 18 votants" in errors[0][1]
    assert "majorité des membres présents ou représentés" in errors[0][1]


def test_half_of_the_voters_is_not_a_majority(tmp_path: Path) -> None:
    def half(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_candidats"]["bvasseur"] = 9  # 18 voters

    assert _errors(_variant(tmp_path, "cpts-avecsante", half), "E-AG-CONSTITUTIVE")

    def just_over(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_candidats"]["bvasseur"] = 10

    assert _variant(tmp_path, "cpts-avecsante", just_over).valid


def test_a_bureau_member_elected_by_a_minority_is_refused(tmp_path: Path) -> None:
    def minority(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_bureau"]["secretaire"] = 3  # 7 voters

    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", minority), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.voix_bureau.secretaire"]
    assert "3 voix sur 7 votants" in errors[0][1]


def test_on_the_votes_cast_only_a_candidate_without_votes_is_surely_not_elected(tmp_path: Path) -> None:
    def cast(voix: int) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            data["gouvernance"].setdefault("assemblees", {})["decompte_majorites"] = "suffrages_exprimes"
            data["ag_constitutive"]["voix_bureau"]["secretaire"] = voix

        return change

    assert _variant(tmp_path, "cpts-petite-bureau", cast(3)).valid
    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", cast(0)), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.voix_bureau.secretaire"]
    assert "suffrages exprimés" in errors[0][1]
