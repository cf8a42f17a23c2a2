"""Save a document as deterministic bytes: same answers, byte-identical DOCX.

Word and python-docx stamp the zip entries and the core properties with the clock. Here the core
properties are dated from the answers (the constitutive assembly's date), every zip entry gets
that date and fixed attributes, and the entries keep the skeleton's order (``[Content_Types].xml``
first, as Office writes it). Parts are serialized as python-docx serializes them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # python-docx's own XML library

from generator import bundle

# The skeleton's parts were written by python-docx: there is no entity to resolve.
_PARSER = etree.XMLParser(resolve_entities=False)

_DC = "{http://purl.org/dc/elements/1.1/}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_TITLE, _CREATOR, _LAST_MODIFIED_BY = _DC + "title", _DC + "creator", _CP + "lastModifiedBy"
_DATES = (_DCTERMS + "created", _DCTERMS + "modified", _CP + "lastPrinted")
# Word's limit for a text property, which python-docx enforces.
MAX_PROPERTY_CHARS = 255


def parse(data: bytes) -> Any:
    """Return the root element of an XML part of the skeleton."""
    return etree.fromstring(data, _PARSER)


def serialize(root: Any) -> bytes:
    """Return an XML part's bytes as python-docx writes them (UTF-8, standalone declaration)."""
    return bytes(etree.tostring(root, encoding="UTF-8", standalone=True))


def core_properties(data: bytes, title: str, author: str, date: dt.date) -> bytes:
    """Return the skeleton's core properties with this document's title, author and date."""
    root = parse(data)
    stamp = f"{date.year:04d}-{date.month:02d}-{date.day:02d}T00:00:00Z"
    values = {_TITLE: title, _CREATOR: author, _LAST_MODIFIED_BY: author} | dict.fromkeys(_DATES, stamp)
    for tag, value in values.items():
        element = root.find(tag)
        if element is not None:
            element.text = value[:MAX_PROPERTY_CHARS]
    return serialize(root)


def write(parts: Iterable[tuple[str, bytes]], date: dt.date) -> bytes:
    """Return the package's bytes: every part in a zip entry with fixed date and attributes."""
    output = io.BytesIO()
    bundle.write_zip(output, parts, date=(date.year, date.month, date.day, 0, 0, 0), compresslevel=6)
    return output.getvalue()
