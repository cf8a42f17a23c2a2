"""Value objects parsed once from the answers: a fraction, a majority, an amount.

The answers write fractions as text (« 2/3 », « 1/2+1 » for half plus one) and majorities as a
code or a fraction (« simple », « 2/3 »); they are parsed here, once, when the model is built, and
every rule and document reads the parsed value and its French wording from here.

``Fraction`` and ``Majorite`` are ``str`` subclasses whose text is the answer as written:
``str(Fraction("1/2+1")) == "1/2+1"``, they compare equal to that text and print as it, so a
template or a message that handles the raw answer keeps working. Their order is by value, not
by text. ``Montant`` is a ``Decimal`` that knows how French documents write it.
"""

from __future__ import annotations

import fractions
import functools
import re
from decimal import Decimal
from typing import Any

_FRACTION = re.compile(r"(\d+)/(\d+)(\+1)?")

_DENOMINATEURS = {2: "moitié", 3: "tiers", 4: "quart"}


@functools.lru_cache(maxsize=256)
def _num2words(value: int, to: str = "cardinal") -> str:
    # num2words loads every language it knows: imported on first use only.
    from num2words import num2words  # noqa: PLC0415

    return str(num2words(value, lang="fr", to=to))


class Fraction(str):
    """A fraction of the answers: « 1/2 », « 2/3 », or « 1/2+1 » (half plus one).

    ``numerateur`` and ``denominateur`` are the written numbers; ``plus_un`` tells « +1 »;
    ``valeur`` is the rational value (0 for a zero denominator, which the E-FRACTIONS rule
    reports). ``1/2+1`` is worth just over a half: it beats ``1/2`` and nothing else above it.
    """

    numerateur: int
    denominateur: int
    plus_un: bool

    def __new__(cls, text: str) -> Fraction:
        """Parse ``text``; raise ``ValueError`` when it is not « n/d » nor « n/d+1 »."""
        if isinstance(text, Fraction):
            return text
        found = _FRACTION.fullmatch(text) if isinstance(text, str) else None
        if found is None or (found.group(3) and found.group(1, 2) != ("1", "2")):
            raise ValueError(f"pas une fraction : {text!r}")
        self = super().__new__(cls, text)
        self.numerateur = int(found.group(1))
        self.denominateur = int(found.group(2))
        self.plus_un = found.group(3) is not None
        return self

    @property
    def valeur(self) -> fractions.Fraction:
        """Return the rational value: ``2/3`` → 2/3; ``1/2+1`` → 1/2 (``plus_un`` breaks the tie)."""
        if self.denominateur == 0:
            return fractions.Fraction(0)
        return fractions.Fraction(self.numerateur, self.denominateur)

    @property
    def valide(self) -> bool:
        """Tell whether the fraction lies in (0, 1], as a quorum or a majority must."""
        return self.denominateur != 0 and 0 < self.valeur <= 1

    def _key(self) -> tuple[fractions.Fraction, bool]:
        return self.valeur, self.plus_un

    @staticmethod
    def _other(other: object) -> Fraction | None:
        if isinstance(other, Fraction):
            return other
        if isinstance(other, str):
            try:
                return Fraction(other)
            except ValueError:
                return None
        return None

    def __lt__(self, other: object) -> bool:
        """Order by value; ``1/2+1`` comes just after ``1/2``."""
        parsed = self._other(other)
        if parsed is None:
            return NotImplemented
        return self._key() < parsed._key()

    def __le__(self, other: object) -> bool:
        """Order by value; ``1/2+1`` comes just after ``1/2``."""
        parsed = self._other(other)
        if parsed is None:
            return NotImplemented
        return self._key() <= parsed._key()

    def __gt__(self, other: object) -> bool:
        """Order by value; ``1/2+1`` comes just after ``1/2``."""
        parsed = self._other(other)
        if parsed is None:
            return NotImplemented
        return self._key() > parsed._key()

    def __ge__(self, other: object) -> bool:
        """Order by value; ``1/2+1`` comes just after ``1/2``."""
        parsed = self._other(other)
        if parsed is None:
            return NotImplemented
        return self._key() >= parsed._key()

    # Equality and hashing stay those of the text: « 2/4 » is not written « 1/2 ».
    __eq__ = str.__eq__
    __hash__ = str.__hash__

    @property
    def mots(self) -> str:
        """Return the fraction in words with its article: « la moitié », « les deux tiers »."""
        return _mots(self.numerateur, self.denominateur, self.plus_un)

    @property
    def de_mots(self) -> str:
        """Return the fraction after « de »: « de la moitié », « des deux tiers », « du quart »."""
        words = self.mots
        if words.startswith("les "):
            return "des " + words[4:]
        if words.startswith("le "):
            return "du " + words[3:]
        return "de " + words


