"""The administrateurs délégués of a collegial bureau: named where the answers give them, else blanks.

The collegial example names two délégués (ag_constitutive.bureau_elu.administrateurs_delegues):
the liste des dirigeants, the PV of the first CA, the statuts' and the RI's signature blocks and the
powers for the formalities name them; without the key, the same places keep their blanks and the
verification warns (W-DELEGUES-ABSENTS).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
COLLEGIAL = "cpts-classe-unique-ca-collegial"


def _check(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> api.CheckResult:
    data = yaml.safe_load((EXAMPLES / f"{COLLEGIAL}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.check_file(path)


def _render(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> dict[str, str]:
    result = _check(tmp_path, change)
    assert result.valid, "\n".join(f.format() for f in result.errors)
    assert result.model is not None
    return render_markdown(result.model)


def _rows(text: str, start: str | tuple[str, ...]) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


def _sans_delegues(d: dict[str, Any]) -> None:
    del d["ag_constitutive"]["bureau_elu"]["administrateurs_delegues"]


def test_the_list_of_dirigeants_names_each_delegate_once_first(tmp_path: Path) -> None:
    liste = _render(tmp_path, lambda d: None)["liste-dirigeants"]
    rows = _rows(liste, "| ")
    body = [r for r in rows if ("Dr Claire Martin" in r or "M. Paul Roux" in r) and "Loches" in r]
    # One row each, with the gendered function and the person's data; not again as « Administrateur ».
    assert len(body) == 2
    assert body[0].startswith("| Administratrice déléguée | Dr Claire Martin | Médecin généraliste |")
    assert body[1].startswith("| Administrateur délégué | M. Paul Roux | Infirmier libéral |")
    first = next(i for i, r in enumerate(rows) if "délégu" in r and "Dr Claire Martin" in r)
    secretaire = next(i for i, r in enumerate(rows) if r.startswith("| Secrétaire"))
    assert first < secretaire
    assert "| Dr Claire Martin | M. Paul Roux |" in liste  # the signature block


def test_the_first_ca_designates_the_named_delegates(tmp_path: Path) -> None:
    pv = _render(tmp_path, lambda d: None)["pv-premier-ca"]
    section = pv.split("## Désignation des administrateurs délégués", 1)[1].split("##", 1)[0]
    assert _rows(section, "| Dr Claire Martin |") and _rows(section, "| M. Paul Roux |")
    assert "Ils siègent au bureau avec la secrétaire et le trésorier" in section
    assert "Dr Claire Martin et M. Paul Roux déclarent accepter" in section
    assert "autres que les administrateurs délégués" in pv


def test_the_statuts_and_the_ri_are_signed_by_the_delegates(tmp_path: Path) -> None:
    docs = _render(tmp_path, lambda d: None)
    for name in ("statuts", "reglement-interieur"):
        assert "| Dr Claire Martin | M. Paul Roux | Mme Aurélie Fournier |" in docs[name], name
    formalites = docs["pv-ag-constitutive"]
    assert "chacun des administrateurs délégués de l" in formalites
    assert "Dr Claire Martin et M. Paul Roux, agissant ensemble ou séparément" in formalites


def test_one_delegate_is_named_in_the_singular(tmp_path: Path) -> None:
    def un_seul(d: dict[str, Any]) -> None:
        d["ag_constitutive"]["bureau_elu"]["administrateurs_delegues"] = ["cmartin"]

    docs = _render(tmp_path, un_seul)
    assert "administratrice déléguée de l" in docs["pv-ag-constitutive"]
    assert "| Dr Claire Martin | Mme Aurélie Fournier |" in docs["statuts"]
    assert not _rows(docs["liste-dirigeants"], "| Administrateur délégué | M. Paul Roux")


def test_without_delegates_the_documents_keep_their_blanks_and_warn(tmp_path: Path) -> None:
    result = _check(tmp_path, _sans_delegues)
    assert result.valid
    assert [f.path for f in result.findings if f.rule == "W-DELEGUES-ABSENTS"] == [
        "ag_constitutive.bureau_elu"
    ]
    docs = _render(tmp_path, _sans_delegues)
    section = (
        docs["pv-premier-ca"].split("## Désignation des administrateurs délégués", 1)[1].split("##", 1)[0]
    )
    assert len(_rows(section, "| \\_")) == 2
    assert "| Nom et prénom\u00a0: | Mme Aurélie Fournier |" in docs["statuts"]
    assert not _rows(docs["liste-dirigeants"], ("| Administrateur délégué", "| Administratrice déléguée"))


def test_delegates_are_refused_outside_a_collegial_bureau(tmp_path: Path) -> None:
    def presidence(d: dict[str, Any]) -> None:
        d["gouvernance"]["bureau"].update(collegial=False, fonctions=["president", "secretaire", "tresorier"])
        d["ag_constitutive"]["bureau_elu"]["president"] = "dmorel"

    result = _check(tmp_path, presidence)
    assert [(f.rule, f.path) for f in result.errors] == [
        ("E-DELEGUES", "ag_constitutive.bureau_elu.administrateurs_delegues")
    ]


def test_under_local_law_the_requete_is_signed_by_the_delegates(tmp_path: Path) -> None:
    def moselle(d: dict[str, Any]) -> None:
        d["association"]["departement"] = "57"
        d["association"]["siege"].update(code_postal="57000", commune="Metz")
        for membre in d["membres"]["fondateurs"]:
            membre.update(date_naissance="1975-05-02", lieu_naissance="Tours")

    requete = _render(tmp_path, moselle)["requete-inscription"]
    signatures = requete.rsplit("<!-- signatures -->", 1)[1]
    assert "| Administratrice déléguée | Dr Claire Martin |" in signatures
    assert "| Administrateur délégué | M. Paul Roux |" in signatures


def test_the_bureau_comprises_the_delegates_in_the_statuts_and_the_ri(tmp_path: Path) -> None:
    docs = _render(tmp_path, lambda d: None)
    composition = docs["statuts"].split("Composition et élection du bureau", 1)[1].split("\n#", 1)[0]
    items = _rows(composition, "- ")
    assert items[0].startswith("- les administrateurs délégués, que le conseil d")
    assert len(items) == 3  # the délégués, the secrétaire, the trésorier
    assert (
        "au scrutin secret et dans les conditions de l’article 17-1, les autres membres du bureau."
        in composition
    )
    assert "Les administrateurs délégués sont membres du bureau" in docs["statuts"]
    assert (
        "il réunit les administrateurs délégués, le secrétaire et le trésorier."
        in docs["reglement-interieur"]
    )


def test_without_a_collegial_bureau_the_composition_is_unchanged(tmp_path: Path) -> None:
    statuts = render_markdown(api.check_file(EXAMPLES / "cpts-avecsante.yaml").model)["statuts"]  # type: ignore[arg-type]
    assert "administrateurs délégués" not in statuts
    assert "au scrutin secret et dans les conditions de l’article 16-1, les membres du bureau." in statuts


def test_the_amended_statuts_leave_the_delegates_signatures_blank(tmp_path: Path) -> None:
    # After an AGE the answers do not say who holds office: the signatories are blanks, délégués too.
    import datetime as dt

    from generator.modifier.age import Age
    from generator.modifier.documents import dated_for_age

    result = _check(tmp_path, lambda d: None)
    assert result.model is not None
    age = Age(dt.date(2026, 3, 12), "18:30", "Loches", 40, 20, 5, "A", "B", False, {})
    amended = dated_for_age(result.model, age)
    assert amended.ag_constitutive is not None
    assert amended.ag_constitutive.administrateurs_delegues == ()
    statuts = render_markdown(amended)["statuts"]
    assert "| Nom et prénom\u00a0: |" in statuts
    assert "| Dr Claire Martin | M. Paul Roux |" not in statuts


def test_without_a_ca_the_bureau_designates_a_delegate_among_its_members(tmp_path: Path) -> None:
    def sans_ca(d: dict[str, Any]) -> None:
        d["gouvernance"]["conseil_administration"] = None
        d["gouvernance"]["bureau"]["elu_par"] = "assemblee_generale"
        ag = d["ag_constitutive"]
        ag["administrateurs_elus"] = []
        ag["votes"].pop("administrateurs")
        d["indemnisation"]["baremes"][0]["beneficiaires"] = ["bureau"]
        ag["bureau_elu"]["administrateurs_delegues"] = ["afournier", "cmartin"]

    refused = _check(tmp_path, sans_ca)
    assert [(f.rule, f.path) for f in refused.errors] == [
        ("E-DELEGUES", "ag_constitutive.bureau_elu.administrateurs_delegues[1]")
    ]

    def parmi_le_bureau(d: dict[str, Any]) -> None:
        sans_ca(d)
        d["ag_constitutive"]["bureau_elu"]["administrateurs_delegues"] = ["afournier"]

    liste = _render(tmp_path, parmi_le_bureau)["liste-dirigeants"]
    # The secrétaire is also the délégué (no cumul rule without a CA), in one row.
    assert "| Administratrice déléguée, secrétaire | Mme Aurélie Fournier |" in liste
