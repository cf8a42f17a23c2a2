"""The vocabulary of issue #15 (territory, principles, affiliations, adhesion): context and documents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import api, render
from generator.context.vocabulaire import PRINCIPES, vocabulaire
from tests._answers import MINIMAL

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def deux():
    return api.load_answers(EXAMPLES / "cpts-deux-departements.yaml")


@pytest.fixture(scope="module")
def avecsante():
    return api.load_answers(EXAMPLES / "cpts-avecsante.yaml")


def _check(tmp_path: Path, text: str) -> api.CheckResult:
    answers = tmp_path / "reponses.yaml"
    answers.write_text(text, encoding="utf-8")
    return api.check_file(answers)


def _documents(model, names=("statuts", "reglement-interieur", "bulletin-adhesion")):
    return {name: doc.markdown for name, doc in render.render_documents(model, names).items()}


def test_communes_grouped_by_sous_territoire_with_their_departement(deux) -> None:
    v = vocabulaire(deux)
    assert v.departements == ("37", "36")
    assert [g.nom for g in v.sous_territoires] == ["Lochois", "Montrésorois", "Châtillonnais"]
    assert v.sous_territoires[2].communes == (
        "Châtillon-sur-Indre (36)",
        "Clion (36)",
        "Palluau-sur-Indre (36)",
    )
    assert v.territoire_aux_statuts
    # The names alone stay in the model, for the rules (siège in the territory) and the ACI size.
    assert "Loches" in deux.association.communes
    assert deux.taille_aci == 1


def test_the_model_answers_keep_the_model_wording(avecsante) -> None:
    v = vocabulaire(avecsante)
    assert v.sous_territoires == () and v.departements == ("49",)
    assert not v.territoire_aux_statuts and v.principes == () and v.affiliations == ()
    assert v.toute_personne == "toute personne physique ou morale"
    assert not v.partenaires_conventionnes
    assert v.refus == "le refus est motivé" and v.effet_au_paiement
    assert v.effet == "au paiement de la première cotisation"
    assert not v.charte


def test_communes_mix_names_and_details(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        "communes: [Lille]",
        "communes: [Lille, {nom: Armentières, sous_territoire: Lys}, {nom: Bailleul, departement: '62'}]",
    )
    result = _check(tmp_path, text)
    assert result.model is not None, [f.format() for f in result.errors]
    v = vocabulaire(result.model)
    assert v.departements == ("59", "62")
    assert v.communes == ("Lille (59)", "Armentières (59)", "Bailleul (62)")
    assert [g.nom for g in v.sous_territoires] == [None, "Lys"]
    statuts = _documents(result.model, ("statuts",))["statuts"]
    assert "les communes suivantes, regroupées par sous-territoire\u00a0:" in statuts
    assert "hors sous-territoire\u00a0: Lille (59) et Bailleul (62)" in statuts


def test_statuts_print_territory_principles_and_affiliations(deux) -> None:
    statuts = _documents(deux, ("statuts",))["statuts"]
    assert "– Territoire\n" in statuts and "s’étend sur deux départements (37 et 36)" in statuts
    assert (
        "**Châtillonnais**\u00a0: Châtillon-sur-Indre (36), Clion (36) et Palluau-sur-Indre (36)." in statuts
    )
    for principe in PRINCIPES.values():  # printed with the typographic apostrophe
        assert principe.split(" ;")[0].split(" :")[0].replace("'", "\u2019") in statuts
    assert "Fédération nationale des CPTS" in statuts
    # Articles in reading order: territory and principles right after the objet.
    assert statuts.index("– Objet") < statuts.index("– Territoire") < statuts.index("– Principes")
    assert statuts.index("– Affiliations") < statuts.index("– Siège social")


def test_ri_lists_communes_by_sous_territoire_and_names_the_charte(deux) -> None:
    ri = _documents(deux, ("reglement-interieur",))["reglement-interieur"]
    assert "couvre les dix communes suivantes, regroupées par sous-territoire" in ri
    assert "- **Lochois**\u00a0: Loches (37)" in ri
    assert "signer la charte de l’association annexée au règlement intérieur" in ri
    assert "La charte de l’association, approuvée avec le présent règlement" in ri


def test_only_natural_persons_never_read_legal_persons(avecsante) -> None:
    colleges = tuple(c._replace(personnes="physiques") for c in avecsante.colleges)
    model = avecsante._replace(colleges=colleges)
    v = vocabulaire(model)
    assert v.toute_personne == "toute personne physique" and v.partenaires_conventionnes
    docs = _documents(model, ("statuts", "reglement-interieur"))
    for text in docs.values():
        assert "toute personne physique ou morale" not in text
    assert "L’adhésion est ouverte à toute personne physique qui exerce" in docs["statuts"]
    assert "– Partenaires\n" in docs["statuts"]
    assert "La convention ne confère ni la qualité de membre" in docs["statuts"]
    assert "pour une personne morale, la personne physique désignée" not in docs["reglement-interieur"]
    composition = docs["statuts"].split("– Composition\n")[1].split("– Les cotisations")[0]
    # Honorary members may still be legal persons: they belong to no collège.
    assert "personnes physiques ou morales, acteurs" not in composition
    assert "personne morale" not in composition and "Chaque membre ne dispose que d’une voix" in composition
    assert "les autres personnes physiques, acteurs du territoire" in composition


def test_refusal_without_reasons_and_membership_at_the_decision(avecsante) -> None:
    adhesion = avecsante.adhesion._replace(refus_motive=False, effet="decision")
    docs = _documents(avecsante._replace(adhesion=adhesion))
    assert (
        "le refus est motivé" not in docs["statuts"]
        and "un refus est motivé" not in docs["reglement-interieur"]
    )
    assert "il n’est pas tenu de motiver un refus" in docs["statuts"]
    assert "le conseil d’administration n’est pas tenu de motiver un refus" in docs["reglement-interieur"]
    assert "il n’est pas tenu de motiver un refus" in docs["bulletin-adhesion"]
    for text in docs.values():
        assert "prend effet au paiement" not in text
        assert "prend effet à la notification de la décision d’admission" in text


def test_membership_at_the_next_assembly(avecsante) -> None:
    adhesion = avecsante.adhesion._replace(effet="ag_suivante")
    statuts = _documents(avecsante._replace(adhesion=adhesion), ("statuts",))["statuts"]
    assert (
        "L’adhésion prend effet à la ratification de l’admission par l’assemblée générale qui suit" in statuts
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("communes: [Lille]", "communes: [{departement: '59'}]"),
        ("communes: [Lille]", "communes: [{nom: Lille, departement: '100'}]"),
        ("communes: [Lille]", "communes: [Lille]\nobjet: {principes: [laicite]}"),
        ("communes: [Lille]", "communes: [Lille]\nadhesion: {effet: immediat}"),
    ],
)
def test_schema_refuses_malformed_new_keys(tmp_path: Path, old: str, new: str) -> None:
    text = MINIMAL.replace(old, new)
    if "objet:" in new or "adhesion:" in new:
        # Top-level keys: move them out of the association mapping.
        extra = new.split("\n", 1)[1]
        text = MINIMAL.replace(old, "communes: [Lille]") + extra + "\n"
    result = _check(tmp_path, text)
    assert not result.valid
    assert any(f.rule == "SCHEMA" for f in result.errors), [f.format() for f in result.findings]


def test_example_uses_every_new_key() -> None:
    data = yaml.safe_load((EXAMPLES / "cpts-deux-departements.yaml").read_text(encoding="utf-8"))
    assert any(isinstance(c, dict) and c.get("departement") for c in data["association"]["communes"])
    assert data["objet"]["principes"] and data["objet"]["affiliations"]
    assert "signer_charte" in data["adhesion"]["conditions"]
    assert {"refus_motive", "effet"} <= set(data["adhesion"])
    assert {c["document"] for c in data["clauses_supplementaires"]} == {"statuts", "reglement_interieur"}
