"""The project's one error tree, and the findings that validation reports.

Every error a user can cause is a :class:`UserMessageError` carrying a French message; each
subclass carries its exit code, from the one table below (:class:`ExitCode`). Anything else that
escapes is a bug and becomes exit code 70. A message may quote the input: it is given out with
every control or invisible character escaped (:mod:`generator.affichage`), never raw.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from generator.affichage import escaped, escaped_line

__all__ = [
    "CptsError",
    "ExitCode",
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


class ExitCode(IntEnum):
    """The exit codes of the ``cpts`` command, in one place."""

    OK = 0
    INVALID = 1  # the answers break the schema or a rule
    USAGE = 2  # a wrong command line, or an input that cannot be read
    REFUSED = 3  # the output would overwrite or escape where it must not
    IO = 4  # the system could not write the output
    INTERNAL = 70  # a bug (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)


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
        """Return the one-line form ``FILE:LINE:COL: yaml.path: [RULE] message``, escaped."""
        where = f"{self.file}:{self.line}:{self.column}"
        path = self.path or "(racine)"
        return escaped_line(f"{where}: {path}: [{self.rule}] {self.message}")

    def as_dict(self) -> dict[str, str | int]:
        """Return the finding as a JSON-ready mapping, its texts escaped as in :meth:`format`."""
        return {
            "fichier": escaped_line(self.file),
            "ligne": self.line,
            "colonne": self.column,
            "chemin": escaped_line(self.path),
            "regle": self.rule,
            "gravite": self.severity.value,
            "message": escaped_line(self.message),
            "source": self.source,
        }


class CptsError(Exception):
    """Base of every error raised by the project."""

    exit_code: int = ExitCode.INTERNAL


class UserMessageError(CptsError):
    """An error caused by the user's input or command, with a French message to show.

    The message is given out escaped (``str(error)``): it may quote a key, a value or a file name.
    """

    exit_code: int = ExitCode.USAGE

    def __str__(self) -> str:
        """Return the message with every control or invisible character escaped."""
        return escaped(super().__str__())


class UsageError(UserMessageError):
    """The command line is wrong (unknown option, missing argument, incompatible flags)."""

    exit_code = ExitCode.USAGE


class UnreadableInputError(UserMessageError):
    """An input file cannot be read as a YAML answers file (missing, binary, malformed, too big)."""

    exit_code = ExitCode.USAGE


class InvalidAnswersError(UserMessageError):
    """The answers file was read but breaks the schema or a rule; every finding is listed."""

    exit_code = ExitCode.INVALID

    def __init__(self, findings: list[Finding]) -> None:
        """Keep every finding (errors and warnings) for the report."""
        self.findings = findings
        errors = [f for f in findings if f.severity is Severity.ERREUR]
        super().__init__(f"{len(errors)} erreur(s) dans le fichier de réponses")


class OutputRefusedError(UserMessageError):
    """The output cannot be written where asked without losing something (exists, unsafe path)."""

    exit_code = ExitCode.REFUSED


class OutputIOError(UserMessageError):
    """Writing the output failed at the system level (disk full, permissions)."""

    exit_code = ExitCode.IO


class TemplateRenderError(CptsError):
    """A template is broken (missing variable, unknown reference): a bug of the models."""

    exit_code = ExitCode.INTERNAL


class InternalError(CptsError):
    """An unexpected failure inside the tool."""

    exit_code = ExitCode.INTERNAL
