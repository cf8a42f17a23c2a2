"""LibreOffice's profile: made once per process, reused by its next conversions, removed at its end.

A stand-in for LibreOffice (a Python script named by ``CPTS_SOFFICE``) records the profile each
run is given and writes a PDF for each source, so these tests need no LibreOffice.
"""

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from generator import pdf

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a script stands in for LibreOffice")

FAKE = """\
#!{python}
import sys
from pathlib import Path
arguments = sys.argv[1:]
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(next(a for a in arguments if a.startswith("-env:UserInstallation=")) + "\\n")
if {fail!r}:
    sys.exit(1)
out = Path(arguments[arguments.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
for source in (a for a in arguments if a.endswith(".docx")):
    (out / (Path(source).stem + ".pdf")).write_bytes(b"%PDF-1.7 faux")
"""


def fake(tmp_path, fail=False, name="faux-soffice"):
    script = tmp_path / name
    log = tmp_path / f"{name}.log"
    script.write_text(FAKE.format(python=sys.executable, log=str(log), fail=fail), encoding="utf-8")
    script.chmod(0o755)
    return script, log


def profiles(log):
    return log.read_text(encoding="utf-8").split()


@pytest.fixture(autouse=True)
def fresh_process_profile():
    pdf._remove_profile()
    yield
    pdf._remove_profile()


def test_a_process_reuses_its_profile(tmp_path, monkeypatch):
    script, log = fake(tmp_path)
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(script))
    assert pdf.convert({"a": b"docx"}) == {"a": b"%PDF-1.7 faux"}
    assert pdf.convert({"b": b"docx", "c": b"docx"}) == {"b": b"%PDF-1.7 faux", "c": b"%PDF-1.7 faux"}
    first, second = profiles(log)
    assert first == second
    assert Path(first.split("=", 1)[1].removeprefix("file://")).parent.is_dir()


def test_a_failed_conversion_drops_the_profile(tmp_path, monkeypatch):
    failing, failing_log = fake(tmp_path, fail=True, name="echec")
    working, log = fake(tmp_path, name="marche")
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(failing))
    with pytest.raises(pdf.OutputIOError):
        pdf.convert({"a": b"docx"})
    (dropped,) = profiles(failing_log)
    assert not Path(dropped.split("=", 1)[1].removeprefix("file://")).parent.exists()
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(working))
    pdf.convert({"a": b"docx"})
    assert profiles(log) != [dropped]


def test_the_profile_is_removed_when_the_process_ends(tmp_path):
    script, log = fake(tmp_path)
    code = textwrap.dedent(
        """
        import os, sys
        from generator import pdf
        os.environ[pdf.SOFFICE_VARIABLE] = sys.argv[1]
        pdf.convert({"a": b"docx"})
        """
    )
    subprocess.run([sys.executable, "-c", code, str(script)], check=True, cwd=Path(__file__).parent.parent)
    (used,) = profiles(log)
    assert not Path(used.split("=", 1)[1].removeprefix("file://")).parent.exists()


def _convert_in_worker(script):
    import os

    os.environ[pdf.SOFFICE_VARIABLE] = script
    pdf.convert({"a": b"docx"})
    return str(pdf._profile)


def test_a_pool_worker_removes_its_profile_when_the_pool_ends(tmp_path):
    script, log = fake(tmp_path)
    with ProcessPoolExecutor(max_workers=1) as pool:
        folders = {pool.submit(_convert_in_worker, str(script)).result() for _ in range(3)}
        assert len(folders) == 1  # one worker, one profile for its three conversions
        (folder,) = folders
        assert Path(folder).is_dir()
    assert not Path(folder).exists()
    assert len(set(profiles(log))) == 1


def _listener_conversions(documents):
    first = pdf.convert(documents)
    listener = pdf._listener.pid if pdf._listener is not None else None
    second = pdf.convert(documents)
    still = pdf._listener.pid if pdf._listener is not None else None
    return first, second, listener, still, str(pdf._profile)


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice n'est pas installé")
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to see the processes")
def test_a_batch_worker_keeps_one_libreoffice_for_its_conversions_and_stops_it():
    from generator import api

    model = api.load_answers(Path(__file__).parent.parent / "examples" / "cpts-petite-bureau.yaml")
    documents = {"statuts": api.render_bundle(model, ["statuts"], ("docx",))["statuts.docx"]}
    with ProcessPoolExecutor(max_workers=1) as pool:
        first, second, listener, still, folder = pool.submit(_listener_conversions, documents).result()
        assert first["statuts"].startswith(b"%PDF") and second["statuts"].startswith(b"%PDF")
        assert listener is not None and listener == still  # the same LibreOffice for both
        assert _running(listener)
    # The worker ended: its LibreOffice is stopped and its profile removed.
    assert not _running(listener)
    assert not Path(folder).exists()


def test_a_single_render_keeps_no_libreoffice_running(tmp_path, monkeypatch):
    script, log = fake(tmp_path)
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(script))
    pdf.convert({"a": b"docx"})
    assert pdf._listener is None
    assert len(profiles(log)) == 1  # one run: the conversion itself


def _convert_then_wait(documents, queue):
    pdf.convert(documents)
    queue.put((pdf._listener.pid if pdf._listener is not None else None, str(pdf._profile)))
    import time

    time.sleep(600)


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice n'est pas installé")
def test_a_killed_worker_leaves_no_libreoffice_behind():
    import multiprocessing
    import signal
    import time

    from generator import api

    model = api.load_answers(Path(__file__).parent.parent / "examples" / "cpts-petite-bureau.yaml")
    documents = {"statuts": api.render_bundle(model, ["statuts"], ("docx",))["statuts.docx"]}
    queue = multiprocessing.Queue()
    worker = multiprocessing.Process(target=_convert_then_wait, args=(documents, queue))
    worker.start()
    try:
        group, folder = queue.get(timeout=300)
        assert group is not None
        assert Path(folder).is_dir()
        os.killpg(group, 0)  # the listener's process group is there
        os.kill(worker.pid, signal.SIGKILL)
        worker.join()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
            time.sleep(0.2)
        else:
            os.killpg(group, signal.SIGKILL)
            pytest.fail("LibreOffice outlived its killed worker")
        assert not Path(folder).exists()  # the watchdog removed the profile
    finally:
        if worker.is_alive():
            worker.kill()
