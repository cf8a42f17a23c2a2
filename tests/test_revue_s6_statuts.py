"""Issue 13, fresh jurist review (revue 13): the statuts findings M1, M3, M5, M8, M9, L3, L4, L5,
L10 and L14, read in the rendered statuts of the examples (and of variants of them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _variants import rendered_variant

EXAMPLES = sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))
DOCUMENTS = ["statuts", "reglement-interieur"]


def _render(
    tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None] | None = None
) -> dict[str, str]:
    """Load an example, change it, check it (valid) and render the statuts and the RI."""
    return rendered_variant(tmp_path, example, change, DOCUMENTS)


@cache
def _example(example: str) -> dict[str, str]:
    """The statuts and RI of an unchanged example (rendered once per test session)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return _render(Path(tmp), example)


def _article(text: str, title: str) -> str:
    """Return one article of a rendered document, from its title to the next heading."""
    body = text.split(f" – {title}\n", 1)[1]
    return body.split("\n#", 1)[0]


def _number(text: str, title: str) -> str:
    """The number of the article (or sub-article) titled ``title``."""
    found = re.search(rf"^#+ Article (\S+) – {re.escape(title)}$", text, re.MULTILINE)
    assert found, title
    return found.group(1)


# --- M5: one second-round rule, said once and used by every election article ---------------


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_election_has_a_second_round_said_once(example: str) -> None:
    statuts = _example(example)["statuts"]
    assert statuts.count("second tour") == 1
    rule = _article(statuts, "Dispositions communes")
    assert "second tour, à la majorité relative" in rule
    assert "est élu le candidat qui recueille le plus grand nombre de voix" in rule
    assert "En cas d’égalité des voix, le siège ou la fonction est attribué par tirage au sort" in rule
    assert "plus jeune" not in statuts and "plus âgé" not in statuts
    numero = _number(statuts, "Dispositions communes")
    elections = [
        s
        for s in re.split(r"(?<=\.) ", statuts)
        if re.search(r"\bél(?:us|it)\b", s) and "scrutin secret" in s
    ]
    assert elections, "no election sentence"
    for sentence in elections:
        assert f"dans les conditions de l’article {numero}" in sentence, sentence


# --- M1, M3, L3: the siège article and the AGO/AGE powers agree in every design -------------


