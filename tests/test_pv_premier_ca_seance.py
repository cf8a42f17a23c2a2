"""The séance officers of the first CA meeting: the assembly's, when they are elected administrators.

The answers have no key for the first CA's séance officers; the assembly's président and secrétaire
de séance hold them when the assembly elected them to the CA (the meeting is held at its
suspension), otherwise the PV leaves a blank to fill: nobody is presumed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _seance(tmp_path: Path, data: dict[str, Any]) -> str:
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.check_file(path)
    assert result.valid, "\n".join(f.format() for f in result.errors)
    assert result.model is not None
    pv = render_markdown(result.model)["pv-premier-ca"]
    return next(line for line in pv.splitlines() if line.startswith("Les administrateurs désignent"))


def test_a_secretary_not_elected_to_the_ca_leaves_a_blank(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "cpts-avecsante.yaml").read_text(encoding="utf-8"))
    ag = data["ag_constitutive"]
    assert ag["secretariat_seance"] not in ag["administrateurs_elus"]
    line = _seance(tmp_path, data)
    assert "Dr Guillaume Perrin" in line
    assert line.split(";", 1)[1].lstrip().startswith("\\_")


def test_an_elected_secretary_of_the_assembly_keeps_the_minutes(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "cpts-avecsante.yaml").read_text(encoding="utf-8"))
    ag = data["ag_constitutive"]
    # The assembly's secretary is one of the elected administrators (and present).
    ag["secretariat_seance"] = "nkhelifi"
    assert "nkhelifi" in ag["administrateurs_elus"]
    line = _seance(tmp_path, data)
    assert "\\_" not in line
    assert "en assure le secrétariat" in line
    names = {f["id"]: f for f in data["membres"]["fondateurs"]}
    assert names["nkhelifi"]["nom"] in line.split(";", 1)[1]
