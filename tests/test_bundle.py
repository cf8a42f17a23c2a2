"""The bundle writer: a new folder gets the rights of the user's umask, not mkdtemp's private ones."""

import os
import stat
import subprocess
import sys
import time

import pytest

from generator import bundle
from generator.bundle import write_bundle


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX rights")
def test_new_folder_follows_the_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        written = write_bundle(tmp_path / "b", {"statuts.md": b"# Statuts\n"})
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o750
    assert [p.read_bytes() for p in written] == [b"# Statuts\n"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_a_bundle_is_synced_once_before_its_rename(tmp_path, monkeypatch):
    import generator.bundle as bundle

    calls = []
    monkeypatch.setattr(bundle, "_syncfs", lambda fd: calls.append(fd) or True)
    monkeypatch.setattr(bundle.os, "fsync", lambda fd: calls.append(("fsync", fd)))
    files = {f"statuts.{n}": b"x" for n in ("md", "docx", "pdf")} | {"verification.md": b"y"}
    write_bundle(tmp_path / "b", files)
    assert len(calls) == 1
    assert not any(isinstance(call, tuple) for call in calls)


def test_without_syncfs_every_file_is_fsynced(tmp_path, monkeypatch):
    import generator.bundle as bundle

    synced = []
    monkeypatch.setattr(bundle, "_syncfs", lambda fd: False)
    monkeypatch.setattr(bundle.os, "fsync", synced.append)
    write_bundle(tmp_path / "b", {"statuts.md": b"x", "verification.md": b"y"})
    assert len(synced) == 2


def test_force_replaces_a_planted_link_without_following_it(tmp_path):
    outside = tmp_path / "ailleurs.md"
    outside.write_text("à ne pas toucher", encoding="utf-8")
    target = tmp_path / "b"
    target.mkdir()
    (target / "statuts.md").symlink_to(outside)
    write_bundle(target, {"statuts.md": b"# Statuts\n"}, force=True)
    assert not (target / "statuts.md").is_symlink()
    assert (target / "statuts.md").read_bytes() == b"# Statuts\n"
    assert outside.read_text(encoding="utf-8") == "à ne pas toucher"


def test_a_batch_into_a_dangling_link_is_refused_in_french(tmp_path):
    from generator import batch

    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "lien").symlink_to(tmp_path / "absent")
    options = batch.Options(documents=("statuts",), formats=("md",))
    with pytest.raises(batch.OutputRefusedError, match=r"lien symbolique vers .* qui n.existe pas"):
        batch.run([str(tmp_path / "a.yaml")], tmp_path / "lien", options, 1)
    assert not (tmp_path / "absent").exists()


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_render_removes_the_staging_folders_a_killed_render_left(tmp_path):
    # SIGKILL leaves its staging folder behind: no process survives to remove it. The next render
    # into the same folder removes the ones whose process is gone and that are old enough.
    dead = _dead_pid()
    old = time.time() - bundle.STALE_SECONDS - 60
    left = tmp_path / f"{bundle.staging_prefix(dead)}abc"
    young = tmp_path / f"{bundle.staging_prefix(dead)}young"
    live = tmp_path / f"{bundle.staging_prefix()}live"
    other = tmp_path / ".cpts-notes"
    for folder in (left, young, live, other):
        folder.mkdir()
        (folder / "statuts.md").write_text("x", encoding="utf-8")
    for folder in (left, live, other):
        os.utime(folder, (old, old))
    bundle.write_bundle(tmp_path / "sortie", {"statuts.md": b"# Statuts\n"})
    assert not left.exists()
    assert young.exists() and live.exists() and other.exists()
    assert (tmp_path / "sortie" / "statuts.md").read_bytes() == b"# Statuts\n"
