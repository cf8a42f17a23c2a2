"""Write the answers file: commented YAML in the spec's order, written atomically.

The text is built with ruamel.yaml so that a ``--depuis`` file keeps its comments and its layout:
the answers are merged into the file's own tree (asked values replaced, unasked keys kept, new
keys inserted at their place in the spec's order, emptied keys removed). A new file gets the
schema modeline on top and a comment before each section saying what it decides.

The file is read back by the strict loader: no anchors or tags are ever written, and every
string that a YAML 1.1 reader would take for something else (a code postal, ``no``, ``19:00``) is
double-quoted, like every free text.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator import bundle
from generator.errors import OutputIOError
from generator.init import schema_view
from generator.init.engine import DELETE
from generator.loader import PathKey
from generator.resources import schema_path

MODELINE = "# yaml-language-server: $schema="
ENTETE = (
    "# Réponses au questionnaire CPTS, écrites par « cpts init ».\n"
    "# Vérification : cpts check FICHIER ; documents : cpts render FICHIER -o DOSSIER.\n"
)

# What each section of the file decides (one comment before it in a new file).
SECTIONS: Mapping[str, str] = {
    "version": "Version du format du fichier de réponses.",
    "modele": (
        "Modèle de gouvernance : cpts (modèle AVECsanté) ou inter_cpts (association des CPTS d'un "
        "département)."
    ),
    "association": "L'association : dénomination, territoire, siège et durée (statuts, articles 1 à 4).",
    "objet": (
        "L'objet : les missions de l'ACI que la CPTS porte et ses objectifs propres (statuts, article 2)."
    ),
    "colleges": (
        "Les collèges : qui en fait partie, leur voix, leurs sièges au CA et leur cotisation annuelle."
    ),
    "membres": "Les membres fondateurs (liste annexée aux statuts) et les membres d'honneur.",
    "gouvernance": "La gouvernance : conseil d'administration, bureau, mandats et assemblées générales.",
    "cotisation": "L'échéance de la cotisation annuelle ; les montants sont fixés par collège.",
    "adhesion": "L'adhésion : qui la valide, sous quel délai et à quelles conditions (règlement intérieur).",
    "indemnisation": (
        "Les frais et l'indemnisation du temps consacré au projet de santé (règlement intérieur)."
    ),
    "finances": (
        "Les finances : subventions attendues, commissaire aux comptes, exercice et circuit des dépenses."
    ),
    "ag_constitutive": "L'assemblée générale constitutive, pour son procès-verbal.",
}

_CODE = re.compile(r"[a-z][a-z0-9_-]*")
_SHORT_FLOW = 70


def _yaml() -> YAML:
    handler = YAML()
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 4096  # never fold a long text over several lines
    handler.preserve_quotes = True

    def null(representer: RoundTripRepresenter, _: None) -> Any:
        return representer.represent_scalar("tag:yaml.org,2002:null", "null")

    handler.representer.add_representer(type(None), null)
    return handler


def _plain_safe(text: str) -> bool:
    """Tell whether a string may be written unquoted: a code that every YAML reader keeps as text."""
    if not _CODE.fullmatch(text):
        return False
    resolved = pyyaml.safe_load(text)  # the YAML 1.1 reading (yes, no, on, off…)
    return isinstance(resolved, str)


def _is_map(path: PathKey) -> bool:
    """Tell whether the object at ``path`` is a free mapping (bureau_elu, votes, majorités)."""
    try:
        node = schema_view.resolved(path)
    except KeyError:
        return False
    return "properties" not in node and isinstance(node.get("additionalProperties"), Mapping)


def _order(path: PathKey) -> list[str]:
    try:
        return schema_view.property_order(path)
    except KeyError:
        return []


def node(value: Any, path: PathKey) -> Any:
    """Return ``value`` as a ruamel node: quoted texts, short lists of codes on one line."""
    if isinstance(value, str):
        return value if _plain_safe(value) else DoubleQuotedScalarString(value)
    if isinstance(value, dict):
        mapping = CommentedMap()
        merge_map(mapping, value, path)
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq([node(item, (*path, index)) for index, item in enumerate(value)])
        if all(isinstance(item, str) and _plain_safe(item) for item in value) and (
            sum(len(item) + 2 for item in value) < _SHORT_FLOW
        ):
            sequence.fa.set_flow_style()
        return sequence
    return value


def _same(existing: Any, value: Any) -> bool:
    """Tell whether a value of the file already says the answer (same type, same value)."""
    if isinstance(existing, (CommentedMap, CommentedSeq)) or isinstance(value, (dict, list)):
        return False
    if isinstance(existing, datetime.date):  # ruamel reads 2024-06-20 as a date, the loader as text
        return bool(existing.isoformat() == value)
    return bool(_kind(existing) == _kind(value) and existing == value)


def _kind(value: Any) -> str:
    # ruamel's scalars subclass int, float and str: compare kinds, and never True with 1.
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, float)):
        return "nombre"
    return "texte" if isinstance(value, str) else "autre"


def _insert(base: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Insert ``key`` after the last key that comes before it in the spec's order."""
    if key not in order:
        base[key] = value
        return
    rank = order.index(key)
    position = 0
    for index, existing in enumerate(base):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    base.insert(position, key, value)


