"""The printed pages of the filed documents, read in the DOCX XML: room to sign, blocks kept together.

A signature block gives every signer 2.5 cm or more under the name; a grid with a « Signature »
column gives it 4 cm of width and each row its height; the paragraphs leading to the signatures
keep with them, so that they never open a page alone; the bulletin, handed out form by form,
numbers no page.
"""

import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from _docx_expectations import markers
from docx.oxml.ns import qn

from generator import api
from generator.docx import footer, reference
from generator.docx.convert import DocumentInfo, to_docx
from generator.docx.widths import SIGNATURE_COLUMN
from generator.render import DOCUMENTS, applicable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
INFO = DocumentInfo("CPTS d'essai", dt.date(2024, 6, 20))
CM = 567  # twentieths of a point in a centimetre
ROOM_TO_SIGN = round(2.5 * CM)


@cache
def bundle(example):
    return api.render_bundle(api.load_answers(example), formats=("md", "docx"))


def read(data):
    return docx.Document(io.BytesIO(data))


def row_height(row):
    height = row._tr.trPr.find(qn("w:trHeight")) if row._tr.trPr is not None else None
    return int(height.get(qn("w:val"))) if height is not None else 0


def is_borderless(table):
    found = table._tbl.tblPr.find(qn("w:tblBorders"))
    return found is not None and {child.get(qn("w:val")) for child in found} == {"none"}


def signature_blocks(files, name):
    """The tables written after a « signatures » marker, in order."""
    found = [m for m in markers(files[f"{name}.md"].decode("utf-8")) if m in ("signatures", "formulaire")]
    borderless = [t for t in read(files[f"{name}.docx"]).tables if is_borderless(t)]
    assert len(found) == len(borderless)
    return [table for kind, table in zip(found, borderless, strict=True) if kind == "signatures"]


