"""Read a statuts text into its articles: number, title, label when known, and text blocks.

The text is Markdown as ``cpts render`` writes it (« ### Article 9 – Conseil d'administration »),
or a text converted from Word by the advisor: headings with or without ``#``, in bold, with « – »,
« - », « : » or « . » after the number, « Article 1er » or « Article premier ». A line of the body
is never taken for a heading unless it is one (a ``#`` heading, or a short line that is nothing
but « Article N – Titre »). The signatures (« Fait à … ») and the annexes end the articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.numbering import Numbered

PREAMBULE = "preambule"
_NUMBER = r"(?P<number>[0-9]{1,3}(?:\s*[-.]\s*[0-9]{1,2})?|1er|premier)"
_SEPARATOR = r"(?:\s*[–—:.\-]\s*|\s+)"
_ARTICLE = re.compile(
    rf"^(?P<hashes>#{{1,6}}\s*)?(?:\*\*)?\s*(?:Article|ARTICLE|Art\.)\s+{_NUMBER}\b"
    rf"(?:{_SEPARATOR}(?P<title>.*?))?\s*(?:\*\*)?\s*$"
)
_TITRE = re.compile(r"^(?:#{1,6}\s*)?(?:\*\*)?\s*(?:Titre|TITRE)\s+[IVXLC0-9]+\b")
_ANNEXE = re.compile(r"^(?:#{1,6}\s*)?(?:\*\*)?\s*(?:Annexe|ANNEXE)\b")
# The title of a statuts text without « # »: « STATUTS », « Statuts de l'association … »; and the
# mention of the assemblies that adopted and amended it (« *Statuts adoptés par …* »).
_TITLE = re.compile(r"^(?:\*\*|\*)?\s*(?:STATUTS|Statuts)\b.{0,400}$")
_END = re.compile(r"^(?:Fait à |<!--|Les présents statuts ont été adoptés)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦–]|[0-9]{1,2}[.)])\s+")
# A heading without « # » is a short line: a longer one is a paragraph that starts with « Article ».
_BARE_HEADING_MAX = 120
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"\s+")
# Runs of spaces that hold a no-break space (« 1 500 € », « délibérative ; ») keep it, so that
# the tableau prints the amounts and the French marks as the statuts do.
_BREAKABLE = re.compile(r"[^\S\xa0\u202f]+")
_NO_BREAK_RUN = re.compile(r"\s*([\xa0\u202f])\s*")


@dataclass(frozen=True, slots=True)
class Article:
    """One article (or sous-article) of a statuts text."""

    number: str  # « 9 », « 15-1 »; « » for the preamble
    title: str
    blocks: tuple[str, ...]  # plain text: paragraphs, and list items starting with « – »
    label: str | None = None

    @property
    def heading(self) -> str:
        """Return « Article 9 – Titre » (the preamble: its title)."""
        if not self.number:
            return self.title
        return f"Article {self.number} – {self.title}" if self.title else f"Article {self.number}"


def plain(markdown: str) -> str:
    """Return a line of Markdown as plain text: no bold markers, no backslash escapes."""
    text = re.sub(r"(?<!\\)\*\*", "", markdown)
    text = _ESCAPE.sub(r"\1", text)
    return _NO_BREAK_RUN.sub(r"\1", _BREAKABLE.sub(" ", text)).strip()


def normalized(text: str) -> str:
    """Return text as compared: spaces, apostrophes and dashes of any kind read alike."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("—", "–")
    return _SPACES.sub(" ", text).strip()


def title_key(title: str) -> str:
    """Return a title as matched: no accents, no case, no punctuation, no leading article."""
    text = unicodedata.normalize("NFD", normalized(title).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(?:le|la|les|l|des|du|de) ", "", text)


def _number(raw: str) -> str:
    if raw in {"1er", "premier"}:
        return "1"
    return re.sub(r"\s*[-.]\s*", "-", raw)


def _heading(line: str) -> tuple[str, str] | None:
    match = _ARTICLE.match(line.strip())
    if match is None:
        return None
    if not match.group("hashes") and len(line.strip()) > _BARE_HEADING_MAX:
        return None
    title = plain(match.group("title") or "").rstrip(".").strip()
    return _number(match.group("number")), title


def _blocks(lines: list[str], each_line: bool = False) -> tuple[str, ...]:
    blocks: list[str] = []
    current: list[str] = []
    item = False

    def flush() -> None:
        if current:
            text = plain(" ".join(current))
            if text:
                blocks.append(f"– {text}" if item else text)
        current.clear()

    for line in lines:
        if not line.strip():
            flush()
            item = False
            continue
        if line.lstrip().startswith("|"):
            # A table row is a block of its own, its cells joined; the rule under the header is not.
            flush()
            item = False
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            if not all(re.fullmatch(r":?-+:?", cell) for cell in cells):
                current.append(" ; ".join(cells))
                flush()
            continue
        if _LIST_ITEM.match(line):
            flush()
            item = True
            current.append(_LIST_ITEM.sub("", line, count=1))
        else:
            current.append(line)
        if each_line:
            flush()
            item = False
    flush()
    return tuple(blocks)


def parse(text: str) -> tuple[Article, ...]:
    """Return the articles of a statuts text, the preamble first when there is one."""
    articles: list[Article] = []
    current: tuple[str, str] | None = ("", "Préambule")
    body: list[str] = []
    started = False
    lines = text.splitlines()
    # A text saved from Word has one paragraph per line and few blank lines, where Markdown
    # separates its paragraphs by a blank line and may wrap one over several lines.
    filled = [line for line in lines if line.strip()]
    each_line = len(lines) - len(filled) < len(filled) // 10

    def close() -> None:
        if current is None:
            return
        blocks = _blocks(body, each_line)
        if current[0] or blocks:
            articles.append(Article(current[0], current[1], blocks, PREAMBULE if not current[0] else None))

    for line in lines:
        stripped = line.strip()
        heading = _heading(stripped)
        if heading is not None:
            close()
            current, body, started = heading, [], True
        elif _TITRE.match(stripped):
            close()
            current, body, started = None, [], True
        elif _ANNEXE.match(stripped) or (started and _END.match(stripped)):
            close()
            current, body = None, []
        elif not started and (stripped.startswith("# ") or _TITLE.match(stripped)):
            continue  # the document's title
        elif current is not None:
            body.append(line)
    close()
    return tuple(articles)


def with_labels(articles: tuple[Article, ...], numbered: Numbered) -> tuple[Article, ...]:
    """Give each article of a rendered text the label its heading had in the template."""
    by_number = {h.number: h.label for h in numbered.headings if h.kind in {"A", "S"}}
    return tuple(
        a if a.label is not None else Article(a.number, a.title, a.blocks, by_number.get(a.number))
        for a in articles
    )


def heading_line(text: str, number: str) -> int:
    """Return the 1-based line of the heading of article ``number`` in ``text`` (0: not found)."""
    for index, line in enumerate(text.splitlines(), start=1):
        found = _heading(line)
        if found is not None and found[0] == number:
            return index
    return 0
