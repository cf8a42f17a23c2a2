"""The checks of ``cpts check`` on a draft, by field, and the live preview of the six documents.

A draft is partial: the answers not given yet are completed by the placeholders of ``cpts init``
(``init.stubs``) so that the schema and the rules can run; only the findings about answers
actually given are shown, at their field. The preview is the documents' Markdown (the same text
``cpts render`` writes) turned into HTML by markdown-it-py, raw HTML disabled; the answers not
given yet show there as marked blanks (« [territoire à compléter] »), never as made-up words.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

from generator import api, loader, render
from generator.errors import Finding, Severity
from generator.init import stubs
from generator.init.donnees import lookup, without_deleted
from generator.init.schema_view import MISSING
from generator.loader import PathKey, format_path
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


_NAMED_PATH = re.compile(r"\(([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)\)")
_QUOTED = re.compile(r"« ([^»]+) »")


def _leaves(data: Any, path: PathKey = ()) -> list[tuple[PathKey, Any]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for index, value in enumerate(data) for leaf in _leaves(value, (*path, index))]
    return [(path, data)]


def _named(data: dict[str, Any], finding: Finding) -> set[str]:
    """Return the other answers a rule's finding names: a cross-field rule shows at each of them.

    The keys its message cites (« (gouvernance.assemblees.pouvoirs_max) »), the neighbouring
    answers holding a value it quotes (« « gperrin » est déjà président » shows at the president
    too), and the answers inside the object it points at.
    """
    if finding.rule == "SCHEMA" or not finding.path:
        return set()
    here = parse_path(finding.path) or ()
    leaves = _leaves(data)
    cited = _NAMED_PATH.findall(finding.message)
    quoted = set(_QUOTED.findall(finding.message))
    named = set()
    for path, value in leaves:
        key = ".".join(str(p) for p in path if isinstance(p, str))
        cites = any(key == c or key.endswith(f".{c}") for c in cited)
        sibling = bool(here) and path[:-1] == here[:-1] and isinstance(value, str) and value in quoted
        inside = bool(here) and path[: len(here)] == here and len(path) > len(here)
        if inside:
            named.add(format_path(path[: len(here) + 1]))
        elif cites or sibling:
            named.add(format_path(path))
    named.discard(finding.path)
    return named


def _preview(text: str, plain: dict[str, Any]) -> str:
    """Return a document as HTML with each blank of an answer not given yet marked as such."""
    if lookup(plain, ("association", "siege", "code_postal")) is MISSING:
        text = stubs.show_blanks(text)
    html = _MARKDOWN.render(text)
    return stubs.BLANKS.sub(lambda m: f'<mark class="a-completer">{m.group(0)}</mark>', html)


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
            for where in [finding.path, *sorted(_named(plain, finding))]:
                found.messages.setdefault(where, []).append(finding)
        elif finding.severity is Severity.ERREUR and finding.path:
            found.autres.append(finding)
    if document in DOCUMENTS and result.model is not None:
        texts = api.render_markdown(result.model, [document])
        found.apercu = {name: _preview(text, plain) for name, text in texts.items()}
    found.complet = result.valid and completed == plain
    return found
