"""Word comments: the sources of each article in the margin (``cpts render --annotations``).

A comment is three marks in the body (where its range starts and ends, and the run that shows its
reference) and an entry of the comments part, which the main part relates to and the content types
declare (ECMA-376 part 1, 17.13.4). Its text is escaped like the body's; it has no date (Word does
not require one), so the same answers still give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.docx.ooxml import W_NAMESPACE, Para, escape

PART = "word/comments.xml"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
AUTHOR = "cpts"
HEADING = "Sources\u00a0:"


def mark(paragraph: Para, comment_id: int) -> None:
    """Put the whole paragraph in the range of comment ``comment_id`` and show its reference."""
    paragraph.runs.insert(0, f'<w:commentRangeStart w:id="{comment_id}"/>')
    paragraph.runs.append(f'<w:commentRangeEnd w:id="{comment_id}"/>')
    paragraph.runs.append(f'<w:r><w:commentReference w:id="{comment_id}"/></w:r>')


def part(comments: Sequence[Sequence[str]]) -> bytes:
    """Return the comments part: comment ``i`` lists the sources ``comments[i]``, one per paragraph."""
    entries = []
    for comment_id, sources in enumerate(comments):
        paragraphs = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
            for text in (HEADING, *sources)
        )
        who = f'w:author="{AUTHOR}" w:initials="{AUTHOR}"'
        entries.append(f'<w:comment w:id="{comment_id}" {who}>{paragraphs}</w:comment>')
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:comments xmlns:w="{W_NAMESPACE}">{"".join(entries)}</w:comments>'
    )
    return xml.encode("utf-8")


def declare(parts: dict[str, bytes], document: str) -> dict[str, bytes]:
    """Return ``parts`` with the comments part related to the main part and its content type declared."""
    types = parts["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/{PART}" ContentType="{CONTENT_TYPE}"/>'
    if f'PartName="/{PART}"' not in types:
        types = types.replace("</Types>", override + "</Types>", 1)
    folder, _, name = document.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
    rels = parts[rels_name].decode("utf-8")
    rel_id = "rIdCptsComments"  # python-docx and Word number theirs rId1, rId2…
    target = PART[len(folder) + 1 :] if folder and PART.startswith(folder + "/") else f"/{PART}"
    relation = f'<Relationship Id="{rel_id}" Type="{RELATIONSHIP}" Target="{target}"/>'
    if RELATIONSHIP not in rels:
        rels = rels.replace("</Relationships>", relation + "</Relationships>", 1)
    updated = dict(parts)
    updated["[Content_Types].xml"] = types.encode("utf-8")
    updated[rels_name] = rels.encode("utf-8")
    return updated
