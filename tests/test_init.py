"""``cpts init`` without a terminal: the question logic, the writer, --modele, --defauts, --force."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from generator import api, loader, resources, schema
from generator.cli import cli
from generator.init import command, flux, fondateurs, parcours, pourquoi, schema_view, stubs, themes, writer
from generator.init.donnees import lookup
from generator.init.engine import DELETE, Choice, Engine, NoDefaultError, pattern_of
from generator.init.terminal import Interrupted

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))
EXAMPLES_INIT = EXAMPLES


class Scripted:
    """A terminal that types the given lines in order and keeps what it showed."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        self.shown: list[str] = []
        self.prompts: list[str] = []

    def say(self, text: str = "") -> None:
        self.shown.append(text)

    def ask(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.lines:
            raise Interrupted
        return self.lines.pop(0)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="cpts")


def example_data(path: Path) -> dict[str, Any]:
    data, _ = command.read_previous(path)
    return data


# --- one answer ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "typed", "expected"),
    [
        (("association", "population"), "95 000", 95000),
        (("association", "population"), "aucun", None),
        (("association", "duree"), "illimitee", "illimitee"),
        (("association", "duree"), "99", 99),
        (("association", "siege", "code_postal"), "01500", "01500"),
        (("colleges", 0, "cotisation"), "12,5", 12.5),
        (("colleges", 0, "cotisation"), "20", 20),
        (("gouvernance", "assemblees", "visioconference"), "oui", True),
        (("gouvernance", "assemblees", "visioconference"), "Non", False),
        (("gouvernance", "assemblees", "ordinaire", "quorum"), "-", None),
        (("association", "nom"), "no", "no"),
    ],
)
def test_a_typed_answer_becomes_the_value_the_schema_expects(
    path: tuple[str | int, ...], typed: str, expected: Any
) -> None:
    engine = Engine(Scripted(typed))
    assert engine.ask(path) == expected
    assert schema_view.problems(path, expected) == []


def test_a_choice_is_given_by_its_number_or_its_code() -> None:
    choices = [Choice("total"), Choice("partiel")]
    path = ("gouvernance", "conseil_administration", "renouvellement", "mode")
    assert Engine(Scripted("2")).ask(path, choices=choices) == "partiel"
    assert Engine(Scripted("Total")).ask(path, choices=choices) == "total"


def test_a_refused_answer_is_explained_then_asked_again() -> None:
    terminal = Scripted("2A7", "", "2A")
    assert Engine(terminal).ask(("association", "departement")) == "2A"
    assert len(terminal.prompts) == 3
    refusals = [line for line in terminal.shown if line.startswith("  ✗")]
    assert refusals[0].startswith("  ✗ « 2A7 » ne convient pas : attendu un code de département INSEE")
    assert refusals[1] == "  ✗ une réponse est attendue"


def test_entree_takes_the_model_choice_and_the_question_says_why() -> None:
    terminal = Scripted("")
    assert Engine(terminal).ask(("gouvernance", "conseil_administration", "reunions_min_par_an")) == 3
    assert terminal.prompts == ["Réunions par an [3]"]
    assert (
        "  Modèle AVECsanté\u00a0: 3. « Le CA se réunit au moins trois fois par an » (art. 11)."
        in terminal.shown
    )


def test_a_nested_key_takes_its_default_from_the_enclosing_default() -> None:
    assert schema_view.default(("gouvernance", "conseil_administration", "renouvellement", "mode")) == "total"
    assert schema_view.default(("gouvernance", "assemblees", "extraordinaire", "quorum")) == "1/2+1"


def test_the_depuis_answer_comes_before_the_model_choice() -> None:
    previous = {"gouvernance": {"assemblees": {"convocation_jours": 21}}}
    terminal = Scripted("")
    assert Engine(terminal, previous).ask(("gouvernance", "assemblees", "convocation_jours")) == 21
    assert terminal.prompts == ["Délai de convocation [21]"]
    assert "  Dans votre fichier\u00a0: 21." in terminal.shown


def test_texts_are_entered_one_by_one_and_a_proposed_item_can_be_dropped() -> None:
    previous = {"association": {"communes": ["Lille", "Roubaix", "Tourcoing"]}}
    terminal = Scripted("", "-", "", "Wattrelos", "Lille", "")
    answer = Engine(terminal, previous).texts(("association", "communes"), "Commune")
    assert answer == ["Lille", "Tourcoing", "Wattrelos"]
    assert "  ✗ « Lille » est déjà dans la liste" in terminal.shown


