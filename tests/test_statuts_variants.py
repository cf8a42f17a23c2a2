"""Issue 13: the statuts and RI of the variants a jurist reviewed, rendered from modified examples.

Each variant is an example file with a few answers changed (the YAML is loaded, modified and
written to a temporary file), then checked by the real pipeline: rules, then rendering.
"""

import re
from pathlib import Path

import pytest
import yaml

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Wordings the review found wrong, which no variant may print any more.
DEFECTS = (
    "la moitié plus un",
    "sa inscription",
    "crée, organise et administre",
    "exemplaires originaux que nécessaire",
    "dont le montant total atteint",
    "Il est modifié dans les mêmes formes",
    "(bureau, conseil, assemblées)",
    "par exercice comptable",
    "None",
)


def _two_colleges(data):
    data["colleges"] = [c for c in data["colleges"] if c["code"] != "usagers"]
    for membre in data["membres"]["fondateurs"]:
        if membre.get("college") == "usagers":
            membre["college"] = "ps"


def _moselle_partial_visio(data):
    data["gouvernance"]["conseil_administration"]["renouvellement"] = {"mode": "partiel", "fraction": "1/3"}
    data["gouvernance"]["assemblees"]["visioconference"] = True


VARIANTS = {
    "duree-99": ("cpts-avecsante", lambda d: d["association"].update(duree=99)),
    "exercice-07-01": ("cpts-avecsante", lambda d: d["finances"].update(exercice="07-01")),
    "cac-non": ("cpts-petite-bureau", lambda d: d["finances"].update(commissaire_aux_comptes="non")),
    "dirigeants-remuneres": ("cpts-copresidence", lambda d: None),
    "deux-colleges": ("cpts-petite-bureau", _two_colleges),
    "moselle-partiel-visio": ("cpts-moselle-droit-local", _moselle_partial_visio),
}


def _variant(tmp_path, name):
    example, change = VARIANTS[name]
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _render(path):
    result = api.check_file(path)
    assert result.valid, "\n".join(f.format() for f in result.errors)
    texts = render_markdown(result.model, ["statuts", "reglement-interieur"])
    return result.model, texts["statuts"], texts["reglement-interieur"]


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_has_none_of_the_reviewed_defects(tmp_path, name):
    _, statuts, ri = _render(_variant(tmp_path, name))
    for text in (statuts, ri):
        for defect in DEFECTS:
            assert defect not in text, (name, defect)
        assert not re.search(r"\b[LDR]\. \d|n° \d", text), name
    # The CAC clause stays whatever the answers say (C. com. L. 612-4).
    assert "subventions en numéraire dont le montant global dépasse" in statuts


def test_variant_99_years(tmp_path):
    _, statuts, _ = _render(_variant(tmp_path, "duree-99"))
    assert "constituée pour quatre-vingt-dix-neuf ans à compter de sa déclaration" in statuts


def test_variant_non_calendar_exercice(tmp_path):
    _, statuts, ri = _render(_variant(tmp_path, "exercice-07-01"))
    assert "commence le 1er juillet de chaque année et s’achève le 30 juin de l’année suivante" in statuts
    assert "le premier exercice commence" in statuts
    assert "l’exercice en cours" in ri and "durant une année civile" in ri


def test_variant_without_cac_keeps_the_clause_without_appointing(tmp_path):
    model, statuts, _ = _render(_variant(tmp_path, "cac-non"))
    assert not model.cac.nomme
    assert "Un commissaire aux comptes est désigné dès le premier exercice" not in statuts
    assert "désigner le commissaire aux comptes lorsque la loi l’exige" in statuts


def test_variant_paid_dirigeants(tmp_path):
    model, statuts, ri = _render(_variant(tmp_path, "dirigeants-remuneres"))
    assert model.indemnisation.remuneration_dirigeants and model.cac.nomme
    assert "à la majorité des deux tiers de ses membres, le dirigeant intéressé ne prenant part" in statuts
    assert "les trois quarts du salaire minimum interprofessionnel de croissance" in ri
    warnings = {f.rule for f in api.check_file(_variant(tmp_path, "dirigeants-remuneres")).warnings}
    assert "W-REMUNERATION-RESSOURCES" in warnings


def test_paid_dirigeants_without_cac_are_refused(tmp_path):
    data = yaml.safe_load((EXAMPLES / "cpts-copresidence.yaml").read_text(encoding="utf-8"))
    data["finances"]["commissaire_aux_comptes"] = "non"
    path = tmp_path / "sans-cac.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.check_file(path)
    assert not result.valid
    refused = [f for f in result.errors if f.rule == "E-REMUNERATION-CAC"]
    assert refused and "242 C" in refused[0].message


def test_variant_two_colleges(tmp_path):
    model, statuts, _ = _render(_variant(tmp_path, "deux-colleges"))
    assert len(model.colleges) == 2
    assert "participent aux votes selon les mêmes modalités" in statuts


def test_variant_moselle_partial_renewal_and_visioconference(tmp_path):
    model, statuts, _ = _render(_variant(tmp_path, "moselle-partiel-visio"))
    assert model.droit_local and model.conseil_administration.renouvellement_partiel
    assert "Libéralités" not in statuts and "préfet du département" not in statuts
    assert "si tous les administrateurs donnent leur accord par écrit" in statuts
    assert "porte d’abord sur les administrateurs qui ne sont pas membres du bureau" in statuts
    assert "en trois exemplaires originaux" in statuts
    assert "premier exercice" not in statuts
