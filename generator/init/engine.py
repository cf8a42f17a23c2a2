"""Ask one question at a time, check each answer as it is given, re-ask what the rules refuse.

Every answer is read as text, turned into the value the schema expects at its path (a number,
oui/non, a choice by number, code or label, a date or an amount typed the French way through
``generator.saisie``), and checked against that path's subschema; a refused answer is explained
in French and asked again. At the end of each theme the answers so far (completed by
placeholders for what is not asked yet) go through the schema and the rules of
``generator.rules``: every error of the theme is shown at once, then only the faulty questions
are asked again; a warning is shown once.

The proposal for a question comes, in this order, from the answer already given (when a rule
re-asks it), the file being resumed (``--depuis`` or a draft), the questionnaire's suggestion,
then the schema's default (the AVECsanté model's choice).

Going back and resuming both replay: the engine takes the first ``skip`` questions silently
from the proposals (which hold the answers given before), then asks again. ``retour`` typed at
any prompt raises :class:`GoBack`; ``count`` is the number of questions answered so far.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator import saisie
from generator.errors import Finding, UsageError
from generator.init import aides, controle, libelles, listes, pourquoi, schema_view
from generator.init.controle import AutoAnswerError
from generator.init.donnees import DELETE, lookup, pattern_of, put
from generator.init.schema_view import MISSING
from generator.init.terminal import Terminal
from generator.loader import PathKey, format_path

__all__ = ["DELETE", "AutoAnswerError", "Choice", "Engine", "GoBack", "NoDefaultError", "pattern_of", "shown"]

_AUCUN = {"aucun", "aucune", "-", "null", "néant", "neant"}
RETOUR = "retour"


class NoDefaultError(UsageError):
    """``--defauts`` met a question that has neither a default nor an answer in ``--depuis``."""


class GoBack(Exception):
    """The founder typed ``retour``: the previous question is to be asked again."""


def shown(value: Any) -> str:
    """Return how a proposed value is shown in a question (« oui », « aucun », « illimitée »…)."""
    return "aucun" if value is DELETE else libelles.libelle(value)


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a choice question: the value written and how it is described."""

    value: Any
    label: str = ""

    @property
    def text(self) -> str:
        """Return the words a founder reads for this option."""
        return self.label or shown(self.value)


def chosen(text: str, choices: Sequence[Choice]) -> Any:
    """Return the value of the option typed by number, code or label (``MISSING`` if none)."""
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1].value
    folded = libelles.fold(text)
    for choice in choices:
        if folded in (libelles.fold(str(choice.value)), libelles.fold(choice.text)):
            return choice.value
    return MISSING


def convert(path: PathKey, text: str, choices: Sequence[Choice], optional: bool) -> Any:
    """Turn the typed text into the value the schema expects at ``path`` (``SaisieError`` if not)."""
    text = saisie.nettoyer(text)
    folded = text.casefold()
    if choices:
        value = chosen(text, choices)
        if value is not MISSING:
            return value
    kinds = schema_view.types(path)
    if folded in _AUCUN:
        if "null" in kinds:
            return None
        if optional:
            return DELETE
    kind = schema_view.kind(path)
    if kind == "date":
        return saisie.date(text)
    if kind == "heure":
        return saisie.heure(text)
    if "boolean" in kinds and libelles.fold(text) in {"oui", "o", "non", "n", "vrai", "faux"}:
        return saisie.oui_non(text)
    if kinds & {"integer", "number"} and ("string" not in kinds or any(c.isdigit() for c in text)):
        try:
            return saisie.montant(text) if "number" in kinds else saisie.entier(text)
        except saisie.SaisieError:
            if "string" not in kinds:
                raise
    return text


