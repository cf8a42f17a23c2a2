"""Rules of the free clauses (``clauses_supplementaires``): placement, labels and citations.

Each clause is placed after a label the document has, its own label is new, and the articles its
text cites exist.

The labels a document has depend on the answers (no CA, inter-CPTS, local law…), so the rule
renders the documents without their clauses to read them, once, and only when there are clauses.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator import clauses
from generator.errors import CptsError
from generator.model import Cpts
from generator.rules.registry import ERREUR, Problem, rule

_NOMS = {"statuts": "des statuts", "reglement-interieur": "du règlement intérieur"}


def etiquettes(m: Cpts) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Return, per document, the (label, number, title) of its headings without the free clauses."""
    # Imported here: the renderer is only needed when there are clauses to place.
    from generator.render import render_documents  # noqa: PLC0415

    rendered = render_documents(m._replace(clauses_supplementaires=()), ("statuts", "reglement-interieur"))
    return {
        name: tuple((h.label, h.number, h.title) for h in document.numbered.headings)
        for name, document in rendered.items()
    }


@rule("E-CLAUSES", ERREUR, "Clauses supplémentaires : placement, étiquettes et citations")
def clauses_supplementaires(m: Cpts) -> Iterator[Problem]:
    """A free clause follows an existing label, has a new label, and cites existing articles."""
    if not m.clauses_supplementaires:
        return
    try:
        base = etiquettes(m)
    except (CptsError, LookupError, TypeError, ValueError, AttributeError):
        # A model that breaks other rules may not render: those rules say why.
        return
    connues = {name: {label for label, _, _ in headings} for name, headings in base.items()}
    ajoutees: dict[str, set[str]] = {name: set() for name in base}
    for clause in m.clauses_supplementaires:
        document = _NOMS[clause.document]
        labels = connues[clause.document] | ajoutees[clause.document]
        if clause.apres not in labels:
            yield (
                (*clause.chemin, "apres"),
                f"aucun article {document} n'a l'étiquette « {clause.apres} » (la commande "
                "« cpts labels » liste les étiquettes disponibles)",
            )
        if clause.label in labels:
            yield (
                (*clause.chemin, "label"),
                f"l'étiquette « {clause.label} » est déjà celle d'un article {document}",
            )
        ajoutees[clause.document].add(clause.label)
    for clause in m.clauses_supplementaires:
        labels = connues[clause.document] | ajoutees[clause.document]
        for cite in clauses.citations(clause.texte):
            if cite not in labels:
                yield (
                    (*clause.chemin, "texte"),
                    f"le texte cite « [[{cite}]] », qui n'est l'étiquette d'aucun article "
                    f"{_NOMS[clause.document]}",
                )
