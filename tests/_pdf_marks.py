"""What the PDF tests need: LibreOffice to convert and pdftotext to read the pages back."""

import shutil

import pytest

from generator import pdf

NEEDS_PDF_TOOLS = [
    pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice (soffice) n'est pas installé"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) n'est pas installé"
    ),
]
