"""Rules on the form of the association: Alsace-Moselle local law, inter-CPTS, seat and territory."""

from __future__ import annotations

from collections.abc import Iterator

from generator.labels import FONCTIONS
from generator.model import Cpts
from generator.rules.common import designations, fold
from generator.rules.registry import AVERTISSEMENT, ERREUR, Problem, rule


def signataires_statuts(m: Cpts) -> int | None:
    """Count the founders who adopt the statuts at the meeting and sign them (None without an AG).

    Founding is a contract (loi 1901, art. 1er): a founder who votes against or abstains does not
    consent, and a represented founder does not sign at the meeting. The answers name who refused
    (``refus_statuts``); until they do, counted votes against or abstentions are taken from the
    present founders, the prudent reading.
    """
    ag = m.ag_constitutive
    if ag is None:
        return None
    if ag.refus_statuts:
        return len(m.fondateurs_signataires())
    fondateurs = {f.id for f in m.fondateurs}
    presents = sum(1 for i in ag.presents if i in fondateurs)
    vote = ag.votes.get("statuts")
    refus = 0 if vote is None or vote.unanimite else vote.contre + vote.abstention
    return max(0, presents - refus)


def _places_direction(m: Cpts) -> tuple[int, int] | None:
    """Return the CA seats open to natural persons and the bureau's functions, when the CA elects it.

    None when the bureau is not chosen among the administrators (no CA, an AG election, or
    administrateurs délégués designated apart).
    """
    if m.conseil_administration is None or m.bureau.elu_par != "conseil_administration" or m.bureau.collegial:
        return None
    sieges = sum(c.sieges_ca for c in m.colleges if c.personnes != "morales")
    return sieges, len(m.bureau.fonctions) + (1 if m.bureau.co_presidence else 0)


