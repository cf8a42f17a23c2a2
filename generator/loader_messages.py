"""The loader's refusals in French: PyYAML's errors reworded, with the line and column.

PyYAML words its errors in English, for programmers; an answers file is written by a CPTS's
founders. Each known problem gets a French sentence saying what to change.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.errors import UnreadableInputError

MAX_NODES_SHOWN = "100\u202f000"


def too_many_nodes(file: str, mark: Any) -> str:
    """Return the refusal of a file with too many values, at the first value past the bound."""
    return (
        f"{file}:{mark.line + 1}:{mark.column + 1}: trop de valeurs dans le fichier (plus de "
        f"{MAX_NODES_SHOWN}) ; un fichier de réponses n'en compte que quelques milliers : une "
        "liste a-t-elle été recopiée par erreur ?"
    )


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


def yaml_error(exc: yaml.MarkedYAMLError | yaml.YAMLError, file: str) -> UnreadableInputError:
    """Word a YAML syntax error in French, with its line and column."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"{file}:{mark.line + 1}:{mark.column + 1}" if mark is not None else file
    text = f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or exc}"
    for needle, french in _YAML_PROBLEMS.items():
        if needle in text:
            return UnreadableInputError(f"{where}: YAML illisible : {french}.")
    return UnreadableInputError(f"{where}: YAML illisible : la syntaxe n'est pas valide à cet endroit.")


LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def reader_error(exc: yaml.reader.ReaderError, text: str, file: str) -> UnreadableInputError:
    """Word a forbidden raw character in French, with its line and column."""
    if not isinstance(exc.character, int) or not 0 <= exc.position <= len(text):
        return UnreadableInputError(f"{file}: caractère interdit dans un fichier YAML.")
    before = text[: exc.position]
    breaks = list(LINE_BREAK.finditer(before))
    line = len(breaks) + 1
    column = exc.position - (breaks[-1].end() if breaks else 0) + 1
    return UnreadableInputError(
        f"{file}:{line}:{column}: caractère interdit dans un fichier YAML (caractère de contrôle "
        f"ou invisible U+{exc.character:04X}) ; retirez-le."
    )
