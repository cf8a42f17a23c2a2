"""The document body's WordprocessingML, written directly with lxml: paragraphs, runs, tables.

python-docx's property setters find each child's place among all its possible successors, name
by name (``qn`` on every name, at every call): for a document of a few hundred paragraphs that was
most of the conversion's time. Here every element is created under its parent with precomputed
tag names, in the order the schema requires (ECMA-376 part 1, wml.xsd: Word refuses a file whose
properties are out of order, LibreOffice is lenient). A paragraph's properties may still change
after its text is written (a later marker keeps it with the next block), so they are gathered in a
``Para`` record and its ``w:pPr`` is written once, by ``Para.finish``, when the body is complete.

Only lxml is used here: the document is a copy of the prepared reference's main part
(``skeleton``), parsed with lxml, into which the converter appends the body's elements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml.etree import SubElement  # type: ignore[import-untyped]  # python-docx's own XML library

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Tags and attributes in Clark notation, computed once.
P, PPR, PSTYLE, KEEP_NEXT, PAGE_BREAK_BEFORE = (
    _W + n for n in ("p", "pPr", "pStyle", "keepNext", "pageBreakBefore")
)
NUM_PR, ILVL, NUM_ID, PBDR, TABS, TAB = (_W + n for n in ("numPr", "ilvl", "numId", "pBdr", "tabs", "tab"))
SPACING, IND, JC = (_W + n for n in ("spacing", "ind", "jc"))
R, RPR, RFONTS, BOLD, ITALIC, T, BR = (_W + n for n in ("r", "rPr", "rFonts", "b", "i", "t", "br"))
TBL, TBL_PR, TBL_STYLE, TBL_W, TBL_BORDERS = (
    _W + n for n in ("tbl", "tblPr", "tblStyle", "tblW", "tblBorders")
)
TBL_LAYOUT, TBL_LOOK, TBL_GRID, GRID_COL = (_W + n for n in ("tblLayout", "tblLook", "tblGrid", "gridCol"))
TR, TR_PR, CANT_SPLIT, TR_HEIGHT, TBL_HEADER = (
    _W + n for n in ("tr", "trPr", "cantSplit", "trHeight", "tblHeader")
)
SECT_PR, BODY = _W + "sectPr", _W + "body"
TC, TC_PR, TC_W, TC_BORDERS, V_ALIGN = (_W + n for n in ("tc", "tcPr", "tcW", "tcBorders", "vAlign"))
TOP, LEFT, BOTTOM, RIGHT, INSIDE_H, INSIDE_V = (
    _W + n for n in ("top", "left", "bottom", "right", "insideH", "insideV")
)
VAL, W_, TYPE, SZ, SPACE, COLOR = (_W + n for n in ("val", "w", "type", "sz", "space", "color"))
BEFORE, AFTER, LINE, LINE_RULE = (_W + n for n in ("before", "after", "line", "lineRule"))
LEADER, POS, H_RULE, ASCII, H_ANSI = (_W + n for n in ("leader", "pos", "hRule", "ascii", "hAnsi"))

_EDGES = (TOP, LEFT, BOTTOM, RIGHT, INSIDE_H, INSIDE_V)
_NO_BORDER = {VAL: "none"}
_LINE = {SZ: "6", SPACE: "0", COLOR: "404040"}
# The attributes python-docx gives every new table: Word's default look for a table style.
_TABLE_LOOK = {
    _W + "firstColumn": "1",
    _W + "firstRow": "1",
    _W + "lastColumn": "0",
    _W + "lastRow": "0",
    _W + "noHBand": "0",
    _W + "noVBand": "1",
    VAL: "04A0",
}


@dataclass(slots=True, eq=False)
class Para:
    """One ``w:p`` and the properties its ``w:pPr`` will hold (lengths in twentieths of a point)."""

    element: Any
    style: str | None = None
    keep_next: bool = False
    page_break_before: bool = False
    numbering: tuple[int, int] | None = None  # (level, numbering instance)
    bottom_border: bool = False
    right_tab: tuple[int, str] | None = None  # (position, leader)
    space_before: int | None = None
    space_after: int | None = None
    exact_line: int | None = None
    left_indent: int | None = None
    align: str | None = None  # left, center, right

    def finish(self) -> None:
        """Write ``w:pPr`` as the paragraph's first child, its children in schema order."""
        if not (
            self.style is not None
            or self.keep_next
            or self.page_break_before
            or self.numbering is not None
            or self.bottom_border
            or self.right_tab is not None
            or self.space_before is not None
            or self.space_after is not None
            or self.exact_line is not None
            or self.left_indent is not None
            or self.align is not None
        ):
            return
        p = self.element
        ppr = SubElement(p, PPR)
        p.insert(0, ppr)
        if self.style is not None:
            SubElement(ppr, PSTYLE, {VAL: self.style})
        if self.keep_next:
            SubElement(ppr, KEEP_NEXT)
        if self.page_break_before:
            SubElement(ppr, PAGE_BREAK_BEFORE)
        if self.numbering is not None:
            num_pr = SubElement(ppr, NUM_PR)
            SubElement(num_pr, ILVL, {VAL: str(self.numbering[0])})
            SubElement(num_pr, NUM_ID, {VAL: str(self.numbering[1])})
        if self.bottom_border:
            borders = SubElement(ppr, PBDR)
            SubElement(borders, BOTTOM, {VAL: "single", SZ: "6", SPACE: "1", COLOR: "404040"})
        if self.right_tab is not None:
            position, leader = self.right_tab
            SubElement(SubElement(ppr, TABS), TAB, {VAL: "right", LEADER: leader, POS: str(position)})
        if self.space_before is not None or self.space_after is not None or self.exact_line is not None:
            spacing = SubElement(ppr, SPACING)
            if self.space_before is not None:
                spacing.set(BEFORE, str(self.space_before))
            if self.space_after is not None:
                spacing.set(AFTER, str(self.space_after))
            if self.exact_line is not None:
                spacing.set(LINE, str(self.exact_line))
                spacing.set(LINE_RULE, "exact")
        if self.left_indent is not None:
            SubElement(ppr, IND, {LEFT: str(self.left_indent)})
        if self.align is not None:
            SubElement(ppr, JC, {VAL: self.align})


