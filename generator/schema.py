"""Validate answers against the JSON Schema and turn the validator's errors into French findings.

The schema file is the single description of the answers' shape and defaults: this module never
re-describes it. It reads the schema's own keywords (``enum``, ``minimum``, ``x-attendu``…) to
word each message, fills in the defaults the schema declares, and, where a plain YAML scalar was
read as a number or a boolean but the schema wants text (a code postal ``59190``, a sigle
``1000``), gives the scalar back as the text that was written.

Validation stays bounded: every list's ``maxItems`` is checked first, on its own
(:func:`oversized`), so a list of half a million items is refused in milliseconds instead of
being compared pairwise by ``uniqueItems``; and a file gets at most :data:`MAX_FINDINGS`
findings. The validator itself (formats, pattern semantics) is built in
:mod:`generator.schema_checks`.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from jsonschema.exceptions import ValidationError

from generator.errors import Finding, Severity
from generator.loader import LoadedAnswers, PathKey
from generator.schema_checks import DATE_MAX, DATE_MIN, INVISIBLE, in_calendar, load_schema, validator

__all__ = ["MAX_FINDINGS", "apply_defaults", "json_type", "load_schema", "oversized", "validate", "validator"]

_SOURCE = "schéma du questionnaire (schemas/questionnaire.schema.json)"
_MAX_SHOWN = 60
# Findings reported for one file: a file with more has a wrong structure, not 5 000 typos.
MAX_FINDINGS = 200

_TYPE_FR = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "array": "une liste",
    "object": "un dictionnaire (clé: valeur)",
    "null": "vide (null)",
}


def _close_matches(word: str, possibilities: list[str], n: int) -> list[str]:
    """Return the likely meant values; difflib is imported only for a file with an error."""
    import difflib  # noqa: PLC0415

    return difflib.get_close_matches(word, possibilities, n=n)


def _shown(value: Any) -> str:
    """Return a short French rendering of a value for a message, cut at about 60 characters."""
    if value is None:
        text = "null"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    if len(text) > _MAX_SHOWN:
        text = text[: _MAX_SHOWN - 1] + "…"
    return f"« {text} »"


def json_type(value: Any) -> str:
    """Return the JSON Schema type name of a loaded value (``integer``, ``string``, ``array``…)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _types_fr(types: Any) -> str:
    if isinstance(types, str):
        types = [types]
    return " ou ".join(_TYPE_FR.get(t, t) for t in types)


def _resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow a local ``$ref``; keep the referring schema's own keywords on top."""
    ref = schema.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return schema
    target: Any = load_schema()
    for part in ref[2:].split("/"):
        target = target[part]
    merged = dict(_resolve(target))
    merged.update({k: v for k, v in schema.items() if k != "$ref"})
    return merged


