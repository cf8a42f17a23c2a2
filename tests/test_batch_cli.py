"""``cpts render`` on several files, a folder, or into a zip archive: exit codes, summary, files."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from _answers import MINIMAL
from click.testing import CliRunner, Result

from generator import api
from generator.cli import cli
from generator.docx import convert

EXAMPLES = Path(__file__).parent.parent / "examples"
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="cpts")


def answers(folder: Path, name: str, nom: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(MINIMAL.replace('nom: "CPTS Test"', f'nom: "{nom}"'), encoding="utf-8")
    return str(path)


def test_a_mixed_batch_writes_the_valid_bundles_and_exits_with_the_worst_code(tmp_path: Path) -> None:
    inputs = tmp_path / "reponses"
    a = answers(inputs, "a.yaml", "CPTS du Val")
    b = answers(inputs, "b.yaml", "CPTS des Monts")
    broken = str(shutil.copy(HOSTILE / "nan.yaml", inputs / "c.yaml"))
    out = tmp_path / "region"
    result = run("render", a, b, broken, "-o", str(out), "--format", "md", "-j", "2")
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["cpts-des-monts", "cpts-du-val"]
    assert len(list((out / "cpts-du-val").iterdir())) == 6
    # The invalid file's errors, with path and line, then one summary row per file.
    assert f"{broken}:8:28: colleges[0].cotisation: [SCHEMA]" in result.stdout
    table = result.stdout[result.stdout.index("Fichier") :].splitlines()
    assert table[0].split() == ["Fichier", "Résultat", "Avertissements", "Documents"]
    assert table[2].split() == [a, "écrit", "0", "cpts-du-val"]
    assert table[3].split() == [b, "écrit", "0", "cpts-des-monts"]
    assert table[4].split() == [broken, "invalide", "0", "—"]
    assert table[5] == f"Documents produits pour 2 fichiers sur 3, dans {out}."
    assert result.stderr == ""  # no progress bar outside a terminal


def test_a_folder_of_answers_is_a_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "reponses"
    for example in ("cpts-avecsante.yaml", "cpts-petite-bureau.yaml"):
        shutil.copy(EXAMPLES / example, inputs.mkdir(exist_ok=True) or inputs / example)
    out = tmp_path / "sortie"
    result = run("render", str(inputs), "-o", str(out), "--documents", "statuts", "-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "cpts-du-pays-de-la-double",
        "cpts-du-pays-de-la-double/statuts.docx",
        "cpts-du-pays-de-la-double/statuts.md",
        "cpts-loire-layon-aubance",
        "cpts-loire-layon-aubance/statuts.docx",
        "cpts-loire-layon-aubance/statuts.md",
    ]


def test_an_unreadable_file_in_a_batch_exits_2_and_the_others_are_written(tmp_path: Path) -> None:
    a = answers(tmp_path, "a.yaml", "CPTS Un")
    out = tmp_path / "sortie"
    result = run("render", a, str(HOSTILE / "tabulation.yaml"), "-o", str(out), "--format", "md")
    assert result.exit_code == 2
    assert "tabulation interdite" in result.stderr
    assert [p.name for p in out.iterdir()] == ["cpts-un"]


def test_a_folder_without_answers_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = run("render", str(tmp_path / "vide"), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 2
    assert "aucun fichier de réponses" in result.stderr
    assert not (tmp_path / "sortie").exists()


def test_zero_workers_is_refused_in_french(tmp_path: Path) -> None:
    result = run("render", answers(tmp_path, "a.yaml", "X"), "-o", str(tmp_path / "s"), "-j", "0")
    assert result.exit_code == 2
    assert "valeur invalide pour --processus" in result.stderr


def test_zip_of_one_file(tmp_path: Path) -> None:
    source = answers(tmp_path, "a.yaml", "CPTS Un")
    result = run("render", source, "-o", str(tmp_path / "documents"), "--zip", "--documents", "statuts")
    assert result.exit_code == 0, result.output
    archive = tmp_path / "documents.zip"
    with zipfile.ZipFile(archive) as opened:
        assert opened.namelist() == ["statuts.docx", "statuts.md"]
        assert opened.read("statuts.md").startswith(b"# Statuts")
    first = archive.read_bytes()
    again = run("render", source, "-o", str(archive), "--zip", "--documents", "statuts")
    assert again.exit_code == 3
    assert "le fichier existe déjà" in again.stderr
    forced = run("render", source, "-o", str(archive), "--zip", "--documents", "statuts", "--force")
    assert forced.exit_code == 0
    assert archive.read_bytes() == first  # same answers, same bytes, DOCX included
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "documents.zip"]


def test_zip_of_a_batch(tmp_path: Path) -> None:
    files = [answers(tmp_path, "a.yaml", "CPTS Un"), answers(tmp_path, "b.yaml", "CPTS Deux")]
    result = run("render", *files, "-o", str(tmp_path / "region.zip"), "--zip", "--format", "md", "-j", "2")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "region.zip") as opened:
        folders = sorted({name.split("/")[0] for name in opened.namelist()})
        assert folders == ["cpts-deux", "cpts-un"]
        assert len(opened.namelist()) == 12


def test_a_docx_that_would_not_reopen_is_never_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = convert.to_docx

    def truncated(*args: object, **kwargs: object) -> bytes:
        return real(*args, **kwargs)[:-200]  # type: ignore[arg-type]

    monkeypatch.setattr(convert, "to_docx", truncated)
    result = run("render", answers(tmp_path, "a.yaml", "CPTS Un"), "-o", str(tmp_path / "sortie"))
    assert result.exit_code == 70
    assert "ne se rouvre pas" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_an_interrupted_batch_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [answers(tmp_path, f"{n}.yaml", f"CPTS {n}") for n in "abc"]
    real = api.check_file
    calls = []

    def interrupted(path: str) -> api.CheckResult:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(path)

    monkeypatch.setattr(api, "check_file", interrupted)
    result = run("render", *files, "-o", str(tmp_path / "sortie"), "-j", "1", "--format", "md")
    assert result.exit_code == 130
    assert "Interrompu." in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]
