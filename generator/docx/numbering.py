"""List numbering: bullets, and numbered lists that each start again at their own first number.

A style-linked numbering would count on across the whole document (the second numbered list of a
procès-verbal would start at 4), so the converter writes the numbering on each list paragraph: one
numbering instance for every bullet, a fresh instance (``w:startOverride``) for every numbered list.
The two abstract definitions (dashes and bullets; « 1. », « a) », « i. ») are added once per
reference by ``prepare``, after whatever numbering the reference already has, with unused
identifiers, so an advisor's own lists are left untouched. This module writes, per document, the
numbering instances of its lists, with lxml only.
"""

from __future__ import annotations

from typing import Any

from lxml.etree import SubElement  # type: ignore[import-untyped]  # python-docx's own XML library

LEVELS = 9
INDENT = 425  # twentieths of a point per level (0.75 cm)
HANGING = 283  # room for the bullet or the number (0.5 cm)

# French usage: an en dash for the first level of bullets; « 1. », « a) », « i. » for numbers.
BULLETS = ("–", "•", "◦")
NUMBERS = (("decimal", "%{}."), ("lowerLetter", "%{})"), ("lowerRoman", "%{}."))

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUM, ABSTRACT_NUM_ID, LVL_OVERRIDE, START_OVERRIDE = (
    _W + n for n in ("num", "abstractNumId", "lvlOverride", "startOverride")
)
NUM_ID_MAC_AT_CLEANUP = _W + "numIdMacAtCleanup"
_NUM_ID, _ILVL, _VAL = (_W + n for n in ("numId", "ilvl", "val"))


def abstract_xml(abstract_id: int, ordered: bool) -> str:
    """Return the ``w:abstractNum`` of the bullets or of the numbered lists (``w:`` prefix, undeclared)."""
    levels = []
    for level in range(LEVELS):
        if ordered:
            fmt, pattern = NUMBERS[level % len(NUMBERS)]
            text = pattern.format(level + 1)
        else:
            fmt, text = "bullet", BULLETS[level % len(BULLETS)]
        left = INDENT * (level + 1)
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{HANGING}"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
    )


class ListNumbering:
    """The numbering instances of one document, added to its ``w:numbering`` on first use."""

    def __init__(self, root: Any, bullet_abstract: int, ordered_abstract: int) -> None:
        """Remember the numbering part's root and the two abstract definitions' identifiers."""
        self._root = root
        self._bullet_abstract = bullet_abstract
        self._ordered_abstract = ordered_abstract
        self._bullet_num: int | None = None
        self._used = {
            int(value) for num in root.iterchildren(NUM) if (value := num.get(_NUM_ID, "")).isdigit()
        }

    def _add_num(self, abstract_id: int) -> tuple[int, Any]:
        # The lowest free identifier, after the reference's own instances, as Word numbers them.
        num_id = next(candidate for candidate in range(1, len(self._used) + 2) if candidate not in self._used)
        self._used.add(num_id)
        num = SubElement(self._root, NUM, {_NUM_ID: str(num_id)})
        cleanup = self._root.find(NUM_ID_MAC_AT_CLEANUP)
        if cleanup is not None:  # the schema puts it after every w:num
            cleanup.addprevious(num)
        SubElement(num, ABSTRACT_NUM_ID, {_VAL: str(abstract_id)})
        return num_id, num

    def bullet(self) -> int:
        """Return the numbering instance shared by every bulleted paragraph."""
        if self._bullet_num is None:
            self._bullet_num, _ = self._add_num(self._bullet_abstract)
        return self._bullet_num

    def ordered(self, level: int, start: int) -> int:
        """Return a new numbering instance for one numbered list, counting from ``start``."""
        self.bullet()  # the bullets' instance comes first, whatever list the document opens with
        num_id, num = self._add_num(self._ordered_abstract)
        override = SubElement(num, LVL_OVERRIDE, {_ILVL: str(level)})
        SubElement(override, START_OVERRIDE, {_VAL: str(start)})
        return num_id


def level(depth: int) -> int:
    """Return the numbering level of a list nested ``depth`` lists deep (0 for the outermost)."""
    return min(depth, LEVELS - 1)


def continuation_indent(level: int) -> int:
    """Return the left indent of a list item's second paragraph, aligned with the item's text."""
    return INDENT * (min(level, LEVELS - 1) + 1)
