"""The list questions of the engine: a list in one line, texts one by one, objects item by item."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from generator import saisie
from generator.init import lignes, schema_view
from generator.init.donnees import DELETE, pattern_of
from generator.init.schema_view import MISSING
from generator.loader import PathKey, format_path

if TYPE_CHECKING:
    from generator.init.engine import Choice, Engine

_AUCUN = {"aucun", "aucune", "-", "null", "néant", "neant"}


def many(e: Engine, path: PathKey, *, choices: Sequence[Choice] = (), title: str | None = None) -> list[Any]:
    """Ask a list in one line: numbers, codes or labels of ``choices``, or texts, separated by commas."""
    e.register(path, lambda: many(e, path, choices=choices, title=title))
    title = title or schema_view.title(path)
    proposal, source = e.proposal(path)
    if proposal is DELETE:
        proposal = MISSING

    def parse(text: str) -> Any:
        if saisie.nettoyer(text).casefold() in _AUCUN:
            return []
        parts = [p.strip() for p in re.split(r"[,;]", saisie.nettoyer(text)) if p.strip()]
        return [e.convert((*path, 0), part, choices, False) for part in parts]

    def problems(value: Any) -> list[str]:
        refused = (
            [problem for item in value for problem in e._problems((*path, 0), item, choices)]
            if choices
            else []
        )
        return refused or schema_view.problems(path, value)

    e.asked.append(pattern_of(path))
    if e.auto:
        answer = e._take(format_path(path), title, proposal, problems, False)
    else:
        answer = e.replayed(proposal, problems, False)
        if answer is MISSING:
            e._header(
                pattern_of(path), path=path, title=title, proposal=proposal, source=source, choices=choices
            )
            hint = " (numéros séparés par des virgules)" if choices else " (séparés par des virgules)"
            answer = e._read(title, proposal, parse, problems, hint=hint)
        e.answered(answer)
    e.put(path, answer)
    return list(answer)


def texts(e: Engine, path: PathKey, item_title: str) -> list[Any]:
    """Ask a list of texts one by one; an empty line ends it, « - » drops a proposed item.

    An item whose key has a line format (``lignes``: a commune and its details) is typed and
    proposed as that line, and stored as what the line says.
    """
    e.register(path, lambda: texts(e, path, item_title))
    title = schema_view.title(path)
    proposal, source = e.proposal(path)
    proposed = list(proposal) if isinstance(proposal, list) else []
    e.asked.append(pattern_of(path))
    if e.auto:
        taken = e._take(format_path(path), title, proposed, lambda v: schema_view.problems(path, v), False)
        e.put(path, taken)
        return list(taken)
    again = e.replayed(
        proposed if proposal is not MISSING else MISSING, lambda v: schema_view.problems(path, v), False
    )
    if again is not MISSING:
        e.put(path, e.answered(again))
        return list(again)
    read, write = lignes.codec(pattern_of(path))
    shown = [write(v) for v in proposed]
    e._header(pattern_of(path), path=path, title=title, proposal=shown, source=source, choices=())
    e.say("  Une réponse par ligne ; ligne vide pour terminer, « - » pour retirer l'élément proposé.")
    if pattern_of(path) in lignes.AIDE:
        e.say(f"  {lignes.AIDE[pattern_of(path)]}")
    while True:
        answer: list[Any] = []
        index = 0
        while True:
            default = write(proposed[index]) if index < len(proposed) else MISSING
            text = e._prompt(f"{item_title} n° {len(answer) + 1}", default)
            if text == "-":
                index += 1
                continue
            if not text:
                if default is MISSING:
                    break
                text = default
            try:
                item = read(text)
            except ValueError as wrong:
                e.refuse(str(wrong))
                continue
            refused = schema_view.problems((*path, 0), item)
            if item in answer:
                refused.append(f"« {write(item)} » est déjà dans la liste")
            if refused:
                for problem in refused:
                    e.refuse(problem)
                continue
            answer.append(item)
            index += 1
        refused = schema_view.problems(path, answer)
        if not refused:
            break
        for problem in refused:
            e.refuse(problem)
        proposed = answer
    e.put(path, e.answered(answer))
    return answer


def items(e: Engine, path: PathKey, noun: str, ask_item: Callable[[PathKey], None], minimum: int = 0) -> int:
    """Ask a list of objects item by item; after ``minimum`` items, ask whether to add another."""
    e.register(path, lambda: items(e, path, noun, ask_item, minimum))
    proposal, _ = e.proposal(path)
    proposed = len(proposal) if isinstance(proposal, list) else 0
    count = 0
    while True:
        if count >= minimum:
            more = e.confirm(
                pattern_of(path), f"{noun.capitalize()} n° {count + 1}, encore un ?", count < proposed
            )
            if not more:
                break
        e.say(f"── {noun.capitalize()} n° {count + 1}")
        ask_item((*path, count))
        count += 1
    e.truncate(path, count)
    return count
