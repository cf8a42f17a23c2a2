"""The templates print and loop: the choices are made in the contexts (generator/context/).

Guards of issue #12: few ``{% set %}`` in all of ``models/``, and no template of the documents
built from a context tests the co-presidency flag, a rule id or a raw fraction string.
"""

import re
from pathlib import Path

import pytest

MODELS = Path(__file__).resolve().parent.parent / "models"
# The documents that read a context (generator/context/) and the shared macros.
WITH_CONTEXT = ("statuts", "reglement", "pv", "bulletin", "dirigeants", "_commun")
TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
SET = re.compile(r"\{%-?\s*set\b")


def _templates(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (MODELS / folder).rglob("*.j2"))


def test_few_set_statements_in_all_models():
    count = sum(len(SET.findall(p.read_text(encoding="utf-8"))) for p in MODELS.rglob("*.j2"))
    assert count <= 20


@pytest.mark.parametrize("path", _templates(*WITH_CONTEXT), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_template_makes_no_legal_choice_itself(path):
    tags = TAG.findall(path.read_text(encoding="utf-8"))
    code = "\n".join(tags)
    assert "co_presidence" not in code
    assert not re.search(r"\b[EW]-[A-Z]+(?:-[A-Z]+)*\b", code), "a rule id tested in a template"
    assert not re.search(r"[\"']\d+/\d+(?:\+1)?[\"']", code), "a raw fraction string in a template"
    assert "avertissements" not in code


@pytest.mark.parametrize(
    "path",
    _templates("verification", "pv_age", "pv_premier_ca", "requete_inscription"),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_other_documents_leave_the_co_presidency_to_the_context(path):
    code = "\n".join(TAG.findall(path.read_text(encoding="utf-8")))
    assert "co_presidence" not in code