def _all_errors(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    for error in errors:
        yield error
        yield from _all_errors(error.context or ())


def _get(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: PathKey, value: Any) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _restorable(error: Any, loaded: LoadedAnswers) -> bool:
    """Tell whether a type error is a plain scalar read as a number or boolean where text is wanted."""
    expected = error.validator_value
    return (
        error.validator == "type"
        and "string" in ([expected] if isinstance(expected, str) else expected)
        and tuple(error.absolute_path) in loaded.plain_scalars
        and isinstance(error.instance, (bool, int, float))
    )


def _errors_with_plain_text(loaded: LoadedAnswers) -> list[ValidationError]:
    """Validate, giving plain scalars back as text where the schema wants text; return the errors.

    Each round gives back what the last validation asked for; the errors of a round that gives
    nothing back are the final ones, so a valid file is validated once.
    """
    done: set[PathKey] = set()
    for _ in range(4):
        errors = _first_errors(loaded.data)
        changed = False
        for error in _all_errors(errors):
            path = tuple(error.absolute_path)
            if path not in done and _restorable(error, loaded):
                _set(loaded.data, path, loaded.plain_scalars[path])
                done.add(path)
                changed = True
        if not changed:
            return errors
    return _first_errors(loaded.data)


def _first_errors(data: Any) -> list[ValidationError]:
    """Return the validator's first errors: past :data:`MAX_FINDINGS`, more would not be read."""
    return list(itertools.islice(validator().iter_errors(data), MAX_FINDINGS))


def _attendu(schema: Mapping[str, Any]) -> str | None:
    value = _resolve(schema).get("x-attendu")
    return value if isinstance(value, str) else None


def _message(error: Any) -> str:  # jsonschema's stubs type every attribute as maybe-unset
    """Word one validator error in French, saying what would be right."""
    kind = error.validator
    value = error.validator_value
    instance = error.instance
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    attendu = _attendu(schema)
    if kind == "type":
        if instance is None:
            return f"valeur manquante : doit être {_types_fr(value)}"
        given = "une valeur vrai/faux" if isinstance(instance, bool) else _TYPE_FR[json_type(instance)]
        return f"doit être {_types_fr(value)}, pas {given} {_shown(instance)}"
    if kind == "enum":
        options = ", ".join(str(v) for v in value)
        guess = _close_matches(str(instance), [str(v) for v in value], n=1)
        hint = f" ; vouliez-vous dire « {guess[0]} » ?" if guess else ""
        return f"{_shown(instance)} n'est pas une valeur permise (valeurs possibles : {options}){hint}"
    if kind == "const":
        return f"doit valoir « {value} », pas {_shown(instance)}"
    if kind == "pattern":
        bad = INVISIBLE.search(instance) if isinstance(instance, str) else None
        if bad is not None:
            return (
                f"contient un caractère invisible ou de contrôle interdit (U+{ord(bad.group()):04X})"
                " ; retirez-le (un retour à la ligne n'est permis que dans les textes longs)"
            )
        return f"{_shown(instance)} ne convient pas : attendu {attendu or 'un autre format'}"
    if kind == "format":
        if value == "email":
            return f"{_shown(instance)} n'est pas une adresse électronique valide"
        if value == "date" and in_calendar(instance):
            return (
                f"{_shown(instance)} est hors des dates possibles (du {DATE_MIN:%d/%m/%Y} "
                f"au {DATE_MAX:%d/%m/%Y})"
            )
        return f"{_shown(instance)} ne convient pas : attendu {attendu or value}"
    if kind == "minLength":
        return "ne doit pas être vide" if value == 1 else f"doit compter au moins {value} caractères"
    if kind == "maxLength":
        return f"texte trop long ({len(instance)} caractères ; au plus {value})"
    if kind == "minItems":
        return f"la liste doit compter au moins {value} élément(s) ; elle en a {len(instance)}"
    if kind == "maxItems":
        return f"la liste doit compter au plus {value} éléments ; elle en a {len(instance)}"
    if kind == "uniqueItems":
        repeated = next((v for i, v in enumerate(instance) if v in instance[:i]), None)
        return f"la liste contient deux fois {_shown(repeated)} ; chaque élément ne doit y être qu'une fois"
    if kind == "minimum":
        return f"doit être au moins {value}, pas {_shown(instance)}"
    if kind == "maximum":
        return f"doit être au plus {value}, pas {_shown(instance)}"
    if kind == "anyOf":
        titles = [str(b["title"]) for b in value if isinstance(b, Mapping) and b.get("title")]
        if attendu:
            return f"{_shown(instance)} ne convient pas : attendu {attendu}"
        if titles and len(titles) == len(value):
            return "doit décrire " + " ou ".join(titles)
        accepted: list[str] = []
        for branch in value:
            for option in _branch_options(branch):
                if option not in accepted:
                    accepted.append(option)
        return f"doit être {' ou '.join(accepted)}, pas {_shown(instance)}"
    return f"valeur refusée par le schéma ({kind})"


def _branch_options(branch: Mapping[str, Any]) -> list[str]:
    """Word what one ``anyOf`` branch accepts: its values when it lists them, else its types."""
    resolved = _resolve(branch)
    if "const" in resolved or "enum" in resolved:
        values = [resolved["const"]] if "const" in resolved else resolved["enum"]
        return [_shown(v) for v in values]
    if "type" in resolved:
        t = resolved["type"]
        return [_TYPE_FR.get(name, name) for name in ([t] if isinstance(t, str) else t)]
    if "anyOf" in resolved:
        return [option for b in resolved["anyOf"] for option in _branch_options(b)]
    return []


def _specific(error: Any) -> list[ValidationError]:
    """For an ``anyOf`` where one branch had the right type, report that branch's own errors."""
    if error.validator != "anyOf" or _attendu(error.schema) or not error.context:
        return [error]
    by_branch: dict[Any, list[ValidationError]] = {}
    for e in error.context:
        by_branch.setdefault(e.schema_path[0] if e.schema_path else None, []).append(e)
    # A branch whose root has the wrong type, const or enum is not what the user meant.
    fitting = [
        errors
        for errors in by_branch.values()
        if not any(
            e.validator in {"type", "const", "enum"}
            and not e.relative_path
            and "propertyNames" not in e.schema_path
            for e in errors
        )
    ]
    if len(fitting) == 1:
        return fitting[0]
    return [error]


def _finding(loaded: LoadedAnswers, path: PathKey, message: str, key: bool = False) -> Finding:
    return loaded.finding("SCHEMA", Severity.ERREUR, path, message, _SOURCE, key)


def _findings_for(loaded: LoadedAnswers, error: Any) -> Iterator[Finding]:
    path: PathKey = tuple(error.absolute_path)
    if "propertyNames" in error.absolute_schema_path:
        names_schema = _resolve(error.schema)
        options = names_schema.get("enum")
        hint = f" (clés possibles : {', '.join(options)})" if options else ""
        name = str(error.instance)
        yield _finding(
            loaded,
            (*path, name),
            f"clé « {name} » non permise ici{hint}",
            key=True,
        )
        return
    if error.validator == "required":
        match = re.match(r"^'(.+)' is a required property$", error.message)
        name = match.group(1) if match else "?"
        title = _resolve(error.schema.get("properties", {}).get(name, {})).get("title")
        label = f" ({title})" if title else ""
        yield _finding(loaded, path, f"il manque la clé « {name} »{label}")
        return
    if error.validator == "additionalProperties" and error.validator_value is False:
        allowed = list(error.schema.get("properties", {}))
        for name in error.instance:
            if name in allowed:
                continue
            guess = _close_matches(name, allowed, n=1)
            hint = (
                f" ; vouliez-vous dire « {guess[0]} » ?"
                if guess
                else f" ; clés possibles : {', '.join(allowed)}"
            )
            yield _finding(loaded, (*path, name), f"clé inconnue « {name} »{hint}", key=True)
        return
    specific = _specific(error)
    if specific == [error]:
        yield _finding(loaded, path, _message(error))
        return
    for leaf in specific:
        yield from _findings_for(loaded, leaf)


def oversized(schema: Mapping[str, Any], instance: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, int]]:
    """Yield the path and bound of every list longer than the schema's ``maxItems`` for it.

    This walk costs one step per node whatever the lists hold, and never enters a list over its
    bound: what validation would then do with it (``uniqueItems`` compares items pairwise) is
    never reached.
    """
    resolved = _object_branch(schema, instance)
    if isinstance(instance, list):
        bound = resolved.get("maxItems")
        if isinstance(bound, int) and len(instance) > bound:
            yield path, bound
            return
        items = resolved.get("items")
        if isinstance(items, Mapping):
            for index, item in enumerate(instance):
                yield from oversized(items, item, (*path, index))
    elif isinstance(instance, dict):
        properties = resolved.get("properties", {})
        extra = resolved.get("additionalProperties")
        for name, value in instance.items():
            sub = properties.get(name, extra)
            if isinstance(sub, Mapping):
                yield from oversized(sub, value, (*path, name))


