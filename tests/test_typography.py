"""French formats: amounts, dates, fractions, lists and spacing."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_french_spacing_prints_the_typographic_apostrophe_outside_urls_and_addresses():
    out = t.french_spacing("L'association d'O'Neil : https://x.org/l'a o'neil@x.fr")
    assert out.startswith("L\u2019association d\u2019O\u2019Neil")
    assert "https://x.org/l'a o'neil@x.fr" in out


def test_french_spacing_leaves_table_rules_alone():
    assert t.french_spacing("|---|:---:|") == "|---|:---:|"


# The spacing as it was first written, one line and one URL-free segment at a time: the obvious
# reading of the rules, kept here as the reference the one-pass version must reproduce exactly.
_URL_REFERENCE = re.compile(r"(https?://\S+|\S+@\S+)")


def _reference_segment(text: str) -> str:
    text = text.replace("'", "\u2019")
    text = re.sub(r"«[ \u00a0\u202f]*", f"«{NBSP}", text)
    text = re.sub(r"[ \u00a0\u202f]*»", f"{NBSP}»", text)
    text = re.sub(r"(?<=[^\s\\|:])[ \u00a0\u202f]*(:)(?=[\s\u00a0]|$)", f"{NBSP}\\1", text)
    return re.sub(r"(?<=[^\s\\;!?])[ \u00a0\u202f]*([;!?])(?=[\s\u00a0»)]|$)", f"{NNBSP}\\1", text)


def _reference_line(line: str) -> str:
    if line.lstrip().startswith("|-"):
        return line
    parts = _URL_REFERENCE.split(line)
    return "".join(part if i % 2 else _reference_segment(part) for i, part in enumerate(parts))


def _reference_spacing(markdown: str) -> str:
    return "\n".join(_reference_line(line) for line in markdown.split("\n"))


# Pieces that meet every branch of the rules: punctuation after a word, a space, an escape or
# another mark; guillemets with and without spaces; URLs and e-mails touching punctuation; table
# separator lines, indented or not; every kind of space and line break Python's ``\s`` knows.
_MARKS = ["mot", "a", "'", "l'a"]
_MARKS += ["«", "»", ":", ";", "!", "?", "?!", "\\", "\\!", "\\:", ")", "19:00", "-", "#"]
_TABLES = ["|", "|-", "|---|:--:|"]
_LINKS = ["https://x.org/l'a:b?c", "o'neil@x.fr", "http://y.fr", "https:", "nom@exemple.fr", "a@b", "@"]
_BLANKS = [" ", "  ", NBSP, NNBSP, "\t", "\r", "\x0b", "\u2028", "\x85", "\n", "\n\n"]
_PIECES = st.sampled_from(_MARKS + _TABLES + _LINKS + _BLANKS)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join)


@given(_TEXTS)
@settings(max_examples=2000, deadline=None)
def test_french_spacing_matches_the_line_by_line_reference(text):
    assert t.french_spacing(text) == _reference_spacing(text)


@pytest.mark.parametrize(
    "text",
    [
        "voir :https://x.org/a et\n|---|:--:|\n  |-:|\nfin : oui ! «non» ?",
        "a@b: c ; «d»\n\n\tx ?\r\ny !",
        "https://x.org?a!\nmail : n@x.fr ; fin ?",
    ],
)
def test_french_spacing_matches_the_reference_on_hand_picked_texts(text):
    assert t.french_spacing(text) == _reference_spacing(text)
    assert t.french_spacing(text) != text  # each text has something to space


_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**9),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("1.0"), Decimal("1"), Decimal("1.50"), Decimal("1.5"), Decimal("0.10"), 1]),
)


@given(st.lists(_NUMBERS, min_size=1, max_size=6), st.dates())
@settings(max_examples=300, deadline=None)
def test_cached_formatters_give_what_the_uncached_ones_give(values, date):
    # Equal values of different types or exponents (1, Decimal("1.0")) share no cache entry.
    for value in values:
        assert t.nombre(value) == t.nombre.__wrapped__(value)
        assert t.montant(value) == t.montant.__wrapped__(value)
        assert t.montant_en_lettres(value) == t.montant_en_lettres.__wrapped__(value)
        assert t.en_lettres(int(value)) == t.en_lettres.__wrapped__(int(value))
    assert t.date_longue(date) == t.date_longue.__wrapped__(date)
