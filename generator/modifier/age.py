"""The ``age`` section of the amended answers, and the rules ``E-AGE-…`` that hold it to the law.

The quorum and the majority are those of the statuts IN FORCE (the old answers): the members vote
the amendment under the rules they adopted, never under the ones they are about to adopt. Each
message cites the article of the statuts in force that sets the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from generator import labels, typography
from generator.errors import Finding, Severity
from generator.loader import LoadedAnswers, PathKey
from generator.model import Assemblees

ENSEMBLE = "ensemble"
# The last resolution, powers for the formalities: an ordinary decision (simple majority).
FORMALITES = "pouvoirs_formalites"  # not an article label (« formalites » is one)
SOURCE_STATUTS = "Statuts en vigueur (loi du 1er juillet 1901, art. 5 ; AVECsanté art. 16-3)"


@dataclass(frozen=True, slots=True)
class AgeVote:
    """The vote on one resolution: unanimity, or the counts."""

    unanimite: bool
    pour: int
    contre: int
    abstention: int
    path: PathKey

    def counts(self, votants: int) -> tuple[int, int, int]:
        """Return (pour, contre, abstention), unanimity counting every voter for."""
        if self.unanimite:
            return votants, 0, 0
        return self.pour, self.contre, self.abstention


@dataclass(frozen=True, slots=True)
class Age:
    """The extraordinary general assembly that amends the statuts."""

    date: dt.date
    heure: str
    lieu: str
    membres_a_jour: int
    presents: int
    representes: int
    president_seance: str
    secretaire_seance: str
    seconde_convocation: bool
    votes: Mapping[str, AgeVote]

    @property
    def votants(self) -> int:
        """Return the members present or represented, who vote."""
        return self.presents + self.representes


def parse_age(data: Mapping[str, Any]) -> Age | None:
    """Return the ``age`` section of schema-valid answers (defaults applied), or None."""
    section = data.get("age")
    if section is None:
        return None
    votes: dict[str, AgeVote] = {}
    for label, vote in section["votes"].items():
        path: PathKey = ("age", "votes", label)
        if vote == "unanimite":
            votes[label] = AgeVote(True, 0, 0, 0, path)
        else:
            votes[label] = AgeVote(
                False, vote["pour"], vote.get("contre", 0), vote.get("abstention", 0), path
            )
    date = section["date"]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return Age(
        date=date,
        heure=section["heure"].replace("h", ":"),
        lieu=section["lieu"],
        membres_a_jour=section["membres_a_jour"],
        presents=section["presents"],
        representes=section["representes"],
        president_seance=section["president_seance"],
        secretaire_seance=section["secretaire_seance"],
        seconde_convocation=section["seconde_convocation"],
        votes=votes,
    )


def quorum_requis(fraction: str, membres: int) -> int:
    """Return how many members must be present or represented for ``fraction`` of ``membres``."""
    if fraction == "1/2+1":
        return membres // 2 + 1
    numerator, _, denominator = fraction.partition("/")
    needed = Fraction(int(numerator), int(denominator)) * membres
    return int(needed) + (0 if needed.denominator == 1 else 1)


def pour_requis(majorite: str, votants: int, pour: int, contre: int) -> bool:
    """Tell whether ``pour`` votes reach ``majorite`` (codes as ``labels.majorite`` reads them).

    « simple »: more for than against among the votes cast; « absolue » and « 1/2+1 »: more than
    half the members present or represented; a fraction: at least that share of them; « unanimite »:
    all of them.
    """
    if majorite == "simple":
        return pour > contre
    if majorite in {"absolue", "1/2+1"}:
        return 2 * pour > votants
    if majorite == "unanimite":
        return pour == votants
    numerator, _, denominator = majorite.partition("/")
    return pour * int(denominator) >= int(numerator) * votants


@dataclass(frozen=True, slots=True)
class Resolution:
    """One resolution of the AGE: the articles it amends and the vote it got (or None: blanks)."""

    cle: str
    articles: tuple[str, ...]
    vote: AgeVote | None


def resolutions(age: Age, modifies: tuple[str, ...]) -> tuple[Resolution, ...]:
    """Return the resolutions: one for the whole, or one per article then the vote on the whole text.

    ``ensemble`` alone is one resolution that makes every modification and adopts the text. With
    votes per article, each article is voted on, then the whole amended text (and the renumbering
    it brings) is adopted by a last resolution, whose vote is ``ensemble``: the agenda's « adoption
    du texte des statuts modifiés » is a decision, and a PV records each decision with its vote.
    """
    per_article = [label for label in modifies if label in age.votes]
    if not modifies or (ENSEMBLE in age.votes and not per_article):
        return (Resolution(ENSEMBLE, modifies, age.votes.get(ENSEMBLE)),)
    return (
        *(Resolution(label, (label,), age.votes.get(label)) for label in modifies),
        Resolution(ENSEMBLE, modifies, age.votes.get(ENSEMBLE)),
    )


Problem = tuple[str, PathKey, str]


def check(
    age: Age,
    assemblees: Assemblees,
    modifies: tuple[str, ...],
    article_age: str,
) -> list[Problem]:
    """Return the problems of the AGE as (rule, YAML path, message); ``article_age`` is its number."""
    problems: list[Problem] = []
    cite = f"l'article {article_age} des statuts en vigueur"
    if age.votants > age.membres_a_jour:
        problems.append(
            (
                "E-AGE-EFFECTIF",
                ("age", "representes"),
                f"{age.presents} présents et {age.representes} représentés font {age.votants} "
                f"votants, plus que les {age.membres_a_jour} membres à jour de cotisation",
            )
        )
    quorum = assemblees.extraordinaire_quorum
    if age.seconde_convocation and quorum is None:
        problems.append(
            (
                "E-AGE-QUORUM",
                ("age", "seconde_convocation"),
                f"{cite} ne prévoit pas de quorum, donc pas de seconde convocation : "
                "retirez seconde_convocation",
            )
        )
    elif quorum is not None and not age.seconde_convocation:
        requis = quorum_requis(quorum, age.membres_a_jour)
        if age.votants < requis:
            problems.append(
                (
                    "E-AGE-QUORUM",
                    ("age", "presents"),
                    f"quorum non atteint : {age.votants} membres présents ou représentés sur "
                    f"{age.membres_a_jour}, alors que {cite} en exige au moins {requis} "
                    f"({typography.fraction(quorum)} des membres) ; l'assemblée doit être convoquée "
                    "à nouveau (seconde_convocation: true)",
                )
            )
    for label, vote in age.votes.items():
        if label == FORMALITES:
            pour, contre, abstention = vote.counts(age.votants)
            if pour + contre + abstention > age.votants or pour <= contre:
                problems.append(
                    (
                        "E-AGE-VOTES",
                        vote.path,
                        f"le vote des pouvoirs pour les formalités ({pour} pour, {contre} contre, "
                        f"{abstention} abstentions) dépasse les {age.votants} votants ou n'est pas "
                        "adopté",
                    )
                )
            continue
        if label != ENSEMBLE and label not in modifies:
            connus = ", ".join(modifies) or "aucun"
            problems.append(
                (
                    "E-AGE-VOTES",
                    vote.path,
                    f"« {label} » n'est pas un article modifié ; articles modifiés : {connus}",
                )
            )
            continue
        pour, contre, abstention = vote.counts(age.votants)
        if pour + contre + abstention > age.votants:
            problems.append(
                (
                    "E-AGE-VOTES",
                    vote.path,
                    f"{pour + contre + abstention} votes pour « {label} » alors que "
                    f"{age.votants} membres seulement sont présents ou représentés",
                )
            )
            continue
        majorite = assemblees.extraordinaire_majorite_statuts
        if not pour_requis(majorite, age.votants, pour, contre):
            problems.append(
                (
                    "E-AGE-MAJORITE",
                    vote.path,
                    f"la résolution « {label} » n'est pas adoptée : {pour} voix pour, {contre} contre, "
                    f"{abstention} abstention(s) sur {age.votants} votants, alors que {cite} exige "
                    f"qu'elle soit prise {labels.majorite(majorite)}",
                )
            )
    return problems


def findings(problems: list[Problem], loaded: LoadedAnswers) -> list[Finding]:
    """Locate the problems in the amended answers file."""
    return [
        loaded.finding(rule, Severity.ERREUR, path, message, SOURCE_STATUTS)
        for rule, path, message in problems
    ]
