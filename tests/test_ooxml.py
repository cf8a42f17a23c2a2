"""The body's XML written as text: the same bytes lxml writes, and well placed in any reference."""

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from generator.docx import ooxml

W = ooxml.W_NAMESPACE
DECLARED = f'xmlns:w="{W}"'
# Every character XML 1.0 allows (lxml refuses the others, and the YAML loader too).
XML_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=["Cs"], blacklist_characters=[chr(c) for c in range(32)] + ["\ufffe", "\uffff"]
    )
    | st.sampled_from(["\t", "\n", "\r", " ", "&", "<", ">", '"', "'", "]", "\u00a0"]),
    max_size=40,
)


def _parse(xml: str):
    return etree.fromstring(f"<w:holder {DECLARED}>{xml}</w:holder>".encode())


@given(XML_TEXT, st.booleans(), st.booleans(), st.sampled_from([None, "Courier New", 'a"b&c']))
def test_a_run_is_what_lxml_would_write_and_reads_back_as_its_text(text, bold, italic, font):
    xml = ooxml.run_xml(text, bold, italic, font)
    holder = _parse(xml)
    # lxml writes the parsed run back byte for byte: our escaping is lxml's.
    assert etree.tostring(holder[0], encoding="unicode").replace(f" {DECLARED}", "") == xml
    read = ""
    for child in holder[0]:
        tag = child.tag.split("}")[1]
        read += {"t": child.text or "", "tab": "\t", "br": "\n"}.get(tag, "")
    assert read == text.replace("\r", "\n")
    if font is not None:
        assert holder[0].find(f"{{{W}}}rPr/{{{W}}}rFonts").get(f"{{{W}}}ascii") == font


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF), min_size=1, max_size=20))
def test_a_style_identifier_is_escaped_as_an_attribute(style):
    body = ooxml.Body()
    ooxml.paragraph(body, style)
    ooxml.table(body, style, False, [100])
    holder = _parse(body.xml())
    assert holder[0].find(f"{{{W}}}pPr/{{{W}}}pStyle").get(f"{{{W}}}val") == style
    assert holder[1].find(f"{{{W}}}tblPr/{{{W}}}tblStyle").get(f"{{{W}}}val") == style


def _body_texts(document: bytes) -> list[str]:
    root = etree.fromstring(document)
    body = root.find(f"{{{W}}}body")
    return [etree.QName(child).localname + ":" + "".join(child.itertext()) for child in body]


def _sample_body() -> ooxml.Body:
    body = ooxml.Body()
    ooxml.run(ooxml.paragraph(body, "Title"), "Statuts")
    ooxml.run(ooxml.cell(ooxml.row(ooxml.table(body, None, True, [100])), 100), "case")
    return body


def test_the_body_goes_before_the_section_properties_of_the_prepared_reference():
    document = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<w:document {DECLARED}>"
        '<w:body><w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>'
    ).encode()
    assert _body_texts(ooxml.fill(document, _sample_body())) == ["p:Statuts", "tbl:case", "sectPr:"]


def test_an_empty_body_and_another_prefix_are_filled_too():
    empty = f"<w:document {DECLARED}><w:body/></w:document>".encode()
    assert _body_texts(ooxml.fill(empty, _sample_body())) == ["p:Statuts", "tbl:case"]
    # A reference written by another tool may name the main namespace otherwise: lxml moves the
    # blocks in, with the document's own prefix.
    other = (f'<x:document xmlns:x="{W}"><x:body><x:sectPr/></x:body></x:document>').encode()
    filled = ooxml.fill(other, _sample_body())
    assert _body_texts(filled) == ["p:Statuts", "tbl:case", "sectPr:"]
    assert b"<x:p>" in filled
