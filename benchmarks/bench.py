"""Speed benchmark of cpts: figures and ratios measured in one run, printed with their targets.

Run from the repository: ``python benchmarks/bench.py`` (``--rapide`` for a short run).

Three parts, each against a floor measured in the same run on the same machine, so the ratios
hold on a shared, noisy machine where absolute times do not:

1. in-process: the full bundle (check, every document in Markdown and DOCX) of each example,
   median of N runs, against python-docx writing the same paragraphs into the slim reference
   document with styles looked up once, then saving (what any DOCX writer must at least do);
2. whole process: ``cpts render`` of the largest example against a bare ``python -c "import docx,
   jinja2, jsonschema, click, yaml, markdown_it"`` (the import floor); and ``cpts check`` must not
   import python-docx at all;
3. batch: 200 answers files, one worker against two, and against pandoc converting the same
   Markdown files one process per file, when pandoc is installed.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
IMPORT_FLOOR = "import docx, jinja2, jsonschema, click, yaml, markdown_it"
CHECK_IMPORTS = (
    "import sys; from generator import api; api.check_file(sys.argv[1]); "
    "print(','.join(sorted(m for m in sys.modules if m == 'docx' or m.startswith('docx.'))))"
)

sys.path.insert(0, str(ROOT))  # the checkout's generator, installed or not

from docx import Document  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from generator import api  # noqa: E402
from generator.entry import GC_THRESHOLDS  # noqa: E402
from generator.resources import reference_docx_path  # noqa: E402


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``runs`` calls, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    """Describe the machine the figures were measured on."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    system = f"{platform.system()} {platform.release()}"
    return f"{model}, {cores} cœur(s), {system}, Python {platform.python_version()}"


def verdict(ok: bool) -> str:
    return "tenu" if ok else "NON TENU"


# --- 1. in-process ----------------------------------------------------------------------------------


STYLE_OF = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3"}