def grid_with_signature_column(document):
    return [t for t in document.tables if not is_borderless(t) and t.rows[0].cells[-1].text == "Signature"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_signature_block_gives_room_to_sign(example):
    files = bundle(example)
    checked = 0
    for name in DOCUMENTS:
        if f"{name}.md" not in files:
            continue
        for table in signature_blocks(files, name):
            checked += 1
            assert row_height(table.rows[-1]) >= ROOM_TO_SIGN, name
            if table.rows[0].cells[-1].text == "Signature":  # the requête: one row per signer
                assert all(row_height(row) >= ROOM_TO_SIGN for row in table.rows[1:]), name
                assert row_height(table.rows[0]) == 0, name
    # Statuts, RI, PV (and its feuille de présence), first CA, liste, bulletin (form and receipt).
    assert checked >= 7


def test_the_requete_gives_each_member_of_the_direction_room_to_sign():
    files = bundle(ROOT / "examples" / "cpts-moselle-droit-local.yaml")
    [table] = signature_blocks(files, "requete-inscription")
    assert [cell.text for cell in table.rows[0].cells] == ["Fonction", "Nom et prénoms", "Signature"]
    assert len(table.rows) > 2
    assert [row_height(row) >= ROOM_TO_SIGN for row in table.rows] == [False] + [True] * (len(table.rows) - 1)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_attendance_sheet_has_a_signature_column_4_cm_wide(example):
    document = read(bundle(example)["pv-ag-constitutive.docx"])
    [sheet] = grid_with_signature_column(document)
    grid = [int(col.get(qn("w:w"))) for col in sheet._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[-1] >= 4 * CM - 5
    cells = [int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for cell in sheet.rows[1].cells]
    assert cells == grid  # Word reads the cells' widths, LibreOffice the grid
    assert all(row_height(row) >= round(1.5 * CM) for row in sheet.rows[1:])
    assert row_height(sheet.rows[0]) == 0


def test_a_signature_column_is_wide_even_when_a_row_has_a_dash_and_the_others_long_texts():
    long = "Collège des structures sanitaires, médico-sociales et sociales"
    rows = "".join(f"| Membre {n} | {long} | présent | {long} | {'—' if n % 2 else ''} |\n" for n in range(4))
    markdown = "| Membre | Collège | Présence | Signataire | Signature |\n|---|---|---|---|---|\n" + rows
    document = read(to_docx(markdown, reference.load(), INFO))
    table = document.tables[0]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[-1] >= SIGNATURE_COLUMN >= 4 * CM
    assert sum(grid) == 9070
    assert all(row_height(row) >= round(1.5 * CM) for row in table.rows[1:])


def grid_of(header):
    body = "| Dr Guillaume Perrin | Collège des professionnels de santé | présent | Dr Guillaume Perrin |"
    markdown = f"| Membre | Collège | Présence | {header} |\n|---|---|---|---|\n{body}\n"
    table = read(to_docx(markdown, reference.load(), INFO)).tables[0]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    return grid, row_height(table.rows[1])


def test_a_column_whose_header_only_starts_like_signature_is_not_one():
    assert grid_of("Signataire") == grid_of("Mandataire")
    grid, height = grid_of("Signataire")
    assert height == 0
    signature, height = grid_of("Signature")
    assert signature[-1] >= SIGNATURE_COLUMN
    assert signature[-1] > grid[-1]  # a blank column to sign in gets more than a column of names
    assert signature != grid
    assert height >= round(1.5 * CM)


def keeps(paragraphs):
    return [bool(p.paragraph_format.keep_with_next) for p in paragraphs]


def row_keeps(row):
    return all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)


PVS = [
    (example, name)
    for example in EXAMPLES
    for name in ("pv-ag-constitutive", "pv-premier-ca")
    if applicable(name, api.load_answers(example))
]


@pytest.mark.parametrize(("example", "name"), PVS, ids=[f"{e.stem}-{n}" for e, n in PVS])
def test_the_closing_block_of_a_pv_comes_with_the_text_above_it(example, name):
    files = bundle(example)
    document = read(files[f"{name}.docx"])
    body = document.element.body
    blocks = [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]
    texts = ["".join(t.text or "" for t in block.iter(qn("w:t"))) for block in blocks]
    closing = next(i for i, text in enumerate(texts) if text.startswith("Clôture"))
    fait_a = next(i for i in range(closing, len(texts)) if texts[i].startswith("Fait à"))
    assert blocks[fait_a + 1].tag == qn("w:tbl")  # the signatures
    for block in blocks[closing : fait_a + 1]:
        assert block.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None or block is blocks[closing]
    # The block above the heading comes too: a paragraph, or a table's last row.
    above = blocks[closing - 1]
    if above.tag == qn("w:tbl"):
        above = above.findall(qn("w:tr"))[-1].find(f".//{qn('w:p')}")
    assert above.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_last_officer_of_the_liste_comes_with_the_signatures(example):
    document = read(bundle(example)["liste-dirigeants.docx"])
    officers = [t for t in document.tables if not is_borderless(t)][-1]
    rows = officers.rows
    assert row_keeps(rows[-1])
    continued = rows[-1].cells[0].text[:1].islower()  # « représentée par » continues the row above
    assert row_keeps(rows[-2]) == continued
    certified = next(p for p in document.paragraphs if p.text.startswith(("Certifiée", "Fait à")))
    assert certified.paragraph_format.keep_with_next


def test_a_row_that_continues_the_one_above_brings_it_along():
    markdown = (
        "| Fonction | Nom |\n|---|---|\n| Président | A |\n| Trésorier | Maison de santé |\n"
        "| représentée par | B |\n\nCertifiée conforme.\n\n"
        "<!-- signatures -->\n\n| Le président |\n|---|\n| A |\n"
    )
    table = read(to_docx(markdown, reference.load(), INFO)).tables[0]
    assert [row_keeps(row) for row in table.rows] == [False, False, True, True]
    # With a note between the list and « Fait à », the last row still comes along.
    noted = markdown.replace("Certifiée conforme.", "Les cases en blanc sont à compléter.\n\nFait à Lille.")
    table = read(to_docx(noted, reference.load(), INFO)).tables[0]
    assert [row_keeps(row) for row in table.rows] == [False, False, True, True]


def test_a_heading_above_the_closing_sentence_brings_the_text_above_it():
    markdown = (
        "Premier paragraphe.\n\nDernière résolution adoptée.\n\n## Clôture\n\nLa séance est levée.\n\n"
        "Fait à Lille.\n\n<!-- signatures -->\n\n| Le président |\n|---|\n| X |\n"
    )
    document = read(to_docx(markdown, reference.load(), INFO))
    assert keeps(document.paragraphs[:5]) == [False, True, True, True, True]
    # Without a heading, the paragraph above « Fait à » comes alone.
    document = read(to_docx(markdown.replace("## Clôture\n\n", ""), reference.load(), INFO))
    assert keeps(document.paragraphs[:4]) == [False, False, True, True]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_bulletin_numbers_no_page_and_the_other_documents_do(example):
    files = bundle(example)
    assert "PAGE" not in docx_footers(files["bulletin-adhesion.docx"])
    assert "Bulletin" in read(files["bulletin-adhesion.docx"]).paragraphs[0].text
    for name in ("statuts", "reglement-interieur", "pv-ag-constitutive", "liste-dirigeants"):
        xml = docx_footers(files[f"{name}.docx"])
        assert 'w:instr=" PAGE "' in xml and 'w:instr=" NUMPAGES "' in xml, name


def docx_footers(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = footer.footer_parts(
            {name: archive.read(name) for name in archive.namelist()}, "word/document.xml"
        )
        assert names
        return "".join(archive.read(name).decode() for name in names)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    ("paragraph", "emptied"),
    [
        (
            '<w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t>'
            '</w:r></w:fldSimple><w:r><w:t xml:space="preserve"> sur </w:t></w:r>'
            '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>5</w:t></w:r></w:fldSimple>',
            True,
        ),
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> / 4</w:t></w:r>',
            True,
        ),
        (
            "<w:r><w:t>URPS, 12 rue des Lices, 49100 Angers – page </w:t></w:r>"
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
            False,
        ),
        ("<w:r><w:t>Page de garde</w:t></w:r>", False),
    ],
    ids=["ours", "complex-field", "address-and-number", "no-field"],
)
def test_only_a_paragraph_that_just_numbers_the_pages_is_emptied(paragraph, emptied):
    data = f'<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{paragraph}</w:p></w:ftr>'.encode()
    result = footer.without_page_numbers(data)
    assert (result != data) == emptied
    if emptied:
        assert b"<w:t" not in result and b"fld" not in result
        assert b'<w:pStyle w:val="Footer"/>' in result  # the footer keeps its height
