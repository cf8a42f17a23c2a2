"""A form's footer: the bulletin is handed out form by form, so its pages carry no « Page N sur M ».

A founder receives one collège's form, not the document: « Page 1 sur 5 » on it would say that
four pages are missing. The prepared reference's footers number the pages (ours, or the one
``prepare`` adds after a letterhead's own footer); for a document that holds a receipt, every
footer paragraph that does nothing but number the pages is emptied (kept, so that the footer's
height, which ``fit`` counted, does not change). A letterhead's own text stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.docx import package
from generator.docx.ooxml import W_NAMESPACE

_W = "{" + W_NAMESPACE + "}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_FOOTER_REL = "/footer"
_NUMBERING_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
# What a page number's paragraph says around its fields: « Page 1 sur 5 », « 1 / 5 », « Page 1 ».
_ONLY_NUMBERS = re.compile(r"(?:page)?(?:sur|/|de|of)?", re.IGNORECASE)


def footer_parts(parts: Mapping[str, bytes], document: str) -> list[str]:
    """Return the names of the footer parts the main document part ``document`` relates to."""
    folder, _, name = document.rpartition("/")
    rels = parts.get(f"{folder}/_rels/{name}.rels")
    if rels is None:
        return []
    found = []
    for relation in package.parse(rels).iter(_REL + "Relationship"):
        target = relation.get("Target", "")
        if not relation.get("Type", "").endswith(_FOOTER_REL) or relation.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}" if folder else target
        if path in parts and path not in found:
            found.append(path)
    return found


def without_page_numbers(data: bytes) -> bytes:
    """Return a footer part whose paragraphs that only number the pages are emptied."""
    root = package.parse(data)
    changed = False
    for paragraph in root.iter(_W + "p"):
        if _numbers_pages_only(paragraph):
            for child in list(paragraph):
                if child.tag != _W + "pPr":
                    paragraph.remove(child)
            changed = True
    return package.serialize(root) if changed else data


def _numbers_pages_only(paragraph: Any) -> bool:
    instructions = [field.get(_W + "instr", "") for field in paragraph.iter(_W + "fldSimple")]
    instructions += [text.text or "" for text in paragraph.iter(_W + "instrText")]
    words = {instruction.split()[0] for instruction in instructions if instruction.split()}
    if not words & _NUMBERING_FIELDS:
        return False
    shown = "".join(text.text or "" for text in paragraph.iter(_W + "t"))
    return _ONLY_NUMBERS.fullmatch(re.sub(r"[\s\d]+", "", shown)) is not None
