"""The library entry points: check an answers file, or load it as a model for rendering.

The pipeline is one direction: load (strict YAML) → schema (shape, French messages) → defaults →
model (typed, derived facts) → rules (errors and warnings). The CLI only calls these functions.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator import loader, render, rules, schema
from generator.bundle import write_bundle
from generator.errors import Finding, InvalidAnswersError, Severity
from generator.model import Cpts, build_model


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What checking one answers file found, and the model when the file is valid."""

    file: str
    findings: tuple[Finding, ...]
    model: Cpts | None

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Return the findings that refuse the file."""
        return tuple(f for f in self.findings if f.severity is Severity.ERREUR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Return the findings that only warn."""
        return tuple(f for f in self.findings if f.severity is Severity.AVERTISSEMENT)

    @property
    def valid(self) -> bool:
        """Tell whether the file has no error."""
        return not self.errors


def check_loaded(loaded: loader.LoadedAnswers) -> CheckResult:
    """Validate already-loaded answers through the schema and the rules."""
    findings = list(loaded.findings)
    findings += schema.validate(loaded)
    if any(f.severity is Severity.ERREUR for f in findings):
        # Rules read a well-formed model: they run once the shape is right.
        return CheckResult(loaded.file, tuple(_sorted(findings)), None)
    data = schema.apply_defaults(loaded.data)
    model = build_model(data, loaded.file)
    findings += rules.run_rules(model, loaded)
    ordered = tuple(_sorted(findings))
    if any(f.severity is Severity.ERREUR for f in ordered):
        return CheckResult(loaded.file, ordered, None)
    warnings = tuple(f for f in ordered if f.severity is Severity.AVERTISSEMENT)
    return CheckResult(loaded.file, ordered, dataclasses.replace(model, avertissements=warnings))


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.severity is not Severity.ERREUR, f.line, f.column, f.rule))


def check_file(path: str | Path) -> CheckResult:
    """Read and check one answers file; unreadable files raise ``UnreadableInputError``."""
    return check_loaded(loader.load_file(path))


def load_answers(path: str | Path) -> Cpts:
    """Return the model of a valid answers file, or raise ``InvalidAnswersError``."""
    result = check_file(path)
    if result.model is None:
        raise InvalidAnswersError(list(result.findings))
    return result.model


def render_markdown(model: Cpts, names: list[str] | None = None) -> dict[str, str]:
    """Return the Markdown text of the requested documents, by file stem."""
    documents = render.render_documents(model, names or list(render.DOCUMENTS))
    return {name: doc.markdown for name, doc in documents.items()}


def write_markdown_bundle(
    model: Cpts, target: Path, names: list[str] | None = None, force: bool = False
) -> list[Path]:
    """Render the documents and write them as ``STEM.md`` into ``target``, atomically."""
    texts = render_markdown(model, names)
    return write_bundle(target, {f"{name}.md": text.encode("utf-8") for name, text in texts.items()}, force)
