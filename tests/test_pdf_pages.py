"""The printed pages as LibreOffice lays them out: what keeps together, what a form does not print.

The PV, the PV of the first CA, the liste des dirigeants and the bulletin of every example are
converted in one LibreOffice run and read back per page with pdftotext. Skipped, with the reason,
where LibreOffice or poppler is absent (.ci/run installs both).
"""

import re
from functools import cache
from pathlib import Path

import pytest
from _docx_expectations import tables
from _pdf_marks import NEEDS_PDF_TOOLS

from generator import api, pdf, pdfcheck
from generator.render import applicable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
NAMES = ("pv-ag-constitutive", "pv-premier-ca", "liste-dirigeants", "bulletin-adhesion")
CASES = [
    (example, name) for example in EXAMPLES for name in NAMES if applicable(name, api.load_answers(example))
]

pytestmark = NEEDS_PDF_TOOLS
_LOOSE = re.compile(r"[\s\-\u00a0\u202f\u00ad]+")


def loose(text):
    """Drop spaces and hyphens: table cells and justified text wrap differently in the PDF."""
    return _LOOSE.sub("", text)


@cache
def converted():
    """Return {(example, document): (markdown, pages)}, all converted in one LibreOffice run."""
    markdown = {}
    documents = {}
    for example in EXAMPLES:
        files = api.render_bundle(api.load_answers(example), NAMES, ("md", "docx"))
        for name in [n for n in NAMES if f"{n}.md" in files]:
            markdown[(example, name)] = files[f"{name}.md"].decode("utf-8")
            documents[f"{example.stem}--{name}"] = files[f"{name}.docx"]
    pdfs = pdf.convert(documents)
    return {key: (markdown[key], pdfcheck.page_texts(pdfs[f"{key[0].stem}--{key[1]}"])) for key in markdown}


def page_of(pages, text):
    found = [number for number, page in enumerate(pages) if loose(text) in loose(page)]
    assert found, text
    return found[0]


PV_CASES = [case for case in CASES if case[1].startswith("pv-")]


@pytest.mark.parametrize(("example", "name"), PV_CASES, ids=[f"{e.stem}-{n}" for e, n in PV_CASES])
def test_the_closing_block_of_a_pv_shares_its_page_with_the_text_above(example, name):
    _, pages = converted()[(example, name)]
    closing = page_of(pages, "Clôture")
    page = pages[closing]
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    heading = next(i for i, line in enumerate(lines) if line.startswith("Clôture"))
    # Above the heading: more than the running header (the association's name).
    assert heading >= 2, page
    # The closing sentence, « Fait à » and the signatures are on the heading's page.
    assert "Fait à" in page
    assert page.count("Signature") >= 2, page


LISTES = [example for example, name in CASES if name == "liste-dirigeants"]


@pytest.mark.parametrize("example", LISTES, ids=lambda p: p.stem)
def test_the_liste_last_row_and_its_certification_share_a_page(example):
    markdown, pages = converted()[(example, "liste-dirigeants")]
    officers = [table for table in tables(markdown) if table[0][0] == "Fonction"][-1]
    last = officers[-1]
    signed = page_of(pages, "Signature :")
    # The last officer's function and name, « Certifiée conforme » (or « Fait à ») and the signatures.
    assert loose(last[0]) in loose(pages[signed]), last
    assert loose(last[1])[:12] in loose(pages[signed]), last
    assert re.search(r"Certifiée conforme|Fait à", pages[signed])


BULLETINS = [example for example, name in CASES if name == "bulletin-adhesion"]


@pytest.mark.parametrize("example", BULLETINS, ids=lambda p: p.stem)
def test_a_bulletin_form_prints_no_page_number(example):
    markdown, pages = converted()[(example, "bulletin-adhesion")]
    assert len(pages) > 1
    assert not [page for page in pages if re.search(r"Page \d+ sur \d+", page)]
    assert pdfcheck.check("bulletin-adhesion.pdf", markdown, pages) == []  # and each form is whole
