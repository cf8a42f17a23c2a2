"""The modes of ``cpts init``: the questionnaire, its drafts, ``--depuis``, ``--defauts``, ``--modele``.

The questionnaire saves a draft in the target file after each theme and when it is stopped
(atomically, only into a new file or a draft); ``cpts init`` on a draft resumes it at the first
unanswered question. The finished file is written once it passes ``cpts check`` (read back by the
strict loader); an existing finished file is kept unless ``--force``, or ``--depuis`` names that
same file (replaced only once the questionnaire ends).
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
from generator.init import parcours, stubs, writer
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


def draft_of(target: Path) -> int | None:
    """Return how many questions a draft at ``target`` holds (``None``: no draft there)."""
    try:
        with target.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return None
    return writer.draft_count(head.decode("utf-8", "replace"))


def reprise(target: Path) -> str:
    """Return how to resume after an interruption (nothing to say when no draft was saved)."""
    if draft_of(target) is None:
        return ""
    return f"Vos réponses sont gardées dans « {target} » ; reprenez avec : cpts init {target}"


def _refuse_existing(target: Path, force: bool, depuis: Path | None, draft: bool = False) -> None:
    if target.is_dir():
        raise OutputRefusedError(
            f"« {target} » est un dossier : donnez le nom du fichier de réponses à écrire"
        )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputRefusedError(
            f"le dossier « {parent} » n'existe pas : créez-le avant d'y écrire les réponses"
        )
    if (
        target.exists()
        and not force
        and not draft
        and not (depuis is not None and _same_file(target, depuis))
    ):
        raise OutputRefusedError(
            f"« {target} » existe déjà ; ajoutez --force pour le remplacer, "
            f"ou --depuis {target} pour partir de ses réponses"
        )


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
    writer.ensure_schema(target)
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
    """Ask the questions (or take every proposal with ``auto``), then write the checked file.

    A draft at ``target`` is resumed (without ``--depuis``); without ``auto`` the answers are
    saved as a draft after each theme and when the questionnaire is stopped.
    """
    resumed = draft_of(target) if depuis is None and not force else None
    _refuse_existing(target, force, depuis, draft=resumed is not None)
    source = target if resumed is not None else depuis
    previous, base_text = read_previous(source) if source is not None else ({}, None)
    if resumed is not None:
        terminal.say(
            f"Reprise du brouillon « {target} » après {resumed} réponse(s) ; « retour » revient en arrière."
        )
    drafts = not auto and (resumed is not None or not target.exists())

    def save(answers: dict[str, Any], count: int) -> None:
        writer.ensure_schema(target)
        writer.write_atomically(target, writer.render(answers, base_text, target, draft=count))

    def make(proposals: dict[str, Any], skip: int) -> Engine:
        return Engine(terminal, proposals, auto=auto, stub=stubs.complete, skip=skip)

    def finish(engine: Engine) -> tuple[str, api.CheckResult]:
        while True:
            text = writer.render(engine.answers, base_text, target)
            result = _checked(text, target)
            if result.valid:
                return text, result
            finding = result.errors[0]
            if auto or not engine.reask(finding):
                raise InvalidAnswersError(list(result.findings))

    text, result = parcours.interactive(make, previous, resumed or 0, save if drafts else None, finish)
    if not drafts:  # the file may have appeared while the questions were asked
        _refuse_existing(target, force, depuis)
    writer.ensure_schema(target)
    writer.write_atomically(target, text)
    return Written(target, result.warnings)
