"""Property tests: whatever the input, checking ends in findings or a user error, never a crash."""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
from collections.abc import Iterator
from typing import Any

import yaml
from _answers import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import api
from generator.api import CheckResult
from generator.errors import Severity, UserMessageError
from generator.loader import load_file, load_text
from generator.resources import schema_path

MINIMAL_DATA: dict[str, Any] = yaml.safe_load(MINIMAL)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def schema_words() -> list[str]:
    """Every property name and enum/const string of the schema: keys and values the checker knows."""
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            words.update(k for k in node.get("properties", {}) if isinstance(k, str))
            words.update(v for v in node.get("enum", []) if isinstance(v, str))
            if isinstance(node.get("const"), str):
                words.add(node["const"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(schema_path().read_text(encoding="utf-8")))
    return sorted(words)


WORDS = schema_words()

# Characters that mean something to YAML, to reach the scanner's and parser's corners.
YAML_CHARS = (
    list("-:?[]{},&*!|>'\"#%@`~. \n\t\r\\") + list("ab01") + ["\ufeff", "\x85", "\u2028", "é", "\x00"]
)
YAML_TOKENS = [
    "---",
    "...",
    "- ",
    ": ",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "%YAML 1.2\n",
    "%TAG ! tag:x,2024:\n",
    "|\n",
    ">-\n",
    "\n  ",
    "\n    ",
    '"\\u202e"',
    '"\\x00"',
    "'it''s'",
    "# c\n",
    "null",
    "true",
    "no",
    "01500",
    ".nan",
    "1:30",
    "1e999",
    "9" * 30,
    *WORDS,
]

yaml_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(YAML_CHARS), max_size=300),
    st.lists(st.sampled_from(YAML_TOKENS), max_size=60).map("".join),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities included: safe_dump writes them as .nan / .inf
    st.text(max_size=40),
    st.sampled_from(WORDS),
)

json_like = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(WORDS)), children, max_size=5),
    ),
    max_leaves=25,
)


def node_paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from node_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from node_paths(value, (*path, index))


PLACES = list(node_paths(MINIMAL_DATA))


def checked(text: str) -> CheckResult | None:
    """Load and check ``text``; ``None`` when it is refused with a user message."""
    try:
        loaded = load_text(text, "fuzz.yaml")
        result = api.check_loaded(loaded)
    except UserMessageError as error:
        assert str(error).strip()
        assert "Traceback" not in str(error)
        return None
    assert_well_formed(result, text)
    return result


def assert_well_formed(result: CheckResult, text: str) -> None:
    last_line = len(text.splitlines()) + 1
    for finding in result.findings:
        assert finding.rule
        assert isinstance(finding.path, str)
        assert 1 <= finding.line <= last_line, finding.format()
        assert finding.column >= 1
        assert isinstance(finding.severity, Severity)
        assert finding.message.strip()
        assert finding.format()
        json.dumps(finding.as_dict(), ensure_ascii=False)
    assert result.valid == (result.model is not None)


@FUZZ
@given(yaml_text)
def test_arbitrary_text_never_crashes(text: str) -> None:
    checked(text)


MINIMAL_LINES = MINIMAL.splitlines(keepends=True)


@FUZZ
@given(yaml_text, st.integers(0, len(MINIMAL_LINES)), st.integers(0, 40))
def test_arbitrary_text_inside_a_valid_file_never_crashes(fragment: str, line: int, column: int) -> None:
    # Splice raw text into a real file: the parser meets it mid-structure.
    before, after = "".join(MINIMAL_LINES[:line]), "".join(MINIMAL_LINES[line:])
    column = min(column, len(after))
    checked(before + after[:column] + fragment + after[column:])


@FUZZ
@given(json_like)
def test_arbitrary_json_like_document_never_crashes(value: Any) -> None:
    checked(yaml.safe_dump(value, allow_unicode=True))


def insert(data: Any, place: tuple[Any, ...], value: Any, key: str | None) -> Any:
    """Return a copy of ``data`` with ``value`` at ``place``, or under a new ``key`` of that mapping."""
    if not place and key is None:
        return value
    result = copy.deepcopy(data)
    target = result
    for part in place[:-1] if key is None else place:
        target = target[part]
    if key is None:
        target[place[-1]] = value
    elif isinstance(target, dict):
        target[key] = value
    elif isinstance(target, list):
        target.append(value)
    else:
        return insert(data, place, value, None) if place else value
    return result


@FUZZ
@given(
    json_like,
    st.sampled_from(PLACES),
    st.one_of(st.none(), st.sampled_from(WORDS), st.text(max_size=12)),
    st.booleans(),
)
def test_arbitrary_values_inside_a_valid_file_never_crash(
    value: Any, place: tuple[Any, ...], key: str | None, unicode: bool
) -> None:
    data = insert(MINIMAL_DATA, place, value, key)
    checked(yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False))


