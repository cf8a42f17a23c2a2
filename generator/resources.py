"""Locate the package data (schema, templates, reference Word document) in a wheel or a checkout.

In the wheel, ``schemas/``, ``models/`` and ``examples/`` are installed as ``generator/data/schemas``,
``generator/data/models`` and ``generator/data/examples`` (see ``pyproject.toml``); in a checkout
they sit beside the package.
Every other module asks this one, so there is a single place that knows the layout.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(kind: str) -> Path:
    """Return the folder holding ``kind`` (``"schemas"``, ``"models"`` or ``"examples"``)."""
    installed = _PACKAGE_DIR / "data" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / kind


def schema_path() -> Path:
    """Return the path of the questionnaire JSON Schema."""
    return data_dir("schemas") / "questionnaire.schema.json"


def reference_docx_path() -> Path:
    """Return the default reference Word document (styles, margins) shipped in ``generator/data``."""
    return _PACKAGE_DIR / "data" / "reference.docx"


def prepared_reference_path() -> Path:
    """Return the default reference as ``generator.docx.prepare`` prepares it (``skeleton``)."""
    return _PACKAGE_DIR / "data" / "reference-prepared.docx"


def examples_dir() -> Path:
    """Return the folder of the shipped example answers files (``cpts init --modele``)."""
    return data_dir("examples")
