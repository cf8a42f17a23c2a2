"""PDF output through LibreOffice (``soffice --headless``), when it is installed.

All the documents of a bundle are converted in one ``soffice`` call (its start-up costs seconds),
with a user profile of our own in a temporary folder so that a LibreOffice already open on the
desktop is neither used nor disturbed. The profile is made once per process and reused by its
next conversions (a batch's worker converts one bundle after another: LibreOffice's first start
on a new profile, which writes its whole configuration, is paid once per worker, not per bundle);
it is removed when the process ends, and dropped at once after a failure or a timeout, which may
have left it half written. A batch's worker goes further: it keeps one LibreOffice running
(``ensure_listener``) and each conversion hands its documents to it, without a start-up; the
worker stops it when it ends. A single render starts LibreOffice once, as before.

The PDF's bytes are LibreOffice's: unlike the DOCX they carry its creation date. A LibreOffice
that fails or hangs (``TIMEOUT_SECONDS``) is an output failure (exit 4); a missing one, a usage
error (exit 2), reported before any work.

``subprocess`` and ``signal`` are imported when a PDF is made: every render imports this module,
few ask for a PDF, and those two cost more to import than the rest of it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.errors import OutputIOError, UsageError

TIMEOUT_SECONDS = 300
SOFFICE_NAMES = ("soffice", "libreoffice")
# Where LibreOffice is not on the PATH (Windows, macOS), this variable names its program.
SOFFICE_VARIABLE = "CPTS_SOFFICE"


def find_soffice() -> str | None:
    """Return LibreOffice's command, or ``None`` when it is not installed."""
    configured = os.environ.get(SOFFICE_VARIABLE)
    if configured:
        return shutil.which(configured)
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_soffice() -> str:
    """Return LibreOffice's command, or refuse the PDF format (exit 2) when it is missing."""
    found = find_soffice()
    if found is None:
        raise UsageError(
            "le format pdf demande LibreOffice (commande « soffice »), introuvable sur cette machine ; "
            f"installez-le (paquet Debian libreoffice-writer-nogui), indiquez son programme dans la "
            f"variable {SOFFICE_VARIABLE} ou choisissez --format md,docx"
        )
    return found


_profile: Path | None = None
_listener: Any = None  # the ``subprocess.Popen`` of this worker's LibreOffice, kept running
KEEP_OPEN = "garde.txt"
# LibreOffice under a watchdog in its own process group: if the worker dies without stopping it
# (killed), LibreOffice is stopped and the profile folder removed; if LibreOffice ends, the whole
# group goes. Nothing outlives the worker. The folder is an argument, never part of the script.
_WATCHDOG = (
    'worker=$1; folder=$2; shift 2; "$@" & office=$!; '
    "while kill -0 $worker 2>/dev/null && kill -0 $office 2>/dev/null; do sleep 1; done; "
    'if ! kill -0 $worker 2>/dev/null; then trap "" TERM; kill -TERM 0; sleep 3; rm -rf -- "$folder"; fi; '
    "kill -KILL 0"
)
LISTENER_START_SECONDS = 120


def _remove_profile() -> None:
    """Stop this process's LibreOffice, if it keeps one, and remove its profile."""
    global _profile  # noqa: PLW0603  (one profile per process, by design)
    _stop_listener()
    if _profile is not None:
        shutil.rmtree(_profile, ignore_errors=True)
        _profile = None


def _profile_folder() -> Path:
    """Return this process's LibreOffice profile folder, made at its first conversion."""
    global _profile  # noqa: PLW0603
    if _profile is None or not _profile.is_dir():
        import atexit  # noqa: PLC0415
        import multiprocessing  # noqa: PLC0415
        from multiprocessing import util  # noqa: PLC0415

        _profile = Path(tempfile.mkdtemp(prefix="cpts-libreoffice-"))
        atexit.register(_remove_profile)
        if multiprocessing.parent_process() is not None:
            # A pool's worker ends without running atexit's handlers, but with these.
            util.Finalize(None, _remove_profile, exitpriority=1)
    return _profile


def _stop_listener() -> None:
    """Stop this worker's LibreOffice and wait until its whole process group is gone.

    The group, not the watchdog alone: LibreOffice writes into its profile while it shuts down,
    and the profile is removed right after.
    """
    global _listener
    process, _listener = _listener, None
    if process is None:
        return
    import signal  # noqa: PLC0415
    import time  # noqa: PLC0415

    for sent, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sent)
        except (ProcessLookupError, PermissionError):
            break
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            process.poll()  # reaps the watchdog, our child
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)


def _in_worker() -> bool:
    import multiprocessing  # noqa: PLC0415

    return multiprocessing.parent_process() is not None and hasattr(os, "killpg")


