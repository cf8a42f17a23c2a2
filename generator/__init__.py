"""cpts: generate the founding documents of a CPTS association from one YAML answers file.

The library is usable without the CLI::

    from generator import load_answers
    model = load_answers("examples/cpts-avecsante.yaml")

``check_file`` and ``load_answers`` are loaded on first use (PEP 562), so that the ``cpts``
command's entry point (``generator.entry``) runs before the library's imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.api import check_file, load_answers

__all__ = ["check_file", "load_answers"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in __all__:
        from generator import api  # noqa: PLC0415

        return getattr(api, name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
