"""The page a reference document gives the body: its usable height and its paragraph styles' metrics.

A form must stay on one page whatever the advisor's letterhead does (a larger body text, a deeper
top margin, a tall header): ``fit`` needs to know how much room a page has and how tall each line
of each style is. Both are read here from the prepared skeleton's parts with lxml, once per
skeleton: the last section's page size and margins, the header and footer the section shows (their
lines and inline pictures push the body when they run past the margin, as in Word), the document
defaults and every paragraph style's size and spacing (following ``w:basedOn``), and the default
table style's cell margins.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from generator.docx import package
from generator.docx.ooxml import W_NAMESPACE
from generator.docx.skeleton import Skeleton

_W = "{" + W_NAMESPACE + "}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_STYLES_REL = "/styles"
EMU_PER_TWIP = 635
# An A4 page with 2 cm margins, for a reference that says nothing of its page.
_PAGE_HEIGHT, _MARGIN, _EDGE = 16838, 1134, 567
_DEFAULT_SIZE = 20  # half-points: Word's 10 pt when neither the defaults nor the style say
_SINGLE = 240  # « auto » line spacing is in 240ths of a line


@dataclass(frozen=True, slots=True)
class StyleMetrics:
    """What sets a paragraph's height: its font size and its spacing (twips, or 240ths of a line)."""

    size: int = _DEFAULT_SIZE  # half-points
    before: int = 0
    after: int = 0
    line: int = _SINGLE
    exact: bool = False  # ``line`` is an exact or minimum height in twips, not a multiple

    def line_height(self, size: int | None = None) -> int:
        """Return the height of one line in twips, at ``size`` half-points (the style's by default)."""
        points = (size or self.size) / 2
        if self.exact:
            return self.line
        # Arial and its metric twin Liberation Sans: a line is 1.21 of the size (measured in LibreOffice).
        return round(points * 20 * 1.21 * self.line / _SINGLE)


@dataclass(frozen=True, slots=True)
class Geometry:
    """The room a page gives the body, and the metrics of every paragraph style by identifier."""

    usable_height: int  # twips between the header (or top margin) and the footer (or bottom margin)
    styles: dict[str | None, StyleMetrics] = field(default_factory=dict)
    cell_margin: int = 0  # the default table style's top plus bottom cell margins, twips

    def metrics(self, style: str | None) -> StyleMetrics:
        """Return the metrics of a paragraph style (the default style for ``None`` or an unknown one)."""
        return self.styles.get(style) or self.styles.get(None) or StyleMetrics()


def _int(element: Any, attribute: str, default: int) -> int:
    if element is None:
        return default
    value = element.get(_W + attribute)
    try:
        return round(float(value)) if value is not None else default
    except ValueError:
        return default


