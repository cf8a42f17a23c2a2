"""Free clauses (``clauses_supplementaires``): articles an advisor adds after a labelled article.

A clause is inserted in the rendered text before numbering, as an article heading marker like the
templates' own, so it is numbered with the others, every later article is renumbered, and a
reference to it resolves like any other. Its text is escaped line by line: only paragraphs
(blank lines), list items (lines starting with « - ») and citations « [[etiquette]] » (turned into
reference markers) are read; nothing else of Markdown reaches the document.

Placement: after an article, the clause comes before the next article or titre (after the
article's sub-articles); after a sub-article, after its whole article; after a titre, as the
titre's first article. Clauses placed after the same label keep the answers' order, and a clause
may follow another clause by its label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby

from generator.errors import TemplateRenderError
from generator.markdown import escape
from generator.model import Clause
from generator.numbering import marker

_HEADING = re.compile("^#+ \x1e([TAS]):([a-z0-9_]+)\x1f")
CITATION = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")


def _inline(text: str) -> str:
    """Escape a line of the clause, keeping its citations as reference markers."""
    out: list[str] = []
    last = 0
    for match in [*CITATION.finditer(text), None]:
        piece = text[last : match.start() if match is not None else len(text)]
        if piece.strip():
            # escape() trims its text: keep the spaces that separate it from a citation.
            before = " " if piece[0].isspace() else ""
            after = " " if piece[-1].isspace() else ""
            out.append(f"{before}{escape(piece)}{after}")
        elif piece:
            out.append(" ")
        if match is not None:
            out.append(marker("R", match.group(1)))
            last = match.end()
    return "".join(out).strip()


def _item(line: str) -> bool:
    return line.startswith("- ") and len(line) > 2


def corps(texte: str) -> str:
    """Return the clause's text as Markdown: escaped paragraphs and « - » list items."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", texte):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        # Consecutive lines of prose make one paragraph; consecutive « - » lines one list.
        for is_item, run in groupby(lines, key=_item):
            if is_item:
                blocks.append("\n".join(f"- {_inline(line[2:])}" for line in run))
            else:
                blocks.append(_inline(" ".join(run)))
    return "\n\n".join(block for block in blocks if block)


def citations(texte: str) -> tuple[str, ...]:
    """Return the labels a clause's text cites."""
    return tuple(match.group(1) for match in CITATION.finditer(texte))


def _article(clause: Clause) -> list[str]:
    return ["", f"### {marker('A', clause.label)} – {escape(clause.titre)}", "", corps(clause.texte), ""]


def inserer(text: str, clauses: Iterable[Clause], document: str) -> str:
    """Insert the clauses of ``document`` into its rendered (unnumbered) text."""
    lines = text.split("\n")
    # The last clause placed after each label: the next one after that label follows it.
    last: dict[str, str] = {}
    for clause in (c for c in clauses if c.document == document):
        kinds: dict[int, tuple[str, str]] = {}
        for index, line in enumerate(lines):
            match = _HEADING.match(line)
            if match is not None:
                kinds[index] = (match.group(1), match.group(2))
        anchor = last.get(clause.apres, clause.apres)
        last[clause.apres] = clause.label
        start = next((i for i, (_, label) in kinds.items() if label == anchor), None)
        if start is None:
            raise TemplateRenderError(f"{document} : aucun article n'a l'étiquette « {clause.apres} »")
        kind = kinds[start][0]
        if kind == "T":
            position = start + 1
        else:
            # After an article, or after the whole article of a sub-article.
            stops = ("A", "T")
            following = (i for i in sorted(kinds) if i > start and kinds[i][0] in stops)
            position = next(following, None) or _end_of_articles(lines, start)
        lines[position:position] = _article(clause)
    return "\n".join(lines)


def _end_of_articles(lines: list[str], start: int) -> int:
    """Where a clause after the last article goes: before the signatures' closing section, if any."""
    for index in range(start + 1, len(lines)):
        if lines[index].startswith("## ") or lines[index].startswith("# "):
            return index
    return len(lines)
