"""Write a bundle of documents into an output folder, and any one file, atomically.

Files are written into a fresh temporary folder beside the target (same filesystem, so the final
move is one rename), synced to disk once, then moved into place. An existing non-empty folder is
refused unless ``force`` is given; then the bundle replaces every file of an earlier render (every
name that starts with a document's name: ``statuts.pdf`` goes even when no PDF is asked for
now), keeps the user's own files, and does so as one transaction: the old files are first moved
aside, the new ones moved in, and on any failure (or Ctrl-C) everything is moved back. The
target ends with the whole new bundle or the whole old one, never a mix.

The two steps are separate functions because a batch stages every bundle in parallel worker
processes and moves them into place from the parent, once their folder names are known.

This module also holds the package's one atomic file write (:func:`atomic_write`) and its one
deterministic zip writer (:func:`write_zip`), which streams each entry from its file.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from generator.errors import OutputIOError, OutputRefusedError

STAGING_PREFIX = ".cpts-"
# Zip entries carry a date: a fixed one keeps the archive's bytes the same from one run to the next.
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
# The years a zip entry can carry (MS-DOS dates).
ZIP_YEARS = (1980, 2107)
_CHUNK = 1024 * 1024

# System errors in French: the user reads these, not the C library's English.
_REASONS = {
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota de disque dépassé",
    errno.EACCES: "droits insuffisants",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EISDIR: "c'est un dossier",
    errno.EEXIST: "existe déjà",
    errno.ENOTEMPTY: "dossier non vide",
    errno.ENAMETOOLONG: "nom trop long",
    errno.ELOOP: "trop de liens symboliques",
    errno.EXDEV: "déplacement entre deux systèmes de fichiers impossible",
    errno.EIO: "erreur d'entrée-sortie du disque",
    errno.ENOENT: "chemin introuvable",
    errno.EBUSY: "ressource occupée",
}


def _reason(exc: OSError) -> str:
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return f"erreur système {exc.errno}" if exc.errno else "erreur système"


def io_error(action: str, path: Path, exc: OSError) -> OutputIOError:
    """Return the French error for a failed system call on ``path``."""
    return OutputIOError(f"{path} : {action} impossible ({_reason(exc)}).")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def rendered_name(name: str) -> bool:
    """Tell whether ``name`` is a file a render writes (``statuts.md``, ``pv-ag-constitutive.pdf``…)."""
    from generator.render import DOCUMENTS  # noqa: PLC0415  # render's names, without a cycle at import

    stem, dot, _ = name.partition(".")
    return bool(dot) and stem in DOCUMENTS


def check_names(files: Iterable[str]) -> None:
    """Refuse a file name that is not a plain name (our names are fixed, never from user text)."""
    for name in files:
        if Path(name).name != name or name.startswith(".") or not name:
            raise OutputRefusedError(f"nom de fichier refusé : « {name} »")


def output_folder(target: Path) -> Path:
    """Return the folder to write: ``target`` itself, or the folder a symbolic link names.

    A link to a folder (even an empty one) is followed; a dangling one, or one to a file, is refused
    with a French message instead of the system's « Not a directory ».
    """
    target = target.absolute()
    if not target.is_symlink():
        return target
    pointed = Path(os.readlink(target))
    if not target.exists():
        raise OutputRefusedError(
            f"{target} : lien symbolique vers « {pointed} », qui n'existe pas ; créez ce dossier ou "
            "donnez un autre dossier de sortie."
        )
    if not target.is_dir():
        raise OutputRefusedError(f"{target} : lien symbolique vers un fichier, pas vers un dossier.")
    return target.resolve()


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


def _syncfs(fd: int) -> bool:
    """Flush the whole filesystem holding ``fd`` (Linux ``syncfs``); tell whether it was done."""
    import ctypes  # noqa: PLC0415  # only when a bundle is written: check never pays for it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    if libc.syncfs(fd) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))
    return True


def sync_folder(folder: Path, names: Iterable[str]) -> None:
    """Put every file of ``folder`` on disk: one ``syncfs`` on Linux, else one fsync per file.

    Since Linux 5.8 ``syncfs`` reports a write-back error of any file of the filesystem, as
    fsync does for its file, so one call per bundle keeps the guarantee that a rename publishes
    only complete files.
    """
    if sys.platform.startswith("linux"):  # a folder cannot be opened this way on Windows
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            if _syncfs(descriptor):
                return
        finally:
            os.close(descriptor)
    for name in names:
        with (folder / name).open("rb") as handle:
            os.fsync(handle.fileno())


def staging_prefix(pid: int | None = None) -> str:
    """Return the name prefix of the staging folders a process makes (``.cpts-1234-``).

    The process id in the name lets a batch worker whose parent died remove its own stagings.
    """
    return f"{STAGING_PREFIX}{os.getpid() if pid is None else pid}-"


# A staging folder this old whose process is gone was left by a killed render (SIGKILL leaves
# no process to clean up). The age guards against a folder on a shared disk that a process of
# another machine, whose ids mean nothing here, is still writing.
STALE_SECONDS = 600


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, as another user's process
        return True
    return True


def sweep_stale(parent: Path, now: float | None = None) -> None:
    """Remove the staging folders in ``parent`` left by a process that no longer exists."""
    limit = (time.time() if now is None else now) - STALE_SECONDS
    with contextlib.suppress(OSError):
        for path in parent.iterdir():
            name = path.name
            if not name.startswith(STAGING_PREFIX):
                continue
            pid = name[len(STAGING_PREFIX) :].split("-", 1)[0]
            with contextlib.suppress(OSError):
                if pid.isdigit() and path.lstat().st_mtime < limit and not _alive(int(pid)):
                    shutil.rmtree(path, ignore_errors=True)


def stage(parent: Path, files: Mapping[str, bytes]) -> Path:
    """Write ``files`` into a new temporary folder inside ``parent``; return the folder.

    Every file is on disk before this returns, so a later rename publishes complete files.
    The folders a killed render left there are removed first (:func:`sweep_stale`).
    """
    check_names(files)
    sweep_stale(parent)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(), dir=parent))
        # mkdtemp makes a private folder; the bundle's folder gets the usual rights (umask).
        os.chmod(staging, 0o777 & ~_umask())
    except OSError as exc:
        raise io_error("création du dossier", parent, exc) from exc
    try:
        for name, content in files.items():
            with (staging / name).open("wb") as handle:
                handle.write(content)
        sync_folder(staging, files)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise io_error("écriture", staging, exc) from exc
        raise
    return staging


def _replace_rendered(staging: Path, target: Path, names: list[str]) -> None:
    """Move the old render's files aside, the new ones in; on any failure put the old ones back."""
    old = sorted(p.name for p in target.iterdir() if rendered_name(p.name) or p.name in names)
    for name in old:
        if (target / name).is_dir() and not (target / name).is_symlink():
            raise OutputRefusedError(
                f"{target / name} : un dossier porte le nom d'un document ; déplacez-le ou "
                "choisissez un autre dossier de sortie (rien n'a été modifié)."
            )
    aside = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    moved_aside: list[str] = []
    moved_in: list[str] = []
    try:
        for name in old:
            os.rename(target / name, aside / name)
            moved_aside.append(name)
        for name in names:
            os.rename(staging / name, target / name)
            moved_in.append(name)
    except BaseException:
        for name in moved_in:  # best effort: the first failure already has its message
            with contextlib.suppress(OSError):
                os.unlink(target / name)
        for name in moved_aside:
            with contextlib.suppress(OSError):
                os.rename(aside / name, target / name)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def publish(staging: Path, target: Path, force: bool = False) -> list[Path]:
    """Move a staged bundle to ``target`` (one rename when the target is new); remove the staging."""
    names = sorted(p.name for p in staging.iterdir())
    try:
        target = output_folder(target)
        existing = check_target(target, force)
        if not target.exists():
            os.rename(staging, target)
        elif not existing:
            target.rmdir()
            os.rename(staging, target)
        else:
            _replace_rendered(staging, target, names)
            staging.rmdir()
    except OSError as exc:
        raise io_error("écriture", target, exc) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in names]


