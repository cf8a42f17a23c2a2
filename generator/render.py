"""Render the Markdown documents of a CPTS from the templates in ``models/``.

A strict Jinja2 environment (undefined names fail, ``None`` never prints) reads only the model.
Every printed value passes through the Markdown escaper unless the project produced it (amounts,
dates, numbers). Documents are rendered in order so that later ones cite the statuts' articles by
label: the statuts' numbering is passed on, never re-derived.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

import generator.context as contexts
from generator import clauses, facts, labels, typography
from generator.compiled_templates import packaged_cache
from generator.context.conception import pour_delegues
from generator.context.pv_premier_ca import applicable as premier_ca_applicable
from generator.context.requete import applicable as requete_applicable
from generator.context.vocabulaire import vocabulaire
from generator.errors import TemplateRenderError
from generator.markdown import Safe, escape, escape_block
from generator.model import Cpts
from generator.numbering import Numbered, marker, number_document
from generator.resources import data_dir

# Document stems, in rendering order, with their entry template.
DOCUMENTS: Mapping[str, str] = {
    "statuts": "statuts/document.md.j2",
    "reglement-interieur": "reglement/document.md.j2",
    "pv-ag-constitutive": "pv/document.md.j2",
    "pv-premier-ca": "pv_premier_ca/document.md.j2",
    "bulletin-adhesion": "bulletin/document.md.j2",
    "liste-dirigeants": "dirigeants/document.md.j2",
    "requete-inscription": "requete_inscription/document.md.j2",
    "verification": "verification/document.md.j2",
}

# The documents an association has only in some cases: the PV of the first CA meeting when the
# CA elects the bureau, the requête en inscription under Alsace-Moselle local law.
_SELON: Mapping[str, Callable[[Cpts], bool]] = {
    "pv-premier-ca": premier_ca_applicable,
    "requete-inscription": requete_applicable,
}


def applicable(name: str, model: Cpts) -> bool:
    """Tell whether document ``name`` belongs to ``model``'s file (most documents always do)."""
    condition = _SELON.get(name)
    return condition is None or condition(model)


# A blank to fill by hand, as the statuts' signature line writes it (escaped underscores).
_BLANC = "\\_"


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """One rendered Markdown document and its numbering."""

    name: str
    markdown: str
    numbered: Numbered
    # Every statuts article this document cites: (label, number), in order of citation.
    citations: tuple[tuple[str, str], ...] = ()


def _finalize(value: Any) -> Any:
    """Escape every printed value; refuse to print ``None`` (no « None » in a legal text)."""
    if value is None:
        raise TemplateRenderError("une valeur vide (None) serait imprimée dans le document")
    if isinstance(value, Safe):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Safe(typography.nombre(value))
    return escape(value)


def _safe(function: Callable[..., str]) -> Callable[..., Safe]:
    def wrapper(*args: Any, **kwargs: Any) -> Safe:
        return Safe(function(*args, **kwargs))

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


def _liste(items: Iterable[Any], conjonction: str = "et") -> Safe:
    return Safe(typography.liste([escape(item) for item in items], conjonction))


def _joindre(items: Iterable[Any], separateur: str) -> Safe:
    return Safe(separateur.join(escape(item) for item in items))


def _blanc(longueur: int = 8) -> Safe:
    return Safe(_BLANC * longueur)


def _presidence_de(model: Cpts) -> contexts.Titre:
    """Return a model's presidency as the statuts name it, for the documents without a context."""
    return contexts.commun(model).presidence_statutaire


@jinja2.pass_context
def _selon_presidence(context: jinja2.runtime.Context, un: str, plusieurs: str) -> str:
    """Choose the wording for one président or for co-présidents, as the context says."""
    shared: contexts.Commun = context["c"]
    if shared.conception.collegial:
        return pour_delegues(plusieurs)
    return plusieurs if shared.presidence_statutaire.pluriel else un


def _concat(parts: Iterable[str]) -> Safe:
    """Join a template's output: already escaped value by value, so a macro's text prints as is."""
    return Safe("".join(parts))


class _Environment(jinja2.Environment):
    """An environment whose macros return project text (:class:`Safe`), not a value to escape.

    Compiled code joins a macro's output with ``environment.concat``; without this, printing a
    shared macro (``{{ tableau_cotisations(m.colleges) }}``) would escape its Markdown a second time.
    """

    concat = staticmethod(_concat)


def _heading(level: str, kind: str) -> Callable[[str, str], Safe]:
    def heading(label: str, title: str) -> Safe:
        return Safe(f"{level} {marker(kind, label)} – {title}")

    return heading