def test_a_commune_is_typed_as_a_name_or_as_name_departement_and_sous_territoire() -> None:
    terminal = Scripted(
        "Loches", "Châtillon-sur-Indre ; 36 ; Châtillonnais", "Genillé ; ; Montrésorois", "a;b;c;d", ""
    )
    answer = Engine(terminal, {}).texts(("association", "communes"), "Commune")
    assert answer == [
        "Loches",
        {"nom": "Châtillon-sur-Indre", "departement": "36", "sous_territoire": "Châtillonnais"},
        {"nom": "Genillé", "sous_territoire": "Montrésorois"},
    ]
    assert any("trois parties au plus" in line for line in terminal.shown)


def test_the_communes_of_a_depuis_file_come_back_as_the_lines_that_write_them() -> None:
    example = next(p for p in EXAMPLES if p.stem == "cpts-deux-departements")
    previous = example_data(example)
    communes = previous["association"]["communes"]
    terminal = Scripted(*[""] * (len(communes) + 1))
    answer = Engine(terminal, previous).texts(("association", "communes"), "Commune")
    assert answer == communes
    assert "Commune n° 8 [Châtillon-sur-Indre ; 36 ; Châtillonnais]" in terminal.prompts
    assert "Commune n° 1 [Loches ; ; Lochois]" in terminal.prompts


def test_an_optional_answer_left_empty_removes_the_key() -> None:
    engine = Engine(Scripted(""))
    engine.value(("membres", "fondateurs", 0, "email"), optional=True)
    assert engine.answers["membres"]["fondateurs"][0]["email"] is DELETE


def test_member_ids_are_proposed_from_the_names_and_kept_unique() -> None:
    assert fondateurs.identifiant("Émilie", "Le Gall", set()) == "elegall"
    assert fondateurs.identifiant("Émilie", "Le Gall", {"elegall"}) == "elegall2"
    assert fondateurs.identifiant("", "2 CPTS Sud", set()) == "m2cptssud"


# --- --defauts and the rules -------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES_INIT, ids=lambda p: p.stem)
def test_every_question_asked_has_its_why_line(example: Path) -> None:
    engine = Engine(Scripted(), example_data(example), auto=True, stub=stubs.complete)
    parcours.run(engine)
    missing = sorted({key for key in engine.asked if key not in pourquoi.POURQUOI})
    assert missing == []
    assert len(engine.asked) > 60


@pytest.mark.parametrize("example", EXAMPLES_INIT, ids=lambda p: p.stem)
def test_defauts_from_an_example_gives_back_the_same_answers(example: Path, tmp_path: Path) -> None:
    target = tmp_path / example.name
    result = run("init", "--defauts", "--depuis", str(example), str(target))
    assert result.exit_code == 0, result.output
    before, after = api.load_answers(example), api.load_answers(target)
    fields = ("association", "colleges", "fondateurs", "conseil_administration", "bureau", "assemblees")
    for name in fields:
        assert getattr(after, name) == getattr(before, name), name


def test_defauts_without_a_file_names_the_first_question_without_default(tmp_path: Path) -> None:
    result = run("init", "--defauts", str(tmp_path / "cpts.yaml"))
    assert result.exit_code == 2
    assert "la question « Dénomination » (association.nom) n'a pas de valeur par défaut" in result.output
    assert not (tmp_path / "cpts.yaml").exists()


def test_defauts_refuses_a_file_that_breaks_a_rule(tmp_path: Path) -> None:
    source = tmp_path / "source.yaml"
    text = EXAMPLES[0].read_text(encoding="utf-8")
    text = text.replace("secretaire: {membre: ehpad-tilleuls", "secretaire: {membre: msp-vallee")
    source.write_text(text, encoding="utf-8")
    result = run("init", "--defauts", "--depuis", str(source), str(tmp_path / "out.yaml"))
    assert result.exit_code == 1, result.output
    assert "[E-BUREAU-" in result.output
    assert not (tmp_path / "out.yaml").exists()


def test_no_defauts_error_in_a_missing_answer() -> None:
    engine = Engine(Scripted(), {}, auto=True)
    with pytest.raises(NoDefaultError):
        engine.ask(("association", "nom"))


