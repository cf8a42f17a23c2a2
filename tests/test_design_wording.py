"""The verification report, the PV's election table and the bulletin word the design the answers say.

A collegial bureau has no président, a co-presidency two; one class of members has no collège.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _render(tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None]) -> dict[str, str]:
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.check_file(path)
    assert result.valid, "\n".join(f.format() for f in result.errors)
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
