"""What the questionnaire schema says about one answer, and whether a value fits it.

The schema is the single description of the answers (titles, descriptions, defaults, choices,
limits): the questionnaire reads it here instead of restating it. Checking one value reuses the
validator and the French wording of ``generator.schema``, applied to the value's own subschema.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from generator import schema as answers_schema
from generator.loader import LoadedAnswers, PathKey

MISSING: Any = object()
"""Marks a question whose schema declares no default."""


def _resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
    # One resolution of local references for the whole project: generator.schema's.
    return answers_schema._resolve(node)


def _holds(node: Mapping[str, Any], key: str | int) -> bool:
    if isinstance(key, int):
        return "items" in node
    return "properties" in node or isinstance(node.get("additionalProperties"), Mapping)


def _container(node: Mapping[str, Any], key: str | int) -> Mapping[str, Any]:
    """Return the branch of ``node`` that holds ``key``: an array for an index, else an object."""
    resolved = _resolve(node)
    if _holds(resolved, key):
        return resolved
    for branch in resolved.get("anyOf", ()):
        try:
            return _container(branch, key)
        except KeyError:
            continue
    raise KeyError(f"le schéma ne décrit pas {key!r}")


@cache
def _at(path: PathKey) -> Mapping[str, Any]:
    node: Mapping[str, Any] = answers_schema.load_schema()
    for key in path:
        container = _container(node, key)
        if isinstance(key, int):
            node = container["items"]
        elif key in container.get("properties", {}):
            node = container["properties"][key]
        else:
            node = container["additionalProperties"]
    return node


def subschema(path: PathKey) -> Mapping[str, Any]:
    """Return the schema of the answer at ``path`` (list indexes included)."""
    return _at(tuple(path))


def resolved(path: PathKey) -> Mapping[str, Any]:
    """Return the subschema at ``path`` with its references followed (own keywords on top)."""
    return _resolve(subschema(path))


def title(path: PathKey) -> str:
    """Return the French title of the answer at ``path``, or its key when the schema has none."""
    value = resolved(path).get("title")
    return str(value) if value else str(path[-1])


def description(path: PathKey) -> str | None:
    """Return the French description of the answer at ``path``, if the schema gives one."""
    value = resolved(path).get("description")
    return str(value) if value else None


def _own_default(path: PathKey) -> Any:
    own = subschema(path)
    if "default" in own:
        return own["default"]
    return resolved(path).get("default", MISSING)


def default(path: PathKey) -> Any:
    """Return the schema's default for ``path`` (the AVECsanté model's choice), or ``MISSING``.

    A key without a default of its own takes it from an enclosing default object
    (``renouvellement.mode`` from ``renouvellement: {mode: total}``).
    """
    for cut in range(len(path), 0, -1):
        value = _own_default(path[:cut])
        for key in path[cut:]:
            if isinstance(value, dict) and isinstance(key, str) and key in value:
                value = value[key]
            else:
                value = MISSING
                break
        if value is not MISSING:
            return value
    return MISSING


def _enum(node: Mapping[str, Any]) -> list[Any] | None:
    node = _resolve(node)
    if "enum" in node:
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    found: list[Any] = []
    for branch in node.get("anyOf", ()):
        values = _enum(branch)
        if values:
            found += values
    return found or None


def choices(path: PathKey) -> list[Any] | None:
    """Return the values the answer at ``path`` may take when the schema lists them."""
    return _enum(subschema(path))


def _closed(node: Mapping[str, Any]) -> list[Any] | None:
    node = _resolve(node)
    if "enum" in node:
        return list(node["enum"])
    if "const" in node:
        return [node["const"]]
    if node.get("type") == "null":
        return [None]
    branches = node.get("anyOf")
    if not branches:
        return None
    found: list[Any] = []
    for branch in branches:
        values = _closed(branch)
        if values is None:
            return None
        found += values
    return found


def closed_choices(path: PathKey) -> list[Any] | None:
    """Return the values of the answer at ``path`` when the schema accepts nothing else."""
    return _closed(subschema(path))


def item_choices(path: PathKey) -> list[Any] | None:
    """Return the values the items of the list at ``path`` may take, when the schema lists them."""
    items = resolved(path).get("items")
    return _enum(items) if isinstance(items, Mapping) else None


def _types(node: Mapping[str, Any]) -> set[str]:
    node = _resolve(node)
    found: set[str] = set()
    declared = node.get("type")
    if isinstance(declared, str):
        found.add(declared)
    elif isinstance(declared, list):
        found.update(declared)
    for value in [node["const"]] if "const" in node else node.get("enum", []):
        found.add(answers_schema.json_type(value))
    for branch in node.get("anyOf", ()):
        found |= _types(branch)
    return found


def types(path: PathKey) -> set[str]:
    """Return the JSON types the answer at ``path`` accepts (``number`` implies ``integer``)."""
    found = _types(subschema(path))
    if "number" in found:
        found.add("integer")
    return found


def _formats(node: Mapping[str, Any]) -> set[str]:
    node = _resolve(node)
    found = {str(node[key]) for key in ("format", "pattern") if key in node}
    for branch in node.get("anyOf", ()):
        found |= _formats(branch)
    return found


def kind(path: PathKey) -> str | None:
    """Return ``"date"`` or ``"heure"`` when the answer at ``path`` is one, else ``None``."""
    found = _formats(subschema(path))
    if "date" in found:
        return "date"
    if any("[:h]" in text for text in found):
        return "heure"
    return None


def nullable(path: PathKey) -> bool:
    """Tell whether ``null`` is an answer the schema accepts at ``path``."""
    return "null" in types(path)


def problems(path: PathKey, value: Any) -> list[str]:
    """Return the French reasons why ``value`` does not fit the schema at ``path`` (none: it fits)."""
    checker = answers_schema.validator().evolve(schema=dict(subschema(path)))
    alone = LoadedAnswers(file="", data=value)
    messages: list[str] = []
    for error in checker.iter_errors(value):
        # generator.schema words each error (and picks the meant anyOf branch) as for a file.
        for finding in answers_schema._findings_for(alone, error):
            where = finding.path
            text = f"{where} : {finding.message}" if where else finding.message
            if text not in messages:
                messages.append(text)
    return messages


def property_order(path: PathKey) -> list[str]:
    """Return the keys of the object at ``path`` in the schema's order (the spec's order)."""
    node = _container(subschema(path), "_") if path else answers_schema.load_schema()
    return list(node.get("properties", {}))


__all__ = [
    "MISSING",
    "choices",
    "closed_choices",
    "default",
    "description",
    "item_choices",
    "kind",
    "nullable",
    "problems",
    "property_order",
    "resolved",
    "subschema",
    "title",
    "types",
]
