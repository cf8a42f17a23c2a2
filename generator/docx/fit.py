"""Fit a form and its receipt on one page, whatever the reference's page, margins and text size.

A bulletin's page (the form, the ✂ line and the receipt) is cut along the line: it must print on
one page. The converter keeps its blocks together (rows that cannot split, every block kept with
the next), but if they are taller than the page, Word and LibreOffice break them anyway, and the
founder keeps half a receipt. So the page's height is estimated here before writing, from the
reference's geometry (``page``): each paragraph's lines at its style's size and spacing (the
characters of a line by the width they have, generously), each row at least its minimum height.
When the estimate exceeds the usable height, the page is tightened in steps, the first that fits
wins: less space between paragraphs and a lower minimum for the writing lines, then a smaller
text, down to ``MIN_SIZE``; the room left to sign keeps its height. When nothing fits, the caller
is told (a warning before writing).

The estimate errs on the tall side (``SAFETY``): a form shrunk a little too much still prints
whole, one that overflows does not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.docx.ooxml import Para, Row, Table
from generator.docx.page import Geometry

MIN_SIZE = 16  # half-points: 8 pt, the smallest text a form is shrunk to
SAFETY = 0.97  # the share of the usable height an estimate may fill
# Average width of a character of Arial (Liberation Sans) in French text, in ems, rounded up:
# word wrapping leaves the end of each line partly empty.
_CHAR_EM = 0.43
_ROW_FLOOR = 0.8  # a writing line keeps at least this share of its height
# Spacing factors, then size reductions (half-points) at the tightest spacing.
_SPACINGS = (1.0, 0.8, 0.6, 0.4)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-z]+;")
_CELL_WIDTH = re.compile(r'<w:tcW w:w="(\d+)"')
_CELL_SIDES = 2 * 115  # Word's default left and right cell margins


@dataclass(frozen=True, slots=True)
class Tightness:
    """How much a page is tightened: a factor on vertical spacing, a reduction of every text size."""

    spacing: float = 1.0
    shrink: int = 0  # half-points taken off every paragraph's size


def _text_length(paragraph: Para) -> tuple[int, int]:
    """Return the characters of a paragraph's text and its line breaks."""
    xml = "".join(paragraph.runs)
    breaks = xml.count("<w:br/>")
    text = _ENTITY.sub("x", _TAG.sub("", xml))
    return len(text), breaks


class Estimator:
    """Estimates the height of blocks on a reference's page (twips)."""

    def __init__(self, geometry: Geometry, text_width: int) -> None:
        """Estimate on the page ``geometry`` describes, whose text is ``text_width`` twips wide."""
        self.geometry = geometry
        self.text_width = text_width

    def size(self, paragraph: Para, tightness: Tightness) -> int:
        """Return the size the paragraph's text takes at ``tightness`` (half-points)."""
        base = self.geometry.metrics(paragraph.style).size
        return max(min(base, MIN_SIZE), base - tightness.shrink)

    def paragraph(self, paragraph: Para, width: int, tightness: Tightness) -> int:
        """Return the height of one paragraph in a column ``width`` twips wide."""
        metrics = self.geometry.metrics(paragraph.style)
        size = self.size(paragraph, tightness)
        before = metrics.before if paragraph.space_before is None else paragraph.space_before
        after = metrics.after if paragraph.space_after is None else paragraph.space_after
        if paragraph.exact_line is not None:
            return before + after + paragraph.exact_line
        usable = max(width - (paragraph.left_indent or 0), 1)
        characters, breaks = _text_length(paragraph)
        per_line = max(int(usable / (size * 10 * _CHAR_EM)), 1)
        lines = max(math.ceil(characters / per_line), 1) + breaks
        spacing = round((before + after) * tightness.spacing)
        return spacing + lines * metrics.line_height(size)

    def table(self, table: Table, tightness: Tightness) -> int:
        """Return the height of a table: each row its tallest cell, at least its minimum height."""
        total = 0
        for row in table.rows:
            tallest = 0
            for cell in row.cells:
                found = _CELL_WIDTH.search(cell.cell_properties or "")
                width = int(found.group(1)) - _CELL_SIDES if found else self.text_width
                tallest = max(tallest, self.paragraph(cell, width, tightness))
            minimum = _row_height(row, tightness)
            total += max(minimum, tallest + self.geometry.cell_margin)
        return total

    def blocks(self, blocks: Sequence[Para | Table], tightness: Tightness) -> int:
        """Return the height of consecutive blocks."""
        return sum(
            self.table(block, tightness)
            if isinstance(block, Table)
            else self.paragraph(block, self.text_width, tightness)
            for block in blocks
        )


def _row_height(row: Row, tightness: Tightness) -> int:
    """Return a row's minimum height at ``tightness``: a writing line shrinks a little, a signature not."""
    if row.signing:
        return row.min_height
    return round(row.min_height * max(tightness.spacing, _ROW_FLOOR))


def _steps(geometry: Geometry) -> list[Tightness]:
    body = geometry.metrics(None).size
    steps = [Tightness(spacing) for spacing in _SPACINGS]
    steps += [Tightness(_SPACINGS[-1], shrink) for shrink in range(1, max(body - MIN_SIZE, 0) + 1)]
    return steps


def fit(blocks: Sequence[Para | Table], geometry: Geometry, text_width: int) -> bool:
    """Tighten ``blocks`` until they fit on one page; return ``False`` if even the tightest does not.

    The blocks are left as they are when they fit already (the default reference's forms do).
    """
    estimator = Estimator(geometry, text_width)
    room = geometry.usable_height * SAFETY
    for tightness in _steps(geometry):
        if estimator.blocks(blocks, tightness) <= room:
            if tightness != Tightness():
                _apply(blocks, estimator, tightness)
            return True
    _apply(blocks, estimator, _steps(geometry)[-1])  # as close to one page as it goes
    return False


def _apply(blocks: Sequence[Para | Table], estimator: Estimator, tightness: Tightness) -> None:
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                row.min_height = _row_height(row, tightness)
                for cell in row.cells:
                    _apply_paragraph(cell, estimator, tightness)
        else:
            _apply_paragraph(block, estimator, tightness)


def _apply_paragraph(paragraph: Para, estimator: Estimator, tightness: Tightness) -> None:
    metrics = estimator.geometry.metrics(paragraph.style)
    if paragraph.exact_line is None:
        before = metrics.before if paragraph.space_before is None else paragraph.space_before
        after = metrics.after if paragraph.space_after is None else paragraph.space_after
        paragraph.space_before = round(before * tightness.spacing)
        paragraph.space_after = round(after * tightness.spacing)
    if tightness.shrink:
        paragraph.size = estimator.size(paragraph, tightness)
