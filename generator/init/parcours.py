"""The themes of ``cpts init`` in order, and the run that saves a draft, goes back and resumes.

After each theme (and when the founder stops with Ctrl-C) the answers so far are written to the
target file as a draft: the file of record with one comment line that says how many questions
were answered. ``cpts init FICHIER`` on a draft resumes: the engine replays that many questions
from the file, silently, and asks the next one. ``retour`` replays one question less in the
same way, the answers given so far becoming the proposals: going back keeps every answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from generator.init import flux, fondateurs, themes
from generator.init.donnees import merged
from generator.init.engine import Engine, GoBack
from generator.init.terminal import Interrupted

T = TypeVar("T")

Saver = Callable[[dict[str, Any], int], None]
"""Writes a draft: the answers (over the resumed file's) and the number of questions answered."""


def run(e: Engine, save: Saver | None = None) -> None:
    """Ask every theme of the table in order; after each, re-ask what the rules refuse, save a draft.

    The themes are data (``themes.THEMES``) walked by ``flux``, the table the web form reads; the
    detailed answers of theme 8 are asked by ``fondateurs.HANDLERS``.
    """
    for theme in themes.THEMES:
        flux.ask_theme(e, theme.cle, fondateurs.HANDLERS)
        e.check_rules()
        if save is not None and not e.skip:
            save(merged(dict(e.previous), e.answers), e.count)


def interactive(
    make: Callable[[dict[str, Any], int], Engine],
    previous: dict[str, Any],
    skip: int,
    save: Saver | None,
    finish: Callable[[Engine], T],
) -> T:
    """Run the questionnaire and ``finish`` it, going back on ``retour``; return what ``finish`` gives.

    ``make`` builds an engine from proposals and a number of questions to replay. On Ctrl-C the
    answers so far are saved as a draft before :class:`Interrupted` goes on up.
    """
    back = False
    while True:
        engine = make(previous, skip)
        if back:
            engine.origin = "Votre réponse"
        try:
            run(engine, save)
            return finish(engine)
        except GoBack:
            previous = merged(previous, engine.answers)
            skip, back = max(engine.count - 1, 0), True
            if engine.count == 0:
                engine.terminal.say("  (c'est la première question)")
            continue
        except Interrupted:
            if save is not None and engine.count:
                save(merged(dict(engine.previous), engine.answers), engine.count)
            raise
