"""Number titres and articles of a rendered document, and resolve references by label.

Templates never write a number: they emit markers (``titre``, ``article``, ``sous_article`` and
``ref``), and this pass numbers the headings in reading order, then replaces every reference with
the number of the labelled heading. Removing an optional article therefore renumbers the rest and
keeps every « conformément à l'article N » right; a reference to a label that is not in the
document is a template error. Markers are built from ASCII control characters, which the schema
refuses in every user value, so no answer can forge one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import TemplateRenderError
from generator.markdown import Safe

START, END = "\x1e", "\x1f"
_MARKER = re.compile("\x1e([TASR]):([a-z0-9_]+)\x1f")
_ROMAN = (
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romain(number: int) -> str:
    """Return a small number in Roman numerals (titres go up to a dozen)."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def marker(kind: str, label: str) -> Safe:
    """Return the marker for a heading (``T``, ``A``, ``S``) or a reference (``R``)."""
    return Safe(f"{START}{kind}:{label}{END}")


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered heading: its label, number (« 9 », « 15-1 », « III ») and title text."""

    kind: str
    label: str
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class Numbered:
    """A document whose headings are numbered and references resolved."""

    text: str
    headings: tuple[Heading, ...]
    references: tuple[tuple[str, str], ...]

    def number(self, label: str) -> str:
        """Return the number of the heading with this label."""
        for heading in self.headings:
            if heading.label == label:
                return heading.number
        raise TemplateRenderError(f"aucun article n'a l'étiquette « {label} »")


_HEADING_TEXT = {"T": "Titre", "A": "Article", "S": "Article"}


def number_document(text: str, document: str) -> Numbered:
    """Number the headings of ``text`` and resolve its references."""
    titres = articles = sous = 0
    headings: list[Heading] = []
    numbers: dict[str, str] = {}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _MARKER.search(line)
        if match is None or match.group(1) == "R":
            continue
        kind, label = match.group(1), match.group(2)
        if kind == "T":
            titres += 1
            number = romain(titres)
        elif kind == "A":
            articles += 1
            sous = 0
            number = str(articles)
        else:
            if articles == 0:
                raise TemplateRenderError(f"{document} : sous-article « {label} » hors d'un article")
            sous += 1
            number = f"{articles}-{sous}"
        if label in numbers:
            raise TemplateRenderError(f"{document} : l'étiquette « {label} » est utilisée deux fois")
        numbers[label] = number
        lines[index] = line.replace(match.group(0), f"{_HEADING_TEXT[kind]} {number}", 1)
        title = lines[index].split(" – ", 1)[-1].strip()
        headings.append(Heading(kind, label, number, title))
    references: list[tuple[str, str]] = []

    def resolve(match: re.Match[str]) -> str:
        kind, label = match.group(1), match.group(2)
        if kind != "R":
            raise TemplateRenderError(f"{document} : marqueur de titre mal placé ({label})")
        if label not in numbers:
            raise TemplateRenderError(f"{document} : référence à l'article « {label} », absent du document")
        references.append((label, numbers[label]))
        return numbers[label]

    resolved = _MARKER.sub(resolve, "\n".join(lines))
    if START in resolved or END in resolved:
        raise TemplateRenderError(f"{document} : marqueur incomplet dans le texte rendu")
    return Numbered(resolved, tuple(headings), tuple(references))
