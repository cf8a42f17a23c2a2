"""The ``cpts modifier`` command: two answers files in, the AGE's bundle out, atomically.

It is added to the ``cpts`` group by :func:`register`, which builds it with the group's own command
class (French help) and runs its body through the CLI's one exit-code mapping.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from generator.cli_options import formats_option, modele_word_option, sortie_option

Runner = Callable[[bool, Callable[[], int]], int]


def register(group: click.Group, run: Runner) -> None:
    """Add ``modifier`` to ``group``; ``run`` maps the body's exceptions to exit codes."""

    @group.command("modifier")
    @click.argument("ancien", type=click.Path())
    @click.argument("nouveau", type=click.Path())
    @sortie_option()
    @click.option(
        "--texte-en-vigueur",
        "texte",
        metavar="STATUTS",
        type=click.Path(dir_okay=False),
        help="Texte des statuts adoptés (statuts.md ou statuts.docx d'un dossier antérieur, document Word) ; "
        "sans lui, l'ancienne rédaction est celle que l'outil produit à partir d'ANCIEN.",
    )
    @formats_option
    @modele_word_option
    @click.option("--force", is_flag=True, help="Remplace les documents d'un dossier existant.")
    @click.pass_context
    def modifier_command(  # noqa: PLR0917 (click passes each option by position)
        ctx: click.Context,
        ancien: str,
        nouveau: str,
        sortie: str,
        texte: str | None,
        formats: str,
        modele_word: str | None,
        force: bool,
    ) -> int:
        """Produit le dossier d'une assemblée générale extraordinaire qui modifie les statuts.

        ANCIEN est le fichier de réponses des statuts en vigueur, NOUVEAU celui des statuts modifiés,
        avec sa section age. Sont écrits : tableau-comparatif, pv-age, statuts (modifiés) et
        verification. Rien n'est écrit si une vérification échoue.
        """

        def action() -> int:
            # The comparison, python-docx and the templates load only for this command.
            from generator import api, bundle  # noqa: PLC0415
            from generator.modifier import pipeline  # noqa: PLC0415

            chosen = api.parse_formats(formats)
            target = Path(sortie)
            bundle.check_target(target.absolute(), force)  # refused before any work
            result = pipeline.build(ancien, nouveau, texte)
            for finding in result.findings:
                click.echo(finding.format())
            if not result.valid:
                click.echo(f"{ancien} → {nouveau} : modification refusée, aucun document écrit.", err=True)
                return 1
            reference = Path(modele_word) if modele_word is not None else None
            written = bundle.write_bundle(target, pipeline.files(result, chosen, reference), force)
            click.echo(f"{len(written)} document(s) écrit(s) dans {target} :")
            for path in written:
                click.echo(f"  {path.name}")
            return 0

        return run(ctx.obj["debug"], action)