@functools.lru_cache(maxsize=256)
def _mots(numerator: int, denominator: int, plus_un: bool) -> str:
    if plus_un:
        return "la moitié plus un"
    if numerator == denominator:
        return "la totalité"
    if denominator == 2:
        return "la moitié"
    if denominator in _DENOMINATEURS:
        noun = _DENOMINATEURS[denominator]
        if numerator == 1:
            return f"le {noun}"
        plural = noun if noun.endswith("s") else f"{noun}s"
        return f"les {_num2words(numerator)} {plural}"
    ordinal = _num2words(denominator, to="ordinal")
    if numerator == 1:
        return f"un {ordinal}"
    return f"les {_num2words(numerator)} {ordinal}s"


# What « simple » and « absolue » demand when compared with a qualified majority: more than half.
PLUS_DE_LA_MOITIE = Fraction("1/2+1")
TOTALITE = Fraction("1/1")
NULLE = Fraction("0/1")

_MAJORITES_NOMMEES = {
    "simple": "à la majorité simple des suffrages exprimés",
    "absolue": "à la majorité absolue des membres présents ou représentés",
    "unanimite": "à l'unanimité des membres présents ou représentés",
}


class Majorite(str):
    """A majority of the answers: « simple », « absolue », « unanimite » or a fraction (« 2/3 »)."""

    fraction: Fraction | None

    def __new__(cls, text: str) -> Majorite:
        """Parse ``text``; raise ``ValueError`` when it is neither a known code nor a fraction."""
        if isinstance(text, Majorite):
            return text
        self = super().__new__(cls, text)
        self.fraction = None if text in _MAJORITES_NOMMEES else Fraction(text)
        return self

    __eq__ = str.__eq__
    __hash__ = str.__hash__

    @property
    def seuil(self) -> Fraction:
        """Return the share of votes it demands, comparable: simple and absolue are more than half."""
        if self.fraction is not None:
            return self.fraction
        return TOTALITE if self == "unanimite" else PLUS_DE_LA_MOITIE

    def au_moins(self, other: Majorite | str) -> bool:
        """Tell whether this majority demands at least as much as ``other``."""
        return self.seuil >= Majorite(other).seuil

    @property
    def mots(self) -> str:
        """Return the majority in words: « à la majorité simple … », « à la majorité des deux tiers … »."""
        if self.fraction is None:
            return _MAJORITES_NOMMEES[self]
        return f"à la majorité {self.fraction.de_mots} des membres présents ou représentés"


class Montant(Decimal):
    """An amount in euros from the answers or the legal parameters."""

    def __new__(cls, value: Any = "0", context: Any = None) -> Montant:
        """Build from an int, a float as written in YAML (through its text), a str or a Decimal."""
        if isinstance(value, float):
            value = str(value)
        return super().__new__(cls, value, context)

    @property
    def texte(self) -> str:
        """Return the amount as documents write it: « 1 500 € », « 12,50 € »."""
        from generator.typography import montant  # noqa: PLC0415 - typography imports this module

        return montant(self)


def fraction(value: Fraction | str) -> Fraction:
    """Return ``value`` as a :class:`Fraction` (a no-op on one)."""
    return Fraction(value)


def majorite(value: Majorite | str) -> Majorite:
    """Return ``value`` as a :class:`Majorite` (a no-op on one)."""
    return Majorite(value)
