"""Keep-with-next for the converter: blocks that print on the page of the block after them.

Word and LibreOffice move a paragraph marked ``w:keepNext`` to the page of the next one; a table's
row is kept with the next row (or the block after the table) when its cells' paragraphs are. The
converter uses it for the signatures, which never open a page alone, and for a form and its
receipt, which print on one page.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from generator.docx.ooxml import Para, Table

_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def lead_in(above: Sequence[Para | Table], headings: Collection[str | None]) -> None:
    """Keep the blocks ``above`` « Fait à … » with the signatures: they never open a page alone.

    The paragraph or the table's last row above comes along (the last officer of a list, with
    the row above when it continues it: « représentée par »), and a table's last row above that
    paragraph (a note between the list and its certification). When that paragraph follows a
    heading (a PV's « Clôture de la séance »), the heading and the block above it come too: the
    closing block does not sit alone on a page. ``headings`` are the heading styles' ids.
    """
    if not above:
        return
    end(above[-1])
    if isinstance(above[-1], Table) or len(above) < 2:
        return
    previous = above[-2]
    if isinstance(previous, Table):  # a note between a list and its certification
        last_rows(previous)
    elif previous.style in headings and len(above) > 2:
        previous.keep_next = True
        end(above[-3])


def end(block: Para | Table) -> None:
    """Keep a paragraph, or a table's last row (see :func:`last_rows`), with the next block."""
    if isinstance(block, Table):
        last_rows(block)
    else:
        block.keep_next = True


def last_rows(table: Table) -> None:
    """Keep a table's last row with the next block, and the rows above that it continues."""
    for row in reversed(table.rows):
        _row(row.cells)
        first = _TEXT.findall("".join(row.cells[0].runs)) if row.cells else []
        if not "".join(first)[:1].islower():  # « représentée par » continues the row above
            return


def with_next(block: Para | Table, whole: bool) -> None:
    """Keep ``block`` with the next one; for a table, ``whole=False`` spares its last row."""
    if isinstance(block, Para):
        block.keep_next = True
        return
    for row in block.rows if whole else block.rows[:-1]:
        _row(row.cells)


def _row(cells: list[Para]) -> None:
    for paragraph in cells:
        paragraph.keep_next = True
