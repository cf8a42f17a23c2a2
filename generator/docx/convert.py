"""Markdown → DOCX: markdown-it-py's tokens become the document body's XML, block by block.

The Markdown rendered from the templates is the reviewed source; this module only lays it out.
Headings become Word's built-in Title and Heading 1–3 (navigation pane, table of contents),
lists List Bullet / List Number (nested up to three levels of style), tables Table Grid, and the
template markers of ``notes/markdown-conventions`` (HTML comments, which a user value can never
produce: ``<`` is escaped) become page breaks, borderless signature blocks, forms with writing
lines and a detachable receipt. A marker the converter does not know is a template bug and fails.

Each document is a copy of the prepared reference (``skeleton``: styles, header, footer and list
definitions already in place), filled in: the body written as text by ``ooxml`` in schema order,
and with lxml the lists' numbering instances, the association's name in the header and the core
properties; then saved by ``package``. A page holding a receipt is fitted to the reference's page
by ``fit``; the blocks leading to the signatures keep with them (``keep``); a document holding a
receipt, handed out form by form, numbers no page (``footer``); with annotations, each article
heading gets its sources as a comment (``comments``).
python-docx is not imported here: it only prepares a reference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator import typography
from generator.docx import comments, fit, footer, keep, numbering, ooxml, package, page, revisions, skeleton
from generator.docx.ooxml import Para, Table
from generator.docx.reference import Reference
from generator.docx.skeleton import Skeleton
from generator.docx.widths import has_signature_column
from generator.docx.widths import widths as column_widths
from generator.errors import TemplateRenderError

# The templates write CommonMark with tables, and user values are escaped (``generator.markdown``).
# No template writes links, images or setext headings: those rules are off, which cuts the parsing
# time by a third; a test checks that full CommonMark reads every example's documents the same.
# Inline HTML stays on so that a template writing some fails loudly rather than prints it.
UNUSED_RULES = ["reference", "lheading", "link", "image", "autolink"]
PARSER = MarkdownIt("commonmark").enable("table").disable(UNUSED_RULES)
_MARKER = re.compile(r"<!--\s*([a-z-]+)\s*-->")
MARKERS = ("saut-de-page", "signatures", "formulaire", "coupon")

# Checkboxes and scissors: a font that has the glyphs in Word (LibreOffice falls back by itself).
_SYMBOLS = re.compile(r"([☐☑☒✂])")
SYMBOL_FONT = "Segoe UI Symbol"
_CHECKBOX = "☐"
MONOSPACE_FONT = "Courier New"

# « # » is the document's title, « ## » a titre, « ### » an article, « #### » a sous-article.
_HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2"}
_DEEPEST_HEADING = "Heading 3"

# Lengths in twentieths of a point (twips), as WordprocessingML writes them.
_AFTER_BLOCK = 120  # 6 pt
_BETWEEN_CHECKBOXES = 40  # 2 pt
_BEFORE_SIGNATURES = 240  # 12 pt: « Fait à …, le … », a line above the signatures
_AROUND_CUT_LINE = 160  # 8 pt
_SPACER_LINE = 40  # 2 pt: the discreet paragraph that carries a page break or ends the document
_QUOTE_INDENT = 567  # 1 cm per level of quotation
# Room to sign (2.5 cm): the signatures' last row, or each signer's row of a signatures table
# with a « Signature » column (the requête's direction). A hand signature with its paraph needs
# 2.5 to 3 cm; 1.9 cm left the signers writing over the name above, and 2.5 cm keeps each
# bulletin form, with its two blocks (the applicant's and the receipt's), on one page.
_SIGNING_SPACE = 1418
# A row of a grid with a « Signature » column (feuille de présence, founders under local law): a
# list of many signers, where a row of 2.5 cm would spread the sheet over pages (1.5 cm).
_SIGNING_ROW = 850
_WRITING_LINE = 400  # height of a form's row: room to write by hand (0.7 cm)
_HAND_FILLED_ROW = 680  # a grid row with a column left blank for a signature (1.2 cm)
_ALIGNMENTS = {"text-align:left": "left", "text-align:center": "center", "text-align:right": "right"}


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the page furniture and the metadata say: the association's name and the date."""

    association: str
    date: dt.date


