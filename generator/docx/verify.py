"""Check that a DOCX we are about to publish reopens: a sound zip whose XML parts all parse.

A bundle is moved into place only after every DOCX passes, so a converter bug can never leave a
file that Word refuses to open in the advisor's folder. This reads what Word reads first (the zip
directory, the CRC of each entry, the content types, relationships and XML parts) with lxml, which
is faster than reopening the whole document with python-docx and fails on the same faults.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

from generator.errors import InternalError

REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def reopen(name: str, data: bytes) -> None:
    """Raise ``InternalError`` naming the document if ``data`` is not a DOCX that reopens."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            missing = [part for part in REQUIRED_PARTS if part not in names]
            if missing:
                raise InternalError(f"{name} : le document Word produit n'a pas {', '.join(missing)}")
            for part in sorted(names):
                content = archive.read(part)  # checks the entry's CRC
                if part.endswith((".xml", ".rels")):
                    etree.fromstring(content)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, EOFError, ValueError) as exc:
        raise InternalError(f"{name} : le document Word produit ne se rouvre pas ({exc})") from exc
