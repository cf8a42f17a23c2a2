"""Every example's documents open in LibreOffice and convert to PDF with all their titles and articles.

One LibreOffice run converts every document of every example (its start-up costs seconds); the
text is read back with pdftotext. Skipped, with the reason, where LibreOffice or poppler is absent
(.ci/run installs both).
"""

import io
import os
import re
import subprocess
from functools import cache
from pathlib import Path

import docx
import pytest
from _docx_expectations import paragraphs
from _pdf_marks import NEEDS_PDF_TOOLS
from click.testing import CliRunner

from generator import api, pdf
from generator.cli import cli
from generator.labels import college_dans_phrase
from generator.render import DOCUMENTS, applicable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# Every document each example has (the PV of the first CA and the requête only where they apply).
CASES = [
    (example, name)
    for example in EXAMPLES
    for name in DOCUMENTS
    if applicable(name, api.load_answers(example))
]

pytestmark = NEEDS_PDF_TOOLS
_SPACES = re.compile(r"\s+")


def squeeze(text):
    """Drop every space (a title may wrap at a hyphen or a non-breaking space in the PDF)."""
    return _SPACES.sub("", text.replace("\u00a0", " ").replace("\u202f", " "))


def flatten(text):
    """``squeeze`` without hyphens either: justified text is hyphenated at the end of its lines."""
    return squeeze(text).replace("-", "")


@cache
def converted():
    """Return {(example, document): (markdown, pdf bytes)}, all converted in one LibreOffice run."""
    markdown = {}
    documents = {}
    for example in EXAMPLES:
        files = api.render_bundle(api.load_answers(example), formats=("md", "docx"))
        for name in [n for n in DOCUMENTS if f"{n}.md" in files]:
            markdown[(example, name)] = files[f"{name}.md"].decode("utf-8")
            documents[f"{example.stem}--{name}"] = files[f"{name}.docx"]
    pdfs = pdf.convert(documents)
    return {key: (markdown[key], pdfs[f"{key[0].stem}--{key[1]}"]) for key in markdown}


def pdf_text(data, tmp_path):
    source = tmp_path / "document.pdf"
    source.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("example", "name"), CASES, ids=[f"{e.stem}-{n}" for e, n in CASES])
def test_pdf_has_every_title_and_article(example, name, tmp_path):
    markdown, data = converted()[(example, name)]
    assert data.startswith(b"%PDF")
    text = pdf_text(data, tmp_path)
    flat = squeeze(text)
    headings = [
        text
        for style, text in paragraphs(markdown)
        if style in ("Title", "Heading 1", "Heading 2", "Heading 3")
    ]
    assert headings
    if name in {"statuts", "reglement-interieur"}:
        assert sum(1 for h in headings if h.startswith("Article")) >= 10
    missing = [heading for heading in headings if squeeze(heading) not in flat]
    assert missing == []
    # The footer's fields are computed by LibreOffice: « Page 1 sur N » with the real page count;
    # the bulletin, handed out form by form, numbers no page.
    pages = text.count("\f") + (0 if text.endswith("\f") else 1)
    if name == "bulletin-adhesion":
        assert re.search(r"Page \d+ sur \d+", text) is None
    else:
        assert f"Page 1 sur {pages}" in text
        assert f"Page {pages} sur {pages}" in text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_bulletin_prints_one_page_per_college_with_its_receipt(example, tmp_path):
    model = api.load_answers(example)
    _, data = converted()[(example, "bulletin-adhesion")]
    pages = [page for page in pdf_text(data, tmp_path).split("\f") if page.strip()]
    colleges = [college.intitule for college in model.colleges]
    # One page per collège, then the notice on personal data on a page of its own.
    assert len(pages) == len(colleges) + 1
    for number, (intitule, page) in enumerate(zip(colleges, pages, strict=False)):
        flat = flatten(page)
        others = [flatten(other) for other in colleges if other != intitule]
        one_class = len(colleges) == 1 and not model.inter_cpts  # headed without a collège (issue 15)
        assert flatten("Bulletin d’adhésion" if one_class else intitule) in flat, number
        assert not [other for other in others if other in flat], number
        # Its receipt, below the cut line, names the collège and the one who signs for the association.
        receipt = flat.split("✂", 1)[1]
        assert flatten("Reçu. L’association") in receipt, number
        assert flatten("accuse réception de la demande d’adhésion") in receipt, number
        if len(colleges) > 1 or model.inter_cpts:
            assert flatten(college_dans_phrase(intitule)) in receipt, number
        else:  # one class of members (issue 15): the receipt names no collège
            assert flatten("collège") not in receipt, number
        assert flatten("Pour l’association") in receipt, number
    assert flatten("Information sur vos données personnelles") in flatten(pages[-1])
    assert "✂" not in pages[-1]


def test_render_writes_pdf_files(tmp_path):
    out = tmp_path / "b"
    result = CliRunner().invoke(
        cli, ["render", str(EXAMPLES[0]), "-o", str(out), "--format", "pdf", "--documents", "statuts"]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["statuts.pdf"]
    assert (out / "statuts.pdf").read_bytes().startswith(b"%PDF")


def test_a_reference_made_with_libreoffice_works(tmp_path):
    # LibreOffice names and numbers its styles its own way: the styles are found or copied, once.
    page = tmp_path / "entete.html"
    page.write_text("<html><body><h1>Titre</h1><p>Texte</p></body></html>", encoding="utf-8")
    subprocess.run(
        [
            pdf.find_soffice(),
            f"-env:UserInstallation={(tmp_path / 'profil').as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(page),
        ],
        capture_output=True,
        check=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    model = api.load_answers(EXAMPLES[0])
    data = api.render_bundle(model, ["statuts"], ("docx",), tmp_path / "entete.docx")["statuts.docx"]
    document = docx.Document(io.BytesIO(data))
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Normal"} <= used
    ids = [style.style_id for style in document.styles]
    assert len(ids) == len(set(ids))
    assert "Texte" not in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_page_of_the_statuts_shows_its_number(example):
    from generator import pdfcheck

    pages = pdfcheck.page_texts(converted()[(example, "statuts")][1])
    assert len(pages) > 1
    assert pdfcheck.numbered("statuts.pdf", pages) == []


def test_a_page_without_its_number_is_named():
    from generator import pdfcheck

    pages = ["Statuts\nPage 1 sur 3", "Article 2\nPage 2 sur 3", "Article 3\nEn-tête URPS"]
    assert pdfcheck.numbered("statuts.pdf", pages) == [
        "statuts.pdf : la page 3 sur 3 ne porte pas « Page N sur 3 » : le pied de page du modèle "
        "Word l'a-t-il remplacé ?"
    ]
