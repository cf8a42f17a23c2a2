"""A variant of an example: its answers changed in a test, written, checked and found valid."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator import api

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def checked_variant(
    tmp_path: Path, example: str, change: Callable[[dict[str, Any]], None] | None = None
) -> api.CheckResult:
    """Load ``example``, let ``change`` edit its data, write it and check it: a valid result."""
    data = yaml.safe_load((EXAMPLES / f"{example}.yaml").read_text(encoding="utf-8"))
    if change is not None:
        change(data)
    path = tmp_path / "variante.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = api.check_file(path)
    assert result.valid, "\n".join(f.format() for f in result.errors)
    assert result.model is not None
    return result


def rendered_variant(
    tmp_path: Path,
    example: str,
    change: Callable[[dict[str, Any]], None] | None,
    documents: list[str],
) -> dict[str, str]:
    """Load an example, change it, check it (valid) and render ``documents`` as Markdown."""
    result = checked_variant(tmp_path, example, change)
    assert result.model is not None
    return api.render_markdown(result.model, documents)
