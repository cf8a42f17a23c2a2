"""Every example renders complete documents; snapshots keep them reviewable as Markdown files."""

import re
from pathlib import Path

import pytest
from _markdown_snapshot import MarkdownSnapshotExtension

from generator.api import load_answers, render_markdown
from generator.markdown import escape
from generator.render import DOCUMENTS, render_documents
from generator.typography import montant

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
HEADING = re.compile(r"^#{2,4} (?:Article|Titre) ([0-9IVX-]+) – (.+)$", re.MULTILINE)


@pytest.fixture
def snapshot_md(snapshot):
    return snapshot.use_extension(MarkdownSnapshotExtension)


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request):
    model = load_answers(request.param)
    return model, render_documents(model)


def test_there_are_at_least_five_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("document", list(DOCUMENTS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_snapshot(example, document, snapshot_md):
    text = render_markdown(load_answers(example), [document])[document]
    assert text == snapshot_md


def test_rendering_is_deterministic(rendered):
    model, documents = rendered
    again = render_documents(model)
    assert {k: v.markdown for k, v in again.items()} == {k: v.markdown for k, v in documents.items()}


def test_no_placeholder_nor_none(rendered):
    _, documents = rendered
    for name, doc in documents.items():
        for bad in ("None", "XXX", "TODO", "{{", "{%", "\x1e", "\x1f"):
            assert bad not in doc.markdown, (name, bad)


def test_every_reference_points_to_its_article(rendered):
    _, documents = rendered
    for name, doc in documents.items():
        titles = {number: title for number, title in HEADING.findall(doc.markdown)}
        by_label = {h.label: h for h in doc.numbered.headings}
        for label, number in doc.numbered.references:
            assert by_label[label].number == number, (name, label)
            assert titles[number] == by_label[label].title, (name, label, number)


def test_amounts_and_collèges_are_those_of_the_answers(rendered):
    model, documents = rendered
    statuts = documents["statuts"].markdown
    reglement = documents["reglement-interieur"].markdown
    for college in model.colleges:
        assert escape(college.intitule) in statuts
        assert montant(college.cotisation) in reglement
    for commune in model.association.communes:
        assert escape(commune) in reglement
