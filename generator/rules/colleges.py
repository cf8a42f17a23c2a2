"""Rules on the collèges and the roster: codes, unique members, seats on the CA, their balance."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Cpts
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule


@rule("E-COLLEGES", ERREUR, "Modèle AVECsanté, art. 5-2 (collèges)")
def colleges_valides(m: Cpts) -> Iterator[Problem]:
    """Collège codes are unique and every member's collège exists, so that each member has one."""
    seen: set[str] = set()
    for college in m.colleges:
        if college.code in seen:
            yield (
                (*college.path, "code"),
                (f"le code de collège « {college.code} » est déjà utilisé ; chaque collège a un code unique"),
            )
        seen.add(college.code)
    codes = ", ".join(c.code for c in m.colleges)
    for member in (*m.fondateurs, *m.honneur):
        if member.college is None:
            if not member.honneur:
                yield (
                    member.path,
                    (
                        f"le membre « {member.id} » n'a pas de collège ; ajoutez « college: » avec "
                        f"l'un des codes : {codes}"
                    ),
                )
        elif member.college not in seen:
            yield (
                (*member.path, "college"),
                (f"le collège « {member.college} » n'existe pas ; codes déclarés : {codes}"),
            )


@rule(
    "W-MODELE-COLLEGES",
    AVERTISSEMENT,
    "Modèle AVECsanté, art. 5-2 (collèges) ; loi du 1er juillet 1901 (liberté des statuts)",
)
def modele_colleges(m: Cpts) -> Iterator[Problem]:
    """One class of members departs from the model's collèges, which the law does not require."""
    if m.inter_cpts or len(m.colleges) != 1:
        return
    yield (
        ("colleges",),
        (
            "un seul collège : les statuts auront une classe unique de membres, sans article sur "
            "les collèges ni sièges du CA par collège. Le modèle AVECsanté répartit les membres en "
            "plusieurs collèges (professionnels de santé, structures d'exercice coordonné, "
            "usagers…) pour que chaque catégorie d'acteurs du territoire soit représentée au "
            "conseil d'administration ; la loi de 1901 ne l'impose pas"
        ),
    )


@rule("E-MEMBRES", ERREUR, "Loi du 1er juillet 1901, art. 1 (convention entre deux personnes)")
def membres_uniques(m: Cpts) -> Iterator[Problem]:
    """Member ids are unique, so that every reference names one member."""
    seen: set[str] = set()
    for member in (*m.fondateurs, *m.honneur):
        if member.id in seen:
            yield (
                (*member.path, "id"),
                (
                    f"l'identifiant « {member.id} » est déjà pris par un autre membre ; chaque membre "
                    "a un identifiant unique"
                ),
            )
        seen.add(member.id)


@rule("E-CA-SIEGES", ERREUR, "Modèle AVECsanté, art. 9 et 5-1 (CA représentatif des collèges)")
def sieges_ca(m: Cpts) -> Iterator[Problem]:
    """With a CA, every deliberative collège has a seat; honorary members hold none."""
    if m.conseil_administration is None:
        return
    for college in m.colleges:
        if not college.deliberatif and college.sieges_ca > 0:
            yield (
                (*college.path, "sieges_ca"),
                (
                    f"le collège « {college.code} » a voix consultative : ses membres ne sont ni "
                    "électeurs ni éligibles au conseil d'administration (sieges_ca: 0)"
                ),
            )
        if college.deliberatif and college.sieges_ca < 1:
            yield (
                (*college.path, "sieges_ca"),
                (
                    f"le collège « {college.code} » a voix délibérative mais aucun siège au conseil "
                    "d'administration ; donnez-lui au moins un siège (sieges_ca: 1)"
                ),
            )
    ag = m.ag_constitutive
    if ag is not None:
        for designation in ag.administrateurs_elus:
            member = m.membre(designation.membre)
            if member is not None and member.honneur:
                yield (
                    designation.path,
                    (
                        f"« {designation.membre} » est membre d'honneur : il ne peut pas siéger au "
                        "conseil d'administration"
                    ),
                )


