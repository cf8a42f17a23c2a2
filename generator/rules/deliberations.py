"""Rules on how the organs deliberate: quorums and majorities, delays, mandates, renewals."""

from __future__ import annotations

from collections.abc import Iterator

from generator.loader import PathKey
from generator.model import Cpts
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule
from generator.values import NULLE, Fraction, Majorite


@rule("E-FRACTIONS", ERREUR, "Cohérence des quorums et majorités (modèle AVECsanté, art. 11 et 16)")
def fractions(m: Cpts) -> Iterator[Problem]:
    """Fractions lie in (0, 1]; statute changes need at least the ordinary majority."""
    a = m.assemblees
    gouv = ("gouvernance",)
    candidates: list[tuple[PathKey, Fraction | Majorite | None]] = [
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
        fraction = value.fraction if isinstance(value, Majorite) else value
        if fraction is None or fraction.plus_un:
            continue
        if not fraction.valide:
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
    if not a.extraordinaire_majorite_statuts.au_moins(a.ordinaire_majorite):
        yield (
            (*gouv, "assemblees", "extraordinaire", "majorite_statuts"),
            (
                f"la majorité pour modifier les statuts (« {a.extraordinaire_majorite_statuts} ») est "
                f"plus faible que la majorité ordinaire (« {a.ordinaire_majorite} ») ; elle doit être "
                "au moins égale, « 2/3 » dans le modèle AVECsanté"
            ),
        )
    if ca is not None and ca.quorum_exclusion < (ca.quorum or NULLE):
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
            groupes = ca.renouvellement_fraction.denominateur
            if ca.mandat_annees % groupes:
                yield (
                    (*base, "mandat_annees"),
                    (
                        f"avec un renouvellement par {ca.renouvellement_fraction}, la durée du mandat "
                        f"doit être un multiple de {groupes} ans pour qu'une fraction sorte à chaque "
                        f"échéance (par exemple {groupes} ou {2 * groupes} ans)"
                    ),
                )


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
