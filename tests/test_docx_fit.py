"""A bulletin's forms stay one page each, receipt included, whatever the advisor's letterhead.

The reference variants of the issue are built here from the shipped reference with python-docx:
body text at 11 pt, a 4.5 cm top margin, and 3 cm with 11 pt. The PDF checks convert every
example's bulletin on every variant in one LibreOffice run and read the pages back with pdftotext.
"""

import io
import shutil
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Cm, Pt

from generator import api, pdf, pdfcheck
from generator.cli import cli
from generator.docx import convert, fit, page, reference, skeleton
from generator.resources import reference_docx_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
VARIANTS = {"corps-11pt": (11, None), "marge-haute-4,5cm": (None, 4.5), "marge-3cm-11pt": (11, 3.0)}
BULLETIN = "bulletin-adhesion"


def make_reference(folder, size=None, top=None, name="modele.docx"):
    document = docx.Document(str(reference_docx_path()))
    if size is not None:
        document.styles["Normal"].font.size = Pt(size)
    if top is not None:
        for section in document.sections:
            section.top_margin = Cm(top)
    path = folder / name
    document.save(str(path))
    return path


@cache
def variant_folder():
    import tempfile

    return Path(tempfile.mkdtemp(prefix="cpts-test-fit-"))


@cache
def variant(name):
    size, top = VARIANTS[name]
    return make_reference(variant_folder(), size, top, f"{name}.docx")


def bulletin_docx(example, reference_path, notes=None):
    model = api.load_answers(example)
    return api.render_bundle(model, [BULLETIN], ("md", "docx"), reference_path, notes)