def _siege(transfert: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["association"]["siege"]["transfert"] = transfert

    return change


@pytest.mark.parametrize("example", ["cpts-avecsante", "cpts-moselle-droit-local", "cpts-petite-bureau"])
@pytest.mark.parametrize("transfert", ["ca_ratifie_ag", "conseil_administration", "assemblee_generale"])
def test_the_siege_article_and_the_assemblies_powers_agree(
    tmp_path: Path, example: str, transfert: str
) -> None:
    statuts = _render(tmp_path, example, _siege(transfert))["statuts"]
    siege = _article(statuts, "Siège social")
    ago = _article(statuts, "Assemblée générale ordinaire")
    age = _article(statuts, "Assemblée générale extraordinaire")
    derogation = f"Par dérogation à l’article {_number(statuts, 'Assemblée générale extraordinaire')}"
    droit_local = example == "cpts-moselle-droit-local"
    # Local law: the seat is a mention of the statuts, an assembly always decides or ratifies.
    effectif = "ca_ratifie_ag" if droit_local and transfert == "conseil_administration" else transfert
    ratifie = "ratifier le transfert du siège social" in ago
    assert ratifie == (effectif == "ca_ratifie_ag")
    assert ("décider le transfert du siège social" in age) == (effectif == "assemblee_generale")
    if effectif == "assemblee_generale":
        assert "par décision de l’assemblée générale extraordinaire" in siege
        assert derogation not in siege
    else:
        assert derogation in siege
    if effectif == "ca_ratifie_ag":
        assert "par la plus prochaine assemblée générale ordinaire" in siege
    else:
        assert "ratification" not in siege
    inscription = "ne prend effet qu’à son inscription au registre des associations"
    assert (inscription in siege) == droit_local


# --- M8: a bureau function held by a legal person's representative -------------------------


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_legal_persons_representative_leaves_the_bureau_function_with_the_mandate(example: str) -> None:
    statuts = _example(example)["statuts"]
    bureau = _article(statuts, "Composition et élection du bureau")
    regle = "elle prend fin lorsque cette personne cesse de représenter la personne morale"
    # Only where a legal person may sit where the bureau is elected from; under local law the
    # bureau (the direction) is made of natural persons and the statuts say so instead.
    personnes_morales = example not in {"cpts-classe-unique-ca-collegial", "cpts-moselle-droit-local"}
    assert (regle in bureau) == personnes_morales
    if personnes_morales:
        # The paragraph right after the vacancy one, which « l’alinéa précédent » points to.
        apres_vacance = bureau.split("En cas de vacance d’une fonction", 1)[1].split("\n\n")[1]
        assert regle in apres_vacance
        assert "il y est pourvu dans les conditions de l’alinéa précédent" in bureau


def test_one_class_admitting_legal_persons_says_it_too(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["colleges"][0]["personnes"] = "mixtes"

    bureau = _article(
        _render(tmp_path, "cpts-classe-unique-ca-collegial", change)["statuts"],
        "Composition et élection du bureau",
    )
    assert "représentant d’une personne morale administrateur, elle prend fin" in bureau


# --- M9, L5: one class of members, one definition of who may join -------------------------


def test_one_class_composition_adhesion_and_ri_name_the_same_persons() -> None:
    docs = _example("cpts-classe-unique-ca-collegial")
    statuts, ri = docs["statuts"], docs["reglement-interieur"]
    composition = _article(statuts, "Composition")
    definition = composition.split("Peuvent en être membres ", 1)[1].split(".\n", 1)[0]
    assert "qui exercent sur le territoire" in definition
    adhesion = _article(statuts, "Conditions d’adhésion")
    numero = _number(statuts, "Composition")
    assert f"toute personne physique qui remplit les conditions de l’article {numero}," in adhesion
    assert "réside" not in adhesion
    ri_adhesion = _article(ri, "Adhésion")
    assert definition in ri_adhesion
    assert "réside" not in ri_adhesion
    perte = _article(statuts, "Perte de la qualité de membre")
    assert "- par le décès\u202f;" in perte
    assert "personne morale" not in perte


def test_one_class_admitting_legal_persons_keeps_their_end(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["colleges"][0]["personnes"] = "mixtes"

    statuts = _render(tmp_path, "cpts-classe-unique-ca-collegial", change)["statuts"]
    perte = _article(statuts, "Perte de la qualité de membre")
    assert "la dissolution, la liquidation, la disparition ou la fusion de la personne morale" in perte


@pytest.mark.parametrize(
    "description",
    [None, "les professionnels de santé et les autres personnes physiques qui soutiennent son objet"],
)
def test_a_definition_silent_on_the_territory_keeps_the_territorial_condition(
    tmp_path: Path, description: str | None
) -> None:
    def change(d: dict[str, Any]) -> None:
        if description is None:
            del d["colleges"][0]["description"]  # the known collège's default
        else:
            d["colleges"][0]["description"] = description

    docs = _render(tmp_path, "cpts-classe-unique-ca-collegial", change)
    assert "qui exerce, est établie ou réside sur le territoire" in _article(
        docs["statuts"], "Conditions d’adhésion"
    )
    assert "exercer, être établi ou résider sur le territoire" in _article(
        docs["reglement-interieur"], "Adhésion"
    )


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e != "cpts-classe-unique-ca-collegial"])
def test_collège_designs_keep_their_conditions(example: str) -> None:
    statuts = _example(example)["statuts"]
    assert "admettent comme membres" not in _example(example)["reglement-interieur"]
    assert "personne morale" in _article(statuts, "Perte de la qualité de membre")


# --- L4: the first RI is the constitutive assembly's ---------------------------------------


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_first_ri_is_adopted_by_the_constitutive_assembly(example: str) -> None:
    article = _article(_example(example)["statuts"], "Règlement intérieur")
    assert "Le premier règlement intérieur est adopté par l’assemblée générale constitutive." in article


# --- L10: the AG revokes a bureau member after hearing him, on the agenda -----------------

SANS_CA = ["cpts-deux-departements", "cpts-petite-bureau", "inter-cpts-departementale"]


@pytest.mark.parametrize("example", SANS_CA)
def test_revoking_a_bureau_member_hears_him_first(example: str) -> None:
    reunions = _article(_example(example)["statuts"], "Réunions du bureau")
    revocation = reunions.split("qui peut à tout moment révoquer ses membres pour motif grave", 1)[1]
    revocation = revocation.split("\n", 1)[0]
    assert "après avoir invité l’intéressé" in revocation
    assert "à présenter ses explications" in revocation
    assert "la question est inscrite à l’ordre du jour" in revocation


# --- L14: on the day of signature the association joins nothing yet -----------------------


def test_the_affiliation_is_true_at_signature() -> None:
    article = _article(_example("cpts-deux-departements")["statuts"], "Affiliations")
    assert "L’association a vocation à adhérer à l’organisme suivant" in article
    assert "L’association adhère" not in article
