"""Articles are numbered by the renderer; references follow the labels."""

import pytest

from generator.errors import TemplateRenderError
from generator.numbering import marker, number_document, romain


def _doc(*parts):
    return "\n\n".join(parts)


def test_numbers_titres_articles_and_sub_articles():
    text = _doc(
        f"## {marker('T', 'un')} – Premier",
        f"### {marker('A', 'a')} – A",
        f"voir l'article {marker('R', 'c')}",
        f"### {marker('A', 'b')} – B",
        f"#### {marker('S', 'b1')} – B un",
        "texte",
        f"## {marker('T', 'deux')} – Second",
        f"### {marker('A', 'c')} – C",
        f"selon l'article {marker('R', 'b1')} du titre {marker('R', 'deux')}",
    )
    numbered = number_document(text, "test")
    assert "### Article 1 – A" in numbered.text
    assert "#### Article 2-1 – B un" in numbered.text
    assert "voir l'article 3" in numbered.text
    assert "selon l'article 2-1 du titre II" in numbered.text
    assert [(h.label, h.number) for h in numbered.headings] == [
        ("un", "I"),
        ("a", "1"),
        ("b", "2"),
        ("b1", "2-1"),
        ("deux", "II"),
        ("c", "3"),
    ]
    assert numbered.references == (("c", "3"), ("b1", "2-1"), ("deux", "II"))


def test_removing_an_article_renumbers_references():
    full = _doc(
        f"### {marker('A', 'a')} – A",
        "x",
        f"### {marker('A', 'opt')} – Optionnel",
        "y",
        f"### {marker('A', 'c')} – C",
        f"voir l'article {marker('R', 'c')}",
    )
    without = full.replace(f"### {marker('A', 'opt')} – Optionnel\n\ny\n\n", "")
    assert "voir l'article 3" in number_document(full, "t").text
    assert "voir l'article 2" in number_document(without, "t").text


def test_reference_to_missing_label_is_an_error():
    with pytest.raises(TemplateRenderError, match="absent"):
        number_document(f"voir {marker('R', 'nulle_part')}", "t")


def test_duplicate_label_is_an_error():
    text = _doc(f"### {marker('A', 'a')} – A", f"### {marker('A', 'a')} – B")
    with pytest.raises(TemplateRenderError, match="deux fois"):
        number_document(text, "t")


def test_romain():
    assert [romain(n) for n in (1, 4, 7, 9, 12)] == ["I", "IV", "VII", "IX", "XII"]