def to_docx(
    markdown: str,
    reference: Reference,
    info: DocumentInfo,
    notes: list[str] | None = None,
    annotate: Sources | None = None,
) -> bytes:
    """Return the DOCX bytes of one Markdown document, laid out on ``reference``.

    What the layout could not do (a form taller than the reference's page) is added to ``notes``,
    in French, for the caller to show before it writes anything. With ``annotate`` (an article's
    title → its sources), each article heading gets a Word comment listing its sources.
    """
    prepared = skeleton.of(reference)
    numbering_root = package.parse(prepared.parts[prepared.numbering])
    writer = _Writer(prepared, numbering_root, annotate)
    writer.write(PARSER.parse(markdown))
    if notes is not None:
        notes.extend(writer.notes)
    written = {
        prepared.document: ooxml.fill(prepared.parts[prepared.document], writer.body),
        prepared.numbering: package.serialize(numbering_root),
        prepared.core: package.core_properties(
            prepared.parts[prepared.core], writer.title or info.association, info.association, info.date
        ),
    }
    for name in prepared.headers:
        # The association's name as the documents print it (« ’ », no-break spaces).
        written[name] = _header(prepared.parts[name], typography.french_spacing(info.association))
    if writer.form:  # handed out form by form: no « Page 1 sur 5 »
        for name in footer.footer_parts(prepared.parts, prepared.document):
            written[name] = footer.without_page_numbers(prepared.parts[name])
    parts = prepared.parts
    if writer.comments:
        parts = comments.declare(parts, prepared.document)
        parts[comments.PART] = comments.part(writer.comments)
    return package.write(((name, written.get(name, data)) for name, data in parts.items()), info.date)


def _header(data: bytes, text: str) -> bytes:
    """Return a prepared header with ``text`` (the association's name) in its first paragraph."""
    root = package.parse(data)
    root.find(ooxml.P).extend(ooxml.elements(ooxml.run_xml(text)))
    return package.serialize(root)


@dataclass(slots=True)
class _List:
    ordered: bool
    num_id: int


@dataclass(frozen=True, slots=True)
class _Cell:
    inline: Token
    align: str | None

    @property
    def text(self) -> str:
        return str(self.inline.content)

    @property
    def empty(self) -> bool:
        return not self.inline.content.strip()


Block = Para | Table
Sources = Callable[[str], tuple[str, ...]]


