"""Prepare a reference document once: the skeleton every converted document is written from.

With python-docx: open the reference, empty its body (and drop the relationships only the body
used), resolve the styles, add the two list definitions (``numbering``), give every section whose
reference left them empty a header (its first paragraph receives the association's name) and the
footer « Page N sur M » (fields: Word and LibreOffice number the pages themselves), clear the
core properties the reference's owner left, and serialize every part as python-docx saves them.
A reference that brings its own header or footer (an URPS letterhead) keeps it; its own footer
gets « Page N sur M » in a paragraph of its own after its content, unless the reference says not
to (``--sans-numero-de-page``) or the footer numbers its pages already.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.section import _Footer, _Header
from docx.text.paragraph import Paragraph

from generator.docx import numbering
from generator.docx.reference import Reference
from generator.docx.skeleton import Skeleton
from generator.docx.styles import Styles, open_document

# The core properties every document fills in; these values are only placeholders.
_PLACEHOLDER_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_DEFAULT_TEXT_WIDTH = 9070  # A4 with 2.5 cm margins, when the reference gives no page size


def prepare(reference: Reference) -> Skeleton:
    """Return the skeleton of ``reference`` (see ``skeleton``)."""
    document, styles = open_document(reference)
    bullet_abstract, ordered_abstract, numbering_part = _add_list_definitions(document)
    headers = _add_header_and_footer(document, styles, reference.page_numbers)
    _clear_properties(document)
    package = document.part.package
    core = next(part for part in package.parts if part.content_type == CT.OPC_CORE_PROPERTIES)
    return Skeleton(
        parts=_serialize(document),
        document=document.part.partname.membername,
        numbering=numbering_part.partname.membername,
        headers=headers,
        core=core.partname.membername,
        style_ids=dict(styles.ids),
        table_grid_id=styles.table_grid_id,
        text_width=_text_width(document),
        bullet_abstract=bullet_abstract,
        ordered_abstract=ordered_abstract,
    )


def _text_width(document: Document) -> int:
    section = document.sections[-1]
    if section.page_width is None:
        return _DEFAULT_TEXT_WIDTH
    emu = section.page_width - (section.left_margin or 0) - (section.right_margin or 0)
    return int(emu) // 635 if emu > 0 else _DEFAULT_TEXT_WIDTH


def _add_list_definitions(document: Document) -> tuple[int, int, Any]:
    """Add the bullets' and the numbered lists' abstract definitions; return their ids and the part."""
    part = document.part
    try:
        numbering_part = part.part_related_by(RT.NUMBERING)
    except KeyError:
        # python-docx cannot create a numbering part itself (NumberingPart.new is missing).
        numbering_part = NumberingPart(
            PackURI("/word/numbering.xml"),
            CT.WML_NUMBERING,
            parse_xml(f"<w:numbering {nsdecls('w')}/>"),
            part.package,
        )
        part.relate_to(numbering_part, RT.NUMBERING)
    root = cast(NumberingPart, numbering_part).element
    used = [int(value) for value in root.xpath("./w:abstractNum/@w:abstractNumId")]
    bullet_abstract = max(used, default=-1) + 1
    ordered_abstract = bullet_abstract + 1
    # Abstract definitions come before every w:num in the schema.
    first_num = root.find(qn("w:num"))
    for abstract_id, ordered in ((bullet_abstract, False), (ordered_abstract, True)):
        xml = numbering.abstract_xml(abstract_id, ordered).replace(
            "<w:abstractNum ", f"<w:abstractNum {nsdecls('w')} ", 1
        )
        definition = parse_xml(xml)
        if first_num is None:
            root.append(definition)
        else:
            first_num.addprevious(definition)
    return bullet_abstract, ordered_abstract, numbering_part


def _has_content(part: _Header | _Footer) -> bool:
    if part.is_linked_to_previous:
        return False  # no definition of its own: nothing to keep
    xml = part._element
    return bool(xml.xpath(".//w:t[normalize-space(.) != '']|.//w:drawing|.//w:pict|.//w:fldSimple"))


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """Append a simple field (``PAGE``, ``NUMPAGES``): Word and LibreOffice compute it on layout."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_number(paragraph: Paragraph) -> None:
    paragraph.add_run("Page ")
    _add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" sur ")
    _add_field(paragraph, "NUMPAGES", "1")


def _numbers_pages(part: _Footer) -> bool:
    xml = part._element
    instructions = xml.xpath(".//w:fldSimple/@w:instr") + [
        text.text or "" for text in xml.xpath(".//w:instrText")
    ]
    return any(instruction.split()[:1] == ["PAGE"] for instruction in instructions if instruction.split())


def _add_header_and_footer(document: Document, styles: Styles, page_numbers: bool = True) -> tuple[str, ...]:
    """Give every section whose reference left them empty our header and footer.

    A footer of the reference's own keeps its content; « Page N sur M » is added after it (once
    per footer part, however many sections share it) unless ``page_numbers`` is false. Return the
    header parts whose first paragraph is to receive the association's name.
    """
    numbered: set[str] = set()
    headers: list[str] = []
    for section in document.sections:
        header = section.header
        if not _has_content(header):
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            paragraph.style = styles.paragraph["Header"]
            name = header.part.partname.membername
            if name not in headers:
                headers.append(name)
        footer = section.footer
        if not _has_content(footer):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph.style = styles.paragraph["Footer"]
            if page_numbers:
                _page_number(paragraph)
        elif page_numbers and not footer.is_linked_to_previous:
            name = footer.part.partname.membername
            if name not in numbered and not _numbers_pages(footer):
                paragraph = footer.add_paragraph(style=styles.paragraph["Footer"])
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _page_number(paragraph)
            numbered.add(name)
    return tuple(headers)


def _clear_properties(document: Document) -> None:
    """Write every core property a document fills in, and clear the reference owner's ones."""
    properties = document.core_properties
    properties.title = ""
    properties.author = ""
    properties.last_modified_by = ""
    properties.created = _PLACEHOLDER_DATE
    properties.modified = _PLACEHOLDER_DATE
    properties.last_printed = _PLACEHOLDER_DATE
    properties.revision = 1
    properties.language = "fr-FR"
    # An advisor's reference document brings its own metadata: none of it describes our documents.
    for text_property in ("subject", "keywords", "category", "comments", "content_status", "identifier"):
        setattr(properties, text_property, "")
    properties.version = ""


class _Collector:
    """The writer ``PackageWriter`` writes to: keeps each zip member's bytes, in order."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.parts[pack_uri.membername] = blob


def _serialize(document: Document) -> dict[str, bytes]:
    """Return every part's bytes as python-docx saves them, in its order.

    What ``PackageWriter.write`` does, with our collector instead of python-docx's zip writer:
    ``[Content_Types].xml`` first, as Office writes it, then the package's relationships, then
    every part and its relationships. Its helpers are typed for python-docx's writer.
    """
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    collector = _Collector()
    steps: Any = PackageWriter
    steps._write_content_types_stream(collector, parts)
    steps._write_pkg_rels(collector, package.rels)
    steps._write_parts(collector, parts)
    return collector.parts
