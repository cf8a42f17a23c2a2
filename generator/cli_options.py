"""Click options that several ``cpts`` commands share, defined once so their help never drifts.

``render`` and ``modifier`` both write documents in chosen formats on an advisor's letterhead,
into a folder they create: the same option, the same words, the same accepted files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator.api import DEFAULT_FORMATS, FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def formats_option(function: F) -> F:
    """Add ``--format`` (the output formats, comma-separated) to a command."""
    return click.option(
        "--format",
        "formats",
        metavar="FORMATS",
        default=",".join(DEFAULT_FORMATS),
        show_default=True,
        help=f"Formats à produire, séparés par des virgules, parmi {', '.join(FORMATS)} "
        "(pdf : LibreOffice doit être installé).",
    )(function)


def modele_word_option(function: F) -> F:
    """Add ``--modele-word`` (the advisor's letterhead) to a command."""
    return click.option(
        "--modele-word",
        "modele_word",
        metavar="FICHIER",
        type=click.Path(dir_okay=False),
        help="Papier à en-tête dont les styles, marges, en-tête et pied de page sont repris : Word "
        "(.docx, .dotx) ou OpenDocument (.odt, .ott, converti par LibreOffice).",
    )(function)


def sortie_option(*, lot: bool = False) -> Callable[[F], F]:
    """Return the decorator adding ``-o/--sortie`` (the folder to create) to a command.

    ``lot``: the command also takes a batch of answers files and ``--zip`` (``render``), which
    the help then explains.
    """
    detail = " (un sous-dossier par association pour un lot), ou nom de l'archive avec --zip" if lot else ""
    return click.option(
        "-o",
        "--sortie",
        "sortie",
        required=True,
        type=click.Path(),
        metavar="DOSSIER",
        help=f"Dossier à créer pour les documents{detail}.",
    )
