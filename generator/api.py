"""The library entry points: check an answers file, load it as a model, render its documents.

The pipeline is one direction: load (strict YAML) → schema (shape, French messages) → defaults →
model (typed, derived facts) → rules (errors and warnings) → Markdown → DOCX → PDF. The CLI only
calls these functions. python-docx is imported only when a DOCX or a PDF is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import loader, pdf, render, rules, schema, sources
from generator.bundle import write_bundle
from generator.errors import Finding, InvalidAnswersError, Severity, UsageError
from generator.model import Cpts, build_model

# Output formats, in the order of a document's files; Markdown and DOCX unless asked otherwise.
FORMATS = ("md", "docx", "pdf")
DEFAULT_FORMATS = ("md", "docx")
# The DOCX metadata are dated from the answers; without a constitutive assembly, a fixed date.
UNDATED = dt.date(2000, 1, 1)


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
    return CheckResult(loaded.file, ordered, model._replace(avertissements=warnings))


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


def parse_formats(text: str) -> tuple[str, ...]:
    """Return the formats of a comma-separated list (``md,docx``), or raise ``UsageError``."""
    formats = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [name for name in formats if name not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"format inconnu : {', '.join(unknown) or '(aucun)'} ; formats possibles : {', '.join(FORMATS)}"
        )
    return formats


def document_date(model: Cpts) -> dt.date:
    """Return the date the DOCX metadata carry: the constitutive assembly's, else a fixed one."""
    return model.ag_constitutive.date if model.ag_constitutive is not None else UNDATED


def render_bundle(
    model: Cpts,
    names: list[str] | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    reference: Path | None = None,
    notes: list[str] | None = None,
    *,
    page_numbers: bool = True,
    annotations: bool = False,
) -> dict[str, bytes]:
    """Return the files of the requested documents and formats (``statuts.docx`` → bytes).

    ``reference`` is a Word file whose styles, margins, header and footer the DOCX and PDF take
    (the default one ships with the package). The same answers give the same DOCX bytes. What the
    layout could not do (a form taller than the page, a receipt split in the PDF) is added to
    ``notes`` as French warnings, before anything is written. ``page_numbers=False`` leaves a
    letterhead's own footer without « Page N sur M ». ``annotations=True`` gives each article
    its sources: a Word comment in the DOCX, footnotes in a ``*.sources.md`` beside the Markdown.
    """
    layout_notes: list[str] = []
    formats = parse_formats(",".join(formats))
    word = "docx" in formats or "pdf" in formats
    if reference is not None and not word:
        raise UsageError("le modèle Word ne sert qu'aux formats docx et pdf")
    if "pdf" in formats:
        pdf.require_soffice()  # before any work: a missing LibreOffice is known at once
    texts = render_markdown(model, names)
    annotate = _annotations(model, list(texts)) if annotations else {}
    documents: dict[str, bytes] = {}
    if word:
        # python-docx only when needed: ``cpts check`` and Markdown output never import it.
        from generator.docx import convert, verify  # noqa: PLC0415
        from generator.docx import reference as references  # noqa: PLC0415

        layout = references.load(reference, page_numbers)
        info = convert.DocumentInfo(model.association.nom, document_date(model))
        for name, text in texts.items():
            found: list[str] = []
            documents[name] = convert.to_docx(text, layout, info, found, annotate.get(name))
            layout_notes += [f"{name}.docx : {note}" for note in found]
        for name, data in documents.items():
            verify.reopen(f"{name}.docx", data)  # nothing is published that would not reopen
    pdfs = pdf.convert(documents) if "pdf" in formats else {}
    if pdfs:
        from generator import pdfcheck  # noqa: PLC0415

        for name, data in pdfs.items():
            if pdfcheck.form_pages(texts[name]):
                pages = pdfcheck.page_texts(data)
                if pages is not None:
                    layout_notes += pdfcheck.check(f"{name}.pdf", texts[name], pages)
            elif name == "statuts" and page_numbers:
                # The statuts are filed page by page: each one must show its number.
                pages = pdfcheck.page_texts(data)
                if pages is not None:
                    layout_notes += pdfcheck.numbered(f"{name}.pdf", pages)
    if notes is not None:
        notes.extend(layout_notes)
    files: dict[str, bytes] = {}
    for name, text in texts.items():
        for output in FORMATS:
            if output not in formats:
                continue
            if output == "md":
                files[f"{name}.md"] = text.encode("utf-8")
                if name in annotate:
                    files[f"{name}.sources.md"] = sources.footnotes(text, annotate[name]).encode("utf-8")
            else:
                files[f"{name}.{output}"] = documents[name] if output == "docx" else pdfs[name]
    return files


def _annotations(model: Cpts, names: list[str]) -> dict[str, sources.Sources]:
    """Return, for each document, the function giving an article's sources from its title."""
    variants = sources.Variants(
        droit_local=model.droit_local,
        inter_cpts=model.inter_cpts,
        sans_conseil=model.conseil_administration is None,
        co_presidence=model.bureau.co_presidence,
    )
    found: dict[str, sources.Sources] = {}
    for name in names:
        titres = tuple(c.titre for c in model.clauses_supplementaires if c.document == name)
        found[name] = sources.for_document(name, variants)
        if titres:
            found[name] = sources.with_clauses(found[name], titres)
    return found


def write_documents(
    model: Cpts,
    target: Path,
    names: list[str] | None = None,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    reference: Path | None = None,
    force: bool = False,
    notes: list[str] | None = None,
) -> list[Path]:
    """Render the documents in every requested format and write them into ``target``, atomically."""
    return write_bundle(target, render_bundle(model, names, formats, reference, notes), force)
