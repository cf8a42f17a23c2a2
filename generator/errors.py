"""The project's one error tree, and the findings that validation reports.

Every error a user can cause is a :class:`UserMessageError` carrying a French message; the CLI
maps each subclass to an exit code in one place (``cli.py``). Anything else that escapes is a bug
and becomes exit code 70.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CptsError",
    "Finding",
    "InternalError",
    "InvalidAnswersError",
    "OutputIOError",
    "OutputRefusedError",
    "Severity",
    "TemplateRenderError",
    "UnreadableInputError",
    "UsageError",
    "UserMessageError",
]


class Severity(StrEnum):
    """How serious a finding is: an error refuses the file, a warning never blocks."""

    ERREUR = "erreur"
    AVERTISSEMENT = "avertissement"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in an answers file, located by YAML path and line."""

    rule: str
    severity: Severity
    path: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    source: str = ""

    def format(self) -> str:
        """Return the one-line form ``FILE:LINE:COL: yaml.path: [RULE] message``."""
        where = f"{self.file}:{self.line}:{self.column}"
        path = self.path or "(racine)"
        return f"{where}: {path}: [{self.rule}] {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        """Return the finding as a JSON-ready mapping."""
        return {
            "fichier": self.file,
            "ligne": self.line,
            "colonne": self.column,
            "chemin": self.path,
            "regle": self.rule,
            "gravite": self.severity.value,
            "message": self.message,
            "source": self.source,
        }


class CptsError(Exception):
    """Base of every error raised by the project."""

    exit_code = 70


class UserMessageError(CptsError):
    """An error caused by the user's input or command, with a French message to show as is."""

    exit_code = 2


class UsageError(UserMessageError):
    """The command line is wrong (unknown option, missing argument, incompatible flags)."""

    exit_code = 2


class UnreadableInputError(UserMessageError):
    """An input file cannot be read as a YAML answers file (missing, binary, malformed, too big)."""

    exit_code = 2


class InvalidAnswersError(UserMessageError):
    """The answers file was read but breaks the schema or a rule; every finding is listed."""

    exit_code = 1

    def __init__(self, findings: list[Finding]) -> None:
        """Keep every finding (errors and warnings) for the report."""
        self.findings = findings
        errors = [f for f in findings if f.severity is Severity.ERREUR]
        super().__init__(f"{len(errors)} erreur(s) dans le fichier de réponses")


class OutputRefusedError(UserMessageError):
    """The output cannot be written where asked without losing something (exists, unsafe path)."""

    exit_code = 3


class OutputIOError(UserMessageError):
    """Writing the output failed at the system level (disk full, permissions)."""

    exit_code = 4


class TemplateRenderError(CptsError):
    """A template is broken (missing variable, unknown reference): a bug of the models."""

    exit_code = 70


class InternalError(CptsError):
    """An unexpected failure inside the tool."""

    exit_code = 70