@rule(
    "E-ALSACE-MOSELLE",
    ERREUR,
    "Code civil local, art. 56 et 59 ; CPC, annexe Alsace-Moselle, art. 30-1 (sept signataires, direction)",
)
def alsace_moselle(m: Cpts) -> Iterator[Problem]:
    """Under local law: seven founders who sign; the direction: natural persons, born where and when."""
    if not m.droit_local:
        return
    minimum = m.parametres.fondateurs_minimum_droit_local.valeur
    departement = m.association.departement
    if len(m.fondateurs) < minimum:
        yield (
            ("membres", "fondateurs"),
            (
                f"le département {departement} relève du droit local d'Alsace-Moselle : "
                f"il faut au moins {minimum} membres fondateurs pour "
                f"l'inscription au tribunal judiciaire ({len(m.fondateurs)} déclarés)"
            ),
        )
        return
    signataires = signataires_statuts(m)
    if signataires is not None and signataires < minimum:
        yield (
            ("ag_constitutive", "presents"),
            (
                f"en droit local, les statuts joints à la requête sont signés par au moins {minimum} "
                f"membres (code civil local, art. 59) : {signataires} fondateurs seulement sont présents "
                "et adoptent les statuts (un fondateur représenté, opposé ou abstenu ne les signe pas "
                "à la séance ; cette exigence de présence est une règle de prudence de l'outil)"
            ),
        )
    places = _places_direction(m)
    if places is not None:
        # The direction is chosen among the administrators, natural persons only: a CA with fewer
        # seats open to natural persons than bureau functions can never fill its direction.
        sieges, postes = places
        if sieges < postes:
            yield (
                ("gouvernance", "bureau", "fonctions"),
                (
                    f"le bureau, qui est la direction (code civil local, art. 26), compte {postes} "
                    f"fonctions à confier à des personnes physiques élues au conseil d'administration, "
                    f"qui n'ouvre que {sieges} sièges aux personnes physiques : la direction ne "
                    "pourrait être pourvue ; réduisez les fonctions du bureau ou ouvrez des sièges"
                ),
            )
    for d in m.dirigeants():
        if not d.direction:
            continue
        if d.membre.personne_morale:
            # The registre inscribes each member of the direction with his date and place of birth
            # (CPC annexe, art. 30-1): a legal person has none, so it cannot be inscribed.
            yield (
                d.membre.path,
                (
                    f"« {d.membre.id} » est une personne morale au bureau, qui est la direction au sens "
                    "de l'article 26 du code civil local : le registre inscrit chaque membre de la "
                    "direction avec sa date et son lieu de naissance (CPC, annexe Alsace-Moselle, "
                    "art. 30-1), ce qu'une personne morale n'a pas ; élisez au bureau une personne "
                    "physique (une personne morale peut siéger au conseil d'administration)"
                ),
            )
            continue
        manquants = [
            nom
            for nom, valeur in (
                ("date_naissance", d.membre.date_naissance),
                ("lieu_naissance", d.membre.lieu_naissance),
            )
            if valeur is None
        ]
        if manquants:
            yield (
                d.membre.path,
                (
                    f"« {d.membre.id} » est membre de la direction : le registre des associations "
                    f"demande sa date et son lieu de naissance (ajoutez {' et '.join(manquants)})"
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
    if partenaires is not None and partenaires.deliberatif:
        yield ("colleges",), ("le collège « partenaires » d'une inter-CPTS a voix consultative")
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


@rule(
    "W-MODELE-INTER-CPTS",
    AVERTISSEMENT,
    "URPS Occitanie, Infos conseils n° 11 (2022) : gouvernance inter-CPTS ; loi du 1er juillet 1901",
)
def modele_inter_cpts(m: Cpts) -> Iterator[Problem]:
    """An inter-CPTS of CPTS only departs from the model, which adds a consultative partners collège."""
    if not m.inter_cpts or m.college("partenaires") is not None:
        return
    yield (
        ("colleges",),
        (
            "inter-CPTS sans collège « partenaires » : seules les CPTS en sont membres. Le modèle "
            "(URPS Occitanie 2022) y associe, avec voix consultative, les partenaires qui "
            "soutiennent la coordination des CPTS (URPS, collectivités, établissements), pour "
            "qu'ils suivent ses travaux sans pouvoir sur les CPTS membres ; la loi de 1901 ne "
            "l'impose pas"
        ),
    )


@rule("W-MODELE-MISSIONS", AVERTISSEMENT, "ACI CPTS du 20 juin 2019 (missions) ; CSP, art. L. 1434-12")
def modele_missions(m: Cpts) -> Iterator[Problem]:
    """An objet without any ACI mission departs from the model."""
    if m.inter_cpts or m.objet.missions_aci:
        return
    yield (
        ("objet", "missions_aci"),
        (
            "aucune mission ACI : l'objet reposera sur les objectifs propres de l'association. Le "
            "modèle AVECsanté inscrit dans l'objet les missions de l'accord conventionnel "
            "interprofessionnel, que l'association doit assurer pour signer l'ACI et en recevoir "
            "le financement ; la loi de 1901 et l'article L. 1434-12 du code de la santé publique "
            "ne l'imposent pas dans les statuts"
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


@rule(
    "W-GENRE",
    AVERTISSEMENT,
    "Usage de la langue française : accord des titres (la présidente, l'administratrice)",
)
def genre_des_titres(m: Cpts) -> Iterator[Problem]:
    """A dirigeant or séance officer titled « Dr » or « Pr »: his titles default to masculine.

    Without any civilité the documents print the bare name and W-DIRIGEANTS-INCOMPLET or the
    bulletin's blanks already ask for the person's data; « Dr » and « Pr » are given on purpose and
    hide the gender the titles need.
    """
    ag = m.ag_constitutive
    ids = [d.membre.id for d in m.dirigeants() if not d.membre.personne_morale]
    if ag is not None:
        ids += [i for i in (ag.presidence_seance, ag.secretariat_seance) if i is not None]
    for member_id in dict.fromkeys(ids):
        membre = m.membre(member_id)
        if membre is None or membre.personne_morale or membre.genre is not None:
            continue
        if membre.civilite not in {"Dr", "Pr"}:
            continue
        yield (
            membre.path,
            (
                f"« {membre.id} » a un titre dans les documents déposés (fonction, bureau de séance) "
                f"et sa civilité « {membre.civilite} » ne dit pas son genre : ses titres "
                "seront au masculin (« le président », « administrateur ») ; ajoutez genre: feminin "
                "ou genre: masculin"
            ),
        )


@rule(
    "W-DIRECTION-MARGE",
    AVERTISSEMENT,
    "Code civil local, art. 26 (la direction est obligatoire) ; CPC, annexe Alsace-Moselle, art. 30-1",
)
def direction_marge(m: Cpts) -> Iterator[Problem]:
    """Under local law, as many natural-person seats as bureau functions leave no margin."""
    places = _places_direction(m) if m.droit_local else None
    if places is not None and places[0] == places[1]:
        sieges, postes = places
        yield (
            ("gouvernance", "bureau", "fonctions"),
            (
                f"le conseil d'administration n'ouvre aux personnes physiques que {sieges} sièges, "
                f"autant que les {postes} fonctions du bureau, qui est la direction (code civil local, "
                "art. 26) : une seule vacance, ou un siège pourvu par une personne morale, laisserait "
                "la direction incomplète ; le modèle prévoit plus d'administrateurs que de fonctions "
                "(ouvrez des sièges aux personnes physiques ou réduisez les fonctions)"
            ),
        )
