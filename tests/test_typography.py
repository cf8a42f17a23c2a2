"""French formats: amounts, dates, fractions, lists and spacing."""

import datetime as dt
from decimal import Decimal

import pytest

from generator import typography as t

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Decimal(1500), f"1{NNBSP}500{NBSP}€"), (Decimal("12.5"), f"12,50{NBSP}€"), (0, f"0{NBSP}€")],
)
def test_montant(value, expected):
    assert t.montant(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal(1500), "mille cinq cents euros"),
        (Decimal(1), "un euro"),
        (Decimal("12.50"), "douze euros et cinquante centimes"),
        (Decimal(2_000_000), "deux millions d'euros"),
        (Decimal(80), "quatre-vingts euros"),
    ],
)
def test_montant_en_lettres(value, expected):
    assert t.montant_en_lettres(value) == expected


def test_dates_and_hours():
    assert t.date_longue(dt.date(2023, 2, 2)) == "2 février 2023"
    assert t.date_longue(dt.date(2024, 3, 1)) == "1er mars 2024"
    assert t.heure("19:00") == f"19{NBSP}h"
    assert t.heure("08:30") == f"8{NBSP}h{NBSP}30"


@pytest.mark.parametrize(
    ("fraction", "words", "after_de"),
    [
        ("1/2", "la moitié", "de la moitié"),
        ("2/3", "les deux tiers", "des deux tiers"),
        ("1/4", "le quart", "du quart"),
        ("3/4", "les trois quarts", "des trois quarts"),
        ("1/2+1", "la moitié plus un", "de la moitié plus un"),
        ("1/1", "la totalité", "de la totalité"),
    ],
)
def test_fractions(fraction, words, after_de):
    assert t.fraction(fraction) == words
    assert t.de_fraction(fraction) == after_de


def test_liste():
    assert t.liste([]) == ""
    assert t.liste(["a"]) == "a"
    assert t.liste(["a", "b", "c"]) == "a, b et c"
    assert t.liste(["a", "b"], "ou") == "a ou b"


def test_french_spacing():
    text = "Il se compose de : deux collèges ; « voix » ? Oui ! À 19:00 https://x.org/a:b"
    out = t.french_spacing(text)
    assert f"de{NBSP}: deux" in out
    assert f"collèges{NNBSP};" in out
    assert f"«{NBSP}voix{NBSP}»" in out
    assert f"»{NNBSP}?" in out
    assert "19:00" in out


def test_french_spacing_leaves_table_rules_alone():
    assert t.french_spacing("|---|:---:|") == "|---|:---:|"