def validate(loaded: LoadedAnswers) -> list[Finding]:
    """Validate the loaded answers in place (plain scalars given back as text); return findings.

    A list over its bound is reported alone, before anything else is validated.
    """
    if loaded.data is None:
        return [_finding(loaded, (), "fichier vide : aucune réponse n'y figure")]
    too_long = [
        _finding(
            loaded,
            path,
            f"la liste doit compter au plus {bound} éléments ; elle en a {len(_get(loaded.data, path))}",
        )
        for path, bound in oversized(load_schema(), loaded.data)
    ]
    if too_long:
        return too_long
    findings: dict[tuple[str, int, int, str], Finding] = {}
    every = (f for error in _errors_with_plain_text(loaded) for f in _findings_for(loaded, error))
    for finding in every:
        if len(findings) == MAX_FINDINGS:
            more = _finding(
                loaded,
                (),
                f"plus de {MAX_FINDINGS} erreurs : seules les {MAX_FINDINGS} premières sont "
                "détaillées ; corrigez-les puis vérifiez de nouveau le fichier",
            )
            return [*sorted(findings.values(), key=_order), more]
        findings.setdefault((finding.path, finding.line, finding.column, finding.message), finding)
    return sorted(findings.values(), key=_order)


def _order(finding: Finding) -> tuple[int, int, str]:
    return (finding.line, finding.column, finding.path)


def apply_defaults(data: Any) -> Any:
    """Return a deep copy of schema-valid data with every default the schema declares filled in."""
    result = copy.deepcopy(data)
    _fill(load_schema(), result)
    return result


def _object_branch(schema: Mapping[str, Any], instance: Any) -> Mapping[str, Any]:
    resolved = _resolve(schema)
    if isinstance(instance, dict) and "anyOf" in resolved and "properties" not in resolved:
        for branch in resolved["anyOf"]:
            candidate = _resolve(branch)
            if candidate.get("type") == "object":
                return candidate
    if isinstance(instance, list) and "anyOf" in resolved and "items" not in resolved:
        for branch in resolved["anyOf"]:
            candidate = _resolve(branch)
            if candidate.get("type") == "array":
                return candidate
    return resolved


def _fill(schema: Mapping[str, Any], instance: Any) -> None:
    resolved = _object_branch(schema, instance)
    if isinstance(instance, dict):
        properties = resolved.get("properties", {})
        for name, sub in properties.items():
            if name not in instance:
                default = sub.get("default", _resolve(sub).get("default", _MISSING))
                if default is _MISSING:
                    continue
                instance[name] = copy.deepcopy(default)
            _fill(sub, instance[name])
        extra = resolved.get("additionalProperties")
        if isinstance(extra, Mapping):
            for name, value in instance.items():
                if name not in properties:
                    _fill(extra, value)
    elif isinstance(instance, list):
        items = resolved.get("items")
        if isinstance(items, Mapping):
            for item in instance:
                _fill(items, item)


_MISSING = object()
