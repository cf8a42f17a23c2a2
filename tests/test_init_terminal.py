"""``cpts init`` driven through a real pseudo-terminal: a founder's session, answer by answer."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
from _terminal import Driver, spawn

from generator import api

# The answers a new user types; every other question is answered by Entrée (the proposal).
FOUNDERS: list[tuple[str, str | list[str]]] = [
    (r"^Dénomination", "CPTS Cœur des Flandres"),
    (r"^Territoire", "Cœur des Flandres"),
    (r"^Département", "59"),
    (r"^Commune n° 1", "Hazebrouck"),
    (r"^Commune n° 2", "Bailleul"),
    (r"^Adresse( \[|$)", "12 rue de la Gare"),
    (r"^Code postal", "59190"),
    (r"^Cotisation annuelle", "20"),
    (r"^Membre fondateur n° \d, encore", ["oui", "oui", "non"]),
    (r"^Nom( \[|$)", ["Dupont", "Martin", "Durand", "Petit"]),
    (r"^Prénom", ["Marie", "Jean", "Luc", "Anne"]),
    (r"^Collège( \(|$)", ["1", "4", "1", "4"]),
    (r"^Date( \[|$)", "2024-06-20"),
    (r"^Lieu", "Salle des fêtes, Hazebrouck"),
    (r"^Président de séance", "1"),
    (r"^Secrétaire de séance", "2"),
    (r"^Administrateurs élus", "1,2,3,4"),
    (r"^Président élu", "1"),
    (r"^Vice-président élu", "2"),
    (r"^Secrétaire élu", "3"),
    (r"^Trésorier élu", "4"),
]


def founders(*extra: tuple[str, str | list[str]]) -> list[tuple[str, str | list[str]]]:
    """The founders' answers, with ``extra`` answers taking precedence."""
    return [*extra, *((p, list(v) if isinstance(v, list) else v) for p, v in FOUNDERS)]


def test_a_full_run_writes_a_file_that_check_accepts_and_render_turns_into_documents(tmp_path: Path) -> None:
    driver = Driver(spawn("init", "cpts.yaml", cwd=tmp_path), founders())
    assert driver.run() == 0, driver.transcript[-2000:]
    target = tmp_path / "cpts.yaml"
    result = api.check_file(target)
    assert result.valid, [f.format() for f in result.errors]
    documents = api.render_markdown(api.load_answers(target))
    assert "CPTS Cœur des Flandres" in documents["statuts"]
    # Each question shows the model's choice (or why it is asked) and its proposal in brackets.
    # Codes are shown as words with accents: « illimitée », never « illimitee », « true » or « null ».
    assert "Modèle AVECsanté\u00a0: illimitée." in driver.transcript
    assert "Pourquoi\u00a0: La dénomination ouvre les statuts" in driver.transcript
    assert any(prompt.startswith("Durée de l'association [illimitée]") for prompt in driver.prompts)
    assert "Fichier de réponses écrit : cpts.yaml" in driver.transcript
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "# Les collèges : qui en fait partie" in text


def test_a_refused_answer_is_explained_in_french_and_asked_again(tmp_path: Path) -> None:
    driver = Driver(
        spawn("init", "cpts.yaml", cwd=tmp_path),
        founders((r"^Département", ["599", "59"]), (r"^Code postal", ["5919", "59190"])),
    )
    assert driver.run() == 0, driver.transcript[-2000:]
    assert "« 599 » ne convient pas : attendu un code de département INSEE" in driver.transcript
    assert "attendu un code postal de cinq chiffres" in driver.transcript
    assert [p for p in driver.prompts if p.startswith("Département")] == ["Département", "Département"]
    data = api.load_answers(tmp_path / "cpts.yaml")
    assert data.association.departement == "59"


def test_a_rule_refusal_asks_the_offending_question_again(tmp_path: Path) -> None:
    # The same founder as president and secretary breaks E-BUREAU-CUMUL: the secretary is re-asked.
    driver = Driver(spawn("init", "cpts.yaml", cwd=tmp_path), founders((r"^Secrétaire élu", ["1", "3"])))
    assert driver.run() == 0, driver.transcript[-2000:]
    assert "déjà président : les fonctions du bureau ne se cumulent pas" in driver.transcript
    assert "E-BUREAU-CUMUL" not in driver.transcript  # rule ids are for cpts check, not for founders
    assert len([p for p in driver.prompts if p.startswith("Secrétaire élu")]) == 2
    assert api.check_file(tmp_path / "cpts.yaml").valid


