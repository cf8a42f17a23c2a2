"""The cross-field rules of the questionnaire spec: the AVECsanté model, the law, the seeds' advice.

The registry (:mod:`~generator.rules.registry`) holds every rule with its stable id, severity and
source; one module per theme registers its rules on import. Errors refuse the answers; warnings
go to the verification report. Every public name is importable from ``generator.rules``.
"""

from __future__ import annotations

# Importing a theme registers its rules.
from generator.rules import assemblee, bureau, colleges, deliberations, finances, forme
from generator.rules import clauses as clauses  # registers E-CLAUSES
from generator.rules.assemblee import ag_constitutive, dirigeants_incomplets, votes_bureau_ca
from generator.rules.bureau import (
    bureau_au_sein_du_ca,
    colleges_du_bureau,
    controle_bureau,
    cumul_bureau,
    delegues,
    delegues_absents,
    fonctions_bureau,
    membres_honneur,
    parite_inter_cpts,
)
from generator.rules.colleges import (
    bureau_colleges_possible,
    charte,
    colleges_valides,
    equilibre,
    membres_uniques,
    sieges_ca,
)
from generator.rules.common import CIVILITES
from generator.rules.deliberations import (
    DELAI_MAX,
    MANDAT_MAX,
    MANDAT_MIN,
    delais,
    fractions,
    quorum_ago,
    renouvellement_total,
    reunions_ca,
)
from generator.rules.finances import (
    commissaire_aux_comptes,
    cotisation_echeance,
    depenses,
    indemnisation,
    indemnisation_plafond,
    plafond_pass,
)
from generator.rules.forme import (
    alsace_moselle,
    direction_marge,
    genre_des_titres,
    inter_cpts,
    siege_hors_territoire,
    signataires_statuts,
)
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
    "CIVILITES",
    "DELAI_MAX",
    "ERREUR",
    "MANDAT_MAX",
    "MANDAT_MIN",
    "RULES",
    "Problem",
    "Rule",
    "RuleFunction",
    "ag_constitutive",
    "alsace_moselle",
    "assemblee",
    "bureau",
    "bureau_au_sein_du_ca",
    "bureau_colleges_possible",
    "charte",
    "colleges",
    "colleges_du_bureau",
    "colleges_valides",
    "commissaire_aux_comptes",
    "controle_bureau",
    "cotisation_echeance",
    "cumul_bureau",
    "delais",
    "delegues",
    "delegues_absents",
    "deliberations",
    "depenses",
    "direction_marge",
    "dirigeants_incomplets",
    "equilibre",
    "finances",
    "fonctions_bureau",
    "forme",
    "fractions",
    "genre_des_titres",
    "indemnisation",
    "indemnisation_plafond",
    "inter_cpts",
    "membres_honneur",
    "membres_uniques",
    "parite_inter_cpts",
    "plafond_pass",
    "quorum_ago",
    "renouvellement_total",
    "reunions_ca",
    "rule",
    "run_rules",
    "siege_hors_territoire",
    "sieges_ca",
    "signataires_statuts",
    "votes_bureau_ca",
]
