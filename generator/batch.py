"""Render the bundles of many answers files: one subfolder per association, in worker processes.

Each worker checks one file, renders its documents and stages them in a temporary folder inside
the output folder (``bundle.stage``), so the heavy work and the disk writes run in parallel. The
parent names the subfolders once every worker is done, in the order the files were given (so the
same inputs always give the same folder names, whatever order the workers finish in), then moves
each staged bundle into place (``bundle.publish``). One file that fails never stops the others;
every outcome, good or bad, is one :class:`Outcome` in the summary.
"""

from __future__ import annotations

import os
import re
import shutil
import traceback
import unicodedata
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import api, bundle
from generator.errors import OutputIOError, OutputRefusedError, UsageError, UserMessageError
from generator.model import Cpts

EXIT_INTERNAL = 70
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
    files: tuple[tuple[str, bytes], ...] = ()  # the rendered files, kept in memory for an archive
    notes: tuple[str, ...] = ()  # the warnings, formatted: the rules' then the layout's

    @property
    def verdict(self) -> str:
        """Return the outcome in one French word or two, for the summary table."""
        return {0: "écrit", 1: "invalide", 2: "illisible", 3: "refusé", 4: "erreur d'écriture"}.get(
            self.code, "erreur interne"
        )


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
        rendered = Outcome(
            file, 0, warnings=len(notes), name=result.model.association.nom, notes=tuple(notes)
        )
        if options.archive:
            return replace(rendered, files=tuple(files.items()))
        return replace(rendered, staging=str(bundle.stage(Path(root), files)))
    except UserMessageError as error:
        return Outcome(file, error.exit_code, str(error))
    except Exception as error:  # a worker reports every failure instead of dying with it
        detail = traceback.format_exc() if options.debug else f"{type(error).__name__}: {str(error)[:200]}"
        return Outcome(file, EXIT_INTERNAL, f"erreur interne ({detail})")


def _run_parallel(
    files: Sequence[Path], root: Path, options: Options, jobs: int, render_files: RenderFiles
) -> Generator[tuple[int, Outcome], None, None]:
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        pending: dict[Future[Outcome], int] = {
            pool.submit(process, str(path), str(root), options, render_files): index
            for index, path in enumerate(files)
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield pending.pop(future), future.result()
    finally:
        # On an interruption, files not started are dropped; running ones end before we clean up.
        pool.shutdown(wait=True, cancel_futures=True)


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

    ``progress`` is called once per file as soon as its worker is done. On an interruption the
    staged bundles are removed and nothing is moved into place.
    """
    files = collect(paths)
    root = root.absolute()
    if options.archive:
        return _run_archive(files, root, options, jobs, progress=progress, render_files=render_files)
    if root.exists() and not root.is_dir():
        raise OutputRefusedError(f"{root} : existe déjà et n'est pas un dossier.")
    created = not root.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputIOError(f"{root} : création du dossier impossible ({exc.strerror or exc}).") from exc
    before = _stagings(root)
    outcomes: list[Outcome | None] = [None] * len(files)
    results = _results(files, root, options, jobs, render_files)
    try:
        for index, outcome in results:
            outcomes[index] = outcome
            progress(outcome)
    except BaseException:
        # Stop the workers first (closing the generator waits for them), then remove every bundle
        # staged since the start, including those whose outcome never reached us.
        results.close()
        for staging in _stagings(root) - before:
            shutil.rmtree(staging, ignore_errors=True)
        if created and not any(root.iterdir()):
            root.rmdir()
        raise
    done = [o for o in outcomes if o is not None]
    published = [_publish(outcome, root, options.force) for outcome in assign_folders(done)]
    if created and not any(root.iterdir()):
        root.rmdir()  # nothing was valid: leave no empty folder behind
    return published


def _results(
    files: Sequence[Path], root: Path, options: Options, jobs: int, render_files: RenderFiles
) -> Generator[tuple[int, Outcome], None, None]:
    if jobs <= 1 or len(files) == 1:
        return ((i, process(str(p), str(root), options, render_files)) for i, p in enumerate(files))
    return _run_parallel(files, root, options, min(jobs, len(files)), render_files)


def _run_archive(
    files: Sequence[Path],
    archive: Path,
    options: Options,
    jobs: int,
    *,
    progress: Callable[[Outcome], None],
    render_files: RenderFiles,
) -> list[Outcome]:
    """Render every file in memory and write one zip archive with a folder per association."""
    bundle.check_archive_target(archive, options.force)  # refuse before any work
    outcomes: list[Outcome | None] = [None] * len(files)
    results = _results(files, archive.parent, options, jobs, render_files)
    try:
        for index, outcome in results:
            outcomes[index] = outcome
            progress(outcome)
    finally:
        results.close()
    named = assign_folders([o for o in outcomes if o is not None])
    entries = {f"{o.folder}/{name}": content for o in named if o.folder for name, content in o.files}
    if not entries:
        return [replace(o, files=()) for o in named]
    bundle.write_file(archive, bundle.zip_bytes(entries), options.force)
    return [
        replace(o, files=(), written=tuple(f"{archive}:{o.folder}/{name}" for name, _ in o.files))
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
