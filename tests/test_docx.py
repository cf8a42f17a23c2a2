"""DOCX output read back with python-docx: every heading, paragraph and table of the Markdown, styles,
markers, page furniture, metadata, deterministic bytes, and the advisor's own reference document."""

import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from _docx_expectations import markers, paragraphs, tables
from docx.oxml.ns import qn
from docx.shared import Pt
from markdown_it import MarkdownIt

from generator import api, typography
from generator.docx import make_reference, ooxml, package, reference, skeleton
from generator.docx.convert import PARSER, SYMBOL_FONT, DocumentInfo, to_docx
from generator.errors import TemplateRenderError, UnreadableInputError
from generator.render import DOCUMENTS, applicable
from generator.resources import prepared_reference_path, reference_docx_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# Every document each example has (the PV of the first CA and the requête only where they apply).
CASES = [
    (example, name)
    for example in EXAMPLES
    for name in DOCUMENTS
    if applicable(name, api.load_answers(example))
]
IDS = [f"{example.stem}-{name}" for example, name in CASES]
INFO = DocumentInfo("CPTS d'essai", dt.date(2024, 6, 20))


@cache
def bundle(example):
    model = api.load_answers(example)
    return model, api.render_bundle(model, formats=("md", "docx"))


def read(data):
    return docx.Document(io.BytesIO(data))


def body_paragraphs(document):
    """Paragraphs with text outside tables, except the receipt's cut line (drawn, not written)."""
    return [(p.style.name, p.text) for p in document.paragraphs if p.text.strip() and "✂" not in p.text]


def convert_markdown(markdown, layout=None):
    return read(to_docx(markdown, layout or reference.load(), INFO))


def borders(element, tag):
    found = element.find(f".//{qn(tag)}")
    return {child.tag.split("}")[1]: child.get(qn("w:val")) for child in found} if found is not None else {}


@pytest.mark.parametrize(("example", "name"), CASES, ids=IDS)
def test_every_heading_and_paragraph_in_order_with_its_style(example, name):
    _, files = bundle(example)
    markdown = files[f"{name}.md"].decode("utf-8")
    expected = paragraphs(markdown)
    assert expected[0][0] == "Title"  # every document opens with its title
    if name in {"statuts", "reglement-interieur"}:
        assert any(style == "Heading 2" for style, _ in expected)  # their articles
    assert body_paragraphs(read(files[f"{name}.docx"])) == expected


@pytest.mark.parametrize(("example", "name"), CASES, ids=IDS)
def test_every_table_with_its_cells(example, name):
    _, files = bundle(example)
    document = read(files[f"{name}.docx"])
    actual = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert actual == tables(files[f"{name}.md"].decode("utf-8"))


@pytest.mark.parametrize(("example", "name"), CASES, ids=IDS)
def test_markers_become_layout(example, name):
    _, files = bundle(example)
    found = markers(files[f"{name}.md"].decode("utf-8"))
    document = read(files[f"{name}.docx"])
    every = document.tables
    borderless = [t for t in every if set(borders(t._tbl.tblPr, "w:tblBorders").values()) == {"none"}]
    assert len(borderless) == found.count("signatures") + found.count("formulaire")
    for table in borderless:
        assert table._tbl.tblPr.find(qn("w:tblStyle")) is None
    breaks = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == found.count("saut-de-page")
    grid = [t for t in every if all(t._tbl is not other._tbl for other in borderless)]
    assert len(grid) + len(borderless) == len(every)
    assert all(table.style.name == "Table Grid" for table in grid)


