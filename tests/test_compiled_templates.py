"""Compiled templates: shipped in the package, read at start, never written at run time."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from jinja2.bccache import Bucket

from generator import compiled_templates as ct
from generator import render

ROOT = Path(__file__).resolve().parent.parent
NAME = "statuts/document.md.j2"


def _tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_render_with_a_read_only_home_writes_nothing_there(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(stat.S_IRUSR | stat.S_IXUSR)
    data = ROOT / "generator" / "data"
    data_before = _tree(data)
    env = {k: v for k, v in os.environ.items() if k not in {"XDG_CACHE_HOME", "CPTS_CACHE"}}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    try:
        result = subprocess.run(
            [
                *(sys.executable, "-m", "generator", "render"),
                *(str(ROOT / "examples" / "cpts-petite-bureau.yaml"), "-o", str(tmp_path / "out")),
                *("--format", "md,docx"),
            ],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        home.chmod(stat.S_IRWXU)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "statuts.md").is_file()
    assert _tree(home) == []  # root ignores the mode: the listing is the proof
    assert _tree(data) == data_before  # nor in the package


def _environment(cache: jinja2.BytecodeCache) -> jinja2.Environment:
    return render.environment().overlay(bytecode_cache=cache, cache_size=1000)


def test_built_file_serves_every_template_as_jinja_compiles_it(tmp_path: Path) -> None:
    target = ct.build(render.environment(), render._ENVIRONMENT_OPTIONS, tmp_path)
    assert target == ct.cache_path(render._ENVIRONMENT_OPTIONS, tmp_path)
    assert target.stat().st_mode & 0o777 == 0o644
    cache = ct.PackagedBytecodeCache(target)
    env = _environment(cache)
    assert env.loader is not None
    names = env.list_templates(filter_func=lambda n: n.endswith(".j2"))
    assert len(names) > 50
    for name in names:
        source, filename, _ = env.loader.get_source(env, name)
        bucket = cache.get_bucket(env, name, filename, source)
        assert bucket.code == env.compile(source, name, filename), name


def test_compiling_in_memory_writes_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent" / "modeles.marshal"
    cache = ct.PackagedBytecodeCache(missing)
    env = _environment(cache)
    env.get_template(NAME)  # compiled: not in the (missing) file
    assert not missing.exists()
    assert _tree(tmp_path) == []
    assert NAME in cache._loaded()  # kept in memory


def _record(tmp_path: Path) -> tuple[jinja2.Environment, Bucket, bytes]:
    cache = ct.PackagedBytecodeCache(tmp_path / "x.marshal")
    env = _environment(cache)
    env.get_template(NAME)
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, NAME)
    bucket = cache.get_bucket(env, NAME, filename, source)
    return env, bucket, cache._loaded()[NAME]


def test_record_reads_back_as_jinja_reads_it(tmp_path: Path) -> None:
    env, bucket, data = _record(tmp_path)
    assert bucket.code is not None
    reference = Bucket(env, bucket.key, bucket.checksum)
    reference.bytecode_from_string(data)
    assert reference.code == bucket.code


def test_stale_or_damaged_record_is_a_miss(tmp_path: Path) -> None:
    env, bucket, data = _record(tmp_path)
    stale = Bucket(env, bucket.key, "une autre version du modèle")
    ct.load_bucket(stale, data)
    assert stale.code is None
    for damaged in (data[:40], data[:-10], b"x" + data[1:], b""):
        fresh = Bucket(env, bucket.key, bucket.checksum)
        ct.load_bucket(fresh, damaged)
        assert fresh.code is None
    intact = Bucket(env, bucket.key, bucket.checksum)
    ct.load_bucket(intact, data)
    assert intact.code == bucket.code


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9\x00\x00\x00\x00"])
def test_unreadable_file_is_an_empty_cache(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.marshal"
    path.write_bytes(content)
    assert ct.PackagedBytecodeCache(path)._loaded() == {}


def test_file_name_follows_python_jinja_and_options() -> None:
    name = ct.cache_path(render._ENVIRONMENT_OPTIONS).name
    assert sys.implementation.cache_tag in name
    assert jinja2.__version__ in name
    other = ct.cache_path({**render._ENVIRONMENT_OPTIONS, "trim_blocks": False})
    assert other.name != name
