"""Ask a theme of ``cpts init`` from its data (``themes.THEMES``), the table the web form reads.

Each element of a theme says which key it asks, when (its condition on the answers so far), how
(one value, a list in one line, texts one per line, a table of rows, one key per row of an
earlier list) and what it proposes; this module only walks the table in order and hands each
question to the engine, which reads, converts and checks the answer. A question whose condition
no longer holds gets its ``sinon`` answer (removed by default: a fraction of renewal once the
renewal is total), so that going back never leaves a stale answer behind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.init import schema_view, themes
from generator.init.donnees import DELETE, merged
from generator.init.engine import Choice, Engine
from generator.init.propositions import Row
from generator.init.schema_view import MISSING
from generator.loader import PathKey


def _path(key: str) -> PathKey:
    return tuple(key.split("."))


Handler = Callable[[Engine, PathKey], Any]
"""Asks a detailed answer in the terminal (the members, a designation, a vote): ``fondateurs``."""


def ask_theme(e: Engine, cle: str, handlers: Mapping[str, Handler] | None = None) -> None:
    """Ask every question of the theme ``cle`` that applies, in the table's order.

    ``handlers``: how the terminal asks the theme's detailed answers, by kind (``detail``).
    """
    theme = themes.theme(cle)
    if theme is None:  # the themes are this package's own data: a wrong key is a bug
        raise KeyError(cle)
    e.section(theme.titre, theme.intro)
    for key, value in theme.poser:
        e.put(_path(key), value)
    _ask_from(e, cle, 0, handlers or {})


def _ask_from(e: Engine, cle: str, start: int, handlers: Mapping[str, Handler]) -> None:
    theme = themes.theme(cle)
    elements = theme.elements if theme is not None else ()
    for index, element in enumerate(elements[start:], start):
        if isinstance(element, themes.Question) and element.interrupteur:
            # A rule pointing at the CA asks its whole theme again (its questions follow from
            # it); one pointing at the PV asks again from the PV's switch on (not the members).
            e.register(
                _path(element.cle), _again(e, cle, index if element.reprise == "suite" else None, handlers)
            )
        ask_element(e, element, handlers)


def _again(e: Engine, cle: str, start: int | None, handlers: Mapping[str, Handler]) -> Callable[[], None]:
    if start is None:
        return lambda: ask_theme(e, cle, handlers)
    return lambda: _ask_from(e, cle, start, handlers)


def ask_element(e: Engine, element: themes.Element, handlers: Mapping[str, Handler] | None = None) -> None:
    """Ask one element of a theme (or give the answer it has when it does not apply)."""
    detail = None if isinstance(element, (themes.ParLigne, themes.Note)) else element.detail
    if detail is not None and not isinstance(element, themes.Note) and themes.applies(element, e.answers):
        handler = (handlers or {}).get(detail)
        if handler is None:  # the table names a kind the terminal does not know: a bug
            raise TypeError(f"réponse détaillée sans question au terminal : {detail}")
        handler(e, _path(element.cle))
        return
    if not themes.applies(element, e.answers):
        if isinstance(element, themes.Question):
            _not_asked(e, _path(element.cle), element)
        elif isinstance(element, themes.ParLigne):  # no CA: no seats for any collège
            base = _path(element.cle)
            for index in range(len(_rows(e, base))):
                _not_asked(e, (*base, index, *_path(element.question.cle)), element.question)
        return
    if isinstance(element, themes.Question):
        ask(e, _path(element.cle), element)
    elif isinstance(element, themes.Tableau):
        base = _path(element.cle)
        if element.propose is not None:
            e.suggest(base, element.propose(e.answers))
        e.items(base, element.nom, lambda path: _row(e, path, element), minimum=element.minimum)
    elif isinstance(element, themes.ParLigne):
        base = _path(element.cle)
        for index, row in enumerate(_rows(e, base)):
            path = (*base, index, *_path(element.question.cle))
            ask(e, path, element.question, themes.ligne_titre(element, row, index), row=row)
    elif isinstance(element, themes.Note):
        text = element.texte(e.answers)
        if text:
            e.say(f"  {text}" if element.retrait else text)
    else:
        _keys(e, element)


def _keys(e: Engine, element: themes.Cles) -> None:
    base = _path(element.cle)
    keys = element.cles(merged(dict(e.previous), e.answers))
    if element.vider:
        e.put(base, {})
    for key in keys:
        path = (*base, key)
        if element.propose is not None:
            e.suggest(path, element.propose(key))
        ask(e, path, themes.Question(f"{element.cle}.{key}"), themes.cle_titre(element, key))


def _switch(e: Engine, path: PathKey, question: themes.Question, title: str | None) -> bool:
    """Ask a oui/non that makes ``path`` an object of questions (oui) or ``null`` (non)."""
    chosen = e.confirm(question.cle, title or schema_view.title(path), e.existing(path) is not None)
    if not chosen:
        e.put(path, None)
    elif not isinstance(e.get(path), dict):
        e.put(path, {})
    return chosen


def _rows(e: Engine, base: PathKey) -> list[Any]:
    rows = e.get(base, [])
    return rows if isinstance(rows, list) else []


def _row(e: Engine, path: PathKey, element: themes.Tableau) -> None:
    for column in element.colonnes:
        here = (*path, *_path(column.cle))
        row = e.get(path, {})  # the row as answered so far (its code decides the next columns)
        row = row if isinstance(row, dict) else {}
        if themes.applies(column, e.answers) and (column.quand_ligne is None or column.quand_ligne(row)):
            ask(e, here, column, row=row)
        else:
            _not_asked(e, here, column)


def _not_asked(e: Engine, path: PathKey, question: themes.Question) -> None:
    if question.sinon is MISSING:
        return
    if question.sinon is DELETE:
        if isinstance(e.get(path[:-1]), dict):
            e.put(path, DELETE)
        return
    e.put(path, question.sinon)


def _choices(e: Engine, question: themes.Question, values: list[Any] | None) -> list[Choice]:
    if question.choix is not None:
        return [Choice(value, label) for value, label in question.choix(e.answers)]
    return [Choice(v) for v in values or [] if v is not None]


def ask(
    e: Engine,
    path: PathKey,
    question: themes.Question,
    title: str | None = None,
    *,
    row: Row | None = None,
) -> Any:
    """Ask ``question`` at ``path`` in its form (``row``: the table's row); store and return it."""
    title = title or question.titre
    proposed: Any = MISSING
    if question.propose is not None:
        proposed = question.propose(e.answers)
    if question.propose_ligne is not None and row is not None:
        proposed = question.propose_ligne(e.answers, row)
    if proposed is not MISSING and proposed is not None:
        e.suggest(path, proposed, model=question.propose_modele)
    said = question.annonce(row) if question.annonce is not None and row is not None else None
    if said:
        e.say(f"  {said}")
    if question.interrupteur:
        return _switch(e, path, question, title)
    if question.forme == "textes":
        return e.texts(path, question.element)
    if question.forme == "liste":
        return e.many(path, choices=_choices(e, question, schema_view.item_choices(path)), title=title)
    return e.value(
        path,
        title=title,
        optional=question.facultatif,
        choices=_choices(e, question, schema_view.closed_choices(path)),
        check=question.validateur,
    )
