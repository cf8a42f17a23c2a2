"""E-BUREAU-COLLEGES-POSSIBLE: colleges_distincts_min against the collèges (or CPTS) with founders."""

from pathlib import Path

import pytest

from generator.api import load_answers
from generator.rules import bureau_colleges_possible, colleges_du_bureau

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def avecsante():
    return load_answers(EXAMPLES / "cpts-avecsante.yaml")


@pytest.fixture(scope="module")
def inter():
    return load_answers(EXAMPLES / "inter-cpts-departementale.yaml")


def _minimum(model, n):
    return model._replace(bureau=model.bureau._replace(colleges_distincts_min=n))


def _without_college(model, code):
    return model._replace(fondateurs=tuple(f for f in model.fondateurs if f.college != code))


def test_a_college_without_founders_cannot_supply_the_bureau(avecsante):
    deliberatifs = [c.code for c in avecsante.colleges if c.deliberatif]
    model = _minimum(_without_college(avecsante, deliberatifs[-1]), len(deliberatifs))
    problems = list(bureau_colleges_possible(model))
    assert [p for p, _ in problems] == [("gouvernance", "bureau", "colleges_distincts_min")]
    assert deliberatifs[-1] in problems[0][1] and "art. 15-1" in problems[0][1]
    assert list(bureau_colleges_possible(_minimum(avecsante, len(deliberatifs)))) == []


def test_beyond_the_deliberative_colleges_is_left_to_e_bureau_colleges(avecsante):
    model = _minimum(avecsante, len(avecsante.colleges) + 1)
    assert list(bureau_colleges_possible(model)) == []
    assert list(colleges_du_bureau(model))  # the existing rule reports it, once


def _cpts(model, n):
    """Keep the first n founding CPTS and the partners."""
    cpts = [f.id for f in model.fondateurs if f.college == "cpts"][:n]
    gardes = tuple(f for f in model.fondateurs if f.college != "cpts" or f.id in cpts)
    return model._replace(fondateurs=gardes)


def test_inter_cpts_counts_the_founding_cpts(inter):
    assert list(bureau_colleges_possible(_minimum(_cpts(inter, 3), 3))) == []
    problems = list(bureau_colleges_possible(_minimum(_cpts(inter, 3), 4)))
    assert len(problems) == 1 and "3 CPTS fondatrice" in problems[0][1]
    assert list(bureau_colleges_possible(_minimum(_cpts(inter, 1), 2)))


def test_inter_cpts_of_two_cpts_follows_the_statuts_exception(inter):
    # The statuts: « ou des deux CPTS membres lorsque le collège n'en compte que deux ».
    assert list(bureau_colleges_possible(_minimum(_cpts(inter, 2), 3))) == []


@pytest.mark.parametrize("modele", ["cpts", "inter_cpts"])
def test_init_placeholders_do_not_trip_the_rule_before_the_founders_are_asked(modele):
    from generator import api
    from generator.init import stubs
    from generator.loader import LoadedAnswers

    colleges = (
        [{"code": "cpts", "voix": "deliberative"}, {"code": "partenaires", "voix": "consultative"}]
        if modele == "inter_cpts"
        else [{"code": c} for c in ("ps", "esp", "structures", "usagers")]
    )
    data = {"modele": modele, "colleges": colleges, "gouvernance": {"bureau": {"colleges_distincts_min": 4}}}
    if modele == "inter_cpts":
        data["gouvernance"]["conseil_administration"] = None
    result = api.check_loaded(LoadedAnswers(file="", data=stubs.complete(data)))
    assert "E-BUREAU-COLLEGES-POSSIBLE" not in {f.rule for f in result.findings}
    assert len(data["membres"]["fondateurs"]) == 4
