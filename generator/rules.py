"""The cross-field rules of the questionnaire spec: the AVECsanté model, the law, the seeds' advice.

Each rule is a small function registered with its stable id, severity and source; it reads the
model and yields ``(yaml path, French message)`` pairs. ``run_rules`` turns them into findings
located in the file. Errors refuse the answers; warnings go to the verification report.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from generator import facts
from generator.errors import Finding, Severity
from generator.labels import FONCTIONS
from generator.loader import LoadedAnswers, PathKey, format_path
from generator.model import AgConstitutive, Cpts, Designation

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


def _fold(text: str) -> str:
    """Compare names without case, accents, hyphens or apostrophes."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.replace("-", " ").replace("'", " ").replace("’", " ").split())


def _designations(m: Cpts) -> Iterator[tuple[str, Designation]]:
    if m.ag_constitutive is None:
        return
    for fonction, people in m.ag_constitutive.bureau_elu:
        for person in people:
            yield fonction, person


CIVILITES = frozenset({"dr", "dr.", "docteur", "pr", "pr.", "professeur", "m", "m.", "mme", "mlle"})


def _nom_personne(text: str) -> str:
    """Fold a person's name and drop a leading civilité: « Dr Anne Roy » is « anne roy »."""
    words = _fold(text).split()
    while len(words) > 1 and words[0] in CIVILITES:
        words.pop(0)
    return " ".join(words)


def _personne(m: Cpts, d: Designation) -> str:
    """Identify the natural person behind a designation, for the cumul rule."""
    if d.personne is not None:
        return f"{d.membre}/{_nom_personne(d.personne)}"
    member = m.membre(d.membre)
    if member is not None and member.representant is not None:
        return f"{d.membre}/{_nom_personne(member.representant)}"
    return d.membre


# --- errors -------------------------------------------------------------------------------


@rule("E-COLLEGES", ERREUR, "Modèle AVECsanté, art. 5-2 (collèges)")
def colleges_valides(m: Cpts) -> Iterator[Problem]:
    """At least two collèges with unique codes; every member's collège exists."""
    if len(m.colleges) < 2:
        yield (
            ("colleges",),
            (
                f"{len(m.colleges)} collège déclaré : il en faut au moins deux (la CPTS réunit "
                "plusieurs catégories d'acteurs)"
            ),
        )
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


@rule("E-BUREAU-FONCTIONS", ERREUR, "Modèle AVECsanté, art. 15-1 (composition du bureau)")
def fonctions_bureau(m: Cpts) -> Iterator[Problem]:
    """The bureau has a président (or two co-présidents), a secrétaire, a trésorier, and a VP."""
    required = ["president", "secretaire", "tresorier"]
    if m.modele == "cpts":
        required.insert(1, "vice_president")
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
    people = list(_designations(m))
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
    for fonction, d in _designations(m):
        person = _personne(m, d)
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
    for fonction, d in _designations(m):
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

    for fonction, d in _designations(m):
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


def _majorite_fraction(majorite: str) -> str:
    """Express a majority as a comparable fraction: simple and absolue mean more than half."""
    if majorite in {"simple", "absolue"}:
        return "1/2+1"
    if majorite == "unanimite":
        return "1/1"
    return majorite


