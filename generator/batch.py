"""Render the bundles of many answers files: one subfolder per association, in worker processes.

Each worker checks one file, renders its documents and stages them in a temporary folder inside
the output folder (``bundle.stage``), so the heavy work and the disk writes run in parallel. The
parent names the subfolders once every worker is done, in the order the files were given (so the
same inputs always give the same folder names, whatever order the workers finish in), then moves
each staged bundle into place (``bundle.publish``). One file that fails never stops the others;
every outcome, good or bad, is one :class:`Outcome` in the summary. With ``--zip`` the bundles
are staged the same way, in a work folder beside the archive, and streamed into it.

An interruption (Ctrl-C, or SIGTERM, which the command turns into one) at any step stops the
workers at once and removes every staging folder; the bundles already published are whole and
stay. The workers live until the publish phase ends and get SIGTERM from the kernel if the
parent dies (``PR_SET_PDEATHSIG``): each then removes the staging folders it made (their names
carry its process id) and ends, so even a killed parent leaves nothing staged behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import sys
import tempfile
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType

from generator import api, bundle
from generator.affichage import escaped
from generator.errors import ExitCode, OutputRefusedError, UsageError, UserMessageError
from generator.model import Cpts

EXIT_INTERNAL = ExitCode.INTERNAL
ANSWER_SUFFIXES = (".yaml", ".yml")
SLUG_MAX = 60
# Names Windows refuses for a file or folder, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}


@dataclass(frozen=True, slots=True)
class Options:
    """What to render for every file of the batch (picklable: it travels to the workers)."""

    documents: tuple[str, ...]
    formats: tuple[str, ...] = api.DEFAULT_FORMATS
    reference: str | None = None  # the advisor's Word file (--modele-word)
    force: bool = False
    debug: bool = False
    archive: bool = False  # one zip archive for the whole batch instead of folders
    page_numbers: bool = True  # « Page N sur M » in a letterhead's own footer
    annotations: bool = False  # each article's sources (Word comments, *.sources.md)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one answers file."""

    file: str
    code: int
    message: str = ""
    warnings: int = 0
    errors: tuple[str, ...] = ()
    name: str = ""
    staging: str | None = None
    folder: str | None = None  # the bundle's folder name inside the output (or the archive)
    written: tuple[str, ...] = field(default=())
    names: tuple[str, ...] = ()  # the staged files' names, in the order the render gives them
    notes: tuple[str, ...] = ()  # the warnings, formatted: the rules' then the layout's

    @property
    def verdict(self) -> str:
        """Return the outcome in one French word or two, for the summary table."""
        return _VERDICTS.get(self.code, "erreur interne")


_VERDICTS: dict[int, str] = {
    ExitCode.OK: "écrit",
    ExitCode.INVALID: "invalide",
    ExitCode.USAGE: "illisible",
    ExitCode.REFUSED: "refusé",
    ExitCode.IO: "erreur d'écriture",
}

RenderFiles = Callable[[Cpts, Options], dict[str, bytes]]


def bundle_files(model: Cpts, options: Options, notes: list[str] | None = None) -> dict[str, bytes]:
    """Render the requested documents in the requested formats (``statuts.docx`` → bytes).

    The layout's warnings (a form taller than the page) are added to ``notes``.
    """
    reference = Path(options.reference) if options.reference is not None else None
    return api.render_bundle(
        model,
        list(options.documents),
        options.formats,
        reference,
        notes,
        page_numbers=options.page_numbers,
        annotations=options.annotations,
    )


def collect(paths: Iterable[str]) -> list[Path]:
    """Expand the command's arguments: files as given, folders to their ``*.yaml``/``*.yml`` files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix.lower() in ANSWER_SUFFIXES and p.is_file())
            if not inside:
                raise UsageError(f"{path} : aucun fichier de réponses (.yaml ou .yml) dans ce dossier.")
            found.extend(inside)
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:  # the same file named twice would race with itself
            seen.add(key)
            unique.append(path)
    return unique


def slug(name: str) -> str:
    """Return a folder name for an association: ASCII letters, digits and dashes, never reserved."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:SLUG_MAX].rstrip("-")
    if not text:
        return "association"
    if text in _RESERVED:
        return f"{text}-association"
    return text


