"""Rendering internals made faster: the compiled-template cache and the completeness check."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.bccache import Bucket

from generator import render
from generator.errors import TemplateRenderError
from generator.numbering import Numbered
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


# --- the completeness check of a rendered document ------------------------------------------------

# The placeholder pattern as first written (a lookbehind first): the reference for the fast one.
_PLACEHOLDER_REFERENCE = re.compile(r"(?<!\\)\{[{%]|(?<!\\)\}\}|%\}")


@given(st.text(alphabet="{}%\\\n a#", max_size=30))
@settings(max_examples=1000, deadline=None)
def test_placeholder_pattern_finds_what_the_reference_finds(text: str) -> None:
    found = render._PLACEHOLDER.search(text)
    expected = _PLACEHOLDER_REFERENCE.search(text)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def _numbered(text: str) -> Numbered:
    return Numbered(text=text, headings=(), references=())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## A\n\n## B\ntexte\n", "la section « A » est vide"),
        ("## A\n### A.1\n\n\n", "la section « A.1 » est vide"),
        ("## A\ntexte\n### A.1\n  \n## B\n", "la section « A.1 » est vide"),
        ("## A\ntexte {{ reste }}\n", "texte provisoire « {{ » dans le document"),
        ("## A\ntexte \\{{ échappé }}\n", "texte provisoire « }} » dans le document"),
    ],
)
def test_incomplete_document_is_refused(text: str, message: str) -> None:
    with pytest.raises(TemplateRenderError) as caught:
        render._check_complete("statuts", _numbered(text))
    assert str(caught.value) == f"statuts : {message}"


def test_complete_document_passes() -> None:
    render._check_complete("statuts", _numbered("## A\n### A.1\ntexte \\{\\{ x \\}\\}\n## B\ntexte\n"))