class _Writer:
    """Walks the token stream once and appends each block to the document's body."""

    def __init__(self, prepared: Skeleton, numbering_root: Any, annotate: Sources | None = None) -> None:
        self.body = ooxml.Body()
        self.style_ids = prepared.style_ids
        self.table_grid = prepared.table_grid_id
        self.numbering = numbering.ListNumbering(
            numbering_root, prepared.bullet_abstract, prepared.ordered_abstract
        )
        self.text_width = prepared.text_width
        self.lists: list[_List] = []
        self.item_started = False
        self.quote_depth = 0
        self.pending_break = False
        self.pending_table: str | None = None
        # The blocks since the last page break: a receipt keeps them together on one page.
        self.segment: list[Block] = []
        self.segment_has_coupon = False
        self.segment_heading = ""
        self.form = False  # the document holds a receipt: a form, handed out alone
        self.geometry = page.of(prepared)
        self.notes: list[str] = []
        self.annotate = annotate
        self.comments: list[tuple[str, ...]] = []  # each article's sources, by comment id
        self.title: str | None = None
        self.checkbox_line: Para | None = None  # the last paragraph, when it is a « ☐ … » line
        self.last_is_table = False

    # Blocks -------------------------------------------------------------------------------

    def write(self, tokens: list[Token]) -> None:
        self._blocks(tokens)

    def _blocks(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self._heading(int(token.tag[1:]), tokens[index + 1])
                index += 3
            elif kind == "paragraph_open":
                self._text_paragraph(tokens[index + 1])
                index += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self._open_list(token)
                index += 1
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
                if not self.lists and self.segment and isinstance(self.segment[-1], Para):
                    # List items sit close together; the text after the list keeps its distance.
                    self.segment[-1].space_after = _AFTER_BLOCK
                index += 1
            elif kind == "list_item_open":
                self.item_started = True
                index += 1
            elif kind == "table_open":
                index = self._table(tokens, index)
            elif kind == "html_block":
                self._markers(token.content)
                index += 1
            elif kind in ("code_block", "fence"):
                self._code(token.content)
                index += 1
            elif kind == "hr":
                self._paragraph("Normal").bottom_border = True
                index += 1
            elif kind in ("blockquote_open", "blockquote_close"):
                self.quote_depth += 1 if kind == "blockquote_open" else -1
                index += 1
            elif kind == "list_item_close":
                index += 1
            else:
                raise TemplateRenderError(f"élément Markdown non pris en charge dans un document : {kind}")
        if self.pending_table is not None:
            raise TemplateRenderError(f"le marqueur « {self.pending_table} » n'est suivi d'aucun tableau")
        self._end_segment()
        if self.last_is_table:
            # Word shows a paragraph mark after a final table anyway; make it a discreet one.
            self._spacer()

    def _paragraph(self, style: str) -> Para:
        if self.pending_table is not None:
            raise TemplateRenderError(f"le marqueur « {self.pending_table} » doit précéder un tableau")
        paragraph = ooxml.paragraph(self.body, self.style_ids[style])
        if self.pending_break:
            paragraph.page_break_before = True
            # It opens a page: a heading's space above would only push the page's content down.
            paragraph.space_before = 0
            self.pending_break = False
        elif self.last_is_table and not style.startswith(("Heading", "Title")):
            paragraph.space_before = _AFTER_BLOCK  # a table has no space after it
        self.segment.append(paragraph)
        self.last_is_table = False
        return paragraph

    def _spacer(self) -> Para:
        paragraph = self._paragraph("Normal")
        paragraph.space_after = 0
        paragraph.space_before = 0
        paragraph.exact_line = _SPACER_LINE
        return paragraph

    def _heading(self, level: int, inline: Token) -> None:
        paragraph = self._paragraph(_HEADING_STYLES.get(level, _DEEPEST_HEADING))
        text = self._inline(paragraph, inline)
        if level == 1 and self.title is None:
            self.title = text
        elif level == 2:
            self.segment_heading = text
        if level == 3 and self.annotate is not None:  # an article, a resolution
            found = self.annotate(text)
            if found:
                comments.mark(paragraph, len(self.comments))
                self.comments.append(found)

    def _text_paragraph(self, inline: Token) -> None:
        if not self.lists:
            previous = self.segment[-1] if self.segment else None
            paragraph = self._paragraph("Normal")
            if self.quote_depth:
                paragraph.left_indent = _QUOTE_INDENT * self.quote_depth
            self._inline(paragraph, inline, italic=self.quote_depth > 0)
            is_checkbox = inline.content.startswith(_CHECKBOX)
            if is_checkbox and previous is not None and previous is self.checkbox_line:
                # A run of « ☐ … » lines is a list of choices: its lines sit close together.
                self.checkbox_line.space_after = _BETWEEN_CHECKBOXES
            self.checkbox_line = paragraph if is_checkbox else None
            return
        current = self.lists[-1]
        level = len(self.lists) - 1
        base = "List Number" if current.ordered else "List Bullet"
        paragraph = self._paragraph(base if level == 0 else f"{base} {min(level + 1, 3)}")
        if self.item_started:
            paragraph.numbering = (numbering.level(level), current.num_id)
            self.item_started = False
        else:  # a second paragraph in the same item: aligned with the item's text, no bullet
            paragraph.left_indent = numbering.continuation_indent(level)
        self._inline(paragraph, inline)

    def _open_list(self, token: Token) -> None:
        level = len(self.lists)
        if token.type == "ordered_list_open":
            start = token.attrGet("start")
            num_id = self.numbering.ordered(level, int(start) if start is not None else 1)
            self.lists.append(_List(True, num_id))
        else:
            self.lists.append(_List(False, self.numbering.bullet()))

    def _code(self, content: str) -> None:
        paragraph = self._paragraph("Normal")
        paragraph.align = "left"
        for number, line in enumerate(content.rstrip("\n").split("\n")):
            if number:
                ooxml.line_break(paragraph)
            ooxml.run(paragraph, line, font=MONOSPACE_FONT)

    # Markers ------------------------------------------------------------------------------

    def _markers(self, content: str) -> None:
        names = _MARKER.findall(content)
        if not names or _MARKER.sub("", content).strip():
            raise TemplateRenderError(f"HTML inattendu dans un document : {content.strip()[:60]}")
        for name in names:
            if name not in MARKERS:
                raise TemplateRenderError(f"marqueur inconnu « {name} » (connus : {', '.join(MARKERS)})")
            if self.pending_table is not None:
                raise TemplateRenderError(f"le marqueur « {self.pending_table} » doit précéder un tableau")
            if name == "saut-de-page":
                self._end_segment()
                self.pending_break = True
            elif name == "coupon":
                self._cut_line()
                self.segment_has_coupon = True
                self.form = True
            else:
                if name == "signatures" and self.segment and isinstance(self.segment[-1], Para):
                    # « Fait à …, le … » stays on the page of the signatures, a line above them.
                    self.segment[-1].keep_next = True
                    self.segment[-1].space_after = _BEFORE_SIGNATURES
                    # Nor do they open a page alone (a PV's closing block, a list's last row).
                    headings = {self.style_ids.get(f"Heading {level}") for level in (1, 2, 3)}
                    keep.lead_in(self.segment[:-1], headings)
                self.pending_table = name

    def _cut_line(self) -> None:
        """Draw « ✂ - - - - » across the page: the receipt is cut along it."""
        paragraph = self._paragraph("Normal")
        paragraph.align = "left"
        paragraph.space_before = _AROUND_CUT_LINE
        paragraph.space_after = _AROUND_CUT_LINE
        self._run(paragraph, "✂")
        ooxml.run(paragraph, "\t")
        paragraph.right_tab = (self.text_width, "hyphen")

    def _end_segment(self) -> None:
        if self.segment_has_coupon and not fit.fit(self.segment, self.geometry, self.text_width):
            name = "".join(c if c.isprintable() else " " for c in self.segment_heading)
            self.notes.append(
                f"la page « {name or 'formulaire'} » ne tient pas sur une page même resserrée : "
                "avec ce modèle Word, son reçu sera coupé ; réduisez les marges, l'en-tête ou "
                "la taille du texte du modèle"
            )
        if self.segment_has_coupon:
            # Form and receipt on one page: every block keeps with the next, rows never split.
            for block in self.segment[:-1]:
                keep.with_next(block, whole=True)
            if isinstance(self.segment[-1], Table):
                keep.with_next(self.segment[-1], whole=False)
        self.segment = []
        self.segment_has_coupon = False

    # Tables -------------------------------------------------------------------------------

    def _table(self, tokens: list[Token], index: int) -> int:
        rows: list[list[_Cell]] = []
        header_rows = 0
        index += 1
        while tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                rows.append([])
            elif token.type in ("th_open", "td_open"):
                style = token.attrGet("style")
                rows[-1].append(_Cell(tokens[index + 1], str(style) if style is not None else None))
            elif token.type == "thead_close":
                header_rows = len(rows)
            index += 1
        kind, self.pending_table = self.pending_table, None
        if self.pending_break:
            self._spacer()  # carries the page break: a table cannot
        columns = max(len(row) for row in rows)
        widths = column_widths(rows, columns, kind, self.text_width)
        tbl = ooxml.table(self.body, self.table_grid if kind is None else None, kind is not None, widths)
        self.segment.append(tbl)
        self.last_is_table = True
        cell_style = self.style_ids["Tableau"]
        last = len(rows) - 1
        # In a grid, a column blank in every row is to be filled by hand: give its rows room.
        blank_column = kind is None and any(
            all(column >= len(cells) or cells[column].empty for cells in rows[header_rows:])
            for column in range(columns)
        )
        form = kind == "formulaire"
        signers = header_rows > 0 and has_signature_column(rows[0])
        if signers and len(self.segment) > 1 and isinstance(self.segment[-2], Para):
            # The sentence that introduces a grid of signatures (the founders under local law, an
            # attendance sheet) does not end a page with its grid on the next one.
            self.segment[-2].keep_next = True
        for number, cells in enumerate(rows):
            is_header = number < header_rows and not form
            height = 0
            if form:
                height = _WRITING_LINE
            elif kind == "signatures" and (number == last or (signers and not is_header)):
                height = _SIGNING_SPACE
            elif signers and not is_header:
                height = _SIGNING_ROW
            elif blank_column and not is_header and len(rows) > header_rows:
                height = _HAND_FILLED_ROW
            tr = ooxml.row(tbl, header=is_header and kind is None, min_height_twips=height)
            tr.signing = height == _SIGNING_SPACE
            for column, width in enumerate(widths):
                if column >= len(cells):  # a short row: its missing cells stay empty
                    ooxml.cell(tr, width)
                    continue
                source = cells[column]
                paragraph = ooxml.cell(tr, width, bottom_aligned=form, bottom_line=form and source.empty)
                paragraph.style = cell_style
                paragraph.align = _ALIGNMENTS.get(source.align or "")
                self._inline(paragraph, source.inline, bold=is_header)
                if kind == "signatures" and number < last:
                    paragraph.keep_next = True
        return index + 1

    # Inline text --------------------------------------------------------------------------

    def _inline(self, p: Para, inline: Token, bold: bool = False, italic: bool = False) -> str:
        """Append the runs of one inline token to the ``w:p`` ``p``; return its plain text."""
        strong = int(bold)
        emphasis = int(italic)
        plain: list[str] = []
        marks = revisions.Marks()  # <del> and <ins> of the tableau comparatif
        for child in inline.children or []:
            kind = child.type
            if kind in ("text", "softbreak"):
                first, text = len(p.runs), child.content if kind == "text" else " "
                self._run(p, text, strong > 0, emphasis > 0)
                marks.apply(p.runs, first)
                plain.append(text)
            elif kind in ("strong_open", "strong_close"):
                strong += 1 if kind == "strong_open" else -1
            elif kind in ("em_open", "em_close"):
                emphasis += 1 if kind == "em_open" else -1
            elif kind == "html_inline" and child.content in revisions.TAGS:
                marks.toggle(child.content)
            elif kind == "hardbreak":
                ooxml.line_break(p)
                plain.append("\n")
            elif kind == "code_inline":
                ooxml.run(p, child.content, font=MONOSPACE_FONT)
                plain.append(child.content)
            else:
                raise TemplateRenderError(f"élément Markdown non pris en charge dans un texte : {kind}")
        return "".join(plain)

    def _run(self, p: Para, text: str, bold: bool = False, italic: bool = False) -> None:
        if not _SYMBOLS.search(text):
            if text:
                ooxml.run(p, text, bold, italic)
            return
        for piece in _SYMBOLS.split(text):
            if piece:
                ooxml.run(p, piece, bold, italic, SYMBOL_FONT if _SYMBOLS.fullmatch(piece) else None)
