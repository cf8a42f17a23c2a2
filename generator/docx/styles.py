"""The styles of a reference document, resolved once with python-docx.

Every style the converter writes must exist in the output: a style an advisor's letterhead lacks
is copied from the default reference, a style of the wrong type is refused. The converter then
writes style identifiers, never names (python-docx looks a name up by scanning every style).
This module, like ``prepare``, imports python-docx: only preparing a reference uses it.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from functools import cache
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory, _TableStyle

from generator.docx.reference import PARAGRAPH_STYLES, TABLE_STYLES, Reference, default

_STYLE, _NAME, _VAL, _STYLE_ID = (qn(f"w:{name}") for name in ("style", "name", "val", "styleId"))

# Relationships of the document body that the emptied body no longer uses (a letterhead's sample
# text may hold pictures or links); the header's and footer's own relationships are kept.
_BODY_ONLY = {RT.IMAGE, RT.HYPERLINK, RT.OLE_OBJECT, RT.CHART, RT.PACKAGE, RT.DIAGRAM_DATA}


@dataclass(frozen=True, slots=True)
class Styles:
    """The styles of one output document, looked up once.

    python-docx's lookup, by name or even by style object, scans every style of the document for
    each paragraph: the converter writes these identifiers instead.
    """

    paragraph: dict[str, ParagraphStyle]
    # Style identifiers to write, ``None`` for the default style (written as nothing): paragraph
    # styles by name, and the grid tables' style.
    ids: dict[str, str | None]
    table_grid_id: str | None


def open_document(reference: Reference) -> tuple[Document, Styles]:
    """Return a new document with the reference's layout and an empty body, and its styles."""
    document = docx.Document(io.BytesIO(reference.data))
    body = document.element.body
    body.clear_content()
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in _BODY_ONLY:
            part.drop_rel(rel_id)
    return document, resolve_styles(document)


def check(data: bytes) -> None:
    """Raise ``ValueError`` if python-docx cannot open ``data`` or its styles cannot be resolved."""
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        # python-docx names the content type of a .dotx or .docm it does not open.
        raise ValueError(f"ce n'est pas un document Word .docx : {exc}") from exc
    except Exception as exc:  # a damaged package fails anywhere inside python-docx or lxml
        # The exception's name (« KeyError ») says nothing to an advisor: say what it means.
        raise ValueError(
            "document Word endommagé : une de ses parties manque ou ne se lit pas ; ouvrez-le dans "
            "Word ou LibreOffice et enregistrez-le de nouveau"
        ) from exc
    resolve_styles(document)


@cache
def _default_style_elements() -> dict[str, Any]:
    """Return the style elements of the default reference, by style identifier."""
    document = docx.Document(io.BytesIO(default().data))
    return {style.style_id: style.element for style in document.styles}


class _StyleIndex:
    """The document's ``w:style`` elements by name and by identifier, read in one pass.

    The first of each wins, as with python-docx's lookups, which run an XPath query over every
    style for each name: for the fifteen styles of every document that cost as much as opening it.
    """

    def __init__(self, root: Any) -> None:
        self.root = root
        self.by_name: dict[str, Any] = {}
        self.by_id: dict[str, Any] = {}
        for style in root.iterchildren(_STYLE):
            self._add(style)

    def _add(self, style: Any) -> None:
        name = style.find(_NAME)
        if name is not None:
            self.by_name.setdefault(name.get(_VAL), style)
        self.by_id.setdefault(style.get(_STYLE_ID), style)

    def append(self, style: Any) -> None:
        self.root.append(style)
        self._add(style)


def resolve_styles(document: Document) -> Styles:
    """Return the document's styles, copying those it lacks from the default reference."""
    index = _StyleIndex(document.styles.element)
    paragraph = {name: _style(index, name, style_id) for name, style_id in PARAGRAPH_STYLES.items()}
    grid = _style(index, "Table Grid", TABLE_STYLES["Table Grid"])
    if not isinstance(grid, _TableStyle):
        raise ValueError("le style « Table Grid » n'est pas un style de tableau")
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_id = default.style_id if default is not None else None
    ids = {name: (None if s.style_id == default_id else s.style_id) for name, s in paragraph.items()}
    default_table = document.styles.default(WD_STYLE_TYPE.TABLE)
    grid_id = None if default_table is not None and default_table.style_id == grid.style_id else grid.style_id
    return Styles(paragraph, ids, grid_id)


def _style(index: _StyleIndex, name: str, style_id: str) -> Any:  # a ParagraphStyle or a _TableStyle
    """Return the document's style ``name``, copying the default one into it when missing."""
    wanted = WD_STYLE_TYPE.TABLE if name in TABLE_STYLES else WD_STYLE_TYPE.PARAGRAPH
    by_name = index.by_name.get(BabelFish.ui2internal(name))
    if by_name is not None and by_name.type == wanted:
        return StyleFactory(by_name)
    # LibreOffice names some built-in styles differently; the identifier is the same.
    by_id = index.by_id.get(style_id)
    if by_id is not None and by_id.type == wanted:
        return StyleFactory(by_id)
    if by_name is not None or by_id is not None:
        raise ValueError(f"le style « {name} » n'est pas du type attendu")
    new = copy.deepcopy(_default_style_elements()[style_id])
    # A style based on one the document lacks would be broken: the link is dropped.
    for link in ("basedOn", "next"):
        target = new.find(qn(f"w:{link}"))
        if target is not None and target.get(_VAL) not in index.by_id:
            new.remove(target)
    index.append(new)
    return StyleFactory(new)
