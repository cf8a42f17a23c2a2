"""The ``cpts`` entry point tunes the garbage collector for its own process; the library does not."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> str:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    ).stdout.strip()


def test_the_command_collects_less_often_and_freezes_what_its_imports_made():
    code = (
        "import gc, sys\n"
        "sys.argv = ['cpts', '--help']\n"
        "from generator.entry import GC_THRESHOLDS, main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None)\n"
        "print(gc.get_threshold() == GC_THRESHOLDS, gc.get_freeze_count() > 10_000, file=sys.stderr)\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=environment
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "True True"
    assert "Utilisation\u00a0: cpts" in result.stdout


def test_the_library_leaves_the_collector_alone():
    # Importing the package, or using it, changes nothing in the caller's process.
    output = _python(
        "import gc\n"
        "before = gc.get_threshold()\n"
        "import generator\n"
        "from generator import api\n"
        "print(gc.get_threshold() == before, gc.get_freeze_count())\n"
    )
    assert output == "True 0"


def test_the_package_loads_the_library_on_first_use():
    output = _python(
        "import sys\n"
        "import generator\n"
        "loaded = 'generator.api' in sys.modules\n"
        "print(loaded, generator.load_answers.__module__)\n"
    )
    assert output == "False generator.api"
