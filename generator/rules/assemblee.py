"""Rules on the constitutive general assembly: attendance, proxies, elections, votes, dirigeants."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.loader import PathKey
from generator.model import AgConstitutive, Cpts, Designation, Dirigeant
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule


def _unknown(m: Cpts, member_id: str) -> str:
    ids = ", ".join(f.id for f in m.fondateurs)
    return f"« {member_id} » n'est pas un membre fondateur (identifiants : {ids})"


def _ag_attendance(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    base: PathKey = ("ag_constitutive",)
    founders = {f.id for f in m.fondateurs}
    presents = set(ag.presents)
    for role in ("presidence_seance", "secretariat_seance"):
        member_id = getattr(ag, role)
        if member_id not in founders:
            yield (*base, role), _unknown(m, member_id)
        elif member_id not in presents:
            yield (*base, role), f"« {member_id} » doit être présent pour tenir la séance"
    for i, member_id in enumerate(ag.presents):
        if member_id not in founders and m.membre(member_id) is None:
            yield (*base, "presents", i), _unknown(m, member_id)
    proxies: Counter[str] = Counter()
    seen_represented: set[str] = set()
    for r in ag.representes:
        # An honorary member is known: E-HONNEUR says why he can neither give nor hold a proxy.
        if m.membre(r.membre) is None:
            yield (*r.path, "membre"), _unknown(m, r.membre)
        if m.membre(r.mandataire) is None:
            yield (*r.path, "mandataire"), _unknown(m, r.mandataire)
        elif r.mandataire in founders and r.mandataire not in presents:
            yield (
                (*r.path, "mandataire"),
                (f"le mandataire « {r.mandataire} » doit être présent pour porter un pouvoir"),
            )
        if r.membre in presents:
            yield (*r.path, "membre"), f"« {r.membre} » est à la fois présent et représenté"
        if r.membre in seen_represented:
            yield (*r.path, "membre"), f"« {r.membre} » est représenté deux fois"
        if r.membre == r.mandataire:
            yield (*r.path, "mandataire"), "un membre ne peut pas être son propre mandataire"
        elif m.a_voix(r.membre) and _consultatif(m, r.mandataire):
            # The statuts allow a proxy only to another member with a deliberative vote: a member
            # of a consultative collège would cast a vote he does not have.
            yield (
                (*r.path, "mandataire"),
                (
                    f"« {r.mandataire} » relève d'un collège à voix consultative : il ne peut porter le "
                    f"pouvoir de « {r.membre} », qui a voix délibérative (les statuts réservent les "
                    "pouvoirs aux membres ayant voix délibérative) ; désignez un autre mandataire"
                ),
            )
        seen_represented.add(r.membre)
        proxies[r.mandataire] += 1
        if proxies[r.mandataire] == m.assemblees.pouvoirs_max + 1:
            yield (
                (*r.path, "mandataire"),
                (
                    f"« {r.mandataire} » porte plus de {m.assemblees.pouvoirs_max} pouvoir(s) "
                    "(gouvernance.assemblees.pouvoirs_max)"
                ),
            )


def _consultatif(m: Cpts, member_id: str) -> bool:
    """Tell whether a known founder attends without a vote (an honorary member is E-HONNEUR's)."""
    membre = m.membre(member_id)
    return membre is not None and not membre.honneur and not m.a_voix(member_id)


def _attending(ag: AgConstitutive) -> frozenset[str]:
    """Return the ids present or represented, computed once per check, not once per designation."""
    return frozenset(ag.presents) | {r.membre for r in ag.representes}


def _check_designation(m: Cpts, attending: frozenset[str], d: Designation) -> Iterator[Problem]:
    member = m.membre(d.membre)
    if member is None:
        yield d.path, _unknown(m, d.membre)
    elif d.membre not in attending and not member.honneur:
        yield d.path, f"« {d.membre} » n'est ni présent ni représenté à l'assemblée"
    elif d.personne is not None and not member.personne_morale:
        yield (
            d.path,
            (
                f"« {d.membre} » est une personne physique : « personne » ne sert qu'aux "
                "personnes morales qui désignent l'une de leurs personnes"
            ),
        )


def _ag_elections(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    base: PathKey = ("ag_constitutive",)
    ca = m.conseil_administration
    if ca is None and ag.administrateurs_elus:
        yield (
            (*base, "administrateurs_elus"),
            (
                "il n'y a pas de conseil d'administration : pas d'administrateurs à élire (le bureau "
                "est élu par l'assemblée générale)"
            ),
        )
    elected_by_college: Counter[str] = Counter()
    seen_admins: set[str] = set()
    attending = _attending(ag)
    for d in ag.administrateurs_elus:
        yield from _check_designation(m, attending, d)
        if d.membre in seen_admins:
            yield d.path, f"« {d.membre} » est élu deux fois"
        seen_admins.add(d.membre)
        member = m.membre(d.membre)
        if member is not None and member.college is not None:
            elected_by_college[member.college] += 1
    if ca is not None:
        for college in m.colleges:
            if elected_by_college[college.code] > college.sieges_ca:
                yield (
                    (*base, "administrateurs_elus"),
                    (
                        f"{elected_by_college[college.code]} administrateurs élus pour le collège "
                        f"« {college.code} » qui n'a que {college.sieges_ca} siège(s)"
                    ),
                )


def _ag_bureau(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    base: PathKey = ("ag_constitutive",)
    filled = dict(ag.bureau_elu)
    attending = _attending(ag)
    for fonction, people in ag.bureau_elu:
        path = (*base, "bureau_elu", fonction)
        if fonction not in m.bureau.fonctions:
            yield (
                path,
                (
                    f"la fonction « {fonction} » n'existe pas dans ce bureau (gouvernance.bureau."
                    f"fonctions : {', '.join(m.bureau.fonctions)})"
                ),
            )
        expected = 2 if fonction == "president" and m.bureau.co_presidence else 1
        if len(people) != expected:
            yield (
                path,
                (
                    "la co-présidence demande deux co-présidents : donnez une liste de deux désignations"
                    if expected == 2
                    else "une seule personne par fonction (la liste est réservée à la co-présidence)"
                ),
            )
        for d in people:
            yield from _check_designation(m, attending, d)
    if filled:
        missing = [f for f in m.bureau.fonctions if f not in filled]
        if missing:
            yield (
                (*base, "bureau_elu"),
                (f"fonctions du bureau sans titulaire : {', '.join(missing)}"),
            )
    elif m.bureau.elu_par == "assemblee_generale":
        yield (
            (*base, "bureau_elu"),
            ("le bureau est élu par l'assemblée générale : indiquez qui occupe chaque fonction (bureau_elu)"),
        )


def _ag_votes(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    base: PathKey = ("ag_constitutive",)
    for resolution, vote in ag.votes.items():
        if vote.unanimite:
            continue
        # A member both present and represented votes once; after the statuts, only their adherents.
        voters = len(set(m.votants() if resolution == "statuts" else m.votants_membres()))
        cast = vote.pour + vote.contre + vote.abstention
        if cast > voters:
            yield (
                vote.path,
                (
                    f"{cast} votes pour « {resolution} » alors que {voters} membres seulement peuvent "
                    "voter (présents et représentés"
                    + (
                        ", qui ont adopté les statuts)"
                        if ag.refus_statuts and resolution != "statuts"
                        else ")"
                    )
                ),
            )
        # The majority is counted as the statuts count it (assemblees.decompte_majorites): on the
        # members present or represented, an abstention weighs as a vote against.
        if m.assemblees.decompte_majorites == "suffrages_exprimes":
            if vote.pour <= vote.contre:
                yield (
                    vote.path,
                    (
                        f"la résolution « {resolution} » n'a pas plus de voix pour ({vote.pour}) que "
                        f"contre ({vote.contre}) : elle ne serait pas adoptée"
                    ),
                )
        elif 2 * vote.pour <= voters:
            yield (
                vote.path,
                (
                    f"la résolution « {resolution} » n'a pas la majorité des membres présents ou "
                    f"représentés ({vote.pour} voix pour sur {voters} votants) : elle ne serait pas "
                    "adoptée (assemblees.decompte_majorites : membres_presents_representes)"
                ),
            )
    if ag.convocation_date is not None and ag.convocation_date > ag.date:
        yield (*base, "convocation", "date"), "la convocation ne peut pas suivre l'assemblée"
    if ag.heure_fin is not None and ag.heure_fin <= ag.heure:
        yield (
            (*base, "heure_fin"),
            f"la séance ne peut pas être levée ({ag.heure_fin}) avant d'avoir été ouverte ({ag.heure})",
        )


def _minorite(m: Cpts, qui: str, voix: int, voters: int) -> str | None:
    """Return why ``voix`` votes do not elect ``qui``, on the base the statuts count majorities on.

    On the members present or represented (the models' « majorité simple »), a blank ballot or an
    abstention weighs against: the votes must exceed half the voters. On the votes cast, the base
    is not given per candidate: only a candidate without a single vote is surely not elected.
    """
    if m.assemblees.decompte_majorites == "suffrages_exprimes":
        if voix > 0:
            return None
        base = "des suffrages exprimés"
    elif 2 * voix > voters:
        return None
    else:
        base = "des membres présents ou représentés"
    return (
        f"{qui} n'obtient que {voix} voix sur {voters} votants : ce n'est pas la majorité {base} que "
        "demandent les statuts (gouvernance.assemblees.decompte_majorites), l'élection n'est pas "
        "acquise ; une élection à la majorité relative demande un second tour que les statuts "
        "prévoient expressément, et ce procès-verbal ne rend compte que d'un tour"
    )


def _double_decompte(voix: str, resolution: str) -> str:
    """Say why a global count beside the votes per candidate contradicts them."""
    return (
        f"les voix par candidat ({voix}) sont le vote de cette élection au scrutin secret : un "
        "décompte global pour, contre et abstention sur la même élection le contredirait ; "
        f"retirez votes.{resolution}"
    )


def _ag_voix(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    """Votes per elected administrator: only the elected get a line, nobody more than the voters."""
    base: PathKey = ("ag_constitutive", "voix_candidats")
    global_vote = ag.votes.get("administrateurs")
    if ag.voix_candidats and global_vote is not None:
        yield global_vote.path, _double_decompte("voix_candidats", "administrateurs")
    voters = len(set(m.votants_membres()))
    elus = {d.membre for d in ag.administrateurs_elus}
    for member_id, voix in ag.voix_candidats.items():
        if member_id not in elus:
            yield (
                (*base, member_id),
                (
                    f"« {member_id} » n'est pas un administrateur élu (administrateurs_elus) : le "
                    "procès-verbal ne donne les voix que des élus"
                ),
            )
        elif voix > voters:
            yield (
                (*base, member_id),
                f"{voix} voix pour « {member_id} » alors que {voters} membres seulement peuvent voter",
            )
        else:
            minorite = _minorite(m, f"« {member_id} »", voix, voters)
            if minorite is not None:
                yield (*base, member_id), minorite


def _ag_voix_bureau(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    """Votes per elected bureau member: only when the assembly elects the bureau, per holder."""
    base: PathKey = ("ag_constitutive", "voix_bureau")
    if not ag.voix_bureau:
        return
    if m.conseil_administration is not None and m.bureau.elu_par == "conseil_administration":
        yield (
            base,
            (
                "le bureau est élu par le conseil d'administration (gouvernance.bureau.elu_par) : "
                "ses voix figurent au procès-verbal de la première réunion du conseil, pas à "
                "celui de l'assemblée ; retirez voix_bureau"
            ),
        )
        return
    global_vote = ag.votes.get("bureau")
    if global_vote is not None:
        yield global_vote.path, _double_decompte("voix_bureau", "bureau")
    voters = len(set(m.votants_membres()))
    elus = dict(ag.bureau_elu)
    for fonction, voix in ag.voix_bureau.items():
        path = (*base, fonction)
        holders = elus.get(fonction)
        if holders is None:
            yield (
                path,
                (
                    f"aucun membre n'est élu à la fonction « {fonction} » (bureau_elu) : le "
                    "procès-verbal ne donne les voix que des élus"
                ),
            )
            continue
        if len(voix) != len(holders):
            yield (
                path,
                (
                    f"{len(voix)} nombre(s) de voix pour {len(holders)} élu(s) à la fonction "
                    f"« {fonction} » : un nombre par élu, dans l'ordre de bureau_elu"
                ),
            )
        for i, n in enumerate(voix):
            where = (*path, i) if len(voix) > 1 else path
            if n > voters:
                yield (
                    where,
                    (
                        f"{n} voix à la fonction « {fonction} » alors que {voters} membres seulement "
                        "peuvent voter"
                    ),
                )
                continue
            minorite = _minorite(m, f"l'élu à la fonction « {fonction} »", n, voters)
            if minorite is not None:
                yield where, minorite


def _ag_refus(m: Cpts, ag: AgConstitutive) -> Iterator[Problem]:
    """Who did not adopt the statuts is named, attended, and holds no seat: he is no member."""
    base: PathKey = ("ag_constitutive", "refus_statuts")
    vote = ag.votes.get("statuts")
    attendus = 0 if vote is None or vote.unanimite else vote.contre + vote.abstention
    if len(ag.refus_statuts) != attendus:
        if attendus == 0:
            yield (
                base,
                (
                    "les statuts ne comptent ni voix contre ni abstention (votes.statuts) : "
                    "refus_statuts doit rester vide"
                ),
            )
        else:
            yield (
                base if ag.refus_statuts else vote.path if vote is not None else base,
                (
                    f"les statuts comptent {attendus} voix contre ou abstention(s) (votes.statuts) : "
                    f"nommez ces {attendus} membres dans ag_constitutive.refus_statuts "
                    f"({len(ag.refus_statuts)} nommé(s)) ; ils n'adhèrent pas et ne sont pas fondateurs"
                ),
            )
    attending = _attending(ag)
    for i, member_id in enumerate(ag.refus_statuts):
        if m.membre(member_id) is None:
            yield (*base, i), _unknown(m, member_id)
        elif member_id not in attending:
            yield (*base, i), f"« {member_id} » n'est ni présent ni représenté : il n'a pas pu voter"
    refus = frozenset(ag.refus_statuts)
    for d in (*ag.administrateurs_elus, *(d for _, ds in ag.bureau_elu for d in ds)):
        if d.membre in refus:
            yield (
                d.path,
                (
                    f"« {d.membre} » n'a pas adopté les statuts (refus_statuts) : il n'est pas membre "
                    "et ne peut être élu"
                ),
            )
    for r in ag.representes:
        if r.mandataire in refus:
            # The statuts allow a proxy only to another member with a deliberative vote: a founder
            # who refused them is none, and the votes after the statuts would count his proxy.
            yield (
                (*r.path, "mandataire"),
                (
                    f"« {r.mandataire} » n'a pas adopté les statuts (refus_statuts) : il n'est pas "
                    f"membre et ne peut porter le pouvoir de « {r.membre} » pour les votes qui "
                    "suivent ; désignez un autre mandataire"
                ),
            )


@rule("E-AG-CONSTITUTIVE", ERREUR, "Cohérence du procès-verbal de l'AG constitutive")
def ag_constitutive(m: Cpts) -> Iterator[Problem]:
    """Referenced members exist and attend; seats, proxies and votes add up."""
    ag = m.ag_constitutive
    if ag is None:
        return
    yield from _ag_attendance(m, ag)
    yield from _ag_elections(m, ag)
    yield from _ag_bureau(m, ag)
    yield from _ag_votes(m, ag)
    yield from _ag_voix(m, ag)
    yield from _ag_voix_bureau(m, ag)
    yield from _ag_refus(m, ag)


@rule(
    "W-VOTES-BUREAU-CA",
    AVERTISSEMENT,
    "Statuts, article sur la composition du bureau : le conseil d'administration élit le bureau en son sein",
)
def votes_bureau_ca(m: Cpts) -> Iterator[Problem]:
    """A vote of the assembly on a bureau the CA elects has no effect: the PV prints none."""
    ag = m.ag_constitutive
    if ag is None or m.conseil_administration is None or m.bureau.elu_par != "conseil_administration":
        return
    vote = ag.votes.get("bureau")
    if vote is not None:
        yield (
            vote.path,
            (
                "votes.bureau est sans effet : le bureau est élu par le conseil d'administration "
                "(gouvernance.bureau.elu_par), l'assemblée générale n'est pas appelée à voter ; "
                "l'élection figure au procès-verbal de la première réunion du conseil, dont les voix "
                "se remplissent à la main ; retirez votes.bureau"
            ),
        )


def _retenus(m: Cpts) -> tuple[Dirigeant, ...]:
    """Return the dirigeants the list names: all who administer, or the direction under local law."""
    tous = m.dirigeants()
    return tuple(d for d in tous if d.direction) if m.droit_local else tous


@rule(
    "W-DIRIGEANTS-INCOMPLET",
    AVERTISSEMENT,
    "Loi du 1er juillet 1901, art. 5 (ou CPC, annexe Alsace-Moselle, art. 30-1) : liste des dirigeants",
)
def dirigeants_incomplets(m: Cpts) -> Iterator[Problem]:
    """A dirigeant the answers do not fully describe leaves blanks in the liste des dirigeants."""
    for d in _retenus(m):
        manquants = d.manquants(m.droit_local)
        if manquants:
            qui = f"« {d.membre.id} »" + (f" ({d.personne})" if d.personne else "")
            yield (
                d.membre.path,
                (
                    f"{qui} est dirigeant mais les réponses ne donnent pas : {', '.join(manquants)} ; "
                    "la liste des dirigeants aura des blancs à remplir à la main et ne sera pas "
                    "certifiée conforme en l'état"
                ),
            )
