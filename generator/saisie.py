"""Everyday French input turned into the values the answers file holds.

Founders type dates, times and amounts the French way: « 15/03/2025 », « 15 mars 2025 »,
« 20h », « 20 h 30 », « 1 500 € », « 1500,50 ». One module reads them for the terminal
questionnaire and the browser form alike; a refusal says what is expected, with an example.

Every reader takes text and returns the value the schema expects (a date as ``AAAA-MM-JJ``, a
time as ``HH:MM``, an amount as a number) or raises :class:`SaisieError`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from generator.errors import UserMessageError


class SaisieError(UserMessageError, ValueError):
    """An answer typed in a form the questionnaire cannot read; the message says what is expected."""

    exit_code = 1


# Quotes a founder may type around an answer (« 20:00 » copied from the help, "Dupont"…).
_QUOTES = "\"'«»“”„‘’‚`"
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_MOIS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
_DATE_NUMERIQUE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DATE_LETTRES = re.compile(
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?(\d{1,2})(?:er)? ([a-z]+)\.? (\d{4})"
)
_HEURE = re.compile(r"(\d{1,2}) ?(?:h|:|heures?) ?(\d{2})?(?: ?min)?")
_NOMBRE = re.compile(r"[+-]?\d{1,3}(?:[ .]\d{3})+(?:,\d+)?|[+-]?\d+(?:[.,]\d+)?")

DATE_ATTENDUE = "une date comme 15/03/2025 ou 15 mars 2025"
HEURE_ATTENDUE = "une heure comme 20h, 20 h 30 ou 20:30"
MONTANT_ATTENDU = "un montant en euros comme 1 500 € ou 1500,50"
ENTIER_ATTENDU = "un nombre entier comme 12 ou 1 500"
OUI_NON_ATTENDU = "oui ou non"

_OUI = frozenset({"oui", "o", "yes", "y", "true", "vrai"})
_NON = frozenset({"non", "n", "no", "false", "faux"})


def nettoyer(text: str) -> str:
    """Return ``text`` in NFC, without surrounding spaces or stray quotes, inner spaces single."""
    text = unicodedata.normalize("NFC", text).strip()
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return _SPACES.sub(" ", text)


def _plain(text: str) -> str:
    """Return ``text`` cleaned, lower case and without accents (« Août » → « aout »)."""
    decomposed = unicodedata.normalize("NFKD", nettoyer(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _refus(text: str, attendu: str) -> SaisieError:
    shown = nettoyer(text)
    return SaisieError(f"« {shown} » ne se lit pas : attendu {attendu}" if shown else f"attendu {attendu}")


def date(text: str) -> str:
    """Return the date typed as ``AAAA-MM-JJ`` (« 15/03/2025 », « 15 mars 2025 », « 2025-03-15 »)."""
    plain = _plain(text)
    numeric = _DATE_NUMERIQUE.fullmatch(plain)
    iso = _DATE_ISO.fullmatch(plain)
    words = _DATE_LETTRES.fullmatch(plain)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
    elif iso:
        year, month, day = (int(part) for part in iso.groups())
    elif words and words.group(2) in _MOIS:
        day, month, year = int(words.group(1)), _MOIS[words.group(2)], int(words.group(3))
    else:
        raise _refus(text, DATE_ATTENDUE)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise SaisieError(
            f"« {nettoyer(text)} » n'est pas une date du calendrier : attendu {DATE_ATTENDUE}"
        ) from None


def heure(text: str) -> str:
    """Return the time typed as ``HH:MM`` (« 20h », « 20 h 30 », « 20:30 », « 9h05 »)."""
    found = _HEURE.fullmatch(_plain(text))
    if not found:
        raise _refus(text, HEURE_ATTENDUE)
    hours, minutes = int(found.group(1)), int(found.group(2) or 0)
    if hours > 23 or minutes > 59:
        raise SaisieError(
            f"« {nettoyer(text)} » n'est pas une heure de la journée : attendu {HEURE_ATTENDUE}"
        )
    return f"{hours:02d}:{minutes:02d}"


def _number(text: str, attendu: str) -> int | float:
    plain = nettoyer(text).replace("\u20ac", "").replace("euros", "").replace("euro", "").strip()
    if not _NOMBRE.fullmatch(plain):
        raise _refus(text, attendu)
    if "," in plain or re.fullmatch(r"[+-]?\d+\.\d{1,2}", plain):
        whole, _, fraction = plain.replace(",", ".").rpartition(".")
        digits = f"{re.sub(r'[ .]', '', whole)}.{fraction}"
    else:
        digits = re.sub(r"[ .]", "", plain)
    value = float(digits)
    return int(value) if value.is_integer() and len(digits) < 16 else value


def montant(text: str) -> int | float:
    """Return the amount typed (« 1 500 € » → 1500, « 1500,50 » → 1500.5, « 20 euros » → 20)."""
    return _number(text, MONTANT_ATTENDU)


def entier(text: str) -> int:
    """Return the whole number typed (« 1 500 » → 1500, « 12 » → 12)."""
    value = _number(text, ENTIER_ATTENDU)
    if isinstance(value, float):
        raise _refus(text, ENTIER_ATTENDU)
    return value


def oui_non(text: str) -> bool:
    """Return ``True`` for « oui » (o, vrai…), ``False`` for « non »."""
    plain = _plain(text)
    if plain in _OUI:
        return True
    if plain in _NON:
        return False
    raise _refus(text, OUI_NON_ATTENDU)


__all__ = [
    "DATE_ATTENDUE",
    "ENTIER_ATTENDU",
    "HEURE_ATTENDUE",
    "MONTANT_ATTENDU",
    "SaisieError",
    "date",
    "entier",
    "heure",
    "montant",
    "nettoyer",
    "oui_non",
]
