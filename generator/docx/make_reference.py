"""Write the default reference document ``generator/data/reference.docx`` and its prepared skeleton.

The reference document plays the part of pandoc's ``reference.docx``: the converter opens it,
empties its body and writes the document into it, so its styles, page size, margins, header and
footer become the output's. This one is deliberately slim (no theme, no font table, no latent
style list): opening it costs a fraction of python-docx's own default template, and every style it
defines is one the converter uses. An advisor's own Word file replaces it through ``--modele-word``;
any style missing there is copied from this file.

Run ``python -m generator.docx.make_reference`` after changing it; a test checks that the shipped
file is exactly what this script writes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from generator import bundle

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006"
HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

# Body text: Arial (Liberation Sans in LibreOffice, same metrics), French language for spelling
# and hyphenation; headings in a dark blue, so the page reads as a finished legal document.
FONT = "Arial"
ACCENT = "1F3A5F"
GREY = "595959"

# A4 portrait, 2.5 cm side margins, 2 cm at the top and bottom with the header and footer 1 cm from
# the edge (twentieths of a point): the bulletin's forms need the height of a full page each.
PAGE = {"w": 11906, "h": 16838, "top": 1134, "bottom": 1134, "left": 1418, "right": 1418}
HEADER_FOOTER = 567


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    p_pr: str = "",
    r_pr: str = "",
    based_on: str | None = "Normal",
    next_style: str | None = None,
    extra: str = "",
) -> str:
    parts = [f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append("<w:qFormat/>")
    if p_pr:
        parts.append(f"<w:pPr>{p_pr}</w:pPr>")
    if r_pr:
        parts.append(f"<w:rPr>{r_pr}</w:rPr>")
    parts.append(extra)
    parts.append("</w:style>")
    return "".join(parts)


def _heading(level: int, size: int, before: int, border: str = "", r_extra: str = "") -> str:
    # keepNext: a heading never ends a page; outlineLvl: Word's navigation pane and table of contents.
    # The order of the properties is the schema's (pBdr before spacing): Word insists on it.
    p_pr = (
        f'<w:keepNext/><w:keepLines/>{border}<w:spacing w:before="{before}" w:after="120"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>'
    )
    r_pr = f'<w:b/><w:bCs/>{r_extra}<w:color w:val="{ACCENT}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return _style(
        "paragraph", f"Heading{level}", f"heading {level}", p_pr=p_pr, r_pr=r_pr, next_style="Normal"
    )


def _list_styles() -> str:
    # Numbering is written on each list paragraph by the converter (a fresh count for every
    # numbered list); the styles only carry the spacing, so they stay safe to copy elsewhere.
    styles = []
    for base, style_id in (("List Bullet", "ListBullet"), ("List Number", "ListNumber")):
        for level in (1, 2, 3):
            suffix = "" if level == 1 else f" {level}"
            id_suffix = "" if level == 1 else str(level)
            styles.append(
                _style(
                    "paragraph",
                    f"{style_id}{id_suffix}",
                    f"{base}{suffix}",
                    p_pr='<w:spacing w:after="60"/>',
                )
            )
    return "".join(styles)


def styles_xml() -> str:
    """Return ``word/styles.xml``."""
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{GREY}"'
    cell_margins = (
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    )
    return HEAD + "".join(
        [
            f'<w:styles xmlns:w="{W}">',
            "<w:docDefaults><w:rPrDefault><w:rPr>",
            f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>',
            '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/>',
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
            '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/>',
            "</w:pPr></w:pPrDefault></w:docDefaults>",
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
            "<w:qFormat/>"
            '<w:pPr><w:widowControl/><w:jc w:val="both"/></w:pPr></w:style>',
            '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
            '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
            "<w:unhideWhenUsed/></w:style>",
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>'
            f'<w:tblInd w:w="0" w:type="dxa"/>{cell_margins}</w:tblPr></w:style>',
            '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
            _style(
                "paragraph",
                "Title",
                "Title",
                p_pr='<w:keepNext/><w:spacing w:before="0" w:after="360"/><w:jc w:val="center"/>',
                r_pr=f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
                next_style="Normal",
            ),
            _heading(
                1,
                26,
                360,
                border=(
                    f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="{ACCENT}"/></w:pBdr>'
                ),
            ),
            _heading(2, 22, 240),
            _heading(3, 21, 160, r_extra="<w:i/><w:iCs/>"),
            _list_styles(),
            _style(
                "paragraph",
                "Tableau",
                "Tableau",
                p_pr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
                '<w:jc w:val="left"/>',
                r_pr='<w:sz w:val="19"/><w:szCs w:val="19"/>',
            ),
            _style(
                "paragraph",
                "Header",
                "header",
                p_pr=f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{GREY}"/></w:pBdr>'
                '<w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs>'
                '<w:spacing w:after="0"/><w:jc w:val="left"/>',
                r_pr=f'<w:color w:val="{GREY}"/><w:sz w:val="17"/><w:szCs w:val="17"/>',
            ),
            _style(
                "paragraph",
                "Footer",
                "footer",
                p_pr='<w:spacing w:after="0"/><w:jc w:val="center"/>',
                r_pr=f'<w:color w:val="{GREY}"/><w:sz w:val="17"/><w:szCs w:val="17"/>',
            ),
            _style(
                "table",
                "TableGrid",
                "Table Grid",
                p_pr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
                based_on="TableNormal",
                extra=(
                    f"<w:tblPr><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
                    f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
                    f"{cell_margins}</w:tblPr>"
                ),
            ),
            "</w:styles>",
        ]
    )


def document_xml() -> str:
    """Return ``word/document.xml``: an empty body and the page layout."""
    margins = (
        f'w:top="{PAGE["top"]}" w:right="{PAGE["right"]}" w:bottom="{PAGE["bottom"]}" '
        f'w:left="{PAGE["left"]}" w:header="{HEADER_FOOTER}" w:footer="{HEADER_FOOTER}" w:gutter="0"'
    )
    return HEAD + (
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body><w:p/><w:sectPr>'
        f'<w:pgSz w:w="{PAGE["w"]}" w:h="{PAGE["h"]}"/><w:pgMar {margins}/>'
        "</w:sectPr></w:body></w:document>"
    )


def settings_xml() -> str:
    """Return ``word/settings.xml``: French hyphenation, Word 2013+ layout."""
    return HEAD + (
        f'<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="709"/><w:autoHyphenation/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
        '<w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '</w:compat><w:themeFontLang w:val="fr-FR"/></w:settings>'
    )


def package_files() -> dict[str, str]:
    """Return every file of the reference document, in zip order."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    office_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return {
        "[Content_Types].xml": HEAD
        + (
            f'<Types xmlns="{PKG}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
            f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/>'
            f'<Override PartName="/word/settings.xml" ContentType="{main}.settings+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": HEAD
        + (
            f'<Relationships xmlns="{PKG}/relationships">'
            f'<Relationship Id="rId1" Type="{office_rel}/officeDocument" Target="word/document.xml"/>'
            f'<Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>'
        ),
        "docProps/core.xml": HEAD
        + (
            f'<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Modèle cpts</dc:title>'
            "<dc:language>fr-FR</dc:language><cp:revision>1</cp:revision></cp:coreProperties>"
        ),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": HEAD
        + (
            f'<Relationships xmlns="{PKG}/relationships">'
            f'<Relationship Id="rId1" Type="{office_rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId2" Type="{office_rel}/settings" Target="settings.xml"/>'
            "</Relationships>"
        ),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
    }


def build() -> bytes:
    """Return the bytes of the reference document (fixed entry dates, so always the same bytes)."""
    buffer = io.BytesIO()
    entries = ((name, text.encode("utf-8")) for name, text in package_files().items())
    bundle.write_zip(buffer, entries, date=(1980, 1, 1, 0, 0, 0), compresslevel=9)
    return buffer.getvalue()


def build_prepared(data: bytes) -> bytes:
    """Return the skeleton file of the reference document ``data`` (``skeleton``, ``prepare``)."""
    # python-docx, through ``prepare``: only this script and advisors' references need it.
    from generator.docx import prepare, skeleton  # noqa: PLC0415
    from generator.docx.reference import Reference  # noqa: PLC0415

    return skeleton.to_bytes(prepare.prepare(Reference(data, "reference.docx")))


def main() -> None:
    """Write the reference document and its prepared skeleton beside the package data."""
    folder = Path(__file__).resolve().parent.parent / "data"
    data = build()
    (folder / "reference.docx").write_bytes(data)
    (folder / "reference-prepared.docx").write_bytes(build_prepared(data))
    sys.stdout.write(f"{folder / 'reference.docx'}\n{folder / 'reference-prepared.docx'}\n")


if __name__ == "__main__":
    main()
