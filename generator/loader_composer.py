"""The strict YAML composer: PyYAML's parser events to nodes, refusing what answers never need.

PyYAML's scanner and parser are used as they are (libyaml's, in C, when PyYAML was built with
it, with the pure-Python ones as the reference); composition is ours so that anchors, aliases
and explicit tags are refused at parse time (no alias bomb, no object tags), nesting depth is
capped before Python's recursion limit, and a file holds at most :data:`MAX_NODES` values.
"""

from __future__ import annotations

import re
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

from generator.errors import UnreadableInputError
from generator.loader_messages import too_many_nodes

MAX_DEPTH = 40
# Values (scalars, lists, mappings) in one file. The largest valid file (1 000 founders with every
# field, an assembly naming each of them) holds about 50 000; past this bound the composer stops,
# so a file of half a million tiny items costs a fraction of a second, not seconds and gigabytes.
MAX_NODES = 100_000

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class Resolver(BaseResolver):
    """Know no implicit types: :func:`_scalar_value` resolves plain scalars itself."""


class StrictComposer(Composer):
    """A YAML composer that refuses anchors, aliases, explicit tags and deep nesting.

    It reads parser events only, so it sits on PyYAML's pure-Python parser as on libyaml's.
    """

    _file: str
    _depth: int
    _nodes: int

    def _start(self, file: str) -> None:
        Composer.__init__(self)
        Resolver.__init__(self)  # type: ignore[arg-type]
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
        """Compose one node from the parser's events, refusing what answers never need."""
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
            raise TooBig(too_many_nodes(self._file, event.start_mark))
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


class StrictLoader(Reader, Scanner, Parser, StrictComposer, Resolver):
    """The pure-Python loader: the reference for every result and every error message."""

    def __init__(self, text: str, file: str) -> None:
        """Read ``text`` (named ``file`` in messages) with PyYAML's pure-Python parser."""
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        self._start(file)


# Texts libyaml reads otherwise than PyYAML, found by tests/test_loader_fast.py: a tab (PyYAML
# refuses one wherever a token could start: « a\tb », « 'x'\t »), a byte order mark (libyaml
# skips it anywhere, so columns shift) and a comment glued to a block scalar header (« |# »,
# which PyYAML refuses). Matching more than needed only costs the fast path.
FAST_UNSURE = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#")


class NotSure(Exception):
    """The fast path declines a text: the pure-Python reference reads it instead."""


class TooBig(UnreadableInputError):
    """A refusal by size, which both parsers reach alike: the fast path's verdict is kept."""


FastLoader: Any = None
if yaml.__with_libyaml__:  # pragma: no branch - libyaml ships in PyYAML's wheels
    from yaml._yaml import CParser

    class _CStrictLoader(StrictComposer, CParser, Resolver):
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
                    raise NotSure("valeur vide hors d'un bloc")
                # In « [a?b] » PyYAML reads « ? » as a key indicator (YAML 1.1), libyaml as text.
                if in_flow and "?" in event.value:
                    raise NotSure("point d'interrogation dans une collection entre crochets")
            return super().compose_node(parent, index)

    FastLoader = _CStrictLoader


def refuse_too_many_nodes(text: str, file: str) -> None:
    """Count the values with libyaml before the slow reference path reads a text that is too big.

    Only a text long enough to hold more than :data:`MAX_NODES` values is counted; a text libyaml
    cannot read to the end is left to the reference path, which counts too, as it goes.
    """
    if FastLoader is None or len(text) <= MAX_NODES:
        return
    parser: Any = CParser(text)
    count = 0
    try:
        while (event := parser.get_event()) is not None and not isinstance(event, StreamEndEvent):
            if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent, AliasEvent)):
                count += 1
                if count > MAX_NODES:
                    raise TooBig(too_many_nodes(file, event.start_mark))
    except yaml.YAMLError:
        return
    finally:
        parser.dispose()