@rule("E-FRACTIONS", ERREUR, "Cohérence des quorums et majorités (modèle AVECsanté, art. 11 et 16)")
def fractions(m: Cpts) -> Iterator[Problem]:
    """Fractions lie in (0, 1]; statute changes need at least the ordinary majority."""
    a = m.assemblees
    gouv = ("gouvernance",)
    candidates: list[tuple[PathKey, str | None]] = [
        ((*gouv, "assemblees", "demande_fraction_membres"), a.demande_fraction_membres),
        ((*gouv, "assemblees", "ordinaire", "quorum"), a.ordinaire_quorum),
        ((*gouv, "assemblees", "ordinaire", "majorite"), a.ordinaire_majorite),
        ((*gouv, "assemblees", "extraordinaire", "quorum"), a.extraordinaire_quorum),
        (
            (*gouv, "assemblees", "extraordinaire", "majorite_statuts"),
            a.extraordinaire_majorite_statuts,
        ),
    ]
    ca = m.conseil_administration
    if ca is not None:
        base = (*gouv, "conseil_administration")
        candidates += [
            ((*base, "quorum"), ca.quorum),
            ((*base, "quorum_exclusion"), ca.quorum_exclusion),
        ]
        candidates += [((*base, "majorites", k), v) for k, v in ca.majorites.items()]
    bad = False
    for path, value in candidates:
        if value is None or value in {"simple", "absolue", "unanimite", "1/2+1"}:
            continue
        numerator, _, denominator = value.partition("/")
        if int(denominator) == 0 or not Fraction(0) < Fraction(int(numerator), int(denominator)) <= 1:
            bad = True
            yield (
                path,
                (
                    f"la fraction « {value} » doit être comprise entre 0 (exclu) et 1 (inclus), "
                    "par exemple « 1/2 » ou « 2/3 »"
                ),
            )
    if bad:
        return
    statuts = _majorite_fraction(a.extraordinaire_majorite_statuts)
    ordinaire = _majorite_fraction(a.ordinaire_majorite)
    if not facts.fraction_at_least(statuts, ordinaire):
        yield (
            (*gouv, "assemblees", "extraordinaire", "majorite_statuts"),
            (
                f"la majorité pour modifier les statuts (« {a.extraordinaire_majorite_statuts} ») est "
                f"plus faible que la majorité ordinaire (« {a.ordinaire_majorite} ») ; elle doit être "
                "au moins égale, « 2/3 » dans le modèle AVECsanté"
            ),
        )
    if ca is not None and not facts.fraction_at_least(ca.quorum_exclusion, ca.quorum or "0/1"):
        yield (
            (*gouv, "conseil_administration", "quorum_exclusion"),
            (
                f"le quorum pour exclure (« {ca.quorum_exclusion} ») est plus faible que le quorum "
                f"ordinaire du CA (« {ca.quorum} ») ; il doit être au moins égal"
            ),
        )


MANDAT_MIN, MANDAT_MAX = 1, 6
DELAI_MAX = 365


@rule("E-DELAIS", ERREUR, "Plausibilité des délais et mandats (modèle AVECsanté, art. 9, 11, 16)")
def delais(m: Cpts) -> Iterator[Problem]:
    """Delays are positive and at most a year; mandates last 1 to 6 years."""
    gouv = ("gouvernance",)
    mandats: list[tuple[PathKey, int]] = [((*gouv, "bureau", "mandat_annees"), m.bureau.mandat_annees)]
    delays: list[tuple[PathKey, int | None]] = [
        ((*gouv, "assemblees", "convocation_jours"), m.assemblees.convocation_jours),
        (
            (*gouv, "assemblees", "delai_reunion_sur_demande_jours"),
            m.assemblees.delai_reunion_sur_demande_jours,
        ),
        (
            (*gouv, "assemblees", "extraordinaire", "seconde_convocation_jours"),
            m.assemblees.extraordinaire_seconde_convocation_jours,
        ),
        (("adhesion", "delai_reponse_jours"), m.adhesion.delai_reponse_jours),
        (("indemnisation", "delai_demande_jours"), m.indemnisation.delai_demande_jours),
        (
            ("finances", "depenses", "notes_de_frais_delai_jours"),
            m.finances.depenses.notes_de_frais_delai_jours,
        ),
    ]
    ca = m.conseil_administration
    if ca is not None:
        base = (*gouv, "conseil_administration")
        mandats.append(((*base, "mandat_annees"), ca.mandat_annees))
        delays.append(((*base, "convocation_jours"), ca.convocation_jours))
        if ca.reunions_min_par_an < 1:
            yield (
                (*base, "reunions_min_par_an"),
                ("le conseil d'administration doit se réunir au moins une fois par an"),
            )
    exercice = m.finances.exercice
    if exercice != "civil":
        month, day = int(exercice[:2]), int(exercice[3:])
        # A non-leap year: an exercise cannot start on 29 February every year. (calendar, and
        # the locale module it loads, are imported here: few files have a non-civil exercise.)
        import calendar  # noqa: PLC0415

        if day > calendar.monthrange(2023, month)[1]:
            yield (
                ("finances", "exercice"),
                (
                    f"« {exercice} » n'est pas une date de début d'exercice possible chaque année ; "
                    "indiquez un jour qui existe dans ce mois (par exemple « 07-01 »)"
                ),
            )
    for path, years in mandats:
        if not MANDAT_MIN <= years <= MANDAT_MAX:
            yield (
                path,
                (
                    f"un mandat de {years} an(s) n'est pas plausible : entre {MANDAT_MIN} et "
                    f"{MANDAT_MAX} ans (3 ans dans le modèle AVECsanté)"
                ),
            )
    for path, days in delays:
        if days is not None and not 1 <= days <= DELAI_MAX:
            yield (
                path,
                (f"un délai de {days} jour(s) n'est pas plausible : entre 1 et {DELAI_MAX} jours"),
            )
    if ca is not None:
        base = (*gouv, "conseil_administration")
        if m.bureau.mandat_annees > ca.mandat_annees:
            yield (
                (*gouv, "bureau", "mandat_annees"),
                (
                    f"le mandat du bureau ({m.bureau.mandat_annees} ans) dépasse celui des "
                    f"administrateurs ({ca.mandat_annees} ans), parmi lesquels il est élu"
                ),
            )
        if ca.renouvellement_partiel and ca.renouvellement_fraction is not None:
            groupes = facts.fraction_value(ca.renouvellement_fraction).denominator
            if ca.mandat_annees % groupes:
                yield (
                    (*base, "mandat_annees"),
                    (
                        f"avec un renouvellement par {ca.renouvellement_fraction}, la durée du mandat "
                        f"doit être un multiple de {groupes} ans pour qu'une fraction sorte à chaque "
                        f"échéance (par exemple {groupes} ou {2 * groupes} ans)"
                    ),
                )


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


