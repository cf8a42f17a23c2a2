"""User values cannot change a document's structure once escaped."""

import pytest
from markdown_it import MarkdownIt

from generator.markdown import Safe, escape

HOSTILE = [
    "# Titre injecté",
    "**gras** et _italique_",
    "a | b | c",
    "ligne 1\nligne 2\n\n# titre",
    "   indenté",
    "```\ncode\n```",
    "[lien](http://x)",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "1. liste",
    "- puce",
    "> citation",
    "&copy; entité",
    "~~barré~~",
    "===",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_value_is_one_plain_paragraph(value):
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = md.parse(f"Texte : {escape(value)}")
    kinds = [tok.type for tok in tokens]
    assert kinds == ["paragraph_open", "inline", "paragraph_close"]
    inline = tokens[1].children
    assert [child.type for child in inline] in (["text"], ["text", "softbreak", "text"])
    assert "\n" not in escape(value)


def test_escape_keeps_plain_text_readable():
    assert escape("Cœur des Flandres") == "Cœur des Flandres"
    assert escape("Saint-Omer") == "Saint-Omer"


def test_safe_is_not_escaped_again():
    assert escape(Safe("**x**")) == "**x**"


def test_value_alone_at_line_start_stays_text():
    md = MarkdownIt("commonmark")
    for value in ["# titre", "- puce", "1. un", "+ plus", "> cite", "==="]:
        tokens = md.parse(f"- {escape(value)}")
        assert [t.type for t in tokens if t.type.endswith("_open")] == [
            "bullet_list_open",
            "list_item_open",
            "paragraph_open",
        ], value
