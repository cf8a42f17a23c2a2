"""The cross-field rules of the questionnaire spec: the AVECsanté model, the law, the seeds' advice.

The registry (:mod:`~generator.rules.registry`) holds every rule with its stable id, severity and
source; one module per theme registers its rules on import. Errors refuse the answers; warnings
go to the verification report. Every public name is importable from ``generator.rules``.
"""

from __future__ import annotations

# Importing a theme registers its rules.
from generator.rules import assemblee, bureau, colleges, deliberations, finances, forme
from generator.rules.registry import (
    AVERTISSEMENT,
    ERREUR,
    RULES,
    Problem,
    Rule,
    RuleFunction,
    rule,
    run_rules,
)

__all__ = [
    "AVERTISSEMENT",
    "ERREUR",
    "RULES",
    "Problem",
    "Rule",
    "RuleFunction",
    "assemblee",
    "bureau",
    "colleges",
    "deliberations",
    "finances",
    "forme",
    "rule",
    "run_rules",
]
