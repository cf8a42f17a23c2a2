"""The reference Word document: where the output's styles, margins, header and footer come from.

Like pandoc's ``--reference-doc``. The default one ships with the package
(``generator/data/reference.docx``, written by ``make_reference.py``); an advisor's own file
(``--modele-word``) is read once and checked here, before anything is rendered: a file python-docx
cannot open, or whose styles cannot be used, is refused with a French message. A Word template
(``.dotx``, the usual form of an URPS letterhead) is read as the document it would create (only
its main part's content type differs); an OpenDocument text or template (``.odt``, ``.ott``) is
converted to DOCX by LibreOffice first, when it is installed. Every style the
converter needs but the file lacks is copied from the default one (``styles``), so a letterhead
made in Word or LibreOffice works as it is. python-docx is imported only to check an advisor's file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.errors import UnreadableInputError, UserMessageError
from generator.resources import reference_docx_path

# A reference document is a letterhead, not an archive: refuse what would exhaust memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024

# Every style the converter uses: Word's built-in names (navigation pane, tables of contents),
# with their style identifier, plus « Tableau » for the text of table cells.
PARAGRAPH_STYLES = {
    "Normal": "Normal",
    "Title": "Title",
    "Heading 1": "Heading1",
    "Heading 2": "Heading2",
    "Heading 3": "Heading3",
    "List Bullet": "ListBullet",
    "List Bullet 2": "ListBullet2",
    "List Bullet 3": "ListBullet3",
    "List Number": "ListNumber",
    "List Number 2": "ListNumber2",
    "List Number 3": "ListNumber3",
    "Tableau": "Tableau",
    "Header": "Header",
    "Footer": "Footer",
}
TABLE_STYLES = {"Table Grid": "TableGrid"}


_CONTENT_TYPES = "[Content_Types].xml"
_WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_OPENDOCUMENT_TEXT = (
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.text-template",
)
# What an Office Open XML package that is not a Word document is, for the message.
_OTHER_OFFICE = {b"spreadsheetml": "un classeur (Excel)", b"presentationml": "une présentation (PowerPoint)"}
_WORD_MACRO = b"application/vnd.ms-word."


@dataclass(frozen=True, slots=True)
class Reference:
    """A checked reference document: its bytes and the name to quote in messages.

    ``page_numbers`` adds « Page N sur M » to a letterhead's own footer (an empty footer always
    gets it); ``--sans-numero-de-page`` turns it off.
    """

    data: bytes
    label: str
    page_numbers: bool = True


def _unreadable(path: Path, reason: str) -> UnreadableInputError:
    return UnreadableInputError(f"{path} : modèle Word inutilisable ({reason}).")


def load(path: Path | None = None, page_numbers: bool = True) -> Reference:
    """Read and check a reference document; ``None`` gives the one shipped with the package."""
    if path is None:
        return default() if page_numbers else Reference(default().data, default().label, False)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _unreadable(path, f"fichier de plus de {MAX_FILE_BYTES // (1024 * 1024)} Mo")
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise _unreadable(path, "c'est un dossier") from exc
    except FileNotFoundError as exc:
        raise _unreadable(path, "fichier introuvable") from exc
    except OSError as exc:
        raise _unreadable(path, exc.strerror or str(exc)) from exc
    data = _as_word_document(path, data)
    _check(path, data)
    return Reference(data, str(path), page_numbers)


def _members(path: Path, data: bytes) -> dict[str, bytes]:
    """Return the small members that tell a package's kind, refusing what is not a sound zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise _unreadable(path, "contenu décompressé trop volumineux")
            names = set(archive.namelist())
            return {
                name: archive.read(name)[:65536] for name in ("mimetype", _CONTENT_TYPES) if name in names
            }
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise _unreadable(path, "ce n'est pas un fichier .docx") from exc


def _as_word_document(path: Path, data: bytes) -> bytes:
    """Return a Word document's bytes: a template relabelled, an OpenDocument file converted."""
    members = _members(path, data)
    if members.get("mimetype", b"").strip() in _OPENDOCUMENT_TEXT:
        from generator import pdf  # noqa: PLC0415  (LibreOffice, only for an OpenDocument letterhead)

        if pdf.find_soffice() is None:
            raise _unreadable(
                path,
                "un document OpenDocument (.odt, .ott) est converti par LibreOffice, introuvable sur "
                "cette machine ; enregistrez-le au format Word (.docx) ou installez LibreOffice",
            )
        try:
            converted = pdf.to_word(data, path.suffix.lower() or ".odt")
        except UserMessageError as exc:
            raise _unreadable(path, f"conversion par LibreOffice impossible : {exc}") from exc
        return _as_word_document(path, converted) if converted[:2] == b"PK" else converted
    types = members.get(_CONTENT_TYPES)
    if types is None:
        raise _unreadable(
            path, "ce n'est ni un document Word (.docx, .dotx) ni un document OpenDocument (.odt)"
        )
    if _TEMPLATE_MAIN in types:
        return _relabel(path, data)
    if _WORD_MAIN not in types:
        kind = next((name for key, name in _OTHER_OFFICE.items() if key in types), None)
        if kind is None and _WORD_MACRO in types:
            kind = "un document Word avec macros (.docm, .dotm)"
        found = f"c'est {kind}" if kind else "ce n'est pas un document Word"
        raise _unreadable(
            path, f"{found} ; un document Word (.docx, .dotx) ou OpenDocument (.odt) est attendu"
        )
    return data


def _relabel(path: Path, data: bytes) -> bytes:
    """Return a Word template (.dotx) as the document it creates: only the main content type changes."""
    output = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                content = source.read(info)
                if info.filename == _CONTENT_TYPES:
                    content = content.replace(_TEMPLATE_MAIN, _WORD_MAIN)
                target.writestr(info, content)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise _unreadable(path, "ce n'est pas un fichier .docx") from exc
    return output.getvalue()


def _check(path: Path, data: bytes) -> None:
    """Refuse a Word document whose styles cannot be used, with python-docx."""
    # python-docx only for an advisor's file: the default reference is known to be sound.
    from generator.docx import styles  # noqa: PLC0415

    try:
        styles.check(data)
    except ValueError as exc:
        raise _unreadable(path, str(exc)) from exc


@cache
def default() -> Reference:
    """Return the reference document shipped with the package."""
    path = reference_docx_path()
    return Reference(path.read_bytes(), str(path))
