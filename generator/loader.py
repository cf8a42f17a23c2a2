"""Read an answers file: safe, strict YAML with the position of every node.

PyYAML's scanner and parser are used as they are (libyaml's, in C, when PyYAML was built with
it, with the pure-Python ones as the reference: see :func:`load_text`); composition and
construction are ours so that
- anchors, aliases and explicit tags are refused at parse time (no alias bomb, no object tags);
- nesting depth is capped before Python's recursion limit is reached;
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
from yaml.composer import Composer
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from generator.errors import Finding, Severity, UnreadableInputError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40
# Values (scalars, lists, mappings) in one file. The largest valid file (1 000 founders with every
# field, an assembly naming each of them) holds about 50 000; past this bound the composer stops,
# so a file of half a million tiny items costs a fraction of a second, not seconds and gigabytes.
MAX_NODES = 100_000
MAX_NODES_SHOWN = "100\u202f000"

PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
# Longer digit strings are identifiers (RPPS, SIRET, phone), never amounts: keep them as text
# and stay clear of Python's limit on int() conversion of huge strings.
_MAX_NUMBER_CHARS = 20

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


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


def _too_many_nodes(file: str, mark: Any) -> str:
    return (
        f"{file}:{mark.line + 1}:{mark.column + 1}: trop de valeurs dans le fichier (plus de "
        f"{MAX_NODES_SHOWN}) ; un fichier de réponses n'en compte que quelques milliers : une "
        "liste a-t-elle été recopiée par erreur ?"
    )


class _Resolver(BaseResolver):
    """Know no implicit types: :func:`_scalar_value` resolves plain scalars itself."""


class _StrictComposer(Composer):
    """A YAML composer that refuses anchors, aliases, explicit tags and deep nesting.

    It reads parser events only, so it sits on PyYAML's pure-Python parser as on libyaml's.
    """

    _file: str
    _depth: int
    _nodes: int

    def _start(self, file: str) -> None:
        Composer.__init__(self)
        _Resolver.__init__(self)  # type: ignore[arg-type]
        self._file = file
        self._depth = 0
        self._nodes = 0

    @property
    def _events(self) -> Any:
        """The parser's event methods, brought by the loader class (pure-Python parser or C)."""
        return self

    def _refuse(self, event: Any, message: str) -> UnreadableInputError:
        mark = event.start_mark
        return UnreadableInputError(f"{self._file}:{mark.line + 1}:{mark.column + 1}: {message}")

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event: Any = self._events.peek_event()
        if isinstance(event, AliasEvent):
            raise self._refuse(
                event,
                f"alias YAML « *{event.anchor} » refusé : les ancres et alias ne sont pas "
                "acceptés ; recopiez la valeur à chaque endroit.",
            )
        if getattr(event, "anchor", None) is not None:
            raise self._refuse(
                event,
                f"ancre YAML « &{event.anchor} » refusée : les ancres et alias ne sont pas "
                "acceptés ; recopiez la valeur à chaque endroit.",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise self._refuse(
                event,
                f"étiquette YAML explicite « {tag} » refusée : écrivez la valeur sans étiquette "
                "(entre guillemets pour un texte).",
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise self._refuse(event, f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux).")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _TooBig(_too_many_nodes(self._file, event.start_mark))
        # PyYAML's stubs mix the C and Python Mark types; the marks are only carried along.
        start: Any = event.start_mark
        end: Any = event.end_mark
        try:
            if isinstance(event, ScalarEvent):
                self._events.get_event()
                # libyaml marks a plain scalar with style "", PyYAML's parser with None.
                return ScalarNode(_STR, event.value, start, end, style=event.style or None)
            if isinstance(event, SequenceStartEvent):
                self._events.get_event()
                seq = SequenceNode(_SEQ, [], start, None, flow_style=event.flow_style)
                index = 0
                while not self._events.check_event(SequenceEndEvent):
                    seq.value.append(self.compose_node(seq, index))
                    index += 1
                seq.end_mark = self._events.get_event().end_mark
                return seq
            if isinstance(event, MappingStartEvent):
                self._events.get_event()
                mapping = MappingNode(_MAP, [], start, None, flow_style=event.flow_style)
                while not self._events.check_event(MappingEndEvent):
                    key = self.compose_node(mapping, None)
                    value = self.compose_node(mapping, key)
                    mapping.value.append((key, value))
                mapping.end_mark = self._events.get_event().end_mark
                return mapping
            raise self._refuse(event, "structure YAML inattendue.")
        finally:
            self._depth -= 1


class _StrictLoader(Reader, Scanner, Parser, _StrictComposer, _Resolver):
    """The pure-Python loader: the reference for every result and every error message."""

    def __init__(self, text: str, file: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        self._start(file)


# Texts libyaml reads otherwise than PyYAML, found by tests/test_loader_fast.py: a tab (PyYAML
# refuses one wherever a token could start: « a\tb », « 'x'\t »), a byte order mark (libyaml
# skips it anywhere, so columns shift) and a comment glued to a block scalar header (« |# »,
# which PyYAML refuses). Matching more than needed only costs the fast path.
_FAST_UNSURE = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#")


class _NotSure(Exception):
    """The fast path declines a text: the pure-Python reference reads it instead."""


class _TooBig(UnreadableInputError):
    """A refusal by size, which both parsers reach alike: the fast path's verdict is kept."""


_FastLoader: Any = None
if yaml.__with_libyaml__:  # pragma: no branch - libyaml ships in PyYAML's wheels
    from yaml._yaml import CParser

    class _CStrictLoader(_StrictComposer, CParser, _Resolver):
        """libyaml's scanner and parser (C) under the same composer: the loader's fast path."""

        def __init__(self, text: str, file: str) -> None:
            CParser.__init__(self, text)
            self._start(file)

        def compose_node(self, parent: Node | None, index: Any) -> Node:
            event: Any = self.peek_event()
            if isinstance(event, ScalarEvent) and not event.style:
                in_flow = parent is None or getattr(parent, "flow_style", False)
                # libyaml places an empty plain scalar of a flow collection (« {a: } ») or of a
                # bare document elsewhere than PyYAML does.
                if in_flow and event.value == "":
                    raise _NotSure("valeur vide hors d'un bloc")
                # In « [a?b] » PyYAML reads « ? » as a key indicator (YAML 1.1), libyaml as text.
                if in_flow and "?" in event.value:
                    raise _NotSure("point d'interrogation dans une collection entre crochets")
            return super().compose_node(parent, index)

    _FastLoader = _CStrictLoader


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


def _decode(raw: bytes, file: str) -> str:
    """Decode UTF-8 (BOM allowed) or UTF-16 with a BOM; refuse anything else with its offset."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableInputError(f"{file}: encodage UTF-16 invalide à l'octet {exc.start}.") from exc
    if b"\x00" in raw[:8192]:
        raise UnreadableInputError(
            f"{file}: ce fichier semble binaire (octet nul), ce n'est pas un fichier YAML de réponses."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        bad = raw[exc.start : exc.start + 1].hex().upper()
        raise UnreadableInputError(
            f"{file}:{line}: le fichier n'est pas encodé en UTF-8 (octet 0x{bad} à la position "
            f"{exc.start}) ; enregistrez-le en UTF-8 depuis votre éditeur."
        ) from exc
    return text.removeprefix("\ufeff")


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": (
        "tabulation interdite en YAML : indentez avec des espaces"
    ),
    "found unacceptable character": "caractère interdit dans un fichier YAML",
    "special characters are not allowed": "caractère de contrôle interdit dans un fichier YAML",
    "mapping values are not allowed here": (
        "deux-points inattendu : mettez la valeur entre guillemets si elle contient « : »"
    ),
    "could not find expected ':'": "il manque « : » après une clé",
    "found undefined tag handle": "étiquette YAML inconnue",
    "expected <block end>, but found": "indentation incohérente",
    "did not find expected key": "indentation incohérente ou clé manquante",
    "did not find expected node content": "valeur manquante ou mal placée",
    "did not find expected '-' indicator": "élément de liste mal indenté",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet ou crochet non fermé ?)",
    "while scanning a quoted scalar": "guillemet non fermé",
    "found a tab character": "tabulation interdite en YAML : indentez avec des espaces",
    "expected a single document": "un seul document YAML est attendu (pas de « --- » en plus)",
}


def _yaml_error(exc: yaml.MarkedYAMLError | yaml.YAMLError, file: str) -> UnreadableInputError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark is not None else file
    text = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or exc}"
    for needle, french in _YAML_PROBLEMS.items():
        if needle in text:
            return UnreadableInputError(f"{where}: YAML illisible : {french}.")
    return UnreadableInputError(f"{where}: YAML illisible : la syntaxe n'est pas valide à cet endroit.")


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _reader_error(exc: yaml.reader.ReaderError, text: str, file: str) -> UnreadableInputError:
    """Word a forbidden raw character in French, with its line and column."""
    if not isinstance(exc.character, int) or not 0 <= exc.position <= len(text):
        return UnreadableInputError(f"{file}: caractère interdit dans un fichier YAML.")
    before = text[: exc.position]
    breaks = list(_LINE_BREAK.finditer(before))
    line = len(breaks) + 1
    column = exc.position - (breaks[-1].end() if breaks else 0) + 1
    return UnreadableInputError(
        f"{file}:{line}:{column}: caractère interdit dans un fichier YAML (caractère de contrôle "
        f"ou invisible U+{exc.character:04X}) ; retirez-le."
    )


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
    if _FastLoader is None:
        raise _NotSure("PyYAML sans libyaml")
    if Reader.NON_PRINTABLE.search(text):
        raise _NotSure("caractère refusé par le lecteur de PyYAML")
    if _FAST_UNSURE.search(text):
        raise _NotSure("construction lue autrement par libyaml")
    if not text.endswith("\n"):
        # At an unterminated last line libyaml's marks differ from PyYAML's (« ? a », « --- »).
        raise _NotSure("dernière ligne sans fin de ligne")
    return _build(_compose(_FastLoader(text, file)), file)


def _load_reference(text: str, file: str) -> LoadedAnswers:
    """Load with PyYAML's pure-Python scanner and parser; every refusal is worded here."""
    try:
        # The reader checks every character when it is built: that check must be caught too.
        loader = _StrictLoader(text, file)
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, file) from exc
    try:
        node = _compose(loader)
    except UnreadableInputError:
        raise
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, file) from exc
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, file) from exc
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
    except _TooBig:
        raise  # reading it again would only cost as much a second time
    except Exception:  # whatever libyaml stumbles on, the reference path words it
        _refuse_too_many_nodes(text, file)
        return _load_reference(text, file)


