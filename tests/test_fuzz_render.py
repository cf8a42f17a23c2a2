"""Property test: hostile text in every text field of a valid file, then check and render.

Answers are built from the shipped examples: every field the schema declares as free text
(``texte`` or ``texte_long``) is replaced by generated text mixing Markdown, Jinja, YAML and
typographic hazards with arbitrary characters, and a few numbers are nudged. The only outcomes
allowed: the file is refused with a French message naming a path and a line (exit 1), or it is
valid and every document renders in Markdown and DOCX, the DOCX reopens, no Markdown structure is
built out of the values, and the documents show the values they must show (the association's name
everywhere, the founders' names in the statuts).

CI runs ``CPTS_FUZZ_EXEMPLES`` cases (40 by default); the long run recorded in ``benchmarks/``
sets it to 10 000.
"""

from __future__ import annotations

import copy
import io
import json
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator import api
from generator.errors import Severity
from generator.loader import format_path, load_text
from generator.render import DOCUMENTS, applicable
from generator.resources import schema_path

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))
SCHEMA: dict[str, Any] = json.loads(schema_path().read_text(encoding="utf-8"))
TEXT_REFS = {"#/$defs/texte", "#/$defs/texte_long"}
TEMPLATE_MARKERS = {"<!-- saut-de-page -->", "<!-- signatures -->", "<!-- formulaire -->", "<!-- coupon -->"}
PARSER = MarkdownIt("commonmark").enable("table")

