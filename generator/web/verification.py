"""The checks of ``cpts check`` on a draft, by field, and the live preview of the six documents.

A draft is partial: the answers not given yet are completed by the placeholders of ``cpts init``
(``init.stubs``) so that the schema and the rules can run; only the findings about answers
actually given are shown, at their field. The preview is the documents' Markdown (the same text
``cpts render`` writes) turned into HTML by markdown-it-py, raw HTML disabled.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

from generator import api, loader, render
from generator.errors import Finding, Severity
from generator.init import stubs
from generator.init.donnees import lookup, without_deleted
from generator.init.schema_view import MISSING
from generator.web.formulaire import parse_path

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
DOCUMENTS = tuple(render.DOCUMENTS)


@dataclass
class Verification:
    """What the checks found on a draft, and its documents as HTML when they can be rendered."""

    messages: dict[str, list[Finding]] = field(default_factory=dict)
    autres: list[Finding] = field(default_factory=list)
    apercu: dict[str, str] = field(default_factory=dict)
    complet: bool = False  # the draft alone (no placeholder) passes cpts check


def _given(data: Any, finding: Finding) -> bool:
    path = parse_path(finding.path) if finding.path else None
    return path is not None and lookup(data, path) is not MISSING


def verify(data: dict[str, Any], document: str | None = DOCUMENTS[0]) -> Verification:
    """Check the answers given so far and render the preview of ``document`` (``None``: no preview).

    One document at a time: turning Markdown into HTML costs more than the checks themselves.
    """
    plain = without_deleted(copy.deepcopy(data))
    completed = stubs.complete(copy.deepcopy(plain))
    result = api.check_loaded(loader.LoadedAnswers(file="", data=completed))
    found = Verification()
    for finding in result.findings:
        if _given(plain, finding):
            found.messages.setdefault(finding.path, []).append(finding)
        elif finding.severity is Severity.ERREUR and finding.path:
            found.autres.append(finding)
    if document in DOCUMENTS and result.model is not None:
        texts = api.render_markdown(result.model, [document])
        found.apercu = {name: _MARKDOWN.render(text) for name, text in texts.items()}
    found.complet = result.valid and completed == plain
    return found
