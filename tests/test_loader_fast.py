"""The loader's fast path (libyaml's parser) reads every text exactly as the pure-Python reference.

``loader.load_text`` trusts libyaml only with success and re-reads any text it fails on with
PyYAML's pure-Python parser. So the one thing to prove is: whenever the fast path returns, it
returns what the reference returns (same data with the same types and key order, positions, key
positions, plain scalars and findings), and the reference does not refuse that text.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import loader, loader_decoding
from generator.errors import UnreadableInputError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML sans libyaml")


def _snapshot(result: loader.LoadedAnswers) -> tuple[Any, ...]:
    # repr keeps what == forgets: 1, 1.0 and True, and the order of a mapping's keys.
    return (
        repr(result.data),
        result.positions,
        result.key_positions,
        result.plain_scalars,
        result.findings,
    )


def _reference(text: str) -> tuple[str, Any]:
    try:
        return "ok", _snapshot(loader._load_reference(text, "f.yaml"))
    except UnreadableInputError as exc:
        return "refus", str(exc)


def _fast(text: str) -> tuple[Any, ...] | None:
    try:
        return _snapshot(loader._load_fast(text, "f.yaml"))
    except Exception:  # any failure means « the reference decides », tested below
        return None


def assert_same_reading(text: str) -> bool:
    """Check the fast path against the reference on ``text``.

    Return True when the reference accepts the text and the fast path read it too (no fallback).
    """
    fast = _fast(text)
    reference = _reference(text)
    # What the user gets is the reference's outcome, success or message, whichever path ran.
    try:
        public: tuple[str, Any] = ("ok", _snapshot(loader.load_text(text, "f.yaml")))
    except UnreadableInputError as exc:
        public = ("refus", str(exc))
    assert public == reference
    if fast is not None:
        assert reference == ("ok", fast)
    return fast is not None and reference[0] == "ok"


def _raw_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return loader_decoding.decode(raw, str(path))
    except UnreadableInputError:
        return raw.decode("latin-1")  # still worth parsing: the reader refuses it in both paths


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_take_the_fast_path_and_read_the_same(path: Path) -> None:
    assert assert_same_reading(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixtures_read_the_same(path: Path) -> None:
    assert_same_reading(_raw_text(path))


# --- generated texts ------------------------------------------------------------------------------

# Scalars a YAML 1.1 parser and our YAML 1.2 reading disagree on, and characters that test the
# reader, line breaks, quoting and normalisation (NFD, non-breaking spaces, NEL, LS, BOM).
_TRICKY = st.sampled_from(
    [
        *["no", "yes", "on", "~", "null", "01500", "1:30", "1e3", ".5", "-0", "+1", "0x1F", "1_000", ""],
        *["a: b", "- x", "#c", "'q'", '"d"', "{}", "[]", "&a", "*a", "!t", "%", "@", "`", "|", ">"],
        *[unicodedata.normalize("NFD", "Société"), "a\u00a0b", "x\u0085y", "l\u2028m", "\ufeffz", "\t"],
    ]
)
_SCALARS = st.one_of(
    st.text(max_size=12),
    _TRICKY,
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
_KEYS = st.one_of(st.text(min_size=1, max_size=8), _TRICKY)
_DATA = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(_KEYS, children, max_size=4),
    ),
    max_leaves=20,
)


@st.composite
def _dumped(draw: st.DrawFn) -> str:
    """A valid YAML text of random data, in one of PyYAML's many output styles."""
    return yaml.safe_dump(
        draw(_DATA),
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        default_style=draw(st.sampled_from([None, "'", '"', "|", ">"])),
        width=draw(st.integers(min_value=10, max_value=100)),
        indent=draw(st.integers(min_value=2, max_value=9)),
        explicit_start=draw(st.booleans()),
        sort_keys=False,
    )


# Pieces of YAML syntax spliced into texts to make them odd, broken or ambiguous.
_SYNTAX = st.sampled_from(
    [
        *[":", ": ", "- ", "-", "\n", "\n  ", "  ", "\t", "'", '"', "\\", "|", "|-", ">", "#", " #x"],
        *["?", "? ", "{", "}", "[", "]", ",", "&a ", "*a", "!x ", "!!str ", "! ", "%YAML 1.2\n"],
        *["%TAG ! !x\n", "---\n", "--- ", "...\n", "\r\n", "\r", "\u0085", "\u2028", "\ufeff", "\x00"],
        *["\x1b", "é", "𝄞", "key: value\n", "a: 1\na: 2\n", "  - item\n", "x: |\n  l\n", "k: 'it''s'\n"],
        *['q: "a\\\n  b"\n', "|+\n", ">-\n", "|2\n", "  \n", " \\\n", '"\\/"', '"\\N\\_\\L\\P"'],
        *['"\\e\\x41"', '"\\u00e9"', '"\\ud800"', '"\\U0001D11E"', '"\\U00110000"', '"\\ "', "'a\n\n  b'"],
        *["\u2029", "\u00a0", "e\u0301"],
    ]
)


@st.composite
def _edited(draw: st.DrawFn) -> str:
    """A text from the dumper or an example, with pieces of syntax inserted and spans deleted."""
    starts = [p.read_text(encoding="utf-8")[:600] for p in EXAMPLES]
    text = draw(st.one_of(_dumped(), st.sampled_from(starts)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.one_of(_SYNTAX, st.text(max_size=3))) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=5)) :]
    return text


@given(_dumped())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_valid_generated_yaml_takes_the_fast_path_and_reads_the_same(text: str) -> None:
    fast = assert_same_reading(text)
    # The dumper writes explicit tags (« !!null '' ») that the loader refuses: only texts the
    # reference accepts must have been read by the fast path.
    assert fast or _reference(text)[0] == "refus"


@given(st.one_of(_edited(), st.lists(st.one_of(_SYNTAX, st.text(max_size=4)), max_size=25).map("".join)))
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_odd_or_broken_yaml_reads_the_same_or_falls_back(text: str) -> None:
    assert_same_reading(text)
