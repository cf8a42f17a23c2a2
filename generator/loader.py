"""Read an answers file: safe, strict YAML with the position of every node.

The bytes are decoded in :mod:`generator.loader_decoding`, the YAML composed by the strict
composer of :mod:`generator.loader_composer` (libyaml's parser when it can be trusted, PyYAML's
pure-Python one as the reference: see :func:`load_text`), refusals worded in
:mod:`generator.loader_messages`. Construction is here, so that
- anchors, aliases and explicit tags are refused at parse time (no alias bomb, no object tags);
- nesting depth and the number of values are capped;
- scalars are resolved the YAML 1.2 way (``no``, ``01500``, ``1:30`` stay strings);
- duplicate keys are reported with both lines instead of silently keeping the last value;
- every string is NFC-normalised, and every node's line and column is kept for messages.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Finding, Severity, UnreadableInputError
from generator.loader_composer import (
    FAST_UNSURE,
    MAX_DEPTH,
    MAX_NODES,
    FastLoader,
    NotSure,
    StrictLoader,
    TooBig,
    refuse_too_many_nodes,
)
from generator.loader_decoding import MAX_BYTES, decode, read_text
from generator.loader_messages import reader_error, yaml_error

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "LoadedAnswers",
    "PathKey",
    "Position",
    "format_path",
    "load_file",
    "load_text",
]

_decode = decode  # the name generator.init.command reads a file's text with

PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Longer digit strings are identifiers (RPPS, SIRET, phone), never amounts: keep them as text
# and stay clear of Python's limit on int() conversion of huge strings.
_MAX_NUMBER_CHARS = 20


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in the source file."""

    line: int
    column: int


@dataclass(slots=True)
class LoadedAnswers:
    """The raw data of an answers file with the position of every node."""

    file: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    plain_scalars: dict[PathKey, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def position(self, path: PathKey) -> Position:
        """Return the position of ``path``, or of its closest ancestor present in the file."""
        probe = tuple(path)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), Position(1, 1))

    def finding(  # noqa: PLR0917 (the fields of a finding, in their order)
        self, rule: str, severity: Severity, path: PathKey, message: str, source: str, key: bool = False
    ) -> Finding:
        """Return a finding of this file located at ``path`` (at its key rather than its value if ``key``).

        The schema, the rules and the amendment checks all locate their findings here, so a
        message always names the same line for the same path.
        """
        where = self.key_positions.get(path, self.position(path)) if key else self.position(path)
        return Finding(
            rule=rule,
            severity=severity,
            path=format_path(path),
            message=message,
            file=self.file,
            line=where.line,
            column=where.column,
            source=source,
        )


def _scalar_value(node: ScalarNode) -> Any:
    """Resolve a scalar: only quoted-free true/false, null, decimal numbers; the rest is text."""
    text: str = node.value
    if node.style is not None:  # quoted or block scalar: always a string
        return unicodedata.normalize("NFC", text)
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if len(text) <= _MAX_NUMBER_CHARS:
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            number = float(text)
            if math.isfinite(number):
                return number
    return unicodedata.normalize("NFC", text)