# The options that shape compiled templates: part of the compiled file's name, so a change of
# options never reuses code compiled under the old ones (Jinja keys its cache on the source only).
_ENVIRONMENT_OPTIONS: dict[str, Any] = {
    "autoescape": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


@cache
def environment() -> jinja2.Environment:
    """Return the Jinja2 environment over ``models/``, built once."""
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("models"))),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        auto_reload=False,
        # Compiled at build time into the package, else in memory: nothing written at run time.
        bytecode_cache=packaged_cache(_ENVIRONMENT_OPTIONS),
        **_ENVIRONMENT_OPTIONS,
    )
    env.filters.update(
        {
            "md": escape,
            "bloc": escape_block,
            "montant": _safe(typography.montant),
            "montant_lettres": _safe(typography.montant_en_lettres),
            "montant_complet": _safe(typography.montant_complet),
            "lettres": _safe(typography.en_lettres),
            "nombre": _safe(typography.nombre),
            "date": _safe(typography.date_longue),
            "heure": _safe(typography.heure),
            "mois": _safe(typography.mois),
            "fraction": _safe(typography.fraction),
            "de_fraction": _safe(typography.de_fraction),
            "majorite": _safe(labels.majorite),
            "fonction": lambda code: Safe(labels.FONCTIONS[code]),
            "liste": _liste,
            "joindre": _joindre,
            "beneficiaire": lambda code: escape(labels.beneficiaire(code)),
        }
    )
    env.globals.update(
        {
            "titre": _heading("##", "T"),
            "article": _heading("###", "A"),
            "sous_article": _heading("####", "S"),
            "ref": lambda label: marker("R", label),
            "pluriel": _safe(typography.pluriel),
            "blanc": _blanc,
            "selon_presidence": _selon_presidence,
            "presidence_de": _presidence_de,
            "L": labels,
            "F": facts,
        }
    )
    return env


_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def _tidy(text: str) -> str:
    text = _TRAILING.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n") + "\n"


# A Jinja delimiter not preceded by the backslash that escapes user braces. The backslash is
# looked for behind the two delimiter characters, not before them: a pattern that starts with a
# literal is searched for quickly, one that starts with a lookbehind is tried at every character.
_PLACEHOLDER = re.compile(r"\{[{%](?<!\\..)|\}\}(?<!\\..)|%\}", re.DOTALL)


def _check_complete(name: str, numbered: Numbered) -> None:
    """Refuse a document with an empty article or a leftover placeholder."""
    # A heading's content is the next non-blank line: the list of those lines, read once, gives
    # it to every heading without rescanning the rest of the document (a heading is never blank).
    lines = [line for line in numbered.text.split("\n") if line.strip()]
    for index, line in enumerate(lines):
        if not line.startswith("#"):
            continue
        level = len(line) - len(line.lstrip("#"))
        following = lines[index + 1] if index + 1 < len(lines) else ""
        next_level = len(following) - len(following.lstrip("#"))
        if following == "" or (following.startswith("#") and next_level <= level):
            raise TemplateRenderError(f"{name} : la section « {line.lstrip('# ')} » est vide")
    # User values are escaped (« \{\{ », « \{% »), so unescaped delimiters come from a broken template.
    leftover = _PLACEHOLDER.search(numbered.text)
    if leftover:
        raise TemplateRenderError(f"{name} : texte provisoire « {leftover.group()} » dans le document")


def render_document(
    name: str,
    model: Cpts,
    statuts: Numbered | None = None,
    shared: contexts.Commun | None = None,
    *,
    context: Any = None,
) -> RenderedDocument:
    """Render one document; ``statuts`` gives the statuts' numbering for citations.

    ``shared`` is the facts every document shares, built once by :func:`render_documents`.
    ``context``: the document's context when the caller built it with its own options (the
    amended statuts of ``cpts modifier``); ``None``: built from the model.
    """
    try:
        template = environment().get_template(DOCUMENTS[name])
    except jinja2.TemplateError as exc:
        raise TemplateRenderError(f"{name} : modèle introuvable ou invalide ({exc})") from exc

    citations: list[tuple[str, str]] = []

    def ref_statuts(label: str) -> Safe:
        if statuts is None:
            raise TemplateRenderError(f"{name} : les statuts ne sont pas rendus")
        number = statuts.number(label)
        citations.append((label, number))
        return Safe(number)

    try:
        shared = contexts.commun(model) if shared is None else shared
        context = contexts.document_context(name, model, shared) if context is None else context
        text = template.render(
            m=model,
            c=shared,
            doc=context,
            v=vocabulaire(model),
            ref_statuts=ref_statuts,
            document=name,
        )
    except jinja2.UndefinedError as exc:
        raise TemplateRenderError(f"{name} : variable inconnue dans un modèle ({exc})") from exc
    except jinja2.TemplateError as exc:
        raise TemplateRenderError(f"{name} : erreur de modèle ({exc})") from exc
    if any(clause.document == name for clause in model.clauses_supplementaires):
        text = clauses.inserer(_tidy(text), model.clauses_supplementaires, name)
    numbered = number_document(_tidy(text), name)
    _check_complete(name, numbered)
    return RenderedDocument(name, typography.french_spacing(numbered.text), numbered, tuple(citations))


def render_documents(model: Cpts, names: Iterable[str] = tuple(DOCUMENTS)) -> dict[str, RenderedDocument]:
    """Render the requested documents that apply to ``model`` (the statuts always first, for citations)."""
    wanted = [name for name in names if applicable(name, model)]
    shared = contexts.commun(model)
    statuts = render_document("statuts", model, shared=shared)
    rendered = {"statuts": statuts}
    for name in DOCUMENTS:
        if name != "statuts" and name in wanted:
            rendered[name] = render_document(name, model, statuts.numbered, shared)
    return {name: rendered[name] for name in DOCUMENTS if name in wanted}
