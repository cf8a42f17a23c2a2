"""Page furniture: the header with the association's name and the footer « Page N sur M ».

A reference document that brings its own header or footer (an URPS letterhead) keeps it; an empty
one gets ours. Page numbers are fields, so Word and LibreOffice number the pages themselves.
"""

from __future__ import annotations

from docx.document import Document
from docx.section import _Footer, _Header

from generator.docx.ooxml import add_field
from generator.docx.reference import Styles


def _has_content(part: _Header | _Footer) -> bool:
    if part.is_linked_to_previous:
        return False  # no definition of its own: nothing to keep
    xml = part._element
    return bool(xml.xpath(".//w:t[normalize-space(.) != '']|.//w:drawing|.//w:pict|.//w:fldSimple"))


def add_header_and_footer(document: Document, styles: Styles, header_text: str) -> None:
    """Write the header and footer of every section whose reference left them empty."""
    for section in document.sections:
        header = section.header
        if not _has_content(header):
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            paragraph.style = styles.paragraph["Header"]
            paragraph.add_run(header_text)
        footer = section.footer
        if not _has_content(footer):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            paragraph.style = styles.paragraph["Footer"]
            paragraph.add_run("Page ")
            add_field(paragraph, "PAGE", "1")
            paragraph.add_run(" sur ")
            add_field(paragraph, "NUMPAGES", "1")
