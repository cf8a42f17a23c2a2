"""The printed pages of the filed documents, read in the DOCX XML: room to sign, blocks kept together.

A signature block gives every signer 2.5 cm or more under the name; a grid with a « Signature »
column gives it 4 cm of width and each row its height; the paragraphs leading to the signatures
keep with them, so that they never open a page alone; the bulletin, handed out form by form,
numbers no page.
"""

import datetime as dt
import io
from functools import cache
from pathlib import Path

import docx
import pytest
from _docx_expectations import markers
from docx.oxml.ns import qn

from generator import api
from generator.docx import reference
from generator.docx.convert import DocumentInfo, to_docx
from generator.docx.widths import SIGNATURE_COLUMN
from generator.render import DOCUMENTS

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