def _check_designation(m: Cpts, ag: AgConstitutive, d: Designation) -> Iterator[Problem]:
    attending = set(ag.presents) | {r.membre for r in ag.representes}
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
    for d in ag.administrateurs_elus:
        yield from _check_designation(m, ag, d)
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
            yield from _check_designation(m, ag, d)
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
    voters = len(set(m.votants()))  # a member both present and represented votes once
    for resolution, vote in ag.votes.items():
        if vote.unanimite:
            continue
        cast = vote.pour + vote.contre + vote.abstention
        if cast > voters:
            yield (
                vote.path,
                (
                    f"{cast} votes pour « {resolution} » alors que {voters} membres seulement peuvent "
                    "voter (présents et représentés)"
                ),
            )
        if vote.pour <= vote.contre:
            yield (
                vote.path,
                (
                    f"la résolution « {resolution} » n'a pas plus de voix pour ({vote.pour}) que "
                    f"contre ({vote.contre}) : elle ne serait pas adoptée"
                ),
            )
    if ag.convocation_date is not None and ag.convocation_date > ag.date:
        yield (*base, "convocation", "date"), "la convocation ne peut pas suivre l'assemblée"
    if ag.heure_fin is not None and ag.heure_fin <= ag.heure:
        yield (
            (*base, "heure_fin"),
            f"la séance ne peut pas être levée ({ag.heure_fin}) avant d'avoir été ouverte ({ag.heure})",
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


@rule("E-INDEMNISATION", ERREUR, "FCPTS 2023 : montant, demande, justification et contrôle au RI")
def indemnisation(m: Cpts) -> Iterator[Problem]:
    """Indemnising time requires proofs, a request delay and a validation."""
    ind = m.indemnisation
    if not ind.baremes:
        return
    if not ind.justificatifs:
        yield (
            ("indemnisation", "justificatifs"),
            (
                "des barèmes d'indemnisation sont prévus mais aucun justificatif n'est exigé ; "
                "indiquez par exemple [feuille_emargement, compte_rendu]"
            ),
        )
    if ind.delai_demande_jours is None:
        yield (
            ("indemnisation", "delai_demande_jours"),
            (
                "des barèmes d'indemnisation sont prévus sans délai de demande ; indiquez un nombre "
                "de jours (90 par défaut)"
            ),
        )
    if ind.validation_par is None:
        yield (
            ("indemnisation", "validation_par"),
            (
                "des barèmes d'indemnisation sont prévus sans circuit de validation ; indiquez "
                "tresorier ou bureau"
            ),
        )


@rule("E-DEPENSES", ERREUR, "URPS Hauts-de-France 2023 : circuit de validation des dépenses")
def depenses(m: Cpts) -> Iterator[Problem]:
    """The single-signature threshold lies below the double-signature one."""
    dep = m.finances.depenses
    if dep.seuil_engagement_seul > dep.double_signature_au_dela:
        yield (
            ("finances", "depenses", "seuil_engagement_seul"),
            (
                f"le seuil d'engagement seul ({dep.seuil_engagement_seul} €) dépasse le seuil de "
                f"double signature ({dep.double_signature_au_dela} €) : il doit lui être inférieur "
                "ou égal"
            ),
        )


@rule("E-ALSACE-MOSELLE", ERREUR, "Code civil local, art. 21 à 79-III (au moins sept fondateurs)")
def alsace_moselle(m: Cpts) -> Iterator[Problem]:
    """Under local law an association needs seven founders."""
    if m.droit_local and len(m.fondateurs) < facts.FONDATEURS_MIN_DROIT_LOCAL:
        yield (
            ("membres", "fondateurs"),
            (
                f"le département {m.association.departement} relève du droit local d'Alsace-Moselle : "
                f"il faut au moins {facts.FONDATEURS_MIN_DROIT_LOCAL} membres fondateurs pour "
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
    for fonction, d in _designations(m):
        member = m.membre(d.membre)
        if member is not None and member.college != "cpts":
            yield (
                d.path,
                (
                    f"« {d.membre} » ({FONCTIONS[fonction]}) n'est pas une CPTS membre : le "
                    "bureau d'une inter-CPTS est choisi dans le collège des CPTS"
                ),
            )


# --- warnings -----------------------------------------------------------------------------


@rule("W-RENOUVELLEMENT-TOTAL", AVERTISSEMENT, "URPS Hauts-de-France 2023, points de vigilance")
def renouvellement_total(m: Cpts) -> Iterator[Problem]:
    """Total renewal of the CA loses continuity."""
    ca = m.conseil_administration
    if ca is not None and not ca.renouvellement_partiel:
        yield (
            ("gouvernance", "conseil_administration", "renouvellement"),
            (
                "le conseil d'administration est renouvelé en totalité : un renouvellement partiel "
                "(par moitié ou par tiers) assure la continuité des missions"
            ),
        )


@rule("W-QUORUM-AGO", AVERTISSEMENT, "URPS Hauts-de-France 2023, points de vigilance")
def quorum_ago(m: Cpts) -> Iterator[Problem]:
    """A quorum on the ordinary AG risks repeated convocations."""
    if m.assemblees.ordinaire_quorum is not None:
        yield (
            ("gouvernance", "assemblees", "ordinaire", "quorum"),
            (
                f"un quorum de {m.assemblees.ordinaire_quorum} à l'assemblée générale ordinaire "
                "risque d'obliger à la convoquer plusieurs fois"
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


@rule("W-CAC", AVERTISSEMENT, "URPS Hauts-de-France 2023 ; FCPTS 2023 (seuil de 153 000 €)")
def commissaire_aux_comptes(m: Cpts) -> Iterator[Problem]:
    """Expected subsidies reach the legal threshold while no auditor is planned."""
    if m.finances.commissaire_aux_comptes == "non" and m.cac.obligatoire:
        yield (
            ("finances", "commissaire_aux_comptes"),
            (
                f"les subventions publiques attendues ({m.subventions_attendues} €) atteignent "
                f"{facts.SEUIL_CAC} € par an : un commissaire aux comptes est obligatoire"
            ),
        )


@rule("W-EQUILIBRE", AVERTISSEMENT, "Guide AVECsanté 2019, « trouver le bon équilibre »")
def equilibre(m: Cpts) -> Iterator[Problem]:
    """One collège holding half the seats or more can block the CA."""
    ca = m.conseil_administration
    if ca is None or ca.sieges_total == 0:
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


@rule("W-PARITE-INTER-CPTS", AVERTISSEMENT, "URPS Occitanie, Infos conseils n° 11 (2022)")
def parite_inter_cpts(m: Cpts) -> Iterator[Problem]:
    """With two member CPTS, the bureau should be balanced between them."""
    if not m.inter_cpts:
        return
    members = [f.id for f in m.fondateurs if f.college == "cpts"]
    if len(members) != 2:
        return
    counts = Counter(d.membre for _, d in _designations(m))
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


@rule("W-INDEMNISATION-PLAFOND", AVERTISSEMENT, "URPS Hauts-de-France 2023 ; FCPTS 2023")
def indemnisation_plafond(m: Cpts) -> Iterator[Problem]:
    """A barème should have an annual ceiling and a validation circuit."""
    ind = m.indemnisation
    if not ind.baremes:
        return
    if ind.plafond_annuel_par_personne is None:
        yield (
            ("indemnisation", "plafond_annuel_par_personne"),
            ("des barèmes d'indemnisation sont prévus sans plafond annuel par personne"),
        )
    if ind.validation_par is None:
        yield (
            ("indemnisation", "validation_par"),
            ("des barèmes d'indemnisation sont prévus sans circuit de validation"),
        )


@rule("W-REUNIONS-CA", AVERTISSEMENT, "Modèle AVECsanté, art. 11 (trois réunions par an)")
def reunions_ca(m: Cpts) -> Iterator[Problem]:
    """The AVECsanté CA meets at least three times a year."""
    ca = m.conseil_administration
    if ca is not None and 1 <= ca.reunions_min_par_an < 3:
        yield (
            ("gouvernance", "conseil_administration", "reunions_min_par_an"),
            (
                f"le CA ne se réunit que {ca.reunions_min_par_an} fois par an au minimum ; le modèle "
                "AVECsanté en prévoit trois"
            ),
        )


@rule("W-SIEGE-HORS-TERRITOIRE", AVERTISSEMENT, "Cohérence du siège et du territoire")
def siege_hors_territoire(m: Cpts) -> Iterator[Problem]:
    """The registered office is usually in one of the territory's communes."""
    communes = {_fold(c) for c in m.association.communes}
    if _fold(m.association.siege.commune) not in communes:
        yield (
            ("association", "siege", "commune"),
            (
                f"la commune du siège (« {m.association.siege.commune} ») ne figure pas dans la liste "
                "des communes du territoire"
            ),
        )


def _administrateurs(m: Cpts) -> list[Designation]:
    ag = m.ag_constitutive
    if ag is None:
        return []
    if m.conseil_administration is not None:
        return list(ag.administrateurs_elus)
    return [d for _, d in _designations(m)]


@rule("W-DIRIGEANTS-INCOMPLET", AVERTISSEMENT, "Déclaration de création : liste des dirigeants")
def dirigeants_incomplets(m: Cpts) -> Iterator[Problem]:
    """Administrators without domicile or profession leave blanks in the liste des dirigeants."""
    seen: set[str] = set()
    for d in _administrateurs(m):
        member = m.membre(d.membre)
        if member is None or member.id in seen:
            continue
        seen.add(member.id)
        missing = []
        if member.domicile is None:
            missing.append("domicile")
        if member.profession is None and not member.personne_morale:
            missing.append("profession")
        if missing:
            yield (
                member.path,
                (
                    f"« {member.id} » est dirigeant mais sans {' ni '.join(missing)} : la liste des "
                    "dirigeants aura des blancs à remplir à la main"
                ),
            )


@rule("W-PLAFOND-PASS", AVERTISSEMENT, "CSP art. D. 1434-44 (décret n° 2022-375)")
def plafond_pass(m: Cpts) -> Iterator[Problem]:
    """The annual ceiling should not exceed the plafond annuel de la sécurité sociale."""
    plafond = m.indemnisation.plafond_annuel_par_personne
    if plafond is not None and plafond > facts.PASS_MONTANT:
        yield (
            ("indemnisation", "plafond_annuel_par_personne"),
            (
                f"le plafond annuel ({plafond} €) dépasse le plafond annuel de la sécurité sociale "
                f"{facts.PASS_ANNEE} ({facts.PASS_MONTANT} €)"
            ),
        )


def run_rules(model: Cpts, loaded: LoadedAnswers) -> list[Finding]:
    """Run every rule on the model; return the findings located in the answers file."""
    findings: list[Finding] = []
    for registered in RULES:
        for path, message in registered.check(model):
            where = loaded.position(path)
            findings.append(
                Finding(
                    rule=registered.id,
                    severity=registered.severity,
                    path=format_path(path),
                    message=message,
                    file=loaded.file,
                    line=where.line,
                    column=where.column,
                    source=registered.source,
                )
            )
    return findings
