"""Every row of ``spec/hostile-inputs.md``: a fixture, its exit code and its French message.

The table ``HOSTILE`` names every file of ``tests/fixtures/hostile/`` with what ``cpts check``
must answer. Files that are valid are also rendered, and the documents are read back to show that
the hostile text came through as plain text (escaped, normalised, never evaluated).
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from _answers import MINIMAL
from click.testing import CliRunner, Result
from markdown_it import MarkdownIt

from generator import bundle
from generator.cli import cli

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@dataclass(frozen=True)
class Expected:
    """What ``cpts check`` answers on one fixture: exit code and a fragment of its message."""

    code: int
    message: str


HOSTILE_CASES = {
    # YAML features that let a small file explode or run code.
    "alias-bomb.yaml": Expected(2, "ancre YAML « &a » refusée"),
    "ancre.yaml": Expected(2, "les ancres et alias ne sont pas acceptés"),
    "etiquette-python.yaml": Expected(2, "étiquette YAML explicite « tag:yaml.org,2002:python/object/apply"),
    "etiquette-binaire.yaml": Expected(2, "étiquette YAML explicite « tag:yaml.org,2002:binary » refusée"),
    "imbrication-profonde.yaml": Expected(2, "imbrication trop profonde (plus de 40 niveaux)"),
    "plusieurs-documents.yaml": Expected(2, "un seul document YAML est attendu"),
    # Encodings and bytes.
    "cp1252.yaml": Expected(2, "n'est pas encodé en UTF-8 (octet 0xE9 à la position 30)"),
    "utf8-bom.yaml": Expected(0, "valide (0 erreur"),
    "utf16-bom.yaml": Expected(0, "valide (0 erreur"),
    "binaire.yaml": Expected(2, "ce fichier semble binaire"),
    "tabulation.yaml": Expected(2, ":3:1: YAML illisible : tabulation interdite en YAML"),
    "caractere-controle.yaml": Expected(2, ":3:17: caractère interdit dans un fichier YAML"),
    # Silent YAML behaviours.
    "cle-double.yaml": Expected(
        1, "[YAML-CLE-DOUBLE] la clé « territoire » apparaît deux fois (lignes 3 et 4)"
    ),
    "vide.yaml": Expected(1, "fichier vide : aucune réponse n'y figure"),
    "commentaires.yaml": Expected(1, "fichier vide : aucune réponse n'y figure"),
    "yaml11-scalaires.yaml": Expected(0, "la commune du siège (« Non »)"),
    "yaml11-booleens.yaml": Expected(0, "la commune du siège (« off »)"),
    "yaml11-nombres.yaml": Expected(0, "valide (0 erreur"),
    "date-impossible.yaml": Expected(
        1, ":15:9: ag_constitutive.date: [SCHEMA] « 2024-02-30 » ne convient pas : attendu une date"
    ),
    "nan.yaml": Expected(1, ":8:28: colleges[0].cotisation: [SCHEMA] doit être un nombre"),
    "inf.yaml": Expected(1, ":9:29: colleges[1].cotisation: [SCHEMA] doit être un nombre"),
    # Characters that break documents or disguise text: refused with path and line.
    "nul-echappe.yaml": Expected(1, ":2:8: association.nom: [SCHEMA] contient un caractère invisible"),
    "bidi-echappe.yaml": Expected(1, "(U+202E)"),
    "bidi-isolat.yaml": Expected(
        1, ":3:15: association.territoire: [SCHEMA] contient un caractère invisible"
    ),
    "c1-echappe.yaml": Expected(1, "(U+0085)"),
    "surrogat-echappe.yaml": Expected(1, "(U+D800)"),
    "non-caractere.yaml": Expected(1, "(U+FFFE)"),
    "texte-long.yaml": Expected(1, "texte trop long (12000 caractères ; au plus 200)"),
    # Issue #19: what once ended in an internal error, reached the terminal raw or passed check.
    "cle-echappement-terminal.yaml": Expected(1, "clé inconnue « titre\\u001b]0;pirate\\u0007 »"),
    "cle-surrogat.yaml": Expected(1, "clé inconnue « \\ud800 »"),
    "u-majuscule-hors-limites.yaml": Expected(2, ":3:18: YAML illisible : la séquence d'échappement « \\U »"),
    "email-controle.yaml": Expected(1, ":4:10: association.email: [SCHEMA] contient un caractère invisible"),
    "heure-fin-de-ligne.yaml": Expected(1, ":16:10: ag_constitutive.heure: [SCHEMA] contient un caractère"),
    "date-2108.yaml": Expected(
        1, "« 2108-01-01 » est hors des dates possibles (du 01/01/1901 au 31/12/2107)"
    ),
    # Valid files whose text must come through as plain text.
    "nfd.yaml": Expected(0, "valide (0 erreur"),
    "jinja.yaml": Expected(0, "valide (0 erreur"),
    "markdown.yaml": Expected(0, "valide (0 erreur"),
    "nom-chemin.yaml": Expected(0, "valide (0 erreur"),
    "nom-reserve.yaml": Expected(0, "valide (0 erreur"),
}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="cpts")


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(("name", "expected"), sorted(HOSTILE_CASES.items()))
def test_check_hostile_fixture(name: str, expected: Expected) -> None:
    result = run("check", str(HOSTILE / name))
    assert result.exit_code == expected.code, result.output
    assert_no_traceback(result)
    assert expected.message in result.output
    if expected.code == 2:
        # Unreadable input: one line on stderr naming the file (and the line where there is one).
        assert result.stderr.startswith(f"cpts : {HOSTILE / name}")
        assert result.stdout == ""
    else:
        assert result.stderr == ""
        assert str(HOSTILE / name) in result.stdout


def test_every_hostile_fixture_has_an_expectation() -> None:
    on_disk = {p.name for p in HOSTILE.iterdir() if p.suffix == ".yaml"}
    assert on_disk == set(HOSTILE_CASES)


def test_every_fixture_is_described_in_the_folder_readme() -> None:
    readme = (HOSTILE / "README.md").read_text(encoding="utf-8")
    assert [name for name in HOSTILE_CASES if f"`{name}`" not in readme] == []


def test_a_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    target = tmp_path / "geant.yaml"
    target.write_text('association:\n  nom: "' + "x" * 1_100_000 + '"\n', encoding="utf-8")
    result = run("check", str(target))
    assert result.exit_code == 2
    assert_no_traceback(result)
    assert "fichier trop volumineux (1100023 octets ; au plus 1048576 octets" in result.stderr


# --- valid hostile files, rendered ----------------------------------------------------------------


def render(name: str, tmp_path: Path) -> dict[str, str]:
    target = tmp_path / "sortie"
    result = run("render", str(HOSTILE / name), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(target.iterdir()) if p.suffix == ".md"}


def test_yaml_1_1_scalars_are_rendered_as_written(tmp_path: Path) -> None:
    statuts = render("yaml11-nombres.yaml", tmp_path)["statuts.md"]
    assert "01500" in statuts  # not 832 (octal)
    assert "1:30" in statuts  # not 90 (sexagesimal)
    assert "0612345678" in statuts  # not 612345678
    booleens = render("yaml11-booleens.yaml", tmp_path / "b")["statuts.md"]
    assert "«\u00a0no\u00a0»" in booleens  # the territory, not False


def test_decomposed_accents_are_normalised(tmp_path: Path) -> None:
    assert "Socie\u0301te\u0301" in (HOSTILE / "nfd.yaml").read_text(encoding="utf-8")
    for name, text in render("nfd.yaml", tmp_path).items():
        assert unicodedata.is_normalized("NFC", text), name
        assert "CPTS Société du Val" in text, name


def test_template_syntax_in_a_value_is_printed_not_evaluated(tmp_path: Path) -> None:
    for name, text in render("jinja.yaml", tmp_path).items():
        assert r"CPTS \{\{ 7\*7 \}\} \{% raw %\}" in text, name
        assert "CPTS 49" not in text, name


# The HTML comments the templates themselves write (layout markers for the DOCX).
TEMPLATE_MARKERS = {"<!-- saut-de-page -->", "<!-- signatures -->", "<!-- formulaire -->", "<!-- coupon -->"}


def test_markdown_in_a_value_builds_no_structure(tmp_path: Path) -> None:
    parser = MarkdownIt("commonmark").enable("table")
    for name, text in render("markdown.yaml", tmp_path).items():
        tokens = parser.parse(text)
        kinds = {token.type for token in tokens}
        assert not kinds & {"fence", "code_block", "blockquote_open"}, name
        assert [
            t for t in tokens if t.type == "html_block" and t.content.strip() not in TEMPLATE_MARKERS
        ] == []
        inline = [child for token in tokens for child in token.children or []]
        assert not {child.type for child in inline} & {"html_inline", "link_open"}, name
        # Templates write bold text of their own; none of it may come from the value.
        depth, bold = 0, []
        for child in inline:
            depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
            if depth and child.type == "text":
                bold.append(child.content)
        assert not [text for text in bold if "Test" in text or "lien" in text], name
        titles = [
            "".join(child.content for child in tokens[i + 1].children or [])
            for i, token in enumerate(tokens)
            if token.type == "heading_open" and token.tag == "h1"
        ]
        assert len(titles) == 1, name
        # The name is there, character for character, once the escapes are read.
        assert "«\u00a0# CPTS **Test** | a | b | [lien](http://x) <b>html</b>" in titles[0], name


@pytest.mark.parametrize("name", ["nom-chemin.yaml", "nom-reserve.yaml"])
def test_file_names_never_come_from_user_text(name: str, tmp_path: Path) -> None:
    written = render(name, tmp_path)
    assert set(written) <= {
        "statuts.md",
        "reglement-interieur.md",
        "pv-ag-constitutive.md",
        "bulletin-adhesion.md",
        "liste-dirigeants.md",
        "verification.md",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sortie"]


# --- output folder, disk and unexpected failures ---------------------------------------------------


def write_answers(tmp_path: Path) -> str:
    answers = tmp_path / "reponses.yaml"
    answers.write_text(MINIMAL, encoding="utf-8")
    return str(answers)


def test_a_non_empty_output_folder_is_refused_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "sortie"
    target.mkdir()
    (target / "statuts.md").write_text("version signée", encoding="utf-8")
    result = run("render", write_answers(tmp_path), "-o", str(target))
    assert result.exit_code == 3
    assert "le dossier existe et n'est pas vide" in result.stderr
    assert "--force" in result.stderr
    assert [p.name for p in target.iterdir()] == ["statuts.md"]
    assert (target / "statuts.md").read_text(encoding="utf-8") == "version signée"


def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(fd: int) -> bool:  # the write-back of the staged files fails
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(bundle, "_syncfs", disk_full)
    answers = write_answers(tmp_path)
    result = run("render", answers, "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 4
    assert_no_traceback(result)
    assert "écriture impossible (disque plein)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reponses.yaml"]


def test_a_failed_rename_leaves_the_existing_files_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sortie"
    target.mkdir()
    (target / "statuts.md").write_text("ancienne version", encoding="utf-8")
    (target / "notes.txt").write_text("à moi", encoding="utf-8")
    real_rename = os.rename
    calls: list[object] = []

    def cross_device(source: object, destination: object) -> None:
        calls.append(destination)
        if len(calls) == 3:  # the old file is aside, one new file is in: the next one fails
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        real_rename(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(bundle.os, "rename", cross_device)
    result = run("render", write_answers(tmp_path), "-o", str(target), "--force")
    assert result.exit_code == 4
    assert_no_traceback(result)
    assert "déplacement entre deux systèmes de fichiers impossible" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt", "statuts.md"]
    assert (target / "statuts.md").read_text(encoding="utf-8") == "ancienne version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reponses.yaml", "sortie"]


def test_force_replaces_every_file_of_an_earlier_render_and_keeps_the_users_own(tmp_path: Path) -> None:
    target = tmp_path / "sortie"
    first = run("render", write_answers(tmp_path), "-o", str(target), "--format", "md,docx")
    assert first.exit_code == 0, first.output
    (target / "statuts.pdf").write_bytes(b"ancien PDF")  # as if an earlier render made PDFs
    (target / "notes.txt").write_text("à moi", encoding="utf-8")
    (target / "courrier").mkdir()
    result = run("render", write_answers(tmp_path), "-o", str(target), "--force", "--documents", "statuts")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == ["courrier", "notes.txt", "statuts.docx", "statuts.md"]
    assert not any(p.name.startswith(".cpts-") for p in tmp_path.iterdir())


def test_force_changes_nothing_when_a_folder_has_a_documents_name(tmp_path: Path) -> None:
    target = tmp_path / "sortie"
    assert run("render", write_answers(tmp_path), "-o", str(target)).exit_code == 0
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    (target / "verification.md").unlink()
    (target / "verification.md").mkdir()  # a folder where a file of the bundle goes
    del before["verification.md"]
    result = run("render", write_answers(tmp_path), "-o", str(target), "--force", "--format", "md")
    assert result.exit_code == 3
    assert "un dossier porte le nom d'un document" in result.stderr
    assert {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()} == before
    assert not any(p.name.startswith(".cpts-") for p in tmp_path.iterdir())


@pytest.mark.parametrize("pointed", ["vide", "absent"])
def test_an_output_that_is_a_link_gets_a_french_answer(pointed: str, tmp_path: Path) -> None:
    if pointed == "vide":
        (tmp_path / "vide").mkdir()
    (tmp_path / "lien").symlink_to(tmp_path / pointed)
    result = run("render", write_answers(tmp_path), "-o", str(tmp_path / "lien"))
    assert_no_traceback(result)
    assert "Not a directory" not in result.output
    if pointed == "vide":
        assert result.exit_code == 0, result.output
        assert (tmp_path / "vide" / "statuts.md").is_file()
        assert (tmp_path / "lien").is_symlink()
    else:
        assert result.exit_code == 3
        assert "lien symbolique vers" in result.stderr
        assert "qui n'existe pas" in result.stderr


@pytest.mark.parametrize(
    "error", [KeyError("x"), AssertionError(), UnicodeEncodeError("ascii", "é", 0, 1, "x")]
)
def test_any_other_exception_is_an_internal_error(
    error: Exception, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(bundle, "write_bundle", broken)
    monkeypatch.setattr("generator.api.write_bundle", broken)
    result = run("render", write_answers(tmp_path), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 70
    assert_no_traceback(result)
    assert "erreur interne" in result.stderr
    assert "--debug" in result.stderr
    assert not (tmp_path / "sortie").exists()


# --- Input text never acts on the terminal; every hostile key or escape is a user error --------

ROOT = Path(__file__).resolve().parent.parent
# What a terminal must never receive from the input: every control character but the line feed
# (our own layout), C1 controls, bidirectional and zero-width marks, lone surrogates.
UNSAFE_OUTPUT = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)

HOSTILE_KEYS = {
    "cle-echappement-terminal": '"a\\x1b]0;pwned\\x07": 1\n',
    "cle-surrogat": '"\\ud800x": 1\n',
    "cle-c1": '"\\x9b31m": 1\n',
    "cle-bidi": '"abc\\u202edef": 1\n',
    "cle-separateur-ligne": '"a\\u2028b": 1\n',
    "valeur-inconnue-echappement": 'association_bis: "\\x1b[2J"\n',
    "u-majuscule-hors-limites": 'x: "\\UFFFFFFFF"\n',
    "u-majuscule-au-dela-unicode": 'x: "\\U00110000"\n',
}


def run_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run the real command (its own standard streams, as on a terminal), never through click's runner."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


def assert_terminal_safe(result: subprocess.CompletedProcess[bytes]) -> None:
    output = (result.stdout + result.stderr).decode("utf-8", errors="surrogateescape")
    assert "Traceback" not in output
    assert "erreur interne" not in output
    assert result.returncode in {1, 2}, output
    assert not UNSAFE_OUTPUT.search(output), repr(UNSAFE_OUTPUT.search(output))


@pytest.mark.parametrize("name", sorted(HOSTILE_KEYS))
@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("check", "--format", "json"),
        ("render", "-o", "sortie"),
        ("render", "-j", "2", "-o", "lot"),
    ],
)
def test_hostile_keys_and_escapes_are_user_errors_printed_escaped(
    name: str, command: tuple[str, ...], tmp_path: Path
) -> None:
    (tmp_path / f"{name}.yaml").write_text(MINIMAL + HOSTILE_KEYS[name], encoding="utf-8")
    files = [f"{name}.yaml"]
    if "lot" in command:  # a batch: the hostile file among valid ones, its summary must survive
        (tmp_path / "valide.yaml").write_text(MINIMAL, encoding="utf-8")
        files.append("valide.yaml")
    result = run_process(command[0], *files, *command[1:], cwd=tmp_path)
    assert_terminal_safe(result)
    if "lot" in command:
        assert "Documents produits pour 1 fichier sur 2" in result.stdout.decode()
    if "json" in command:
        report = json.loads(result.stdout)
        assert not report["fichiers"][0].get("valide", False)


def test_a_file_name_with_control_characters_is_printed_escaped(tmp_path: Path) -> None:
    name = "r\x1b]0;pwned\x07.yaml"
    (tmp_path / name).write_text(MINIMAL + "inconnue: 1\n", encoding="utf-8")
    result = run_process("check", name, cwd=tmp_path)
    assert_terminal_safe(result)
    assert "r\\u001b]0;pwned\\u0007.yaml" in result.stdout.decode()


@pytest.mark.parametrize("email", ["contact\\x01@cpts.example.org", "contact\\uFFFE@cpts.example.org"])
def test_check_refuses_what_render_could_not_write(email: str, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        MINIMAL.replace("  territoire: Test\n", f'  territoire: Test\n  email: "{email}"\n'), encoding="utf-8"
    )
    for args in (("check", "a.yaml"), ("render", "a.yaml", "-o", "sortie")):
        result = run_process(*args, cwd=tmp_path)
        assert result.returncode == 1, result.stderr.decode()
        assert "association.email: [SCHEMA] contient un caractère invisible" in result.stdout.decode()
    assert not (tmp_path / "sortie").exists()


def test_the_last_date_check_accepts_is_rendered(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "cpts-avecsante.yaml").read_text(encoding="utf-8")
    assert "  date: 2024-06-20\n" in text
    (tmp_path / "a.yaml").write_text(
        text.replace("  date: 2024-06-20\n", "  date: 2107-12-31\n"), encoding="utf-8"
    )
    result = run_process("render", "a.yaml", "-o", "sortie", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "sortie" / "pv-ag-constitutive.docx").stat().st_size > 0


@pytest.mark.parametrize(
    "args",
    [("check", "--\x1b]0;pwned\x07"), ("render", "a.yaml", "-o", "x", "--format", "\x1b[2J"), ("\x9b31m",)],
    ids=["option", "valeur", "commande"],
)
def test_a_command_line_with_control_characters_is_answered_escaped(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    result = run_process(*args, cwd=tmp_path)
    assert result.returncode == 2
    output = (result.stdout + result.stderr).decode("utf-8", errors="surrogateescape")
    assert "Traceback" not in output
    assert not UNSAFE_OUTPUT.search(output), output


def test_the_escaping_fast_path_never_skips_an_unsafe_character() -> None:
    # escaped_line returns a printable text as it is: no character it must escape is printable.
    from generator.affichage import UNSAFE, escaped, escaped_line

    unsafe = re.compile(f"[{UNSAFE}]")
    every = "".join(map(chr, range(0x110000)))
    assert [c for c in unsafe.findall(every) if c.isprintable()] == []
    assert escaped_line("a\x1bb\nc") == "a\\u001bb\\u000ac"
    assert escaped("a\x1bb\nc\td") == "a\\u001bb\nc\td"
    assert escaped_line("\U0010fffe") == "\\U0010fffe"
