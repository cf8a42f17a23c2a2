"""``cpts render``: a new folder written atomically, nothing overwritten without --force."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cpts-avecsante.yaml"


@pytest.fixture
def runner():
    return CliRunner()


def test_render_writes_a_new_folder(runner, tmp_path):
    out = tmp_path / "bundle"
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        f"{stem}.{ext}"
        for stem in (
            "bulletin-adhesion",
            "liste-dirigeants",
            "pv-ag-constitutive",
            # The CA elects the bureau: its first meeting has its own PV.
            "pv-premier-ca",
            "reglement-interieur",
            "statuts",
            "verification",
        )
        for ext in ("docx", "md")
    ]
    assert (out / "statuts.md").read_text(encoding="utf-8").startswith("# Statuts")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cpts-")]


def test_render_selects_documents(runner, tmp_path):
    out = tmp_path / "b"
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out), "--documents", "statuts"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["statuts.docx", "statuts.md"]


def test_render_selects_several_documents(runner, tmp_path):
    out = tmp_path / "b"
    documents = "pv-ag-constitutive,bulletin-adhesion"
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out), "--documents", documents])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "bulletin-adhesion.docx",
        "bulletin-adhesion.md",
        "pv-ag-constitutive.docx",
        "pv-ag-constitutive.md",
    ]
    assert (out / "pv-ag-constitutive.md").read_text(encoding="utf-8").startswith("# Procès-verbal")


def test_unknown_document_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(tmp_path / "b"), "--documents", "x"])
    assert result.exit_code == 2
    assert "document inconnu" in result.output


def test_existing_folder_is_refused_without_force(runner, tmp_path):
    out = tmp_path / "b"
    out.mkdir()
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    (out / "statuts.md").write_text("ancien", encoding="utf-8")
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 3
    assert "--force" in result.output
    assert (out / "statuts.md").read_text(encoding="utf-8") == "ancien"
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "statuts.md").read_text(encoding="utf-8").startswith("# Statuts")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "à garder"


def test_empty_existing_folder_is_used(runner, tmp_path):
    out = tmp_path / "b"
    out.mkdir()
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output


def test_invalid_answers_write_nothing(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("association: {nom: x}\n", encoding="utf-8")
    out = tmp_path / "b"
    result = runner.invoke(cli, ["render", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "[SCHEMA]" in result.output
    assert not out.exists()


def test_io_failure_leaves_nothing_behind(runner, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", fail)
    out = tmp_path / "b"
    result = runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 4
    assert "impossible" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_batch_shows_each_file_warnings_after_the_table(runner, tmp_path):
    moselle = ROOT / "examples" / "cpts-moselle-droit-local.yaml"
    out = tmp_path / "lot"
    result = runner.invoke(
        cli, ["render", str(EXAMPLE), str(moselle), "-o", str(out), "-j", "1", "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    table_end = result.stdout.index("Documents produits pour 2 fichiers sur 2")
    notes = result.stdout[table_end:]
    assert f"Avertissement pour {moselle} :" in notes or f"Avertissements pour {moselle} (" in notes
    assert "[W-RENOUVELLEMENT-TOTAL]" in notes
    # The table counts what is shown below it.
    row = next(line for line in result.stdout.splitlines() if line.startswith(str(moselle)))
    shown = notes.split(str(moselle), 1)[1].count("\n  ")
    assert f"  {shown}  " in row


def test_a_batch_shows_the_layout_warnings_of_a_letterhead_too_small(runner, tmp_path):
    import docx
    from docx.shared import Cm

    from generator.resources import reference_docx_path

    small = docx.Document(str(reference_docx_path()))
    for section in small.sections:
        section.top_margin = Cm(14)
    small.save(str(tmp_path / "petit.docx"))
    out = tmp_path / "lot"
    result = runner.invoke(
        cli,
        [
            *("render", str(EXAMPLE), str(ROOT / "examples" / "cpts-petite-bureau.yaml")),
            *("-o", str(out), "-j", "1", "--format", "docx", "--documents", "bulletin-adhesion"),
            *("--modele-word", str(tmp_path / "petit.docx")),
        ],
    )
    assert result.exit_code == 0, result.output
    notes = result.stdout[result.stdout.index("Documents produits") :]
    assert f"Avertissements pour {EXAMPLE} (" in notes
    assert "avertissement : bulletin-adhesion.docx : la page « Collège" in notes
