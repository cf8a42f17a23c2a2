"""The registry of the cross-field rules: each rule with its stable id, severity and source.

A rule is a small function registered with :func:`rule`; it reads the model and yields
``(yaml path, French message)`` pairs. :func:`run_rules` turns them into findings located in the
answers file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.errors import Finding, Severity
from generator.loader import LoadedAnswers, PathKey
from generator.model import Cpts

Problem = tuple[PathKey, str]
RuleFunction = Callable[[Cpts], Iterator[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule: id, severity, source and the function that checks it."""

    id: str
    severity: Severity
    source: str
    check: RuleFunction


RULES: list[Rule] = []


def rule(rule_id: str, severity: Severity, source: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under its id."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.append(Rule(rule_id, severity, source, function))
        return function

    return register


ERREUR = Severity.ERREUR


AVERTISSEMENT = Severity.AVERTISSEMENT


def run_rules(model: Cpts, loaded: LoadedAnswers) -> list[Finding]:
    """Run every rule on the model; return the findings located in the answers file."""
    findings: list[Finding] = []
    for registered in RULES:
        for path, message in registered.check(model):
            findings.append(
                loaded.finding(registered.id, registered.severity, path, message, registered.source)
            )
    return findings
