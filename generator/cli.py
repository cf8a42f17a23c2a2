"""The ``cpts`` command line: turns options into one library call and errors into exit codes.

Exit codes (one place, ``_run``): 0 success, 1 invalid answers, 2 usage or unreadable input,
3 output refused, 4 I/O failure, 70 internal error (traceback only with ``--debug``).
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator import api, bundle, etiquettes, summary
from generator.affichage import escaped, escaped_line
from generator.cli_fr import EXIT_INTERRUPTED, FrenchGroup
from generator.cli_options import formats_option, modele_word_option, sortie_option
from generator.errors import (
    CptsError,
    ExitCode,
    InvalidAnswersError,
    OutputIOError,
    UsageError,
    UserMessageError,
)
from generator.modifier import command as modifier_command
from generator.render import DOCUMENTS
from generator.resources import schema_path
from generator.web import commande as web_commande

if TYPE_CHECKING:  # a single render or a check never imports the batch machinery
    from generator import batch

EXIT_INTERNAL = ExitCode.INTERNAL


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def _run(debug: bool, action: Callable[[], int]) -> int:
    """Run a command body and map every exception to its exit code, in this one place."""
    try:
        return action()
    except UserMessageError as error:
        click.echo(f"cpts : {error}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("Interrompu.", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output left (``| head``): nothing more can be said, quietly.
        return OutputIOError.exit_code
    except (CptsError, Exception) as error:
        if debug:
            click.echo(escaped(traceback.format_exc()), err=True)
        click.echo(
            f"cpts : erreur interne ({type(error).__name__}: {escaped_line(str(error)[:200])}). "
            "Relancez avec --debug pour le détail et signalez-la.",
            err=True,
        )
        return EXIT_INTERNAL


@click.group(
    cls=FrenchGroup,
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option("--debug", is_flag=True, help="Affiche la trace complète d'une erreur interne.")
@click.version_option(package_name="cpts", message="cpts %(version)s", help="Affiche la version et quitte.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Génère les documents fondateurs d'une CPTS à partir d'un fichier de réponses YAML."""
    ctx.obj = {"debug": debug}


@cli.command("check")
# No ``dir_okay=False``: the loader refuses a folder per file, in French, without stopping the others.
@click.argument("fichiers", nargs=-1, required=True, type=click.Path(), metavar="FICHIER...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["texte", "json"]),
    default="texte",
    show_default=True,
    help="texte pour un humain, json pour un autre outil.",
)
@click.pass_context
def check_command(ctx: click.Context, fichiers: Sequence[str], output_format: str) -> int:
    """Vérifie un ou plusieurs fichiers de réponses (schéma et règles)."""

    def action() -> int:
        worst = 0
        report: list[dict[str, Any]] = []
        for fichier in fichiers:
            try:
                result = api.check_file(fichier)
            except UserMessageError as error:
                worst = max(worst, error.exit_code)
                report.append({"fichier": escaped_line(fichier), "lisible": False, "message": str(error)})
                if output_format == "texte":
                    click.echo(f"cpts : {error}", err=True)
                continue
            if not result.valid:
                worst = max(worst, 1)
            report.append(
                {
                    "fichier": escaped_line(fichier),
                    "lisible": True,
                    "valide": result.valid,
                    "erreurs": [f.as_dict() for f in result.errors],
                    "avertissements": [f.as_dict() for f in result.warnings],
                }
            )
            if output_format == "texte":
                for finding in result.findings:
                    click.echo(finding.format())
                verdict = "valide" if result.valid else "invalide"
                click.echo(
                    f"{escaped_line(fichier)} : {verdict} ({_plural(len(result.errors), 'erreur')}, "
                    f"{_plural(len(result.warnings), 'avertissement')})"
                )
        if output_format == "json":
            click.echo(json.dumps({"fichiers": report}, ensure_ascii=False, indent=2))
        return worst

    return _run(ctx.obj["debug"], action)


