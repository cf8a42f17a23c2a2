"""Ask one question at a time, check each answer as it is given, re-ask what the rules refuse.

Every answer is read as text, turned into the value the schema expects at its path (a number,
oui/non, a choice by number or code), and checked against that path's subschema; a refused
answer is explained in French and asked again. At the end of each theme the answers so far
(completed by placeholders for what is not asked yet) go through the schema and the rules of
``generator.rules``: an error on an answered question re-asks it, a warning is shown once.

The proposal for a question comes, in this order, from the answer already given (when a rule
re-asks it), the ``--depuis`` file, the questionnaire's suggestion, then the schema's default
(the AVECsanté model's choice).
"""

from __future__ import annotations

import copy
import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator import api
from generator.errors import Finding, Severity, UsageError, UserMessageError
from generator.init import pourquoi, schema_view
from generator.init.schema_view import MISSING
from generator.init.terminal import Terminal
from generator.loader import LoadedAnswers, PathKey, format_path


class _Delete:
    """Marks an optional key the user emptied: the writer removes it from the file."""

    def __repr__(self) -> str:
        return "DELETE"

    def __deepcopy__(self, memo: dict[int, Any]) -> _Delete:
        return self  # one marker, compared by identity


DELETE: Any = _Delete()

_OUI = {"oui", "o", "yes", "y", "true", "vrai"}
_NON = {"non", "n", "no", "false", "faux"}
_AUCUN = {"aucun", "aucune", "-", "null", "néant"}
_INT = re.compile(r"[+-]?[0-9][0-9 \u00a0\u202f]*")
_DECIMAL = re.compile(r"[+-]?[0-9][0-9 \u00a0\u202f]*[.,][0-9]+")
_SPACES = re.compile(r"[ \u00a0\u202f]")


class NoDefaultError(UsageError):
    """``--defauts`` met a question that has neither a default nor an answer in ``--depuis``."""


class AutoAnswerError(UserMessageError):
    """``--defauts`` took a proposal that the schema or the rules refuse: invalid answers (exit 1)."""

    exit_code = 1


def shown(value: Any) -> str:
    """Return how a proposed value is shown in a question (« oui », « aucun », a list…)."""
    if value is None or value is DELETE:
        return "aucun"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value) if value else "aucun"
    if isinstance(value, dict):
        return ", ".join(f"{k} : {shown(v)}" for k, v in value.items())
    return str(value)


def pattern_of(path: PathKey) -> str:
    """Return the key of ``path`` in ``pourquoi.POURQUOI``: list indexes become ``*``."""
    return ".".join("*" if isinstance(part, int) else part for part in path)


def _lookup(data: Any, path: PathKey) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return MISSING
        elif not isinstance(data, dict) or part not in data:
            return MISSING
        data = data[part]
    return data


def _put(data: Any, path: PathKey, value: Any) -> None:
    """Set ``value`` at ``path`` in nested data, creating dictionaries and list items on the way."""
    target: Any = data
    for part, following in itertools.pairwise(path):
        if isinstance(part, int):
            while len(target) <= part:
                target.append({} if isinstance(following, str) else [])
            if not isinstance(target[part], (dict, list)):
                target[part] = {} if isinstance(following, str) else []
        elif part not in target or not isinstance(target[part], (dict, list)):
            target[part] = [] if isinstance(following, int) else {}
        target = target[part]
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append(None)
    target[last] = value


