"""The modes of ``cpts init``: the questionnaire, ``--depuis``, ``--defauts`` and ``--modele``.

Whatever the mode, nothing is written until the whole file passes ``cpts check`` (read back by
the strict loader), and then it is written atomically; an existing file is kept unless
``--force``, or ``--depuis`` names that same file (replaced only once the questionnaire ends).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import api, loader
from generator import schema as answers_schema
from generator.errors import (
    Finding,
    InvalidAnswersError,
    OutputRefusedError,
    UnreadableInputError,
    UsageError,
)
from generator.init import questions, stubs, writer
from generator.init.engine import Engine
from generator.init.terminal import Terminal
from generator.resources import examples_dir


@dataclass(frozen=True, slots=True)
class Written:
    """What ``cpts init`` wrote: the file and the warnings its answers still raise."""

    path: Path
    warnings: tuple[Finding, ...]


def examples() -> dict[str, Path]:
    """Return the shipped examples by name (file stem)."""
    return {path.stem: path for path in sorted(examples_dir().glob("*.yaml"))}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _refuse_existing(target: Path, force: bool, depuis: Path | None) -> None:
    if target.is_dir():
        raise OutputRefusedError(
            f"« {target} » est un dossier : donnez le nom du fichier de réponses à écrire"
        )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputRefusedError(
            f"le dossier « {parent} » n'existe pas : créez-le avant d'y écrire les réponses"
        )
    if target.exists() and not force and not (depuis is not None and _same_file(target, depuis)):
        raise OutputRefusedError(f"« {target} » existe déjà ; ajoutez --force pour le remplacer")


def _checked(text: str, target: Path) -> api.CheckResult:
    return api.check_loaded(loader.load_text(text, str(target)))


def from_example(name: str, target: Path, force: bool) -> Written:
    """Copy a shipped example to ``target`` (its schema modeline pointed at the right place)."""
    available = examples()
    chosen = available.get(name.removesuffix(".yaml"))
    if chosen is None:
        raise UsageError(f"exemple inconnu « {name} » ; exemples : {', '.join(available)}")
    _refuse_existing(target, force, None)
    lines = chosen.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith(writer.MODELINE):
        lines[0] = writer.modeline(target)
    text = "\n".join(lines) + "\n"
    result = _checked(text, target)
    if not result.valid:  # a shipped example is valid: this is a bug of the package
        raise InvalidAnswersError(list(result.findings))
    writer.write_atomically(target, text)
    return Written(target, result.warnings)


def read_previous(source: Path) -> tuple[dict[str, Any], str]:
    """Read a ``--depuis`` file strictly: its answers (texts given back) and its decoded text."""
    loaded = loader.load_file(source)
    answers_schema.validate(loaded)  # only to give plain scalars back as text; questions re-check all
    if not isinstance(loaded.data, dict):
        raise UnreadableInputError(f"{source} : ce fichier ne contient pas de réponses (clé: valeur attendu)")
    return loaded.data, loader._decode(source.read_bytes(), str(source))


def questionnaire(
    terminal: Terminal,
    target: Path,
    depuis: Path | None = None,
    *,
    auto: bool = False,
    force: bool = False,
) -> Written:
    """Ask the questions (or take every proposal with ``auto``), then write the checked file."""
    _refuse_existing(target, force, depuis)
    previous, base_text = read_previous(depuis) if depuis is not None else ({}, None)
    engine = Engine(terminal, previous, auto=auto, stub=stubs.complete)
    questions.run(engine)
    while True:
        text = writer.render(engine.answers, base_text, target)
        result = _checked(text, target)
        if result.valid:
            break
        finding = result.errors[0]
        if auto or not engine.reask(finding):
            raise InvalidAnswersError(list(result.findings))
    _refuse_existing(target, force, depuis)  # the file may have appeared while the questions were asked
    writer.write_atomically(target, text)
    return Written(target, result.warnings)
