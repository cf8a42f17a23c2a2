"""Save a document as deterministic bytes: same answers, byte-identical DOCX.

python-docx stamps the zip entries and the core properties with the clock. Here the core
properties are dated from the answers (the constitutive assembly's date), every zip entry gets
that date and fixed attributes, and the entries keep one order (``[Content_Types].xml`` first,
as Office writes it).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.document import Document

CONTENT_TYPES = "[Content_Types].xml"


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


def save(document: Document, date: dt.date) -> bytes:
    """Return the document's bytes, the zip rewritten with fixed dates, order and attributes."""
    raw = io.BytesIO()
    document.save(raw)
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    output = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        ordered = [name for name in names if name == CONTENT_TYPES] + [n for n in names if n != CONTENT_TYPES]
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the default depends on the platform
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return output.getvalue()
