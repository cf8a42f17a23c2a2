"""The ``cpts`` entry point: garbage collector tuned for its own process, fast and quiet exit."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=ENVIRONMENT
    )


def test_the_command_collects_less_often_and_freezes_what_its_imports_made():
    # os._exit ends the process: the probe reports just before, from the entry point's own exit.
    code = (
        "import gc, os, sys\n"
        "sys.argv = ['cpts', '--help']\n"
        "from generator import entry\n"
        "real_exit = os._exit\n"
        "def probe(status):\n"
        "    tuned = gc.get_threshold() == entry.GC_THRESHOLDS\n"
        "    print(tuned, gc.get_freeze_count() > 10_000, file=sys.stderr)\n"
        "    sys.stderr.flush()\n"
        "    real_exit(status)\n"
        "os._exit = probe\n"
        "entry.main()\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "True True"
    assert "Utilisation\u00a0: cpts" in result.stdout


def test_the_exit_code_and_every_line_written_survive_the_fast_exit(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "render",
            str(ROOT / "examples" / "cpts-petite-bureau.yaml"),
            "-o",
            str(tmp_path / "sortie"),
        ],
        check=False,
        capture_output=True,
        text=True,
        env=ENVIRONMENT,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("12 document(s) écrit(s)")
    assert result.stdout.splitlines()[-1] == "  verification.docx"  # the last line, flushed
    missing = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(tmp_path / "absent.yaml")],
        check=False,
        capture_output=True,
        text=True,
        env=ENVIRONMENT,
        cwd=ROOT,
    )
    assert missing.returncode == 2
    assert "fichier introuvable" in missing.stderr


def test_a_reader_that_closes_the_pipe_ends_the_command_quietly():
    # Nobody reads the pipe: writing the JSON schema to it fails at once.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "generator", "schema"],
            check=False,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=ENVIRONMENT,
            cwd=ROOT,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 4
    assert result.stderr == ""


def test_the_library_leaves_the_collector_alone():
    # Importing the package, or using it, changes nothing in the caller's process.
    result = _python(
        "import gc\n"
        "before = gc.get_threshold()\n"
        "import generator\n"
        "from generator import api\n"
        "print(gc.get_threshold() == before, gc.get_freeze_count())\n"
    )
    assert result.stdout.strip() == "True 0"


def test_the_package_loads_the_library_on_first_use():
    result = _python(
        "import sys\n"
        "import generator\n"
        "loaded = 'generator.api' in sys.modules\n"
        "print(loaded, generator.load_answers.__module__)\n"
    )
    assert result.stdout.strip() == "False generator.api"