@cli.command("render")
# No ``dir_okay=False``: a folder of answers files is a batch.
@click.argument("fichiers", nargs=-1, required=True, type=click.Path(), metavar="FICHIER...")
@sortie_option(lot=True)
@click.option(
    "--documents",
    metavar="DOCUMENTS",
    default=",".join(DOCUMENTS),
    show_default=True,
    help="Documents à produire, séparés par des virgules.",
)
@formats_option
@modele_word_option
@click.option(
    "--sans-numero-de-page",
    "no_page_numbers",
    is_flag=True,
    help="N'ajoute pas « Page N sur M » au pied de page propre du modèle Word.",
)
@click.option(
    "--annotations",
    is_flag=True,
    help="Donne les sources de chaque article : commentaires Word dans le .docx, notes dans un "
    "fichier .sources.md à côté du Markdown.",
)
@click.option("--zip", "archive", is_flag=True, help="Écrit une seule archive .zip au lieu d'un dossier.")
@click.option(
    "-j",
    "--processus",
    "jobs",
    type=click.IntRange(min=1, max=256),
    default=None,
    metavar="N",
    help="Nombre de processus pour un lot (par défaut : un par cœur).",
)
@click.option("--force", is_flag=True, help="Remplace les documents d'un dossier ou d'une archive existants.")
@click.pass_context
def render_command(
    ctx: click.Context,
    *,
    fichiers: Sequence[str],
    sortie: str,
    documents: str,
    formats: str,
    modele_word: str | None,
    archive: bool,
    jobs: int | None,
    force: bool,
    no_page_numbers: bool,
    annotations: bool,
) -> int:
    """Produit les documents d'une CPTS (Markdown, Word, PDF), ou ceux de plusieurs CPTS (lot).

    Avec un seul fichier, les documents sont écrits dans le dossier de sortie. Avec plusieurs
    fichiers ou un dossier de fichiers, chaque association a son sous-dossier.
    """

    def action() -> int:
        names = [name.strip() for name in documents.split(",") if name.strip()]
        unknown = [name for name in names if name not in DOCUMENTS]
        if unknown or not names:
            raise UsageError(
                f"document inconnu : {', '.join(unknown) or '(aucun)'} ; "
                f"documents possibles : {', '.join(DOCUMENTS)}"
            )
        chosen = api.parse_formats(formats)
        target = Path(sortie)
        if archive and target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")
        if len(fichiers) == 1 and not Path(fichiers[0]).is_dir():
            reference = Path(modele_word) if modele_word is not None else None
            return _render_one(
                fichiers[0],
                target,
                names,
                chosen,
                reference,
                force=force,
                archive=archive,
                page_numbers=not no_page_numbers,
                annotations=annotations,
            )
        # Worker processes (concurrent.futures, multiprocessing) cost their import only here.
        from generator import batch  # noqa: PLC0415

        options = batch.Options(
            documents=tuple(names),
            formats=chosen,
            reference=modele_word,
            force=force,
            debug=ctx.obj["debug"],
            archive=archive,
            page_numbers=not no_page_numbers,
            annotations=annotations,
        )
        return _render_batch(fichiers, target, options, jobs or batch.default_jobs())

    return _run(ctx.obj["debug"], action)


def _render_one(
    fichier: str,
    target: Path,
    names: list[str],
    formats: tuple[str, ...],
    reference: Path | None,
    *,
    force: bool,
    archive: bool,
    page_numbers: bool,
    annotations: bool,
) -> int:
    result = api.check_file(fichier)
    for finding in result.findings:
        click.echo(finding.format())
    if result.model is None:
        click.echo(f"{escaped_line(fichier)} : invalide, aucun document écrit.", err=True)
        return 1
    notes: list[str] = []
    files = api.render_bundle(
        result.model, names, formats, reference, notes, page_numbers=page_numbers, annotations=annotations
    )
    for note in notes:  # said before writing: the advisor may prefer another letterhead
        click.echo(f"cpts : avertissement : {note}", err=True)
    if archive:
        bundle.write_file(target, bundle.zip_bytes(files), force)
        click.echo(f"{len(files)} document(s) écrit(s) dans l'archive {escaped_line(str(target))}.")
        return 0
    written = bundle.write_bundle(target, files, force)
    click.echo(f"{len(written)} document(s) écrit(s) dans {escaped_line(str(target))} :")
    for path in written:
        click.echo(f"  {path.name}")
    return 0


