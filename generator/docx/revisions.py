"""Struck-through and underlined runs: the removed and added words of the tableau comparatif.

Only the tableau comparatif writes ``<del>`` and ``<ins>`` around words (a user's « < » is escaped,
so no answer can), and the converter reads them as inline HTML. Each text run written while a
mark is open gets ``w:strike`` or ``w:u``.
"""

from __future__ import annotations

# The inline HTML of a revision: (mark, opening).
TAGS = {"<del>": ("del", True), "</del>": ("del", False), "<ins>": ("ins", True), "</ins>": ("ins", False)}


class Marks:
    """The revision marks open at a point of an inline text."""

    __slots__ = ("deleted", "inserted")

    def __init__(self) -> None:
        """Start with no mark open."""
        self.deleted = 0
        self.inserted = 0

    def toggle(self, tag: str) -> None:
        """Open or close the mark of ``tag`` (a key of :data:`TAGS`)."""
        mark, opening = TAGS[tag]
        step = 1 if opening else -1
        if mark == "del":
            self.deleted += step
        else:
            self.inserted += step

    def apply(self, runs: list[str], first: int) -> None:
        """Mark the runs appended since index ``first`` with the open marks."""
        if self.deleted > 0 or self.inserted > 0:
            runs[first:] = [run_with(run, self.deleted > 0, self.inserted > 0) for run in runs[first:]]


def run_with(run: str, strike: bool, underline: bool) -> str:
    """Add strike-through and underline to a run's properties, where the schema puts them.

    In ``w:rPr``, ``w:strike`` and ``w:u`` come after ``w:rFonts``, ``w:b`` and ``w:i``, the only
    properties ``ooxml.run_xml`` writes: appending them at the end keeps the schema's order.
    """
    extra = ("<w:strike/>" if strike else "") + ('<w:u w:val="single"/>' if underline else "")
    if not extra or run == "<w:r/>":
        return run
    if "<w:rPr>" in run:
        return run.replace("</w:rPr>", f"{extra}</w:rPr>", 1)
    return run.replace("<w:r>", f"<w:r><w:rPr>{extra}</w:rPr>", 1)
