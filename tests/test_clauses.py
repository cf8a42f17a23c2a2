"""Free clauses (clauses_supplementaires): placement after any label, numbering, citations, escaping,
the E-CLAUSES rule and the ``cpts labels`` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt

from generator import api, clauses, render
from generator.cli import cli
from generator.rules.clauses import etiquettes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCUMENTS = {"statuts": "statuts", "reglement-interieur": "reglement_interieur"}


def _check(tmp_path: Path, data: dict[str, object]) -> api.CheckResult:
    answers = tmp_path / "reponses.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return api.check_file(answers)


@pytest.mark.parametrize("example", ["cpts-avecsante.yaml", "inter-cpts-departementale.yaml"])
def test_a_clause_after_every_label_renders_is_numbered_and_cited(tmp_path: Path, example: str) -> None:
    """One clause after each label of both documents, each cited by the next clause."""
    source = EXAMPLES / example
    base_model = api.load_answers(source)
    labels = etiquettes(base_model)
    extra: list[dict[str, str]] = []
    for name, headings in labels.items():
        previous = None
        for label, _, _ in headings:
            texte = f"Texte de la clause {len(extra)}."
            if previous is not None:
                texte += f" Voir l'article [[{previous}]]."
            extra.append(
                {
                    "document": DOCUMENTS[name],
                    "apres": label,
                    "titre": f"Clause {len(extra)}",
                    "label": f"x_{label}"[:40],
                    "texte": texte,
                }
            )
            previous = f"x_{label}"[:40]
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["clauses_supplementaires"] = extra[:30]
    result = _check(tmp_path, data)
    assert result.model is not None, "\n".join(f.format() for f in result.errors)
    documents = render.render_documents(result.model, ("statuts", "reglement-interieur"))
    for index, clause in enumerate(result.model.clauses_supplementaires):
        numbered = documents[clause.document].numbered
        number = numbered.number(clause.label)
        assert re.fullmatch(r"\d+", number), (clause.label, number)
        assert f"### Article {number} – Clause {index}\n\nTexte de la clause {index}." in numbered.text
        # Articles are numbered in reading order: no number is used twice.
        articles = [h.number for h in numbered.headings if h.kind == "A"]
        assert articles == [str(i) for i in range(1, len(articles) + 1)]
    for clause in result.model.clauses_supplementaires:
        cited = clauses.citations(clause.texte)
        numbered = documents[clause.document].numbered
        for label in cited:
            assert f"Voir l'article {numbered.number(label)}." in numbered.text


def test_remaining_labels_also_take_a_clause(tmp_path: Path) -> None:
    """The schema allows 30 clauses: the labels beyond the first 30 are tried in a second file."""
    source = EXAMPLES / "cpts-avecsante.yaml"
    labels = etiquettes(api.load_answers(source))
    pairs = [(name, label) for name, headings in labels.items() for label, _, _ in headings]
    for start in range(30, len(pairs), 30):
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data["clauses_supplementaires"] = [
            {"document": DOCUMENTS[name], "apres": label, "titre": f"Clause {i}", "texte": "Texte."}
            for i, (name, label) in enumerate(pairs[start : start + 30])
        ]
        result = _check(tmp_path, data)
        assert result.model is not None, "\n".join(f.format() for f in result.errors)
        documents = render.render_documents(result.model, ("statuts", "reglement-interieur"))
        for i, clause in enumerate(result.model.clauses_supplementaires):
            numbered = documents[clause.document].numbered
            assert f"### Article {numbered.number(clause.label)} – Clause {i}\n" in numbered.text


def test_clause_text_is_escaped_except_paragraphs_and_lists() -> None:
    texte = "Un *gras* {{ x }} <b>\n# pas un titre\n\n- premier [[objet]] ;\n- second.\n\n1. pas une liste"
    markdown = clauses.corps(texte)
    assert "\\*gras\\*" in markdown
    assert "\\{\\{ x \\}\\}" in markdown
    assert "\\<b\\>" in markdown
    assert "\n#" not in markdown
    assert "- premier \x1eR:objet\x1f ;\n- second." in markdown
    assert "1\\. pas une liste" in markdown


def test_clause_after_a_titre_is_its_first_article(tmp_path: Path) -> None:
    data = yaml.safe_load((EXAMPLES / "cpts-avecsante.yaml").read_text(encoding="utf-8"))
    data["clauses_supplementaires"] = [
        {"document": "statuts", "apres": "titre_composition", "titre": "Charte", "texte": "La charte."}
    ]
    result = _check(tmp_path, data)
    assert result.model is not None
    text = render.render_documents(result.model, ("statuts",))["statuts"].numbered.text
    titre = text.index("Titre II")
    first = text[text.index("### Article", titre) :].split("\n", 1)[0]
    assert first.endswith("– Charte"), first


def test_existing_documents_unchanged_without_clauses() -> None:
    model = api.load_answers(EXAMPLES / "cpts-avecsante.yaml")
    assert model.clauses_supplementaires == ()


def test_cli_labels_lists_both_documents() -> None:
    result = CliRunner().invoke(cli, ["labels", str(EXAMPLES / "cpts-avecsante.yaml")])
    assert result.exit_code == 0, result.output
    assert "Statuts (document\u00a0: statuts)" in result.output
    assert "Règlement intérieur (document\u00a0: reglement_interieur)" in result.output
    assert re.search(r"^  objet +Article \d+ – Objet$", result.output, re.MULTILINE)
    assert re.search(r"^  territoire +Article \d+ – Territoire$", result.output, re.MULTILINE)


def test_cli_labels_still_lists_when_only_clauses_are_wrong() -> None:
    fixture = Path(__file__).parent / "fixtures" / "invalid" / "e-clauses.yaml"
    result = CliRunner().invoke(cli, ["labels", str(fixture)])
    assert result.exit_code == 0, result.output
    assert "[E-CLAUSES]" in result.output
    assert re.search(r"^  duree +Article \d+ – Durée$", result.output, re.MULTILINE)


def test_cli_labels_refuses_other_errors() -> None:
    fixture = Path(__file__).parent / "fixtures" / "invalid" / "e-honneur.yaml"
    result = CliRunner().invoke(cli, ["labels", str(fixture)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_annotations_name_a_free_clause_as_the_founders_text() -> None:
    model = api.load_answers(EXAMPLES / "cpts-deux-departements.yaml")
    found = api._annotations(model, ["statuts", "reglement-interieur"])
    clause = found["statuts"]("Article 4 – Référents de sous-territoire")
    assert len(clause) == 1 and "clauses_supplementaires" in clause[0]
    reunions = found["reglement-interieur"]("Article 2 – Réunions de sous-territoire")
    assert "clauses_supplementaires" in reunions[0]
    # The model's own articles keep their sources.
    assert any("AVECsanté" in s for s in found["statuts"]("Article 9 – Durée"))


def test_verification_asks_to_have_the_free_clauses_read() -> None:
    model = api.load_answers(EXAMPLES / "cpts-deux-departements.yaml")
    documents = render.render_documents(model, ("statuts", "verification"))
    report = documents["verification"].markdown
    assert "## Clauses supplémentaires" in report
    for clause in model.clauses_supplementaires:
        assert f"«\u00a0{clause.titre}\u00a0»" in report
        if clause.document == "statuts":
            number = documents["statuts"].numbered.number(clause.label)
            assert f"article {number} des statuts\u00a0: «\u00a0{clause.titre}\u00a0»" in report
    without = render.render_documents(api.load_answers(EXAMPLES / "cpts-avecsante.yaml"), ("verification",))
    assert "Clauses supplémentaires" not in without["verification"].markdown


HOSTILE_LINES = ("```python", "> citation", "    code indenté", "+ pas une liste", "* pas une liste")
HOSTILE_LINES += ("| a | b |", "---", "=== ", "# titre", "<b>gras</b>")


@pytest.mark.parametrize("line", HOSTILE_LINES)
def test_clause_text_never_builds_markdown_structure(line: str) -> None:
    html = MarkdownIt("commonmark").enable("table").render(clauses.corps(f"Avant.\n\n{line}\n\nAprès."))
    for tag in ("<pre", "<code", "<blockquote", "<table", "<hr", "<h1", "<h2", "<ul", "<b>"):
        assert tag not in html, (line, html)


@pytest.mark.parametrize("apres", ["objet", "titre_composition", "membres"])
def test_clauses_after_the_same_label_keep_the_answers_order(tmp_path: Path, apres: str) -> None:
    data = yaml.safe_load((EXAMPLES / "cpts-avecsante.yaml").read_text(encoding="utf-8"))
    data["clauses_supplementaires"] = [
        {"document": "statuts", "apres": apres, "titre": titre, "texte": "Texte."}
        for titre in ("Premiere", "Deuxieme", "Troisieme")
    ]
    result = _check(tmp_path, data)
    assert result.model is not None
    text = render.render_documents(result.model, ("statuts",))["statuts"].numbered.text
    positions = [text.index(f"– {titre}\n") for titre in ("Premiere", "Deuxieme", "Troisieme")]
    assert positions == sorted(positions)
    numbers = [int(re.search(rf"Article (\d+) – {t}\n", text).group(1)) for t in ("Premiere", "Deuxieme")]
    assert numbers[1] == numbers[0] + 1


def test_cli_labels_without_a_file_gives_the_model_labels() -> None:
    result = CliRunner().invoke(cli, ["labels"])
    assert result.exit_code == 0, result.output
    assert "modèle AVECsanté" in result.output
    # The model has a conseil d'administration: its articles have labels.
    ca = r"^  conseil_administration +Article \d+ – Conseil d'administration$"
    assert re.search(ca, result.output, re.MULTILINE)
    assert "Règlement intérieur (document\u00a0: reglement_interieur)" in result.output
