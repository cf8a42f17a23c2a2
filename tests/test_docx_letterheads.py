"""Advisors' letterheads: a Word template (.dotx), an OpenDocument file (.odt), a footer of their own.

The letterheads are built here from the shipped reference with python-docx (a header with the
URPS's name, a footer with its address); the .dotx is the same package with the template's content
type, and the .odt is made from it by LibreOffice. The statuts keep « Page N sur M » beside the
letterhead's footer unless ``--sans-numero-de-page``; the bulletin keeps one page per collège.
"""

import io
import os
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Pt

from generator import api, pdf, pdfcheck
from generator.cli import cli
from generator.docx import reference
from generator.errors import UnreadableInputError
from generator.resources import reference_docx_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cpts-avecsante.yaml"
WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
ADDRESS = "URPS Médecins libéraux, 12 rue des Lices, 49100 Angers"
LOGO = "URPS ML Pays de la Loire"

needs_libreoffice = pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice n'est pas installé")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext n'est pas installé")


def letterhead_docx(path, page_field=False):
    """A letterhead: the URPS's name in large letters in the header, its address in the footer."""
    document = docx.Document(str(reference_docx_path()))
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = LOGO
    header.runs[0].font.size = Pt(20)
    section.header.add_paragraph("Union régionale des professionnels de santé")
    footer = section.footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = ADDRESS
    if page_field:
        field = footer.add_paragraph()._p
        field.append(
            docx.oxml.parse_xml(
                '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                'w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
            )
        )
    document.save(str(path))
    return path


def as_template(source, target):
    """The same package as a Word template: only the main part's content type differs."""
    output = io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(WORD_MAIN, TEMPLATE_MAIN)
            copy.writestr(name, data)
    target.write_bytes(output.getvalue())
    return target


@cache
def folder():
    import tempfile

    return Path(tempfile.mkdtemp(prefix="cpts-test-entetes-"))


@cache
def dotx():
    return as_template(letterhead_docx(folder() / "entete.docx"), folder() / "entete.dotx")


@cache
def odt(kind="odt"):
    """The letterhead saved as an OpenDocument text (.odt) or template (.ott) by LibreOffice."""
    work = folder()
    dotx()  # writes entete.docx
    subprocess.run(
        [
            pdf.find_soffice(),
            f"-env:UserInstallation={(work / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            str(work),
            str(work / "entete.docx"),
        ],
        capture_output=True,
        check=True,
        timeout=180,
        env={**os.environ, "HOME": str(work)},
    )
    return work / f"entete.{kind}"


def footer_text(data):
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.sections[0].footer.paragraphs], document