def test_without_a_ca_no_ca_question_is_asked(tmp_path: Path) -> None:
    driver = Driver(
        spawn("init", "cpts.yaml", cwd=tmp_path), founders((r"^Un conseil d'administration", "non"))
    )
    assert driver.run() == 0, driver.transcript[-2000:]
    asked = "\n".join(driver.prompts)
    for ca_question in ("Sièges au CA", "Quorum du CA", "administrateurs", "Administrateurs élus", "Élu par"):
        assert ca_question not in asked
    text = (tmp_path / "cpts.yaml").read_text(encoding="utf-8")
    assert "conseil_administration: null" in text
    assert "elu_par: assemblee_generale" in text
    assert "sieges_ca" not in text
    assert api.check_file(tmp_path / "cpts.yaml").valid


def test_inter_cpts_asks_the_inter_cpts_questions(tmp_path: Path) -> None:
    driver = Driver(
        spawn("init", "inter.yaml", cwd=tmp_path),
        [
            (r"^Modèle de gouvernance", "2"),
            (r"^Collège( \(|$)", ["1", "1", "1", "1"]),
            (r"^Structure", ["CPTS Nord", "CPTS Sud", "CPTS Est", "CPTS Ouest"]),
            (r"^Représentant", ["Anne Roy", "Paul Roy", "Lise Roy", "Marc Roy"]),
            (r"^Personne désignée", ""),
            *((p, list(v) if isinstance(v, list) else v) for p, v in FOUNDERS if "Collège" not in p),
        ],
    )
    assert driver.run() == 0, driver.transcript[-2000:]
    assert "Une inter-CPTS n'a pas de conseil d'administration" in driver.transcript
    assert not [p for p in driver.prompts if p.startswith("Un conseil d'administration")]
    assert any(p.startswith("CPTS distinctes au bureau") for p in driver.prompts)
    assert any(p.startswith("Code [cpts]") for p in driver.prompts)
    assert "Voix [consultative]" in driver.prompts  # the partners' collège: consultative vote
    assert "Personne désignée par « CPTS Nord » [Anne Roy]" in driver.prompts
    result = api.check_file(tmp_path / "inter.yaml")
    assert result.valid, [f.format() for f in result.errors]


