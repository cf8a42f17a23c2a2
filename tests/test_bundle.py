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
