"""Follow-ups of the reviews of 25 November 2026 that the lead fixed on main after the merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _variants import rendered_variant

from generator import api
from generator.api import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _rendered(example: str, names: tuple[str, ...]) -> dict[str, str]:
    return render_markdown(api.load_answers(EXAMPLES / f"{example}.yaml"), names)


def test_one_class_bulletin_states_the_statuts_definition_not_a_residence() -> None:
    # Art. 5 admits professionals who exercise on the territory: the form must not admit residents.
    bulletin = _rendered("cpts-classe-unique-ca-collegial", ("bulletin-adhesion",))["bulletin-adhesion"]
    condition = next(line for line in bulletin.splitlines() if line.startswith("☐\u00a0Je remplis"))
    assert "ma résidence" not in condition
    assert "que les statuts admettent comme membres, à savoir les professionnels de santé" in condition


def test_local_law_bureau_is_made_of_natural_persons() -> None:
    statuts = _rendered("cpts-moselle-droit-local", ("statuts",))["statuts"]
    assert "Ses membres sont des personnes physiques" in statuts
    assert "une personne morale ne peut exercer une fonction du bureau" in statuts
    # The loi-1901 clause on a legal person's representative in the bureau does not apply there.
    assert "cesse de représenter la personne morale" not in statuts
    avecsante = _rendered("cpts-avecsante", ("statuts",))["statuts"]
    assert "cesse de représenter la personne morale" in avecsante


def test_the_rgpd_notice_and_the_ri_name_who_receives_the_dirigeants_data() -> None:
    # RGPD art. 13, 1, c and e: the déclaration to the préfecture (loi 1901, art. 5) or the public
    # registre (code civil local) is a purpose and its authority a recipient.
    loi_1901 = _rendered("cpts-avecsante", ("bulletin-adhesion", "reglement-interieur"))
    assert "dont celle de ses dirigeants à la préfecture" in loi_1901["bulletin-adhesion"]
    assert "la préfecture, pour les dirigeants" in loi_1901["bulletin-adhesion"]
    assert "à la préfecture pour les données des dirigeants" in loi_1901["reglement-interieur"]
    local = _rendered("cpts-moselle-droit-local", ("bulletin-adhesion", "reglement-interieur"))
    assert "registre des associations du tribunal judiciaire, qui est public" in local["reglement-interieur"]
    assert "l’inscription de sa direction au registre public des associations" in local["bulletin-adhesion"]
    destinataire = "le tribunal judiciaire (registre public), pour les membres de la direction"
    assert destinataire in local["bulletin-adhesion"]
    assert "préfecture" not in local["bulletin-adhesion"]


def test_consultative_founders_consent_to_the_statuts_they_do_not_vote() -> None:
    # Founding is a contract: a partner of a consultative collège who founds consents too.
    pv = _rendered("inter-cpts-departementale", ("pv-ag-constitutive",))["pv-ag-constitutive"]
    premiere = pv.split("### Première résolution")[1].split("### ")[0]
    assert "à voix consultative, présents ou représentés, déclarent consentir aux statuts" in premiere
    autre = _rendered("cpts-petite-bureau", ("pv-ag-constitutive",))["pv-ag-constitutive"]
    assert "déclarent consentir aux statuts" not in autre


def test_under_local_law_the_siege_moves_within_the_three_departements() -> None:
    moselle = _rendered("cpts-moselle-droit-local", ("statuts",))["statuts"]
    assert "des départements du Bas-Rhin, du Haut-Rhin ou de la Moselle" in moselle
    avecsante = _rendered("cpts-avecsante", ("statuts",))["statuts"]
    assert "Haut-Rhin ou de la Moselle" not in avecsante


def test_the_requete_is_signed_by_the_direction_and_the_founders_who_signed_the_statuts() -> None:
    model = api.load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    docs = render_markdown(model, ("statuts", "requete-inscription"))
    requete = docs["requete-inscription"]
    grid = requete.split("s’associent à la présente requête")[1]
    rows = [line for line in grid.splitlines() if line.startswith("| ") and "Membre fondateur" not in line]
    # The same founders as the statuts' signature grid, each on a line to sign.
    statuts_grid = docs["statuts"].split("Signatures des membres fondateurs")[1].split("\n#")[0]
    statuts_rows = [line for line in statuts_grid.splitlines() if line.startswith("| ")][1:]
    assert rows == statuts_rows and len(rows) == len(model.fondateurs_signataires())
    assert "Pouvoir de représentation de la direction, à inscrire au registre" in requete


def test_the_first_ca_designates_the_delegues_by_secret_ballot_for_a_stated_duration() -> None:
    # The PV of the first CA proves the délégués' power: how they were designated and for how long.
    pv = _rendered("cpts-classe-unique-ca-collegial", ("pv-premier-ca",))["pv-premier-ca"]
    assert "désigne parmi ses membres, au scrutin secret, en un seul tour" in pv
    assert "La délégation est donnée pour la durée du mandat d’administrateur" in pv


def test_an_inter_cpts_of_two_cpts_cannot_decide_with_one_cpts_alone() -> None:
    statuts = _rendered("inter-cpts-departementale", ("statuts",))["statuts"]
    assert "que si chacune des deux CPTS y est représentée par l’un au moins de ses membres" in statuts
    assert "elle ne délibère valablement que si les deux CPTS sont présentes ou représentées" in statuts
    cpts = _rendered("cpts-avecsante", ("statuts",))["statuts"]
    assert "les deux CPTS sont présentes" not in cpts


def test_the_ri_and_the_bulletin_name_the_same_signatory_of_the_receipt() -> None:
    for example in sorted(p.stem for p in EXAMPLES.glob("*.yaml")):
        docs = _rendered(example, ("reglement-interieur", "bulletin-adhesion"))
        assert "le trésorier, qui encaisse les cotisations, en signe le reçu" in docs["reglement-interieur"]
        assert "| Pour l’association, la trésorière |" in docs["bulletin-adhesion"] or (
            "| Pour l’association, le trésorier |" in docs["bulletin-adhesion"]
        ), example


def test_the_statuts_speak_of_the_delegues_in_the_plural_even_when_one_is_designated(tmp_path: Path) -> None:
    # The statuts allow « un ou plusieurs » délégués: one designated on the first day changes no article.
    def un_delegue(data: dict[str, Any]) -> None:
        data["ag_constitutive"]["bureau_elu"]["administrateurs_delegues"] = ["cmartin"]

    variant = rendered_variant(tmp_path, "cpts-classe-unique-ca-collegial", un_delegue, ["statuts"])
    statuts = variant["statuts"]
    assert "Lorsque les administrateurs délégués sont tous absents ou empêchés" in statuts
    assert "l’administrateur délégué sont" not in statuts
