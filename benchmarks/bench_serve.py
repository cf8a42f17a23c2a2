"""Speed of ``cpts serve`` after an answer: the check and the preview of the largest example.

Run from the repository: ``python benchmarks/bench_serve.py`` (``--rapide`` for a short run).

Target (issue 17): after an answer, the check and the preview take under 100 ms on the server
for the largest example. Three figures, median of N runs each, the answer alternating between
two names so that every run really changes the file:

1. check + preview: ``verification.verify`` (schema, rules, the document shown in Markdown then
   HTML; the page asks for another document only when the founder chooses it);
2. save + check + preview: the same after the answer is merged into the YAML (comments kept)
   and written atomically, as the server does;
3. the whole HTTP round trip of ``POST /b/NOM/champ`` to a local uvicorn server.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

TARGET_MS = 100.0


def _median_ms(action: Callable[[int], object], runs: int) -> float:
    action(0)  # warm: templates compiled, schema loaded
    times = []
    for run in range(runs):
        start = time.perf_counter()
        action(run)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    """Measure and print the three figures against the target; exit 1 if a figure misses it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rapide", action="store_true", help="peu de mesures")
    runs = 5 if parser.parse_args().rapide else 25

    import httpx
    from _serve import serving

    from generator.web import brouillons, verification

    largest = max((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        shutil.copy(largest, work / "grand.yaml")
        folder = brouillons.Folder(work)
        data = folder.read("grand").data
        names = ("CPTS du Grand Val", "CPTS du Petit Val")

        def check(run: int) -> object:
            data["association"]["nom"] = names[run % 2]
            return verification.verify(data)

        def save_and_check(run: int) -> object:
            seen = folder.read("grand").version

            def edit(d: dict[str, object]) -> None:
                brouillons.set_value(d, ("association", "nom"), names[run % 2])

            return verification.verify(folder.change("grand", seen, edit).data)

        figures = {
            "vérification + aperçu": _median_ms(check, runs),
            "enregistrement + vérification + aperçu": _median_ms(save_and_check, runs),
        }
        with serving(work) as base, httpx.Client(base_url=base) as client:
            page = client.get("/b/grand/association").text
            csrf = re.search(r'name="csrf" value="([^"]+)"', page)
            assert csrf is not None

            def round_trip(run: int) -> object:
                form = {
                    "csrf": csrf.group(1),
                    "version": folder.read("grand").version,
                    "theme": "association",
                    "chemin": "association.nom",
                    "valeur": names[run % 2],
                }
                answer = client.post("/b/grand/champ", data=form)
                answer.raise_for_status()
                return answer

            figures["aller-retour HTTP POST /champ"] = _median_ms(round_trip, runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    size = largest.stat().st_size
    print(f"cpts serve, exemple le plus grand : {largest.name} ({size} octets), {runs} mesures")
    missed = 0
    for label, value in figures.items():
        ok = value < TARGET_MS
        missed += not ok
        print(f"  {label:<42} {value:7.1f} ms   cible < {TARGET_MS:.0f} ms   {'tenue' if ok else 'MANQUÉE'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
