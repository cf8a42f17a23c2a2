"""Answers typed as one line of text though the file holds an object: a commune and its details.

A commune is typed « Loches » or « Châtillon-sur-Indre ; 36 ; Châtillonnais » (name ;
département ; sous-territoire, an empty part left out). The terminal and the web form read and
show such lines the same way, so a ``--depuis`` file's objects come back as the lines that write them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator import saisie

_PARTS = ("nom", "departement", "sous_territoire")


def commune_lue(text: str) -> str | dict[str, str]:
    """Return the commune typed as ``text``: its name alone, or the object of its details.

    Raises ``ValueError`` (a French message) when the line has more than three parts or no name.
    """
    parts = [saisie.nettoyer(p) for p in text.split(";")]
    if len(parts) > len(_PARTS):
        raise ValueError(
            "une commune s'écrit «\u00a0nom\u00a0; département\u00a0; sous-territoire\u00a0»"
            " (trois parties au plus)"
        )
    if not parts[0]:
        raise ValueError("le nom de la commune manque avant le premier «\u00a0;\u00a0»")
    if len(parts) == 1:
        return parts[0]
    found = {key: part for key, part in zip(_PARTS, parts, strict=False) if part}
    return found if len(found) > 1 else parts[0]


def commune_ecrite(value: Any) -> str:
    """Return the line that types ``value`` (a name, or an object of the file)."""
    if not isinstance(value, dict):
        return str(value)
    parts = [str(value.get(key) or "") for key in _PARTS]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return " ; ".join(parts).replace(";  ;", "; ;")


# The keys whose items are typed as one line: how a line is read, and how an item is shown.
LIGNES: dict[str, tuple[Callable[[str], Any], Callable[[Any], str]]] = {
    "association.communes": (commune_lue, commune_ecrite),
}

# How such a line is written, said before the first item.
AIDE = {
    "association.communes": (
        "Une commune\u00a0: « Loches », ou « nom\u00a0; département\u00a0; sous-territoire »"
        " («\u00a0Clion\u00a0; 36\u00a0; Châtillonnais\u00a0»),"
        " une partie vide omise («\u00a0Loches\u00a0;\u00a0; Lochois\u00a0»)."
    ),
}


def codec(key: str) -> tuple[Callable[[str], Any], Callable[[Any], str]]:
    """Return how an item of ``key`` (a pattern) is read from a line and shown as one."""
    return LIGNES.get(key, (saisie.nettoyer, str))
