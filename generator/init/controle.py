"""The rules run on the answers so far: every error of a theme at once, only faulty questions again.

After each theme the answers (completed by placeholders for what is not asked yet) go through the
schema and the rules of ``generator.rules``, as ``cpts check`` does. The founder reads every
error in plain French (the rule ids are for advisors: ``cpts check`` shows them), then only the
questions these errors point at are asked again. A warning is shown once.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator import api
from generator.errors import Finding, Severity, UserMessageError
from generator.init.donnees import without_deleted
from generator.loader import LoadedAnswers

if TYPE_CHECKING:
    from generator.init.engine import Engine


class AutoAnswerError(UserMessageError):
    """``--defauts`` took a proposal that the schema or the rules refuse: invalid answers (exit 1)."""

    exit_code = 1


def owner(e: Engine, finding: Finding) -> Callable[[], Any] | None:
    """Return how to re-ask the answered question that a finding points at, if any.

    The question asked at the finding's path, else the closest one above it (a list or an
    object), else the first one asked inside it.
    """
    where = finding.path
    if where in e.reasking:
        return e.reasking[where]
    above = [k for k in e.reasking if where.startswith((f"{k}.", f"{k}["))]
    if above:
        return e.reasking[max(above, key=len)]
    below = [k for k in e.reasking if k.startswith((f"{where}.", f"{where}["))]
    if below:
        return e.reasking[min(below, key=len)]
    return None


def _again(e: Engine, again: Callable[[], Any]) -> None:
    e.rechecking = True  # a re-ask is not counted among the questions a draft replays
    try:
        again()
    finally:
        e.rechecking = False


def reask(e: Engine, finding: Finding) -> bool:
    """Explain a finding and ask again the question it points at; tell whether there was one."""
    again = owner(e, finding)
    if again is None:
        return False
    e.skip = 0
    e.say()
    e.refuse(finding.message)
    _again(e, again)
    return True


def findings(e: Engine) -> list[Finding]:
    """Check the answers so far, completed by placeholders, with the schema and the rules."""
    data = e.stub(without_deleted(copy.deepcopy(e.answers)))
    return list(api.check_loaded(LoadedAnswers(file="", data=data)).findings)


def check_rules(e: Engine) -> None:
    """Show every error of the answers so far at once, re-ask only the faulty questions, warn."""
    while True:
        errors = [
            (finding, again)
            for finding in findings(e)
            if finding.severity is Severity.ERREUR and (again := owner(e, finding)) is not None
        ]
        if not errors:
            break
        if e.auto:
            raise AutoAnswerError(
                "--defauts : " + " ; ".join(f"{f.path} : {f.message} [{f.rule}]" for f, _ in errors)
            )
        e.skip = 0
        e.say()
        e.say(f"{len(errors)} réponses à revoir\u00a0:" if len(errors) > 1 else "Une réponse à revoir\u00a0:")
        for finding, _ in errors:
            e.refuse(finding.message)
        owners: list[Callable[[], Any]] = []
        for _, again in errors:
            if again not in owners:
                owners.append(again)
        for again in owners:
            _again(e, again)
    for finding in findings(e):
        key = (finding.rule, finding.path, finding.message)
        fresh = finding.severity is Severity.AVERTISSEMENT and key not in e.warned
        if fresh and owner(e, finding) is not None:
            e.warned.add(key)
            e.say(f"  ⚠ Attention\u00a0: {finding.message}")
