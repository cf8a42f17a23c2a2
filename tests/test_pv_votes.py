"""Votes per elected member of a bureau the constitutive assembly elects (ag_constitutive.voix_bureau)."""

from pathlib import Path
from types import MappingProxyType

import pytest

from generator.api import load_answers, render_markdown
from generator.context import commun, document_context
from generator.rules import ag_constitutive

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def petite():
    return load_answers(EXAMPLES / "cpts-petite-bureau.yaml")


@pytest.fixture(scope="module")
def copresidence():
    return load_answers(EXAMPLES / "cpts-copresidence.yaml")


def _pv(model):
    return document_context("pv-ag-constitutive", model, commun(model))


def _with_voix(model, **voix):
    # The votes per elected member are the election's vote: no global count beside them.
    votes = {k: v for k, v in model.ag_constitutive.votes.items() if k != "bureau" or not voix}
    ag = model.ag_constitutive._replace(voix_bureau=MappingProxyType(voix), votes=MappingProxyType(votes))
    return model._replace(ag_constitutive=ag)


def _elected_by_the_assembly(model):
    return model._replace(bureau=model.bureau._replace(elu_par="assemblee_generale"))


def test_each_seat_of_the_elected_bureau_gets_its_votes(petite):
    doc = _pv(petite)
    voix = petite.ag_constitutive.voix_bureau
    assert voix, "the example gives the votes of its secret ballot"
    assert [(e.poste.fonction, e.voix) for e in doc.elus_bureau] == [
        (f, voix[f][0]) for f in petite.bureau.fonctions
    ]
    assert all(e.poste.nom is not None for e in doc.elus_bureau)


def test_votes_not_given_are_blanks(petite):
    doc = _pv(_with_voix(petite, president=(6,)))
    assert [e.voix for e in doc.elus_bureau] == [6, None, None, None]
    draft = _pv(petite._replace(ag_constitutive=None))
    assert [e.voix for e in draft.elus_bureau] == [None] * len(petite.bureau.fonctions)


def test_co_presidents_get_their_votes_in_the_order_of_bureau_elu(copresidence):
    model = _with_voix(_elected_by_the_assembly(copresidence), president=(9, 7))
    doc = _pv(model)
    presidents = [e for e in doc.elus_bureau if e.poste.fonction == "president"]
    elus = dict(copresidence.ag_constitutive.bureau_elu)["president"]
    noms = [copresidence.nom(d) for d in elus]
    assert [(e.poste.nom, e.voix) for e in presidents] == list(zip(noms, (9, 7), strict=True))
    assert list(ag_constitutive(model)) == []


def test_the_ca_designating_the_bureau_has_no_votes_at_the_assembly(copresidence):
    assert _pv(copresidence).elus_bureau == ()
    problems = list(ag_constitutive(_with_voix(copresidence, president=(9, 7))))
    assert [path for path, _ in problems] == [("ag_constitutive", "voix_bureau")]
    assert "première réunion du conseil" in problems[0][1]


def test_one_number_per_co_president(copresidence):
    problems = list(ag_constitutive(_with_voix(_elected_by_the_assembly(copresidence), president=(9,))))
    assert [path for path, _ in problems] == [("ag_constitutive", "voix_bureau", "president")]
    assert "un nombre par élu" in problems[0][1]


def _resolution_bureau(model):
    texte = next(iter(render_markdown(model, ["pv-ag-constitutive"]).values()))
    return texte.split("résolution – Élection du bureau")[1].split("résolution –")[0]


def test_the_pv_prints_the_votes_or_blanks(petite):
    texte = _resolution_bureau(petite)
    votants = len(set(petite.votants()))
    for fonction, (n,) in petite.ag_constitutive.voix_bureau.items():
        assert f"| {n} sur {votants} votants |" in texte, fonction
    sans = _resolution_bureau(_with_voix(petite))
    assert "votants |" in sans and " sur 7 votants" not in sans
    assert "unanimité" not in sans