@rule("W-EQUILIBRE", AVERTISSEMENT, "Guide AVECsanté 2019, « trouver le bon équilibre »")
def equilibre(m: Cpts) -> Iterator[Problem]:
    """One collège holding half the seats or more can block the CA (one class of members: none)."""
    ca = m.conseil_administration
    if ca is None or ca.sieges_total == 0 or len(m.colleges) < 2:
        return
    for college in m.colleges:
        if 2 * college.sieges_ca >= ca.sieges_total:
            yield (
                (*college.path, "sieges_ca"),
                (
                    f"le collège « {college.code} » détient {college.sieges_ca} des {ca.sieges_total} "
                    "sièges du CA : la moitié ou plus, soit une majorité de blocage"
                ),
            )


def _colleges_pourvus(m: Cpts) -> list[str]:
    """Return the deliberative collèges (inter-CPTS: the member CPTS) that can supply the bureau."""
    if m.inter_cpts:
        return [f.id for f in m.fondateurs if f.college == "cpts"]
    pourvus = {f.college for f in m.fondateurs if not f.honneur}
    return [c.code for c in m.colleges if c.deliberatif and c.code in pourvus]


@rule(
    "E-BUREAU-COLLEGES-POSSIBLE",
    ERREUR,
    "Modèle AVECsanté, art. 15-1 (bureau issu de collèges distincts) ; URPS Occitanie, Infos "
    "conseils n° 11 (2022) pour l'inter-CPTS",
)
def bureau_colleges_possible(m: Cpts) -> Iterator[Problem]:
    """The bureau can come from colleges_distincts_min collèges (or CPTS) that have founders.

    E-BUREAU-COLLEGES compares the minimum with the deliberative collèges the statuts create and
    with the bureau the assembly elected; a collège without any founding member cannot supply a
    member of the first bureau either, whoever elects it.
    """
    minimum = m.bureau.colleges_distincts_min
    path: tuple[str, ...] = ("gouvernance", "bureau", "colleges_distincts_min")
    pourvus = _colleges_pourvus(m)
    if m.inter_cpts:
        # The statuts let the bureau come from both CPTS when the collège counts only two.
        if minimum <= len(pourvus) or (len(pourvus) == 2 and minimum > 2):
            return
        yield (
            path,
            (
                f"le bureau doit être issu d'au moins {minimum} CPTS membres différentes (article des "
                f"statuts sur la composition du bureau) mais le collège des CPTS ne compte que "
                f"{len(pourvus)} CPTS fondatrice(s) ; ajoutez des CPTS fondatrices ou baissez "
                "colleges_distincts_min"
            ),
        )
        return
    deliberatifs = [c.code for c in m.colleges if c.deliberatif]
    if minimum > len(deliberatifs) or minimum <= len(pourvus):
        return  # beyond the deliberative collèges: E-BUREAU-COLLEGES says it
    vides = [code for code in deliberatifs if code not in pourvus]
    yield (
        path,
        (
            f"le bureau doit être issu d'au moins {minimum} collèges distincts (modèle AVECsanté, "
            f"art. 15-1, repris par l'article des statuts sur la composition du bureau) mais "
            f"{len(pourvus)} collège(s) délibératif(s) seulement ont des membres fondateurs ; "
            f"sans fondateur : {', '.join(vides)}. Ajoutez des fondateurs à ces collèges ou "
            "baissez colleges_distincts_min"
        ),
    )


@rule(
    "W-CHARTE",
    AVERTISSEMENT,
    "Statuts, article « Conditions d'adhésion » (le règlement intérieur précise les conditions) ; "
    "modèle AVECsanté, art. 21 (règlement approuvé par l'assemblée générale)",
)
def charte(m: Cpts) -> Iterator[Problem]:
    """A charte to sign is a condition of adhesion: its text must exist before it is approved."""
    conditions = m.adhesion.conditions
    if "signer_charte" not in conditions:
        return
    yield (
        ("adhesion", "conditions", conditions.index("signer_charte")),
        (
            "tout candidat doit signer la charte de l'association, que le règlement intérieur "
            "annexe : l'annexe produite n'en donne que le cadre ; les fondateurs rédigent la charte "
            "et la joignent au règlement intérieur avant l'assemblée générale constitutive, qui "
            "l'approuve avec lui"
        ),
    )
