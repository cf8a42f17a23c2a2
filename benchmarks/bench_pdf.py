"""PDF benchmark of cpts: a batch's PDF against LibreOffice's floor, and a single bundle.

Run from the repository: ``python benchmarks/bench_pdf.py`` (``-j N`` workers, ``--lots N``
bundles; LibreOffice must be installed). Measured in one run on the same machine, so the ratios
hold on a shared, noisy machine where absolute times do not (the medians of ``--repetitions``):

1. batch: ``cpts render`` of N answers files (copies of the examples) with ``--format pdf`` at
   ``-j J``, against the floor: the same DOCX files, already written, converted by J LibreOffice
   processes at once (one per worker, each converting its share of every file in one run, each
   with its own fresh profile). Target: at most 1.3 times the floor.
2. single bundle: ``cpts render`` of one example in PDF, against what it did before profiles were
   reused: the same render in DOCX, then one LibreOffice run with a fresh profile. Target: no
   slower (at most 1.1 times, for the noise).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BATCH_TARGET = 1.3
SINGLE_TARGET = 1.1


def soffice() -> str:
    found = shutil.which(os.environ.get("CPTS_SOFFICE", "soffice")) or shutil.which("libreoffice")
    if found is None:
        sys.exit("LibreOffice (soffice) est introuvable : ce banc d'essai le demande.")
    return found


def cpts(*arguments: str) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "generator", *arguments], check=True, env=environment, capture_output=True
    )


def libreoffice(files: list[Path], folder: Path) -> None:
    """Convert ``files`` to PDF in one LibreOffice run with a fresh profile inside ``folder``."""
    profile = folder / "profil"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder / "pdf"),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "HOME": str(folder)},
        timeout=900,
    )


def median_time(action: Callable[[Path], None], repetitions: int) -> float:
    times = []
    for _ in range(repetitions):
        with tempfile.TemporaryDirectory(prefix="cpts-bench-pdf-") as work:
            start = time.perf_counter()
            action(Path(work))
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def answers(folder: Path, count: int) -> list[Path]:
    """Write ``count`` answers files, copies of the examples in turn."""
    files = []
    for number in range(count):
        source = EXAMPLES[number % len(EXAMPLES)]
        target = folder / f"{number:03d}-{source.name}"
        shutil.copyfile(source, target)
        files.append(target)
    return files


def batch(count: int, jobs: int, repetitions: int) -> tuple[float, float]:
    """Return the batch's time in PDF and the floor's, both medians."""
    with tempfile.TemporaryDirectory(prefix="cpts-bench-pdf-lot-") as work:
        inputs = answers(Path(work), count)
        docx_out = Path(work) / "docx"
        cpts("render", *map(str, inputs), "-o", str(docx_out), "-j", str(jobs), "--format", "docx")
        documents = sorted(docx_out.rglob("*.docx"))
        shares = [documents[worker::jobs] for worker in range(jobs)]

        def ours(folder: Path) -> None:
            cpts("render", *map(str, inputs), "-o", str(folder / "lot"), "-j", str(jobs), "--format", "pdf")

        def floor(folder: Path) -> None:
            with ThreadPoolExecutor(jobs) as pool:
                for worker in range(jobs):
                    (folder / str(worker)).mkdir()
                done = [
                    pool.submit(libreoffice, share, folder / str(worker))
                    for worker, share in enumerate(shares)
                ]
                for future in done:
                    future.result()

        return median_time(ours, repetitions), median_time(floor, repetitions)


def single(repetitions: int) -> tuple[float, float]:
    """Return one bundle's time in PDF, and the time of a DOCX render plus a fresh LibreOffice run."""
    example = str(ROOT / "examples" / "cpts-avecsante.yaml")

    def ours(folder: Path) -> None:
        cpts("render", example, "-o", str(folder / "b"), "--format", "pdf")

    def before(folder: Path) -> None:
        cpts("render", example, "-o", str(folder / "b"), "--format", "docx")
        libreoffice(sorted((folder / "b").glob("*.docx")), folder)

    return median_time(ours, repetitions), median_time(before, repetitions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-j", "--processus", type=int, default=2)
    parser.add_argument("--lots", type=int, default=20)
    parser.add_argument("--repetitions", type=int, default=3)
    options = parser.parse_args()
    soffice()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine : {os.cpu_count()} cœurs, charge {load:.1f} au départ")
    ours, floor = batch(options.lots, options.processus, options.repetitions)
    ratio = ours / floor
    verdict = "tenu" if ratio <= BATCH_TARGET else "NON TENU"
    print(
        f"Lot de {options.lots} dossiers en PDF, -j {options.processus} : {ours:.2f} s ; "
        f"plancher ({options.processus} LibreOffice convertissant les mêmes DOCX) : {floor:.2f} s ; "
        f"rapport {ratio:.2f} (objectif ≤ {BATCH_TARGET}) : {verdict}"
    )
    ours, before = single(options.repetitions)
    ratio = ours / before
    verdict = "tenu" if ratio <= SINGLE_TARGET else "NON TENU"
    print(
        f"Un dossier en PDF : {ours:.2f} s ; DOCX puis un LibreOffice au profil neuf : {before:.2f} s ; "
        f"rapport {ratio:.2f} (objectif ≤ {SINGLE_TARGET}) : {verdict}"
    )


if __name__ == "__main__":
    main()