def paragraphs(markdown: str) -> list[tuple[str, str]]:
    """Return (style, text) for every block of the document: the paragraphs any writer must emit."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    blocks: list[tuple[str, str]] = []
    style = "Normal"
    for token in tokens:
        if token.type == "heading_open":
            style = STYLE_OF.get(token.tag, "Heading 3")
        elif token.type == "bullet_list_open":
            style = "List Bullet"
        elif token.type == "inline":
            blocks.append((style, "".join(child.content for child in token.children or [])))
        elif token.type in {"heading_close", "bullet_list_close"}:
            style = "Normal"
    return blocks


def floor_docx(documents: list[list[tuple[str, str]]]) -> None:
    """Write the paragraphs with python-docx, styles looked up once per document, and save."""
    for blocks in documents:
        document = Document(str(reference_docx_path()))
        styles = {name: document.styles[name] for name in {style for style, _ in blocks}}
        for style, text in blocks:
            document.add_paragraph(text, style=styles[style])
        document.save(io.BytesIO())


def in_process(runs: int) -> tuple[list[str], list[bool]]:
    # The garbage collector as the cpts command sets it (generator.entry): the objects of the
    # imports frozen, young objects collected less often. Otherwise the first figures pay for
    # full collections over python-docx's objects, which this benchmark imports and cpts does not.
    gc.set_threshold(*GC_THRESHOLDS)
    gc.collect()
    gc.freeze()
    lines, held = [], []
    lines.append("| exemple | paquet complet (ms) | plancher python-docx (ms) | rapport | cible ≤ 1,5× |")
    lines.append("|---|---:|---:|---:|---|")
    largest_ms = 0.0
    largest = max(EXAMPLES, key=lambda p: p.stat().st_size)
    for example in EXAMPLES:
        model = api.load_answers(example)
        markdown = api.render_markdown(model)
        blocks = [paragraphs(text) for text in markdown.values()]

        def bundle(path: Path = example) -> dict[str, bytes]:
            return api.render_bundle(api.load_answers(path), formats=("md", "docx"))

        full = median_seconds(bundle, runs)
        floor = median_seconds(lambda blocks=blocks: floor_docx(blocks), runs)
        ratio = full / floor
        held.append(ratio <= 1.5)
        if example == largest:
            largest_ms = full * 1000
        lines.append(
            f"| {example.stem} | {full * 1000:.1f} | {floor * 1000:.1f} | {ratio:.2f}× "
            f"| {verdict(ratio <= 1.5)} |"
        )
    held.append(largest_ms <= 100)
    lines.append(
        f"\nPlus grand exemple ({largest.stem}) : {largest_ms:.0f} ms (cible ≈ 100 ms ou moins) : "
        f"{verdict(largest_ms <= 100)}"
    )
    return lines, held


# --- 2. whole process -------------------------------------------------------------------------------


def run_seconds(commands: dict[str, list[str]], runs: int, before: Callable[[], None]) -> dict[str, float]:
    """Return the median wall time of each command, run in turn so that all see the same load.

    On a shared machine the load drifts within seconds: timing the floor after the command
    would compare two different machines. One warm-up round is not counted.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            before()
            start = time.perf_counter()
            subprocess.run(
                command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
            )
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def whole_process(runs: int) -> tuple[list[str], list[bool]]:
    largest = max(EXAMPLES, key=lambda p: p.stat().st_size)
    # An installed package has its bytecode (pip compiles it): so does the checkout measured here,
    # even where PYTHONDONTWRITEBYTECODE is set, or every run would compile our modules again.
    compileall.compile_dir(ROOT / "generator", quiet=1)
    # Likewise its compiled templates (the wheel's build compiles them into the package): the
    # checkout gets them the same way, or every run would compile the ~80 templates in memory.
    compile_templates = [sys.executable, "-m", "generator.compiled_templates"]
    subprocess.run(compile_templates, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as work:
        target = Path(work) / "sortie"

        def clean() -> None:
            shutil.rmtree(target, ignore_errors=True)

        medians = run_seconds(
            {
                "render": [sys.executable, "-m", "generator", "render", str(largest), "-o", str(target)],
                "floor": [sys.executable, "-c", IMPORT_FLOOR],
                "check": [sys.executable, "-m", "generator", "check", str(largest)],
            },
            runs,
            clean,
        )
    cli, floor, check = medians["render"], medians["floor"], medians["check"]
    imported = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS, str(largest)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    ratio = cli / floor
    lines = [
        f"`cpts render` {largest.stem} : {cli * 1000:.0f} ms ; "
        f"plancher des imports : {floor * 1000:.0f} ms ; "
        f"rapport {ratio:.2f}× (cible ≤ 1,5×) : {verdict(ratio <= 1.5)}",
        f"`cpts check` {largest.stem} : {check * 1000:.0f} ms ; modules python-docx importés : "
        f"{imported or 'aucun'} (cible : aucun) : {verdict(not imported)}",
    ]
    return lines, [ratio <= 1.5, not imported]


# --- 3. batch ---------------------------------------------------------------------------------------


def make_answers(folder: Path, count: int) -> None:
    """Write ``count`` answers files: the examples in turn, each association with its own name."""
    for index in range(count):
        example = EXAMPLES[index % len(EXAMPLES)]
        text = example.read_text(encoding="utf-8")
        name_line = next(line for line in text.splitlines() if line.strip().startswith("nom:"))
        renamed = name_line.rstrip().rstrip('"') + f' n° {index + 1}"'
        if '"' not in name_line:
            renamed = name_line.replace("nom:", 'nom: "', 1).rstrip() + f' n° {index + 1}"'
        (folder / f"reponses-{index + 1:03d}.yaml").write_text(
            text.replace(name_line, renamed, 1), encoding="utf-8"
        )


def batch(count: int) -> tuple[list[str], list[bool]]:
    lines: list[str] = []
    held: list[bool] = []
    with tempfile.TemporaryDirectory() as work:
        inputs = Path(work) / "reponses"
        inputs.mkdir()
        make_answers(inputs, count)
        seconds = {}
        for jobs in (1, 2):
            target = Path(work) / f"sortie-{jobs}"
            command = [
                sys.executable,
                "-m",
                "generator",
                "render",
                str(inputs),
                "-o",
                str(target),
                "-j",
                str(jobs),
            ]
            start = time.perf_counter()
            done = subprocess.run(
                command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT
            )
            seconds[jobs] = time.perf_counter() - start
            if done.returncode != 0:
                raise SystemExit(f"le lot a échoué ({done.returncode}) : {done.stderr[-500:]}")
        per_bundle = seconds[1] / count
        speedup = seconds[1] / seconds[2]
        lines.append(
            f"{count} paquets : 1 processus {seconds[1]:.1f} s ({per_bundle * 1000:.0f} ms par paquet) ; "
            f"2 processus {seconds[2]:.1f} s ; accélération {speedup:.2f}× "
            f"(cible ≥ 1,7×) : {verdict(speedup >= 1.7)}"
        )
        held.append(speedup >= 1.7)
        pandoc = shutil.which("pandoc")
        if pandoc is None:
            lines.append("pandoc n'est pas installé : comparaison avec pandoc non mesurée.")
            return lines, held
        markdown_files = sorted((Path(work) / "sortie-1").rglob("*.md"))
        out = Path(work) / "pandoc"
        out.mkdir()
        start = time.perf_counter()
        for index, source in enumerate(markdown_files):
            subprocess.run(
                [
                    pandoc,
                    "-f",
                    "commonmark+pipe_tables",
                    "-t",
                    "docx",
                    "-o",
                    str(out / f"{index}.docx"),
                    str(source),
                ],
                check=True,
            )
        pandoc_per_bundle = (time.perf_counter() - start) / count
        ratio = pandoc_per_bundle / per_bundle
        lines.append(
            f"pandoc, un processus par fichier : {pandoc_per_bundle * 1000:.0f} ms par paquet ; "
            f"cpts est {ratio:.1f}× "
            f"plus rapide (cible ≥ 3×) : {verdict(ratio >= 3)}"
        )
        held.append(ratio >= 3)
    return lines, held


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rapide", action="store_true", help="moins de répétitions et un lot de 20 fichiers")
    args = parser.parse_args()
    runs = 5 if args.rapide else 21
    count = 20 if args.rapide else 200
    print(f"# Banc d'essai cpts\n\nMachine : {machine()}\n")
    results: list[bool] = []
    for title, part in (
        (f"## En mémoire (médiane de {runs} passes)", lambda: in_process(runs)),
        (
            f"## Processus complet (médiane de {runs} passes, les commandes à tour de rôle)",
            lambda: whole_process(runs),
        ),
        (f"## Lot de {count} fichiers", lambda: batch(count)),
    ):
        print(title + "\n")
        lines, held = part()
        print("\n".join(lines) + "\n", flush=True)
        results += held
    print(f"Cibles tenues : {sum(results)} sur {len(results)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
