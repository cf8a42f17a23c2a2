"""Findings of the greffe-clerk review (issue #14, revue 14) on the PVs: elections, refusals, votes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from _variants import checked_variant

from generator import api

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _variant(tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None]) -> api.CheckResult:
    """Check ``example`` changed by ``change``, valid or not."""
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.check_file(path)


def _errors(result: api.CheckResult, rule: str) -> list[tuple[str, str]]:
    return [(f.path, f.message) for f in result.errors if f.rule == rule]


# H2 — a candidate is elected only with the majority the statuts require.


def test_an_administrator_elected_by_a_minority_is_refused(tmp_path: Path) -> None:
    def minority(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_candidats"]["bvasseur"] = 5

    result = _variant(tmp_path, "cpts-avecsante", minority)
    errors = _errors(result, "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.voix_candidats.bvasseur"]
    assert "5 voix sur 18 votants" in errors[0][1]
    assert "majorité des membres présents ou représentés" in errors[0][1]


def test_half_of_the_voters_is_not_a_majority(tmp_path: Path) -> None:
    def half(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_candidats"]["bvasseur"] = 9  # 18 voters

    assert _errors(_variant(tmp_path, "cpts-avecsante", half), "E-AG-CONSTITUTIVE")

    def just_over(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_candidats"]["bvasseur"] = 10

    assert _variant(tmp_path, "cpts-avecsante", just_over).valid


def test_a_bureau_member_elected_by_a_minority_is_refused(tmp_path: Path) -> None:
    def minority(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["voix_bureau"]["secretaire"] = 3  # 7 voters

    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", minority), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.voix_bureau.secretaire"]
    assert "3 voix sur 7 votants" in errors[0][1]


def test_on_the_votes_cast_only_a_candidate_without_votes_is_surely_not_elected(tmp_path: Path) -> None:
    def cast(voix: int) -> Callable[[dict[str, Any]], None]:
        def change(data: dict[str, Any]) -> None:
            data["gouvernance"].setdefault("assemblees", {})["decompte_majorites"] = "suffrages_exprimes"
            data["ag_constitutive"]["voix_bureau"]["secretaire"] = voix

        return change

    assert _variant(tmp_path, "cpts-petite-bureau", cast(3)).valid
    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", cast(0)), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.voix_bureau.secretaire"]
    assert "suffrages exprimés" in errors[0][1]


# H1 — who votes against the statuts or abstains is named, founds nothing and votes no more.


def _refus_petite(data: dict[str, Any]) -> None:
    ag = data["ag_constitutive"]
    ag["votes"] = {
        "statuts": {"pour": 5, "contre": 1, "abstention": 1},
        "cotisations": {"pour": 4, "contre": 1, "abstention": 0},
        "reglement_interieur": "unanimite",
        "formalites": "unanimite",
    }
    ag["voix_bureau"] = {"president": 5, "vice_president": 4, "secretaire": 5, "tresorier": 4}
    ag["refus_statuts"] = ["ldelmas", "jfaure"]  # one present, one represented


def _refus_moselle(data: dict[str, Any]) -> None:
    ag = data["ag_constitutive"]
    ag["votes"]["statuts"] = {"pour": 8, "contre": 1, "abstention": 0}
    ag["votes"]["administrateurs"] = {"pour": 7, "contre": 0, "abstention": 1}
    ag["votes"]["cotisations"] = {"pour": 6, "contre": 1, "abstention": 1}
    ag["refus_statuts"] = ["pmuller"]


def test_a_refusal_leaves_the_statuts_annex_and_the_later_votes(tmp_path: Path) -> None:
    model = checked_variant(tmp_path, "cpts-petite-bureau", _refus_petite).model
    assert model is not None
    assert [f.id for f in model.fondateurs_adherents] == [
        f.id for f in model.fondateurs if f.id not in {"ldelmas", "jfaure"}
    ]
    assert len(model.votants_membres()) == len(model.votants()) - 2
    docs = api.render_markdown(model, ["statuts", "pv-ag-constitutive"])
    annexe = docs["statuts"].split("Liste des membres fondateurs")[-1]
    assert "Delmas" not in annexe and "Faure" not in annexe
    assert "Leroux" in annexe
    pv = docs["pv-ag-constitutive"]
    assert "Mme Lucie Delmas et M. Julien Faure, qui ont voté contre ou se sont abstenus" in pv
    assert "aux résolutions suivantes est ainsi de 5" in pv
    assert "5 sur 5 votants" in pv and "sur 7 votants" not in pv
    feuille = pv.split("Annexe – Feuille de présence")[1]
    lignes = [ln for ln in feuille.splitlines() if "adopté les statuts" in ln]
    assert len(lignes) == 2 and any("Delmas" in ln for ln in lignes) and any("Faure" in ln for ln in lignes)


def test_local_law_signatures_count_their_lines(tmp_path: Path) -> None:
    model = checked_variant(tmp_path, "cpts-moselle-droit-local", _refus_moselle).model
    assert model is not None
    docs = api.render_markdown(model, ["statuts", "requete-inscription", "pv-ag-constitutive"])
    statuts = docs["statuts"]
    bloc = statuts.split("Signatures des membres fondateurs présents")[1].split("saut-de-page")[0]
    lignes = [ln for ln in bloc.splitlines() if ln.startswith("| ") and not ln.startswith("| Membre")]
    signataires = len(model.fondateurs_signataires())
    assert signataires == 7  # eight present, one refused
    assert len(lignes) == signataires and "au nombre de sept" in bloc
    assert not any("Muller" in ln for ln in lignes)
    assert "Muller" not in statuts.split("Liste des membres fondateurs")[-1]
    assert "signés par sept membres" in docs["requete-inscription"]
    assert "les sept membres fondateurs présents qui les ont adoptés" in docs["pv-ag-constitutive"]


def test_a_counted_refusal_must_be_named(tmp_path: Path) -> None:
    def unnamed(data: dict[str, Any]) -> None:
        _refus_petite(data)
        del data["ag_constitutive"]["refus_statuts"]

    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", unnamed), "E-AG-CONSTITUTIVE")
    assert ("ag_constitutive.votes.statuts", errors[0][1]) in errors
    assert "nommez ces 2 membres" in errors[0][1]


def test_no_refusal_after_a_unanimous_vote_nor_a_refuser_elected(tmp_path: Path) -> None:
    def unanimous(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["refus_statuts"] = ["ldelmas"]

    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", unanimous), "E-AG-CONSTITUTIVE")
    assert "ag_constitutive.refus_statuts" in [p for p, _ in errors]

    def elected(data: dict[str, Any]) -> None:
        _refus_petite(data)
        data["ag_constitutive"]["refus_statuts"] = ["ldelmas", "aleroux"]

    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", elected), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.bureau_elu.secretaire"]


def test_later_votes_count_only_the_adherents(tmp_path: Path) -> None:
    def too_many(data: dict[str, Any]) -> None:
        _refus_petite(data)
        data["ag_constitutive"]["votes"]["cotisations"] = {"pour": 5, "contre": 1, "abstention": 1}

    errors = _errors(_variant(tmp_path, "cpts-petite-bureau", too_many), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.votes.cotisations"]
    assert "qui ont adopté les statuts" in errors[0][1]


# M3 — the votes per candidate are the election's vote: no global count beside them.


def test_a_global_count_beside_the_votes_per_candidate_is_refused(tmp_path: Path) -> None:
    def both(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["votes"]["administrateurs"] = {"pour": 16, "contre": 0, "abstention": 2}

    errors = _errors(_variant(tmp_path, "cpts-avecsante", both), "E-AG-CONSTITUTIVE")
    assert [p for p, _ in errors] == ["ag_constitutive.votes.administrateurs"]
    assert "retirez votes.administrateurs" in errors[0][1]


def test_an_election_by_candidate_prints_no_global_count(tmp_path: Path) -> None:
    model = checked_variant(tmp_path, "cpts-petite-bureau").model
    assert model is not None and model.ag_constitutive is not None
    assert model.ag_constitutive.voix_bureau and "bureau" not in model.ag_constitutive.votes
    pv = api.render_markdown(model, ["pv-ag-constitutive"])["pv-ag-constitutive"]
    bureau = pv.split("résolution – Élection du bureau")[1].split("### ")[0]
    assert "adoptée" not in bureau and "abstention" not in bureau
    assert "Chacun des candidats ci-dessus est élu au scrutin secret" in bureau

    def no_votes(data: dict[str, Any]) -> None:
        del data["ag_constitutive"]["voix_bureau"]

    # No vote given: the votes of each candidate are blanks to fill, never a global count.
    sans = checked_variant(tmp_path, "cpts-petite-bureau", no_votes).model
    assert sans is not None
    pv = api.render_markdown(sans, ["pv-ag-constitutive"])["pv-ag-constitutive"]
    bureau = pv.split("résolution – Élection du bureau")[1].split("### ")[0]
    assert "Chacun des candidats" in bureau and "votants |" in bureau and "adoptée" not in bureau

    def global_count(data: dict[str, Any]) -> None:
        no_votes(data)
        data["ag_constitutive"]["votes"]["bureau"] = {"pour": 6, "contre": 0, "abstention": 1}

    liste = checked_variant(tmp_path, "cpts-petite-bureau", global_count).model
    assert liste is not None
    pv = api.render_markdown(liste, ["pv-ag-constitutive"])["pv-ag-constitutive"]
    bureau = pv.split("résolution – Élection du bureau")[1].split("### ")[0]
    # One global count: the list was elected together; no blank per candidate beside it.
    assert "sur une liste unique de candidats" in bureau and "adoptée" in bureau
    assert "votants" not in bureau and "Chacun des candidats" not in bureau


# M2, L16, L18, L19 — the PV of the first CA.


def _premier_ca(model: Any) -> str:
    return api.render_markdown(model, ["pv-premier-ca"])["pv-premier-ca"]


def test_first_ca_names_who_sits_for_a_legal_person_and_annexes_the_attendance(tmp_path: Path) -> None:
    model = checked_variant(tmp_path, "cpts-moselle-droit-local").model
    assert model is not None
    texte = _premier_ca(model)
    presences = texte.split("## Présences")[1].split("## ")[0]
    msp = model.membre("msp-bitche")
    assert msp is not None and msp.representant
    assert model.nom_representant("msp-bitche") in presences
    assert f"{msp.representant} ({msp.structure})" in presences
    assert "désignations écrites sont annexées" in presences
    assert "La feuille de présence, émargée par chaque administrateur présent" in presences
    assert "Les administrateurs désignent Dr Thomas Schmitt en qualité de président de séance" in presences
    assert "La séance est présidée par" not in texte


def test_first_ca_without_legal_persons_annexes_the_attendance_only(tmp_path: Path) -> None:
    model = checked_variant(tmp_path, "cpts-classe-unique-ca-collegial").model
    assert model is not None
    texte = _premier_ca(model)
    assert "La feuille de présence, émargée par chaque administrateur présent, est annexée" in texte
    assert "désignations écrites" not in texte


def test_the_drawing_of_lots_recalls_the_statuts_order_and_the_register(tmp_path: Path) -> None:
    def partiel(data: dict[str, Any]) -> None:
        data["gouvernance"]["conseil_administration"]["renouvellement"] = {
            "mode": "partiel",
            "fraction": "1/3",
        }

    model = checked_variant(tmp_path, "cpts-moselle-droit-local", partiel).model
    assert model is not None
    tirage = _premier_ca(model).split("## Tirage au sort")[1]
    assert "porte d’abord sur les administrateurs qui ne sont pas membres du bureau" in tirage
    assert "déclaré au registre des associations" in tirage
    avecsante = checked_variant(tmp_path, "cpts-avecsante").model
    assert avecsante is not None and not avecsante.droit_local
    tirage = _premier_ca(avecsante).split("## Tirage au sort")[1]
    assert "porte d’abord" in tirage and "registre des associations" not in tirage


def test_several_written_acceptances_are_plural(tmp_path: Path) -> None:
    def represented(data: dict[str, Any]) -> None:
        ag = data["ag_constitutive"]
        ag["representes"] += [
            {"membre": "bvasseur", "mandataire": "gperrin"},
            {"membre": "elegall", "mandataire": "nkhelifi"},
        ]

    model = checked_variant(tmp_path, "cpts-avecsante", represented).model
    assert model is not None
    pv = api.render_markdown(model, ["pv-ag-constitutive"])["pv-ag-constitutive"]
    assert "font connaître leurs acceptations par écrit" in pv and "ces acceptations sont annexées" in pv
    assert "font connaître leur acceptation par écrit" not in pv


# M6 — a legal-person founder's written authority is annexed.


def test_legal_person_founders_have_their_authority_annexed(tmp_path: Path) -> None:
    phrase = "les habilitations sont annexées au présent procès-verbal"
    moselle = checked_variant(tmp_path, "cpts-moselle-droit-local").model
    assert moselle is not None and any(f.personne_morale for f in moselle.fondateurs)
    presences = api.render_markdown(moselle, ["pv-ag-constitutive"])["pv-ag-constitutive"]
    assert phrase in presences.split("## Présences")[1].split("## ")[0]
    unique = checked_variant(tmp_path, "cpts-classe-unique-ca-collegial").model
    assert unique is not None and not any(f.personne_morale for f in unique.fondateurs)
    assert phrase not in api.render_markdown(unique, ["pv-ag-constitutive"])["pv-ag-constitutive"]


# L2, L7, L14 — wording of the constitutive AG's PV.


def _pv(tmp_path: Path, example: str) -> str:
    model = checked_variant(tmp_path, example).model
    assert model is not None
    return api.render_markdown(model, ["pv-ag-constitutive"])["pv-ag-constitutive"]


def test_the_statuts_are_signed_after_the_elections_by_the_named_officers(tmp_path: Path) -> None:
    pv = _pv(tmp_path, "cpts-petite-bureau")
    premiere = pv.split("Première résolution")[1].split("### ")[0]
    assert (
        "à l’issue de la séance, une fois le bureau désigné, par la présidente et par la secrétaire"
        in premiere
    )
    assert "Dr Claire Marchal et Mme Amandine Leroux" in premiere


def test_one_class_has_no_college_column_and_one_amount(tmp_path: Path) -> None:
    pv = _pv(tmp_path, "cpts-classe-unique-ca-collegial")
    assert "| Sièges | Administrateurs élus |" in pv and "| Membres |" not in pv
    assert "ce montant est repris" in pv and "ces montants" not in pv
    assert "ces montants sont repris" in _pv(tmp_path, "cpts-avecsante")


def test_local_law_substitution_leaves_the_registration_request_to_the_direction(tmp_path: Path) -> None:
    formalites = _pv(tmp_path, "cpts-moselle-droit-local").split("résolution – Pouvoirs pour les formalités")[
        1
    ]
    assert (
        "pour toute formalité autre que la requête en inscription, que dépose un membre de la direction"
        in formalites
    )
    assert "autre que la requête" not in _pv(tmp_path, "cpts-petite-bureau")