def _relations(skeleton: Skeleton) -> dict[str, tuple[str, str]]:
    """Return the main part's relationships: id → (type, part name)."""
    folder, _, name = skeleton.document.rpartition("/")
    rels = skeleton.parts.get(f"{folder}/_rels/{name}.rels")
    if rels is None:
        return {}
    found = {}
    for rel in package.parse(rels).iter(_REL + "Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}" if folder else target
        found[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return found


def _style_metrics(styles_root: Any) -> tuple[dict[str | None, StyleMetrics], int]:
    defaults = styles_root.find(f"{_W}docDefaults")
    base: dict[str, Any] = {"size": _DEFAULT_SIZE, "before": 0, "after": 0, "line": _SINGLE, "exact": False}
    if defaults is not None:
        _read(defaults.find(f"{_W}rPrDefault/{_W}rPr"), defaults.find(f"{_W}pPrDefault/{_W}pPr"), base)
    elements = {style.get(_W + "styleId"): style for style in styles_root.iter(_W + "style")}

    @cache
    def resolved(style_id: str, depth: int = 0) -> dict[str, Any]:
        style = elements[style_id]
        parent = style.find(f"{_W}basedOn")
        parent_id = parent.get(_W + "val") if parent is not None else None
        if parent_id in elements and parent_id != style_id and depth < 20:
            values = dict(resolved(parent_id, depth + 1))
        else:
            values = dict(base)
        _read(style.find(f"{_W}rPr"), style.find(f"{_W}pPr"), values)
        return values

    metrics: dict[str | None, StyleMetrics] = {}
    margin = 0
    for style_id, style in elements.items():
        if style.get(_W + "type") == "paragraph":
            metrics[style_id] = StyleMetrics(**resolved(style_id))
            if style.get(_W + "default") in ("1", "true"):
                metrics[None] = metrics[style_id]
        elif style.get(_W + "type") == "table" and style.get(_W + "default") in ("1", "true"):
            cell = style.find(f"{_W}tblPr/{_W}tblCellMar")
            if cell is not None:
                margin = sum(_int(cell.find(_W + edge), "w", 0) for edge in ("top", "bottom"))
    metrics.setdefault(None, StyleMetrics(**base))
    return metrics, margin


def _read(run: Any, paragraph: Any, values: dict[str, Any]) -> None:
    if run is not None:
        values["size"] = _int(run.find(f"{_W}sz"), "val", values["size"])
    spacing = paragraph.find(f"{_W}spacing") if paragraph is not None else None
    if spacing is not None:
        values["before"] = _int(spacing, "before", values["before"])
        values["after"] = _int(spacing, "after", values["after"])
        if spacing.get(_W + "line") is not None:
            values["line"] = _int(spacing, "line", values["line"])
            values["exact"] = spacing.get(_W + "lineRule") in ("exact", "atLeast")


def furniture_height(data: bytes, geometry_styles: dict[str | None, StyleMetrics]) -> int:
    """Return the height in twips of a header or footer: its paragraphs' lines and inline pictures."""
    root = package.parse(data)
    height = 0
    for paragraph in root.iter(_W + "p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        metrics = geometry_styles.get(style.get(_W + "val") if style is not None else None)
        metrics = metrics or geometry_styles.get(None) or StyleMetrics()
        pictures = [
            _int_attr(inline.find(f"{_WP}extent"), "cy") // EMU_PER_TWIP
            for inline in paragraph.iter(f"{_WP}inline")
        ]
        breaks = sum(1 for _ in paragraph.iter(_W + "br"))
        line = max([metrics.line_height(), *pictures])
        height += metrics.before + metrics.after + line * (1 + breaks)
    return height


def _int_attr(element: Any, attribute: str) -> int:
    if element is None:
        return 0
    try:
        return int(element.get(attribute, "0"))
    except ValueError:
        return 0


@cache
def of(skeleton: Skeleton) -> Geometry:
    """Return the page geometry of a prepared reference (once per skeleton)."""
    relations = _relations(skeleton)
    styles_name = next((path for kind, path in relations.values() if kind.endswith(_STYLES_REL)), None)
    styles_data = skeleton.parts.get(styles_name) if styles_name else None
    metrics, margin = _style_metrics(package.parse(styles_data)) if styles_data else ({}, 0)
    document = package.parse(skeleton.parts[skeleton.document])
    sections = list(document.iter(_W + "sectPr"))
    section = sections[-1] if sections else None
    size = section.find(f"{_W}pgSz") if section is not None else None
    margins = section.find(f"{_W}pgMar") if section is not None else None
    height = _int(size, "h", _PAGE_HEIGHT)
    top, bottom = abs(_int(margins, "top", _MARGIN)), abs(_int(margins, "bottom", _MARGIN))
    header_edge, footer_edge = _int(margins, "header", _EDGE), _int(margins, "footer", _EDGE)
    furniture = {"header": 0, "footer": 0}
    if section is not None:
        for kind in ("header", "footer"):
            for reference in section.iter(f"{_W}{kind}Reference"):
                relation = relations.get(reference.get(_R + "id", ""))
                if relation is not None and relation[1] in skeleton.parts:
                    found = furniture_height(skeleton.parts[relation[1]], metrics)
                    furniture[kind] = max(furniture[kind], found)
    top = max(top, header_edge + furniture["header"])
    bottom = max(bottom, footer_edge + furniture["footer"])
    return Geometry(max(height - top - bottom, 0), metrics, margin)
