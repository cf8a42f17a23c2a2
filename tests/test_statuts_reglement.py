"""Issue 13: the legal choices of the statuts and the RI, in their contexts and rendered variants."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.api import load_answers, render_markdown
from generator.context import commun, document_context
from generator.params import en_vigueur

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _ri(model):
    return document_context("reglement-interieur", model, commun(model))


def _statuts(model):
    return document_context("statuts", model, commun(model))


def _text(model, document):
    return render_markdown(model, [document])[document]


def test_dirigeants_tolerance_is_three_quarters_of_the_smic_of_the_date(copresidence):
    doc = _ri(copresidence)
    smic = copresidence.parametres.smic_mensuel_brut
    assert doc.tolerance_dirigeants == (smic.valeur * 3 / 4).quantize(Decimal("0.01"))
    assert doc.tolerance_depuis == smic.depuis
    # service-public.fr F1927 (2025): « soit 1 351,35 € brut par mois ».
    assert en_vigueur(copresidence.ag_constitutive.date).smic_mensuel_brut.valeur * 3 / 4 == Decimal(
        "1351.35"
    )
    ind = copresidence.indemnisation
    sans = copresidence._replace(
        indemnisation=ind._replace(
            remuneration_dirigeants=False,
            baremes=tuple(
                b for b in ind.baremes if not {"bureau", "conseil_administration"} & set(b.beneficiaires)
            ),
        )
    )
    assert _ri(sans).tolerance_dirigeants is None
    assert not _ri(sans).dirigeants_indemnises


def test_indemnified_dirigeants_bring_the_tolerance_without_paid_dirigeants(avecsante):
    # M8: the avecsanté RI pays bureau and CA members without remuneration_dirigeants.
    assert not avecsante.indemnisation.remuneration_dirigeants
    doc = _ri(avecsante)
    assert doc.dirigeants_indemnises
    smic = avecsante.parametres.smic_mensuel_brut
    if avecsante.ag_constitutive.date < smic.depuis:
        assert doc.tolerance_dirigeants is None
    text = _text(avecsante, "reglement-interieur")
    assert "membre du bureau ou du conseil d’administration, à quelque titre que ce soit" in text
    assert "BOI-IS-CHAMP-10-50-10-20" in text
    referents = avecsante._replace(
        indemnisation=avecsante.indemnisation._replace(
            baremes=tuple(b for b in avecsante.indemnisation.baremes if "referents" in b.beneficiaires)
        )
    )
    assert not _ri(referents).dirigeants_indemnises
    assert "à quelque titre que ce soit" not in _text(referents, "reglement-interieur")


def test_resource_thresholds_of_paid_dirigeants(copresidence, avecsante):
    assert _statuts(copresidence).seuils_remuneration == (
        "200\u202f000\xa0€ pour un dirigeant, 500\u202f000\xa0€ pour deux "
        "et 1\u202f000\u202f000\xa0€ pour trois"
    )
    assert _statuts(avecsante).seuils_remuneration is None


def test_attending_a_general_assembly_is_never_an_indemnified_activity(copresidence):
    doc = _ri(copresidence)
    assert "instances" in copresidence.indemnisation.activites
    assert doc.activites[0].endswith("à l'exclusion des assemblées générales")
    assert not any("assemblées)" in a for a in doc.activites)


def test_bureau_claims_are_controlled_outside_the_bureau(copresidence, avecsante):
    assert "n'est pas membre du bureau" in _ri(copresidence).controle_bureau
    sans_ca = avecsante._replace(conseil_administration=None)
    assert "ne siège pas au bureau" in _ri(sans_ca).controle_bureau


def test_cpts_indemnites_do_not_apply_to_an_inter_cpts(avecsante):
    inter = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    assert not _ri(inter).indemnites_cpts and not _statuts(inter).indemnites_cpts
    assert _ri(avecsante).indemnites_cpts
    assert "1434-44" not in _text(inter, "statuts")


def test_paid_dirigeants_regime_is_written_out(copresidence):
    statuts = _text(copresidence, "statuts")
    for condition in (
        "trois exercices clos",
        "majorité des deux tiers",
        "certifiés par un commissaire aux comptes",
        "annexe aux comptes",
        "trois fois le plafond mensuel",
    ):
        assert condition in statuts, condition
    ri = _text(copresidence, "reglement-interieur")
    assert "trois quarts du salaire minimum" in ri


@pytest.mark.parametrize("choix", ["non", "auto"])
def test_the_cac_clause_is_kept_whatever_the_answer(avecsante, choix):
    finances = avecsante.finances._replace(
        commissaire_aux_comptes=choix, subventions_publiques_annuelles=Decimal(1000)
    )
    model = avecsante._replace(finances=finances)
    statuts = _text(model, "statuts")
    assert "dont le montant global dépasse" in statuts and "en numéraire" in statuts
    assert "subventions dont le montant total atteint" not in statuts
    assert "désigner le commissaire aux comptes lorsque la loi l’exige" in statuts


@pytest.mark.parametrize("example", ["cpts-avecsante", "cpts-petite-bureau"])
def test_one_rule_for_amending_the_ri(example):
    model = load_answers(EXAMPLES / f"{example}.yaml")
    statuts, ri = _text(model, "statuts"), _text(model, "reglement-interieur")
    for text in (statuts, ri):
        assert "à titre provisoire dès leur adoption" in text
        assert "cessent de s’appliquer pour l’avenir" in text
    assert "Il est modifié dans les mêmes formes" not in statuts
    assert "ne peuvent être modifiés que par une décision de l’assemblée générale ordinaire" in statuts
    assert "ne sont modifiés que par l’assemblée générale ordinaire" in ri
    assert "ne peut la modifier seul" in ri
    assert _statuts(model).majorite_reglement == _ri(model).majorite_reglement


def test_local_law_has_no_title_on_liberalites_and_three_originals():
    moselle = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    statuts = _text(moselle, "statuts")
    assert "Libéralités" not in statuts and "préfet du département" not in statuts
    assert "en trois exemplaires originaux" in statuts
    avec = load_answers(EXAMPLES / "cpts-avecsante.yaml")
    assert "Libéralités" in _text(avec, "statuts")
    assert "en deux exemplaires originaux" in _text(avec, "statuts")


def test_local_law_says_who_revokes_the_direction(avecsante):
    # M16: the organ that elects the bureau revokes it, for serious cause, after hearing; the
    # revocation is declared to the registre.
    moselle = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    assert moselle.bureau.elu_par == "conseil_administration"
    statuts = _text(moselle, "statuts")
    assert "ne peut être révoqué que pour motif grave, par le conseil d’administration" in statuts
    assert "présenter ses explications" in statuts
    assert "déclarée sans délai au registre des associations" in statuts
    par_ag = moselle._replace(bureau=moselle.bureau._replace(elu_par="assemblee_generale"))
    assert "révoqué que pour motif grave, par l’assemblée générale ordinaire" in _text(par_ag, "statuts")
    assert "révoqué" not in _text(avecsante, "statuts")


def test_inter_cpts_bureau_rule_allows_the_two_cpts_parity():
    # M2: « au moins trois CPTS » must leave room for the parity clause of a two-CPTS association.
    inter = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    assert inter.bureau.colleges_distincts_min == 3
    statuts = _text(inter, "statuts")
    assert (
        "issus d’au moins trois CPTS membres différentes, ou des deux CPTS membres lorsque le "
        "collège des CPTS n’en compte que deux." in statuts
    )
    assert "réparties à parité entre ces deux CPTS" in statuts
    deux = inter._replace(bureau=inter.bureau._replace(colleges_distincts_min=2))
    text = _text(deux, "statuts")
    assert "issus d’au moins deux CPTS membres différentes." in text
    assert "ou des deux CPTS membres" not in text


def test_objet_says_the_association_is_the_cpts(copresidence):
    statuts = _text(copresidence, "statuts")
    assert "crée, organise et administre la CPTS" not in statuts
    assert "L’association constitue la communauté professionnelle territoriale de santé" in statuts
    # Added objectives are items of a « ; » list: no capital, no final point but the last item's.
    assert _statuts(copresidence).objectifs == (
        "animer des groupes d'analyse de pratiques pluriprofessionnels sur le territoire",
        "accueillir les étudiants en santé et les professionnels nouvellement installés",
    )


def test_non_calendar_exercice_has_a_first_exercice_and_one_word(avecsante):
    model = avecsante._replace(finances=avecsante.finances._replace(exercice="07-01"))
    assert _statuts(model).periode == _ri(model).periode == "exercice"
    statuts, ri = _text(model, "statuts"), _text(model, "reglement-interieur")
    assert "le premier exercice commence à la date de la déclaration" in statuts
    assert "s’achève le 30 juin qui suit" in statuts
    for text in (statuts, ri):
        assert "l’année en cours" not in text and "en cours d’année" not in text
    # The D. 1434-44 ceiling still counts by calendar year.
    assert "durant une année civile, du 1er janvier au 31 décembre" in ri
    assert _statuts(avecsante).periode == _ri(avecsante).periode == "année"


def test_non_calendar_exercice_words_the_cotisation_by_exercice_everywhere(avecsante):
    # M14: statuts, PV and bulletin say « exercice » for the cotisation, never « chaque année ».
    model = avecsante._replace(finances=avecsante.finances._replace(exercice="07-01"))
    textes = render_markdown(model, ["statuts", "pv-ag-constitutive", "bulletin-adhesion"])
    statuts, pv, bulletin = (textes[d] for d in ("statuts", "pv-ag-constitutive", "bulletin-adhesion"))
    assert "acquittent pour chaque exercice une cotisation" in statuts
    assert "La cotisation de chaque exercice est exigible en janvier, pour l’exercice en cours" in statuts
    assert "pour le premier exercice social défini à l’article" in pv
    assert "pour l’année 2024" not in pv
    assert "La cotisation de chaque exercice est exigible en janvier, pour l’exercice en cours" in pv
    assert "puis pour chaque exercice, exigible en janvier" in bulletin
    assert "cotisation de l’exercice" in bulletin and "cotisation de l’année" not in bulletin
    for text in (statuts, pv, bulletin):
        assert "janvier de chaque année" not in text and "chaque année en janvier" not in text
    civil = render_markdown(avecsante, ["pv-ag-constitutive", "bulletin-adhesion"])
    assert "pour l’année 2024" in civil["pv-ag-constitutive"]
    assert "cotisation de l’année" in civil["bulletin-adhesion"]


def test_remote_ca_and_written_consultation_follow_the_answers(avecsante):
    statuts = _text(avecsante, "statuts")
    assert avecsante.assemblees.visioconference
    assert (
        "Les administrateurs peuvent participer aux réunions du conseil d’administration et y voter"
        in statuts
    )
    assert "Hors réunion, le président peut consulter les administrateurs par écrit" in statuts
    assert "Le bureau peut recueillir l’accord de ses membres par tout moyen écrit" in statuts
    sans = avecsante._replace(assemblees=avecsante.assemblees._replace(visioconference=False))
    assert "Hors réunion" not in _text(sans, "statuts")


def test_local_law_written_consultation_needs_everyone():
    moselle = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    model = moselle._replace(assemblees=moselle.assemblees._replace(visioconference=True))
    assert "si tous les administrateurs donnent leur accord par écrit" in _text(model, "statuts")


def test_partial_renewal_protects_the_bureau(avecsante):
    assert avecsante.conseil_administration.renouvellement_partiel
    statuts = _text(avecsante, "statuts")
    assert "porte d’abord sur les administrateurs qui ne sont pas membres du bureau" in statuts
    assert "Par dérogation à l’article 15-1, le membre du bureau" in statuts


def test_inter_cpts_member_cpts_join_as_of_right_and_the_territory_is_the_departement():
    inter = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    statuts, ri = _text(inter, "statuts"), _text(inter, "reglement-interieur")
    assert "est admise de droit dans le collège des CPTS" in statuts
    assert "admise de droit\u00a0: le bureau se borne à le constater" in ri
    assert "participent aux votes selon les mêmes modalités" not in statuts
    assert "représente les CPTS membres" not in statuts
    assert "aucune voix n’est prépondérante" in statuts
    assert f"celui du département ({inter.association.departement})" in ri
    assert "non de la liste ci-après" in ri
    assert "1434-44" not in ri


def test_legal_references_do_not_break_across_lines(avecsante):
    for document in ("statuts", "reglement-interieur"):
        text = _text(avecsante, document)
        assert not re.search(r"\b[LDR]\. \d|n° \d", text), document
        assert "D.\u00a01434-44" in text
    assert "L.\u00a01434-12" in _text(avecsante, "statuts")


def test_words_inside_sentences(copresidence):
    moselle = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    duree = moselle._replace(association=moselle.association._replace(duree=99))
    statuts = _text(duree, "statuts")
    assert (
        "pour quatre-vingt-dix-neuf ans à compter de son inscription au registre des associations" in statuts
    )
    assert "représentée par le Dr Sandrine Hoffmann" in statuts
    assert "adhérents exerçant la profession de médecin généraliste" in _ri(copresidence).beneficiaires
    ri = _text(copresidence, "reglement-interieur")
    assert "dans un délai de soixante jours" in ri


def test_quorums_agenda_and_admissions(avecsante):
    doc = _statuts(avecsante)
    assert avecsante.assemblees.extraordinaire_quorum == "1/2+1"
    assert doc.quorums["age"] == "plus de la moitié"
    statuts = _text(avecsante, "statuts")
    assert "la moitié plus un" not in statuts
    assert "Les points que les membres demandeurs soumettent sont inscrits" in statuts
    # A CA meeting three times a year cannot decide within forty-five days: the bureau does.
    assert avecsante.adhesion.validation_par == "conseil_administration"
    assert doc.admission_par_bureau_a_defaut and _ri(avecsante).admission_par_bureau_a_defaut
    lent = avecsante._replace(adhesion=avecsante.adhesion._replace(delai_reponse_jours=150))
    assert not _statuts(lent).admission_par_bureau_a_defaut


@pytest.mark.parametrize(
    ("decompte", "simple"),
    [
        ("membres_presents_representes", "à la majorité simple des membres présents ou représentés"),
        ("suffrages_exprimes", "à la majorité simple des suffrages exprimés"),
    ],
)
def test_majorities_are_counted_as_the_answers_say(avecsante, decompte, simple):
    model = avecsante._replace(assemblees=avecsante.assemblees._replace(decompte_majorites=decompte))
    doc = _statuts(model)
    assert doc.majorite("simple") == _ri(model).majorite("simple") == simple
    assert doc.majorite("2/3").startswith("à la majorité des deux tiers des")
    assert doc.majorite("unanimite") == "à l'unanimité des membres présents ou représentés"
    assert doc.decompte.split(" :")[0] in _text(model, "statuts")


def test_the_model_counts_on_the_members_present_or_represented(avecsante):
    assert avecsante.assemblees.decompte_majorites == "membres_presents_representes"
    assert "suffrages exprimés" not in _text(avecsante, "statuts")
    assert "suffrages exprimés" not in _text(avecsante, "reglement-interieur")
    assert _ri(avecsante).decompte == _statuts(avecsante).decompte