def _refuse_too_many_nodes(text: str, file: str) -> None:
    """Count the values with libyaml before the slow reference path reads a text that is too big.

    Only a text long enough to hold more than :data:`MAX_NODES` values is counted; a text libyaml
    cannot read to the end is left to the reference path, which counts too, as it goes.
    """
    if _FastLoader is None or len(text) <= MAX_NODES:
        return
    parser: Any = CParser(text)
    count = 0
    try:
        while (event := parser.get_event()) is not None and not isinstance(event, StreamEndEvent):
            if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent, AliasEvent)):
                count += 1
                if count > MAX_NODES:
                    raise _TooBig(_too_many_nodes(file, event.start_mark))
    except yaml.YAMLError:
        return
    finally:
        parser.dispose()


def load_file(path: str | Path) -> LoadedAnswers:
    """Read and parse an answers file, refusing files that are too large, binary or not UTF-8."""
    file = str(path)
    target = Path(path)
    try:
        if target.is_dir():
            raise UnreadableInputError(f"{file}: c'est un dossier, pas un fichier de réponses.")
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableInputError(
                f"{file}: fichier trop volumineux ({size} octets ; au plus {MAX_BYTES} octets "
                "pour un fichier de réponses)."
            )
        with target.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise UnreadableInputError(f"{file}: fichier introuvable.") from exc
    except PermissionError as exc:
        raise UnreadableInputError(f"{file}: lecture interdite (droits insuffisants).") from exc
    except OSError as exc:
        raise UnreadableInputError(f"{file}: lecture impossible ({exc.strerror}).") from exc
    if len(raw) > MAX_BYTES:
        raise UnreadableInputError(f"{file}: fichier trop volumineux (au plus {MAX_BYTES} octets).")
    return load_text(_decode(raw, file), file)
