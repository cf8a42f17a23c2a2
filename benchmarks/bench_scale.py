"""Scale benchmark of cpts: time against the size of one answers file, memory against a batch's size.

Run from the repository: ``python benchmarks/bench_scale.py`` (``--rapide`` for a short run).

1. members: the AVECsanté example (18 founders) with its founders copied ×1, ×6, ×10, ×50 and
   ×52 (936 founders, under the schema's cap of 1 000), each copy with its own ids and named present at the
   constitutive assembly; ``check`` and then the render (Markdown and DOCX) are timed, median of
   N runs, and reported per member: a cost per member that stays flat means no quadratic step;
2. communes: the same with the list of communes ×1, ×10, ×100 (500, the cap);
3. bounded refusal: a 1 MiB file whose ``communes`` is one huge list (and one of 90 000 integers,
   under the loader's bound on values, which the schema's ``maxItems`` refuses), checked by the
   command, its processor time and peak memory read by ``/usr/bin/time``;
4. ``--zip`` memory: a batch of 100, then 1 000 answers files written as one archive; the peak
   of the Python allocations (tracemalloc) and the peak resident memory of the parent process
   (the one that writes the archive) are measured in a fresh process.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cpts-avecsante.yaml"
sys.path.insert(0, str(ROOT))

from generator import api, loader  # noqa: E402

ZIP_RUN = """\
import resource, sys, tracemalloc
from pathlib import Path
from generator import batch
options = batch.Options(documents=tuple(sys.argv[3].split(",")), formats=("md", "docx"), archive=True)
tracemalloc.start()
outcomes = batch.run([sys.argv[1]], Path(sys.argv[2]), options, int(sys.argv[4]))
peak = tracemalloc.get_traced_memory()[1]
assert all(o.code == 0 for o in outcomes), [o.message for o in outcomes if o.code]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, peak)
"""


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """Return the median processor time of ``runs`` calls after a warm-up one.

    Processor time, not wall time: on a machine shared with others, waiting for a core is not
    the code's cost, and the per-member ratios compare like with like.
    """
    action()
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def scaled_members(data: dict[str, Any], factor: int) -> dict[str, Any]:
    """Return the answers with every founder copied ``factor`` times (new ids), all present."""
    result = copy.deepcopy(data)
    founders = data["membres"]["fondateurs"]
    copies = []
    for k in range(1, factor):
        for member in founders:
            twin = copy.deepcopy(member)
            twin["id"] = f"{member['id']}-{k}"
            if "nom" in twin:
                twin["nom"] = f"{member['nom']} {k}"
            if "structure" in twin:
                twin["structure"] = f"{member['structure']} {k}"
            copies.append(twin)
    result["membres"]["fondateurs"] = founders + copies
    presents = result.get("ag_constitutive", {}).get("presents")
    if isinstance(presents, list):
        presents.extend(twin["id"] for twin in copies)
    return result


def scaled_communes(data: dict[str, Any], factor: int) -> dict[str, Any]:
    result = copy.deepcopy(data)
    communes = data["association"]["communes"]
    result["association"]["communes"] = (communes + [f"{c} {k}" for k in range(1, factor) for c in communes])[
        :500
    ]
    return result


def time_file(data: dict[str, Any], runs: int, folder: Path) -> tuple[float, float]:
    path = folder / "reponses.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.check_file(path)
    assert result.model is not None, [f.format() for f in result.errors][:5]
    model = result.model
    check = median_seconds(lambda: api.check_file(path), runs)
    render = median_seconds(lambda: api.render_bundle(model, formats=("md", "docx")), runs)
    return check, render


def members_part(runs: int, folder: Path, factors: list[int]) -> list[str]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    lines = [
        "| fondateurs | check (s proc.) | par membre (ms) | rendu md+docx (s proc.) | par membre (ms) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for factor in factors:
        scaled = scaled_members(data, factor)
        count = len(scaled["membres"]["fondateurs"])
        check, render = time_file(scaled, runs, folder)
        per_check, per_render = 1000 * check / count, 1000 * render / count
        lines.append(f"| {count} | {check:.3f} | {per_check:.2f} | {render:.3f} | {per_render:.2f} |")
        print(lines[-1], flush=True)
    return lines


def communes_part(runs: int, folder: Path, factors: list[int]) -> list[str]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    lines = ["| communes | check (s proc.) | rendu md+docx (s proc.) |", "|---:|---:|---:|"]
    for factor in factors:
        scaled = scaled_communes(data, factor)
        check, render = time_file(scaled, runs, folder)
        lines.append(f"| {len(scaled['association']['communes'])} | {check:.3f} | {render:.3f} |")
        print(lines[-1], flush=True)
    return lines


def refusal_part(folder: Path) -> list[str]:
    base = EXAMPLE.read_text(encoding="utf-8")
    lines = ["| fichier de 1 Mio | code | temps processeur (s) | mémoire max (Mo) |", "|---|---:|---:|---:|"]
    for kind, unit in (
        ("520 000 entiers", "1,"),
        ("346 000 dictionnaires vides", "{},"),
        ("90 000 entiers", None),
    ):
        if unit is None:
            body = "[" + ",".join(["1"] * 90_000) + "]"  # under the loader's bound: the schema's turn
        else:
            body = (
                "[" + (unit * ((loader.MAX_BYTES - len(base.encode()) - 100) // len(unit))).rstrip(",") + "]"
            )
        text = base.replace("  communes:\n", f"  communes: {body}\n  communes_avant:\n", 1)
        assert len(text.encode()) <= loader.MAX_BYTES  # read, not refused for its size
        path = folder / "gros.yaml"
        path.write_text(text, encoding="utf-8")
        measure = folder / "mesure"
        process = subprocess.run(
            [
                "/usr/bin/time",
                "-f",
                "%M %U %S",
                "-o",
                str(measure),
                sys.executable,
                "-m",
                "generator",
                "check",
                str(path),
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            check=False,
        )
        kilobytes, user, system = measure.read_text().split()[-3:]
        cpu, megabytes = float(user) + float(system), int(kilobytes) / 1024
        lines.append(f"| {kind} | {process.returncode} | {cpu:.2f} | {megabytes:.0f} |")
        print(lines[-1], flush=True)
    return lines


def zip_part(folder: Path, counts: list[int], jobs: int) -> list[str]:
    source = (ROOT / "tests" / "_answers.py").read_text(encoding="utf-8")
    minimal = source.split('MINIMAL = """\\\n', 1)[1].split('"""', 1)[0]
    lines = [
        "| bundles | pic Python du parent (Mo) | mémoire max du parent (Mo) | archive (Mo) | durée (s) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for count in counts:
        inputs = folder / f"lot-{count}"
        inputs.mkdir()
        for index in range(count):
            text = minimal.replace('nom: "CPTS Test"', f'nom: "CPTS Test {index}"')
            (inputs / f"f{index:04d}.yaml").write_text(text, encoding="utf-8")
        archive = folder / f"lot-{count}.zip"
        start = time.perf_counter()
        process = subprocess.run(
            [
                sys.executable,
                "-c",
                ZIP_RUN,
                str(inputs),
                str(archive),
                "statuts,bulletin-adhesion",
                str(jobs),
            ],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - start
        resident, traced = process.stdout.split()[-2:]
        peak, python_peak = int(resident) / 1024, int(traced) / 1024 / 1024
        size = archive.stat().st_size / 1024 / 1024
        lines.append(f"| {count} | {python_peak:.1f} | {peak:.0f} | {size:.1f} | {elapsed:.0f} |")
        print(lines[-1], flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rapide", action="store_true", help="fewer runs and sizes")
    parser.add_argument("--partie", action="append", choices=["membres", "communes", "refus", "zip"])
    parser.add_argument("-j", type=int, default=2, help="worker processes of the --zip batch")
    args = parser.parse_args()
    parts = args.partie or ["membres", "communes", "refus", "zip"]
    runs = 1 if args.rapide else 5
    report: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if "membres" in parts:
            report["membres"] = members_part(runs, folder, [1, 10] if args.rapide else [1, 6, 10, 50, 52])
        if "communes" in parts:
            report["communes"] = communes_part(runs, folder, [1, 10, 100])
        if "refus" in parts:
            report["refus"] = refusal_part(folder)
        if "zip" in parts:
            report["zip"] = zip_part(folder, [10, 100] if args.rapide else [100, 1000], args.j)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
