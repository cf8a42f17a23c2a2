"""``cpts render --format`` and ``--modele-word``: the files written, and every refusal with its exit
code, a French message and no folder left behind. LibreOffice is replaced here by small scripts
(missing, failing, hanging, working); tests/test_pdf.py uses the real one."""

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator import pdf
from generator.api import load_answers
from generator.cli import cli
from generator.render import DOCUMENTS, applicable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cpts-avecsante.yaml"
# The documents of that example (no requête en inscription outside local law).
NAMES = [name for name in DOCUMENTS if applicable(name, load_answers(EXAMPLE))]


@pytest.fixture
def runner():
    return CliRunner()


def render(runner, out, *options):
    return runner.invoke(cli, ["render", str(EXAMPLE), "-o", str(out), *options])


def assert_nothing_written(tmp_path, out):
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cpts-")]


@pytest.mark.parametrize(
    ("option", "suffixes"),
    [((), (".md", ".docx")), (("--format", "md"), (".md",)), (("--format", "DOCX"), (".docx",))],
    ids=["defaut", "md", "docx"],
)
def test_formats_choose_the_files(runner, tmp_path, option, suffixes):
    out = tmp_path / "b"
    result = render(runner, out, *option)
    assert result.exit_code == 0, result.output
    expected = sorted(f"{name}{suffix}" for name in NAMES for suffix in suffixes)
    assert sorted(p.name for p in out.iterdir()) == expected
    for path in out.glob("*.docx"):
        assert docx.Document(io.BytesIO(path.read_bytes())).paragraphs[0].style.name == "Title"


def test_unknown_format_is_a_usage_error(runner, tmp_path):
    out = tmp_path / "b"
    result = render(runner, out, "--format", "md,odt")
    assert result.exit_code == 2
    assert "format inconnu : odt ; formats possibles : md, docx, pdf" in result.output
    assert_nothing_written(tmp_path, out)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "fichier introuvable"), (b"du texte", "ce n'est pas un fichier .docx")],
    ids=["absent", "texte"],
)
def test_unusable_word_model_is_refused_with_its_name(runner, tmp_path, content, reason):
    model = tmp_path / "entete.docx"
    if content is not None:
        model.write_bytes(content)
    out = tmp_path / "b"
    result = render(runner, out, "--modele-word", str(model))
    assert result.exit_code == 2
    assert f"{model} : modèle Word inutilisable ({reason})" in result.output
    assert "Traceback" not in result.output
    assert_nothing_written(tmp_path, out)


def test_word_model_without_a_word_format_is_refused(runner, tmp_path):
    model = tmp_path / "entete.docx"
    docx.Document().save(model)
    out = tmp_path / "b"
    result = render(runner, out, "--format", "md", "--modele-word", str(model))
    assert result.exit_code == 2
    assert "ne sert qu'aux formats docx et pdf" in result.output
    assert_nothing_written(tmp_path, out)


def test_word_model_gives_its_header(runner, tmp_path):
    model = tmp_path / "entete.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "URPS Exemple"
    letterhead.save(model)
    out = tmp_path / "b"
    result = render(runner, out, "--format", "docx", "--modele-word", str(model))
    assert result.exit_code == 0, result.output
    written = docx.Document(out / "statuts.docx")
    assert written.sections[0].header.paragraphs[0].text == "URPS Exemple"


# PDF with a stand-in for LibreOffice ---------------------------------------------------------


def fake_soffice(tmp_path, body):
    script = tmp_path / "faux-soffice"
    script.write_text("#!/bin/sh\n" + textwrap.dedent(body), encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.fixture
def no_libreoffice(tmp_path, monkeypatch):
    empty = tmp_path / "vide"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(pdf.SOFFICE_VARIABLE, raising=False)


@pytest.mark.usefixtures("no_libreoffice")
def test_pdf_without_libreoffice_is_a_usage_error(runner, tmp_path):
    out = tmp_path / "b"
    result = render(runner, out, "--format", "md,pdf")
    assert result.exit_code == 2
    assert "LibreOffice" in result.output
    assert "--format md,docx" in result.output
    assert_nothing_written(tmp_path, out)


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for LibreOffice")
def test_failing_libreoffice_is_an_output_error(runner, tmp_path, monkeypatch):
    script = fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(script))
    out = tmp_path / "b"
    result = render(runner, out, "--format", "pdf")
    assert result.exit_code == 4
    missing = ", ".join(NAMES)
    assert f"LibreOffice n'a pas converti en PDF : {missing} (code 1)" in result.output
    assert "source file could not be loaded" in result.output
    assert_nothing_written(tmp_path, out)


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for LibreOffice")
def test_hanging_libreoffice_is_stopped(runner, tmp_path, monkeypatch):
    script = fake_soffice(tmp_path, "exec sleep 60\n")
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(script))
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 1)
    out = tmp_path / "b"
    result = render(runner, out, "--format", "pdf")
    assert result.exit_code == 4
    assert "n'a pas fini la conversion en PDF en 1 secondes" in result.output
    assert_nothing_written(tmp_path, out)


@pytest.mark.skipif(sys.platform == "win32", reason="shell scripts stand in for LibreOffice")
def test_pdf_files_join_the_bundle(runner, tmp_path, monkeypatch):
    # Writes « %PDF » plus the DOCX's size for each file, into the --outdir it is given.
    script = fake_soffice(
        tmp_path,
        """
        while [ "$1" != "--outdir" ]; do shift; done
        outdir=$2; shift 2; mkdir -p "$outdir"
        for f in "$@"; do printf '%%PDF %s' "$(wc -c < "$f")" > "$outdir/$(basename "$f" .docx).pdf"; done
        """,
    )
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(script))
    out = tmp_path / "b"
    result = render(runner, out, "--format", "md,pdf")
    assert result.exit_code == 0, result.output
    expected = sorted(f"{name}{suffix}" for name in NAMES for suffix in (".md", ".pdf"))
    assert sorted(p.name for p in out.iterdir()) == expected
    assert (out / "statuts.pdf").read_bytes().startswith(b"%PDF ")


def _imported(arguments: list[str], names: tuple[str, ...]) -> list[str]:
    """Run the CLI in a fresh interpreter; return which of ``names`` (or their submodules) it imported."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from generator.cli import cli\n"
        f"result = CliRunner().invoke(cli, {arguments!r})\n"
        "assert result.exit_code == 0, result.output\n"
        f"names = {names!r}\n"
        "prefixes = tuple(n + '.' for n in names)\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m in names or m.startswith(prefixes))))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    ).stdout
    return output.split()


def test_check_does_not_import_python_docx():
    assert _imported(["check", str(EXAMPLE)], ("docx", "generator.docx")) == []


# Costly imports a single render has no use for: python-docx (75 ms; the default reference ships
# prepared, in generator/data/reference-prepared.docx), urllib.request (25 ms, once pulled in by
# xml.sax.saxutils), the batch's process pool.
NOT_FOR_ONE_RENDER = ("docx", "urllib.request", "http.client", "concurrent.futures", "multiprocessing")


def test_a_render_on_the_default_layout_does_not_import_python_docx(tmp_path):
    arguments = ["render", str(EXAMPLE), "-o", str(tmp_path / "sortie")]
    assert _imported(arguments, NOT_FOR_ONE_RENDER) == []
    assert docx.Document(str(tmp_path / "sortie" / "statuts.docx")).paragraphs[0].style.name == "Title"
