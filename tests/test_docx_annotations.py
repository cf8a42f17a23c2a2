"""``--annotations``: each article's sources as a Word comment, and as footnotes in ``*.sources.md``.

Without the flag nothing changes (same files, same bytes). With it, every article heading of the
statuts carries a comment naming its AVECsanté model article (the statuts follow the model's 23
articles), python-docx reads the comments back, LibreOffice converts the document, and the same
answers still give the same bytes.
"""

import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from generator import api, pdf, sources
from generator.cli import cli
from generator.docx import comments, convert, reference

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
AVECSANTE = ROOT / "examples" / "cpts-avecsante.yaml"
MOSELLE = ROOT / "examples" / "cpts-moselle-droit-local.yaml"
ARTICLE = re.compile(r"^### Article (\d+) – ", re.MULTILINE)


def render(example, annotations, formats=("md", "docx"), names=("statuts",)):
    return api.render_bundle(api.load_answers(example), list(names), formats, annotations=annotations)


def members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_without_the_flag_nothing_changes():
    plain = api.render_bundle(api.load_answers(AVECSANTE), ["statuts"], ("md", "docx"))
    assert render(AVECSANTE, annotations=False) == plain
    assert sorted(plain) == ["statuts.docx", "statuts.md"]
    assert comments.PART not in members(plain["statuts.docx"])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_article_of_the_statuts_has_a_comment_naming_its_model_article(example):
    files = render(example, annotations=True)
    numbers = ARTICLE.findall(files["statuts.md"].decode("utf-8"))
    assert len(numbers) >= 20
    document = docx.Document(io.BytesIO(files["statuts.docx"]))
    texts = [comment.text for comment in document.comments]
    assert len(texts) == len(numbers)
    assert all(text.startswith("Sources\u00a0:") for text in texts)
    # A free clause (clauses_supplementaires) says it is the founders' text, outside the model.
    texts = [text for text in texts if "clauses_supplementaires" not in text]
    model_articles = [re.search(r"AVECsanté .*?article (\d+)", text) for text in texts]
    assert all(model_articles), texts
    if example == AVECSANTE:  # the model's four collèges and conseil: article N is its article N
        assert [m.group(1) for m in model_articles] == numbers
    assert {comment.author for comment in document.comments} == {"cpts"}


def test_the_comment_marks_the_article_heading():
    data = render(AVECSANTE, annotations=True)["statuts.docx"]
    document = docx.Document(io.BytesIO(data))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    first = headings[0]._p
    assert first.xpath("./w:commentRangeStart/@w:id") == ["0"]
    assert first.xpath("./w:commentRangeEnd/@w:id") == ["0"]
    assert first.xpath("./w:r/w:commentReference/@w:id") == ["0"]
    assert headings[0].text == "Article 1 – Dénomination"


def test_the_package_declares_and_relates_the_comments_part():
    parts = members(render(AVECSANTE, annotations=True)["statuts.docx"])
    assert comments.CONTENT_TYPE.encode() in parts["[Content_Types].xml"]
    assert comments.RELATIONSHIP.encode() in parts["word/_rels/document.xml.rels"]
    etree.fromstring(parts[comments.PART])


def test_annotations_are_deterministic():
    assert render(AVECSANTE, annotations=True) == render(AVECSANTE, annotations=True)


def test_the_comment_text_is_escaped():
    hostile = ("<w:p>&amp; « citation »", "]]></w:t>")
    data = convert.to_docx(
        "# T\n\n### Article 1 – Objet\n\ntexte\n",
        reference.load(None),
        convert.DocumentInfo("x", api.UNDATED),
        annotate=lambda title: hostile,
    )
    document = docx.Document(io.BytesIO(data))
    (comment,) = document.comments
    assert [p.text for p in comment.paragraphs] == ["Sources\u00a0:", *hostile]


def test_the_sources_markdown_has_a_footnote_per_article():
    files = render(AVECSANTE, annotations=True, formats=("md",))
    assert sorted(files) == ["statuts.md", "statuts.sources.md"]
    annotated = files["statuts.sources.md"].decode("utf-8")
    articles = ARTICLE.findall(files["statuts.md"].decode("utf-8"))
    assert len(re.findall(r"^### Article \d+ – .*\[\^\d+\]$", annotated, re.MULTILINE)) == len(articles)
    assert len(re.findall(r"^\[\^\d+\]: ", annotated, re.MULTILINE)) == len(articles)
    assert "[^9]: Modèle de statuts AVECsanté" in annotated
    # The document's own text is unchanged around the footnote marks.
    assert (
        re.sub(r"\[\^\d+\]", "", annotated.split("\n[^1]:")[0]).strip()
        == files["statuts.md"].decode().strip()
    )


def test_local_law_sources_replace_the_law_of_1901():
    annotated = render(MOSELLE, annotations=True, formats=("md",))["statuts.sources.md"].decode("utf-8")
    assert "Code civil local" in annotated
    assert "1er juillet 1901" not in annotated


def test_an_unknown_title_gets_the_document_sources():
    found = sources.for_document("statuts", sources.Variants())("Article 99 – Une clause nouvelle")
    assert found and found[0].startswith("Modèle de statuts AVECsanté")


def test_the_cli_writes_the_sources_file(tmp_path):
    out = tmp_path / "sortie"
    result = CliRunner().invoke(
        cli, ["render", str(AVECSANTE), "-o", str(out), "--documents", "statuts", "--annotations"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["statuts.docx", "statuts.md", "statuts.sources.md"]


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice n'est pas installé")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext n'est pas installé")
def test_libreoffice_opens_an_annotated_document():
    files = render(
        AVECSANTE, annotations=True, formats=("docx", "pdf"), names=("statuts", "pv-ag-constitutive")
    )
    assert files["statuts.pdf"].startswith(b"%PDF")
    assert files["pv-ag-constitutive.pdf"].startswith(b"%PDF")
