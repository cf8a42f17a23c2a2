r"""The validator of the answers schema: JSON Schema 2020-12 as the schema's authors meant it.

Two things differ from ``jsonschema``'s defaults, each a place where the answers could pass
``check`` yet break a document:

- ``pattern`` follows ECMA-262, the regular expressions JSON Schema names: ``$`` is the end of
  the text. Python's ``$`` also matches before a last line feed, which let ``"19:30\n"``
  through as an hour and put the line feed in the minutes of the assembly;
- the ``email`` and ``date`` formats: an address is checked whole (a control or invisible
  character is the pattern's to report), and a date must exist and fall between
  :data:`DATE_MIN` and :data:`DATE_MAX`, the years every document (and a DOCX's zip) can hold.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from generator.resources import schema_path

_EMAIL = re.compile(r"[^@\s,;<>()\[\]\"']+@[^@\s,;<>()\[\]\"']+\.[A-Za-z]{2,}")
INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff\ufffe\uffff]"
)
# The dates a document can carry: from the law of 1901 to the last year a zip entry can hold.
DATE_MIN = dt.date(1901, 1, 1)
DATE_MAX = dt.date(2107, 12, 31)


@cache
def load_schema() -> dict[str, Any]:
    """Return the questionnaire schema, read once."""
    with schema_path().open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=("date",))

    def _email(instance: object) -> bool:
        # jsonschema's own email check only looks for an "@". A control or invisible character
        # is the pattern's to report (one message per problem).
        if not isinstance(instance, str) or INVISIBLE.search(instance):
            return True
        return bool(_EMAIL.fullmatch(instance))

    def _date(instance: object) -> bool:
        # jsonschema's check, plus the range every document (and the DOCX's zip) can hold.
        return not isinstance(instance, str) or DATE_MIN <= _iso_date(instance) <= DATE_MAX

    checker.checks("email")(_email)
    checker.checks("date", raises=ValueError)(_date)
    return checker


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(text: str) -> dt.date:
    """Return the date written ``AAAA-MM-JJ``; raise ``ValueError`` for anything else."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


@cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a schema pattern with ECMA-262's ``$``: the end of the text, never before a line feed."""
    out: list[str] = []
    escaping = in_class = False
    for char in pattern:
        if escaping:
            escaping = False
        elif char == "\\":
            escaping = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            out.append(r"\Z")
            continue
        out.append(char)
    return re.compile("".join(out))


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    """The ``pattern`` keyword with ECMA-262 semantics (jsonschema's uses Python's ``$``)."""
    if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
        yield ValidationError(f"ne correspond pas au motif {pattern}")


# jsonschema types ``extend`` loosely; the class it returns is the draft's, one keyword replaced.
_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})  # type: ignore[no-untyped-call]


@cache
def validator() -> Any:
    """Return the validator, built once (checking the schema itself is left to the tests)."""
    return _Validator(load_schema(), format_checker=_format_checker())


def in_calendar(instance: object) -> bool:
    """Tell whether ``instance`` is a real date written ``AAAA-MM-JJ`` (whatever its year)."""
    try:
        return isinstance(instance, str) and bool(_iso_date(instance))
    except ValueError:
        return False