def write_bundle(target: Path, files: Mapping[str, bytes], force: bool = False) -> list[Path]:
    """Write ``files`` (fixed names → bytes) into ``target``; return the written paths."""
    check_names(files)
    target = output_folder(target)
    check_target(target, force)  # refuse before writing anything
    staging = stage(target.parent, files)
    try:
        written = {path.name: path for path in publish(staging, target, force)}
    except BaseException:  # an interruption before publish's own cleanup began
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [written[name] for name in files]


def zip_date(date: tuple[int, int, int, int, int, int] = ZIP_DATE) -> tuple[int, int, int, int, int, int]:
    """Return ``date`` within the years a zip entry can carry (1980-2107), month and day kept."""
    year = min(max(date[0], ZIP_YEARS[0]), ZIP_YEARS[1])
    return (year, *date[1:])


def zip_entry(name: str, date: tuple[int, int, int, int, int, int] = ZIP_DATE) -> zipfile.ZipInfo:
    """Return a zip entry's header: fixed date, system and rights, so the bytes never vary."""
    info = zipfile.ZipInfo(name, date_time=zip_date(date))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # the default depends on the platform
    info.external_attr = 0o644 << 16
    return info


ZipSource = bytes | Path


def write_zip(
    stream: BinaryIO,
    entries: Iterable[tuple[str, ZipSource]],
    date: tuple[int, int, int, int, int, int] = ZIP_DATE,
    compresslevel: int | None = None,
    comment: bytes = b"",
) -> None:
    """Write a deterministic zip archive of ``entries`` (name → bytes or a file to stream).

    Entries are written in the order given; a file is copied in chunks, so an archive of a
    thousand bundles never holds more than one chunk in memory. Every zip the package writes (a
    bundle's archive, a DOCX package, the reference and its skeleton) goes through here.
    """
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, source in entries:
            info = zip_entry(name, date)
            if isinstance(source, bytes):
                # The level is given per entry: zipfile applies the archive's level only to the
                # entries it names itself, not to a ZipInfo passed in.
                archive.writestr(info, source, compresslevel=compresslevel)
                continue
            info.file_size = source.stat().st_size  # lets zipfile pick ZIP64 only when needed
            with source.open("rb") as reader, archive.open(info, "w") as writer:
                shutil.copyfileobj(reader, writer, _CHUNK)
        archive.comment = comment