def paragraph(parent: Any, style: str | None = None) -> Para:
    """Append an empty ``w:p`` to ``parent`` (the body or a cell)."""
    return Para(SubElement(parent, P), style)


def _append_text(run: Any, text: str) -> None:
    t = SubElement(run, T)
    t.text = text
    if len(text.strip()) < len(text):  # Word drops a ``w:t``'s outer spaces unless told not to
        t.set(XML_SPACE, "preserve")


def run(p: Any, text: str, bold: bool = False, italic: bool = False, font: str | None = None) -> None:
    """Append a run of ``text`` to the ``w:p`` ``p``, tabs and line breaks included.

    A tab becomes ``w:tab``, a line break ``w:br``, the text between them ``w:t``: as python-docx's
    ``Run.text`` writes them, so Word shows them as such rather than as spaces.
    """
    r = SubElement(p, R)
    if bold or italic or font is not None:
        rpr = SubElement(r, RPR)
        if font is not None:
            SubElement(rpr, RFONTS, {ASCII: font, H_ANSI: font})
        if bold:
            SubElement(rpr, BOLD)
        if italic:
            SubElement(rpr, ITALIC)
    if "\t" not in text and "\n" not in text and "\r" not in text:
        if text:
            _append_text(r, text)
        return
    pending: list[str] = []
    for char in text:
        if char in "\t\r\n":
            if pending:
                _append_text(r, "".join(pending))
                pending.clear()
            SubElement(r, TAB if char == "\t" else BR)
        else:
            pending.append(char)
    if pending:
        _append_text(r, "".join(pending))


def line_break(p: Any) -> None:
    """Append a run holding a line break to the ``w:p`` ``p``."""
    SubElement(SubElement(p, R), BR)


def table(parent: Any, style: str | None, borderless: bool, widths: list[int]) -> Any:
    """Append a ``w:tbl`` with fixed column ``widths`` (twentieths of a point); return it.

    Word reads the cell widths, LibreOffice the grid: both are written, and the layout is fixed so
    neither application stretches a column to fit its longest word. ``borderless`` removes every
    border, whatever the default table style draws.
    """
    tbl = SubElement(parent, TBL)
    tbl_pr = SubElement(tbl, TBL_PR)
    if style is not None:
        SubElement(tbl_pr, TBL_STYLE, {VAL: style})
    SubElement(tbl_pr, TBL_W, {W_: str(sum(widths)), TYPE: "dxa"})
    if borderless:
        borders = SubElement(tbl_pr, TBL_BORDERS)
        for edge in _EDGES:
            SubElement(borders, edge, _NO_BORDER)
    SubElement(tbl_pr, TBL_LAYOUT, {TYPE: "fixed"})
    SubElement(tbl_pr, TBL_LOOK, _TABLE_LOOK)
    grid = SubElement(tbl, TBL_GRID)
    for width in widths:
        SubElement(grid, GRID_COL, {W_: str(width)})
    return tbl


def row(tbl: Any, header: bool = False, min_height_twips: int = 0) -> Any:
    """Append a row kept on one page; repeated on every page (``header``); of a minimum height."""
    tr = SubElement(tbl, TR)
    tr_pr = SubElement(tr, TR_PR)
    # w:trPr's children are a free choice in the schema: this order is as good as any.
    SubElement(tr_pr, CANT_SPLIT)
    if min_height_twips:
        SubElement(tr_pr, TR_HEIGHT, {VAL: str(min_height_twips), H_RULE: "atLeast"})
    if header:
        SubElement(tr_pr, TBL_HEADER)
    return tr


def cell(tr: Any, width: int, bottom_aligned: bool = False, bottom_line: bool = False) -> Para:
    """Append a cell and return its paragraph; ``bottom_line`` draws the line a form is filled on.

    ``bottom_aligned`` puts the text on the cell's bottom edge (a form's label on the writing line).
    """
    tc = SubElement(tr, TC)
    tc_pr = SubElement(tc, TC_PR)
    SubElement(tc_pr, TC_W, {W_: str(width), TYPE: "dxa"})
    if bottom_line:
        SubElement(SubElement(tc_pr, TC_BORDERS), BOTTOM, {VAL: "single", **_LINE})
    if bottom_aligned:
        SubElement(tc_pr, V_ALIGN, {VAL: "bottom"})
    return Para(SubElement(tc, P))