def footer_xml(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(
            archive.read(name).decode() for name in archive.namelist() if name.startswith("word/footer")
        )


def test_a_word_template_is_read_as_the_document_it_creates():
    loaded = reference.load(dotx())
    with zipfile.ZipFile(io.BytesIO(loaded.data)) as archive:
        types = archive.read("[Content_Types].xml")
    assert WORD_MAIN in types
    assert TEMPLATE_MAIN not in types


def test_a_letterhead_footer_keeps_its_content_and_gets_the_page_numbers():
    data = api.render_bundle(api.load_answers(EXAMPLE), ["statuts"], ("docx",), dotx())["statuts.docx"]
    texts, document = footer_text(data)
    assert texts[0] == ADDRESS
    assert texts[-1] == "Page  sur "  # around the fields, which Word and LibreOffice compute
    assert document.sections[0].header.paragraphs[0].text.startswith(LOGO)
    xml = footer_xml(data)
    assert 'w:instr=" PAGE "' in xml
    assert 'w:instr=" NUMPAGES "' in xml


def test_sans_numero_de_page_leaves_the_letterhead_footer_as_it_is(tmp_path):
    out = tmp_path / "sortie"
    result = CliRunner().invoke(
        cli,
        [
            *("render", str(EXAMPLE), "-o", str(out), "--documents", "statuts", "--format", "docx"),
            *("--modele-word", str(dotx()), "--sans-numero-de-page"),
        ],
    )
    assert result.exit_code == 0, result.output
    data = (out / "statuts.docx").read_bytes()
    assert footer_text(data)[0] == [ADDRESS]
    assert "PAGE" not in footer_xml(data)


def test_a_footer_that_numbers_its_pages_is_not_numbered_twice(tmp_path):
    path = letterhead_docx(tmp_path / "numerote.docx", page_field=True)
    data = api.render_bundle(api.load_answers(EXAMPLE), ["statuts"], ("docx",), path)["statuts.docx"]
    assert footer_xml(data).count('w:instr=" PAGE "') == 1
    assert "NUMPAGES" not in footer_xml(data)


@pytest.mark.parametrize("page_field", [False, True], ids=["adresse", "adresse-et-numero"])
def test_a_letterhead_bulletin_keeps_its_footer_but_numbers_no_page(tmp_path, page_field):
    # A form is handed out alone: neither our « Page N sur M » nor the letterhead's own page
    # number, but the letterhead's address stays; the statuts keep theirs.
    path = letterhead_docx(tmp_path / "entete.docx", page_field=page_field)
    model = api.load_answers(EXAMPLE)
    files = api.render_bundle(model, ["statuts", "bulletin-adhesion"], ("docx",), path)
    texts, _ = footer_text(files["bulletin-adhesion.docx"])
    assert texts[0] == ADDRESS
    assert "PAGE" not in footer_xml(files["bulletin-adhesion.docx"])
    assert 'w:instr=" PAGE "' in footer_xml(files["statuts.docx"])


def test_an_opendocument_letterhead_without_libreoffice_is_refused_clearly(tmp_path, monkeypatch):
    path = tmp_path / "entete.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    empty = tmp_path / "vide"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(pdf.SOFFICE_VARIABLE, raising=False)
    with pytest.raises(UnreadableInputError) as error:
        reference.load(path)
    message = str(error.value)
    assert message.startswith(f"{path} : modèle Word inutilisable (un document OpenDocument")
    assert "LibreOffice" in message
    assert "KeyError" not in message


@needs_libreoffice
@pytest.mark.parametrize("kind", ["odt", "ott"])
def test_an_opendocument_letterhead_is_converted_by_libreoffice(kind):
    source = odt(kind)
    with zipfile.ZipFile(source) as archive:
        assert archive.read("mimetype").decode().startswith("application/vnd.oasis.opendocument.text")
    data = api.render_bundle(api.load_answers(EXAMPLE), ["statuts"], ("docx",), source)["statuts.docx"]
    texts, document = footer_text(data)
    assert ADDRESS in texts
    assert texts[-1] == "Page  sur "
    assert LOGO in document.sections[0].header.paragraphs[0].text


@needs_libreoffice
@needs_pdftotext
@pytest.mark.parametrize("kind", ["dotx", "odt"])
def test_on_a_letterhead_the_statuts_are_numbered_and_the_forms_whole(kind):
    source = dotx() if kind == "dotx" else odt()
    model = api.load_answers(EXAMPLE)
    notes = []
    files = api.render_bundle(model, ["statuts", "bulletin-adhesion"], ("md", "pdf"), source, notes)
    assert notes == []
    statuts = pdfcheck.page_texts(files["statuts.pdf"])
    assert len(statuts) > 3
    assert all(ADDRESS in page for page in statuts)
    assert f"Page 1 sur {len(statuts)}" in statuts[0]
    assert f"Page {len(statuts)} sur {len(statuts)}" in statuts[-1]
    bulletin = pdfcheck.page_texts(files["bulletin-adhesion.pdf"])
    assert len(bulletin) == len(model.colleges) + 1
    markdown = files["bulletin-adhesion.md"].decode("utf-8")
    assert pdfcheck.check("bulletin-adhesion.pdf", markdown, bulletin) == []
