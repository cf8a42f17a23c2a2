"""The bundle writer: a new folder gets the rights of the user's umask, not mkdtemp's private ones."""

import os
import stat
import sys

import pytest

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