def _pos(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def format_path(path: PathKey) -> str:
    """Return ``gouvernance.bureau.fonctions[2]`` for a path tuple."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class _Builder:
    """Turn composed nodes into plain Python data, recording positions and duplicate keys."""

    def __init__(self, result: LoadedAnswers) -> None:
        self.result = result

    def build(self, node: Node, path: PathKey) -> Any:
        self.result.positions[path] = _pos(node)
        if isinstance(node, ScalarNode):
            value = _scalar_value(node)
            if node.style is None and not isinstance(value, str):
                self.result.plain_scalars[path] = unicodedata.normalize("NFC", node.value)
            return value
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, MappingNode)
        mapping: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise UnreadableInputError(
                    f"{self.result.file}:{_pos(key_node).line}:{_pos(key_node).column}: "
                    "une clé doit être un simple mot, pas une liste ni un dictionnaire."
                )
            key = unicodedata.normalize("NFC", key_node.value)
            if key in mapping:
                here = _pos(key_node)
                self.result.findings.append(
                    Finding(
                        rule="YAML-CLE-DOUBLE",
                        severity=Severity.ERREUR,
                        path=format_path((*path, key)),
                        message=(
                            f"la clé « {key} » apparaît deux fois (lignes {first_line[key]} et "
                            f"{here.line}) ; gardez une seule des deux valeurs."
                        ),
                        file=self.result.file,
                        line=here.line,
                        column=here.column,
                        source="YAML : une clé est unique dans un dictionnaire",
                    )
                )
                continue
            first_line[key] = _pos(key_node).line
            self.result.key_positions[(*path, key)] = _pos(key_node)
            mapping[key] = self.build(value_node, (*path, key))
        return mapping


def _compose(loader: Any) -> Node | None:
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _build(node: Node | None, file: str) -> LoadedAnswers:
    result = LoadedAnswers(file=file, data=None)
    if node is None:
        result.positions[()] = Position(1, 1)
        return result
    result.data = _Builder(result).build(node, ())
    return result


def _load_fast(text: str, file: str) -> LoadedAnswers:
    """Load with libyaml's parser; raise anything at all on a text it is not sure to read as we do.

    libyaml is not PyYAML: its character check differs, so PyYAML's check runs first, and its
    errors are worded differently, so an error here only means « ask the reference ».
    """
    if FastLoader is None:
        raise NotSure("PyYAML sans libyaml")
    if yaml.reader.Reader.NON_PRINTABLE.search(text):
        raise NotSure("caractère refusé par le lecteur de PyYAML")
    if FAST_UNSURE.search(text):
        raise NotSure("construction lue autrement par libyaml")
    if not text.endswith("\n"):
        # At an unterminated last line libyaml's marks differ from PyYAML's (« ? a », « --- »).
        raise NotSure("dernière ligne sans fin de ligne")
    return _build(_compose(FastLoader(text, file)), file)


def _load_reference(text: str, file: str) -> LoadedAnswers:
    """Load with PyYAML's pure-Python scanner and parser; every refusal is worded here."""
    try:
        # The reader checks every character when it is built: that check must be caught too.
        loader = StrictLoader(text, file)
    except yaml.reader.ReaderError as exc:
        raise reader_error(exc, text, file) from exc
    try:
        node = _compose(loader)
    except UnreadableInputError:
        raise
    except yaml.reader.ReaderError as exc:
        raise reader_error(exc, text, file) from exc
    except yaml.YAMLError as exc:
        raise yaml_error(exc, file) from exc
    except RecursionError as exc:  # belt and braces: MAX_DEPTH should stop this first
        raise UnreadableInputError(f"{file}: imbrication trop profonde.") from exc
    except (ValueError, OverflowError) as exc:  # chr() of a « \U » escape past U+10FFFF (or a C long)
        mark = loader.get_mark()
        raise UnreadableInputError(
            f"{file}:{mark.line + 1}:{mark.column + 1}: YAML illisible : la séquence d'échappement "
            "« \\U » désigne un caractère qui n'existe pas (au-delà de U+10FFFF)."
        ) from exc
    return _build(node, file)


def load_text(text: str, file: str) -> LoadedAnswers:
    """Parse YAML text into data with positions; raise ``UnreadableInputError`` if malformed.

    libyaml's parser (C) reads a valid file about three times faster than PyYAML's pure-Python
    one. It is only trusted with success: on any error at all, the text is read again by the
    pure-Python path, whose messages (and verdict) are the ones the user gets.
    """
    try:
        return _load_fast(text, file)
    except TooBig:
        raise  # reading it again would only cost as much a second time
    except Exception:  # whatever libyaml stumbles on, the reference path words it
        refuse_too_many_nodes(text, file)
        return _load_reference(text, file)


def load_file(path: str | Path) -> LoadedAnswers:
    """Read and parse an answers file, refusing files that are too large, binary or not UTF-8."""
    return load_text(read_text(path), str(path))
