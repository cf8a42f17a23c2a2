"""Review 13 (a jurist's fresh read): the règlement intérieur and the rules it calls for.

Each test renders an example, or an example with a few answers changed, through the real
pipeline and reads the rendered text, or checks answers and reads the findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from _variants import checked_variant

from generator import api
from generator.api import load_answers, render_markdown

RI = "reglement-interieur"
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))
# « n 78-17 »: a number of a text without its « ° » (any space between them).
NUMERO_SANS_DEGRE = re.compile(r"(?<![\w°])n[\s\u00a0\u202f]+\d")


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
    assert "réunies\u202f; le conseil d’administration vérifie chaque année la condition" in text


# --- M6: a non-calendar exercice and the cotisation's échéance ------------------------------


def _exercice_juillet(echeance: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["finances"]["exercice"] = "07-01"
        data["cotisation"]["echeance"] = echeance

    return change


def test_cotisation_mid_exercice_is_a_warning_naming_the_first_month(tmp_path: Path) -> None:
    result = checked_variant(tmp_path, "cpts-avecsante", _exercice_juillet("janvier"))
    found = [f for f in result.findings if f.rule == "W-COTISATION-ECHEANCE"]
    assert [f.path for f in found] == ["cotisation.echeance"]
    assert "1er juillet" in found[0].message
    assert "cotisation.echeance: juillet" in found[0].message


def test_cotisation_at_the_start_of_the_exercice_is_silent(tmp_path: Path) -> None:
    result = checked_variant(tmp_path, "cpts-avecsante", _exercice_juillet("juillet"))
    assert "W-COTISATION-ECHEANCE" not in {f.rule for f in result.findings}
    calendar = checked_variant(tmp_path, "cpts-copresidence")  # civil exercice, due in March
    assert "W-COTISATION-ECHEANCE" not in {f.rule for f in calendar.findings}


def test_ri_cotisation_due_each_exercice_when_not_calendar(tmp_path: Path) -> None:
    text = _ri(tmp_path, "cpts-avecsante", _exercice_juillet("juillet"))
    assert "exigible en juillet de chaque exercice" in text
    assert "de chaque année" not in text.split("exigible en", 1)[1].split("\n", 1)[0]
    civil = _ri(tmp_path, "cpts-avecsante")
    assert "exigible en janvier de chaque année" in civil


# --- M4: the charte a candidate signs is annexed to the RI ----------------------------------


def test_charte_annex_exists_when_a_candidate_signs_it(tmp_path: Path) -> None:
    text = _ri(tmp_path, "cpts-deux-departements")
    # The bureau does not exist before the constitutive assembly: the founders draft the charte.
    assert "La charte de l’association, approuvée avec le présent règlement" in text
    assert "établie par le bureau" not in text
    assert "elle est modifiée dans les mêmes formes que lui" in text
    assert "annexée au présent règlement" not in text
    annexe = text.split("## Annexe – Charte de l’association\n", 1)[1]
    assert text.index("<!-- signatures -->") < text.index("## Annexe – Charte")
    assert "| Valeurs de l’association | |" in annexe
    result = checked_variant(tmp_path, "cpts-deux-departements")
    [warning] = [f for f in result.findings if f.rule == "W-CHARTE"]
    assert warning.path == "adhesion.conditions[2]"
    assert "avant l’assemblée générale constitutive" in warning.message.replace("'", "’")


def test_no_charte_no_annex_nor_warning(tmp_path: Path) -> None:
    def without(data: dict[str, Any]) -> None:
        data["adhesion"]["conditions"].remove("signer_charte")

    result = checked_variant(tmp_path, "cpts-deux-departements", without)
    assert "W-CHARTE" not in {f.rule for f in result.findings}
    assert result.model is not None
    text = render_markdown(result.model, [RI])[RI]
    assert "Annexe" not in text
    assert "charte" not in text.lower()


# --- L1: « n° » before a law's number ------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_numbered_text_has_its_degree_sign(example: Path) -> None:
    rendered = render_markdown(load_answers(example), ["reglement-interieur", "bulletin-adhesion"])
    for name, text in rendered.items():
        assert not NUMERO_SANS_DEGRE.findall(text), name
        assert re.search(r"loi n°[\s\u00a0\u202f]78-17", text), name


# --- L2: the RI cites its own articles as « du présent règlement » -----------------------------

# « article 12 », « articles 6 et 18 », then what follows the numbers.
CITATION = re.compile(r"\barticles? \d+(?:-\d+)?(?:(?:, | et | à )\d+(?:-\d+)?)*( [^\n]{0,25})?")
QUALIFIED = (" du présent règlement", " des statuts", " du règlement général", " de la loi n°")


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_ri_citations_name_the_text_they_cite(tmp_path: Path, example: str) -> None:
    def without_free_clauses(data: dict[str, Any]) -> None:
        data.pop("clauses_supplementaires", None)  # the answers' own text cites as it likes

    text = _ri(tmp_path, example, without_free_clauses)
    citations = [m.group(0) for m in CITATION.finditer(text)]
    assert citations
    for citation in citations:
        assert any(q in citation for q in QUALIFIED), citation


def test_ri_modification_rule_cites_the_ri_itself(tmp_path: Path) -> None:
    text = _ri(tmp_path, "cpts-avecsante")
    assert "conformément à l’article 12 du présent règlement\u202f;" in text


# --- L6: no indemnisation, no « demandes d'indemnisation » --------------------------------------


@pytest.mark.parametrize(
    "example", ["inter-cpts-departementale", "cpts-petite-bureau", "cpts-deux-departements"]
)
def test_ri_without_barème_speaks_of_expenses_only(tmp_path: Path, example: str) -> None:
    text = _ri(tmp_path, example)
    assert "contrôle les demandes de remboursement de frais dans les conditions" in text
    assert "pour les remboursements de frais, coordonnées bancaires" in text
    assert "demandes d’indemnisation" not in text
    assert "les indemnisations" not in text


def test_ri_with_barème_speaks_of_both(tmp_path: Path) -> None:
    text = _ri(tmp_path, "cpts-avecsante")
    assert "contrôle les demandes d’indemnisation et de remboursement de frais" in text
    assert "pour les indemnisations et les remboursements de frais, coordonnées bancaires" in text


# --- L7: a profession among a barème's beneficiaries ---------------------------------------------


def test_profession_beside_a_class_reads_without_ambiguity(tmp_path: Path) -> None:
    text = _ri(tmp_path, "cpts-copresidence")
    assert "| adhérents exerçant la profession de médecin généraliste |" in text
    assert "adhérents et médecin généraliste" not in text

    def professions_only(data: dict[str, Any]) -> None:
        data["indemnisation"]["baremes"][-1]["beneficiaires"] = ["bureau", "Infirmier", "Médecin généraliste"]

    text = _ri(tmp_path, "cpts-copresidence", professions_only)
    assert (
        "| membres du bureau et professionnels exerçant la profession d’infirmier ou de médecin généraliste |"
        in text
    )


# --- L8: every bureau function in full words, no « adjoint(e) » -----------------------------------


def test_bureau_functions_written_in_full(tmp_path: Path) -> None:
    result = checked_variant(tmp_path, "cpts-copresidence")
    assert result.model is not None
    statuts = render_markdown(result.model, ["statuts"])["statuts"]
    assert "- un secrétaire adjoint ou une secrétaire adjointe\u202f;" in statuts
    assert "(e)" not in statuts


# --- L12: without a CA, the general assembly decides the dirigeants' pay ---------------------------


def _remunere(data: dict[str, Any]) -> None:
    data["indemnisation"]["remuneration_dirigeants"] = True
    data["finances"]["commissaire_aux_comptes"] = "oui"


def test_without_ca_the_assembly_decides_the_pay(tmp_path: Path) -> None:
    result = checked_variant(tmp_path, "cpts-petite-bureau", _remunere)
    assert "E-REMUNERATION-DECISION" not in {f.rule for f in result.findings}
    assert result.model is not None
    text = render_markdown(result.model, [RI])[RI]
    assert "par l’assemblée générale ordinaire à la majorité des deux tiers des membres présents" in text
    assert "le bureau ne fixe jamais la rémunération de ses membres" in text
    assert "le bureau vérifie chaque année la condition de ressources" in text
    assert "décidés par le conseil d’administration" not in text


def test_an_assembly_that_is_the_bureau_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES[0].parent / "cpts-petite-bureau.yaml").read_text(encoding="utf-8"))
    _remunere(data)
    data["membres"]["fondateurs"] = data["membres"]["fondateurs"][:4]  # as many as the functions
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    errors = api.check_file(path).errors
    assert [f.path for f in errors if f.rule == "E-REMUNERATION-DECISION"] == [
        "indemnisation.remuneration_dirigeants"
    ]


def test_without_ca_the_statuts_give_the_pay_to_the_assembly(tmp_path: Path) -> None:
    result = checked_variant(tmp_path, "cpts-petite-bureau", _remunere)
    assert result.model is not None
    statuts = render_markdown(result.model, ["statuts"])["statuts"]
    assert (
        "sont décidés par l’assemblée générale ordinaire à la majorité des deux tiers des membres présents"
        in statuts
    )
    assert "décidés par le conseil d’administration" not in statuts