def test_ctrl_c_keeps_a_draft_that_init_resumes_at_the_first_unanswered_question(tmp_path: Path) -> None:
    child = spawn("init", "cpts.yaml", cwd=tmp_path)
    driver = Driver(child, founders())
    assert driver.run(stop_at=r"^Territoire") is None
    child.sendintr()
    child.expect("Interrompu.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "reprenez avec : cpts init cpts.yaml" in child.before.replace("\r", "")
    draft = (tmp_path / "cpts.yaml").read_text(encoding="utf-8")
    assert "# cpts init : brouillon, 3 réponse(s)" in draft
    assert 'nom: "CPTS Cœur des Flandres"' in draft
    # no temporary file left; the schema the draft's $schema line names sits beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cpts.yaml", "questionnaire.schema.json"]

    resumed = Driver(spawn("init", "cpts.yaml", cwd=tmp_path), founders())
    assert resumed.run() == 0, resumed.transcript[-2000:]
    assert resumed.prompts[0].startswith("Territoire"), resumed.prompts[:3]
    assert "Reprise du brouillon" in resumed.transcript
    result = api.check_file(tmp_path / "cpts.yaml")
    assert result.valid, [f.format() for f in result.errors]
    assert result.model is not None and result.model.association.nom == "CPTS Cœur des Flandres"
    assert "brouillon" not in (tmp_path / "cpts.yaml").read_text(encoding="utf-8")


def test_a_draft_is_saved_after_each_theme(tmp_path: Path) -> None:
    child = spawn("init", "cpts.yaml", cwd=tmp_path)
    assert Driver(child, founders()).run(stop_at=r"^Collège n° 3, encore") is None
    draft = (tmp_path / "cpts.yaml").read_text(encoding="utf-8")  # written before any Ctrl-C
    assert "# cpts init : brouillon, " in draft
    assert "Hazebrouck" in draft
    child.terminate(force=True)


def test_retour_goes_back_one_question_and_keeps_the_answer(tmp_path: Path) -> None:
    driver = Driver(
        spawn("init", "cpts.yaml", cwd=tmp_path),
        founders(
            (r"^Sigle", ["retour", ""]),
            (r"^Dénomination", ["CPTS Cœur des Flandres", ""]),
        ),
    )
    assert driver.run() == 0, driver.transcript[-2000:]
    names = [p for p in driver.prompts if p.startswith("Dénomination")]
    assert names == ["Dénomination", "Dénomination [CPTS Cœur des Flandres]"]
    assert "Votre réponse\u00a0: CPTS Cœur des Flandres." in driver.transcript
    assert api.load_answers(tmp_path / "cpts.yaml").association.nom == "CPTS Cœur des Flandres"


def test_dates_times_and_amounts_are_typed_the_french_way(tmp_path: Path) -> None:
    driver = Driver(
        spawn("init", "cpts.yaml", cwd=tmp_path),
        founders(
            (r"^Date( \[|$)", ["20 juin 2024"]),
            (r"^Heure( \[|$)", ["18 h 30"]),
            (r"^Cotisation annuelle", "« 1 500 € »"),
            (r"^Population", "95 000"),
        ),
    )
    assert driver.run() == 0, driver.transcript[-2000:]
    model = api.load_answers(tmp_path / "cpts.yaml")
    assert model.ag_constitutive is not None
    assert model.ag_constitutive.date.isoformat() == "2024-06-20"
    assert "18:30" in (tmp_path / "cpts.yaml").read_text(encoding="utf-8")
    assert "cotisation: 1500" in (tmp_path / "cpts.yaml").read_text(encoding="utf-8")


def test_ctrl_c_during_depuis_leaves_the_previous_file_untouched(tmp_path: Path) -> None:
    source = Path(__file__).parent.parent / "examples" / "cpts-petite-bureau.yaml"
    target = tmp_path / "cpts.yaml"
    target.write_bytes(source.read_bytes())
    child = spawn("init", "--depuis", "cpts.yaml", cwd=tmp_path)
    assert Driver(child, [(r"^Dénomination", "Autre nom")]).run(stop_at=r"^Fonctions") is None
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert target.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cpts.yaml"]


def test_depuis_proposes_the_file_answers_and_keeps_its_comments(tmp_path: Path) -> None:
    first = Driver(spawn("init", "cpts.yaml", cwd=tmp_path), founders())
    assert first.run() == 0
    target = tmp_path / "cpts.yaml"
    text = target.read_text(encoding="utf-8")
    text = text.replace("  nom: ", "  # Nom choisi en réunion le 3 mai.\n  nom: ", 1)
    text = text.replace("cotisation: 20\n", "cotisation: 20  # à revoir en 2025\n", 1)
    target.write_text(text, encoding="utf-8")
    before = api.check_file(target).model
    assert before is not None

    # Only the name changes; every other answer is taken from the file by Entrée.
    again = Driver(
        spawn("init", "--depuis", "cpts.yaml", cwd=tmp_path), [(r"^Dénomination", "CPTS des Flandres")]
    )
    assert again.run() == 0, again.transcript[-2000:]
    assert "Dénomination [CPTS Cœur des Flandres]" in again.prompts
    assert "Dans votre fichier\u00a0: Hazebrouck, Bailleul." in again.transcript
    assert any(p.startswith("Nom [Dupont]") for p in again.prompts)
    written = target.read_text(encoding="utf-8")
    assert "# Nom choisi en réunion le 3 mai." in written
    assert "cotisation: 20  # à revoir en 2025" in written
    assert written == text.replace('nom: "CPTS Cœur des Flandres"', 'nom: "CPTS des Flandres"')


def test_answers_have_no_trace_of_the_terminal(tmp_path: Path) -> None:
    # What was typed is what is written: no echo, no control characters in the file.
    driver = Driver(spawn("init", "cpts.yaml", cwd=tmp_path), founders())
    assert driver.run() == 0
    text = (tmp_path / "cpts.yaml").read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)


def test_a_founder_reads_words_never_codes_literals_or_rule_ids(tmp_path: Path) -> None:
    driver = Driver(spawn("init", "cpts.yaml", cwd=tmp_path), founders())
    assert driver.run() == 0, driver.transcript[-2000:]
    for code in (r"\btrue\b", r"\bfalse\b", r"\bnull\b", r"\b[EW]-[A-Z]+(?:-[A-Z]+)*\b", r"\billimitee\b"):
        assert not re.search(code, driver.transcript), code
    assert "Attention\u00a0: le conseil d'administration est renouvelé en totalité" in driver.transcript