def ensure_listener(soffice: str) -> bool:
    """Keep one LibreOffice running in this worker process; return whether it is ready.

    LibreOffice hands a ``--convert-to`` run on the same profile to the instance already running,
    which converts and answers: the next conversions skip the start-up. An instance quits when
    its last document closes, so it is started with a small text file open, which it keeps. It is
    ready once that file's lock appears; a listener that does not start in time is stopped and the
    conversions start their own LibreOffice, as a single render does. A shell watchdog (POSIX
    only, as ``os.killpg``) kills it if this process dies without stopping it.
    """
    global _listener  # noqa: PLW0603
    if _listener is not None and _listener.poll() is None:
        return True
    _stop_listener()
    import subprocess  # noqa: PLC0415
    import time  # noqa: PLC0415

    folder = _profile_folder()
    keep = folder / KEEP_OPEN
    keep.write_text("cpts\n", encoding="utf-8")
    lock = folder / f".~lock.{KEEP_OPEN}#"
    command = [
        "/bin/sh",
        "-c",
        _WATCHDOG,
        "cpts-libreoffice",
        str(os.getpid()),
        str(folder),
        soffice,
        f"-env:UserInstallation={(folder / 'profil').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        str(keep),
    ]
    try:
        _listener = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(folder)},
            cwd=folder,
            start_new_session=True,
        )
    except OSError:
        return False
    deadline = time.monotonic() + LISTENER_START_SECONDS
    while time.monotonic() < deadline and _listener.poll() is None:
        if lock.exists():
            return True
        time.sleep(0.05)
    _stop_listener()
    return False


def _run(command: list[str], folder: Path, timeout: float) -> tuple[int, str]:
    """Run LibreOffice in its own process group, so that a timeout stops all its processes."""
    import signal  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    environment = {**os.environ, "HOME": str(_profile_folder())}  # LibreOffice writes beside HOME too
    with subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=folder,
        start_new_session=True,
    ) as process:
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # pragma: no cover - Windows has no process groups
                process.kill()
            process.communicate()
            raise
    return process.returncode, errors.decode("utf-8", "replace")


def _soffice_convert(
    sources: Mapping[str, bytes], suffix: str, target: str, timeout: float | None, persistent: bool = False
) -> dict[str, bytes]:
    """Convert files (stem → bytes, all with ``suffix``) with LibreOffice's ``--convert-to target``.

    Return the converted files' bytes by stem; raise ``OutputIOError`` if one is missing.
    """
    import subprocess  # noqa: PLC0415

    soffice = require_soffice()
    extension = target.split(":", 1)[0]
    if _in_worker() and persistent:
        ensure_listener(soffice)
    with tempfile.TemporaryDirectory(prefix="cpts-pdf-") as work:
        folder = Path(work)
        paths = []
        for stem, data in sources.items():
            source = folder / f"{stem}{suffix}"
            source.write_bytes(data)
            paths.append(str(source))
        output = folder / "sortie"
        command = [
            soffice,
            f"-env:UserInstallation={(_profile_folder() / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(output),
            *paths,
        ]
        limit = TIMEOUT_SECONDS if timeout is None else timeout
        try:
            code, errors = _run(command, folder, limit)
        except subprocess.TimeoutExpired as exc:
            _remove_profile()
            raise OutputIOError(
                f"LibreOffice n'a pas fini la conversion en {extension.upper()} en {limit:.0f} secondes ; "
                "aucun document écrit."
            ) from exc
        except OSError as exc:
            _remove_profile()
            reason = exc.strerror or str(exc)
            raise OutputIOError(f"LibreOffice ne démarre pas ({reason}) ; aucun document écrit.") from exc
        missing = [stem for stem in sources if not (output / f"{stem}.{extension}").is_file()]
        if missing:
            _remove_profile()
            detail = errors.strip().splitlines()
            reason = f" ({detail[-1][:200]})" if detail else ""
            raise OutputIOError(
                f"LibreOffice n'a pas converti en {extension.upper()} : {', '.join(missing)} "
                f"(code {code}){reason} ; aucun document écrit."
            )
        return {stem: (output / f"{stem}.{extension}").read_bytes() for stem in sources}


def convert(documents: Mapping[str, bytes], timeout: float | None = None) -> dict[str, bytes]:
    """Convert DOCX files (stem → bytes) to PDF (stem → bytes) in one LibreOffice run."""
    return _soffice_convert(documents, ".docx", "pdf:writer_pdf_Export", timeout, persistent=True)


def to_word(data: bytes, suffix: str, timeout: float | None = None) -> bytes:
    """Convert an OpenDocument text or template (``.odt``, ``.ott``) to a Word document's bytes."""
    return _soffice_convert({"modele": data}, suffix, "docx:MS Word 2007 XML", timeout)["modele"]
