"""Rendering internals made faster: the completeness check (compiled templates: test_compiled_templates)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import render
from generator.errors import TemplateRenderError
from generator.numbering import Numbered

# --- the completeness check of a rendered document ------------------------------------------------

# The placeholder pattern as first written (a lookbehind first): the reference for the fast one.
_PLACEHOLDER_REFERENCE = re.compile(r"(?<!\\)\{[{%]|(?<!\\)\}\}|%\}")


@given(st.text(alphabet="{}%\\\n a#", max_size=30))
@settings(max_examples=1000, deadline=None)
def test_placeholder_pattern_finds_what_the_reference_finds(text: str) -> None:
    found = render._PLACEHOLDER.search(text)
    expected = _PLACEHOLDER_REFERENCE.search(text)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def _numbered(text: str) -> Numbered:
    return Numbered(text=text, headings=(), references=())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## A\n\n## B\ntexte\n", "la section « A » est vide"),
        ("## A\n### A.1\n\n\n", "la section « A.1 » est vide"),
        ("## A\ntexte\n### A.1\n  \n## B\n", "la section « A.1 » est vide"),
        ("## A\ntexte {{ reste }}\n", "texte provisoire « {{ » dans le document"),
        ("## A\ntexte \\{{ échappé }}\n", "texte provisoire « }} » dans le document"),
    ],
)
def test_incomplete_document_is_refused(text: str, message: str) -> None:
    with pytest.raises(TemplateRenderError) as caught:
        render._check_complete("statuts", _numbered(text))
    assert str(caught.value) == f"statuts : {message}"


def test_complete_document_passes() -> None:
    render._check_complete("statuts", _numbered("## A\n### A.1\ntexte \\{\\{ x \\}\\}\n## B\ntexte\n"))