def test_statuts_have_a_signature_block_and_the_annexe_on_its_own_page():
    _, files = bundle(ROOT / "examples" / "cpts-avecsante.yaml")
    document = read(files["statuts.docx"])
    annexe = next(p for p in document.paragraphs if p.text.startswith("Annexe"))
    assert annexe.style.name == "Heading 1"
    assert annexe.paragraph_format.page_break_before
    signatures = next(t for t in document.tables if t.rows[0].cells[0].text == "Le président")
    assert all(run.bold for cell in signatures.rows[0].cells for run in cell.paragraphs[0].runs)
    height = signatures.rows[-1]._tr.trPr.find(qn("w:trHeight"))
    assert int(height.get(qn("w:val"))) >= 1000  # room to sign under « Signature : »
    fait_a = next(p for p in document.paragraphs if p.text.startswith("Fait à"))
    assert fait_a.paragraph_format.keep_with_next


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_header_footer_and_metadata_come_from_the_answers(example):
    model, files = bundle(example)
    for name in [n for n in DOCUMENTS if f"{n}.md" in files or f"{n}.docx" in files]:
        document = read(files[f"{name}.docx"])
        section = document.sections[0]
        assert section.header.paragraphs[0].text == typography.french_spacing(model.association.nom)
        footer = section.footer._element
        fields = [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))]
        if name == "bulletin-adhesion":  # handed out form by form: no « Page 1 sur 5 »
            assert fields == []
            assert section.footer.paragraphs[0].text == ""
        else:
            assert fields == ["PAGE", "NUMPAGES"]
            assert section.footer.paragraphs[0].text.startswith("Page ")
        properties = document.core_properties
        markdown = files[f"{name}.md"].decode("utf-8")
        assert properties.title == paragraphs(markdown)[0][1]
        assert properties.author == model.association.nom
        date = api.document_date(model)
        assert properties.created.date() == properties.modified.date() == date
        assert properties.revision == 1
        assert properties.language == "fr-FR"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_two_renders_give_identical_bytes(example):
    model = api.load_answers(example)
    first = api.render_bundle(model, formats=("docx",))
    second = api.render_bundle(api.load_answers(example), formats=("docx",))
    assert first == second
    for data in first.values():
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        date = api.document_date(model)
        assert {info.date_time for info in infos} == {(date.year, date.month, date.day, 0, 0, 0)}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_converter_reads_every_document_as_full_commonmark_does(example):
    # The converter's parser leaves out the rules no template uses: it must not read otherwise.
    full = MarkdownIt("commonmark").enable("table")
    _, files = bundle(example)
    for name in [n for n in DOCUMENTS if f"{n}.md" in files or f"{n}.docx" in files]:
        text = files[f"{name}.md"].decode("utf-8")
        assert [t.as_dict() for t in PARSER.parse(text)] == [t.as_dict() for t in full.parse(text)], name


def test_the_shipped_reference_is_what_its_script_writes():
    assert reference_docx_path().read_bytes() == make_reference.build()


def test_the_shipped_skeleton_is_what_prepare_makes_of_the_reference():
    # A render on the default layout reads this file instead of preparing the reference with
    # python-docx: it must be exactly what the preparation gives today.
    expected = make_reference.build_prepared(reference_docx_path().read_bytes())
    assert prepared_reference_path().read_bytes() == expected


def test_lists_are_numbered_afresh_and_nested():
    document = convert_markdown(
        "# Titre\n\n1. un\n2. deux\n\nTexte.\n\n3. trois\n4. quatre\n\n- puce\n  - sous-puce\n\n- autre\n"
    )
    numbered = [
        (p.style.name, p.text, p._p.pPr.numPr)
        for p in document.paragraphs
        if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    assert [(style, text) for style, text, _ in numbered] == [
        ("List Number", "un"),
        ("List Number", "deux"),
        ("List Number", "trois"),
        ("List Number", "quatre"),
        ("List Bullet", "puce"),
        ("List Bullet 2", "sous-puce"),
        ("List Bullet", "autre"),
    ]
    num_ids = [num_pr.numId.val for _, _, num_pr in numbered]
    levels = [num_pr.ilvl.val for _, _, num_pr in numbered]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]  # the second list starts again
    assert num_ids[4] == num_ids[5] == num_ids[6]
    assert levels == [0, 0, 0, 0, 0, 1, 0]
    numbering = document.part.numbering_part.element
    second = numbering.num_having_numId(num_ids[2])
    assert second.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val")) == "3"


def test_an_empty_list_item_and_an_empty_document_are_laid_out():
    assert [p.text for p in convert_markdown("-\n").paragraphs] == []
    assert convert_markdown("").paragraphs == []


