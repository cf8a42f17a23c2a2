"""The document body's WordprocessingML, written as text: paragraphs, runs, tables.

python-docx's property setters find each child's place among all its possible successors, name
by name: for a document of a few hundred paragraphs that was most of the conversion's time, and
building the same elements one by one with lxml still cost as much as the Markdown parsing.
Here each block is a small record that writes its own XML, in the order the schema requires
(ECMA-376 part 1, wml.xsd: Word refuses a file whose properties are out of order, LibreOffice is
lenient), with the ``w:`` prefix the prepared reference declares. A paragraph's properties may
still change after its text is written (a later marker keeps it with the next block), so they
are gathered in a ``Para`` record and its ``w:pPr`` is written with the rest, by ``Body.xml``,
once the body is complete. Text is escaped as lxml escapes it, so the bytes are the same as an
lxml tree serialized; ``verify`` parses every part before anything is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.docx import package

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W_NAMESPACE + "}"
# Clark names of the few elements found in the prepared reference's parts with lxml.
P, BODY, SECT_PR = _W + "p", _W + "body", _W + "sectPr"

_NO_BORDER = "".join(
    f'<w:{edge} w:val="none"/>' for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
)
# The attributes python-docx gives every new table: Word's default look for a table style.
_TABLE_LOOK = (
    '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
    'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)


# Written by hand rather than with ``xml.sax.saxutils``, whose import pulls in ``urllib.request``
# (about 25 ms at every start, for three replacements).
def escape(text: str) -> str:
    """Return ``text`` escaped for an element's content, as lxml writes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """Return ``value`` quoted and escaped for an attribute, as lxml writes it."""
    escaped = escape(value).replace('"', "&quot;")
    return '"' + escaped.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


@dataclass(slots=True, eq=False)
class Para:
    """One ``w:p``: its runs, and what its ``w:pPr`` will hold (lengths in twentieths of a point)."""

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
    runs: list[str] = field(default_factory=list)
    cell_properties: str | None = None  # the ``w:tcPr`` of the cell this paragraph fills
    size: int | None = None  # half-points: a form shrunk to fit its page (``fit``)

    def properties(self) -> str:
        """Return the ``w:pPr``, its children in schema order, or nothing if it would be empty."""
        parts = []
        if self.style is not None:
            parts.append(f"<w:pStyle w:val={_attribute(self.style)}/>")
        if self.keep_next:
            parts.append("<w:keepNext/>")
        if self.page_break_before:
            parts.append("<w:pageBreakBefore/>")
        if self.numbering is not None:
            level, num_id = self.numbering
            parts.append(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
        if self.bottom_border:
            parts.append('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="404040"/></w:pBdr>')
        if self.right_tab is not None:
            position, leader = self.right_tab
            parts.append(f'<w:tabs><w:tab w:val="right" w:leader="{leader}" w:pos="{position}"/></w:tabs>')
        if self.space_before is not None or self.space_after is not None or self.exact_line is not None:
            spacing = "<w:spacing"
            if self.space_before is not None:
                spacing += f' w:before="{self.space_before}"'
            if self.space_after is not None:
                spacing += f' w:after="{self.space_after}"'
            if self.exact_line is not None:
                spacing += f' w:line="{self.exact_line}" w:lineRule="exact"'
            parts.append(spacing + "/>")
        if self.left_indent is not None:
            parts.append(f'<w:ind w:left="{self.left_indent}"/>')
        if self.align is not None:
            parts.append(f'<w:jc w:val="{self.align}"/>')
        if self.size is not None:  # the paragraph mark's size: an empty line shrinks too
            parts.append(f"<w:rPr>{_size(self.size)}</w:rPr>")
        return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""

    def xml(self) -> str:
        """Return the paragraph's XML (with its cell around it, for a table's paragraph)."""
        runs = self.runs if self.size is None else [_sized(run, self.size) for run in self.runs]
        content = self.properties() + "".join(runs)
        paragraph = f"<w:p>{content}</w:p>" if content else "<w:p/>"
        if self.cell_properties is None:
            return paragraph
        return f"<w:tc>{self.cell_properties}{paragraph}</w:tc>"


def _size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _sized(run: str, half_points: int) -> str:
    """Return a run written by :func:`run_xml` with its font size set (``w:sz`` ends our ``w:rPr``)."""
    if run.startswith("<w:r><w:rPr>"):
        return run.replace("</w:rPr>", _size(half_points) + "</w:rPr>", 1)
    if run.startswith("<w:r>"):
        return f"<w:r><w:rPr>{_size(half_points)}</w:rPr>{run[5:]}"
    return run


@dataclass(slots=True, eq=False)
class Row:
    """One ``w:tr``: its properties (kept on one page, a header row, a minimum height) and cells."""

    header: bool = False
    min_height: int = 0  # twips; 0 for none
    cells: list[Para] = field(default_factory=list)
    signing: bool = False  # room to sign: a form fitted to its page (``fit``) keeps its height

    def xml(self) -> str:
        """Return the row's XML."""
        # w:trPr's children are a free choice in the schema: this order is as good as any.
        properties = "<w:cantSplit/>"
        if self.min_height:
            properties += f'<w:trHeight w:val="{self.min_height}" w:hRule="atLeast"/>'
        if self.header:
            properties += "<w:tblHeader/>"
        return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cell.xml() for cell in self.cells)}</w:tr>"


@dataclass(slots=True, eq=False)
class Table:
    """One ``w:tbl``: its properties and grid, and its rows."""

    head: str
    rows: list[Row] = field(default_factory=list)

    def xml(self) -> str:
        """Return the table's XML."""
        return f"<w:tbl>{self.head}{''.join(row.xml() for row in self.rows)}</w:tbl>"


