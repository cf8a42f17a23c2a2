"""The library entry point of ``cpts modifier``: check both answers files, apply the rules, render.

Nothing is written here: :func:`build` returns the findings, and the bundle's files when every
check passed; the command writes them with ``bundle.write_bundle`` (atomic, ``--force``).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import api, loader, pdf, schema, typography
from generator.errors import Finding, Severity, UnreadableInputError, UsageError
from generator.modifier import age as age_rules
from generator.modifier import documents
from generator.modifier.articles import Article, heading_line, parse

# A statuts text is a few dozen kilobytes; a bigger file is not one.
MAX_TEXT_BYTES = 1024 * 1024
MAX_WORD_INFLATED = 32 * 1024 * 1024
# What the schema's « texte » refuses, less the tab and line ends a text is made of; « \x1e » and
# « \x1f » are the numbering's markers.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufffe\uffff]"
)
SOURCE_LOI = "Loi du 1er juillet 1901, art. 1 et 9 ; modèle AVECsanté, art. 20"


@dataclass(frozen=True, slots=True)
class Result:
    """The findings of both files and of the AGE, and the Markdown documents when all is right."""

    findings: tuple[Finding, ...]
    texts: dict[str, str] | None
    modification: documents.Modification | None

    @property
    def valid(self) -> bool:
        """Tell whether no finding refuses the amendment."""
        return self.texts is not None


def read_text_in_force(path: str | Path) -> tuple[str, tuple[Article, ...]]:
    """Read the adopted statuts (Markdown, text, or a Word document); refuse what cannot be one."""
    where = Path(path)
    try:
        if where.is_dir():
            raise UnreadableInputError(f"{path} : est un dossier, pas un texte de statuts.")
        with where.open("rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)  # never more: /dev/zero ends here too
    except FileNotFoundError as exc:
        raise UnreadableInputError(f"{path} : fichier introuvable.") from exc
    except OSError as exc:
        raise UnreadableInputError(f"{path} : lecture impossible ({exc.strerror or exc}).") from exc
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableInputError(f"{path} : fichier trop gros pour un texte de statuts (plus de 1 Mo).")
    read = _word_text if data.startswith(b"PK\x03\x04") else _plain_text
    text = _checked(unicodedata.normalize("NFC", read(data, str(path))), str(path))
    articles = parse(text)
    if not any(a.number for a in articles):
        raise UnreadableInputError(
            f"{path} : aucun article reconnu ; les intitulés doivent avoir la forme « Article 5 – Titre »."
        )
    return text, articles


def _checked(text: str, path: str) -> str:
    """Refuse the characters the schema refuses in answers (controls, bidi overrides, surrogates)."""
    found = _FORBIDDEN.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise UnreadableInputError(
            f"{path} : ligne {line} : caractère invisible ou de contrôle U+{ord(found.group()):04X} "
            "refusé dans le texte en vigueur ; retirez-le."
        )
    return text


def _word_text(data: bytes, path: str) -> str:
    """Return the paragraphs of a Word document, one per line; a list paragraph starts with « - »."""
    import docx  # noqa: PLC0415 - python-docx only for a Word text in force

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # A small archive may inflate enormously: refuse before python-docx reads it.
            if sum(entry.file_size for entry in archive.infolist()) > MAX_WORD_INFLATED:
                raise UnreadableInputError(f"{path} : document Word trop volumineux une fois décompressé.")
        document = docx.Document(io.BytesIO(data))
    except UnreadableInputError:
        raise
    except Exception as exc:  # a zip that is not a Word document fails in many ways
        raise UnreadableInputError(f"{path} : document Word illisible ({type(exc).__name__}).") from exc
    lines = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        properties = paragraph._p.pPr
        numbered = properties is not None and properties.numPr is not None
        style = paragraph.style.name if paragraph.style is not None else ""
        listed = numbered or (style or "").startswith("List")
        lines.append(f"- {text}" if listed else text)
    return "\n".join(lines)


def _plain_text(data: bytes, path: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInputError(
            f"{path} : le texte en vigueur doit être un document Word (.docx) ou un fichier texte "
            "UTF-8 (Markdown)."
        ) from exc
    if "\x00" in text:
        raise UnreadableInputError(f"{path} : fichier binaire, pas un texte de statuts.")
    return text


def _located(rule: str, path: loader.PathKey, message: str, loaded: loader.LoadedAnswers) -> Finding:
    source = SOURCE_LOI if rule == "E-AGE-DEVOLUTION" else age_rules.SOURCE_STATUTS
    return loaded.finding(rule, Severity.ERREUR, path, message, source)


def devolution_removed(in_force: Sequence[Article], new: Sequence[Article]) -> Article | None:
    """Return the article in force that devolves the assets to a similar body, when no new one does."""

    def devolves(article: Article) -> bool:
        text = " ".join(article.blocks).lower()
        return "dévolu" in text and "objet similaire" in text

    before = next((a for a in in_force if devolves(a)), None)
    if before is not None and not any(devolves(a) for a in new):
        return before
    return None


def build(ancien: str, nouveau: str, texte_en_vigueur: str | None = None) -> Result:
    """Check the old and new answers and the AGE; render the four documents when all is right."""
    old_check = api.check_file(ancien)
    new_loaded = loader.load_file(nouveau)
    new_check = api.check_loaded(new_loaded)
    findings = [*old_check.findings, *new_check.findings]
    if old_check.model is None or new_check.model is None:
        return Result(tuple(findings), None, None)
    age = age_rules.parse_age(schema.apply_defaults(new_loaded.data))
    if age is None:
        findings.append(
            _located(
                "E-AGE-ABSENTE",
                (),
                "la section age (date, lieu, effectifs et votes de l'assemblée générale extraordinaire) "
                "manque au fichier des statuts modifiés",
                new_loaded,
            )
        )
        return Result(tuple(findings), None, None)
    in_force_text = None
    if texte_en_vigueur is not None:
        in_force_text, _ = read_text_in_force(texte_en_vigueur)
    modification = documents.prepare(
        old_check.model, new_check.model, age, in_force_text, texte_en_vigueur and Path(texte_en_vigueur).name
    )
    problems = age_rules.check(
        age, old_check.model.assemblees, modification.modified, modification.old_number("age")
    )
    if not modification.modified:
        problems.append(
            (
                "E-AGE-AUCUNE",
                ("age",),
                "les statuts modifiés ne changent aucun article des statuts en vigueur",
            )
        )
    constitutive = old_check.model.ag_constitutive
    if constitutive is not None and age.date <= constitutive.date:
        problems.append(
            (
                "E-AGE-DATE",
                ("age", "date"),
                f"l'assemblée générale extraordinaire ({typography.date_longue(age.date)}) ne peut pas "
                f"précéder l'assemblée constitutive ({typography.date_longue(constitutive.date)})",
            )
        )
    removed = devolution_removed(modification.texts.in_force, modification.texts.new)
    if removed is not None:
        problems.append(
            (
                "E-AGE-DEVOLUTION",
                ("age",),
                f"les statuts modifiés ne dévolueraient plus l'actif net à un organisme poursuivant un objet "
                f"similaire (article {removed.number} des statuts en vigueur) : une association sans but "
                "lucratif ne peut pas partager ses biens entre ses membres",
            )
        )
    findings += [_located(rule, path, message, new_loaded) for rule, path, message in problems]
    if texte_en_vigueur is not None and in_force_text is not None:
        findings += [
            Finding(
                rule="W-AGE-TEXTE",
                severity=Severity.AVERTISSEMENT,
                path="",
                message=f"l'article {number} du texte adopté, qui règle la convocation, le quorum ou la "
                "majorité de l'assemblée générale extraordinaire, ne se lit pas comme celui que "
                "produisent les réponses des statuts en vigueur ; le procès-verbal applique les "
                "règles des réponses : vérifiez qu'elles sont celles du texte adopté",
                file=texte_en_vigueur,
                line=heading_line(in_force_text, number),
                source=age_rules.SOURCE_STATUTS,
            )
            for number in documents.rules_differ(modification)
        ]
    if any(f.severity is Severity.ERREUR for f in findings):
        return Result(tuple(findings), None, modification)
    return Result(tuple(findings), documents.render_all(modification), modification)


def files(
    result: Result, formats: Sequence[str] = api.DEFAULT_FORMATS, reference: Path | None = None
) -> dict[str, bytes]:
    """Return the bundle's files (``pv-age.docx`` → bytes) in the requested formats."""
    if result.texts is None or result.modification is None:
        raise UsageError("les documents d'une modification refusée ne sont pas produits")
    formats = api.parse_formats(",".join(formats))
    word = "docx" in formats or "pdf" in formats
    if reference is not None and not word:
        raise UsageError("le modèle Word ne sert qu'aux formats docx et pdf")
    if "pdf" in formats:
        pdf.require_soffice()
    documents_docx: dict[str, bytes] = {}
    if word:
        from generator.docx import convert, verify  # noqa: PLC0415
        from generator.docx import reference as references  # noqa: PLC0415

        layout = references.load(reference)
        info = convert.DocumentInfo(result.modification.new.association.nom, result.modification.age.date)
        documents_docx = {name: convert.to_docx(text, layout, info) for name, text in result.texts.items()}
        for name, data in documents_docx.items():
            verify.reopen(f"{name}.docx", data)
    pdfs = pdf.convert(documents_docx) if "pdf" in formats else {}
    out: dict[str, bytes] = {}
    for name, text in result.texts.items():
        for output in api.FORMATS:
            if output not in formats:
                continue
            if output == "md":
                out[f"{name}.md"] = text.encode("utf-8")
            else:
                out[f"{name}.{output}"] = documents_docx[name] if output == "docx" else pdfs[name]
    return out