def test_a_rule_error_re_asks_the_answered_question_it_points_at() -> None:
    data = example_data(EXAMPLES[0])  # cpts-avecsante
    terminal = Scripted()
    engine = Engine(terminal, {})
    engine.answers = copy.deepcopy(data)
    path = ("ag_constitutive", "bureau_elu", "secretaire")
    engine.answers["ag_constitutive"]["bureau_elu"]["secretaire"] = "gperrin"  # already president
    calls: list[str] = []

    def again() -> None:
        calls.append("secretaire")
        assert len(calls) == 1, "asked again although the answer was fixed"
        engine.put(path, {"membre": "ehpad-tilleuls", "personne": "Nathalie Brun"})

    engine.register(path, again)
    engine.check_rules()
    # Every error of the theme is shown at once, in plain French; the one question they point at
    # is asked again once.
    assert calls == ["secretaire"]
    refusals = [line for line in terminal.shown if line.startswith("  ✗")]
    assert len(refusals) == 2
    assert any("déjà président" in line for line in refusals)
    assert "2 réponses à revoir\u00a0:" in terminal.shown
    assert not any("E-BUREAU" in line for line in terminal.shown)


def test_placeholders_break_no_rule_by_themselves() -> None:
    for modele in ("cpts", "inter_cpts"):
        data = stubs.complete({"modele": modele})
        result = api.check_loaded(loader.LoadedAnswers(file="", data=data))
        assert result.valid, [f.format() for f in result.errors]


# --- the written file --------------------------------------------------------------------------------


def test_texts_that_yaml_11_would_misread_are_quoted(tmp_path: Path) -> None:
    answers = {
        "association": {"nom": "no", "sigle": "yes", "siege": {"code_postal": "01500"}},
        "modele": "cpts",
    }
    text = writer.render(answers, None, tmp_path / "f.yaml")
    assert 'nom: "no"' in text
    assert 'sigle: "yes"' in text
    assert 'code_postal: "01500"' in text
    assert "modele: cpts" in text
    assert loader.load_text(text, "f.yaml").data["association"]["siege"]["code_postal"] == "01500"


def test_a_new_file_is_ordered_like_the_spec_with_a_comment_per_section(tmp_path: Path) -> None:
    answers = {"cotisation": {"echeance": "mars"}, "association": {"nom": "X"}, "version": 1}
    text = writer.render(answers, None, tmp_path / "f.yaml")
    assert text.index("version:") < text.index("association:") < text.index("cotisation:")
    assert f"\n# {writer.SECTIONS['cotisation']}\ncotisation:" in text
    assert text.splitlines()[0] == writer.modeline(tmp_path / "f.yaml")


def test_merging_keeps_comments_inserts_new_keys_in_order_and_removes_emptied_ones(tmp_path: Path) -> None:
    base = "# tête\nassociation:\n  nom: A  # garder\n  sigle: S\n# fin\ncotisation:\n  echeance: mars\n"
    answers = {"association": {"nom": "A", "sigle": DELETE, "territoire": "T"}, "colleges": [{"code": "ps"}]}
    text = writer.render(answers, base, tmp_path / "f.yaml")
    assert "nom: A  # garder" in text
    assert "sigle" not in text
    assert text.index("territoire") > text.index("nom: A")
    assert text.index("colleges:") < text.index("cotisation:")
    assert "# tête" in text
    assert "# fin" in text


def test_the_same_answers_give_the_same_bytes(tmp_path: Path) -> None:
    data = example_data(EXAMPLES[1])
    assert writer.render(data, None, tmp_path / "a.yaml") == writer.render(data, None, tmp_path / "a.yaml")


def test_writing_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    writer.write_atomically(target, "version: 1\n")
    assert target.read_text(encoding="utf-8") == "version: 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]


# --- the command ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_modele_copies_a_shipped_example_that_check_accepts(example: Path, tmp_path: Path) -> None:
    target = tmp_path / "reponses.yaml"
    result = run("init", "--modele", example.stem, str(target))
    assert result.exit_code == 0, result.output
    written = target.read_text(encoding="utf-8").splitlines()
    original = example.read_text(encoding="utf-8").splitlines()
    assert written[1:] == original[1:]
    assert written[0] == writer.modeline(target)
    assert api.check_file(target).valid


def test_modele_names_the_examples_when_it_does_not_know_one(tmp_path: Path) -> None:
    result = run("init", "--modele", "inconnu", str(tmp_path / "f.yaml"))
    assert result.exit_code == 2
    assert "exemple inconnu « inconnu » ; exemples : cpts-avecsante" in result.output


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_text("garde-moi\n", encoding="utf-8")
    result = run("init", "--modele", "cpts-avecsante", str(target))
    assert result.exit_code == 3
    assert "existe déjà ; ajoutez --force pour le remplacer" in result.output
    assert target.read_text(encoding="utf-8") == "garde-moi\n"
    interactive = run("init", str(target))  # refused before the first question
    assert interactive.exit_code == 3
    assert "Dénomination" not in interactive.output
    assert run("init", "--modele", "cpts-avecsante", "--force", str(target)).exit_code == 0