def _drop(base: CommentedMap, key: str) -> None:
    """Remove ``key``, keeping the full-line comments that followed it (they belong to what comes next).

    ruamel attaches the comment lines after a value to that value's key: they would go with it.
    """
    if key not in base:
        return
    keys = list(base)
    slot = base.ca.items.get(key)
    token = slot[2] if slot and len(slot) > 2 else None  # ruamel: slot 2 holds the comment after the value
    del base[key]
    if token is None:
        return
    following = token.value.split("\n", 1)[1] if "\n" in token.value else ""
    if not following.strip() or keys.index(key) == 0:
        return
    previous = keys[keys.index(key) - 1]
    kept = base.ca.items.setdefault(previous, [None, None, None, None])
    if kept[2] is None:
        token.value = "\n" + following
        kept[2] = token
    else:
        kept[2].value = kept[2].value + following


# What a designation ({membre, personne, …}) says of its person: it leaves with the person.
_DONNEES_PERSONNE = ("genre", "profession", "domicile", "nationalite", "date_naissance", "lieu_naissance")


def merge_map(base: CommentedMap, answers: Mapping[str, Any], path: PathKey) -> None:
    """Merge answers into a mapping of the file: replace, insert in order, remove emptied keys."""
    order = _order(path)
    if _is_map(path):
        for key in [k for k in base if k not in answers]:
            _drop(base, key)
    if any(k in answers and k in base and not _same(base[k], answers[k]) for k in ("membre", "personne")):
        # Another person designated: the previous one's genre and data are not his.
        for key in [k for k in _DONNEES_PERSONNE if k in base and k not in answers]:
            _drop(base, key)
    for key, value in answers.items():
        here = (*path, key)
        if value is DELETE:
            _drop(base, key)
        elif isinstance(value, dict) and isinstance(base.get(key), CommentedMap):
            merge_map(base[key], value, here)
        elif isinstance(value, list) and isinstance(base.get(key), CommentedSeq):
            merge_seq(base[key], value, here)
        elif key in base:
            if not _same(base[key], value):  # an unchanged value keeps its quoting and comments
                base[key] = node(value, here)
        else:
            _insert(base, key, node(value, here), order)
            if not path and key in SECTIONS:
                base.yaml_set_comment_before_after_key(key, before=f"\n{SECTIONS[key]}")


