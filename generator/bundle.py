"""Write a bundle of documents into an output folder, atomically.

Files are written into a fresh temporary folder beside the target (same filesystem, so the final
move is one rename), then moved into place. An existing non-empty folder is refused unless
``force`` is given, and then only the bundle's own files are replaced. On any failure the target
is left as it was and the temporary folder is removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from generator.errors import OutputIOError, OutputRefusedError


def _io_error(action: str, path: Path, exc: OSError) -> OutputIOError:
    reason = exc.strerror or str(exc)
    return OutputIOError(f"{path}: {action} impossible ({reason}).")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bundle(target: Path, files: Mapping[str, bytes], force: bool = False) -> list[Path]:
    """Write ``files`` (fixed names → bytes) into ``target``; return the written paths."""
    for name in files:
        if Path(name).name != name or name.startswith("."):
            raise OutputRefusedError(f"nom de fichier refusé : « {name} »")
    target = target.absolute()
    if target.exists() and not target.is_dir():
        raise OutputRefusedError(f"{target}: existe déjà et n'est pas un dossier.")
    existing = target.is_dir() and any(target.iterdir())
    if existing and not force:
        raise OutputRefusedError(
            f"{target}: le dossier existe et n'est pas vide ; choisissez un autre dossier ou "
            "ajoutez --force pour remplacer les documents du dossier."
        )
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".cpts-", dir=parent))
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
        if not target.exists():
            os.rename(staging, target)
        elif not existing:
            target.rmdir()
            os.rename(staging, target)
        else:
            for name in files:
                os.replace(staging / name, target / name)
            staging.rmdir()
    except OSError as exc:
        raise _io_error("écriture", target, exc) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in files]
