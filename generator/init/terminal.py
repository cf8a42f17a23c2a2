"""The prompt layer: how the questionnaire reads a line and shows text.

The engine only knows :class:`Terminal`; ``cpts init`` gives it :class:`ClickTerminal`, the unit
tests a scripted one. Ctrl-C and the end of the input both become :class:`Interrupted`, so the
command can leave without writing anything.
"""

from __future__ import annotations

from typing import Protocol

import click


class Interrupted(Exception):
    """The user stopped the questionnaire (Ctrl-C, or the input ended)."""


class Terminal(Protocol):
    """Where the questions are asked."""

    def say(self, text: str = "") -> None:
        """Show a line of text."""

    def ask(self, prompt: str) -> str:
        """Show ``prompt`` and return the line typed, without its end of line."""


class ClickTerminal:
    """A terminal on the process's standard input and output, through click."""

    def say(self, text: str = "") -> None:
        """Show a line of text on standard output."""
        click.echo(text)

    def ask(self, prompt: str) -> str:
        """Read one line; an empty line is an answer too (it takes the default)."""
        try:
            answer: str = click.prompt(prompt, default="", show_default=False, prompt_suffix="\u00a0: ")
        except (click.exceptions.Abort, KeyboardInterrupt, EOFError) as stop:
            raise Interrupted from stop
        return answer
