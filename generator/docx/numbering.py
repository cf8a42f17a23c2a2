"""List numbering: bullets, and numbered lists that each start again at their own first number.

A style-linked numbering would count on across the whole document (the second numbered list of a
procès-verbal would start at 4), so the converter writes the numbering on each list paragraph: one
numbering instance for every bullet, a fresh instance (``w:startOverride``) for every numbered list.
The definitions are added to whatever numbering the reference document already has, with unused
identifiers, so an advisor's own lists are left untouched.
"""

from __future__ import annotations

from typing import Any, cast

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.numbering import NumberingPart

LEVELS = 9
INDENT = 425  # twentieths of a point per level (0.75 cm)
HANGING = 283  # room for the bullet or the number (0.5 cm)

# French usage: an en dash for the first level of bullets; « 1. », « a) », « i. » for numbers.
_BULLETS = ("–", "•", "◦")
_NUMBERS = (("decimal", "%{}."), ("lowerLetter", "%{})"), ("lowerRoman", "%{}."))


def _abstract(abstract_id: int, ordered: bool) -> BaseOxmlElement:
    levels = []
    for level in range(LEVELS):
        if ordered:
            fmt, pattern = _NUMBERS[level % len(_NUMBERS)]
            text = pattern.format(level + 1)
        else:
            fmt, text = "bullet", _BULLETS[level % len(_BULLETS)]
        left = INDENT * (level + 1)
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{HANGING}"/></w:pPr></w:lvl>'
        )
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
    )


class ListNumbering:
    """The numbering definitions of one document, created on first use."""

    def __init__(self, document: Document) -> None:
        """Remember the document; nothing is added until a list is written."""
        self._document = document
        self._root: Any = None
        self._bullet_num = 0
        self._ordered_abstract = 0

    def _numbering(self) -> Any:
        if self._root is None:
            part = self._document.part
            try:
                numbering_part = part.part_related_by(RT.NUMBERING)
            except KeyError:
                # python-docx cannot create a numbering part itself (NumberingPart.new is missing).
                numbering_part = NumberingPart(
                    PackURI("/word/numbering.xml"),
                    CT.WML_NUMBERING,
                    parse_xml(f"<w:numbering {nsdecls('w')}/>"),
                    part.package,
                )
                part.relate_to(numbering_part, RT.NUMBERING)
            self._root = cast(NumberingPart, numbering_part).element
            used = [int(value) for value in self._root.xpath("./w:abstractNum/@w:abstractNumId")]
            first_free = max(used, default=-1) + 1
            bullet_abstract, self._ordered_abstract = first_free, first_free + 1
            # Abstract definitions come before every w:num in the schema.
            first_num = self._root.find(qn("w:num"))
            for abstract_id, ordered in ((bullet_abstract, False), (self._ordered_abstract, True)):
                definition = _abstract(abstract_id, ordered)
                if first_num is None:
                    self._root.append(definition)
                else:
                    first_num.addprevious(definition)
            self._bullet_num = int(self._root.add_num(bullet_abstract).numId)
        return self._root

    def bullet(self) -> int:
        """Return the numbering instance shared by every bulleted paragraph."""
        self._numbering()
        return self._bullet_num

    def ordered(self, level: int, start: int) -> int:
        """Return a new numbering instance for one numbered list, counting from ``start``."""
        num = self._numbering().add_num(self._ordered_abstract)
        num.add_lvlOverride(ilvl=level).add_startOverride(start)
        return int(num.numId)


def level(depth: int) -> int:
    """Return the numbering level of a list nested ``depth`` lists deep (0 for the outermost)."""
    return min(depth, LEVELS - 1)


def continuation_indent(level: int) -> int:
    """Return the left indent of a list item's second paragraph, aligned with the item's text."""
    return INDENT * (min(level, LEVELS - 1) + 1)
