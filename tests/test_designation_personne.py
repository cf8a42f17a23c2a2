"""A legal person's designated person: his genre agrees his title; his data fill the liste des dirigeants."""

from pathlib import Path

import pytest

from generator.api import load_answers, render_markdown
from generator.context import commun, document_context
from generator.context.titres import est_une_femme
from generator.model import Designation, Personne
from generator.rules import dirigeants_incomplets

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def avecsante():
    return load_answers(EXAMPLES / "cpts-avecsante.yaml")


def _secretaire(model):
    return dict(model.ag_constitutive.bureau_elu)["secretaire"][0]


def _with_designation(model, fonction, **changes):
    """Return the model where the designation elected to one function has other fields."""
    ag = model.ag_constitutive
    bureau = tuple(
        (f, tuple(d._replace(**changes) for d in ds) if f == fonction else ds) for f, ds in ag.bureau_elu
    )
    return model._replace(ag_constitutive=ag._replace(bureau_elu=bureau))


def _with_secretaire(model, **changes):
    return _with_designation(model, "secretaire", **changes)


def test_the_designations_genre_decides_the_title(avecsante):
    d = _secretaire(avecsante)
    assert d.personne is not None
    for genre, feminin in (("feminin", True), ("masculin", False), (None, False)):
        model = _with_secretaire(avecsante, genre=genre)
        assert est_une_femme(model, _secretaire(model)) is feminin
        # Rebuilt from the member and the person's name (as the liste des dirigeants does).
        assert est_une_femme(model, Designation(d.membre, d.personne, ())) is feminin
        poste = next(p for p in commun(model).postes if p.fonction == "secretaire")
        assert poste.titre.le == ("la secrétaire" if feminin else "le secrétaire")


@pytest.mark.parametrize(("genre", "titre"), [(None, "Vice-président"), ("feminin", "Vice-présidente")])
def test_the_liste_and_the_pv_title_the_delegate_by_the_answers(avecsante, genre, titre):
    d = dict(avecsante.ag_constitutive.bureau_elu)["vice_president"][0]
    assert d.personne is not None
    model = _with_designation(avecsante, "vice_president", genre=genre)
    documents = render_markdown(model, ["liste-dirigeants", "pv-premier-ca"])
    assert f"| {titre}, administrat" in documents["liste-dirigeants"]
    assert f"| {titre} | {d.personne} (" in documents["pv-premier-ca"]
    if genre is None:  # never guessed from the first name
        assert not any("Vice-présidente" in texte for texte in documents.values())


def test_the_designations_data_fill_the_liste(avecsante):
    autre = "Claude Autre"  # another person than the representative: known by name only
    model = _with_secretaire(avecsante, personne=autre)
    ligne = next(x for x in model.dirigeants() if x.personne == autre)
    assert ligne.physique.profession is None
    assert any(autre in message for _, message in dirigeants_incomplets(model))
    donnees = Personne(autre, "Cadre de santé", "1 rue Neuve, 49000 Angers", "française", None, None)
    model = _with_secretaire(avecsante, personne=autre, donnees=donnees)
    ligne = next(x for x in model.dirigeants() if x.personne == autre)
    assert ligne.physique == donnees
    assert not any(autre in message for _, message in dirigeants_incomplets(model))


def test_a_seance_officer_for_a_legal_person_agrees_with_its_named_representative():
    inter = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    ag = inter.ag_constitutive
    officier = inter.membre(ag.secretariat_seance)
    assert officier.personne_morale and officier.representant
    doc = document_context("pv-ag-constitutive", inter, commun(inter))
    assert doc.secretaire_seance.titre.le == "la secrétaire"
    bureau = tuple((f, tuple(d._replace(genre=None) for d in ds)) for f, ds in ag.bureau_elu)
    sans = ag._replace(bureau_elu=bureau)
    model = inter._replace(ag_constitutive=sans)
    assert document_context("pv-ag-constitutive", model, commun(model)).secretaire_seance.titre.le == (
        "le secrétaire"
    )


def test_the_answers_file_drops_a_replaced_persons_genre_and_data(tmp_path):
    import yaml

    from generator.init import writer

    base = (
        "ag_constitutive:\n  bureau_elu:\n    secretaire:\n      membre: msp\n      personne: Anne Roy\n"
        "      genre: feminin\n      profession: Infirmière\n"
    )

    def secretaire(personne):
        elu = {"membre": "msp", "personne": personne}
        answers = {"ag_constitutive": {"bureau_elu": {"secretaire": elu}}}
        text = writer.render(answers, base, tmp_path / "f.yaml")
        return yaml.safe_load(text)["ag_constitutive"]["bureau_elu"]["secretaire"]

    assert secretaire("Anne Roy") == {
        "membre": "msp",
        "personne": "Anne Roy",
        "genre": "feminin",
        "profession": "Infirmière",
    }
    assert secretaire("Paul Roy") == {"membre": "msp", "personne": "Paul Roy"}
