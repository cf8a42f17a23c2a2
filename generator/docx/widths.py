"""Column widths of the converter's tables: a grid's columns by their text, a form's by its labels.

Word reads the cell widths, LibreOffice the grid: ``convert`` writes both from these shares of the
text width (twentieths of a point).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_CHAR_WIDTH = 120  # twentieths of a point: one character of the 9.5 pt table text, generously
_CELL_MARGIN = 115
# A word of a grid's cell, with the hyphen after which a line may break (« Chalonnes-sur-Loire »).
_WORD = re.compile(r"[^\s-]+-?")
_WORD_CHAR_WIDTH = 105  # twentieths of a point: one character of a word in the table text
_LONGEST_UNBROKEN = 16  # a longer word is left to hyphenation rather than widen its column
# A column headed « Signature » (feuille de présence, founders' list): at least 4 cm of room to
# sign, whatever its cells hold (« — » for an absent member) and the other columns' texts.
SIGNATURE_COLUMN = 2270
_SIGNATURE_HEADER = re.compile(r"\s*signatures?\b", re.IGNORECASE)


class Cell(Protocol):
    """A table cell as the converter reads it: its Markdown text."""

    @property
    def text(self) -> str:
        """Return the cell's Markdown text."""
        ...


def is_signature_header(text: str) -> bool:
    """Return whether a column's header asks for a signature (« Signature », « Signatures »)."""
    return _SIGNATURE_HEADER.match(text) is not None


def has_signature_column(header: Sequence[Cell]) -> bool:
    """Return whether a table's header row has a column to sign in."""
    return any(is_signature_header(cell.text) for cell in header)


def widths(rows: Sequence[Sequence[Cell]], columns: int, kind: str | None, total: int) -> list[int]:
    """Share the text width between columns by the length of their content.

    Signatures get equal columns; a form's labels as much as they need (up to a third of the
    line), its writing columns the rest, in equal shares. A grid's columns are as wide as their
    average text (long texts wrap), but never narrower than their longest word; a column
    headed « Signature » never narrower than ``SIGNATURE_COLUMN``.
    """
    texts = [[row[column].text for row in rows if column < len(row)] for column in range(columns)]
    if kind == "formulaire":
        return _form_widths(texts, total)
    if kind == "signatures":
        return _share(total, [1.0] * columns, [0] * columns)
    weights = []
    floors = []
    for column in texts:
        if column and is_signature_header(column[0]):
            weights.append(30.0)
            floors.append(SIGNATURE_COLUMN)
            continue
        if not any(text.strip() for text in column[1:]):
            weights.append(30.0)  # a column left blank to sign or write by hand
            floors.append(0)
            continue
        average = sum(len(text) for text in column) / max(len(column), 1)
        weights.append(max(min(average, 40.0), 6.0))
        # « administrateur » or « Nationalité » whole on its line, not cut before its last letters.
        longest = max((len(word) for text in column for word in _WORD.findall(text)), default=0)
        floors.append(min(longest, _LONGEST_UNBROKEN) * _WORD_CHAR_WIDTH + 2 * _CELL_MARGIN)
    return _share(total, weights, floors)


def _share(total: int, weights: list[float], floors: list[int]) -> list[int]:
    """Share ``total`` in proportion to ``weights``, every column at least its floor.

    A column whose share falls short of its floor gets its floor, and the others share what is
    left, until every share holds. Floors that exceed the width together are scaled down.
    """
    if sum(floors) >= total:
        widths = [total * floor // sum(floors) for floor in floors]
    else:
        fixed: dict[int, int] = {}
        shares: dict[int, int] = {}
        while True:
            free = [index for index in range(len(weights)) if index not in fixed]
            weight = sum(weights[index] for index in free)
            if not free or weight <= 0:
                break
            rest = total - sum(fixed.values())
            shares = {index: int(rest * weights[index] / weight) for index in free}
            short = {index: floors[index] for index in free if shares[index] < floors[index]}
            if not short:
                break
            fixed.update(short)
        widths = [fixed.get(index, shares.get(index, 0)) for index in range(len(weights))]
    widths[-1] += total - sum(widths)
    return widths


def _form_widths(texts: list[list[str]], total: int) -> list[int]:
    labels = {index: column for index, column in enumerate(texts) if any(text.strip() for text in column)}
    widths = [0] * len(texts)
    for index, column in labels.items():
        longest = max(len(text) for text in column)
        longest_word = max((len(word) for text in column for word in text.split()), default=0)
        # Room for the label on one line (up to a third of the width), plus the cell margins.
        wanted = min(longest * _CHAR_WIDTH, total // 3)
        widths[index] = max(wanted, longest_word * _CHAR_WIDTH) + 2 * _CELL_MARGIN
    blanks = [index for index in range(len(texts)) if index not in labels]
    if blanks:
        share = max(total - sum(widths), 0) // len(blanks)
        for index in blanks:
            widths[index] = share
    widths[-1] += total - sum(widths)
    return widths
