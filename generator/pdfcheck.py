"""Check a PDF's pages: every form with a receipt printed whole on one page.

The DOCX layout is estimated (``docx.fit``); LibreOffice lays it out for real. Once a PDF is made,
its text is read back per page with ``pdftotext`` (poppler) and each page of the Markdown that
holds a receipt (the blocks between two page breaks, with a ``coupon`` marker) is looked for: its
heading and its last line must be on the same page. A page that does not hold is a warning naming
the PDF pages, never silence; without ``pdftotext`` there is nothing to read and nothing is said.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

_BREAK = "<!-- saut-de-page -->"
_COUPON = "<!-- coupon -->"
_ESCAPE = re.compile(r"\\(.)")
_RULE = re.compile(r"\|?[\s:|-]*-[\s:|-]*\|?")  # a table's header separator, « |---|---| »
_LOOSE = re.compile(r"[\s\-\u00a0\u202f\u00ad]+")
TIMEOUT_SECONDS = 60


@dataclass(frozen=True, slots=True)
class FormPage:
    """A page of the Markdown that must print on one page: its heading and its last line."""

    heading: str
    last: str


def _plain(line: str) -> str:
    text = line.strip().strip("|").strip()
    text = text.lstrip("#").strip()
    text = _ESCAPE.sub(r"\1", text.replace("**", ""))
    return "".join(char if char.isprintable() else " " for char in text)  # it reaches a terminal


def _loose(text: str) -> str:
    """Drop spaces and hyphens: justified text wraps and hyphenates differently in the PDF."""
    return _LOOSE.sub("", text)


def form_pages(markdown: str) -> list[FormPage]:
    """Return the pages of a Markdown document that hold a receipt."""
    found = []
    for segment in markdown.split(_BREAK):
        if _COUPON not in segment:
            continue
        lines = [
            line
            for line in segment.splitlines()
            if line.strip() and not line.startswith("<!--") and not _RULE.fullmatch(line.strip())
        ]
        headings = [line for line in lines if line.startswith("## ")]
        if headings and lines:
            found.append(FormPage(_plain(headings[0]), _plain(lines[-1])))
    return found


def page_texts(data: bytes) -> list[str] | None:
    """Return the text of each page of a PDF, or ``None`` when ``pdftotext`` is not installed."""
    import subprocess  # noqa: PLC0415  (only when a PDF is checked)

    program = shutil.which("pdftotext")
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="cpts-pages-") as work:
        source = Path(work) / "document.pdf"
        source.write_bytes(data)
        try:
            done = subprocess.run(
                [program, "-enc", "UTF-8", str(source), "-"],
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
    if done.returncode != 0:
        return None
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def check(name: str, markdown: str, pages: list[str]) -> list[str]:
    """Return a French warning for each receipt page of ``markdown`` not printed whole in ``pages``."""
    loose_pages = [_loose(page) for page in pages]
    warnings = []
    start = 0
    for form in form_pages(markdown):
        heading, last = _loose(form.heading), _loose(form.last)
        first = next((i for i in range(start, len(pages)) if heading in loose_pages[i]), None)
        if first is None:
            warnings.append(f"{name} : la page « {form.heading} » est introuvable dans le PDF")
            continue
        end = next((i for i in range(first, len(pages)) if last in loose_pages[i]), first)
        if end != first:
            warnings.append(
                f"{name} : la page « {form.heading} » s'étend sur les pages {first + 1} à {end + 1} "
                "du PDF : son reçu sera coupé ; réduisez les marges, l'en-tête ou la taille du texte "
                "du modèle Word"
            )
        start = end + 1
    return warnings


def numbered(name: str, pages: list[str]) -> list[str]:
    """Return a French warning when a page of ``pages`` does not print « Page N sur M »."""
    total = len(pages)
    missing = [
        i + 1 for i, page in enumerate(pages) if _loose(f"Page {i + 1} sur {total}") not in _loose(page)
    ]
    if not missing:
        return []
    listed = ", ".join(str(number) for number in missing[:10]) + (" …" if len(missing) > 10 else "")
    return [
        f"{name} : {'la page' if len(missing) == 1 else 'les pages'} {listed} sur {total} ne "
        f"{'porte' if len(missing) == 1 else 'portent'} pas « Page N sur {total} » : le pied de page "
        "du modèle Word l'a-t-il remplacé ?"
    ]
