"""The loader's bounds: every ``\\U`` escape is a user error, and a file of too many values is refused
before it costs seconds and gigabytes, whichever parser (libyaml or PyYAML's) reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _answers import MINIMAL

from generator import loader
from generator.errors import UnreadableInputError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("escape", ["\\UFFFFFFFF", "\\U80000000", "\\U00110000", "\\UFFFFFFFE"])
def test_a_capital_u_escape_beyond_unicode_is_a_user_error(escape: str) -> None:
    with pytest.raises(UnreadableInputError, match="désigne un caractère qui n'existe pas"):
        loader.load_text(MINIMAL + f'x: "{escape}"\n', "t.yaml")


@pytest.mark.parametrize("tail", ["\n", "", "\n# \t\n"], ids=["libyaml", "sans-fin-de-ligne", "tabulation"])
def test_too_many_values_are_refused_by_either_parser(tail: str) -> None:
    text = MINIMAL.replace(
        "communes: [Lille]", "communes: [" + ",".join(["1"] * (loader.MAX_NODES + 10)) + "]"
    )
    with pytest.raises(UnreadableInputError, match="trop de valeurs dans le fichier"):
        loader.load_text(text.rstrip("\n") + tail, "t.yaml")


def test_a_file_just_under_the_bound_is_read() -> None:
    count = loader.MAX_NODES - 200
    text = MINIMAL.replace("communes: [Lille]", "communes: [" + ",".join(["1"] * count) + "]")
    assert len(loader.load_text(text, "t.yaml").data["association"]["communes"]) == count


@pytest.mark.parametrize("kind", ["entiers", "dictionnaires", "bloc"])
def test_any_file_within_one_mebibyte_is_checked_in_under_two_seconds_and_300_mb(
    kind: str, tmp_path: Path
) -> None:
    unit = {"entiers": "1", "dictionnaires": "{}", "bloc": None}[kind]
    head = MINIMAL.split("  communes: [Lille]\n")
    if unit is None:
        middle = "  communes:\n" + "  - 1\n" * ((loader.MAX_BYTES - len(MINIMAL)) // 6 - 10)
    else:
        middle = (
            "  communes: ["
            + ",".join([unit] * ((loader.MAX_BYTES - len(MINIMAL)) // (len(unit) + 1) - 10))
            + "]\n"
        )
    text = head[0] + middle + head[1]
    assert loader.MAX_BYTES - 200 <= len(text.encode()) <= loader.MAX_BYTES
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "%M %U %S",
            "-o",
            "mesure",
            sys.executable,
            "-m",
            "generator",
            "check",
            "a.yaml",
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode in {1, 2}, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    kilobytes, user, system = (tmp_path / "mesure").read_text().split()[-3:]
    # Processor time, not wall time: the machine running the tests may be busy with others.
    assert float(user) + float(system) < 2.0
    assert int(kilobytes) < 300 * 1024
