"""The prepared reference: a package whose parts every converted document copies or fills in.

Opening a reference with python-docx, emptying its body, resolving its styles and adding the list
definitions, header and footer costs more than converting a document, and importing python-docx
costs more than all of that. None of it depends on the document: ``prepare`` does it once per
reference and keeps the result as a ``Skeleton``, the package's parts in the order python-docx
writes them plus what the converter needs to know (style identifiers, text width, the parts it
fills in). ``convert`` then writes each document from a copy of the skeleton with lxml and zipfile.

The default reference's skeleton ships prepared (``generator/data/reference-prepared.docx``, which
``make_reference`` writes and a test checks is what ``prepare`` makes of ``reference.docx``): a
render on the default layout never imports python-docx. The file is a plain Word package (an empty
document with its header and footer) whose zip comment holds the metadata, as JSON.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator import bundle
from generator.docx.reference import Reference
from generator.docx.reference import default as default_reference
from generator.resources import prepared_reference_path

_STAMP = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True, eq=False)
class Skeleton:
    """The prepared package of a reference, and what the converter writes into it."""

    parts: dict[str, bytes]  # zip member name → bytes, in writing order
    document: str  # the main document part, whose body the converter fills
    numbering: str  # the numbering part, which receives the lists' numbering instances
    headers: tuple[str, ...]  # header parts whose first paragraph receives the association's name
    core: str  # the core properties part (title, author, dates)
    style_ids: dict[str, str | None]  # by style name; None for the default paragraph style
    table_grid_id: str | None
    text_width: int  # twentieths of a point between the margins
    bullet_abstract: int
    ordered_abstract: int

    def metadata(self) -> dict[str, Any]:
        """Return everything but the parts, as JSON-ready values."""
        return {
            "document": self.document,
            "numbering": self.numbering,
            "headers": list(self.headers),
            "core": self.core,
            "style_ids": self.style_ids,
            "table_grid_id": self.table_grid_id,
            "text_width": self.text_width,
            "bullet_abstract": self.bullet_abstract,
            "ordered_abstract": self.ordered_abstract,
        }


def to_bytes(skeleton: Skeleton) -> bytes:
    """Return the skeleton as a Word package with its metadata in the zip comment (deterministic)."""
    output = io.BytesIO()
    comment = json.dumps(skeleton.metadata(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    bundle.write_zip(output, skeleton.parts.items(), date=_STAMP, compresslevel=9, comment=comment)
    return output.getvalue()


def from_bytes(data: bytes) -> Skeleton:
    """Read a skeleton written by :func:`to_bytes`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
        meta = json.loads(archive.comment.decode("utf-8"))
    return Skeleton(
        parts=parts,
        document=meta["document"],
        numbering=meta["numbering"],
        headers=tuple(meta["headers"]),
        core=meta["core"],
        style_ids=meta["style_ids"],
        table_grid_id=meta["table_grid_id"],
        text_width=meta["text_width"],
        bullet_abstract=meta["bullet_abstract"],
        ordered_abstract=meta["ordered_abstract"],
    )


@cache
def _shipped() -> Skeleton:
    return from_bytes(prepared_reference_path().read_bytes())


@cache
def _prepared(reference: Reference) -> Skeleton:
    # python-docx only for an advisor's own reference: prepared once per process.
    from generator.docx.prepare import prepare  # noqa: PLC0415

    return prepare(reference)


def of(reference: Reference) -> Skeleton:
    """Return the skeleton of ``reference``: the shipped one for the default reference."""
    if reference.data == default_reference().data and reference.page_numbers:
        return _shipped()
    return _prepared(reference)
