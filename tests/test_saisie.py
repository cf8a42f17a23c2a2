"""The French input readers shared by ``cpts init`` and ``cpts serve``."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import saisie
from generator.saisie import SaisieError

MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/03/2025", "2025-03-15"),
        ("1/3/2025", "2025-03-01"),
        ("15.03.2025", "2025-03-15"),
        ("15 mars 2025", "2025-03-15"),
        ("1er août 2025", "2025-08-01"),
        ("15 Décembre 2025", "2025-12-15"),
        ("samedi 15 mars 2025", "2025-03-15"),
        ("2025-03-15", "2025-03-15"),
        ("« 15/03/2025 »", "2025-03-15"),
    ],
)
def test_dates_typed_the_french_way(typed: str, expected: str) -> None:
    assert saisie.date(typed) == expected


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_every_calendar_date_reads_back_in_both_french_forms(day: dt.date) -> None:
    assert saisie.date(day.strftime("%d/%m/%Y")) == day.isoformat()
    assert saisie.date(f"{day.day} {MOIS[day.month - 1]} {day.year}") == day.isoformat()


@pytest.mark.parametrize("typed", ["31/02/2025", "15 brumaire 2025", "demain", "15/03/25", ""])
def test_a_wrong_date_says_what_is_expected_with_an_example(typed: str) -> None:
    with pytest.raises(SaisieError, match="15/03/2025"):
        saisie.date(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("20h", "20:00"),
        ("20 h 30", "20:30"),
        ("20:30", "20:30"),
        ("9h05", "09:05"),
        ('"20:00"', "20:00"),
        ("20 heures", "20:00"),
        ("« 18h30 »", "18:30"),
    ],
)
def test_times_typed_the_french_way(typed: str, expected: str) -> None:
    assert saisie.heure(typed) == expected


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_of_day_reads_back(hours: int, minutes: int) -> None:
    assert saisie.heure(f"{hours}h{minutes:02d}") == f"{hours:02d}:{minutes:02d}"
    assert saisie.heure(f"{hours} h {minutes:02d}") == f"{hours:02d}:{minutes:02d}"


@pytest.mark.parametrize("typed", ["24h", "20h75", "midi", "2030"])
def test_a_wrong_time_says_what_is_expected(typed: str) -> None:
    with pytest.raises(SaisieError, match="20 h 30"):
        saisie.heure(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 500 €", 1500),
        ("1500,50", 1500.5),
        ("20 €", 20),
        ("20 euros", 20),
        ("1\u202f500", 1500),
        ("1.500", 1500),
        ("12.5", 12.5),
        ("'30'", 30),
        ("0", 0),
        ("1 500,25 €", 1500.25),
    ],
)
def test_amounts_typed_the_french_way(typed: str, expected: float) -> None:
    value = saisie.montant(typed)
    assert value == expected
    assert type(value) is type(expected)


@given(st.integers(0, 10**9))
def test_every_whole_amount_reads_back_with_french_thousands(amount: int) -> None:
    french = f"{amount:,}".replace(",", "\u202f")
    assert saisie.montant(f"{french} €") == amount
    assert saisie.entier(french.replace("\u202f", " ")) == amount


@pytest.mark.parametrize("typed", ["vingt", "12,5,3", "€", "1 50"])
def test_a_wrong_amount_says_what_is_expected(typed: str) -> None:
    with pytest.raises(SaisieError, match="1 500 €"):
        saisie.montant(typed)


def test_a_whole_number_refuses_a_decimal() -> None:
    with pytest.raises(SaisieError, match="nombre entier"):
        saisie.entier("2,5")


@pytest.mark.parametrize(
    ("typed", "expected"), [("oui", True), ("Non", False), ("O", True), ("« non »", False)]
)
def test_yes_and_no(typed: str, expected: bool) -> None:
    assert saisie.oui_non(typed) is expected


def test_stray_quotes_and_spaces_are_removed() -> None:
    assert saisie.nettoyer('  "CPTS  du Val"  ') == "CPTS du Val"
    assert saisie.nettoyer("« Hazebrouck »") == "Hazebrouck"
    assert saisie.nettoyer("l'Aa") == "l'Aa"
