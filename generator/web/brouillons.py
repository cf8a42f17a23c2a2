"""The drafts of ``cpts serve``: the answers files of one folder, changed one answer at a time.

The answers file stays the document of record: every change is merged into the file's own YAML
tree (comments and layout kept, as ``cpts init --depuis`` does) and written atomically. A draft
is named by the client only through a plain file name checked against a pattern, looked up among
the folder's own files: no path from the client reaches the file system. Each text has a version
(a digest of its bytes): a change made on an older version is refused, so that two tabs on one
draft never lose an answer silently.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator import loader
from generator.errors import UserMessageError
from generator.init import writer
from generator.init.donnees import DELETE, lookup, put, without_deleted

NOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
MAX_BYTES = loader.MAX_BYTES


class ConflictError(UserMessageError):
    """The draft changed since the page was loaded (another tab, another founder)."""

    exit_code = 1


class UnknownDraftError(UserMessageError):
    """No draft of that name in the folder."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Draft:
    """One answers file of the folder: its name (no suffix), text, data and version."""

    nom: str
    text: str
    data: dict[str, Any]

    @property
    def version(self) -> str:
        """Return the digest of the text: it changes with every saved answer."""
        return version(self.text)


def version(text: str) -> str:
    """Return the version of a draft's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def safe_name(text: str) -> str:
    """Return a draft name made of the letters, digits, ``-`` and ``_`` of ``text``."""
    stem = text.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = re.sub(r"\.ya?ml$", "", stem, flags=re.IGNORECASE)
    cleaned = _UNSAFE.sub("-", stem).strip("-_")[:64]
    return cleaned or "reponses"


class Folder:
    """The drafts of one folder, with one lock for every read-change-write."""

    def __init__(self, root: Path) -> None:
        """Serve the answers files of ``root``."""
        self.root = root
        self.lock = threading.Lock()
        # The round-trip tree of each draft as last written, with the version it wrote: reading
        # the YAML again with comments is most of the cost of saving an answer.
        self._trees: dict[str, tuple[str, CommentedMap]] = {}

    def names(self) -> list[str]:
        """Return the drafts of the folder (``*.yaml`` with a plain name), sorted."""
        return sorted(p.stem for p in self.root.glob("*.yaml") if NOM.fullmatch(p.stem) and p.is_file())

    def _path(self, nom: str) -> Path:
        if not NOM.fullmatch(nom) or nom not in self.names():
            raise UnknownDraftError(f"aucun fichier de réponses « {nom} » dans ce dossier")
        return self.root / f"{nom}.yaml"

    def read(self, nom: str) -> Draft:
        """Return a draft, read by the strict loader (an unreadable file raises its French error)."""
        path = self._path(nom)
        raw = path.read_bytes()
        text = _decode(raw, path.name)
        loaded = loader.load_text(text, path.name)
        data = loaded.data if isinstance(loaded.data, dict) else {}
        return Draft(nom, text, data)

    def _free(self, nom: str) -> str:
        taken = set(self.names())
        candidate, number = nom, 2
        while candidate in taken:
            candidate, number = f"{nom}-{number}", number + 1
        return candidate

    def create(self, wanted: str) -> str:
        """Create a new draft (a free name close to ``wanted``) and return its name."""
        with self.lock:
            nom = self._free(safe_name(wanted))
            target = self.root / f"{nom}.yaml"
            writer.ensure_schema(target)
            writer.write_atomically(target, writer.render({"version": 1}, None, target))
            return nom

    def upload(self, filename: str, raw: bytes) -> str:
        """Store an uploaded answers file as a new draft (never over another) and return its name."""
        if len(raw) > MAX_BYTES:
            raise UserMessageError(f"fichier trop gros : au plus {MAX_BYTES // 1024} Kio")
        text = _decode(raw, filename)
        loader.load_text(text, filename)  # a file the loader refuses is not kept
        with self.lock:
            nom = self._free(safe_name(filename))
            writer.ensure_schema(self.root / f"{nom}.yaml")
            writer.write_atomically(self.root / f"{nom}.yaml", text)
            return nom

    def change(self, nom: str, seen: str, edit: Any) -> Draft:
        """Apply ``edit`` (a function changing the data) on the draft at version ``seen``; save it."""
        with self.lock:
            draft = self.read(nom)
            if draft.version != seen:
                raise ConflictError(
                    "ce fichier de réponses a changé entre-temps (un autre onglet ?) : "
                    "rechargez la page pour voir la dernière version avant de modifier"
                )
            data = copy.deepcopy(draft.data)
            edit(data)
            target = self._path(nom)
            cached = self._trees.pop(nom, None)
            tree = (
                cached[1]
                if cached is not None and cached[0] == draft.version
                else writer.load_tree(draft.text)
            )
            text = writer.render_tree(tree, _plain(data), target)
            writer.ensure_schema(target)
            writer.write_atomically(target, text)
            self._trees[nom] = (version(text), tree)
            return Draft(nom, text, without_deleted(data))


def _plain(data: Any) -> Any:
    """Return data without empty list items left by a removed row (kept as DELETE markers)."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data if v is not DELETE]
    return data


def set_value(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    """Set an answer; ``DELETE`` removes it (the writer drops the key from the file)."""
    if value is DELETE:
        parent = lookup(data, path[:-1])
        if isinstance(parent, dict) and path[-1] in parent:
            parent[path[-1]] = DELETE
        return
    put(data, path, value)


def _decode(raw: bytes, name: str) -> str:
    # The loader's decoding (BOM, UTF-8, French message): its private helper, called here only.
    return loader._decode(raw, name)
