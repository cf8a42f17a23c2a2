"""Make user values inert in Markdown: they may never change a document's structure.

A value is one line of text once it enters a document: whitespace (newlines included) is collapsed,
and every character Markdown could read as syntax is backslash-escaped. Text the project itself
produces (formatted amounts, dates, article numbers) is marked :class:`Safe` and left as is.
"""

from __future__ import annotations

import re

# Inline syntax of CommonMark and its table extension; « & » for entities, « < » for HTML.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&{}])")
# At the start of a value: headings, list bullets, block quotes, setext and thematic breaks.
_LEADING = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_SPACES = re.compile(r"\s+")


class Safe(str):
    """Markdown produced by the project: printed without escaping."""

    __slots__ = ()


def escape(value: object) -> Safe:
    """Return ``value`` as inert, single-line Markdown text."""
    if isinstance(value, Safe):
        return value
    text = _SPACES.sub(" ", str(value)).strip()
    text = _INLINE.sub(r"\\\1", text)
    text = _LEADING.sub(r"\\\1", text)
    text = _ORDERED.sub(r"\1\\\2", text)
    return Safe(text)


def escape_block(value: str) -> Safe:
    """Return a long free text as paragraphs: each line escaped, blank lines kept as breaks."""
    paragraphs = [p for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Safe("\n\n".join(escape(p) for p in paragraphs))
