"""``cpts check``, ``cpts schema`` and the command line's exit codes and French messages."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _answers import MINIMAL
from click.testing import CliRunner, Result

from generator import api
from generator.cli import cli
from generator.resources import schema_path

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


INVALID = MINIMAL.replace("cotisation: 50", "cotisation: cinquante")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="cpts")


def write(tmp_path: Path, text: str, name: str = "reponses.yaml") -> str:
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return str(target)


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- check ---------------------------------------------------------------------------------------


def test_check_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{path} : valide (0 erreur, 0 avertissement)"
    assert result.stderr == ""


def test_check_invalid_file_lists_the_finding_with_path_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, INVALID)
    result = run("check", path)
    assert result.exit_code == 1
    assert_no_traceback(result)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{path}:9:29: colleges[1].cotisation: [SCHEMA] doit être un nombre, pas un texte « cinquante »"
    )
    assert lines[-1] == f"{path} : invalide (1 erreur, 0 avertissement)"


def test_check_lists_every_error_in_line_order(tmp_path: Path) -> None:
    text = INVALID.replace('departement: "59"', "departement: 99") + "zzz: 1\n"
    result = run("check", write(tmp_path, text))
    assert result.exit_code == 1
    findings = [line for line in result.stdout.splitlines() if "[SCHEMA]" in line]
    assert [line.split(":")[1] for line in findings] == ["4", "9", "14"]
    assert "invalide (3 erreurs, 0 avertissement)" in result.stdout


def test_check_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.yaml")
    result = run("check", missing)
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert result.stderr.strip() == f"cpts : {missing}: fichier introuvable."


def test_check_directory(tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "c'est un dossier" in result.stderr


def test_check_alias_bomb_quickly() -> None:
    start = time.perf_counter()
    result = run("check", str(HOSTILE / "alias-bomb.yaml"))
    assert time.perf_counter() - start < 1
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "ancre YAML" in result.stderr


def test_check_binary_file(tmp_path: Path) -> None:
    target = tmp_path / "image.yaml"
    target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run("check", str(target))
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "binaire" in result.stderr


def test_check_json_format(tmp_path: Path) -> None:
    good = write(tmp_path, MINIMAL, "bon.yaml")
    bad = write(tmp_path, INVALID, "mauvais.yaml")
    missing = str(tmp_path / "absent.yaml")
    result = run("check", "--format", "json", good, bad, missing)
    assert result.exit_code == 2
    assert result.stderr == ""
    report = json.loads(result.stdout)
    first, second, third = report["fichiers"]
    assert first == {"fichier": good, "lisible": True, "valide": True, "erreurs": [], "avertissements": []}
    assert second["valide"] is False
    assert second["avertissements"] == []
    [error] = second["erreurs"]
    assert error["regle"] == "SCHEMA"
    assert error["chemin"] == "colleges[1].cotisation"
    assert (error["ligne"], error["colonne"]) == (9, 29)
    assert error["gravite"] == "erreur"
    assert third == {"fichier": missing, "lisible": False, "message": f"{missing}: fichier introuvable."}


def test_check_json_format_of_a_valid_file(tmp_path: Path) -> None:
    result = run("check", "--format", "json", write(tmp_path, MINIMAL))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["fichiers"][0]["valide"] is True


@pytest.mark.parametrize(
    ("contents", "code"),
    [
        ([MINIMAL, MINIMAL], 0),
        ([MINIMAL, INVALID], 1),
        ([INVALID, MINIMAL], 1),
        ([MINIMAL, INVALID, "a: [\n"], 2),
        (["a: [\n", MINIMAL], 2),
    ],
)
def test_check_several_files_exits_with_the_worst_code(
    tmp_path: Path, contents: list[str], code: int
) -> None:
    paths = [write(tmp_path, text, f"f{i}.yaml") for i, text in enumerate(contents)]
    result = run("check", *paths)
    assert result.exit_code == code
    # Every readable file is reported, even after an unreadable one.
    assert result.stdout.count(" : valide") + result.stdout.count(" : invalide") == sum(
        1 for text in contents if text != "a: [\n"
    )


# --- schema --------------------------------------------------------------------------------------


def test_schema_prints_the_schema_file() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(schema_path().read_text(encoding="utf-8"))
    assert result.stdout == schema_path().read_text(encoding="utf-8")


# --- usage errors, help, version ---------------------------------------------------------------


def test_unknown_option() -> None:
    result = run("check", "--frmat", "json", "x.yaml")
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "option inconnue « --frmat »" in result.stderr
    assert "vouliez-vous dire --format ?" in result.stderr
    assert "cpts --help" in result.stderr


def test_unknown_global_option() -> None:
    result = run("--verbose", "check")
    assert result.exit_code == 2
    assert "option inconnue « --verbose »" in result.stderr


def test_unknown_command() -> None:
    result = run("verifier")
    assert result.exit_code == 2
    assert "commande inconnue « verifier »" in result.stderr


def test_bad_choice_is_french() -> None:
    result = run("check", "--format", "xml", "x.yaml")
    assert result.exit_code == 2
    assert "valeur invalide pour --format : « xml » n'est pas permis (valeurs possibles : texte, json)" in (
        result.stderr
    )


def test_option_without_its_value() -> None:
    result = run("check", "x.yaml", "--format")
    assert result.exit_code == 2
    assert "l'option « --format » attend une valeur" in result.stderr


def test_extra_argument() -> None:
    result = run("schema", "en-trop")
    assert result.exit_code == 2
    assert "argument en trop : en-trop" in result.stderr


def test_check_without_file() -> None:
    result = run("check")
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "argument manquant : FICHIER\n" in result.stderr


def test_no_argument_shows_the_help_and_exits_2() -> None:
    result = run()
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "Utilisation" in result.stderr
    assert "check" in result.stderr
    assert not result.stderr.startswith("cpts : ")


def test_help_is_french() -> None:
    result = run("--help")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Utilisation\u00a0: cpts ")
    assert "Génère les documents fondateurs d'une CPTS" in out
    assert "Commandes\u00a0:" in out
    assert "Affiche cette aide et quitte." in out
    assert "Affiche la version et quitte." in out
    for english in ("Usage:", "Show this message", "Show the version", "Commands:"):
        assert english not in out


def test_command_help_is_french() -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Utilisation\u00a0: cpts check [OPTIONS] FICHIER...")
    assert "Vérifie un ou plusieurs fichiers de réponses" in result.stdout
    assert "par défaut : texte" in " ".join(result.stdout.split())
    assert "default" not in result.stdout
    assert run("check", "-h").stdout == result.stdout


def test_help_gives_whole_command_summaries_even_on_a_narrow_terminal() -> None:
    result = CliRunner().invoke(cli, ["--help"], prog_name="cpts", terminal_width=60)
    flat = " ".join(result.stdout.split())
    assert "Produit les documents d'une CPTS (Markdown, Word, PDF), ou ceux de plusieurs CPTS (lot)." in flat
    assert "(pour un éditeur ou un autre outil)." in flat
    assert "..." not in result.stdout.split("Commandes")[1]


def test_a_command_added_later_is_listed_whole_too() -> None:
    import click

    @click.command("essai")
    def essai() -> None:
        """Une commande ajoutée par un autre module, dont le résumé est bien plus long que la largeur.

        Le détail.
        """

    cli.add_command(essai)
    try:
        flat = " ".join(run("--help").stdout.split())
    finally:
        cli.commands.pop("essai")
    assert (
        "Une commande ajoutée par un autre module, dont le résumé est bien plus long que la largeur." in flat
    )
    assert "Le détail" not in flat


def test_help_metavars_and_notes_are_french() -> None:
    render_help = run("render", "--help").stdout
    assert render_help.startswith("Utilisation\u00a0: cpts render [OPTIONS] FICHIER...")
    for french in ("-o, --sortie DOSSIER", "--documents DOCUMENTS", "--modele-word FICHIER", "[de 1 à 256]"):
        assert french in render_help
    for english in ("PATH", "TEXT", "INTEGER", "<=x<="):
        assert english not in render_help
    init_help = run("init", "--help").stdout
    assert init_help.startswith("Utilisation\u00a0: cpts init [OPTIONS] FICHIER\n")  # shown as required


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("cpts ")
    assert result.stdout.split()[1][0].isdigit()


# --- internal errors -----------------------------------------------------------------------------


def test_internal_error_exits_70_without_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: object) -> api.CheckResult:
        raise RuntimeError("boum")

    monkeypatch.setattr(api, "check_file", broken)
    result = run("check", write(tmp_path, MINIMAL))
    assert result.exit_code == 70
    assert_no_traceback(result)
    assert result.stderr.startswith("cpts : erreur interne (RuntimeError: boum)")
    assert "--debug" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_internal_error_with_debug_prints_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: object) -> api.CheckResult:
        raise RuntimeError("boum")

    monkeypatch.setattr(api, "check_file", broken)
    result = run("--debug", "check", write(tmp_path, MINIMAL))
    assert result.exit_code == 70
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boum" in result.stderr
    assert "erreur interne" in result.stderr


def test_internal_error_message_is_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: object) -> api.CheckResult:
        raise KeyError("x" * 10_000)

    monkeypatch.setattr(api, "check_file", broken)
    result = run("check", write(tmp_path, MINIMAL))
    assert result.exit_code == 70
    assert len(result.stderr) < 400


def test_interrupt_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(path: object) -> api.CheckResult:
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "check_file", interrupted)
    result = run("check", write(tmp_path, MINIMAL))
    assert result.exit_code == 130
    assert "Interrompu." in result.stderr


# --- the real console script ---------------------------------------------------------------------


def test_module_entry_point_on_a_broken_file(tmp_path: Path) -> None:
    broken = write(tmp_path, "association:\n\tnom: X\n")
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "check", broken],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith(f"cpts : {broken}:2:1: YAML illisible : tabulation")
    assert completed.stdout == ""


def test_module_entry_point_on_a_valid_file(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "check", write(tmp_path, MINIMAL)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "valide" in completed.stdout
