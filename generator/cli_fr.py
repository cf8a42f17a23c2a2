"""Click in French: usage errors, help headings, notes and metavars, for the ``cpts`` command line.

Click words its messages and help in English (gettext without a French catalogue). The messages
a user meets are reworded here, the help is laid out with French headings and notes, and the
group lists its commands with their whole summaries. ``cli`` holds the commands themselves.
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from generator.affichage import escaped_line
from generator.errors import ExitCode

EXIT_INTERRUPTED = ExitCode.INTERRUPTED

# Click words its messages in English (gettext without a French catalogue): the ones a user
# meets are reworded here, the others are shown as they are.
_CLICK_MESSAGES = (
    (
        re.compile(r"'(.*)' is not (?:one of )?(.*)\.", re.DOTALL),
        "« {0} » n'est pas permis (valeurs possibles : {1})",
    ),
    (re.compile(r"\w+ '(.*)' is a directory\."), "« {0} » est un dossier, un fichier est attendu"),
    (re.compile(r"\w+ '(.*)' is a file\."), "« {0} » est un fichier, un dossier est attendu"),
    (re.compile(r"\w+ '(.*)' does not exist\."), "« {0} » n'existe pas"),
    (re.compile(r"Option '(.*)' requires an argument\."), "l'option « {0} » attend une valeur"),
    (re.compile(r"No such command '(.*)'\."), "commande inconnue « {0} »"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)", re.DOTALL), "argument en trop : {0}"),
)


def french_message(message: str) -> str:
    """Return one of click's English messages in French, or as it is when it is not known."""
    for pattern, french in _CLICK_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return french.format(*(group.replace("'", "") for group in match.groups()))
    return message


def _param_name(param: click.Parameter | None) -> str:
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)  # « --format » rather than the Python name
    # An argument by its metavar, without click's « ... » of a repeatable one.
    return param.human_readable_name.removesuffix("...") if param is not None else "paramètre"


def french_usage(error: click.ClickException) -> str:
    """Word click's usage errors in French."""
    if isinstance(error, click.NoSuchOption):
        hint = ""
        if error.possibilities:
            hint = f" ; vouliez-vous dire {', '.join(sorted(error.possibilities))} ?"
        return f"option inconnue « {error.option_name} »{hint}"
    if isinstance(error, click.MissingParameter) and error.param is not None:
        kind = "option manquante" if isinstance(error.param, click.Option) else "argument manquant"
        return f"{kind} : {_param_name(error.param)}"
    if isinstance(error, click.BadParameter):
        return f"valeur invalide pour {_param_name(error.param)} : {french_message(error.message)}"
    return french_message(error.message)


_HEADINGS = {"Options": "Options", "Commands": "Commandes", "Arguments": "Arguments"}
_HELP_EXTRAS = (("default: ", "par défaut : "), ("required", "obligatoire"))
# Click notes a number's range as « [1<=x<=256] ».
_RANGE = re.compile(r"(\d+)<=x<=(\d+)")


def _french_extras(text: str) -> str:
    for english, french in _HELP_EXTRAS:
        text = text.replace(f"[{english}", f"[{french}").replace(f"; {english}", f"; {french}")
    return _RANGE.sub(r"de \1 à \2", text)


def summary(command: click.Command) -> str:
    """Return a command's summary for the list of commands: its help's first paragraph, whole.

    Click cuts it to the terminal's width (« ou ceux... »); the formatter wraps it instead.
    """
    if command.short_help:
        return inspect.cleandoc(command.short_help)
    return " ".join(inspect.cleandoc(command.help or "").split("\n\n")[0].split())


class FrenchFormatter(click.HelpFormatter):
    """Click's help layout with French headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write the usage line, introduced in French."""
        super().write_usage(prog, args, "Utilisation\u00a0: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """Write a section heading with the French space before the colon."""
        self.write(f"{'':>{self.current_indent}}{heading}\u00a0:\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        """Open a help section under its French heading."""
        with super().section(_HEADINGS.get(name, name)):
            yield

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Write option rows, with click's « [default: …] » notes in French."""
        super().write_dl([(term, _french_extras(text)) for term, text in rows], col_max, col_spacing)


class FrenchContext(click.Context):
    """A click context whose help is laid out in French."""

    formatter_class = FrenchFormatter


def _french_help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = "Affiche cette aide et quitte."
    return option


class FrenchCommand(click.Command):
    """A click command with French help."""

    context_class = FrenchContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Return the help option, described in French."""
        return _french_help_option(super().get_help_option(ctx))


# Click >= 8.2 reports a bare ``cpts`` as a usage error whose message is the help itself.
_NO_ARGS: tuple[type[Exception], ...] = tuple(
    getattr(click.exceptions, name) for name in ["NoArgsIsHelpError"] if hasattr(click.exceptions, name)
)


class FrenchGroup(click.Group):
    """A click group that reports usage errors in French and exits with the command's code.

    Its commands are listed with their whole summaries, whatever class made them (a command added
    with ``add_command`` too).
    """

    context_class = FrenchContext
    command_class = FrenchCommand

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the list of commands with their summaries uncut."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, summary(command)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Return the help option, described in French."""
        return _french_help_option(super().get_help_option(ctx))

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line; map click's exceptions to a French message and an exit code."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            click.echo("Interrompu.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except _NO_ARGS as error:
            click.echo(str(error), err=True)
            sys.exit(2)
        except click.UsageError as error:
            click.echo(f"cpts : {escaped_line(french_usage(error))}", err=True)
            click.echo("Voir « cpts --help ».", err=True)
            sys.exit(2)
        except click.ClickException as error:
            click.echo(f"cpts : {escaped_line(error.format_message())}", err=True)
            sys.exit(error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)
