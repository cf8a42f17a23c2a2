"""The help line of a field in the words of its choices: never a code of the answers file.

The schema's descriptions are written for the YAML file and name the codes of a choice
(« cpts : … ; inter_cpts : … », « decision : … »); the web form and ``cpts init`` show each
choice by its words, so the help names the choice by the same words, between « ». A gloss
that only repeats those words is dropped (« neutralite (neutralité…) »), and a sentence that
tells how to write a value in YAML (« {nom, departement} », « "19:00" ») is left out: the form
says how to type the answer (its example, ``lignes.AIDE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.init import libelles

# A sentence written for the YAML file: a mapping in braces or a value in straight quotes.
_YAML = re.compile(r"\{[^{}]*\}|\"[^\"]*\"")
# The share of words a gloss and a label have in common when they say the same thing.
_SHARED = 0.6
_SENTENCE = re.compile(r"[^.]+(?:\.(?=\S)[^.]*)*\.?\s*")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", libelles.fold(text)))


def _same(gloss: str, label: str) -> bool:
    """Tell whether a gloss only says what the label says, give or take a word or two.

    One's words within the other's, or most words shared (« une CPTS avec ses collèges » and
    « une CPTS et ses collèges »); a gloss that adds a fact (« deux collèges, pas de CA ») stays.
    """
    said, named = _words(gloss), _words(label)
    return said <= named or named <= said or len(said & named) >= _SHARED * len(said | named)


def _named(text: str, code: str, label: str) -> str:
    """Return ``text`` where ``code`` is named by its label, where it stands as a code."""
    quoted = f"« {label} »"
    text = re.sub(rf"«\s?{re.escape(code)}\s?»", quoted, text)
    # A code followed by a gloss, by « : » and its meaning, or a code with an underscore.
    found = re.compile(
        rf"(?<![\w«-]){re.escape(code)}(?![\w-])"
        r"(?P<gloss> \((?P<inner>[^()]*)\))?(?P<colon>\s?:\s(?P<meaning>[^;.]*))?"
    )

    def name(match: re.Match[str]) -> str:
        gloss, colon = match.group("gloss") or "", match.group("colon") or ""
        if not (gloss or colon or "_" in code):
            return match.group(0)
        if gloss and _same(match.group("inner"), label):
            gloss = ""
        if colon and _same(match.group("meaning"), label):
            colon = colon[len(colon.rstrip()) :]  # the space before the next « ; »
        return f"{quoted}{gloss}{colon}"

    return found.sub(name, text)


def en_mots(description: str, choices: Iterable[tuple[str, str]]) -> str:
    """Return the schema's ``description`` of a field with its codes named as the form names them.

    ``choices``: the field's (code, words) pairs, those of its select, boxes or suggestions.
    """
    text = "".join(s for s in _SENTENCE.findall(description) if not _YAML.search(s)).strip()
    return libelles.en_mots(_all_named(text, list(choices)))


def aide(description: str, suite: Iterable[str], choices: Iterable[tuple[str, str]]) -> str:
    """Return a field's help line: its description, then the form's own lines (``suite``).

    The form's lines (the reason of the model's choice, how to type a line) are the form's words
    already, but may quote a code (« auto »): they are named too.
    """
    pairs = list(choices)
    said = [en_mots(description, pairs), *(_all_named(t, pairs) for t in suite)]
    return " ".join(t for t in said if t)


def _all_named(text: str, choices: list[tuple[str, str]]) -> str:
    for code, label in sorted(choices, key=lambda pair: -len(pair[0])):
        if code and label and code != label:
            text = _named(text, code, label)
    return text
