"""The ``cpts labels`` command: the labels of the statuts' and RI's articles, for free clauses.

A free clause (``clauses_supplementaires``) is placed after a labelled article and cites others
by label. The labels depend on the answers (with or without a CA, inter-CPTS, local law), so the
command reads an answers file and lists, per document, each label with the article's number and
title. A file whose only errors are in its free clauses still gets its list: that is when the
advisor needs it. Without a file, the labels are those of the AVECsanté model (four collèges, a
conseil d'administration), from the answers below.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from generator.affichage import escaped_line

Runner = Callable[[bool, Callable[[], int]], int]

_TITRES = {"statuts": "Statuts", "reglement-interieur": "Règlement intérieur"}
_DOCUMENTS = {"statuts": "statuts", "reglement-interieur": "reglement_interieur"}

_SANS_FICHIER = (
    "Étiquettes du modèle AVECsanté (avec un conseil d'administration)\u00a0; elles\n"
    "dépendent des réponses\u00a0: «\u00a0cpts labels FICHIER\u00a0» donne celles d'une CPTS.\n"
)

# The smallest answers of the AVECsanté model's shape: four collèges with seats on a CA.
_MODELE = """\
association:
  nom: "CPTS"
  territoire: "Territoire"
  departement: "49"
  communes: [Commune]
  siege: {adresse: "Adresse", code_postal: "49000", commune: Commune}
colleges:
  - {code: ps, cotisation: 20, sieges_ca: 4}
  - {code: esp, cotisation: 50, sieges_ca: 3}
  - {code: structures, cotisation: 50, sieges_ca: 3}
  - {code: usagers, cotisation: 5, sieges_ca: 2}
membres:
  fondateurs:
    - {id: a, nom: A, prenom: B, college: ps}
    - {id: b, structure: MSP, college: esp}
gouvernance:
  conseil_administration: {renouvellement: {mode: partiel, fraction: "1/3"}}
"""


def register(group: click.Group, run: Runner) -> None:
    """Add ``labels`` to ``group``; ``run`` maps the body's exceptions to exit codes."""

    @group.command("labels")
    @click.argument("fichier", required=False, type=click.Path(), metavar="[FICHIER]")
    @click.pass_context
    def labels_command(ctx: click.Context, fichier: str | None) -> int:
        """Liste les étiquettes des articles des statuts et du règlement intérieur.

        Une clause supplémentaire (clauses_supplementaires) se place après l'article dont elle
        donne l'étiquette (apres) et cite un article par « [[etiquette]] ». Les étiquettes
        dépendent des réponses (conseil d'administration, inter-CPTS, droit local) : sans
        FICHIER, ce sont celles du modèle AVECsanté, avec un conseil d'administration.
        """

        def action() -> int:
            from generator import api, loader, schema  # noqa: PLC0415
            from generator.errors import InvalidAnswersError  # noqa: PLC0415
            from generator.model import build_model  # noqa: PLC0415
            from generator.render import render_documents  # noqa: PLC0415

            if fichier is None:
                click.echo(_SANS_FICHIER)
                loaded = loader.load_text(_MODELE, "modèle AVECsanté")
            else:
                loaded = loader.load_file(fichier)
            result = api.check_loaded(loaded)
            model = result.model
            if model is None:
                errors = result.errors
                for finding in errors:
                    click.echo(finding.format(), err=True)
                if any(f.rule != "E-CLAUSES" for f in errors):
                    raise InvalidAnswersError(list(result.findings))
                model = build_model(schema.apply_defaults(loaded.data), loaded.file)
                model = model._replace(clauses_supplementaires=())
            documents = render_documents(model, tuple(_TITRES))
            for name, document in documents.items():
                click.echo(f"{_TITRES[name]} (document\u00a0: {_DOCUMENTS[name]})")
                width = max(len(h.label) for h in document.numbered.headings)
                for heading in document.numbered.headings:
                    kind = "Titre" if heading.kind == "T" else "Article"
                    click.echo(
                        f"  {heading.label.ljust(width)}  {kind} {heading.number} – "
                        f"{escaped_line(heading.title)}"
                    )
                click.echo("")
            return 0

        return run(ctx.obj["debug"], action)