def test_a_missing_folder_is_refused_before_the_first_question(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "absent" / "f.yaml"))
    assert result.exit_code == 3
    assert "n'existe pas" in result.output
    assert "Dénomination" not in result.output


def test_modele_and_depuis_exclude_each_other(tmp_path: Path) -> None:
    result = run("init", "--modele", "cpts-avecsante", "--depuis", str(EXAMPLES[0]), str(tmp_path / "f.yaml"))
    assert result.exit_code == 2
    assert "--modele et --depuis s'excluent" in result.output


def test_depuis_an_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "ancre.yaml"
    source.write_text("a: &x 1\nb: *x\n", encoding="utf-8")
    result = run("init", "--defauts", "--depuis", str(source), str(tmp_path / "f.yaml"))
    assert result.exit_code == 2
    assert "ancre YAML" in result.output
    assert "Traceback" not in result.output


def test_the_end_of_the_input_interrupts_without_writing(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "f.yaml")], input="CPTS X\n", prog_name="cpts")
    assert result.exit_code == 130
    assert "Interrompu." in result.output
    assert not (tmp_path / "f.yaml").exists()


def test_pattern_keys_replace_list_indexes_by_a_star() -> None:
    assert pattern_of(("colleges", 3, "voix")) == "colleges.*.voix"


def test_the_schema_line_points_to_the_copy_beside_the_file_wherever_it_lives(tmp_path: Path) -> None:
    # A relative name: the file and its schema can be moved or sent together, and it works offline.
    line = writer.modeline(tmp_path / "a" / "b.yaml")
    assert line == writer.modeline(Path("/elsewhere/c.yaml"))
    assert line == "# yaml-language-server: $schema=questionnaire.schema.json"
    assert "://" not in line and "/" not in line.split("=", 1)[1]


def test_init_writes_the_schema_beside_the_answers_file_the_modeline_names(tmp_path: Path) -> None:
    target = tmp_path / "dossier" / "reponses.yaml"
    target.parent.mkdir()
    result = run("init", "--modele", "cpts-avecsante", str(target))
    assert result.exit_code == 0, result.output
    named = target.read_text(encoding="utf-8").splitlines()[0].split("$schema=", 1)[1]
    beside = target.parent / named
    assert beside.read_bytes() == resources.schema_path().read_bytes()
    assert json.loads(beside.read_text(encoding="utf-8")) == schema.load_schema()
    moved = tmp_path / "ailleurs"
    target.parent.rename(moved)  # the folder moved elsewhere: the relative link still resolves
    assert (moved / named).is_file()