def merge_seq(base: CommentedSeq, answers: list[Any], path: PathKey) -> None:
    """Merge a list item by item (keeping each item's comments), then drop the extra items."""
    for index, value in enumerate(answers):
        here = (*path, index)
        if index < len(base) and isinstance(value, dict) and isinstance(base[index], CommentedMap):
            merge_map(base[index], value, here)
        elif index < len(base):
            if not _same(base[index], value):
                base[index] = node(value, here)
        else:
            base.append(node(value, here))
    del base[len(answers) :]


SCHEMA_FILE = "questionnaire.schema.json"


def modeline(target: Path) -> str:
    """Return the first line that points an editor at the schema.

    A path relative to the answers file, to the copy of the schema that ``ensure_schema`` puts
    beside it: it works offline and wherever the folder is moved or sent (the schema's ``$id`` is
    not a published address, and an absolute path would point into someone's virtual
    environment). A file moved alone gets its copy back with
    ``cpts schema > questionnaire.schema.json``.
    """
    del target  # the same line wherever the file lives: the copy is always its neighbour
    return f"{MODELINE}{SCHEMA_FILE}"


def ensure_schema(target: Path) -> Path:
    """Write the schema beside the answers file ``target`` when no file of that name is there.

    An existing file is never replaced (it may be the founders' own copy, or a colleague's newer
    one); the schema is the package's own file, byte for byte.
    """
    beside = (target.parent if str(target.parent) else Path(".")) / SCHEMA_FILE
    if not beside.exists():
        try:
            text = schema_path().read_text(encoding="utf-8")
        except OSError as exc:
            raise OutputIOError(f"impossible de lire le schéma du paquet : {exc.strerror}") from exc
        write_atomically(beside, text)
    return beside


BROUILLON = "# cpts init : brouillon, "
_BROUILLON = re.compile(r"# cpts init : brouillon, ([0-9]+) réponse")


def draft_line(count: int) -> str:
    """Return the comment line that marks a draft and says how many questions were answered."""
    return f"{BROUILLON}{count} réponse(s) données ; reprise : cpts init CE_FICHIER"


def draft_count(text: str) -> int | None:
    """Return the number of questions a draft's text says were answered (``None``: not a draft)."""
    for line in text.splitlines()[:5]:
        found = _BROUILLON.match(line)
        if found:
            return int(found.group(1))
    return None


def load_tree(text: str) -> CommentedMap:
    """Return the round-trip tree of an answers file's text (its draft line left out)."""
    text = "\n".join(line for line in text.splitlines() if not line.startswith(BROUILLON)) + "\n"
    base = _yaml().load(text)
    return base if isinstance(base, CommentedMap) else CommentedMap()


def render_tree(
    base: CommentedMap,
    answers: Mapping[str, Any],
    target: Path,
    *,
    fresh: bool = False,
    draft: int | None = None,
) -> str:
    """Merge ``answers`` into the tree ``base`` (changed in place) and return the file's text.

    ``fresh``: a new file (the header comment goes on top); ``draft``: the number of questions
    answered, written in the draft line (none: a finished file).
    """
    merge_map(base, answers, ())
    buffer = io.StringIO()
    _yaml().dump(base, buffer)
    lines = buffer.getvalue().splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and lines[0].startswith(MODELINE):
        lines[0] = modeline(target)
    elif fresh:
        lines[:0] = [modeline(target), *ENTETE.splitlines(), ""]
    else:
        lines.insert(0, modeline(target))
    if draft is not None:
        lines.insert(1, draft_line(draft))
    return "\n".join(lines) + "\n"


def render(answers: Mapping[str, Any], base_text: str | None, target: Path, draft: int | None = None) -> str:
    """Return the text of the answers file: ``answers`` merged into ``base_text`` (or a new file).

    ``draft``: the number of questions answered, written in the draft line (none: a finished file).
    """
    base = load_tree(base_text) if base_text is not None else CommentedMap()
    return render_tree(base, answers, target, fresh=base_text is None, draft=draft)


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically (the package's one atomic write, ``bundle``)."""
    data = text.encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    bundle.atomic_write(target, write, force=True)
