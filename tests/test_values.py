"""Value objects: fractions (with « 1/2+1 »), majorities and amounts, parsed once."""

import copy
import fractions
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import labels, typography
from generator.values import Fraction, Majorite, Montant

small = st.integers(min_value=0, max_value=99)
texts = st.one_of(st.just("1/2+1"), st.builds(lambda n, d: f"{n}/{d}", small, small))


@given(texts)
def test_fraction_keeps_its_text(text):
    parsed = Fraction(text)
    assert str(parsed) == text
    assert parsed == text
    assert hash(parsed) == hash(text)
    assert Fraction(parsed) is parsed


@given(small, small)
def test_fraction_value(n, d):
    parsed = Fraction(f"{n}/{d}")
    assert (parsed.numerateur, parsed.denominateur, parsed.plus_un) == (n, d, False)
    assert parsed.valeur == (fractions.Fraction(n, d) if d else 0)
    assert parsed.valide == (d != 0 and 0 < n <= d)


@given(texts, texts)
def test_fraction_order_is_by_value_and_half_plus_one_beats_half(a, b):
    fa, fb = Fraction(a), Fraction(b)
    key_a = (fa.valeur, a == "1/2+1")
    key_b = (fb.valeur, b == "1/2+1")
    assert (fa < fb) == (key_a < key_b)
    assert (fa >= fb) == (key_a >= key_b)
    assert (fa <= b) == (key_a <= key_b)  # a plain text is parsed to compare


def test_half_plus_one():
    half_plus_one = Fraction("1/2+1")
    assert half_plus_one.plus_un
    assert half_plus_one > "1/2"
    assert half_plus_one < "2/3"
    assert half_plus_one.mots == "la moitié plus un"


@pytest.mark.parametrize("text", ["", "1", "1/", "a/b", "2/3+1", "1/2+2", " 1/2", "-1/2"])
def test_fraction_refuses_other_text(text):
    with pytest.raises(ValueError, match="pas une fraction"):
        Fraction(text)


@pytest.mark.parametrize(
    ("text", "words", "after_de"),
    [
        ("1/2", "la moitié", "de la moitié"),
        ("2/3", "les deux tiers", "des deux tiers"),
        ("1/3", "le tiers", "du tiers"),
        ("3/4", "les trois quarts", "des trois quarts"),
        ("1/1", "la totalité", "de la totalité"),
        ("1/5", "un cinquième", "de un cinquième"),
        ("3/5", "les trois cinquièmes", "des trois cinquièmes"),
    ],
)
def test_fraction_words_are_the_typography_filters(text, words, after_de):
    parsed = Fraction(text)
    assert (parsed.mots, parsed.de_mots) == (words, after_de)
    # The Jinja filters take the text or the value object alike.
    assert typography.fraction(text) == typography.fraction(parsed) == words
    assert typography.de_fraction(text) == typography.de_fraction(parsed) == after_de


@pytest.mark.parametrize(
    ("code", "seuil", "words"),
    [
        ("simple", "1/2+1", "à la majorité simple des suffrages exprimés"),
        ("absolue", "1/2+1", "à la majorité absolue des membres présents ou représentés"),
        ("unanimite", "1/1", "à l'unanimité des membres présents ou représentés"),
        ("2/3", "2/3", "à la majorité des deux tiers des membres présents ou représentés"),
        ("1/2+1", "1/2+1", "à la majorité de la moitié plus un des membres présents ou représentés"),
    ],
)
def test_majorite(code, seuil, words):
    parsed = Majorite(code)
    assert parsed == code
    assert str(parsed) == code
    assert parsed.seuil == seuil
    assert parsed.mots == words
    assert labels.majorite(code) == labels.majorite(parsed) == words


def test_majorite_order():
    assert Majorite("2/3").au_moins("simple")
    assert Majorite("simple").au_moins("absolue")
    assert not Majorite("1/2").au_moins("simple")  # a half is not more than a half
    assert Majorite("unanimite").au_moins("2/3")
    assert not Majorite("2/3").au_moins("unanimite")
    with pytest.raises(ValueError, match="pas une fraction"):
        Majorite("qualifiee")


@given(st.decimals(min_value=0, max_value=10**8, places=2))
def test_montant(value):
    amount = Montant(value)
    assert amount == value
    assert isinstance(amount, Decimal)
    assert amount.texte == typography.montant(value)


def test_montant_from_yaml_float_uses_its_text():
    assert str(Montant(12.1)) == "12.1"


@pytest.mark.parametrize("value", [Fraction("2/3"), Fraction("1/2+1"), Majorite("simple"), Majorite("3/4")])
def test_value_objects_survive_copy_and_pickle(value):
    for clone in (copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert clone == value
        assert type(clone) is type(value)
        assert clone.mots == value.mots


def test_the_model_carries_the_value_objects():
    from pathlib import Path

    from generator import api

    model = api.check_file(Path(__file__).parent.parent / "examples" / "cpts-avecsante.yaml").model
    assert model is not None
    a, ca = model.assemblees, model.conseil_administration
    assert isinstance(a.ordinaire_majorite, Majorite)
    assert isinstance(a.extraordinaire_majorite_statuts, Majorite)
    assert isinstance(a.demande_fraction_membres, Fraction)
    assert ca is not None
    assert isinstance(ca.quorum_exclusion, Fraction)
    assert all(isinstance(v, Majorite) for v in ca.majorites.values())
    assert isinstance(ca.renouvellement_fraction, Fraction)
    assert all(isinstance(c.cotisation, Montant) for c in model.colleges)
    assert isinstance(model.finances.depenses.double_signature_au_dela, Montant)
