"""Issues 13 and 14, last jurist read: the statuts, RI and bulletin say one rule, in one place.

Each test renders an example (or an example with a few answers changed) through the real
pipeline and reads the rendered text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _variants import rendered_variant

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCUMENTS = ["statuts", "reglement-interieur", "pv-ag-constitutive", "bulletin-adhesion", "liste-dirigeants"]


def _render(
    tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None] | None = None
) -> dict[str, str]:
    """Load an example, change it, check it (valid) and render the founding documents."""
    return rendered_variant(tmp_path, example, change, DOCUMENTS)


def _article(text: str, title: str) -> str:
    """Return one article of a rendered document, from its title to the next heading."""
    body = text.split(f" – {title}\n", 1)[1]
    return body.split("\n#", 1)[0]


# --- 1. one class of natural persons: no legal person on the CA ----------------------------


def test_one_class_of_natural_persons_elects_no_legal_person(tmp_path: Path) -> None:
    docs = _render(tmp_path, "cpts-classe-unique-ca-collegial")
    statuts = docs["statuts"]
    for title in (
        "Conseil d’administration",
        "Accès au conseil d’administration",
        "Réunions du conseil d’administration",
        "Exclusion du conseil d’administration",
    ):
        assert "personne morale" not in _article(statuts, title), title
    assert "structures membres" not in docs["bulletin-adhesion"]


def test_one_class_admitting_structures_keeps_their_representation(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["colleges"][0]["personnes"] = "mixtes"

    docs = _render(tmp_path, "cpts-classe-unique-ca-collegial", change)
    statuts = docs["statuts"]
    assert "Lorsqu’une personne morale est élue au conseil" in _article(
        statuts, "Accès au conseil d’administration"
    )
    assert "le représentant d’une personne morale administrateur" in _article(
        statuts, "Exclusion du conseil d’administration"
    )
    assert "structures membres" in docs["bulletin-adhesion"]


# --- 2. the RI's stand-in for the presidency and the trésorier is a rule of the statuts ------


def _numero(statuts: str, title: str) -> str:
    """Return the number of the (sub-)article titled ``title`` in rendered statuts."""
    [numero] = re.findall(rf"^#+ Article ([0-9-]+) – {re.escape(title)}$", statuts, re.M)
    return numero


@pytest.mark.parametrize(
    "example",
    ["cpts-avecsante", "cpts-classe-unique-ca-collegial", "cpts-copresidence", "cpts-petite-bureau"],
)
def test_the_stand_in_the_ri_cites_is_in_the_statuts(tmp_path: Path, example: str) -> None:
    docs = _render(tmp_path, example)
    statuts, ri = docs["statuts"], docs["reglement-interieur"]
    pouvoirs = _numero(statuts, "Pouvoirs")
    assert "exerce provisoirement les attributions" in _article(statuts, "Pouvoirs")
    [phrase] = [line for line in ri.splitlines() if line.startswith("En cas d’absence ou d’empêchement, ")]
    assert f" {pouvoirs} des statuts" in phrase or f"articles {pouvoirs} et " in phrase
    if "un autre membre du bureau désigné par le bureau" in phrase:
        assert "Le trésorier absent ou empêché est remplacé par un autre membre du bureau" in statuts


# --- 3. the honorary title the constitutive assembly confers has its basis in the statuts ----


def test_honorary_members_named_at_the_constitution(tmp_path: Path) -> None:
    docs = _render(tmp_path, "cpts-avecsante")
    assert "Elle confère le titre de membre d" in docs["pv-ag-constitutive"]
    composition = _article(docs["statuts"], "Les membres")
    assert (
        "conféré par le conseil d’administration ou, pour les premiers membres d’honneur, "
        "par l’assemblée générale constitutive, aux personnes" in composition
    )


def test_no_honorary_member_named_the_ca_alone_confers_it(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        honneur = {m["id"] for m in d["membres"]["honneur"]}
        d["membres"]["honneur"] = []
        ag = d["ag_constitutive"]
        if isinstance(ag.get("presents"), list):
            ag["presents"] = [p for p in ag["presents"] if p not in honneur]

    docs = _render(tmp_path, "cpts-avecsante", change)
    composition = _article(docs["statuts"], "Les membres")
    assert "conféré par le conseil d’administration aux personnes" in composition
    assert "assemblée générale constitutive" not in composition


# --- 4. the communes are listed in one place that binds ---------------------------------------


def test_communes_listed_by_the_statuts_change_by_the_statuts_only(tmp_path: Path) -> None:
    docs = _render(tmp_path, "cpts-deux-departements")
    statuts, ri = docs["statuts"], docs["reglement-interieur"]
    territoire = _numero(statuts, "Territoire")
    assert f"les communes de ce territoire sont énumérées à l’article {territoire}." in statuts
    assert "Loches (37)" in _article(statuts, "Territoire")
    assert "assemblée générale extraordinaire" in _article(statuts, "Territoire")
    # The statuts never hand the list to the RI, nor to the AGO.
    assert "tenue à jour par le règlement intérieur" not in statuts
    assert "énumérées par le règlement intérieur" not in statuts
    assert "liste des communes" not in _article(statuts, "Règlement intérieur")
    # The RI reproduces it for information and says the statuts prevail.
    assert f"celle de l’article {territoire} des statuts, qui prévaut" in _article(ri, "Territoire")
    assert "liste des communes" not in _article(ri, "Modification du règlement intérieur")


def test_communes_listed_by_the_ri_change_by_the_ago(tmp_path: Path) -> None:
    docs = _render(tmp_path, "cpts-avecsante")
    statuts, ri = docs["statuts"], docs["reglement-interieur"]
    assert "Territoire" not in re.findall(r"^#+ Article [0-9-]+ – (.*)$", statuts, re.M)
    assert "énumérées par le règlement intérieur" in statuts
    assert "liste des communes du territoire, qui délimite" in _article(statuts, "Règlement intérieur")
    assert "est décidée par l’assemblée générale ordinaire" in _article(ri, "Territoire")


# --- 5. an inter-CPTS admits a CPTS as of right: its bulletin says so --------------------------


def _forms(bulletin: str) -> list[str]:
    """Return the bulletin's forms, one per collège (the data notice after them left out)."""
    return bulletin.split("<!-- saut-de-page -->")[:-1]