class Engine:
    """Asks questions on a terminal (or takes every proposal with ``auto``) and keeps the answers."""

    def __init__(
        self,
        terminal: Terminal,
        previous: Mapping[str, Any] | None = None,
        auto: bool = False,
        stub: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        skip: int = 0,
    ) -> None:
        """Start with no answer; ``previous`` is the resumed file's data; ``skip`` questions replayed."""
        self.terminal = terminal
        self.previous: Mapping[str, Any] = previous or {}
        self.auto = auto
        self.skip = skip
        self.count = 0  # questions answered (re-asks of the rules aside): where to resume
        self.answers: dict[str, Any] = {}
        self.suggested: dict[str, Any] = {}
        self.stub = stub or (lambda data: data)
        self.reasking: dict[str, Callable[[], Any]] = {}
        self.warned: set[tuple[str, str, str]] = set()
        self._model_choices: set[str] = set()
        self.rechecking = False
        self._section = ""
        self.origin = "Dans votre fichier"  # how a proposal taken from ``previous`` is introduced
        self.asked: list[str] = []  # the key of each question asked (for the « why » lines)

    # --- answers --------------------------------------------------------------------------

    def get(self, path: PathKey, fallback: Any = None) -> Any:
        """Return the answer given at ``path``, or ``fallback``."""
        value = lookup(self.answers, path)
        return fallback if value is MISSING or value is DELETE else value

    def put(self, path: PathKey, value: Any) -> None:
        """Store an answer, creating the dictionaries and list items on the way."""
        put(self.answers, path, value)

    def unset(self, path: PathKey) -> None:
        """Forget the answer at ``path``: the proposal comes again from the file or the defaults."""
        parent = lookup(self.answers, path[:-1])
        if isinstance(parent, dict):
            parent.pop(path[-1], None)

    def truncate(self, path: PathKey, length: int) -> None:
        """Keep the first ``length`` items of the answered list at ``path`` (an empty list if none)."""
        current = lookup(self.answers, path)
        self.put(path, current[:length] if isinstance(current, list) else [])

    def suggest(self, path: PathKey, value: Any, *, model: bool = True) -> None:
        """Record the questionnaire's own proposal for ``path`` (used when the file has none).

        ``model``: the proposal is the AVECsanté model's choice (the four collèges…), shown as
        such; otherwise it is only derived from other answers (an identifier, the siège's commune).
        """
        put(self.suggested, path, value)
        if model:
            self._model_choices.add(format_path(path))
        else:
            self._model_choices.discard(format_path(path))

    def proposal(self, path: PathKey) -> tuple[Any, str]:
        """Return the value proposed for ``path`` and where it comes from."""
        for source, data in (("réponse", self.answers), ("fichier", self.previous)):
            value = lookup(data, path)
            if value is not MISSING:
                return value, source
        value = lookup(self.suggested, path)
        if value is not MISSING:
            return copy.deepcopy(value), "suggestion"
        default = schema_view.default(path)
        if default is not MISSING:
            return copy.deepcopy(default), "modele"
        return MISSING, ""

    def existing(self, path: PathKey) -> Any:
        """Return what the answers or the resumed file hold at ``path`` (``MISSING`` if nothing)."""
        value = lookup(self.answers, path)
        return value if value is not MISSING else lookup(self.previous, path)

    # --- showing ----------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        """Show a line, unless every proposal is taken without asking (or replayed)."""
        if not self.auto and not self.skip:
            self.terminal.say(text)

    def section(self, title: str, intro: str) -> None:
        """Open a theme of the questionnaire."""
        self._section = title
        self.say()
        self.say(f"━━ {title} ━━")
        self.say(intro)

    def _header(
        self,
        key: str,
        *,
        path: PathKey | None,
        title: str,
        proposal: Any,
        source: str,
        choices: Sequence[Choice],
    ) -> None:
        self.say()
        self.say(title)
        described = schema_view.description(path) if path is not None else None
        if described:
            # The codes the description names are said in the words of the choices listed below.
            said = aides.en_mots(described, [(str(c.value), c.text) for c in choices])
            self.say(f"  {said}")
        why = pourquoi.POURQUOI.get(key, "")
        model = schema_view.default(path) if path is not None else MISSING
        if path is not None and any(
            format_path(path[:cut]) in self._model_choices for cut in range(1, len(path) + 1)
        ):
            suggestion = lookup(self.suggested, path)
            model = model if suggestion is MISSING else suggestion
        if model is not MISSING and why:
            self.say(f"  Modèle AVECsanté\u00a0: {libelles.libelle_de(key, model)}. {why}")
        elif why:
            self.say(f"  Pourquoi\u00a0: {why}")
        if source == "fichier":
            self.say(f"  {self.origin}\u00a0: {shown(proposal)}.")
        for number, choice in enumerate(choices, 1):
            self.say(f"    {number}. {choice.text}")

    def _prompt(self, title: str, proposal: Any, hint: str = "", choices: Sequence[Choice] = ()) -> str:
        label = next(
            (c.text for c in choices if c.value == proposal and type(c.value) is type(proposal)), None
        )
        default = "" if proposal is MISSING else f" [{label or shown(proposal)}]"
        text = self.terminal.ask(f"{title}{hint}{default}").strip()
        if saisie.nettoyer(text).casefold() == RETOUR:
            raise GoBack
        return text

    def refuse(self, message: str) -> None:
        """Explain why an answer is refused (it is asked again)."""
        self.say(f"  ✗ {message}")

    # --- reading one answer -------------------------------------------------------------------

    def convert(self, path: PathKey, text: str, choices: Sequence[Choice], optional: bool) -> Any:
        """Turn the typed text into the value the schema expects at ``path`` (``SaisieError`` if not)."""
        return convert(path, text, choices, optional)

    def _problems(self, path: PathKey, value: Any, choices: Sequence[Choice]) -> list[str]:
        if value is DELETE:
            return []
        if choices and value not in [c.value for c in choices]:
            options = ", ".join(c.text for c in choices)
            return [f"« {shown(value)} » n'est pas l'une des réponses possibles ({options})"]
        return schema_view.problems(path, value)

    def _read(
        self,
        title: str,
        proposal: Any,
        parse: Callable[[str], Any],
        problems: Callable[[Any], list[str]],
        *,
        optional: bool = False,
        hint: str = "",
        choices: Sequence[Choice] = (),
    ) -> Any:
        """Prompt until an answer passes ``problems``; an empty line takes the proposal."""
        while True:
            text = self._prompt(title, proposal, hint, choices)
            if not text:
                if proposal is MISSING:
                    if optional:
                        return DELETE
                    self.refuse("une réponse est attendue")
                    continue
                value = proposal
            else:
                try:
                    value = parse(text)
                except saisie.SaisieError as refused:
                    self.refuse(str(refused))
                    continue
            refused_now = problems(value)
            if not refused_now:
                return value
            for problem in refused_now:
                self.refuse(problem)

    def _take(
        self, where: str, title: str, proposal: Any, problems: Callable[[Any], list[str]], optional: bool
    ) -> Any:
        """With ``--defauts``: return the proposal, or stop when there is none or it is refused."""
        if proposal is MISSING:
            if optional:
                return DELETE
            raise NoDefaultError(
                f"--defauts : la question « {title} » ({where}) n'a pas de valeur par défaut ; "
                "donnez-la dans le fichier de --depuis ou répondez aux questions"
            )
        refused = problems(proposal)
        if refused:
            raise AutoAnswerError(f"--defauts : {where} : {' ; '.join(refused)}")
        return proposal

    def replayed(self, proposal: Any, problems: Callable[[Any], list[str]], optional: bool) -> Any:
        """While replaying, return the proposal if it stands as an answer; else stop replaying."""
        if not self.skip:
            return MISSING
        if proposal is MISSING and optional:
            value: Any = DELETE
        elif proposal is MISSING or problems(proposal):
            value = MISSING
        else:
            value = proposal
        if value is MISSING:
            self.skip = 0
            self.say(f"━━ {self._section} (suite) ━━")
        else:
            self.skip -= 1
            if not self.skip:
                self.say(f"━━ {self._section} (suite) ━━")
        return value

    def answered(self, value: Any) -> Any:
        """Count one answered question (a rule's re-ask aside) and return its answer."""
        if not self.rechecking:
            self.count += 1
        return value

    def ask(
        self,
        path: PathKey,
        *,
        title: str | None = None,
        choices: Sequence[Choice] = (),
        optional: bool = False,
        check: Callable[[Any], list[str]] | None = None,
    ) -> Any:
        """Ask the question at ``path`` until the answer fits; return it without storing it."""
        title = title or schema_view.title(path)
        proposal, source = self.proposal(path)
        if proposal is DELETE:
            proposal = MISSING

        def problems(value: Any) -> list[str]:
            return self._problems(path, value, choices) + (
                check(value) if check and value is not DELETE else []
            )

        self.asked.append(pattern_of(path))
        if self.auto:
            return self._take(format_path(path), title, proposal, problems, optional)
        again = self.replayed(proposal, problems, optional)
        if again is not MISSING:
            return self.answered(again)
        self._header(
            pattern_of(path), path=path, title=title, proposal=proposal, source=source, choices=choices
        )
        hint = " (oui/non)" if schema_view.types(path) - {"null"} == {"boolean"} else ""
        return self.answered(
            self._read(
                title,
                proposal,
                lambda text: self.convert(path, text, choices, optional),
                problems,
                optional=optional,
                hint=hint,
                choices=choices,
            )
        )

    def value(self, path: PathKey, **options: Any) -> Any:
        """Ask the question at ``path``, store the answer and remember how to ask it again."""
        self.register(path, lambda: self.value(path, **options))
        answer = self.ask(path, **options)
        self.put(path, answer)
        return answer

    def register(self, path: PathKey, again: Callable[[], Any]) -> None:
        """Remember how to ask again the question (or group of questions) that answers ``path``."""
        self.reasking[format_path(path)] = again

    def pick(self, key: str, title: str, choices: Sequence[Choice], proposal: Any) -> Any:
        """Ask a choice that is not an answer of the file (« personne physique ou morale ? »)."""
        values = [c.value for c in choices]

        def problems(value: Any) -> list[str]:
            if value in values:
                return []
            return [
                f"« {shown(value)} » n'est pas l'une des réponses possibles "
                f"({', '.join(c.text for c in choices)})"
            ]

        self.asked.append(key)
        if self.auto:
            return self._take(key, title, proposal, problems, False)
        again = self.replayed(proposal, problems, False)
        if again is not MISSING:
            return self.answered(again)
        self._header(key, path=None, title=title, proposal=proposal, source="", choices=choices)

        def parse(text: str) -> Any:
            value = chosen(saisie.nettoyer(text), choices)
            return text if value is MISSING else value

        return self.answered(self._read(title, proposal, parse, problems, choices=choices))

    def confirm(self, key: str, title: str, proposal: bool) -> bool:
        """Ask a oui/non question that is not an answer of the file."""

        def problems(value: Any) -> list[str]:
            return [] if isinstance(value, bool) else [f"« {value} » : répondez oui ou non"]

        self.asked.append(key)
        if self.auto:
            return bool(self._take(key, title, proposal, problems, False))
        again = self.replayed(proposal, problems, False)
        if again is not MISSING:
            return bool(self.answered(again))
        self._header(key, path=None, title=title, proposal=proposal, source="", choices=())
        return bool(self.answered(self._read(title, proposal, saisie.oui_non, problems, hint=" (oui/non)")))

    # --- checking the answers so far (in ``controle``) ----------------------------------------

    def reask(self, finding: Finding) -> bool:
        """Explain a finding and ask again the question it points at; tell whether there was one."""
        return controle.reask(self, finding)

    def findings(self) -> list[Finding]:
        """Check the answers so far, completed by placeholders, with the schema and the rules."""
        return controle.findings(self)

    def check_rules(self) -> None:
        """Show every error of the answers so far at once, re-ask only the faulty questions, warn."""
        controle.check_rules(self)

    # --- lists (asked in ``listes``) -------------------------------------------------------------

    def many(self, path: PathKey, *, choices: Sequence[Choice] = (), title: str | None = None) -> list[Any]:
        """Ask a list in one line: numbers, codes or labels of ``choices``, or texts, separated by commas."""
        return listes.many(self, path, choices=choices, title=title)

    def texts(self, path: PathKey, item_title: str) -> list[Any]:
        """Ask a list of texts one by one; an empty line ends it, « - » drops a proposed item."""
        return listes.texts(self, path, item_title)

    def items(self, path: PathKey, noun: str, ask_item: Callable[[PathKey], None], minimum: int = 0) -> int:
        """Ask a list of objects item by item; after ``minimum`` items, ask whether to add another."""
        return listes.items(self, path, noun, ask_item, minimum)