@FUZZ
@given(st.lists(st.sampled_from(PLACES[1:]), min_size=1, max_size=4, unique=True))
def test_removing_parts_of_a_valid_file_never_crashes(places: list[tuple[Any, ...]]) -> None:
    data = copy.deepcopy(MINIMAL_DATA)
    for place in sorted(places, key=len, reverse=True):
        target = data
        try:
            for part in place[:-1]:
                target = target[part]
            del target[place[-1]]
        except (KeyError, IndexError, TypeError):
            continue
    result = checked(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert result is not None  # YAML written by PyYAML is always readable


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes_in_a_file_never_crash(raw: bytes) -> None:
    handle, name = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
        try:
            result = api.check_loaded(load_file(name))
        except UserMessageError:
            return
        assert_well_formed(result, raw.decode("utf-8", errors="replace"))
    finally:
        os.unlink(name)


def test_minimal_file_is_valid() -> None:
    result = checked(MINIMAL)
    assert result is not None
    assert result.valid, [f.format() for f in result.findings]


# --- The classes of issue #19: keys, escapes, dates, e-mails, list sizes ----------------------------

# What no message may carry raw: controls (the line feed of a multi-line message excepted),
# C1 controls, bidirectional and zero-width marks, lone surrogates.
RAW_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates and controls included


def escape_all(text: str) -> str:
    """Write ``text`` as the inside of a double-quoted YAML scalar, every character escaped."""
    return "".join(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in text)


def assert_messages_safe(text: str) -> CheckResult | None:
    try:
        result = api.check_loaded(load_text(text, "fuzz.yaml"))
    except UserMessageError as error:
        assert not RAW_UNSAFE.search(str(error)), repr(str(error))
        return None
    for finding in result.findings:
        assert not RAW_UNSAFE.search(finding.format()), finding.format()
        assert not RAW_UNSAFE.search(json.dumps(finding.as_dict(), ensure_ascii=False))
    return result


@FUZZ
@given(st.text(ANY_CHARACTER, min_size=1, max_size=12))
def test_any_key_is_reported_escaped(key: str) -> None:
    line = f'"{escape_all(key)}": 1\n'
    assert_messages_safe(MINIMAL + line)
    assert_messages_safe(MINIMAL.replace("  territoire: Test\n", f"  territoire: Test\n  {line}"))


@FUZZ
@given(st.integers(0, 0xFFFFFFFF), st.booleans())
def test_any_capital_u_escape_is_read_or_refused(code: int, as_key: bool) -> None:
    escape = f'"\\U{code:08X}"'
    assert_messages_safe(MINIMAL + (f"{escape}: 1\n" if as_key else f"x: {escape}\n"))


@settings(FUZZ, max_examples=60)
@given(
    st.one_of(
        st.builds(
            lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
            st.integers(0, 9999),
            st.integers(0, 13),
            st.integers(0, 32),
        ),
        st.text(max_size=12),
    )
)
def test_any_assembly_date_is_refused_or_rendered(date: str) -> None:
    assembly = "  lieu: Lille\n  presidence_seance: a\n  secretariat_seance: a\n"
    text = MINIMAL + f'ag_constitutive:\n  date: "{escape_all(date)}"\n' + assembly
    result = assert_messages_safe(text)
    if result is not None and result.model is not None:
        api.render_bundle(result.model, formats=("md", "docx"))


@settings(FUZZ, max_examples=60)
@given(st.text(ANY_CHARACTER, max_size=6), st.text(ANY_CHARACTER, max_size=6))
def test_any_association_email_is_refused_or_rendered(before: str, after: str) -> None:
    email = f"{before}contact@cpts{after}.example.org"
    result = assert_messages_safe(
        MINIMAL.replace("  territoire: Test\n", f'  territoire: Test\n  email: "{escape_all(email)}"\n')
    )
    if result is not None and result.model is not None:
        api.render_bundle(result.model, formats=("md", "docx"))


@FUZZ
@given(st.integers(0, 3000), st.sampled_from(["1", "Lille", "{}", "[]", "null"]))
def test_a_list_of_any_size_is_bounded_first(size: int, item: str) -> None:
    text = MINIMAL.replace("communes: [Lille]", "communes: [" + ", ".join([item] * size) + "]")
    result = assert_messages_safe(text)
    assert result is not None
    if size > 500:
        assert [f.message for f in result.errors] == [
            f"la liste doit compter au plus 500 éléments ; elle en a {size}"
        ]
