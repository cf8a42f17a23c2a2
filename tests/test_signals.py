"""A batch interrupted at any step (Ctrl-C, SIGTERM, a killed parent) leaves no staging folder and no
live worker process within a second.

Each test runs the real command in a child process through a small driver that slows one step
down (the render of some files, or the publish phase after its first bundle) so that the signal
lands in that step, and says on its standard error when it got there.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _answers import MINIMAL

ROOT = Path(__file__).resolve().parent.parent

DRIVER = """\
import sys, time
from generator import api, bundle, entry

phase = sys.argv[1]
render_bundle = api.render_bundle
publish = bundle.publish

def slow_render(model, *args, **kwargs):
    if phase == "render" and model.association.nom.startswith("Lent"):
        print("ETAPE", flush=True, file=sys.stderr)
        time.sleep(60)
    return render_bundle(model, *args, **kwargs)

def slow_publish(*args, **kwargs):
    written = publish(*args, **kwargs)
    if phase == "publish":
        print("ETAPE", flush=True, file=sys.stderr)
        time.sleep(60)
    return written

api.render_bundle = slow_render
bundle.publish = slow_publish
sys.argv = ["cpts", *sys.argv[2:]]
entry.main()
"""


def answers(folder: Path, count: int) -> list[str]:
    """Two fast files, then slow ones (their association's name starts with « Lent »)."""
    names = []
    for index in range(count):
        name = f"{'Rapide' if index < 2 else 'Lent'} {index}"
        path = folder / f"f{index}.yaml"
        path.write_text(MINIMAL.replace('nom: "CPTS Test"', f'nom: "{name}"'), encoding="utf-8")
        names.append(str(path))
    return names


def children(pid: int) -> set[int]:
    """Return the live child processes of ``pid`` (its workers)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the task ended meanwhile
            found.update(int(c) for c in (task / "children").read_text().split())
    return found


def alive(pid: int) -> bool:
    """Tell whether ``pid`` runs (a zombie waiting for its reaper has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def stagings(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders if folder.is_dir() for p in folder.rglob(".cpts-*"))


def wait_for_step(process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    assert process.stderr is not None
    deadline = time.monotonic() + timeout
    seen = b""
    while b"ETAPE" not in seen:
        left = deadline - time.monotonic()
        assert left > 0, seen.decode(errors="replace")
        ready, _, _ = select.select([process.stderr], [], [], left)
        if ready:
            chunk = os.read(process.stderr.fileno(), 4096)
            assert chunk, f"the command ended before the step: {seen.decode(errors='replace')}"
            seen += chunk


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and PR_SET_PDEATHSIG")
# An archive has no publish phase: it is written in one atomic step at the end of the render.
@pytest.mark.parametrize(
    ("phase", "archive"),
    [("render", False), ("publish", False), ("render", True)],
    ids=["rendu", "publication", "zip"],
)
@pytest.mark.parametrize(
    ("how", "code"),
    [("ctrl-c", 130), ("sigterm", 130), ("sigkill", -signal.SIGKILL)],
)
def test_an_interrupted_batch_leaves_no_staging_and_no_worker(
    phase: str, how: str, code: int, archive: bool, tmp_path: Path
) -> None:
    (tmp_path / "driver.py").write_text(DRIVER, encoding="utf-8")
    files = answers(tmp_path, 6)
    output = tmp_path / ("lot.zip" if archive else "lot")
    extra = ["--zip"] if archive else []
    process = subprocess.Popen(
        [
            sys.executable,
            "driver.py",
            phase,
            "render",
            *files,
            "-o",
            str(output),
            "-j",
            "2",
            "--format",
            "md",
            *extra,
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a command started from a shell
    )
    workers: set[int] = set()
    try:
        wait_for_step(process)
        if phase == "render":  # the fast files are staged while the slow ones render
            deadline = time.monotonic() + 30
            while len(stagings(tmp_path, output)) < 2 + archive and time.monotonic() < deadline:
                time.sleep(0.05)
        assert stagings(tmp_path, output), "the signal must land while bundles are staged"
        workers = children(process.pid)
        assert len(workers) == 2
        if how == "ctrl-c":
            os.killpg(process.pid, signal.SIGINT)  # a terminal sends it to the whole group
        else:
            os.kill(process.pid, signal.SIGTERM if how == "sigterm" else signal.SIGKILL)
        assert process.wait(timeout=10) == code
        deadline = time.monotonic() + 1.0
        while (
            any(alive(pid) for pid in workers) or stagings(tmp_path, output)
        ) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert [pid for pid in workers if alive(pid)] == []
        assert stagings(tmp_path, output) == []
        if how != "sigkill":
            assert b"Traceback" not in process.stderr.read()  # type: ignore[union-attr]
            assert not (tmp_path / "lot.zip").exists()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for pid in workers | children(process.pid):  # a failed test leaves no orphan either
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    if phase == "publish" and not archive:
        # The bundle moved into place before the signal is whole; no other one was started.
        assert sorted(p.name for p in output.iterdir()) == ["rapide-0"]
        assert len(list((output / "rapide-0").iterdir())) == 6


SINGLE_DRIVER = """\
import sys, time
from generator import bundle, entry

publish = bundle.publish

def slow_publish(*args, **kwargs):
    print("ETAPE", flush=True, file=sys.stderr)
    time.sleep(60)
    return publish(*args, **kwargs)

bundle.publish = slow_publish
sys.argv = ["cpts", *sys.argv[1:]]
entry.main()
"""


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_single_render_leaves_no_staging_and_no_output(how: int, tmp_path: Path) -> None:
    (tmp_path / "driver.py").write_text(SINGLE_DRIVER, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "driver.py", "render", "a.yaml", "-o", "sortie", "--format", "md"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_for_step(process)
        assert stagings(tmp_path), "the signal must land while the bundle is staged"
        os.kill(process.pid, how)
        assert process.wait(timeout=10) == 130
        assert stagings(tmp_path) == []
        assert not (tmp_path / "sortie").exists()
        assert b"Interrompu." in process.stderr.read()  # type: ignore[union-attr]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
