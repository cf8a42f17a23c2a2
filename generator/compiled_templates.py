"""Compiled templates shipped in the package: built once, read at start, never written at run time.

Compiling the ~80 templates of ``models/`` costs more than rendering them (about 0.3 s of every
``cpts render``). They are compiled when the package is built (``build_support.py`` hooks the
wheel's ``build_py``) or, in a checkout, by ``python -m generator.compiled_templates``, into one
file of ``generator/data``. The library itself writes nothing, in the user's home or elsewhere:
a template missing from that file, or whose source changed since (Jinja checks the source's
checksum), is compiled in memory for the process.

The file is a ``marshal``-ed mapping from template name to Jinja's bytecode-cache record. Code
objects only load in the Python version that made them, and Jinja's generated code depends on its
version and on the environment's options: all three are in the file name, so another
interpreter, Jinja or option set finds no file and compiles in memory.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

_DATA_DIR = Path(__file__).resolve().parent / "data"


def cache_path(options: Mapping[str, Any], folder: Path = _DATA_DIR) -> Path:
    """Return the compiled-templates file for this interpreter, Jinja version and options."""
    digest = hashlib.sha256(repr(sorted(options.items())).encode()).hexdigest()[:12]
    tag = sys.implementation.cache_tag or "python"
    return folder / f"modeles-compiles-{tag}-jinja{jinja2.__version__}-{digest}.marshal"


def load_bucket(bucket: Bucket, data: bytes) -> None:
    """Fill ``bucket`` from one cache record, as ``Bucket.load_bytecode`` reads an open file.

    Jinja's reader hands the open file to ``marshal.load``, which reads it in small pieces: about
    four times slower than ``marshal.loads`` on the whole record, for the same code. Anything
    unexpected (a stale checksum, damaged bytes) leaves the bucket empty, and the template is
    compiled again.
    """
    bucket.reset()
    stream = io.BytesIO(data)
    if stream.read(len(jinja2.bccache.bc_magic)) != jinja2.bccache.bc_magic:
        return
    try:
        if pickle.load(stream) != bucket.checksum:
            return
        bucket.code = marshal.loads(memoryview(data)[stream.tell() :])
    except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
        bucket.reset()


class PackagedBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache over the shipped file; what it compiles stays in memory."""

    def __init__(self, path: Path) -> None:
        """Read ``path`` on first use; a missing or unreadable file is an empty cache."""
        self._path = path
        self._records: dict[str, bytes] | None = None

    def _loaded(self) -> dict[str, bytes]:
        if self._records is None:
            self._records = {}
            try:
                records = marshal.loads(self._path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                records = None
            if isinstance(records, dict):
                self._records = {
                    k: v for k, v in records.items() if isinstance(k, str) and isinstance(v, bytes)
                }
        return self._records

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Key a template by its name only: the file is built in one folder and read in another."""
        return name

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from the shipped record, if any and if its source is unchanged."""
        data = self._loaded().get(bucket.key)
        if data is not None:
            load_bucket(bucket, data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template in memory (the library writes no file)."""
        self._loaded()[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        """Forget the records held in memory (the shipped file is left alone)."""
        self._records = {}

    def save(self, path: Path) -> None:
        """Write the records to ``path`` atomically: a reader never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".modeles-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps(dict(sorted(self._loaded().items()))))
            os.chmod(temporary, 0o644)  # mkstemp makes it private; every user reads the package
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def packaged_cache(options: Mapping[str, Any]) -> PackagedBytecodeCache:
    """Return the cache the renderer uses: the shipped file for these options, read on first use."""
    return PackagedBytecodeCache(cache_path(options))


def build(env: jinja2.Environment, options: Mapping[str, Any], folder: Path = _DATA_DIR) -> Path:
    """Compile every template of ``env`` (the renderer's, made with ``options``) into ``folder``."""
    target = cache_path(options, folder)
    cache = PackagedBytecodeCache(target)
    cache.clear()
    # A fresh template cache: a template the renderer already holds would not be compiled again.
    compiling = env.overlay(bytecode_cache=cache, cache_size=1000)
    for name in compiling.list_templates(filter_func=lambda n: n.endswith(".j2")):
        compiling.get_template(name)
    cache.save(target)
    return target


def main() -> None:
    """Compile the templates of this checkout or installation into the package's data folder."""
    from generator import render  # noqa: PLC0415 - the renderer imports this module

    sys.stdout.write(f"{build(render.environment(), render._ENVIRONMENT_OPTIONS)}\n")


if __name__ == "__main__":
    main()
