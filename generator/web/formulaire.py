"""The fields of one theme of the form, generated from the schema and the question data.

Titles, descriptions, defaults and choices come from the schema (``init.schema_view``), the
reason of each default from ``init.pourquoi``, which keys a theme asks and when from
``init.themes``. Every value is shown as a founder reads it (« oui », « illimitée », 15/03/2025).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from generator.init import aides, libelles, lignes, pourquoi, schema_view, themes
from generator.init.donnees import lookup, pattern_of
from generator.init.engine import Choice
from generator.init.schema_view import MISSING
from generator.loader import PathKey, format_path
from generator.model import COLLEGES_CONNUS
from generator.web import detail

_INDEX = re.compile(r"\[([0-9]{1,4})\]")
_NAME = re.compile(r"[a-z_][a-z0-9_]*(?:\[[0-9]{1,4}\])*(?:\.[a-z_][a-z0-9_]*(?:\[[0-9]{1,4}\])*)*")


def parse_path(name: str) -> PathKey | None:
    """Return the path a field name stands for (``colleges[0].code``), or ``None`` if it is none."""
    if not _NAME.fullmatch(name):
        return None
    path: list[str | int] = []
    for part in name.split("."):
        key, _, rest = part.partition("[")
        path.append(key)
        path += [int(i) for i in _INDEX.findall(f"[{rest}")] if rest else []
    try:
        node = schema_view.subschema(tuple(path))
    except (KeyError, TypeError):
        return None
    return tuple(path) if isinstance(node, Mapping) else None


@dataclass
class Champ:
    """One field of the form."""

    nom: str
    titre: str
    # texte, choix, oui_non, cases, lignes, interrupteur, a detailed answer (vote, designation,
    # designations, presents), fixe (any other detailed answer: edited in the file only)
    genre: str
    valeur: Any = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    aide: str = ""
    modele: str = ""
    exemple: str = ""
    manquant: bool = False
    suggestions: list[tuple[str, str]] = field(default_factory=list)  # words proposed in a free text
    parties: dict[str, Any] = field(default_factory=dict)  # a detailed answer's parts (``detail``)


@dataclass
class Table:
    """A list of objects shown as an editable table."""

    nom: str
    titre: str
    colonnes: list[str]
    lignes: list[list[Champ]]


@dataclass
class Remarque:
    """A line of information derived from the answers (the ACI size and its funding)."""

    texte: str


@dataclass
class Page:
    """The fields, tables and remarks of a theme, in order."""

    theme: themes.Theme
    elements: list[Champ | Table | Remarque]

    def champs(self) -> list[Champ]:
        """Return every field of the page, those of the tables included."""
        found: list[Champ] = []
        for element in self.elements:
            if isinstance(element, Table):
                found += [c for ligne in element.lignes for c in ligne]
            elif isinstance(element, Champ):
                found.append(element)
        return found


def _code(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)


def _display(path: PathKey, value: Any) -> str:
    if value is MISSING or value is None:
        return ""
    if schema_view.kind(path) == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)


def membres(data: Mapping[str, Any]) -> list[Choice]:
    """Return the founders as choices: their id, shown by their name."""
    found = lookup(data, ("membres", "fondateurs"))
    result = []
    for m in found if isinstance(found, list) else []:
        if isinstance(m, dict) and isinstance(m.get("id"), str):
            name = m.get("structure") or " ".join(
                str(m[k]) for k in ("civilite", "prenom", "nom") if m.get(k)
            )
            result.append(Choice(m["id"], f"{name} ({m['id']})" if name else m["id"]))
    return result


def _options(path: PathKey, data: Mapping[str, Any], with_members: bool) -> list[Choice]:
    if with_members:
        return membres(data)
    if path[:2] in (("membres", "fondateurs"), ("membres", "honneur")) and path[-1] == "college":
        colleges = lookup(data, ("colleges",))
        codes = [c.get("code") for c in colleges if isinstance(c, dict)] if isinstance(colleges, list) else []
        return [Choice(code) for code in codes if isinstance(code, str) and code]
    values = schema_view.closed_choices(path)
    return [Choice(v) for v in values or [] if v is not None]


# The modes of the detailed answers that have some, as their select shows them.
_MODES = {"vote": detail.VOTE_MODES, "presents": detail.PRESENTS_MODES}

# What an absent detailed answer means, as the model reads the file (« unanimite », « all »).
_ABSENT = {"vote": detail.VOTE_MODES[0][1], "presents": detail.PRESENTS_MODES[0][1]}


def _detailed(made: Champ, genre: str, path: PathKey, value: Any, data: Mapping[str, Any]) -> Champ:
    made.genre, made.parties = genre, detail.shown(genre, path, value, data)
    made.options = [(_code(c.value), c.text) for c in membres(data)]
    made.modele = _ABSENT.get(genre, "")
    made.manquant = made.manquant and not made.modele
    return made


def _helped(made: Champ, path: PathKey) -> Champ:
    """Give the field its help: the choices named by the words it shows them with (``aides``)."""
    # A detailed answer's choices are the founders; its help speaks of its modes (« all »).
    shown = _MODES.get(made.genre, ()) if made.genre in detail.PARSERS else [*made.options, *made.suggestions]
    key = pattern_of(path)
    made.aide = aides.aide(
        schema_view.description(path) or "", (pourquoi.POURQUOI.get(key, ""), lignes.AIDE.get(key, "")), shown
    )
    return made


def champ(
    path: PathKey,
    data: Mapping[str, Any],
    titre: str | None = None,
    *,
    interrupteur: bool = False,
    with_members: bool = False,
    detailed: str | None = None,
    mots: Mapping[str, str] = MappingProxyType({}),
) -> Champ:
    """Return the field of the answer at ``path`` with its value, default, reason and choices.

    ``detailed``: the kind of a detailed answer (``detail.PARSERS``), shown as a group of inputs.
    ``mots``: the words of the choices given by the question data (``Question.choix``), which
    the terminal shows too; the other choices are named by ``libelles``. The help names the
    choices by the words the field shows them with (``aides``).
    """
    key = pattern_of(path)
    value = lookup(data, path)
    default = schema_view.default(path)
    kinds = schema_view.types(path) - {"null"}
    modele = "" if default is MISSING else mots.get(_code(default)) or libelles.libelle_de(key, default)
    made = Champ(format_path(path), titre or schema_view.title(path), "texte", modele=modele)
    made.manquant = value is MISSING and default is MISSING
    if interrupteur:
        made.genre = "interrupteur"
        made.valeur = "oui" if isinstance(value, dict) else "non" if value is not MISSING else ""
        made.options = [("oui", "oui"), ("non", "non")]
        made.modele = ""  # the schema's default here says what an absent key means, not the model's choice
        return _helped(made, path)
    if detailed is not None:
        return _helped(_detailed(made, detailed, path, value, data), path)
    items = schema_view.item_choices(path) if "array" in kinds else None
    options = _options(path, data, with_members)
    if "array" in kinds and (items or with_members):
        made.genre = "cases"
        choices = options if with_members else [Choice(v) for v in items or []]
        made.options = [(_code(c.value), mots.get(_code(c.value)) or c.text) for c in choices]
        made.valeur = [_code(v) for v in value] if isinstance(value, list) else []
    elif "array" in kinds:
        made.genre = "lignes"
        write = lignes.codec(key)[1]  # a commune's details as the line that types them
        made.valeur = "\n".join(write(v) for v in value) if isinstance(value, list) else ""
    elif kinds == {"boolean"}:
        made.genre = "oui_non"
        made.options = [("oui", "oui"), ("non", "non")]
        made.valeur = _code(value) if isinstance(value, bool) else ""
    elif options:
        made.genre = "choix"
        made.options = [
            (_code(c.value), c.label or mots.get(_code(c.value)) or libelles.libelle_de(key, c.value))
            for c in options
        ]
        made.valeur = _code(value) if value is not MISSING else ""
    else:
        made.valeur = _display(path, value)
        open_values = [v for v in schema_view.choices(path) or [] if isinstance(v, str)]
        made.suggestions = [(v, libelles.libelle_de(key, v)) for v in open_values]
        if key == "colleges.*.code":  # the known collèges, by their names; any other code is free
            made.suggestions = [(code, known[0]) for code, known in COLLEGES_CONNUS.items()]
        if isinstance(value, str) and value in open_values:
            made.valeur = libelles.libelle_de(key, value)
        kind = schema_view.kind(path)
        made.exemple = {"date": "15/03/2025", "heure": "20 h 30"}.get(kind or "", "")
        if "number" in kinds:
            made.exemple = "1 500 €"
    nested = isinstance(value, list) and any(isinstance(v, dict) for v in value) and key not in lignes.LIGNES
    if (isinstance(value, (dict, list)) and made.genre in ("texte", "choix", "oui_non")) or nested:
        # A detailed answer (a vote count, a designation with its person): shown, edited in the file.
        made.genre, made.valeur, made.options, made.suggestions = "fixe", libelles.libelle(value), [], []
    return _helped(made, path)


def _path(key: str) -> PathKey:
    return tuple(key.split("."))


def mots(question: themes.Question, data: Mapping[str, Any]) -> dict[str, str]:
    """Return the words of the choices the question data gives (none for the founders' ids)."""
    if question.choix is None or question.membres:
        return {}
    return {_code(value): label for value, label in question.choix(data)}


def _cell(base: PathKey, index: int, column: themes.Question, data: Mapping[str, Any], row: Any) -> Champ:
    path = (*base, index, *_path(column.cle))
    made = champ(path, data, with_members=column.membres, mots=mots(column, data))
    return _column(made, column, row)


def _column(made: Champ, column: themes.Question, row: Any) -> Champ:
    # A column asked only for some rows (the wording of an unknown collège) is missing only there.
    asked = column.quand_ligne is None or (isinstance(row, dict) and column.quand_ligne(row))
    made.manquant = made.manquant and not column.facultatif and asked
    return made


def page(theme: themes.Theme, data: Mapping[str, Any]) -> Page:
    """Return the fields of ``theme`` that apply to the answers ``data``."""
    elements: list[Champ | Table | Remarque] = []
    for element in theme.elements:
        if not themes.applies(element, data):
            continue
        if isinstance(element, themes.Question):
            made = champ(
                _path(element.cle),
                data,
                element.titre,
                interrupteur=element.interrupteur,
                with_members=element.membres,
                detailed=element.detail,
                mots=mots(element, data),
            )
            made.manquant = made.manquant and not element.facultatif
            elements.append(made)
        elif isinstance(element, themes.Cles):
            for key in element.cles(data):
                path = (*_path(element.cle), key)
                elements.append(
                    champ(
                        path,
                        data,
                        themes.cle_titre(element, key),
                        with_members=element.membres,
                        detailed=element.detail,
                    )
                )
        elif isinstance(element, themes.ParLigne):
            base = _path(element.cle)
            rows = lookup(data, base)
            for index, row in enumerate(rows if isinstance(rows, list) else []):
                path = (*base, index, *_path(element.question.cle))
                elements.append(champ(path, data, themes.ligne_titre(element, row, index)))
        elif isinstance(element, themes.Note):
            text = element.texte(data)
            if text:
                elements.append(Remarque(text.strip()))
        else:
            base = _path(element.cle)
            rows = lookup(data, base)
            columns = [c for c in element.colonnes if themes.applies(c, data)]
            lignes = [
                [_cell(base, index, c, data, row) for c in columns]
                for index, row in enumerate(rows if isinstance(rows, list) else [])
            ]
            titles = [c.titre or schema_view.title((*base, 0, *_path(c.cle))) for c in columns]
            elements.append(Table(format_path(base), element.titre, titles, lignes))
    return Page(theme, elements)


def first_unanswered(data: Mapping[str, Any]) -> tuple[str, str]:
    """Return the theme and the field of the first question without an answer nor a default."""
    for theme in themes.THEMES:
        for item in page(theme, data).champs():
            if item.manquant and item.genre not in ("interrupteur",):
                return theme.cle, item.nom
    return themes.THEMES[-1].cle, ""
