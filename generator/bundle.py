"""Write a bundle of documents into an output folder, atomically.

Files are written into a fresh temporary folder beside the target (same filesystem, so the final
move is one rename), then moved into place. An existing non-empty folder is refused unless
``force`` is given, and then only the bundle's own files are replaced. On any failure the target
is left as it was and the temporary folder is removed.

The two steps are separate functions because a batch stages every bundle in parallel worker
processes and moves them into place from the parent, once their folder names are known.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from generator.errors import OutputIOError, OutputRefusedError

STAGING_PREFIX = ".cpts-"
# Zip entries carry a date: a fixed one keeps the archive's bytes the same from one run to the next.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


def _io_error(action: str, path: Path, exc: OSError) -> OutputIOError:
    reason = exc.strerror or str(exc)
    return OutputIOError(f"{path} : {action} impossible ({reason}).")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_names(files: Mapping[str, bytes]) -> None:
    """Refuse a file name that is not a plain name (our names are fixed, never from user text)."""
    for name in files:
        if Path(name).name != name or name.startswith(".") or not name:
            raise OutputRefusedError(f"nom de fichier refusé : « {name} »")


def check_target(target: Path, force: bool) -> bool:
    """Refuse a target that is a file, or a non-empty folder without ``force``; tell if it has files."""
    if target.exists() and not target.is_dir():
        raise OutputRefusedError(f"{target} : existe déjà et n'est pas un dossier.")
    existing = target.is_dir() and any(target.iterdir())
    if existing and not force:
        raise OutputRefusedError(
            f"{target} : le dossier existe et n'est pas vide ; choisissez un autre dossier ou "
            "ajoutez --force pour remplacer les documents du dossier."
        )
    return existing


def stage(parent: Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` into a new temporary folder inside ``parent``; return the folder.

    Every file is flushed to disk before this returns, so a later rename publishes complete files.
    """
    check_names(files)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
        # mkdtemp makes a private folder; the bundle's folder gets the usual rights (umask).
        os.chmod(staging, 0o777 & ~_umask())
    except OSError as exc:
        raise _io_error("création du dossier", parent, exc) from exc
    try:
        for name, content in files.items():
            with (staging / name).open("wb") as handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _io_error("écriture", staging, exc) from exc
        raise
    return staging


def publish(staging: Path, target: Path, force: bool = False) -> list[Path]:
    """Move a staged bundle to ``target`` (one rename when the target is new); remove the staging."""
    names = sorted(p.name for p in staging.iterdir())
    try:
        existing = check_target(target, force)
        if not target.exists():
            os.rename(staging, target)
        elif not existing:
            target.rmdir()
            os.rename(staging, target)
        else:
            for name in names:
                os.replace(staging / name, target / name)
            staging.rmdir()
    except OSError as exc:
        raise _io_error("écriture", target, exc) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in names]


def write_bundle(target: Path, files: Mapping[str, bytes], force: bool = False) -> list[Path]:
    """Write ``files`` (fixed names → bytes) into ``target``; return the written paths."""
    check_names(files)
    target = target.absolute()
    check_target(target, force)  # refuse before writing anything
    staging = stage(target.parent, files)
    written = {path.name: path for path in publish(staging, target, force)}
    return [written[name] for name in files]


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """Return a zip archive of ``files`` (relative path → bytes), entries sorted and dated alike."""
    for name in files:
        parts = name.split("/")
        if any(part in {"", ".", ".."} or part.startswith(".") for part in parts):
            raise OutputRefusedError(f"nom de fichier refusé dans l'archive : « {name} »")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def check_archive_target(target: Path, force: bool) -> None:
    """Refuse to write an archive over a folder, or over an existing file without ``force``."""
    if target.is_dir():
        raise OutputRefusedError(f"{target} : est un dossier ; donnez le nom de l'archive à écrire.")
    if target.exists() and not force:
        raise OutputRefusedError(
            f"{target} : le fichier existe déjà ; choisissez un autre nom ou ajoutez --force "
            "pour le remplacer."
        )


def write_file(target: Path, content: bytes, force: bool = False) -> Path:
    """Write one file atomically (a temporary file beside it, then one rename); keep it without force."""
    target = target.absolute()
    check_archive_target(target, force)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=STAGING_PREFIX, dir=target.parent)
    except OSError as exc:
        raise _io_error("création du fichier", target, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes a private file
        os.replace(temporary, target)
    except OSError as exc:
        raise _io_error("écriture", target, exc) from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target
