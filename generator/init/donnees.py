"""The answers as nested data: read, set and merge a value at a path, and the « emptied » marker."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from generator.init.schema_view import MISSING
from generator.loader import PathKey


class _Delete:
    """Marks an optional key the user emptied: the writer removes it from the file."""

    def __repr__(self) -> str:
        return "DELETE"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Delete:
        return self  # one marker, compared by identity


DELETE: Any = _Delete()


def lookup(data: Any, path: PathKey) -> Any:
    """Return the value at ``path`` in nested data, or ``MISSING``."""
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return MISSING
        elif not isinstance(data, dict) or part not in data:
            return MISSING
        data = data[part]
    return data


def put(data: Any, path: PathKey, value: Any) -> None:
    """Set ``value`` at ``path`` in nested data, creating dictionaries and list items on the way."""
    target: Any = data
    for part, following in itertools.pairwise(path):
        if isinstance(part, int):
            while len(target) <= part:
                target.append({} if isinstance(following, str) else [])
            if not isinstance(target[part], (dict, list)):
                target[part] = {} if isinstance(following, str) else []
        elif part not in target or not isinstance(target[part], (dict, list)):
            target[part] = [] if isinstance(following, int) else {}
        target = target[part]
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append(None)
    target[last] = value


def without_deleted(data: Any) -> Any:
    """Return a copy of answers without the keys marked for deletion."""
    if isinstance(data, dict):
        return {k: without_deleted(v) for k, v in data.items() if v is not DELETE}
    if isinstance(data, list):
        return [without_deleted(v) for v in data]
    return data


def merged(base: Any, over: Any) -> Any:
    """Return ``base`` with ``over`` on top: mappings merged key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        result = dict(copy.deepcopy(base))
        for key, value in over.items():
            result[key] = merged(base.get(key), value)
        return result
    return copy.deepcopy(over)


def pattern_of(path: PathKey) -> str:
    """Return the key of ``path`` in ``pourquoi.POURQUOI``: list indexes become ``*``."""
    return ".".join("*" if isinstance(part, int) else part for part in path)
