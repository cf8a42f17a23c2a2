"""What a DOCX must hold, read from its Markdown: headings and paragraphs with their style, tables."""

import re

from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable("table")
HEADING_STYLES = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}
MARKER = re.compile(r"^<!-- ([a-z-]+) -->$", re.MULTILINE)


def plain(inline):
    parts = []
    for child in inline.children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def paragraphs(markdown):
    """Return (style name, text) of every heading and paragraph outside tables, in order."""
    tokens = MD.parse(markdown)
    lists = []
    result = []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if token.type == "bullet_list_open" else "List Number")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "heading_open":
            result.append((HEADING_STYLES[token.tag], plain(tokens[index + 1])))
        elif token.type == "paragraph_open":
            if lists:
                level = len(lists)
                style = lists[-1] if level == 1 else f"{lists[-1]} {min(level, 3)}"
            else:
                style = "Normal"
            result.append((style, plain(tokens[index + 1])))
    return result


def tables(markdown):
    """Return every table as rows of cell texts."""
    tokens = MD.parse(markdown)
    result = []
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            result.append([])
        elif token.type == "tr_open":
            result[-1].append([])
        elif token.type in ("th_open", "td_open"):
            result[-1][-1].append(plain(tokens[index + 1]))
    return result


def markers(markdown):
    return MARKER.findall(markdown)