CASES = settings(
    max_examples=int(os.environ.get("CPTS_FUZZ_EXEMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HAZARDS = [
    "{{ 7*7 }}",
    "{% raw %}",
    "# ",
    "**",
    "_",
    "|",
    "| a | b |",
    "`",
    "```",
    "<b>",
    "<!-- saut-de-page -->",
    "&amp;",
    "[lien](http://x)",
    "1. ",
    "- ",
    "> ",
    "\\",
    "«",
    "»",
    " ; ",
    ": ",
    "!",
    "?",
    "\u00a0",
    "\u202f",
    "e\u0301",
    "    ",
    "'",
    '"',
    "no",
    "01500",
    "NUL",
    "../",
    "Société",
    "ß",
    "𝔘",
    "\U0001f600",
]
# Characters the schema refuses in a one-line text: mixed in now and then, for the refusal path.
REFUSED = ["\n", "\n\n", "\t", "\u202e", "\u2066", "\x0b", "\x85", "\ufeff", "\x00"]
# Printable text: no control, format, surrogate or separator characters (those are REFUSED's job).
printable = st.text(st.characters(blacklist_categories=["Cc", "Cf", "Cs", "Zl", "Zp"]), max_size=8)
fragment = st.one_of(st.sampled_from(HAZARDS), printable)
hostile_text = st.lists(fragment, min_size=1, max_size=8).map("".join).filter(str.strip)
refused_text = st.tuples(fragment, st.sampled_from(REFUSED), fragment).map("".join)


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/") and ref not in TEXT_REFS:
        return {
            **SCHEMA["$defs"][ref.removeprefix("#/$defs/")],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    return node


def text_leaves(data: Any, node: dict[str, Any], path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Yield the paths of the values the schema declares as free text."""
    node = resolve(node)
    if node.get("$ref") in TEXT_REFS and isinstance(data, str):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            child = node.get("properties", {}).get(key)
            if isinstance(child, dict):
                yield from text_leaves(value, child, (*path, key))
    elif isinstance(data, list) and isinstance(node.get("items"), dict):
        for index, value in enumerate(data):
            yield from text_leaves(value, node["items"], (*path, index))


EXAMPLE_DATA = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in EXAMPLES}
LEAVES = {name: list(text_leaves(data, SCHEMA)) for name, data in EXAMPLE_DATA.items()}


def plain(markdown: str) -> list[str]:
    """Return the text of every inline run of the document, as a reader of the DOCX would see it."""
    tokens = PARSER.parse(markdown)
    return [
        "".join(child.content for child in token.children or []) for token in tokens if token.type == "inline"
    ]


def squeeze(text: str) -> str:
    """Drop every space: French spacing adds non-breaking ones before « ; : ! ? » and inside « ».

    The typography pass also prints every apostrophe « ’ »: both sides are read with it.
    """
    return "".join(unicodedata.normalize("NFC", text).replace("'", "\u2019").split())


def assert_no_structure_from_values(markdown: str) -> None:
    tokens = PARSER.parse(markdown)
    assert not {t.type for t in tokens} & {"fence", "code_block", "blockquote_open"}
    assert [
        t.content for t in tokens if t.type == "html_block" and t.content.strip() not in TEMPLATE_MARKERS
    ] == []
    inline = {child.type for token in tokens for child in token.children or []}
    assert not inline & {"html_inline", "link_open", "image", "code_inline"}
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1


def set_at(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@st.composite
def hostile_answers(draw: st.DrawFn) -> tuple[str, dict[tuple[Any, ...], str]]:
    name = draw(st.sampled_from(sorted(EXAMPLE_DATA)))
    data = copy.deepcopy(EXAMPLE_DATA[name])
    leaves = LEAVES[name]
    chosen = draw(st.lists(st.sampled_from(leaves), min_size=1, max_size=12, unique=True))
    if ("association", "nom") not in chosen:
        chosen.append(("association", "nom"))
    values = {}
    for path in chosen:
        values[path] = draw(hostile_text)
        set_at(data, path, values[path])
    if draw(st.integers(0, 4)) == 0:  # one case in five carries a character the schema refuses
        path = draw(st.sampled_from(chosen))
        values[path] = draw(refused_text)
        set_at(data, path, values[path])
    if draw(st.integers(0, 9)) == 0:  # a number nudged off its range now and then: the refusal path
        values[("colleges", 0, "cotisation")] = draw(st.sampled_from([-1, 10**9]))
        set_at(data, ("colleges", 0, "cotisation"), values[("colleges", 0, "cotisation")])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False), values


@CASES
@given(hostile_answers())
def test_hostile_text_is_refused_with_a_path_or_rendered_as_text(case: tuple[str, dict[Any, str]]) -> None:
    text, values = case
    result = api.check_loaded(load_text(text, "reponses.yaml"))
    event("refusé" if not result.valid else "produit")
    if not result.valid:
        # The values we changed and the lists and mappings that hold them (uniqueness, required keys).
        changed = {format_path(path[:end]) for path in values for end in range(1, len(path) + 1)}
        for finding in result.errors:
            assert finding.format().startswith(f"reponses.yaml:{finding.line}:")
            assert finding.line >= 1
            # A schema error names one of the values we changed; a rule may name another field.
            assert finding.rule != "SCHEMA" or finding.path in changed, finding.format()
        return
    assert result.model is not None
    model = result.model
    files = api.render_bundle(model, formats=("md", "docx"))
    names = [name for name in DOCUMENTS if applicable(name, model)]
    documents = {name: files[f"{name}.md"].decode("utf-8") for name in names}
    for name in names:  # every DOCX reopens and shows the association's name
        reopened = docx.Document(io.BytesIO(files[f"{name}.docx"]))
        text = " ".join(p.text for p in reopened.paragraphs)
        text += " ".join(cell.text for table in reopened.tables for row in table.rows for cell in row.cells)
        assert squeeze(model.association.nom) in squeeze(text), name
    expected = [model.association.nom] + [f.nom_complet for f in model.fondateurs]
    for name, markdown in documents.items():
        assert_no_structure_from_values(markdown)
        runs = squeeze(" ".join(plain(markdown)))
        assert squeeze(model.association.nom) in runs, name
    statuts = squeeze(" ".join(plain(documents["statuts"])))
    for value in expected:
        assert squeeze(value) in statuts
    for severity in {f.severity for f in result.findings}:
        assert severity is Severity.AVERTISSEMENT


def test_every_example_has_text_fields_to_fuzz() -> None:
    for name, leaves in LEAVES.items():
        assert ("association", "nom") in leaves, name
        assert len(leaves) >= 10, name