def test_inter_cpts_bulletin_records_a_cpts_of_right_and_decides_on_partners(tmp_path: Path) -> None:
    docs = _render(tmp_path, "inter-cpts-departementale")
    cpts, partenaires = _forms(docs["bulletin-adhesion"])
    assert "collège des CPTS" in cpts and "collège des partenaires" in partenaires
    assert "des statuts est de droit" in cpts
    assert "le bureau le constate dans un délai de trente jours" in cpts
    assert "statue sur la demande dans un délai" not in cpts
    assert "conditions remplies ☐\xa0conditions non remplies" in cpts and "admis ☐" not in cpts
    assert "Le bureau statue sur la demande dans un délai" in partenaires
    assert "admis ☐\xa0refusé" in partenaires


# --- 6. a structure's name never follows « pour » without its article ------------------------


@pytest.mark.parametrize(
    "example", ["cpts-avecsante", "cpts-copresidence", "inter-cpts-departementale", "cpts-deux-departements"]
)
def test_a_designated_person_is_named_with_the_structure_in_brackets(tmp_path: Path, example: str) -> None:
    model = api.load_answers(EXAMPLES / f"{example}.yaml")
    # Names as printed: the typography pass gives them the apostrophe « ’ ».
    structures = [
        m.nom_complet.replace("'", "\u2019") for m in (*model.fondateurs, *model.honneur) if m.personne_morale
    ]
    docs = _render(tmp_path, example)
    docs.update(render_markdown(model, ["pv-premier-ca"]))
    for name, text in docs.items():
        for structure in structures:
            for preposition in ("pour", "représentée par"):
                assert f"{preposition} {structure}" not in text, (name, structure)
            assert f"{structure}, représentée par" not in text, (name, structure)
    bureau = [n for ds in dict(model.ag_constitutive.bureau_elu).values() for n in ds if n.personne]
    for designation in bureau:
        assert (
            f"{designation.personne} ({model.membre(designation.membre).nom_complet})".replace("'", "\u2019")
            in docs["pv-ag-constitutive"]
        )


def test_inter_cpts_communes_are_information_only(tmp_path: Path) -> None:
    ri = _render(tmp_path, "inter-cpts-departementale")["reglement-interieur"]
    territoire = _article(ri, "Territoire")
    assert "ne délimite pas le territoire de l’association" in territoire
    assert "assemblée générale ordinaire" not in territoire
