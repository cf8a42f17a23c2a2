"""The bytes of an answers file to text: its size, its encoding, nothing else.

UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark; a binary file, any
other encoding or a file over :data:`MAX_BYTES` is refused with a French message that says where.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import UnreadableInputError

MAX_BYTES = 1024 * 1024


def decode(raw: bytes, file: str) -> str:
    """Decode UTF-8 (BOM allowed) or UTF-16 with a BOM; refuse anything else with its offset."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableInputError(f"{file}: encodage UTF-16 invalide à l'octet {exc.start}.") from exc
    if b"\x00" in raw[:8192]:
        raise UnreadableInputError(
            f"{file}: ce fichier semble binaire (octet nul), ce n'est pas un fichier YAML de réponses."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start : exc.start + 1].hex().upper()
        raise UnreadableInputError(
            f"{file}:{line}: le fichier n'est pas encodé en UTF-8 (octet 0x{bad} à la position "
            f"{exc.start}) ; enregistrez-le en UTF-8 depuis votre éditeur."
        ) from exc
    return text.removeprefix("\ufeff")


def read_text(path: str | Path) -> str:
    """Read an answers file's text, refusing files that are missing, too large, binary or not UTF-8."""
    file = str(path)
    target = Path(path)
    try:
        if target.is_dir():
            raise UnreadableInputError(f"{file}: c'est un dossier, pas un fichier de réponses.")
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableInputError(
                f"{file}: fichier trop volumineux ({size} octets ; au plus {MAX_BYTES} octets "
                "pour un fichier de réponses)."
            )
        with target.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise UnreadableInputError(f"{file}: fichier introuvable.") from exc
    except PermissionError as exc:
        raise UnreadableInputError(f"{file}: lecture interdite (droits insuffisants).") from exc
    except OSError as exc:
        raise UnreadableInputError(f"{file}: lecture impossible ({exc.strerror}).") from exc
    if len(raw) > MAX_BYTES:
        raise UnreadableInputError(f"{file}: fichier trop volumineux (au plus {MAX_BYTES} octets).")
    return decode(raw, file)
