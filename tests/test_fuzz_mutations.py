"""Mutation fuzz of the shipped examples: whatever is done to a real answers file, ``check`` answers
with findings or a French user error, its messages never carry a raw control character, and a
file it finds valid renders (Markdown and DOCX) without an error.

The mutations are the classes of issue #19: keys deleted, renamed (to hostile Unicode, escapes,
unprintable keys), type swaps, huge and negative numbers, lists and scalars swapped, lists grown
past their bound, dates of any year, e-mail addresses with control or invisible characters,
``\\U`` escapes past Unicode, byte flips and truncations of the text.

CI runs ``CPTS_FUZZ_MUTATIONS`` cases (60 by default); the long run recorded in ``benchmarks/``
sets it to 24 000.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator import api, schema
from generator.errors import UserMessageError
from generator.loader import load_text

EXAMPLES = {
    path.name: path.read_text(encoding="utf-8")
    for path in sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))
}
DATA = {name: yaml.safe_load(text) for name, text in EXAMPLES.items()}

CASES = settings(
    max_examples=int(os.environ.get("CPTS_FUZZ_MUTATIONS", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# What a message must never carry raw (the line feed of a multi-line message excepted).
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

HOSTILE_TEXT = [
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "\ud800",
    "\udfff",
    "\x01",
    "\x85",
    "\x9b",
    "\u202e",
    "\u200b",
    "\u2028",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\U0010ffff",
    "\n",
    "\t",
    "é",
    "{{ x }}",
    "",
]
TEXT_ESCAPES = [
    '"\\UFFFFFFFF"',
    '"\\U80000000"',
    '"\\U00110000"',
    '"\\ud800"',
    '"\\x1b"',
    '"\\u202e"',
    '"\\0"',
]

hostile_strings = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.lists(st.sampled_from(HOSTILE_TEXT), min_size=1, max_size=4).map("".join),
    st.text(max_size=20),
    st.builds(lambda a, b: a + "@" + b + ".fr", st.text(max_size=6), st.sampled_from(HOSTILE_TEXT)),
)
numbers = st.one_of(
    st.integers(-(10**30), 10**30),
    st.sampled_from([0, -1, 2**31, 2**63, -(2**63), 10**20]),
    st.floats(allow_nan=False, allow_infinity=False),
)
dates = st.builds(
    lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)
)
scalars = st.one_of(st.none(), st.booleans(), numbers, hostile_strings, dates)


def places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += places(value, (*path, index))
    return found


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """One example with one or two mutations of its data, maybe damaged as text, as YAML text."""
    name = draw(st.sampled_from(sorted(DATA)))
    data = copy.deepcopy(DATA[name])
    for _ in range(draw(st.integers(1, 2))):
        where = draw(st.sampled_from(places(data)[1:]))
        holder, last = parent_of(data, where), where[-1]
        kind = draw(st.sampled_from(["delete", "rename", "scalar", "swap", "grow", "date", "email", "nest"]))
        event(f"mutation : {kind}")
        value = holder[last]
        if kind == "delete":
            del holder[last]
        elif kind == "rename" and isinstance(holder, dict):
            holder[draw(hostile_strings)] = holder.pop(last)
        elif kind == "scalar":
            holder[last] = draw(scalars)
        elif kind == "swap":  # a list for a scalar, a scalar for a list, a mapping for either
            holder[last] = [value] if not isinstance(value, list) else (value[0] if value else {})
        elif kind == "grow":  # a list around one of the schema's bounds (2 to 1 000), or past it
            items = value if isinstance(value, list) and value else [value]
            size = draw(st.sampled_from([2, 11, 13, 21, 31, 101, 501, 1001, 1500]))
            holder[last] = [items[index % len(items)] for index in range(size)]
        elif kind == "date":
            holder[last] = draw(dates)
        elif kind == "email":
            holder[last] = f"contact{draw(st.sampled_from(HOSTILE_TEXT))}@cpts.example.org"
        elif kind == "nest":
            holder[last] = {draw(hostile_strings): value}
    text = dump(data, allow_unicode=draw(st.booleans()))
    for _ in range(draw(st.integers(0, 1))):  # text-level damage: escapes, byte flips, truncation
        kind = draw(st.sampled_from(["escape", "flip", "truncate"]))
        event(f"texte : {kind}")
        at = draw(st.integers(0, len(text)))
        if kind == "escape":
            text = text[:at] + f"\nx{at}: {draw(st.sampled_from(TEXT_ESCAPES))}\n" + text[at:]
        elif kind == "flip" and text:
            at = min(at, len(text) - 1)
            text = text[:at] + chr(ord(text[at]) ^ (1 << draw(st.integers(0, 6)))) + text[at + 1 :]
        elif kind == "truncate":
            text = text[:at]
    return text


def dump(data: Any, allow_unicode: bool) -> str:
    """Write ``data`` as YAML with libyaml's emitter (five times faster: the long run needs it)."""
    try:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # PyYAML built without libyaml
        return yaml.dump(data, Dumper=dumper, allow_unicode=allow_unicode, sort_keys=False)
    except (UnicodeEncodeError, yaml.YAMLError):  # a lone surrogate: only PyYAML's emitter escapes it
        return yaml.safe_dump(data, allow_unicode=allow_unicode, sort_keys=False)


def assert_safe(message: str) -> None:
    assert not UNSAFE.search(message), repr(message)


@CASES
@given(mutated())
def test_a_mutated_example_is_refused_in_french_or_renders(text: str) -> None:
    try:
        loaded = load_text(text, "fuzz.yaml")
        result = api.check_loaded(loaded)
    except UserMessageError as error:
        event("refusé : illisible")
        assert_safe(str(error))
        return
    for finding in result.findings:
        assert_safe(finding.format())
        for value in finding.as_dict().values():
            assert_safe(str(value))
    # The schema's findings are bounded (the rules' are not: one per duplicate of a list).
    assert len([f for f in result.findings if f.rule == "SCHEMA"]) <= schema.MAX_FINDINGS + 1
    if result.model is None:
        event("refusé : invalide")
        return
    event("valide : rendu")
    files = api.render_bundle(result.model, formats=("md", "docx"))  # check valid => render works
    assert all(content for content in files.values())