def test_bold_italic_and_escaped_text():
    document = convert_markdown("Un **gras** et un *italique*, \\*pas\\* d'étoile.\n")
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in document.paragraphs[0].runs]
    assert ("gras", True, False) in runs
    assert ("italique", False, True) in runs
    assert document.paragraphs[0].text == "Un gras et un italique, *pas* d'étoile."


FORM = """# Bulletin d'adhésion

<!-- formulaire -->

| Nom | | Prénom | |
|---|---|---|---|
| Adresse | | Commune | |

Mode de paiement : ☐ Chèque ☐ Virement

<!-- coupon -->

Reçu de cotisation

| Reçu de | |
|---|---|

Signature du trésorier.

<!-- saut-de-page -->

## Suite
"""


def test_form_lines_checkboxes_and_receipt():
    document = convert_markdown(FORM)
    form, receipt = document.tables
    assert set(borders(form._tbl.tblPr, "w:tblBorders").values()) == {"none"}
    for row in form.rows:
        for index, cell in enumerate(row.cells):
            bottom = borders(cell._tc, "w:tcBorders").get("bottom")
            assert bottom == ("single" if index % 2 else None), (index, cell.text)
    assert not any(run.bold for row in form.rows for c in row.cells for run in c.paragraphs[0].runs)
    payment = next(p for p in document.paragraphs if p.text.startswith("Mode de paiement"))
    assert payment.text == "Mode de paiement : ☐ Chèque ☐ Virement"
    boxes = [run for run in payment.runs if run.text == "☐"]
    assert len(boxes) == 2
    assert all(run.font.name == SYMBOL_FONT for run in boxes)
    cut = next(p for p in document.paragraphs if "✂" in p.text)
    assert cut._p.pPr.find(f"{qn('w:tabs')}/{qn('w:tab')}").get(qn("w:leader")) == "hyphen"
    # Form and receipt hold together up to the page break; what follows is free.
    before_break = document.paragraphs[: [p.text for p in document.paragraphs].index("Suite")]
    assert all(p.paragraph_format.keep_with_next for p in before_break[:-1])
    assert all(
        p.paragraph_format.keep_with_next for row in form.rows for c in row.cells for p in c.paragraphs
    )
    assert all(p.paragraph_format.keep_with_next for c in receipt.rows[0].cells for p in c.paragraphs)
    assert not before_break[-1].paragraph_format.keep_with_next
    assert document.paragraphs[-1].paragraph_format.page_break_before


def test_checkbox_lines_sit_together_and_a_new_page_starts_at_its_top():
    document = convert_markdown(
        "# Titre\n\nAvant.\n\n☐ Un.\n\n☐ Deux.\n\n☐ Trois.\n\nAprès.\n\n<!-- saut-de-page -->\n\n## Suite\n"
    )
    spacing = {p.text: p.paragraph_format.space_after for p in document.paragraphs}
    # The boxes are one list of choices; the text around keeps the style's distance.
    assert spacing["☐ Un."] == spacing["☐ Deux."] == Pt(2)
    assert spacing["Avant."] is None and spacing["☐ Trois."] is None
    suite = document.paragraphs[-1]
    assert suite.paragraph_format.page_break_before
    assert suite.paragraph_format.space_before == 0  # no gap above the first line of the page


def test_a_grid_column_is_never_narrower_than_its_longest_word():
    long_text = "un texte assez long pour réclamer toute la largeur de la page " * 2
    document = convert_markdown(
        "| Fonction | Nom | Domicile | Nationalité |\n|---|---|---|---|\n"
        f"| Administrateur | {long_text} | {long_text} | française |\n"
    )
    grid = document.tables[0]._tbl.tblGrid
    widths = [int(column.get(qn("w:w"))) for column in grid.findall(qn("w:gridCol"))]
    # By their average text alone these columns would get about 1 300 and 900 twips: too narrow
    # for « Administrateur » or « Nationalité » (9.5 pt Arial: about 95 twips a letter, plus margins).
    assert widths[0] >= len("Administrateur") * 95 + 170
    assert widths[3] >= len("Nationalité") * 95 + 170
    assert sum(widths) == 9070


