"""The reference Word document: where the output's styles, margins, header and footer come from.

Like pandoc's ``--reference-doc``. The default one ships with the package
(``generator/data/reference.docx``, written by ``make_reference.py``); an advisor's own file
(``--modele-word``) is read once and checked here, before anything is rendered: a file python-docx
cannot open, or whose styles cannot be used, is refused with a French message. Every style the
converter needs but the file lacks is copied from the default one (``styles``), so a letterhead
made in Word or LibreOffice works as it is. python-docx is imported only to check an advisor's file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.errors import UnreadableInputError
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


@dataclass(frozen=True, slots=True)
class Reference:
    """A checked reference document: its bytes and the name to quote in messages."""

    data: bytes
    label: str


def _unreadable(path: Path, reason: str) -> UnreadableInputError:
    return UnreadableInputError(f"{path} : modèle Word inutilisable ({reason}).")


def load(path: Path | None = None) -> Reference:
    """Read and check a reference document; ``None`` gives the one shipped with the package."""
    if path is None:
        return default()
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
    _check(path, data)
    return Reference(data, str(path))


def _check(path: Path, data: bytes) -> None:
    """Refuse what is not a Word document before python-docx reads it all into memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise _unreadable(path, "ce n'est pas un fichier .docx") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _unreadable(path, "contenu décompressé trop volumineux")
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
