"""The detailed answers of the form: a vote count, a designation, the members present.

Their answer is not one scalar: a resolution is adopted « unanimite » or by a count
{pour, contre, abstention}; an elected officer is a member's id or {membre, personne} when a legal
person designates one of its people (a list of two for a co-presidency); the members present at
the constitutive assembly are « all » or a list of ids. Each is shown as a small group of inputs,
each input named by its part (``data-partie``), and the parts sent back are turned into the one
answer the schema expects. The founders' choices are those of the form (``formulaire.membres``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.errors import UserMessageError
from generator.init.donnees import DELETE, lookup
from generator.init.engine import convert
from generator.init.schema_view import MISSING
from generator.loader import PathKey
from generator.saisie import SaisieError

Parts = Mapping[str, list[str]]

VOTE_MODES = (("unanimite", "à l'unanimité"), ("decompte", "au décompte des voix"))
VOTE_COUNTS = (("pour", "Voix pour"), ("contre", "Voix contre"), ("abstention", "Abstentions"))
PRESENTS_MODES = (("all", "tous les fondateurs non représentés"), ("liste", "les membres cochés"))


def _one(parts: Parts, name: str) -> str:
    values = parts.get(name) or [""]
    return values[0].strip()


def _designations(value: Any) -> list[dict[str, str]]:
    items = value if isinstance(value, list) else [] if value is MISSING or value is None else [value]
    found = []
    for item in items:
        if isinstance(item, dict):
            found.append({"membre": str(item.get("membre", "")), "personne": str(item.get("personne", ""))})
        elif isinstance(item, str):
            found.append({"membre": item, "personne": ""})
    return found


def how_many(path: PathKey, data: Mapping[str, Any]) -> int:
    """Return how many designations an elected function takes: two for a co-presidency."""
    copresidence = lookup(data, ("gouvernance", "bureau", "co_presidence")) is True
    return 2 if path[-1] == "president" and (copresidence or isinstance(lookup(data, path), list)) else 1


def shown(genre: str, path: PathKey, value: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the parts of a detailed answer as the form shows them."""
    if genre == "vote":
        counts = value if isinstance(value, dict) else {}
        mode = "unanimite" if value == "unanimite" else "decompte" if counts else ""
        return {"mode": mode, **{k: str(counts.get(k, "")) if counts else "" for k, _ in VOTE_COUNTS}}
    if genre == "presents":
        mode = "all" if value == "all" else "liste" if isinstance(value, list) else ""
        return {"mode": mode, "membres": [str(v) for v in value] if isinstance(value, list) else []}
    designations = _designations(value)
    if genre == "designations":  # one row per founder: elected or not, and the person designated
        return {"elus": {d["membre"]: d["personne"] for d in designations}}
    designations += [{"membre": "", "personne": ""}] * (how_many(path, data) - len(designations))
    return {"designations": designations[: how_many(path, data)]}


def _count(path: PathKey, key: str, text: str) -> int:
    try:
        value = convert((*path, key), text, (), False)
    except SaisieError as error:
        raise UserMessageError(f"{dict(VOTE_COUNTS)[key].lower()} : {error}") from error
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise UserMessageError(f"{dict(VOTE_COUNTS)[key].lower()} : un nombre entier, par exemple 12")
    return value


def _vote(path: PathKey, parts: Parts, members: list[str]) -> Any:
    del members
    mode = _one(parts, "mode")
    if mode == "unanimite":
        return "unanimite"
    if mode != "decompte":
        return DELETE
    if not _one(parts, "pour"):
        raise UserMessageError("indiquez le nombre de voix pour (puis contre et abstentions)")
    counts = {key: _count(path, key, _one(parts, key)) for key, _ in VOTE_COUNTS if _one(parts, key)}
    return {key: counts.get(key, 0) for key, _ in VOTE_COUNTS}


def _member(text: str, members: list[str]) -> str:
    if text not in members:
        raise UserMessageError(f"« {text} » n'est pas l'un des membres fondateurs")
    return text


def _presents(path: PathKey, parts: Parts, members: list[str]) -> Any:
    del path
    mode = _one(parts, "mode")
    if mode == "all":
        return "all"
    if mode != "liste":
        return DELETE
    return [_member(v, members) for v in parts.get("membres", []) if v]


def _designation(membre: str, personne: str, members: list[str]) -> Any:
    chosen = _member(membre, members)
    return {"membre": chosen, "personne": personne} if personne else chosen


def _pairs(parts: Parts, members: list[str]) -> list[Any]:
    found = []
    for index in range(len(parts.get("membre", []))):
        membre = (parts.get("membre") or [])[index].strip()
        personne = ((parts.get("personne") or []) + [""] * (index + 1))[index].strip()
        if membre:
            found.append(_designation(membre, personne, members))
        elif personne:
            raise UserMessageError(f"« {personne} » : choisissez d'abord le membre qui le désigne")
    return found


def _elected(path: PathKey, parts: Parts, members: list[str]) -> Any:
    found = _pairs(parts, members)
    if not found:
        return DELETE
    if path[-1] == "president" and len(parts.get("membre", [])) > 1:
        return found
    return found[0]


def _elected_list(path: PathKey, parts: Parts, members: list[str]) -> Any:
    del path
    return [
        _designation(membre, _one(parts, f"personne:{membre}"), members)
        for membre in dict.fromkeys(v for v in parts.get("membre", []) if v)
    ]


PARSERS: Mapping[str, Callable[[PathKey, Parts, list[str]], Any]] = {
    "vote": _vote,
    "presents": _presents,
    "designation": _elected,
    "designations": _elected_list,
}


def answer(genre: str, path: PathKey, parts: Parts, members: list[str]) -> Any:
    """Return the answer to store from the parts the form sent (``DELETE``: no answer)."""
    return PARSERS[genre](path, parts, members)
