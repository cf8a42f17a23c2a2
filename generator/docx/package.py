"""Save a document as deterministic bytes: same answers, byte-identical DOCX.

python-docx stamps the zip entries and the core properties with the clock. Here the core
properties are dated from the answers (the constitutive assembly's date), every zip entry gets
that date and fixed attributes, and the entries keep one order (``[Content_Types].xml`` first,
as Office writes it).

The package is written once, straight into that zip: python-docx's ``PackageWriter`` serializes
the parts, in its own order, to a writer of ours that dates each entry (saving with python-docx
and rewriting its zip compressed every part twice).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.document import Document
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter


def set_properties(document: Document, title: str, author: str, date: dt.date) -> None:
    """Set the core properties from the document, never from the clock or the reference's owner."""
    moment = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.language = "fr-FR"
    # An advisor's reference document brings its own metadata: none of it describes this document.
    for text_property in ("subject", "keywords", "category", "comments", "content_status", "identifier"):
        setattr(properties, text_property, "")
    properties.version = ""


class _DatedZip:
    """The writer ``PackageWriter`` writes to: one zip entry per part, with fixed date and attributes."""

    def __init__(self, archive: zipfile.ZipFile, date: dt.date) -> None:
        self._archive = archive
        self._stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # the default depends on the platform
        info.external_attr = 0o644 << 16
        self._archive.writestr(info, blob, compresslevel=6)


def save(document: Document, date: dt.date) -> bytes:
    """Return the document's bytes: every part in a zip entry with fixed date and attributes."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        writer = _DatedZip(archive, date)
        # What ``PackageWriter.write`` does, with our writer instead of python-docx's zip writer:
        # ``[Content_Types].xml`` first, then the package's relationships, then every part.
        # Its helpers are typed for python-docx's writer, which ours stands in for.
        steps: Any = PackageWriter
        steps._write_content_types_stream(writer, parts)
        steps._write_pkg_rels(writer, package.rels)
        steps._write_parts(writer, parts)
    return output.getvalue()