def without_deleted(data: Any) -> Any:
    """Return a copy of answers without the keys marked for deletion."""
    if isinstance(data, dict):
        return {k: without_deleted(v) for k, v in data.items() if v is not DELETE}
    if isinstance(data, list):
        return [without_deleted(v) for v in data]
    return data


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a choice question: the value written and how it is described."""

    value: Any
    label: str = ""


class Engine:
    """Asks questions on a terminal (or takes every proposal with ``auto``) and keeps the answers."""

    def __init__(
        self,
        terminal: Terminal,
        previous: Mapping[str, Any] | None = None,
        auto: bool = False,
        stub: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> None:
        """Start with no answer; ``previous`` is the ``--depuis`` file's data."""
        self.terminal = terminal
        self.previous: Mapping[str, Any] = previous or {}
        self.auto = auto
        self.answers: dict[str, Any] = {}
        self.suggested: dict[str, Any] = {}
        self._stub = stub or (lambda data: data)
        self._reask: dict[str, Callable[[], Any]] = {}
        self._warned: set[tuple[str, str, str]] = set()
        self._model_choices: set[str] = set()
        self.asked: list[str] = []  # the key of each question asked (for the « why » lines)

    # --- answers --------------------------------------------------------------------------

    def get(self, path: PathKey, fallback: Any = None) -> Any:
        """Return the answer given at ``path``, or ``fallback``."""
        value = _lookup(self.answers, path)
        return fallback if value is MISSING or value is DELETE else value

    def put(self, path: PathKey, value: Any) -> None:
        """Store an answer, creating the dictionaries and list items on the way."""
        _put(self.answers, path, value)

    def unset(self, path: PathKey) -> None:
        """Forget the answer at ``path``: the proposal comes again from the file or the defaults."""
        parent = _lookup(self.answers, path[:-1])
        if isinstance(parent, dict):
            parent.pop(path[-1], None)

    def truncate(self, path: PathKey, length: int) -> None:
        """Keep the first ``length`` items of the answered list at ``path`` (an empty list if none)."""
        current = _lookup(self.answers, path)
        self.put(path, current[:length] if isinstance(current, list) else [])

    def suggest(self, path: PathKey, value: Any, *, model: bool = True) -> None:
        """Record the questionnaire's own proposal for ``path`` (used when the file has none).

        ``model``: the proposal is the AVECsanté model's choice (the four collèges…), shown as
        such; otherwise it is only derived from other answers (an identifier, the siège's commune).
        """
        _put(self.suggested, path, value)
        if model:
            self._model_choices.add(format_path(path))
        else:
            self._model_choices.discard(format_path(path))

    def proposal(self, path: PathKey) -> tuple[Any, str]:
        """Return the value proposed for ``path`` and where it comes from."""
        for source, data in (("réponse", self.answers), ("fichier", self.previous)):
            value = _lookup(data, path)
            if value is not MISSING:
                return value, source
        value = _lookup(self.suggested, path)
        if value is not MISSING:
            return copy.deepcopy(value), "suggestion"
        default = schema_view.default(path)
        if default is not MISSING:
            return copy.deepcopy(default), "modele"
        return MISSING, ""

    def existing(self, path: PathKey) -> Any:
        """Return what the answers or the ``--depuis`` file hold at ``path`` (``MISSING`` if nothing)."""
        value = _lookup(self.answers, path)
        return value if value is not MISSING else _lookup(self.previous, path)

    # --- showing ----------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        """Show a line, unless every proposal is taken without asking."""
        if not self.auto:
            self.terminal.say(text)

    def section(self, title: str, intro: str) -> None:
        """Open a theme of the questionnaire."""
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
            self.say(f"  {described}")
        why = pourquoi.POURQUOI.get(key, "")
        model = schema_view.default(path) if path is not None else MISSING
        if path is not None and any(
            format_path(path[:cut]) in self._model_choices for cut in range(1, len(path) + 1)
        ):
            suggestion = _lookup(self.suggested, path)
            model = model if suggestion is MISSING else suggestion
        if model is not MISSING and why:
            self.say(f"  Modèle AVECsanté\u00a0: {shown(model)}. {why}")
        elif why:
            self.say(f"  Pourquoi\u00a0: {why}")
        if source == "fichier":
            self.say(f"  Dans votre fichier\u00a0: {shown(proposal)}.")
        for number, choice in enumerate(choices, 1):
            label = f" — {choice.label}" if choice.label else ""
            self.say(f"    {number}. {shown(choice.value)}{label}")

    def _prompt(self, title: str, proposal: Any, hint: str = "") -> str:
        default = "" if proposal is MISSING else f" [{shown(proposal)}]"
        return self.terminal.ask(f"{title}{hint}{default}").strip()

    def refuse(self, message: str) -> None:
        """Explain why an answer is refused (it is asked again)."""
        self.say(f"  ✗ {message}")

    # --- reading one answer -------------------------------------------------------------------

    def _convert(self, path: PathKey, text: str, choices: Sequence[Choice], optional: bool) -> Any:
        """Turn the typed text into the value the schema expects at ``path``."""
        text = unicodedata.normalize("NFC", text)
        folded = text.casefold()
        if choices:
            if text.isdigit() and 1 <= int(text) <= len(choices):
                return choices[int(text) - 1].value
            for choice in choices:
                if folded == shown(choice.value).casefold():
                    return choice.value
        kinds = schema_view.types(path)
        if folded in _AUCUN:
            if "null" in kinds:
                return None
            if optional:
                return DELETE
        if "boolean" in kinds:
            if folded in _OUI:
                return True
            if folded in _NON:
                return False
        if "integer" in kinds and _INT.fullmatch(text):
            return int(_SPACES.sub("", text))
        if "number" in kinds and _DECIMAL.fullmatch(text):
            number = float(_SPACES.sub("", text).replace(",", "."))
            return int(number) if number.is_integer() else number
        return text

    def _problems(self, path: PathKey, value: Any, choices: Sequence[Choice]) -> list[str]:
        if value is DELETE:
            return []
        if choices and value not in [c.value for c in choices]:
            options = ", ".join(shown(c.value) for c in choices)
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
    ) -> Any:
        """Prompt until an answer passes ``problems``; an empty line takes the proposal."""
        while True:
            text = self._prompt(title, proposal, hint)
            if not text:
                if proposal is MISSING:
                    if optional:
                        return DELETE
                    self.refuse("une réponse est attendue")
                    continue
                value = proposal
            else:
                value = parse(text)
            refused = problems(value)
            if not refused:
                return value
            for problem in refused:
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
        self._header(
            pattern_of(path), path=path, title=title, proposal=proposal, source=source, choices=choices
        )
        hint = " (oui/non)" if schema_view.types(path) - {"null"} == {"boolean"} else ""
        return self._read(
            title,
            proposal,
            lambda text: self._convert(path, text, choices, optional),
            problems,
            optional=optional,
            hint=hint,
        )

    def value(self, path: PathKey, **options: Any) -> Any:
        """Ask the question at ``path``, store the answer and remember how to ask it again."""
        self.register(path, lambda: self.value(path, **options))
        answer = self.ask(path, **options)
        self.put(path, answer)
        return answer

    def register(self, path: PathKey, again: Callable[[], Any]) -> None:
        """Remember how to ask again the question (or group of questions) that answers ``path``."""
        self._reask[format_path(path)] = again

    def pick(self, key: str, title: str, choices: Sequence[Choice], proposal: Any) -> Any:
        """Ask a choice that is not an answer of the file (« personne physique ou morale ? »)."""
        values = [c.value for c in choices]

        def problems(value: Any) -> list[str]:
            if value in values:
                return []
            return [
                f"« {shown(value)} » n'est pas l'une des réponses possibles ({', '.join(map(shown, values))})"
            ]

        self.asked.append(key)
        if self.auto:
            return self._take(key, title, proposal, problems, False)
        self._header(key, path=None, title=title, proposal=proposal, source="", choices=choices)

        def parse(text: str) -> Any:
            folded = text.casefold()
            if text.isdigit() and 1 <= int(text) <= len(choices):
                return choices[int(text) - 1].value
            for choice in choices:
                if folded == shown(choice.value).casefold():
                    return choice.value
            return text

        return self._read(title, proposal, parse, problems)

    def confirm(self, key: str, title: str, proposal: bool) -> bool:
        """Ask a oui/non question that is not an answer of the file."""

        def parse(text: str) -> Any:
            folded = text.casefold()
            return True if folded in _OUI else False if folded in _NON else text

        def problems(value: Any) -> list[str]:
            return [] if isinstance(value, bool) else [f"« {value} » : répondez oui ou non"]

        self.asked.append(key)
        if self.auto:
            return bool(self._take(key, title, proposal, problems, False))
        self._header(key, path=None, title=title, proposal=proposal, source="", choices=())
        return bool(self._read(title, proposal, parse, problems, hint=" (oui/non)"))

    # --- lists ------------------------------------------------------------------------------------

    def many(self, path: PathKey, *, choices: Sequence[Choice] = (), title: str | None = None) -> list[Any]:
        """Ask a list in one line: numbers or codes of ``choices``, or free texts, separated by commas."""
        self.register(path, lambda: self.many(path, choices=choices, title=title))
        title = title or schema_view.title(path)
        proposal, source = self.proposal(path)
        if proposal is DELETE:
            proposal = MISSING

        def parse(text: str) -> Any:
            if text.casefold() in _AUCUN:
                return []
            parts = [p.strip() for p in re.split(r"[,;]", unicodedata.normalize("NFC", text)) if p.strip()]
            item_path = (*path, 0)
            return [self._convert(item_path, part, choices, False) for part in parts]

        def problems(value: Any) -> list[str]:
            refused = (
                [problem for item in value for problem in self._problems((*path, 0), item, choices)]
                if choices
                else []
            )
            return refused or schema_view.problems(path, value)

        self.asked.append(pattern_of(path))
        if self.auto:
            answer = self._take(format_path(path), title, proposal, problems, False)
        else:
            self._header(
                pattern_of(path), path=path, title=title, proposal=proposal, source=source, choices=choices
            )
            hint = (
                " (numéros ou codes séparés par des virgules)" if choices else " (séparés par des virgules)"
            )
            answer = self._read(title, proposal, parse, problems, hint=hint)
        self.put(path, answer)
        return list(answer)

    def texts(self, path: PathKey, item_title: str) -> list[str]:
        """Ask a list of texts one by one; an empty line ends it, « - » drops a proposed item."""
        self.register(path, lambda: self.texts(path, item_title))
        title = schema_view.title(path)
        proposal, source = self.proposal(path)
        proposed = list(proposal) if isinstance(proposal, list) else []
        self.asked.append(pattern_of(path))
        if self.auto:
            taken = self._take(
                format_path(path), title, proposed, lambda v: schema_view.problems(path, v), False
            )
            self.put(path, taken)
            return list(taken)
        self._header(pattern_of(path), path=path, title=title, proposal=proposed, source=source, choices=())
        self.say("  Une réponse par ligne ; ligne vide pour terminer, « - » pour retirer l'élément proposé.")
        while True:
            answer: list[str] = []
            index = 0
            while True:
                default = proposed[index] if index < len(proposed) else MISSING
                text = self._prompt(f"{item_title} n° {len(answer) + 1}", default)
                if text == "-":
                    index += 1
                    continue
                if not text:
                    if default is MISSING:
                        break
                    text = default
                text = unicodedata.normalize("NFC", text)
                refused = schema_view.problems((*path, 0), text)
                if text in answer:
                    refused.append(f"« {text} » est déjà dans la liste")
                if refused:
                    for problem in refused:
                        self.refuse(problem)
                    continue
                answer.append(text)
                index += 1
            refused = schema_view.problems(path, answer)
            if not refused:
                break
            for problem in refused:
                self.refuse(problem)
            proposed = answer
        self.put(path, answer)
        return answer

    def items(self, path: PathKey, noun: str, ask_item: Callable[[PathKey], None], minimum: int = 0) -> int:
        """Ask a list of objects item by item; after ``minimum`` items, ask whether to add another."""
        self.register(path, lambda: self.items(path, noun, ask_item, minimum))
        proposal, _ = self.proposal(path)
        proposed = len(proposal) if isinstance(proposal, list) else 0
        count = 0
        while True:
            if count >= minimum:
                more = self.confirm(
                    pattern_of(path), f"{noun.capitalize()} n° {count + 1}, encore un ?", count < proposed
                )
                if not more:
                    break
            self.say(f"── {noun.capitalize()} n° {count + 1}")
            ask_item((*path, count))
            count += 1
        self.truncate(path, count)
        return count

    # --- checking the answers so far ----------------------------------------------------------

    def _owner(self, finding: Finding) -> Callable[[], Any] | None:
        """Return how to re-ask the answered question that a finding points at, if any.

        The question asked at the finding's path, else the closest one above it (a list or an
        object), else the first one asked inside it.
        """
        where = finding.path
        if where in self._reask:
            return self._reask[where]
        above = [k for k in self._reask if where.startswith((f"{k}.", f"{k}["))]
        if above:
            return self._reask[max(above, key=len)]
        below = [k for k in self._reask if k.startswith((f"{where}.", f"{where}["))]
        if below:
            return self._reask[min(below, key=len)]
        return None

    def reask(self, finding: Finding) -> bool:
        """Explain a finding and ask again the question it points at; tell whether there was one."""
        again = self._owner(finding)
        if again is None:
            return False
        self.say()
        self.refuse(f"{finding.message} [{finding.rule}]")
        again()
        return True

    def findings(self) -> list[Finding]:
        """Check the answers so far, completed by placeholders, with the schema and the rules."""
        data = self._stub(without_deleted(copy.deepcopy(self.answers)))
        return list(api.check_loaded(LoadedAnswers(file="", data=data)).findings)

    def check_rules(self) -> None:
        """Re-ask every answered question that an error points at, then show the new warnings."""
        while True:
            errors = [
                (finding, again)
                for finding in self.findings()
                if finding.severity is Severity.ERREUR and (again := self._owner(finding)) is not None
            ]
            if not errors:
                break
            if self.auto:
                raise AutoAnswerError(
                    "--defauts : " + " ; ".join(f"{f.path} : {f.message} [{f.rule}]" for f, _ in errors)
                )
            self.reask(errors[0][0])
        for finding in self.findings():
            key = (finding.rule, finding.path, finding.message)
            fresh = finding.severity is Severity.AVERTISSEMENT and key not in self._warned
            if fresh and self._owner(finding) is not None:
                self._warned.add(key)
                self.say(f"  ⚠ Attention\u00a0: {finding.message} [{finding.rule}]")