def test_signatures_never_open_a_page_alone():
    document = convert_markdown(
        "Le tableau :\n\n| Nom | Qualité |\n|---|---|\n| A | B |\n| C | D |\n\n"
        "Certifiée conforme.\n\n<!-- signatures -->\n\n| Le président |\n|---|\n| X |\n\n"
        "## Clôture\n\nLa séance est levée.\n\nFait à Lille.\n\n"
        "<!-- signatures -->\n\n| Le secrétaire |\n|---|\n| Y |\n"
    )
    table = document.tables[0]
    keeps = [
        [p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs] for row in table.rows
    ]
    # The last row of the list comes with « Certifiée conforme » and the signatures; the rows
    # above may stay on the previous page.
    assert keeps == [[None, None], [None, None], [True, True]]
    text = {p.text: p.paragraph_format.keep_with_next for p in document.paragraphs}
    assert text["Certifiée conforme."] and text["La séance est levée."] and text["Fait à Lille."]
    assert not text["Le tableau :"]


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("<!-- inconnu -->\n\nTexte.\n", "marqueur inconnu"),
        ("<!-- signatures -->\n\nTexte.\n", "doit précéder un tableau"),
        ("Texte.\n\n<!-- formulaire -->\n", "suivi d'aucun tableau"),
        ("<div>html</div>\n", "HTML inattendu"),
        ("Un <b>gras</b>.\n", "non pris en charge"),
    ],
)
def test_a_broken_template_fails_loudly(markdown, message):
    with pytest.raises(TemplateRenderError, match=message):
        convert_markdown(markdown)


# The advisor's own reference document -------------------------------------------------------