def test_init_never_replaces_a_schema_already_beside_the_file(tmp_path: Path) -> None:
    mine = tmp_path / writer.SCHEMA_FILE
    mine.write_text("{}", encoding="utf-8")
    target = tmp_path / "reponses.yaml"
    result = run("init", "--defauts", "--depuis", str(EXAMPLES[0]), str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(writer.modeline(target) + "\n")
    assert mine.read_text(encoding="utf-8") == "{}"


def test_a_draft_line_says_how_many_questions_were_answered_and_goes_at_the_end(tmp_path: Path) -> None:
    text = writer.render({"version": 1}, None, tmp_path / "f.yaml", draft=7)
    assert writer.draft_count(text) == 7
    finished = writer.render({"version": 1}, text, tmp_path / "f.yaml")
    assert writer.draft_count(finished) is None
    assert "brouillon" not in finished


def test_a_replayed_engine_takes_the_given_answers_silently_then_asks() -> None:
    terminal = Scripted("CPTS du Val", "Val")
    previous = {"modele": "cpts", "association": {"nom": "CPTS du Val"}}
    engine = Engine(terminal, previous, skip=1)
    assert engine.ask(("modele",)) == "cpts"
    assert terminal.prompts == []  # replayed without a word
    assert engine.ask(("association", "nom")) == "CPTS du Val"
    assert terminal.prompts == ["Dénomination [CPTS du Val]"]
    assert engine.count == 2


# --- the questions as data: the terminal walks the table the web form reads ------------------------


def _data_keys(theme: themes.Theme, data: dict[str, Any]) -> list[str]:
    """The keys a theme's table asks for ``data``, in order (list items as ``*``)."""
    keys: list[str] = []
    for element in theme.elements:
        if not themes.applies(element, data):
            continue
        if isinstance(element, themes.Question):
            keys.append(element.cle)
        elif isinstance(element, themes.Cles):
            keys += [f"{element.cle}.{key}" for key in element.cles(data)]
        elif isinstance(element, themes.ParLigne):
            rows = data.get(element.cle, [])
            keys += [f"{element.cle}.*.{element.question.cle}"] * len(rows)
        elif isinstance(element, themes.Tableau):
            rows = lookup(data, tuple(element.cle.split(".")))
            for row in rows if isinstance(rows, list) else []:
                keys += [
                    f"{element.cle}.*.{c.cle}"
                    for c in element.colonnes
                    if themes.applies(c, data) and (c.quand_ligne is None or c.quand_ligne(row))
                ]
    return keys


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("cle", [t.cle for t in themes.THEMES if t.cle != "fondateurs"])
def test_a_theme_of_the_terminal_asks_the_keys_of_its_data_in_order(example: Path, cle: str) -> None:
    data = example_data(example)
    engine = Engine(Scripted(), data, auto=True, stub=stubs.complete)
    engine.answers = copy.deepcopy(data)  # the earlier themes answered as in the file
    flux.ask_theme(engine, cle)
    theme = themes.theme(cle)
    assert theme is not None
    tables = {e.cle for e in theme.elements if isinstance(e, themes.Tableau)}  # « encore un ? »
    asked = [key for key in engine.asked if key not in tables]
    assert asked == _data_keys(theme, engine.answers)
    assert asked  # every theme asks something


def test_a_question_that_does_not_apply_gets_its_answer_from_the_data() -> None:
    # Without a CA the bureau validates the membership (sinon="bureau"): nothing is asked.
    data = {"gouvernance": {"conseil_administration": None}, "colleges": [{"code": "ps"}, {"code": "esp"}]}
    previous = {"colleges": [{"cotisation": 20}, {"cotisation": 10}], "cotisation": {"echeance": "mars"}}
    engine = Engine(Scripted(), previous, auto=True)
    engine.answers = copy.deepcopy(data)
    flux.ask_theme(engine, "cotisations")
    assert engine.answers["adhesion"]["validation_par"] == "bureau"
    assert "adhesion.validation_par" not in engine.asked
    assert engine.asked[:2] == ["colleges.*.cotisation", "colleges.*.cotisation"]
    assert [c["cotisation"] for c in engine.answers["colleges"]] == [20, 10]


def test_every_detailed_answer_of_the_table_has_its_terminal_question() -> None:
    kinds = {
        element.detail
        for theme in themes.THEMES
        for element in theme.elements
        if isinstance(element, (themes.Question, themes.Tableau, themes.Cles)) and element.detail
    }
    assert kinds == set(fondateurs.HANDLERS)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_theme_8_asks_the_session_of_the_table_then_its_detailed_answers(example: Path) -> None:
    data = example_data(example)
    engine = Engine(Scripted(), data, auto=True, stub=stubs.complete)
    engine.answers = {k: copy.deepcopy(v) for k, v in data.items() if k not in ("membres", "ag_constitutive")}
    fondateurs.constitutive(engine)
    session = [q.cle for q in themes.SEANCE]
    asked = [key for key in engine.asked if key in session]
    assert asked == session
    assert engine.asked.index("ag_constitutive") < engine.asked.index(session[0])
    votes = engine.answers["ag_constitutive"]["votes"]
    given = data["ag_constitutive"]["votes"]
    assert {k: v for k, v in votes.items() if k in given} == given
    assert all(v == "unanimite" for k, v in votes.items() if k not in given)  # the model's default


def test_defauts_keep_the_vocabulary_of_2026_11(tmp_path: Path) -> None:
    """Free clauses, communes with their sous-territoire, principles and adhesion come back whole."""
    source = next(p for p in EXAMPLES if p.stem == "cpts-deux-departements")
    target = tmp_path / source.name
    result = run("init", "--defauts", "--depuis", str(source), str(target))
    assert result.exit_code == 0, result.output
    before, after = api.load_answers(source), api.load_answers(target)
    assert after.clauses_supplementaires == before.clauses_supplementaires
    assert after.association.communes_detail == before.association.communes_detail
    assert (after.objet, after.adhesion) == (before.objet, before.adhesion)