def assign_folders(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Give each rendered bundle its folder name (a slug), numbering the names met twice."""
    taken: set[str] = set()
    named = []
    for outcome in outcomes:
        if outcome.code != 0:
            named.append(outcome)
            continue
        base = slug(outcome.name)
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        taken.add(candidate)
        named.append(replace(outcome, folder=candidate))
    return named


def process(file: str, root: str, options: Options, render_files: RenderFiles = bundle_files) -> Outcome:
    """Check and render one file, staging its bundle inside ``root``; never raises."""
    _ROOTS.add(root)
    try:
        result = api.check_file(file)
        errors = tuple(finding.format() for finding in result.errors)
        if result.model is None:
            return Outcome(file, 1, f"{len(errors)} erreur(s)", len(result.warnings), errors)
        notes = [finding.format() for finding in result.warnings]
        layout: list[str] = []
        if render_files is bundle_files:  # a test's stand-in renders without layout warnings
            files = bundle_files(result.model, options, layout)
        else:
            files = render_files(result.model, options)
        notes += [f"avertissement : {note}" for note in layout]
        staging = bundle.stage(Path(root), files)
        return Outcome(
            file,
            0,
            warnings=len(notes),
            name=result.model.association.nom,
            staging=str(staging),
            names=tuple(files),
            notes=tuple(notes),
        )
    except UserMessageError as error:
        return Outcome(file, error.exit_code, str(error))
    except Exception as error:  # a worker reports every failure instead of dying with it
        detail = traceback.format_exc() if options.debug else f"{type(error).__name__}: {str(error)[:200]}"
        return Outcome(file, EXIT_INTERNAL, f"erreur interne ({escaped(detail)})")


# The folders this process stages bundles in: a worker whose parent died empties them of its own.
_ROOTS: set[str] = set()
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _worker_start(parent: int) -> None:
    """Set up a worker process: it dies with its parent and leaves none of its stagings behind.

    Ctrl-C reaches every process of the terminal's group: the parent alone handles it and stops
    the workers. SIGTERM (from the parent stopping them, or from the kernel when the parent dies,
    through ``PR_SET_PDEATHSIG``) removes the worker's stagings and ends it at once.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_stop)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        _worker_stop(signal.SIGTERM, None)


def _worker_stop(signum: int, frame: FrameType | None) -> None:
    """Remove this worker's staging folders (and an emptied archive work folder), then end."""
    prefix = bundle.staging_prefix()
    for root in list(_ROOTS):
        with contextlib.suppress(OSError):
            for path in Path(root).iterdir():
                if path.name.startswith(prefix):
                    shutil.rmtree(path, ignore_errors=True)
            if Path(root).name.startswith(bundle.STAGING_PREFIX):
                Path(root).rmdir()  # only once empty: the last worker to leave removes it
    os._exit(128 + signum)


def _pool(files: Sequence[Path], jobs: int) -> ProcessPoolExecutor | None:
    """Return the worker processes for a batch, or ``None`` to render in this process."""
    if jobs <= 1 or len(files) <= 1:
        return None
    return ProcessPoolExecutor(
        max_workers=min(jobs, len(files)), initializer=_worker_start, initargs=(os.getpid(),)
    )


def _stop(pool: ProcessPoolExecutor | None) -> None:
    """Stop every worker now (a render in progress is abandoned) and wait for them to end.

    ``ProcessPoolExecutor`` has no public way to end running workers before Python 3.14's
    ``terminate_workers``: its process table is read directly, with nothing done if it is gone.
    """
    if pool is None:
        return
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        with contextlib.suppress(OSError, ValueError):
            worker.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            worker.join(timeout=1)


def _render_all(
    files: Sequence[Path],
    root: Path,
    options: Options,
    pool: ProcessPoolExecutor | None,
    *,
    render_files: RenderFiles,
    progress: Callable[[Outcome], None],
) -> list[Outcome]:
    """Check, render and stage every file; return the outcomes in input order."""
    outcomes: list[Outcome | None] = [None] * len(files)
    if pool is None:
        for index, path in enumerate(files):
            outcome = process(str(path), str(root), options, render_files)
            outcomes[index] = outcome
            progress(outcome)
    else:
        pending: dict[Future[Outcome], int] = {
            pool.submit(process, str(path), str(root), options, render_files): index
            for index, path in enumerate(files)
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                outcome = future.result()
                outcomes[pending.pop(future)] = outcome
                progress(outcome)
    return [o for o in outcomes if o is not None]


def run(
    paths: Sequence[str],
    root: Path,
    options: Options,
    jobs: int,
    *,
    progress: Callable[[Outcome], None] = lambda outcome: None,
    render_files: RenderFiles = bundle_files,
) -> list[Outcome]:
    """Render every file into its subfolder of ``root``; return the outcomes in input order.

    ``progress`` is called once per file as soon as its worker is done. On an interruption (Ctrl-C,
    SIGTERM) at any step the workers are stopped and every staged bundle is removed; the bundles
    already moved into place are whole and stay.
    """
    files = collect(paths)
    if options.archive:
        return _run_archive(
            files, root.absolute(), options, jobs, progress=progress, render_files=render_files
        )
    root = bundle.output_folder(root)
    if root.exists() and not root.is_dir():
        raise OutputRefusedError(f"{root} : existe déjà et n'est pas un dossier.")
    created = not root.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise bundle.io_error("création du dossier", root, exc) from exc
    before = _stagings(root)
    # The workers live until every bundle is published: should this process be killed, they
    # remove what is still staged (see _worker_stop).
    pool = _pool(files, jobs)
    try:
        done = _render_all(files, root, options, pool, render_files=render_files, progress=progress)
        published = [_publish(outcome, root, options.force) for outcome in assign_folders(done)]
    except BaseException:
        _stop(pool)
        for staging in _stagings(root) - before:
            shutil.rmtree(staging, ignore_errors=True)
        if created and root.is_dir() and not any(root.iterdir()):
            root.rmdir()
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    if created and not any(root.iterdir()):
        root.rmdir()  # nothing was valid: leave no empty folder behind
    return published


def _run_archive(
    files: Sequence[Path],
    archive: Path,
    options: Options,
    jobs: int,
    *,
    progress: Callable[[Outcome], None],
    render_files: RenderFiles,
) -> list[Outcome]:
    """Render every file, staged on disk, then stream them into one zip archive, a folder each.

    The bundles wait on disk (in a work folder beside the archive), not in memory: writing the
    archive holds one chunk of one file at a time, whatever the number of bundles.
    """
    bundle.check_archive_target(archive, options.force)  # refuse before any work
    try:
        archive.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=bundle.staging_prefix(), dir=archive.parent))
    except OSError as exc:
        raise bundle.io_error("création du dossier", archive.parent, exc) from exc
    pool = _pool(files, jobs)
    try:
        named = assign_folders(
            _render_all(files, work, options, pool, render_files=render_files, progress=progress)
        )
        entries = sorted(
            (f"{o.folder}/{name}", Path(o.staging) / name)
            for o in named
            if o.folder and o.staging
            for name in o.names
        )
        if entries:
            bundle.atomic_write(archive, lambda stream: bundle.write_zip(stream, entries), options.force)
    except BaseException:
        _stop(pool)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if pool is not None:
        pool.shutdown(wait=True)
    return [
        replace(o, staging=None, written=tuple(f"{archive}:{o.folder}/{name}" for name in o.names))
        if o.folder
        else o
        for o in named
    ]


def _publish(outcome: Outcome, root: Path, force: bool) -> Outcome:
    if outcome.staging is None or outcome.folder is None:
        return outcome
    folder = (root / outcome.folder).resolve()
    try:
        if folder.parent != root.resolve():  # cannot happen with a slug; kept as the last guard
            raise OutputRefusedError(f"{folder} : dossier hors du dossier de sortie, refusé.")
        written = bundle.publish(Path(outcome.staging), folder, force)
    except UserMessageError as error:
        shutil.rmtree(outcome.staging, ignore_errors=True)
        return replace(outcome, code=error.exit_code, message=str(error), staging=None, folder=None)
    return replace(outcome, staging=None, written=tuple(str(p) for p in written))


def _stagings(root: Path) -> set[Path]:
    return {p for p in root.iterdir() if p.name.startswith(bundle.STAGING_PREFIX) and p.is_dir()}


def worst(outcomes: Iterable[Outcome]) -> int:
    """Return the exit code of the batch: the worst of its files (0 when all were written)."""
    return max((outcome.code for outcome in outcomes), default=0)


def default_jobs() -> int:
    """Return the number of worker processes to use by default: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