@dataclass(slots=True, eq=False)
class Body:
    """The blocks of a document's body, in order."""

    blocks: list[Para | Table] = field(default_factory=list)

    def xml(self) -> str:
        """Return the body's content, without the section properties."""
        return "".join(block.xml() for block in self.blocks)


def paragraph(body: Body, style: str | None = None) -> Para:
    """Append an empty paragraph to the body."""
    new = Para(style)
    body.blocks.append(new)
    return new


def _text(text: str) -> str:
    # Word drops a ``w:t``'s outer spaces unless told not to.
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{escape(text)}</w:t>"


def run_xml(text: str, bold: bool = False, italic: bool = False, font: str | None = None) -> str:
    """Return a run of ``text``, tabs and line breaks included.

    A tab becomes ``w:tab``, a line break ``w:br``, the text between them ``w:t``: as python-docx's
    ``Run.text`` writes them, so Word shows them as such rather than as spaces.
    """
    properties = ""
    if bold or italic or font is not None:
        if font is not None:
            quoted = _attribute(font)
            properties += f"<w:rFonts w:ascii={quoted} w:hAnsi={quoted}/>"
        if bold:
            properties += "<w:b/>"
        if italic:
            properties += "<w:i/>"
        properties = f"<w:rPr>{properties}</w:rPr>"
    if "\t" not in text and "\n" not in text and "\r" not in text:
        content = _text(text) if text else ""
    else:
        pieces: list[str] = []
        pending: list[str] = []
        for char in text:
            if char in "\t\r\n":
                if pending:
                    pieces.append(_text("".join(pending)))
                    pending.clear()
                pieces.append("<w:tab/>" if char == "\t" else "<w:br/>")
            else:
                pending.append(char)
        if pending:
            pieces.append(_text("".join(pending)))
        content = "".join(pieces)
    inner = properties + content
    return f"<w:r>{inner}</w:r>" if inner else "<w:r/>"


def run(p: Para, text: str, bold: bool = False, italic: bool = False, font: str | None = None) -> None:
    """Append a run of ``text`` to the paragraph ``p`` (see :func:`run_xml`)."""
    p.runs.append(run_xml(text, bold, italic, font))


def line_break(p: Para) -> None:
    """Append a run holding a line break to the paragraph ``p``."""
    p.runs.append("<w:r><w:br/></w:r>")


def table(body: Body, style: str | None, borderless: bool, widths: list[int]) -> Table:
    """Append a table with fixed column ``widths`` (twentieths of a point); return it.

    Word reads the cell widths, LibreOffice the grid: both are written, and the layout is fixed so
    neither application stretches a column to fit its longest word. ``borderless`` removes every
    border, whatever the default table style draws.
    """
    properties = f"<w:tblStyle w:val={_attribute(style)}/>" if style is not None else ""
    properties += f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
    if borderless:
        properties += f"<w:tblBorders>{_NO_BORDER}</w:tblBorders>"
    properties += '<w:tblLayout w:type="fixed"/>' + _TABLE_LOOK
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    new = Table(f"<w:tblPr>{properties}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")
    body.blocks.append(new)
    return new


def row(tbl: Table, header: bool = False, min_height_twips: int = 0) -> Row:
    """Append a row kept on one page; repeated on every page (``header``); of a minimum height."""
    new = Row(header, min_height_twips)
    tbl.rows.append(new)
    return new


def cell(tr: Row, width: int, bottom_aligned: bool = False, bottom_line: bool = False) -> Para:
    """Append a cell and return its paragraph; ``bottom_line`` draws the line a form is filled on.

    ``bottom_aligned`` puts the text on the cell's bottom edge (a form's label on the writing line).
    """
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if bottom_line:
        line = '<w:bottom w:val="single" w:sz="6" w:space="0" w:color="404040"/>'
        properties += f"<w:tcBorders>{line}</w:tcBorders>"
    if bottom_aligned:
        properties += '<w:vAlign w:val="bottom"/>'
    new = Para(cell_properties=f"<w:tcPr>{properties}</w:tcPr>")
    tr.cells.append(new)
    return new


def fill(document: bytes, body: Body) -> bytes:
    """Return the prepared main part with ``body`` written before its section properties.

    The prepared body holds nothing but the section properties (``prepare`` emptied it), and the
    reference declares the ``w:`` prefix on its root: the blocks' text goes right after the body's
    start tag. Otherwise, lxml moves them in.
    """
    text = document.decode("utf-8")
    root_end = text.find(">", text.find("<w:document"))
    declared = f'xmlns:w="{W_NAMESPACE}"' in text[:root_end]
    content = body.xml()
    if declared and text.count("<w:body>") == 1:
        return text.replace("<w:body>", "<w:body>" + content, 1).encode("utf-8")
    if declared and text.count("<w:body/>") == 1:
        return text.replace("<w:body/>", f"<w:body>{content}</w:body>", 1).encode("utf-8")
    return _fill_with_lxml(document, content)


def _fill_with_lxml(document: bytes, content: str) -> bytes:
    root = package.parse(document)
    target = root.find(BODY)
    section = target.find(SECT_PR)
    for child in elements(content):
        if section is None:
            target.append(child)
        else:
            section.addprevious(child)
    return package.serialize(root)


def elements(xml: str) -> list[Any]:
    """Return the lxml elements of XML written here, to move into a part of the reference.

    lxml gives a moved element the part's own prefix for the namespace, whatever it is.
    """
    return list(package.parse(f'<w:fragment xmlns:w="{W_NAMESPACE}">{xml}</w:fragment>'.encode()))