def letterhead(tmp_path, drop_styles=()):
    """A Word file made with python-docx's own template: other fonts, a header, sample text."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Courier New"
    document.sections[0].header.paragraphs[0].text = "URPS Exemple — papier à en-tête"
    document.add_paragraph("Texte d'exemple à ne pas reprendre")
    for name in drop_styles:
        element = document.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "modele.docx"
    document.save(path)
    return path


def test_a_custom_reference_changes_fonts_and_header(tmp_path):
    model = api.load_answers(ROOT / "examples" / "cpts-avecsante.yaml")
    default = read(api.render_bundle(model, ["statuts"], ("docx",))["statuts.docx"])
    custom = read(api.render_bundle(model, ["statuts"], ("docx",), letterhead(tmp_path))["statuts.docx"])
    assert default.styles["Normal"].font.name != "Courier New"
    assert custom.styles["Normal"].font.name == "Courier New"
    assert custom.sections[0].header.paragraphs[0].text == "URPS Exemple — papier à en-tête"
    assert "Texte d'exemple" not in "\n".join(p.text for p in custom.paragraphs)
    assert body_paragraphs(custom) == body_paragraphs(default)
    assert custom.paragraphs[0].style.name == "Title"
    assert custom.sections[0].footer.paragraphs[0].text.startswith("Page ")  # its footer was empty


def test_styles_missing_from_the_reference_are_copied(tmp_path):
    path = letterhead(tmp_path, drop_styles=("Title", "Heading 1", "List Bullet", "Table Grid"))
    document = convert_markdown(
        "# Titre\n\n## Partie\n\n- puce\n\n| a | b |\n|---|---|\n| c | d |\n", reference.load(path)
    )
    assert [p.style.name for p in document.paragraphs[:3]] == ["Title", "Heading 1", "List Bullet"]
    assert document.tables[0].style.name == "Table Grid"
    ids = [style.style_id for style in document.styles]
    assert len(ids) == len(set(ids))


def _write(path, data):
    path.write_bytes(data)
    return path


def _relabelled(tmp_path, content_type, name="modele.docx"):
    """The default reference with another main content type (a workbook's, a macro document's)."""
    source = zipfile.ZipFile(reference_docx_path())
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for member in source.namelist():
            data = source.read(member)
            if member == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    content_type,
                )
            target.writestr(member, data)
    return _write(tmp_path / name, output.getvalue())


def _word_without_its_body(tmp_path):
    """The default reference without its main part: its content types still announce it."""
    source = zipfile.ZipFile(reference_docx_path())
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for member in source.namelist():
            if member != "word/document.xml":
                target.writestr(member, source.read(member))
    return _write(tmp_path / "sans-corps.docx", output.getvalue())


def _zip_without_content_types(tmp_path):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        target.writestr("word/document.xml", "<w:document/>")
    return _write(tmp_path / "archive.docx", output.getvalue())


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: tmp / "absent.docx", "introuvable"),
        (lambda tmp: tmp, "dossier"),
        (lambda tmp: _write(tmp / "texte.docx", b"pas un zip"), "pas un fichier .docx"),
        (lambda tmp: _write(tmp / "vide.docx", b""), "pas un fichier .docx"),
        (
            lambda tmp: _relabelled(
                tmp, b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
            ),
            r"c'est un classeur \(Excel\) ; un document Word \(.docx, .dotx\) "
            r"ou OpenDocument \(.odt\) est attendu",
        ),
        (
            lambda tmp: _relabelled(tmp, b"application/vnd.ms-word.document.macroEnabled.main+xml"),
            "c'est un document Word avec macros",
        ),
        (_zip_without_content_types, "ni un document Word"),
        (_word_without_its_body, "document Word endommagé : une de ses parties manque"),
    ],
    ids=["absent", "dossier", "texte", "vide", "classeur", "macros", "zip", "sans-corps"],
)
def test_an_unusable_reference_is_refused_with_its_name(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(UnreadableInputError, match=reason) as error:
        reference.load(path)
    assert str(path) in str(error.value)
    assert error.value.exit_code == 2
    assert "Error" not in str(error.value)  # never a Python exception's name (« KeyError »)


def test_a_zip_bomb_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(reference, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(UnreadableInputError, match="trop volumineux"):
        reference.load(letterhead(tmp_path))


# Word refuses properties out of schema order (ECMA-376 part 1, wml.xsd); LibreOffice does not.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
    "vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
    "hideMark",
    "numPr": "ilvl numId",
}


def out_of_order(data):
    problems = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            root = docx.oxml.parse_xml(archive.read(name))
            for tag, order in SCHEMA_ORDER.items():
                sequence = order.split()
                for element in root.iter(qn(f"w:{tag}")):
                    children = [child.tag.split("}")[1] for child in element]
                    unknown = [child for child in children if child not in sequence]
                    positions = [sequence.index(child) for child in children if child in sequence]
                    if unknown or positions != sorted(positions) or len(set(children)) != len(children):
                        problems.append((name, tag, children))
    return problems


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_properties_follow_the_schema_order(example):
    _, files = bundle(example)
    for name in [n for n in DOCUMENTS if f"{n}.md" in files or f"{n}.docx" in files]:
        assert out_of_order(files[f"{name}.docx"]) == []


def test_markers_follow_the_schema_order():
    data = to_docx(FORM + "\n1. un\n   - deux\n\n> citation\n\n---\n", reference.load(), INFO)
    assert out_of_order(data) == []


def test_a_paragraph_with_every_property_follows_the_schema_order():
    prepared = skeleton.of(reference.load())
    body = ooxml.Body()
    paragraph = ooxml.paragraph(body, "Heading1")
    ooxml.run(paragraph, "Titre")
    paragraph.keep_next = paragraph.page_break_before = paragraph.bottom_border = True
    paragraph.numbering = (0, 1)
    paragraph.right_tab = (9070, "dot")
    paragraph.space_before, paragraph.space_after, paragraph.exact_line = 0, 120, 40
    paragraph.left_indent = 425
    paragraph.align = "center"
    document = package.parse(ooxml.fill(prepared.parts[prepared.document], body))
    written = [child.tag.split("}")[1] for child in document.find(f"{ooxml.BODY}/{qn('w:p')}/{qn('w:pPr')}")]
    assert written == [
        "pStyle",
        "keepNext",
        "pageBreakBefore",
        "numPr",
        "pBdr",
        "tabs",
        "spacing",
        "ind",
        "jc",
    ]
    parts = prepared.parts | {prepared.document: ooxml.fill(prepared.parts[prepared.document], body)}
    assert out_of_order(package.write(parts.items(), INFO.date)) == []