def _render_batch(fichiers: Sequence[str], target: Path, options: batch.Options, jobs: int) -> int:
    from generator import batch  # noqa: PLC0415

    files = batch.collect(fichiers)
    # A bar on a terminal only: a log or a pipe gets the summary table alone.
    show = sys.stderr.isatty()
    with click.progressbar(
        length=len(files), label="Production des documents", file=sys.stderr, show_pos=True, hidden=not show
    ) as bar:
        outcomes = batch.run(
            [str(f) for f in files], target, options, jobs, progress=lambda outcome: bar.update(1)
        )
    for outcome in outcomes:
        for error in outcome.errors:
            click.echo(error)
        if outcome.code not in {0, 1}:
            click.echo(f"cpts : {outcome.message}", err=True)
    click.echo(summary.table(outcomes, target))
    notes = summary.warnings(outcomes)
    if notes:
        click.echo(f"\n{notes}")
    return batch.worst(outcomes)


@cli.command("schema")
@click.pass_context
def schema_command(ctx: click.Context) -> int:
    """Affiche le schéma JSON du fichier de réponses (pour un éditeur ou un autre outil)."""

    def action() -> int:
        click.echo(schema_path().read_text(encoding="utf-8"), nl=False)
        return 0

    return _run(ctx.obj["debug"], action)


modifier_command.register(cli, _run)
etiquettes.register(cli, _run)  # cpts labels: the labels free clauses use
web_commande.register(cli)  # cpts serve: the questionnaire in the browser (generator.web)


def main() -> None:
    """Entry point of the ``cpts`` console script."""
    cli.main(prog_name="cpts")


@cli.command("init")
# Shown as required: without it, the file of --depuis is rewritten in place (a rare use).
@click.argument("fichier", required=False, type=click.Path(), metavar="FICHIER")
@click.option(
    "--depuis",
    type=click.Path(dir_okay=False),
    metavar="FICHIER",
    help="Reprend un fichier de réponses : ses réponses sont proposées par défaut, ses commentaires gardés.",
)
@click.option(
    "--modele",
    "exemple",
    metavar="EXEMPLE",
    help="Part d'un exemple livré (sans questions), par exemple cpts-avecsante.",
)
@click.option(
    "--defauts", is_flag=True, help="Prend chaque valeur proposée sans poser de question (scripts)."
)
@click.option("--force", is_flag=True, help="Remplace un fichier existant.")
@click.pass_context
def init_command(  # noqa: PLR0917 (click passes each option by position)
    ctx: click.Context,
    fichier: str | None,
    depuis: str | None,
    exemple: str | None,
    defauts: bool,
    force: bool,
) -> int:
    """Pose les questions des fondateurs et écrit le fichier de réponses."""

    def action() -> int:
        # The questionnaire (and ruamel.yaml) loads only for this command: check and render stay light.
        from generator.init import command as init_command_module  # noqa: PLC0415
        from generator.init.terminal import ClickTerminal, Interrupted  # noqa: PLC0415

        if exemple is not None and depuis is not None:
            raise UsageError("--modele et --depuis s'excluent : choisissez un point de départ")
        target = fichier or depuis
        if target is None:
            raise UsageError("argument manquant : FICHIER (le fichier de réponses à écrire)")
        try:
            if exemple is not None:
                written = init_command_module.from_example(exemple, Path(target), force)
            else:
                if not defauts:
                    click.echo(
                        "Questionnaire des fondateurs : Entrée garde la valeur proposée entre crochets."
                    )
                    click.echo("« retour » revient à la question précédente ; Ctrl-C garde un brouillon.")
                written = init_command_module.questionnaire(
                    ClickTerminal(), Path(target), Path(depuis) if depuis else None, auto=defauts, force=force
                )
        except Interrupted:
            click.echo(f"\nInterrompu. {init_command_module.reprise(Path(target))}".rstrip(), err=True)
            return EXIT_INTERRUPTED
        except InvalidAnswersError as error:
            for finding in error.findings:
                click.echo(finding.format(), err=True)
            raise
        for finding in written.warnings:  # in words: the rule ids are for cpts check
            click.echo(f"Attention\u00a0: {finding.message}")
        click.echo(f"Fichier de réponses écrit : {escaped_line(str(written.path))}")
        click.echo(f"Documents : cpts render {escaped_line(str(written.path))} -o DOSSIER")
        return 0

    return _run(ctx.obj["debug"], action)
