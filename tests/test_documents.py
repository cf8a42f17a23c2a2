"""Every example renders complete documents; snapshots keep them reviewable as Markdown files."""

import itertools
import re
from pathlib import Path

import pytest
from _answers import MINIMAL
from _markdown_snapshot import MarkdownSnapshotExtension

from generator import typography
from generator.api import check_loaded, load_answers, render_markdown
from generator.loader import load_text
from generator.markdown import escape
from generator.render import DOCUMENTS, applicable, render_documents
from generator.typography import montant

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
HEADING = re.compile(r"^#{2,4} (?:Article|Titre) ([0-9IVX-]+) – (.+)$", re.MULTILINE)


@pytest.fixture
def snapshot_md(snapshot):
    return snapshot.use_extension(MarkdownSnapshotExtension)


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request):
    model = load_answers(request.param)
    return model, render_documents(model)


def test_there_are_at_least_five_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("document", list(DOCUMENTS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_snapshot(example, document, snapshot_md):
    model = load_answers(example)
    rendered = render_markdown(model, [document])
    if not applicable(document, model):
        # The PV of the first CA without a CA electing the bureau, the requête outside local law.
        assert document not in rendered
        return
    assert rendered[document] == snapshot_md


def test_rendering_is_deterministic(rendered):
    model, documents = rendered
    again = render_documents(model)
    assert {k: v.markdown for k, v in again.items()} == {k: v.markdown for k, v in documents.items()}


def test_no_placeholder_nor_none(rendered):
    _, documents = rendered
    for name, doc in documents.items():
        for bad in ("None", "XXX", "TODO", "{{", "{%", "\x1e", "\x1f"):
            assert bad not in doc.markdown, (name, bad)


def test_every_reference_points_to_its_article(rendered):
    _, documents = rendered
    for name, doc in documents.items():
        titles = {number: title for number, title in HEADING.findall(doc.markdown)}
        by_label = {h.label: h for h in doc.numbered.headings}
        for label, number in doc.numbered.references:
            assert by_label[label].number == number, (name, label)
            # The heading is printed after the typography pass (« ’ », no-break spaces).
            assert titles[number] == typography.french_spacing(by_label[label].title), (name, label, number)


def test_amounts_and_collèges_are_those_of_the_answers(rendered):
    model, documents = rendered
    statuts = documents["statuts"].markdown
    reglement = documents["reglement-interieur"].markdown
    for college in model.colleges:
        assert escape(college.intitule) in statuts
        assert montant(college.cotisation) in reglement
    for commune in model.association.communes:
        assert escape(commune) in reglement


NOTICE = "Information sur vos données personnelles"
# RGPD art. 13: every item the notice owes the applicant (post-mortem: loi 78-17 art. 85).
NOTICE_ITEMS = (
    "Responsable du traitement",
    "Délégué à la protection des données",
    "Finalités et bases légales",
    "Caractère obligatoire",
    "Destinataires",
    "Transferts",
    "Durée de conservation",
    "Vos droits",
    "Réclamation",
)


def test_the_bulletin_has_one_form_per_college_then_the_notice_once(rendered):
    model, documents = rendered
    bulletin = documents["bulletin-adhesion"].markdown
    *forms, notice = bulletin.split("<!-- saut-de-page -->")
    assert len(forms) == len(model.colleges)
    for college, form in zip(model.colleges, forms, strict=True):
        one_class = len(model.colleges) == 1 and not model.inter_cpts  # no collège to name
        heading = "Bulletin d’adhésion" if one_class else escape(college.intitule)
        assert f"\n## {heading}\n" in form
        assert form.count("<!-- coupon -->") == 1
        assert form.count("<!-- signatures -->") == 2  # the applicant's, the receipt's
        # The applicant ticks that he read the notice; the notice itself is not repeated here.
        assert re.search(rf"^☐[ \u00a0]J’ai pris connaissance de l’«[ \u00a0]{NOTICE}[ \u00a0]»", form, re.M)
        assert not [item for item in NOTICE_ITEMS if item in form]
    assert notice.strip().startswith(f"## {NOTICE}\n")
    for item in NOTICE_ITEMS:
        assert notice.count(f"- **{item}**") == 1, item
    assert "CNIL" in notice and "3 place de Fontenoy" in notice
    assert "retirer à tout moment un consentement" in notice and "après votre décès" in notice
    assert "\\_\\_" not in notice or model.association.email is None  # the contact is the answers' e-mail
    assert bulletin.count(NOTICE_ITEMS[0]) == 1


def _model(text):
    result = check_loaded(load_text(text, "reponses.yaml"))
    assert result.model is not None, [f.format() for f in result.findings]
    return result.model


def test_without_constitutive_assembly_the_documents_are_drafts_with_blanks():
    model = _model(MINIMAL)
    documents = render_markdown(model)
    assert list(documents) == [name for name in DOCUMENTS if applicable(name, model)]
    for name, text in documents.items():
        assert "None" not in text, name
    pv = documents["pv-ag-constitutive"]
    # Every vote, the date and the séance officers are left to write by hand.
    assert pv.count("☐ adoptée ☐ rejetée") == len(re.findall(r"^### .* résolution", pv, re.M)) == 5
    assert "Le \\_\\_\\_" in pv
    assert "| Nom et prénom\u00a0: | Nom et prénom\u00a0: |" in pv
    liste = documents["liste-dirigeants"]
    assert liste.count("\n| Président | \\_") == 1
    assert "à compléter à la main" in liste


def test_an_incomplete_administrator_leaves_blanks_and_a_warning():
    answers = MINIMAL + (
        "ag_constitutive:\n"
        "  date: 2024-01-10\n"
        "  lieu: Lille\n"
        "  presidence_seance: a\n"
        "  secretariat_seance: b\n"
        "  bureau_elu: {president: a, vice_president: b, secretaire: c, tresorier: d}\n"
    )
    answers = answers.replace(
        "    - {id: b, structure: MSP, college: esp}\n",
        "    - {id: b, structure: MSP, college: esp, domicile: '2 rue Y, 59000 Lille'}\n"
        "    - {id: c, nom: C, prenom: D, college: ps, profession: Sage-femme, domicile: '3 rue Z'}\n"
        "    - {id: d, nom: E, prenom: F, college: esp, profession: Pharmacien, domicile: '4 rue W'}\n",
    )
    model = _model(answers)
    # Every dirigeant lacks something (nationality is never presumed): one warning for each.
    assert {w.rule for w in model.avertissements} == {"W-DIRIGEANTS-INCOMPLET"}
    assert len(model.avertissements) == 4
    documents = render_markdown(model, ["liste-dirigeants", "verification"])
    liste = documents["liste-dirigeants"]
    president = next(line for line in liste.split("\n") if line.startswith("| Président"))
    # « a » has no profession, domicile nor nationality: three blanks on his line, and the note.
    assert len(re.findall(r"(?:\\_){4,}", president)) == 3
    assert "à compléter avant le dépôt" in liste
    # A filed document never prints a rule id, and an incomplete list is not certified.
    assert not re.search(r"\b[EW]-[A-Z]+(?:-[A-Z]+)*\b", liste)
    assert "Certifiée conforme" not in liste
    assert "**W-DIRIGEANTS-INCOMPLET**" in documents["verification"]


def test_moselle_with_partial_renewal_files_what_the_tribunal_asks():
    """Local law, the CA elects the bureau and is renewed by thirds: the whole file for the greffe."""
    moselle = (Path(__file__).parent.parent / "examples" / "cpts-moselle-droit-local.yaml").read_text(
        encoding="utf-8"
    )
    partiel = moselle.replace(
        "renouvellement: {mode: total}", 'renouvellement: {mode: partiel, fraction: "1/3"}'
    )
    assert partiel != moselle
    model = _model(partiel)
    assert model.droit_local and model.conseil_administration.renouvellement_partiel
    # W-RENOUVELLEMENT-TOTAL is gone and the direction is complete; only its lack of margin is said.
    assert {f.rule for f in model.avertissements} == {"W-DIRECTION-MARGE"}
    documents = render_markdown(model)
    assert {"pv-premier-ca", "requete-inscription"} <= set(documents)
    pv, premier_ca = documents["pv-ag-constitutive"], documents["pv-premier-ca"]
    # The drawing of lots is recorded in the CA's PV, not in the assembly's.
    assert "Tirage au sort du renouvellement partiel" in premier_ca
    assert "désignés par le sort" in premier_ca and "désignés par le sort" not in pv
    assert "l’assemblée générale n’est pas appelée à voter" in pv and "l’approuve" not in pv
    # Seven signatures at least, counted from the present founders who adopt.
    presents = len(model.ag_constitutive.presents)
    assert f"par les {typography.en_lettres(presents)} membres fondateurs présents qui les ont adoptés" in pv
    # The direction: natural persons with date and place of birth, in the list and in the requête.
    for name in ("liste-dirigeants", "requete-inscription"):
        assert (
            "| Fonction | Nom et prénoms | Date et lieu de naissance | Domicile | Nationalité |"
            in documents[name]
        )
        assert "2 avril 1971, Metz" in documents[name]
    assert "Certifiée conforme" in documents["liste-dirigeants"]
    requete = documents["requete-inscription"]
    assert "Journal d’annonces légales choisi" in requete and "Résumé de l’objet" in requete
    for name in ("pv-ag-constitutive", "pv-premier-ca", "liste-dirigeants", "requete-inscription"):
        # A filed document prints no rule id and presumes no vote.
        assert not re.search(r"\b[EW]-[A-Z]+(?:-[A-Z]+)*\b", documents[name]), name
    assert "JOAFE" not in documents["verification"].split("## Formalités")[1].split("Sources")[0]


# The documents filed at the préfecture or the tribunal: a rule id never appears in them.
FILED = (
    "pv-ag-constitutive",
    "pv-premier-ca",
    "liste-dirigeants",
    "requete-inscription",
    "bulletin-adhesion",
)


def test_filed_documents_print_no_rule_id(rendered):
    _, documents = rendered
    for name in FILED:
        if name in documents:
            assert not re.search(r"\b[EW]-[A-Z]+(?:-[A-Z]+)*\b", documents[name].markdown), name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_headings_and_votes_open_their_own_paragraph(example):
    """A heading or a vote count glued to the line above would merge into its paragraph in Word."""
    from generator import api

    for name, text in api.render_markdown(api.load_answers(example)).items():
        lines = text.split("\n")
        for before, line in itertools.pairwise(lines):
            if line.startswith(("#", "Pour : ")):
                assert before == "", f"{name}: « {line[:60]} » suit « {before[:60]} »"