def document_xml(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_the_geometry_reads_the_page_margins_and_body_size(tmp_path):
    default = page.of(skeleton.of(reference.load(None)))
    larger = page.of(skeleton.of(reference.load(make_reference(tmp_path, size=11, name="a.docx"))))
    lower = page.of(skeleton.of(reference.load(make_reference(tmp_path, top=4.5, name="b.docx"))))
    assert default.metrics(None).size == 21  # the shipped reference's 10.5 pt
    assert larger.metrics(None).size == 22
    assert larger.usable_height == default.usable_height
    # 4.5 cm instead of 2 cm: 2.5 cm (1417 twips) less for the body.
    assert default.usable_height - lower.usable_height == pytest.approx(1417, abs=2)


def test_a_tall_header_takes_room_from_the_body(tmp_path):
    document = docx.Document(str(reference_docx_path()))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    for line in range(8):
        header.add_paragraph(f"URPS ligne {line}")
    path = tmp_path / "entete.docx"
    document.save(str(path))
    default = page.of(skeleton.of(reference.load(None)))
    tall = page.of(skeleton.of(reference.load(path)))
    assert tall.usable_height < default.usable_height - 8 * 200


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_default_reference_leaves_forms_as_they_are(example):
    notes = []
    data = bulletin_docx(example, None, notes)[f"{BULLETIN}.docx"]
    assert notes == []
    assert "<w:sz " not in document_xml(data)  # nothing shrunk


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_larger_or_lower_page_tightens_the_forms_without_warning(name):
    notes = []
    default = document_xml(bulletin_docx(EXAMPLES[0], None)[f"{BULLETIN}.docx"])
    tightened = document_xml(bulletin_docx(EXAMPLES[0], variant(name), notes)[f"{BULLETIN}.docx"])
    assert notes == []
    assert tightened != default


def test_a_page_too_small_for_a_form_is_said_before_writing(tmp_path):
    small = make_reference(tmp_path, top=14, name="petit.docx")
    out = tmp_path / "sortie"
    result = CliRunner().invoke(
        cli,
        [
            "render",
            str(EXAMPLES[0]),
            "-o",
            str(out),
            "--documents",
            BULLETIN,
            "--format",
            "docx",
            "--modele-word",
            str(small),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "cpts : avertissement : bulletin-adhesion.docx : la page « Collège" in result.stderr
    assert "ne tient pas sur une page" in result.stderr
    assert result.stderr.index("avertissement") < result.output.index("écrit")


def test_the_estimate_fits_the_tightest_step_last():
    geometry = page.of(skeleton.of(reference.load(None)))
    steps = fit._steps(geometry)
    assert steps[0] == fit.Tightness()
    assert steps[-1].shrink == geometry.metrics(None).size - fit.MIN_SIZE


def test_the_pdf_check_names_the_pages_of_a_split_receipt():
    markdown = (
        "# Bulletin\n\n## Collège A\n\ntexte\n\n<!-- coupon -->\n\n**Reçu.** A\n\n| Dr Jean Dupont |\n|---|\n"
        "\n<!-- saut-de-page -->\n\n## Collège B\n\n<!-- coupon -->\n\n| Dr Anne Martin |\n|---|\n"
        "\n<!-- saut-de-page -->\n\n## Données\n\ntexte\n"
    )
    whole = ["Bulletin Collège A texte ✂ Reçu. A Dr Jean Dupont", "Collège B ✂ Dr Anne Mar-\ntin", "Données"]
    assert pdfcheck.check("b.pdf", markdown, whole) == []
    split = ["Bulletin Collège A texte ✂ Reçu.", "A Dr Jean Dupont", "Collège B ✂ Dr Anne Martin", "Données"]
    (warning,) = pdfcheck.check("b.pdf", markdown, split)
    assert warning.startswith("b.pdf : la page « Collège A » s'étend sur les pages 1 à 2 du PDF")


def test_a_finding_outside_every_form_is_not_a_form_page():
    assert pdfcheck.form_pages("# Titre\n\n## Article 1\n\ntexte\n") == []


@cache
def variant_pdfs():
    """Every example's bulletin on every variant, converted in one LibreOffice run."""
    markdown, documents = {}, {}
    for name in VARIANTS:
        for example in EXAMPLES:
            files = bulletin_docx(example, variant(name))
            key = f"{example.stem}--{name}"
            markdown[key] = files[f"{BULLETIN}.md"].decode("utf-8")
            documents[key] = files[f"{BULLETIN}.docx"]
    return markdown, pdf.convert(documents)


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice (soffice) n'est pas installé")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) n'est pas installé")
@pytest.mark.parametrize("name", sorted(VARIANTS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_form_prints_on_one_page_with_its_receipt(example, name):
    markdown, pdfs = variant_pdfs()
    key = f"{example.stem}--{name}"
    pages = pdfcheck.page_texts(pdfs[key])
    colleges = api.load_answers(example).colleges
    forms = pdfcheck.form_pages(markdown[key])
    assert len(forms) == len(colleges)
    assert pdfcheck.check("bulletin.pdf", markdown[key], pages) == []
    # One page per collège, then the notice on personal data (which, complete as RGPD art. 13
    # wants it, may run onto a second page on a letterhead with a smaller text area).
    assert len(pages) > len(colleges)
    assert all("✂" in page for page in pages[: len(colleges)])
    assert not any("✂" in page for page in pages[len(colleges) :])


def test_a_warning_from_the_converter_names_no_raw_control_character():
    notes = []
    markdown = "## A\u0007B\n\n" + "texte " * 4000 + "\n\n<!-- coupon -->\n\nReçu\n"
    convert.to_docx(markdown, reference.load(None), convert.DocumentInfo("x", api.UNDATED), notes)
    assert len(notes) == 1
    assert "\u0007" not in notes[0]
    assert "« A B »" in notes[0]


def _png(width=4, height=4):
    """A tiny valid PNG (grey pixels), written without an imaging library."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_a_logo_in_the_header_takes_its_height_from_the_body(tmp_path):
    document = docx.Document(str(reference_docx_path()))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].add_run().add_picture(io.BytesIO(_png()), height=Cm(3))
    path = tmp_path / "logo.docx"
    document.save(str(path))
    default = page.of(skeleton.of(reference.load(None)))
    with_logo = page.of(skeleton.of(reference.load(path)))
    # A 3 cm logo (1700 twips) below the header's 1 cm edge, where the body started at 2 cm.
    lost = default.usable_height - with_logo.usable_height
    assert 1700 + 567 - 1134 <= lost <= 1700 + 567 - 1134 + 400
    notes = []
    files = api.render_bundle(api.load_answers(EXAMPLES[0]), [BULLETIN], ("docx",), path, notes)
    assert notes == []
    default_xml = document_xml(bulletin_docx(EXAMPLES[0], None)[f"{BULLETIN}.docx"])
    assert document_xml(files[f"{BULLETIN}.docx"]) != default_xml  # the forms were tightened
