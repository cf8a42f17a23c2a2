"""Rules on the form of the association: Alsace-Moselle local law, inter-CPTS, seat and territory."""

from __future__ import annotations

from collections.abc import Iterator

from generator.labels import FONCTIONS
from generator.model import Cpts
from generator.rules.common import designations, fold
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule


@rule("E-ALSACE-MOSELLE", ERREUR, "Code civil local, art. 21 à 79-III (au moins sept fondateurs)")
def alsace_moselle(m: Cpts) -> Iterator[Problem]:
    """Under local law an association needs seven founders."""
    minimum = m.parametres.fondateurs_minimum_droit_local.valeur
    if m.droit_local and len(m.fondateurs) < minimum:
        yield (
            ("membres", "fondateurs"),
            (
                f"le département {m.association.departement} relève du droit local d'Alsace-Moselle : "
                f"il faut au moins {minimum} membres fondateurs pour "
                f"l'inscription au tribunal judiciaire ({len(m.fondateurs)} déclarés)"
            ),
        )


@rule("E-INTER-CPTS", ERREUR, "URPS Occitanie, Infos conseils n° 11 (2022) : gouvernance inter-CPTS")
def inter_cpts(m: Cpts) -> Iterator[Problem]:
    """An inter-CPTS has no CA, a deliberative CPTS collège, a consultative partners collège."""
    if not m.inter_cpts:
        return
    if m.conseil_administration is not None:
        yield (
            ("gouvernance", "conseil_administration"),
            (
                "une inter-CPTS n'a pas de conseil d'administration : l'assemblée des CPTS élit "
                "directement le bureau (retirez conseil_administration)"
            ),
        )
    cpts = m.college("cpts")
    partenaires = m.college("partenaires")
    if cpts is None or not cpts.deliberatif:
        yield (
            ("colleges",),
            ("une inter-CPTS a un collège « cpts » à voix délibérative (les CPTS membres)"),
        )
    if partenaires is None or partenaires.deliberatif:
        yield ("colleges",), ("une inter-CPTS a un collège « partenaires » à voix consultative")
    for college in m.colleges:
        if college.code not in {"cpts", "partenaires"}:
            yield (
                (*college.path, "code"),
                (f"une inter-CPTS n'a que deux collèges (cpts et partenaires), pas « {college.code} »"),
            )
    for fonction, d in designations(m):
        member = m.membre(d.membre)
        if member is not None and member.college != "cpts":
            yield (
                d.path,
                (
                    f"« {d.membre} » ({FONCTIONS[fonction]}) n'est pas une CPTS membre : le "
                    "bureau d'une inter-CPTS est choisi dans le collège des CPTS"
                ),
            )


@rule("W-SIEGE-HORS-TERRITOIRE", AVERTISSEMENT, "Cohérence du siège et du territoire")
def siege_hors_territoire(m: Cpts) -> Iterator[Problem]:
    """The registered office is usually in one of the territory's communes."""
    communes = {fold(c) for c in m.association.communes}
    if fold(m.association.siege.commune) not in communes:
        yield (
            ("association", "siege", "commune"),
            (
                f"la commune du siège (« {m.association.siege.commune} ») ne figure pas dans la liste "
                "des communes du territoire"
            ),
        )
