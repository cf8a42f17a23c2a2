"""Small WordprocessingML edits that python-docx has no API for: borders, fields, tabs, table rows.

Each helper inserts its element at the place the schema requires (Word refuses a file whose
properties are out of order, LibreOffice is lenient), so the output opens cleanly in both.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

# Children of w:pPr, w:tcPr, w:tblPr and w:trPr in schema order: a new child goes before the first
# present child that follows it.
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)
_TCPR_ORDER = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
)
_TBLPR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
)
_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    """Return a new ``w:`` element with ``w:`` attributes."""
    new = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        new.set(qn(f"w:{name}"), value)
    return new


def _replace_child(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> None:
    """Put ``child`` into ``parent`` in schema order, replacing a child of the same tag."""
    local = child.tag.rsplit("}", 1)[1]
    for old in parent.findall(qn(f"w:{local}")):
        parent.remove(old)
    followers = order[order.index(local) + 1 :]
    for index, existing in enumerate(parent):
        if existing.tag.rsplit("}", 1)[-1] in followers:
            parent.insert(index, child)
            return
    parent.append(child)


def _borders(tag: str, edges: dict[str, str]) -> BaseOxmlElement:
    """Return a border element: each edge is ``none`` or a line style (``single``, ``dashed``)."""
    container = element(tag)
    for edge in _EDGES:
        if edge in edges:
            style = edges[edge]
            attributes = {"val": style}
            if style != "none":
                attributes.update(sz="6", space="0", color="404040")
            container.append(element(edge, **attributes))
    return container


def set_paragraph_property(paragraph: Paragraph, child: BaseOxmlElement) -> None:
    """Set one paragraph property (``w:pPr`` child) in schema order."""
    _replace_child(paragraph._p.get_or_add_pPr(), child, _PPR_ORDER)


def right_tab(paragraph: Paragraph, position_twips: int, leader: str = "none") -> None:
    """Give the paragraph one right-aligned tab stop, with a leader (``hyphen``, ``dot``…)."""
    tabs = element("tabs")
    tabs.append(element("tab", val="right", leader=leader, pos=str(position_twips)))
    set_paragraph_property(paragraph, tabs)


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """Append a simple field (``PAGE``, ``NUMPAGES``): Word and LibreOffice compute it on layout."""
    field = element("fldSimple", instr=f" {instruction} ")
    run = element("r")
    text = element("t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def set_cell_borders(cell: _Cell, **edges: str) -> None:
    """Set a cell's borders, e.g. ``bottom="single"``; other edges keep the table's."""
    _replace_child(cell._tc.get_or_add_tcPr(), _borders("tcBorders", edges), _TCPR_ORDER)


def set_cell_bottom_aligned(cell: _Cell) -> None:
    """Align the cell's text on its bottom edge (a form's label sits on the writing line)."""
    _replace_child(cell._tc.get_or_add_tcPr(), element("vAlign", val="bottom"), _TCPR_ORDER)


def set_table_borderless(table: Table) -> None:
    """Remove every border of the table, whatever the default table style draws."""
    edges = dict.fromkeys(_EDGES, "none")
    _replace_child(table._tbl.tblPr, _borders("tblBorders", edges), _TBLPR_ORDER)


def set_column_widths(table: Table, widths: Sequence[int]) -> None:
    """Fix the table's columns to ``widths`` (twentieths of a point), whatever the content.

    Word reads the cell widths, LibreOffice the grid: both are written, and the layout is fixed
    so neither application stretches a column to fit its longest word.
    """
    tbl = table._tbl
    _replace_child(tbl.tblPr, element("tblW", w=str(sum(widths)), type="dxa"), _TBLPR_ORDER)
    _replace_child(tbl.tblPr, element("tblLayout", type="fixed"), _TBLPR_ORDER)
    for grid_col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width))
    for tr in tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths, strict=True):
            _replace_child(tc.get_or_add_tcPr(), element("tcW", w=str(width), type="dxa"), _TCPR_ORDER)


def set_row_properties(row: _Row, header: bool = False, min_height_twips: int = 0) -> None:
    """Keep the row on one page; repeat it on every page (``header``); give it a minimum height."""
    tr_pr = row._tr.get_or_add_trPr()
    # w:trPr's children are a free choice in the schema: appending keeps the file valid.
    tr_pr.append(element("cantSplit"))
    if min_height_twips:
        tr_pr.append(element("trHeight", val=str(min_height_twips), hRule="atLeast"))
    if header:
        tr_pr.append(element("tblHeader"))
