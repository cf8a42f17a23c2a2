"""Rules on the bureau: its functions, who may hold them, from which collèges, and its control."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.labels import FONCTIONS
from generator.model import Cpts, Designation
from generator.rules.common import designations, personne_designee
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule

_DELEGUE = "administrateur délégué"
_PATH_DELEGUES = ("ag_constitutive", "bureau_elu", "administrateurs_delegues")


def _nom_fonction(fonction: str) -> str:
    return _DELEGUE if fonction == "administrateur_delegue" else FONCTIONS[fonction]


def _delegues(m: Cpts) -> tuple[Designation, ...]:
    """Return the administrateurs délégués of a collegial bureau (E-DELEGUES refuses them otherwise)."""
    ag = m.ag_constitutive
    return () if ag is None or not m.bureau.collegial else ag.administrateurs_delegues


def _bureau(m: Cpts) -> Iterator[tuple[str, Designation]]:
    """Yield the bureau's designations, with a collegial bureau's délégués when a CA designates them.

    With a CA, the délégués sit on the bureau beside the secrétaire and the trésorier (statuts,
    composition of the bureau); without one, the bureau designates them among its own members, so
    that they are no seat of their own.
    """
    if m.conseil_administration is not None:
        for d in _delegues(m):
            yield "administrateur_delegue", d
    yield from designations(m)


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
    people = list(_bureau(m))
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
    for fonction, d in _bureau(m):
        person = personne_designee(m, d)
        if person in held and held[person] != fonction:
            who = d.personne or d.membre
            yield (
                d.path,
                (
                    f"« {who} » est déjà {_nom_fonction(held[person])} : les fonctions du bureau "
                    "ne se cumulent pas (article des statuts sur la composition du bureau)"
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


@rule(
    "E-DELEGUES",
    ERREUR,
    "Statuts, article sur la représentation de l'association (bureau collégial) ; loi du 1er juillet "
    "1901, art. 5, et décret du 16 août 1901, art. 3 (personnes chargées de l'administration)",
)
def delegues(m: Cpts) -> Iterator[Problem]:
    """The administrateurs délégués: only in a collegial bureau, among the organ that designates them.

    The statuts have the CA (or, without a CA, the bureau) designate them « parmi ses membres »;
    each acts in person, so a legal person names the natural person who holds the delegation.
    """
    ag = m.ag_constitutive
    if ag is None or not ag.administrateurs_delegues:
        return
    if not m.bureau.collegial:
        yield (
            _PATH_DELEGUES,
            (
                "les administrateurs délégués n'existent que dans un bureau collégial "
                "(gouvernance.bureau.collegial: true) ; sinon la présidence représente "
                "l'association : retirez administrateurs_delegues"
            ),
        )
        return
    if m.conseil_administration is not None:
        organe, parmi = "le conseil d'administration", {d.membre for d in ag.administrateurs_elus}
        ajout = "ajoutez-le à administrateurs_elus"
    else:
        organe, parmi = "le bureau", {d.membre for _, d in designations(m)}
        ajout = "désignez-le au bureau"
    vus: set[str] = set()
    for d in ag.administrateurs_delegues:
        membre = m.membre(d.membre)
        if membre is None:
            ids = ", ".join(f.id for f in m.fondateurs)
            yield d.path, f"« {d.membre} » n'est pas un membre fondateur (identifiants : {ids})"
            continue
        if d.membre not in parmi:
            yield (
                d.path,
                (
                    f"« {d.membre} », désigné {_DELEGUE}, n'est pas membre de l'organe qui le désigne : "
                    f"{organe} désigne les administrateurs délégués parmi ses membres ({ajout})"
                ),
            )
        if d.personne is not None and not membre.personne_morale:
            yield (
                d.path,
                (
                    f"« {d.membre} » est une personne physique : « personne » ne sert qu'aux "
                    "personnes morales qui désignent l'une de leurs personnes"
                ),
            )
        elif membre.personne_morale and d.personne is None and membre.representant is None:
            yield (
                d.path,
                (
                    f"« {d.membre} » est une personne morale : un administrateur délégué agit en "
                    "personne ; indiquez la personne physique qui exerce la délégation "
                    f'({{membre: {d.membre}, personne: "Prénom Nom"}})'
                ),
            )
        # With a CA, E-BUREAU-CUMUL already reports a délégué designated twice.
        qui = personne_designee(m, d)
        if qui in vus and m.conseil_administration is None:
            yield d.path, f"« {d.personne or d.membre} » est désigné deux fois {_DELEGUE}"
        vus.add(qui)


@rule(
    "W-DELEGUES-ABSENTS",
    AVERTISSEMENT,
    "Statuts, article sur la représentation de l'association (bureau collégial) ; loi du 1er juillet "
    "1901, art. 5 (liste des dirigeants)",
)
def delegues_absents(m: Cpts) -> Iterator[Problem]:
    """A collegial bureau whose answers do not name the délégués leaves their names blank."""
    ag = m.ag_constitutive
    if ag is None or not m.bureau.collegial or ag.administrateurs_delegues:
        return
    yield (
        ("ag_constitutive", "bureau_elu"),
        (
            "bureau collégial : les réponses ne nomment pas les administrateurs délégués qui "
            "représentent l'association (ajoutez administrateurs_delegues, une liste d'identifiants "
            "de membres) ; la liste des dirigeants, le procès-verbal de la première réunion du "
            "conseil d'administration et les signatures des statuts laissent leurs noms en blanc, "
            "à remplir à la main"
        ),
    )
