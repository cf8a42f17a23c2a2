"""French wording of the answers' codes, shared by every document and message.

The answers use short ASCII codes (``vice_president``, ``demi_journee``); the documents say them
in French, always the same way, from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from generator.values import Majorite

FONCTIONS: Mapping[str, str] = MappingProxyType(
    {
        "president": "président",
        "co_president": "co-président",
        "vice_president": "vice-président",
        "vice_president_2": "second vice-président",
        "vice_president_3": "troisième vice-président",
        "secretaire": "secrétaire",
        "secretaire_adjoint": "secrétaire adjoint",
        "tresorier": "trésorier",
        "tresorier_adjoint": "trésorier adjoint",
    }
)

# Inclusive forms, as the AVECsanté model writes them (« un/une président-e »).
FONCTIONS_INCLUSIVES: Mapping[str, str] = MappingProxyType(
    {
        "president": "un président ou une présidente",
        "vice_president": "un vice-président ou une vice-présidente",
        "vice_president_2": "un second vice-président ou une seconde vice-présidente",
        "vice_president_3": "un troisième vice-président ou une troisième vice-présidente",
        "secretaire": "un ou une secrétaire",
        "secretaire_adjoint": "un secrétaire adjoint ou une secrétaire adjointe",
        "tresorier": "un trésorier ou une trésorière",
        "tresorier_adjoint": "un trésorier adjoint ou une trésorière adjointe",
    }
)

MISSIONS: Mapping[str, str] = MappingProxyType(
    {
        "acces_soins": (
            "l'amélioration de l'accès aux soins, notamment l'accès à un médecin traitant et la "
            "prise en charge des soins non programmés"
        ),
        "parcours": (
            "l'organisation de parcours pluriprofessionnels autour du patient, pour éviter les "
            "ruptures de parcours et favoriser le maintien à domicile"
        ),
        "prevention": "le développement d'actions territoriales de prévention",
        "crise_sanitaire": (
            "la préparation et la réponse aux situations de crise sanitaire sur le territoire"
        ),
        "qualite_pertinence": ("le développement de la qualité et de la pertinence des soins"),
        "accompagnement_professionnels": (
            "l'accompagnement des professionnels de santé sur le territoire, notamment pour "
            "faciliter l'installation des jeunes diplômés et l'accueil des stagiaires"
        ),
    }
)

UNITES: Mapping[str, str] = MappingProxyType(
    {
        "heure": "par heure",
        "demi_journee": "par demi-journée",
        "journee": "par journée",
        "forfait": "forfait par participation",
    }
)

BENEFICIAIRES: Mapping[str, str] = MappingProxyType(
    {
        "bureau": "membres du bureau",
        "conseil_administration": "administrateurs",
        "referents": "référents de groupes de travail et de missions",
        "adherents": "adhérents",
        "coordination": "personnes chargées de la coordination",
    }
)

ACTIVITES: Mapping[str, str] = MappingProxyType(
    {
        "instances": "la participation aux instances de l'association (bureau, conseil, assemblées)",
        "groupes_travail": "la participation aux groupes de travail",
        "actions_projet_sante": "la conduite d'actions du projet de santé",
        "coordination": "les temps de coordination",
        "formation": "les formations pluriprofessionnelles organisées par la CPTS",
        "deplacements": "les déplacements liés à ces activités",
    }
)

JUSTIFICATIFS: Mapping[str, str] = MappingProxyType(
    {
        "feuille_emargement": "la feuille d'émargement",
        "compte_rendu": "le compte rendu de la réunion ou de l'action",
        "attestation_presence": "une attestation de présence",
        "releve_temps": "un relevé du temps passé",
        "facture": "une facture ou une note d'honoraires",
    }
)

CONDITIONS_ADHESION: Mapping[str, str] = MappingProxyType(
    {
        "exercer_ou_resider_sur_territoire": "exercer, être établi ou résider sur le territoire",
        "adherer_au_projet_de_sante": "adhérer au projet de santé de la CPTS",
        "respecter_statuts_et_reglement": "s'engager à respecter les statuts et le présent règlement",
        "participer_a_une_action": "participer à au moins une action ou un groupe de travail",
        "signer_charte": "signer la charte de l'association annexée au règlement intérieur",
    }
)

MAJORITES_DECISIONS: Mapping[str, str] = MappingProxyType(
    {
        "defaut": "les autres décisions",
        "affectation_fonds": "l'affectation des sommes perçues par la CPTS",
        "budget": "l'arrêt du budget prévisionnel",
        "recrutement": "le recrutement et la rémunération des salariés",
        "conventions": "la signature des conventions et contrats",
        "exclusion": "l'exclusion ou la radiation d'un membre",
        "reglement_interieur": "la modification du règlement intérieur",
        "transfert_siege": "le transfert du siège social",
    }
)

ORGANES: Mapping[str, str] = MappingProxyType(
    {
        "bureau": "le bureau",
        "conseil_administration": "le conseil d'administration",
        "assemblee_generale": "l'assemblée générale",
        "tresorier": "le trésorier",
    }
)

CONVOCATION_MOYENS: Mapping[str, str] = MappingProxyType(
    {
        "courriel": "par courriel",
        "courrier": "par courrier",
        "courriel_et_courrier": "par courriel et par courrier",
        "remise_en_main_propre": "par remise en main propre",
    }
)


def fonction_titre(code: str) -> str:
    """Return a bureau function as a title, capitalised: « Vice-président », « Trésorier adjoint »."""
    nom = FONCTIONS[code]
    return nom[:1].upper() + nom[1:]


def majorite(code: str) -> str:
    """Return a majority in words: « à la majorité simple », « à la majorité des deux tiers ».

    ``code`` is a :class:`generator.values.Majorite` or its text (« simple », « 2/3 »).
    """
    return Majorite(code).mots


def beneficiaire(code: str) -> str:
    """Return a beneficiary in words; a free profession name is kept as written."""
    return BENEFICIAIRES.get(code, code)


# Feminine ordinals for the resolutions of a procès-verbal (« Première résolution »).
ORDINAUX_RESOLUTIONS = (
    "Première",
    "Deuxième",
    "Troisième",
    "Quatrième",
    "Cinquième",
    "Sixième",
    "Septième",
    "Huitième",
    "Neuvième",
    "Dixième",
)

# How a member exercises, asked on the bulletin d'adhésion of a personne physique.
MODES_EXERCICE = ("libéral", "salarié", "mixte (libéral et salarié)", "autre")


def college_dans_phrase(intitule: str) -> str:
    """Return a collège's name inside a sentence, after « le » or « du ».

    « Collège des équipes de soins primaires » becomes « collège des équipes de soins primaires »;
    a free intitulé is quoted: « collège « Libéraux » ». The statuts and the RI say it the same way.
    """
    if intitule.startswith("Collège "):
        return intitule[:1].lower() + intitule[1:]
    return f"collège « {intitule} »"


# The adhesion conditions as an inter-CPTS states them: the candidate is a CPTS, not a professional
# (the RI's adhesion article words them the same way).
CONDITIONS_ADHESION_INTER_CPTS: Mapping[str, str] = MappingProxyType(
    {
        "exercer_ou_resider_sur_territoire": (
            "avoir son territoire d'action, en tout ou partie, sur le territoire de l'association"
        ),
        "adherer_au_projet_de_sante": (
            "adhérer aux objectifs de l'association et s'engager à participer à ses travaux"
        ),
    }
)


# The principles an objet may state (objet.principes), in a few words for a choice in a question;
# the clauses themselves are worded in ``context.vocabulaire``.
PRINCIPES_COURTS: Mapping[str, str] = MappingProxyType(
    {
        "neutralite": "neutralité politique, syndicale et religieuse",
        "independance_professionnelle": "indépendance professionnelle des membres",
        "secret_professionnel": "secret professionnel et confidentialité",
        "libre_choix_patient": "libre choix du patient",
    }
)
