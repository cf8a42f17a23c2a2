"""Issue 15: designs that depart from the AVECsanté model are accepted with a W-MODELE warning,
and every document says the design, nothing of the model's that contradicts it.

Each variant is an example file with a few answers changed, checked and rendered by the real
pipeline (rules, then the five founding documents).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _variants import checked_variant

from generator import api
from generator.api import render_markdown
from generator.model import Cpts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCUMENTS = ["statuts", "reglement-interieur", "pv-ag-constitutive", "bulletin-adhesion", "liste-dirigeants"]
WHO = "état de complet bien-être physique, mental et social"


def _render(
    tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None]
) -> tuple[Cpts, set[str], dict[str, str]]:
    """Load an example, change it, check it (valid) and render the five founding documents."""
    result = checked_variant(tmp_path, example, change)
    assert result.model is not None
    return result.model, {f.rule for f in result.warnings}, render_markdown(result.model, DOCUMENTS)


# --- siège and préambule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("transfert", "attendu", "absent"),
    [
        ("ca_ratifie_ag", "sous réserve de la ratification de ce transfert", None),
        ("conseil_administration", "par simple décision du conseil d’administration.", "ratification"),
        ("assemblee_generale", "par décision de l’assemblée générale extraordinaire.", "ratification"),
    ],
)
def test_siege_transfert(tmp_path: Path, transfert: str, attendu: str, absent: str | None) -> None:
    def change(d: dict[str, Any]) -> None:
        d["association"]["siege"]["transfert"] = transfert

    model, _, docs = _render(tmp_path, "cpts-avecsante", change)
    assert model.association.siege.transfert == transfert
    siege = docs["statuts"].split("Siège social", 1)[1].split("Durée", 1)[0]
    assert attendu in siege
    if absent is not None:
        assert absent not in siege


def test_preambule_default_is_the_who_definition(tmp_path: Path) -> None:
    _, _, docs = _render(tmp_path, "cpts-avecsante", lambda d: None)
    assert WHO in docs["statuts"]


def test_preambule_replaced_by_the_answers_text(tmp_path: Path) -> None:
    texte = "Les professionnels du Lochois s’unissent\npour la santé de tous.\n\nSecond paragraphe *libre*."

    def change(d: dict[str, Any]) -> None:
        d["association"]["preambule"] = texte

    _, _, docs = _render(tmp_path, "cpts-avecsante", change)
    statuts = docs["statuts"]
    assert WHO not in statuts
    assert "Les professionnels du Lochois s’unissent pour la santé de tous." in statuts
    assert "Second paragraphe \\*libre\\*." in statuts  # the answers' text is escaped


def test_preambule_removed(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["association"]["preambule"] = ""

    _, _, docs = _render(tmp_path, "cpts-avecsante", change)
    debut = docs["statuts"].split("\n## ", 1)[0]
    assert WHO not in docs["statuts"]
    # Nothing between the document's title and its first titre.
    assert [line for line in debut.splitlines() if line.strip()] == [docs["statuts"].splitlines()[0]]


# --- the four designs the model refused (issue 15) ----------------------------------------


def _sans_vice_president(d: dict[str, Any]) -> None:
    bureau = d["gouvernance"]["bureau"]
    bureau["fonctions"] = [f for f in bureau["fonctions"] if f != "vice_president"]
    bureau["colleges_distincts_min"] = 2
    d["ag_constitutive"]["bureau_elu"].pop("vice_president")


def _sans_mission(d: dict[str, Any]) -> None:
    d["objet"]["missions_aci"] = []
    d["objet"]["objectifs_supplementaires"] = ["Mettre en place, développer et gérer la CPTS."]


def _inter_cpts_seules(d: dict[str, Any]) -> None:
    d["colleges"] = [c for c in d["colleges"] if c["code"] != "partenaires"]
    cpts = {m["id"] for m in d["membres"]["fondateurs"] if m.get("college") == "cpts"}
    d["membres"]["fondateurs"] = [m for m in d["membres"]["fondateurs"] if m["id"] in cpts]
    ag = d["ag_constitutive"]
    ag["representes"] = [r for r in ag.get("representes", []) if {r["membre"], r["mandataire"]} <= cpts]
    if isinstance(ag.get("presents"), list):
        ag["presents"] = [i for i in ag["presents"] if i in cpts]
    assemblees = d["gouvernance"].setdefault("assemblees", {})
    assemblees["ordinaire"] = {"quorum": None, "majorite": "unanimite"}
    assemblees.setdefault("extraordinaire", {})["majorite_statuts"] = "unanimite"


def test_classe_unique_et_ca_collegial_example() -> None:
    """One class of members and a collegial CA: no collège, no président in any document."""
    result = api.check_file(EXAMPLES / "cpts-classe-unique-ca-collegial.yaml")
    assert result.valid and result.model is not None
    assert {"W-MODELE-COLLEGES", "W-MODELE-VICE-PRESIDENT"} <= {f.rule for f in result.warnings}
    docs = render_markdown(result.model, DOCUMENTS)
    statuts = docs["statuts"]
    assert "Les collèges" not in statuts and "répartis entre les collèges" not in statuts
    assert "composé de neuf membres." in statuts
    assert "un ou plusieurs administrateurs délégués" in statuts
    assert "Chacun des administrateurs délégués représente l’association" in statuts
    assert "toute personne physique ou morale" not in statuts
    for name, text in docs.items():
        lower = text.lower()
        # « ni président ni vice-président » says the design; no sentence gives either a role.
        for pattern in (
            r"co-présiden",
            r"\ble vice-président",
            r"\b(le|du|au) président(?! de séance)",
            r"présidente(?! de séance)",
        ):
            assert not re.search(pattern, lower), (name, pattern)
        assert "au titre de chaque collège" not in text, name
        assert "de chaque collège" not in text, name
    assert "Les administrateurs délégués" in docs["reglement-interieur"]
    assert "L’administrateur délégué" in docs["liste-dirigeants"]


def test_bureau_sans_vice_president(tmp_path: Path) -> None:
    model, warnings, docs = _render(tmp_path, "cpts-avecsante", _sans_vice_president)
    assert "vice_president" not in model.bureau.fonctions
    assert "W-MODELE-VICE-PRESIDENT" in warnings
    for name, text in docs.items():
        assert "vice-présiden" not in text.lower(), name
    assert "désigne un président de séance parmi ses membres" in docs["statuts"]


def test_objet_sans_mission_aci(tmp_path: Path) -> None:
    model, warnings, docs = _render(tmp_path, "cpts-avecsante", _sans_mission)
    assert model.objet.missions_aci == ()
    assert "W-MODELE-MISSIONS" in warnings
    objet = docs["statuts"].split("– Objet", 1)[1].split("– Siège", 1)[0]
    assert "mettre en place, développer et gérer la CPTS" in objet
    assert "met en œuvre les missions suivantes" not in objet
    for name, text in docs.items():
        for line in text.splitlines():
            # The RI keeps the territory's ACI size (issue 15: « the ACI size stays »).
            if "relève ainsi de la taille" not in line:
                assert "accord conventionnel interprofessionnel" not in line, (name, line)


def test_inter_cpts_sans_partenaires_a_l_unanimite(tmp_path: Path) -> None:
    model, warnings, docs = _render(tmp_path, "inter-cpts-departementale", _inter_cpts_seules)
    assert [c.code for c in model.colleges] == ["cpts"]
    assert "W-MODELE-INTER-CPTS" in warnings
    statuts = docs["statuts"]
    assert "Seules les CPTS peuvent être membres de l’association" in statuts
    assert "prises à l’unanimité des membres présents ou représentés" in statuts
    assert "voix consultative selon son collège" not in statuts
    for name, text in docs.items():
        assert "collège des partenaires" not in text, name
        assert "les CPTS et les partenaires" not in text, name
        assert "et aux partenaires membres" not in text, name


def test_collegial_bureau_default_bank_card_goes_to_the_delegates(tmp_path: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        del d["finances"]["depenses"]["carte_bancaire"]  # the default: [president, tresorier]

    model, _, docs = _render(tmp_path, "cpts-classe-unique-ca-collegial", change)
    assert "president" in model.finances.depenses.carte_bancaire
    assert "à chacun des administrateurs délégués" in docs["reglement-interieur"]
    assert "au président" not in docs["reglement-interieur"]


# --- the design facts and the warnings' messages ---------------------------------------------


def test_pour_delegues_rewords_every_co_presidents_form() -> None:
    from generator.context.conception import pour_delegues

    assert pour_delegues("l'un des co-présidents") == "l'un des administrateurs délégués"
    assert pour_delegues("du co-président qui préside la séance") == (
        "de l'administrateur délégué qui préside la séance"
    )
    assert pour_delegues("le co-président qui a présidé la séance") == (
        "l'administrateur délégué qui a présidé la séance"
    )
    assert pour_delegues("des deux co-présidents") == "des administrateurs délégués"
    assert pour_delegues("Les co-présidents, ou l'un d'eux, sont chargés") == (
        "Les administrateurs délégués, ou l'un d'eux, sont chargés"
    )


def test_conception_of_the_examples() -> None:
    from generator.context.conception import conception

    avec = conception(api.load_answers(EXAMPLES / "cpts-avecsante.yaml"))
    assert not avec.classe_unique and not avec.collegial and avec.missions_aci
    assert avec.transfert_siege == "ca_ratifie_ag" and avec.preambule is None
    lochois = conception(api.load_answers(EXAMPLES / "cpts-classe-unique-ca-collegial.yaml"))
    assert lochois.classe_unique and lochois.collegial and not lochois.personnes_morales
    assert lochois.transfert_siege == "conseil_administration"
    assert lochois.preambule is not None and len(lochois.preambule) == 2
    assert "personnes physiques, acteurs" in lochois.membres_qui
    inter = conception(api.load_answers(EXAMPLES / "inter-cpts-departementale.yaml"))
    assert not inter.classe_unique  # an inter-CPTS keeps its own wording


@pytest.mark.parametrize(
    "fixture",
    ["w-modele-colleges", "w-modele-vice-president", "w-modele-missions", "w-modele-inter-cpts"],
)
def test_model_warnings_give_the_model_choice_its_reason_and_the_law(fixture: str) -> None:
    path = Path(__file__).parent / "fixtures" / "invalid" / f"{fixture}.yaml"
    result = api.check_file(path)
    assert result.valid
    [finding] = [f for f in result.warnings if f.rule == fixture.upper()]
    assert "modèle" in finding.message and " pour " in finding.message
    assert "loi de 1901" in finding.message or "loi de 1901" in finding.source.lower()
    assert finding.source


def _classe_unique_collegiale(d: dict[str, Any]) -> None:
    """Every founder in the first collège; a collegial bureau without président."""
    premier = d["colleges"][0]
    premier["personnes"] = "mixtes"
    d["colleges"] = [premier]
    for membre in d["membres"]["fondateurs"]:
        membre["college"] = premier["code"]
    if d["gouvernance"].get("conseil_administration"):
        premier["sieges_ca"] = len(d["ag_constitutive"]["administrateurs_elus"])
    bureau = d["gouvernance"]["bureau"]
    bureau.update(collegial=True, co_presidence=False, colleges_distincts_min=1)
    bureau["fonctions"] = [
        f for f in bureau["fonctions"] if not f.startswith(("president", "vice_president"))
    ]
    for key in ("bureau_elu", "voix_bureau"):  # the votes go with the functions they were cast for
        for fonction in list(d["ag_constitutive"].get(key, {})):
            if fonction.startswith(("president", "vice_president")):
                del d["ag_constitutive"][key][fonction]
    d["finances"]["depenses"]["carte_bancaire"] = ["tresorier"]


@pytest.mark.parametrize("example", ["cpts-petite-bureau", "cpts-moselle-droit-local", "cpts-copresidence"])
def test_classe_unique_collegiale_from_other_examples(tmp_path: Path, example: str) -> None:
    """Without a CA, under local law, from a co-presidency: the same design renders the same way."""
    model, warnings, docs = _render(tmp_path, example, _classe_unique_collegiale)
    assert len(model.colleges) == 1 and model.bureau.collegial
    assert {"W-MODELE-COLLEGES", "W-MODELE-VICE-PRESIDENT"} <= warnings
    assert "Les collèges" not in docs["statuts"]
    assert "administrateurs délégués" in docs["statuts"]
    # The legal persons' representation is cited at the composition article.
    assert "représentant légal ou habilité par lui par écrit" in docs["bulletin-adhesion"]
    for name, text in docs.items():
        lower = text.lower()
        for pattern in (r"co-présiden", r"\ble vice-président", r"\b(le|du|au) président(?! de séance)"):
            assert not re.search(pattern, lower), (name, pattern)
        assert "de chaque collège" not in text, name
