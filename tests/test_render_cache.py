"""The cache of compiled templates reads back exactly the code Jinja itself would read."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from generator import render
from generator.resources import data_dir

NAME = "statuts/document.md.j2"


def _stored(tmp_path: Path) -> tuple[jinja2.Environment, render._QuietBytecodeCache, Bucket, bytes]:
    cache = render._QuietBytecodeCache(str(tmp_path))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("models"))),
        bytecode_cache=cache,
        **render._ENVIRONMENT_OPTIONS,
    )
    env.get_template(NAME)  # compiled, then written to the cache
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, NAME)
    bucket = cache.get_bucket(env, NAME, filename, source)  # read back through our reader
    data = Path(cache._get_cache_filename(bucket)).read_bytes()
    return env, cache, bucket, data


def test_cached_template_reads_back_as_jinja_reads_it(tmp_path: Path) -> None:
    env, cache, bucket, _ = _stored(tmp_path)
    assert bucket.code is not None
    reference = Bucket(env, bucket.key, bucket.checksum)
    with open(cache._get_cache_filename(bucket), "rb") as handle:
        reference.load_bytecode(handle)
    assert reference.code is not None
    assert bucket.code == reference.code


def test_stale_or_damaged_cache_file_is_a_miss(tmp_path: Path) -> None:
    env, _, bucket, data = _stored(tmp_path)
    stale = Bucket(env, bucket.key, "une autre version du modèle")
    render.load_bucket(stale, data)
    assert stale.code is None
    for damaged in (data[:40], data[:-10], b"x" + data[1:], b""):
        fresh = Bucket(env, bucket.key, bucket.checksum)
        render.load_bucket(fresh, damaged)
        assert fresh.code is None
    intact = Bucket(env, bucket.key, bucket.checksum)
    render.load_bucket(intact, data)
    assert intact.code == bucket.code