def check_archive_names(names: Iterable[str]) -> None:
    """Refuse an archive entry name that is not a plain relative path."""
    for name in names:
        parts = name.split("/")
        if any(part in {"", ".", ".."} or part.startswith(".") for part in parts):
            raise OutputRefusedError(f"nom de fichier refusé dans l'archive : « {name} »")


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """Return a zip archive of ``files`` (relative path → bytes), entries sorted and dated alike."""
    check_archive_names(files)
    buffer = io.BytesIO()
    write_zip(buffer, ((name, files[name]) for name in sorted(files)))
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


def atomic_write(target: Path, write: Callable[[BinaryIO], None], force: bool = False) -> Path:
    """Write one file atomically: ``write`` fills a temporary file beside it, synced, then renamed.

    Without ``force`` an existing file is kept. On any failure (or Ctrl-C) the temporary file is
    removed and the target is as it was.
    """
    target = target.absolute()
    check_archive_target(target, force)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=STAGING_PREFIX, dir=target.parent)
    except OSError as exc:
        raise io_error("création du fichier", target, exc) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes a private file
        os.replace(temporary, target)
    except OSError as exc:
        raise io_error("écriture", target, exc) from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def write_file(target: Path, content: bytes, force: bool = False) -> Path:
    """Write one file's bytes atomically (see :func:`atomic_write`)."""

    def write(stream: BinaryIO) -> None:
        stream.write(content)

    return atomic_write(target, write, force)
