"""Rules on the bureau: its functions, who may hold them, from which collèges, and its control."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.labels import FONCTIONS
from generator.model import Cpts
from generator.rules.common import designations, personne_designee
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule


@rule("E-BUREAU-FONCTIONS", ERREUR, "Modèle AVECsanté, art. 15-1 (composition du bureau)")
def fonctions_bureau(m: Cpts) -> Iterator[Problem]:
    """The bureau has a président (or two co-présidents, or none if collegial), a secrétaire, a trésorier.

    A collegial bureau has no président and no vice-président: naming one would contradict the
    statuts, which give the representation to the members the CA designates.
    """
    required = ["secretaire", "tresorier"] if m.bureau.collegial else ["president", "secretaire", "tresorier"]
    missing = [f for f in required if f not in m.bureau.fonctions]
    if missing:
        names = ", ".join(missing)
        yield (
            ("gouvernance", "bureau", "fonctions"),
            (
                f"il manque au bureau : {names} ; le bureau compte au moins "
                + ", ".join(required)
                + (
                    " (avec la co-présidence, « president » désigne les deux co-présidents)"
                    if m.bureau.co_presidence
                    else ""
                )
            ),
        )
    if m.bureau.collegial:
        presidence = [f for f in m.bureau.fonctions if f.startswith(("president", "vice_president"))]
        if presidence or m.bureau.co_presidence:
            yield (
                ("gouvernance", "bureau", "collegial"),
                (
                    "un bureau collégial n'a ni président ni vice-président (ni co-présidence) : "
                    "retirez "
                    + (", ".join(presidence) if presidence else "co_presidence")
                    + " ou mettez collegial: false"
                ),
            )
    for adjoint, principal in (
        ("secretaire_adjoint", "secretaire"),
        ("tresorier_adjoint", "tresorier"),
        ("vice_president_2", "vice_president"),
        ("vice_president_3", "vice_president_2"),
    ):
        if adjoint in m.bureau.fonctions and principal not in m.bureau.fonctions:
            yield (
                ("gouvernance", "bureau", "fonctions"),
                (f"la fonction {adjoint} suppose la fonction {principal}"),
            )


@rule(
    "W-MODELE-VICE-PRESIDENT",
    AVERTISSEMENT,
    "Modèle AVECsanté, art. 15-1 et 15-3 (vice-président) ; loi du 1er juillet 1901 (liberté des statuts)",
)
def modele_vice_president(m: Cpts) -> Iterator[Problem]:
    """A CPTS bureau without a vice-président departs from the model."""
    if m.modele != "cpts" or "vice_president" in m.bureau.fonctions:
        return
    if m.bureau.collegial:
        message = (
            "bureau collégial, sans président ni vice-président : les statuts font désigner par le "
            "conseil d'administration un ou plusieurs de ses membres pour représenter l'association. "
            "Le modèle AVECsanté confie la représentation à un président, assisté et suppléé par un "
            "vice-président, pour que les tiers et les banques aient un interlocuteur identifié ; "
            "la loi de 1901 n'impose aucune fonction"
        )
    else:
        message = (
            "le bureau n'a pas de vice-président : le modèle AVECsanté en prévoit un pour assister "
            "le président et le remplacer en cas d'absence ou d'empêchement ; sans lui, les statuts "
            "font désigner un président de séance par l'organe réuni. La loi de 1901 n'impose "
            "aucune fonction"
        )
    yield ("gouvernance", "bureau", "fonctions"), message


@rule("E-BUREAU-COLLEGES", ERREUR, "Modèle AVECsanté, art. 15-1 (au moins deux collèges)")
def colleges_du_bureau(m: Cpts) -> Iterator[Problem]:
    """Bureau members come from enough distinct collèges (inter-CPTS: distinct member CPTS)."""
    minimum = m.bureau.colleges_distincts_min
    path_min = ("gouvernance", "bureau", "colleges_distincts_min")
    if not m.inter_cpts:
        deliberatifs = sum(1 for c in m.colleges if c.deliberatif)
        if minimum > deliberatifs:
            yield (
                path_min,
                (
                    f"le bureau doit venir de {minimum} collèges distincts mais seuls {deliberatifs} "
                    "collèges ont voix délibérative ; baissez colleges_distincts_min"
                ),
            )
            return
    people = list(designations(m))
    if not people:
        return
    if m.inter_cpts:
        distinct = {d.membre for _, d in people}
        what = "CPTS membres distinctes"
    else:
        distinct = set()
        for _, d in people:
            member = m.membre(d.membre)
            if member is not None and member.college is not None:
                distinct.add(member.college)
        what = "collèges distincts"
    if len(distinct) < minimum:
        yield (
            ("ag_constitutive", "bureau_elu"),
            (
                f"les membres du bureau élu viennent de {len(distinct)} {what} ; il en faut au moins "
                f"{minimum} (colleges_distincts_min)"
            ),
        )


@rule("E-BUREAU-CUMUL", ERREUR, "Modèle AVECsanté, art. 15-1 (fonctions non cumulables)")
def cumul_bureau(m: Cpts) -> Iterator[Problem]:
    """No person holds two bureau functions."""
    held: dict[str, str] = {}
    for fonction, d in designations(m):
        person = personne_designee(m, d)
        if person in held and held[person] != fonction:
            who = d.personne or d.membre
            yield (
                d.path,
                (
                    f"« {who} » est déjà {FONCTIONS[held[person]]} : les fonctions du bureau "
                    "ne se cumulent pas"
                ),
            )
        elif person in held:
            yield d.path, f"« {d.personne or d.membre} » est désigné deux fois à la même fonction"
        held.setdefault(person, fonction)


@rule("E-BUREAU-CA", ERREUR, "Modèle AVECsanté, art. 15-1 (le CA élit en son sein un bureau)")
def bureau_au_sein_du_ca(m: Cpts) -> Iterator[Problem]:
    """With a CA, the bureau is chosen among the elected administrators."""
    if m.conseil_administration is None or m.ag_constitutive is None:
        return
    elus = {d.membre for d in m.ag_constitutive.administrateurs_elus}
    for fonction, d in designations(m):
        if d.membre not in elus:
            yield (
                d.path,
                (
                    f"« {d.membre} », désigné {FONCTIONS[fonction]}, n'est pas administrateur "
                    "élu : le bureau est élu au sein du conseil d'administration (ajoutez-le à "
                    "administrateurs_elus)"
                ),
            )


@rule("E-HONNEUR", ERREUR, "Modèle AVECsanté, art. 5-1 (membres d'honneur)")
def membres_honneur(m: Cpts) -> Iterator[Problem]:
    """Honorary members neither vote nor are elected."""
    ag = m.ag_constitutive
    if ag is None:
        return

    def honoraire(member_id: str) -> bool:
        member = m.membre(member_id)
        return member is not None and member.honneur

    for fonction, d in designations(m):
        if honoraire(d.membre):
            yield (
                d.path,
                (f"« {d.membre} » est membre d'honneur : il n'est pas éligible ({FONCTIONS[fonction]})"),
            )
    for r in ag.representes:
        if honoraire(r.membre):
            yield (
                (*r.path, "membre"),
                (
                    f"« {r.membre} » est membre d'honneur : il ne vote pas et ne peut donc pas se "
                    "faire représenter"
                ),
            )
        if honoraire(r.mandataire):
            yield (
                (*r.path, "mandataire"),
                (
                    f"« {r.mandataire} » est membre d'honneur : il n'est pas électeur et ne peut pas "
                    "recevoir de pouvoir"
                ),
            )


@rule("W-CONTROLE-BUREAU", AVERTISSEMENT, "URPS Hauts-de-France 2023, points de vigilance")
def controle_bureau(m: Cpts) -> Iterator[Problem]:
    """Without a CA above taille 1, no organ controls the bureau."""
    if m.inter_cpts or m.conseil_administration is not None:
        return
    if m.taille_aci is not None and m.taille_aci > 1:
        yield (
            ("gouvernance", "conseil_administration"),
            (
                f"CPTS de taille {m.taille_aci} sans conseil d'administration : aucun organe ne "
                "contrôle les décisions du bureau entre deux assemblées"
            ),
        )


@rule("W-PARITE-INTER-CPTS", AVERTISSEMENT, "URPS Occitanie, Infos conseils n° 11 (2022)")
def parite_inter_cpts(m: Cpts) -> Iterator[Problem]:
    """With two member CPTS, the bureau should be balanced between them."""
    if not m.inter_cpts:
        return
    members = [f.id for f in m.fondateurs if f.college == "cpts"]
    if len(members) != 2:
        return
    counts = Counter(d.membre for _, d in designations(m))
    if not counts:
        return
    a, b = counts[members[0]], counts[members[1]]
    if abs(a - b) > 1:
        yield (
            ("ag_constitutive", "bureau_elu"),
            (
                f"deux CPTS membres seulement, mais le bureau compte {a} personne(s) de "
                f"« {members[0]} » et {b} de « {members[1]} » : équilibrez-le entre elles"
            ),
        )
