"""The report of a batch: one row per answers file, the totals, then each file's warnings.

The summary table comes first (what was written where), then, file by file, the warnings of the
files whose documents were written: the rules' findings and the layout's (a form taller than the
page). They used to be counted in the table and never shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.affichage import escaped_line

if TYPE_CHECKING:  # the batch machinery is imported by the batch command only
    from generator.batch import Outcome


def table(outcomes: Sequence[Outcome], target: Path) -> str:
    """Return the summary table of a batch: one row per file, then the totals."""
    rows = [("Fichier", "Résultat", "Avertissements", "Documents")]
    for outcome in outcomes:
        rows.append(
            (escaped_line(outcome.file), outcome.verdict, str(outcome.warnings), outcome.folder or "—")
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    written = sum(1 for outcome in outcomes if outcome.code == 0)
    lines.append(
        f"Documents produits pour {written} {'fichier' if written < 2 else 'fichiers'} "
        f"sur {len(outcomes)}, dans {escaped_line(str(target))}."
    )
    return "\n".join(lines)


def warnings(outcomes: Sequence[Outcome]) -> str:
    """Return the warnings of every written file, under the file's name; empty when there are none."""
    blocks = []
    for outcome in outcomes:
        if outcome.code == 0 and outcome.notes:
            count = len(outcome.notes)
            heading = (
                f"Avertissements pour {escaped_line(outcome.file)} ({count}) :"
                if count > 1
                else f"Avertissement pour {escaped_line(outcome.file)} :"
            )
            blocks.append("\n".join([heading, *(f"  {note}" for note in outcome.notes)]))
    return "\n\n".join(blocks)
