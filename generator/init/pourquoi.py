"""Why the AVECsanté model makes each choice: one line per question of ``cpts init``.

Data only. Keys are answer paths with ``*`` for a list index (``colleges.*.voix``), or the key of
a question that is not an answer of the file (``membres.*.personne``). The titles, defaults and
choices come from the schema; these lines say why the model (or the seeds' advice) chooses so.
A test checks that every question the questionnaire can ask has its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from generator.model import RESOLUTIONS

_CA = "gouvernance.conseil_administration"
_BUREAU = "gouvernance.bureau"
_AG = "gouvernance.assemblees"

_MEMBRE = {
    "civilite": "Elle précède le nom dans l'annexe des fondateurs et le procès-verbal ; facultative.",
    "nom": "Le nom figure dans la liste des fondateurs annexée aux statuts.",
    "prenom": "Le prénom complète le nom dans la liste des fondateurs et les signatures.",
    "profession": "La liste des dirigeants déclarée en préfecture demande la profession de chacun.",
    "structure": "Une personne morale adhère sous sa dénomination (MSP, centre de santé, EHPAD, CPTS…).",
    "representant": "Une personne morale agit par son représentant, qui signe et vote pour elle (art. 10).",
    "college": "Chaque membre vote dans son collège et sa cotisation dépend du collège (art. 5-2 et 6).",
    "commune": "La commune d'exercice montre l'ancrage du membre dans le territoire (art. 7).",
    "email": "Les convocations partent par courriel ; facultatif.",
    "domicile": "Le domicile des dirigeants est demandé par la déclaration en préfecture ; facultatif ici.",
    "nationalite": "La liste des dirigeants donne la nationalité de chacun (loi 1901, art. 5) ; jamais "
    "présumée : sans réponse, la case reste à remplir.",
    "date_naissance": "En droit local, le registre des associations demande la date de naissance des "
    "membres de la direction.",
    "lieu_naissance": "En droit local, le registre des associations demande le lieu de naissance des "
    "membres de la direction.",
    "representant_profession": "La liste des dirigeants donne la profession de la personne qui "
    "représente une personne morale au conseil.",
    "representant_domicile": "La liste des dirigeants donne le domicile de la personne qui représente "
    "une personne morale au conseil.",
    "representant_nationalite": "La liste des dirigeants donne la nationalité de la personne qui "
    "représente une personne morale au conseil.",
    "id": "Un identifiant court désigne le membre dans le reste du fichier (élections, pouvoirs).",
    "genre": "Avec « Dr » ou « Pr », seul le genre accorde les titres (« la présidente ») ; "
    "facultatif : sans réponse, le masculin.",
}

_FONCTIONS = (
    "president",
    "vice_president",
    "vice_president_2",
    "vice_president_3",
    "secretaire",
    "secretaire_adjoint",
    "tresorier",
    "tresorier_adjoint",
)

_DESIGNATION = (
    "Le bureau est élu parmi les membres (au sein du CA s'il existe) ; une personne morale "
    "désigne la personne qui exercera la fonction."
)

_VOTE = "Le procès-verbal donne le décompte des voix quand la résolution n'est pas votée à l'unanimité."

_LINES: dict[str, str] = {
    # 1. the association and its territory
    "modele": (
        "Le modèle AVECsanté est celui d'une CPTS ; l'inter-CPTS suit les conseils de l'URPS Occitanie."
    ),
    "association.nom": "La dénomination ouvre les statuts (art. 1) et figure sur chaque document.",
    "association.sigle": "Facultatif : un sigle court est pratique sur les courriers et le site.",
    "association.territoire": (
        "L'objet de l'association nomme le territoire sur lequel la CPTS agit (art. 2)."
    ),
    "association.departement": (
        "Le département désigne la préfecture de déclaration, et en Moselle et en Alsace le droit local."
    ),
    "association.communes": (
        "La liste des communes délimite le territoire : dans le règlement intérieur, ou dans les "
        "statuts quand le territoire s'étend sur plusieurs départements ou se divise en sous-territoires."
    ),
    "association.population": (
        "La population fixe la taille ACI (1 à 4), donc le financement attendu et le seuil du "
        "commissaire aux comptes."
    ),
    "association.siege.adresse": "Les statuts fixent le siège ; le CA peut le transférer (art. 3).",
    "association.siege.code_postal": "Le code postal complète l'adresse du siège dans les statuts.",
    "association.siege.commune": "La commune du siège est le plus souvent l'une des communes du territoire.",
    "association.duree": (
        "« La durée de l'association est illimitée » (art. 4) : une CPTS s'inscrit dans le temps."
    ),
    "association.fait_a": (
        "Les statuts sont signés là où se tient l'AG constitutive, souvent la commune du siège."
    ),
    "association.siege.transfert": (
        "Le modèle laisse le conseil (ou le bureau) transférer le siège, l'assemblée suivante "
        "ratifiant (art. 3) ; beaucoup de CPTS le confient au conseil seul."
    ),
    "association.preambule": (
        "Le modèle ouvre les statuts sur la définition de la santé de l'OMS ; un texte la remplace, "
        "un texte vide la supprime."
    ),
    "objet.missions_aci": (
        "Les quatre missions socles sont exigées par l'ACI ; les deux autres sont facultatives."
    ),
    "objet.objectifs_supplementaires": (
        "L'objet peut nommer des objectifs propres au projet de santé ; facultatif."
    ),
    "objet.principes": (
        "Le modèle n'en énonce pas ; beaucoup de CPTS affirment leur neutralité, l'indépendance de "
        "leurs membres, le secret professionnel et le libre choix du patient ; facultatif."
    ),
    "clauses_supplementaires": (
        "Le modèle n'en a pas ; une clause propre aux fondateurs s'ajoute après l'article de son "
        "choix (« cpts labels » donne les étiquettes) ; facultatif."
    ),
    "clauses_supplementaires.*.document": "Une clause s'ajoute aux statuts ou au règlement intérieur.",
    "clauses_supplementaires.*.apres": "L'étiquette de l'article après lequel la clause prend place.",
    "clauses_supplementaires.*.titre": "Le titre de l'article ajouté, numéroté comme les autres.",
    "clauses_supplementaires.*.label": "Une étiquette, pour qu'une autre clause la cite ; facultatif.",
    "clauses_supplementaires.*.texte": (
        "Du texte simple : paragraphes et éléments de liste commençant par « - »."
    ),
    "objet.affiliations": (
        "Le modèle n'en prévoit pas ; une CPTS peut adhérer à une fédération (FCPTS…) ; facultatif."
    ),
    # 2. the collèges
    "colleges": (
        "Le modèle réunit quatre collèges (art. 5-2) : au moins deux, pour que tous les acteurs votent."
    ),
    "colleges.*.code": (
        "Un code connu (ps, esp, structures, usagers, cpts, partenaires) reprend l'intitulé du modèle."
    ),
    "colleges.*.intitule": "Un collège qui n'est pas dans le modèle a besoin d'un nom dans les statuts.",
    "colleges.*.description": "La phrase des statuts qui dit qui appartient à ce collège.",
    "colleges.*.personnes": (
        "Le modèle dit pour chaque collège s'il réunit des personnes physiques, morales, ou les deux."
    ),
    "colleges.*.voix": "Dans le modèle chaque collège vote ; une voix consultative convient aux partenaires.",
    "colleges.*.sieges_ca": (
        "Le CA est « représentatif des collèges » (art. 9) ; le guide conseille de les répartir à égalité."
    ),
    "colleges.*.cotisation": (
        "La cotisation est « fonction du collège d'appartenance », fixée chaque année par l'AGO (art. 6)."
    ),
    # 3. the governance
    _CA: (
        "Le modèle confie l'administration à un CA représentatif des collèges, qui élit le bureau (art. 9 "
        "et 15)."
    ),
    f"{_CA}.reunions_min_par_an": "« Le CA se réunit au moins trois fois par an » (art. 11).",
    f"{_CA}.convocation_jours": "Le président convoque le CA « au moins 10 jours avant » (art. 11).",
    f"{_CA}.quorum": "Le CA délibère valablement quand la moitié de ses membres est présente (art. 11).",
    f"{_CA}.pouvoirs_max": "« Deux pouvoirs par membre présent » (art. 11).",
    f"{_CA}.voix_preponderante": (
        "« En cas de partage des voix, la voix du Président est prépondérante » (art. 11)."
    ),
    f"{_CA}.absences_consecutives_demission": (
        "Trois absences consécutives sans justification valent démission (art. 12)."
    ),
    f"{_CA}.quorum_exclusion": "Une radiation ou une exclusion demande le quorum des deux tiers (art. 11).",
    f"{_CA}.majorites.defaut": (
        "Les délibérations du CA sont prises à la majorité des présents et représentés (art. 11)."
    ),
    f"{_CA}.majorites.affectation_fonds": (
        "Le RI fixe une majorité renforcée pour l'affectation des sommes perçues par la CPTS (art. 9)."
    ),
    f"{_CA}.majorites.budget": "Le RI peut renforcer la majorité pour le budget.",
    f"{_CA}.majorites.recrutement": "Le RI peut renforcer la majorité pour un recrutement.",
    f"{_CA}.majorites.conventions": "Le RI peut renforcer la majorité pour signer une convention.",
    f"{_CA}.majorites.exclusion": "Le RI peut renforcer la majorité pour une exclusion.",
    f"{_CA}.majorites.reglement_interieur": "Le RI peut renforcer la majorité pour se modifier lui-même.",
    f"{_CA}.majorites.transfert_siege": "Le RI peut renforcer la majorité pour transférer le siège.",
    f"{_BUREAU}.fonctions": (
        "Le bureau comprend « à minima » président, vice-président, secrétaire et trésorier (art. 15-1)."
    ),
    f"{_BUREAU}.collegial": (
        "Le modèle prévoit un président et un vice-président (art. 15-1) ; une gouvernance collégiale "
        "confie la représentation à des administrateurs délégués désignés par le CA."
    ),
    f"{_BUREAU}.co_presidence": (
        "Le modèle prévoit un président ; une co-présidence partage la charge entre deux personnes."
    ),
    f"{_BUREAU}.colleges_distincts_min": (
        "« Les membres du bureau sont issus d'au moins deux collèges différents » (art. 15-1)."
    ),
    f"{_BUREAU}.elu_par": (
        "« Le CA élit en son sein un bureau » (art. 15-1) ; sans CA, l'assemblée générale l'élit."
    ),
    # 4. mandates and renewal
    f"{_CA}.mandat_annees": "Les administrateurs sont élus « pour trois ans » (art. 9).",
    f"{_CA}.reelections_max": (
        "« Chaque membre du conseil d'administration est rééligible deux fois » (art. 9)."
    ),
    f"{_CA}.renouvellement.mode": (
        "Le modèle renouvelle tout le CA tous les trois ans ; un renouvellement partiel garde la continuité."
    ),
    f"{_CA}.renouvellement.fraction": "Par moitié ou par tiers ; les premiers sortants sont tirés au sort.",
    f"{_BUREAU}.mandat_annees": "Les membres du bureau « sont élus pour trois ans » (art. 15-1).",
    f"{_BUREAU}.reelections_max": "Leur mandat est « renouvelable deux fois » (art. 15-1).",
    # 5. the general assemblies
    f"{_AG}.convocation_jours": "Les assemblées sont convoquées par le président, quinze jours à l'avance.",
    f"{_AG}.demande_fraction_membres": (
        "« Au moins un quart des membres » peut demander une assemblée (art. 16-1)."
    ),
    f"{_AG}.delai_reunion_sur_demande_jours": (
        "Le président convoque alors « dans les trente jours » (art. 16-1)."
    ),
    f"{_AG}.pouvoirs_max": "« Deux pouvoirs par membre présent » (art. 16-1).",
    f"{_AG}.visioconference": (
        "Le modèle prévoit des assemblées en présence ; la visioconférence facilite la participation."
    ),
    f"{_AG}.ordinaire.quorum": (
        "Le modèle ne fixe pas de quorum à l'AGO : un quorum risque des convocations répétées."
    ),
    f"{_AG}.ordinaire.majorite": "« Les décisions de l'AGO sont adoptées à la majorité simple » (art. 16-2).",
    f"{_AG}.extraordinaire.quorum": "L'AGE réunit « à minima la moitié plus un de ses membres » (art. 16-3).",
    f"{_AG}.extraordinaire.seconde_convocation_jours": (
        "Sans quorum, une nouvelle AGE est convoquée « à quinze jours au moins d'intervalle » (art. 16-3)."
    ),
    f"{_AG}.extraordinaire.majorite_statuts": (
        "Les statuts se modifient « à la majorité qualifiée des deux tiers » (art. 16-3)."
    ),
    # 6. cotisations and membership
    "cotisation.echeance": (
        "« Son versement s'effectue tous les ans en janvier pour l'année civile en cours » (art. 6)."
    ),
    "adhesion.validation_par": "Le bureau instruit les adhésions ; un CA peut s'en réserver la décision.",
    "adhesion.delai_reponse_jours": "Un mois pour répondre à un candidat, le temps d'une réunion du bureau.",
    "adhesion.conditions": (
        "L'adhésion est ouverte aux acteurs « exerçants ou établis sur le territoire » (art. 7)."
    ),
    "adhesion.refus_motive": (
        "Le modèle fait motiver un refus d'adhésion, ce qui protège le candidat et l'association."
    ),
    "adhesion.effet": (
        "Dans le modèle, l'adhésion prend effet au paiement de la première cotisation."
    ),
    # 7. indemnisation and expenses
    "indemnisation.remboursement_frais": (
        "Les frais des administrateurs « sont remboursés au vu des pièces justificatives » (art. 13)."
    ),
    "indemnisation.remuneration_dirigeants": (
        "Les fonctions sont « par défaut bénévoles » ; la loi 2001-1275 permet une rémunération "
        "approuvée par l'AGO (art. 13)."
    ),
    "indemnisation.activites": (
        "Le temps passé aux instances, aux groupes de travail et aux actions du projet de santé."
    ),
    "indemnisation.baremes": (
        "Le guide conseille d'indemniser la perte de revenu ; le barème se fixe au RI (URPS Hauts-de-France)."
    ),
    "indemnisation.baremes.*.beneficiaires": (
        "Qui est indemnisé : bureau, conseil_administration, referents, adherents…"
    ),
    "indemnisation.baremes.*.unite": "Par heure, demi-journée, journée ou forfait par participation.",
    "indemnisation.baremes.*.montant": "Le montant par unité, en euros.",
    "indemnisation.baremes.*.activite": "Facultatif : l'activité que ce barème indemnise.",
    "indemnisation.justificatifs": (
        "Feuille d'émargement et compte rendu tracent l'action (URPS Hauts-de-France)."
    ),
    "indemnisation.delai_demande_jours": (
        "Un délai de demande évite des rattrapages en fin d'exercice (FCPTS)."
    ),
    "indemnisation.validation_par": "Le trésorier contrôle chaque demande avant paiement (FCPTS).",
    "indemnisation.plafond_annuel_par_personne": (
        "Un plafond annuel par personne limite le risque (URPS Hauts-de-France) ; aucun par défaut."
    ),
    "finances.subventions_publiques_annuelles": (
        "Par défaut le montant se déduit de la taille ACI ; il décide du commissaire aux comptes."
    ),
    "finances.commissaire_aux_comptes": (
        "Obligatoire dès 153 000 € de subventions publiques par an : « auto » le décide."
    ),
    "finances.exercice": "L'exercice suit l'année civile, comme la cotisation (art. 6).",
    "finances.depenses.seuil_engagement_seul": (
        "Le président « ordonne les dépenses » (art. 15-2) ; seul en dessous du seuil."
    ),
    "finances.depenses.double_signature_au_dela": (
        "Au-delà, deux signatures du bureau sécurisent la dépense (URPS Hauts-de-France)."
    ),
    "finances.depenses.carte_bancaire": (
        "Le président, qui ordonne, et le trésorier, qui tient les comptes (art. 15)."
    ),
    "finances.depenses.notes_de_frais_delai_jours": "Deux mois pour présenter une note de frais.",
    # 8. the founders and the constitutive general assembly
    "membres.fondateurs": (
        "Une association réunit au moins deux personnes ; sept sous le droit local d'Alsace-Moselle."
    ),
    "membres.honneur": (
        "Le CA peut distinguer des membres d'honneur : voix consultative, sans cotisation (art. 5-1)."
    ),
    "membres.*.personne": "Le modèle accueille des personnes physiques et des personnes morales (art. 5-1).",
    "ag_constitutive": "Le procès-verbal de l'AG constitutive accompagne la déclaration en préfecture.",
    "ag_constitutive.date": "La date de l'AG constitutive, au format AAAA-MM-JJ.",
    "ag_constitutive.heure": "L'heure d'ouverture de la séance figure au procès-verbal.",
    "ag_constitutive.lieu": "Le lieu de la séance figure au procès-verbal.",
    "ag_constitutive.convocation.date": "Facultatif : la date d'envoi de la convocation.",
    "ag_constitutive.convocation.moyen": "Le modèle convoque par courriel ; le procès-verbal le mentionne.",
    "ag_constitutive.presidence_seance": (
        "Un président de séance dirige les débats et signe le procès-verbal."
    ),
    "ag_constitutive.secretariat_seance": "Un secrétaire de séance rédige et signe le procès-verbal.",
    "ag_constitutive.presents": (
        "Une feuille d'émargement est signée par chaque membre présent ou représenté (art. 16-1)."
    ),
    "ag_constitutive.representes": "Un membre absent peut donner pouvoir à un membre présent (art. 16-1).",
    "ag_constitutive.representes.*.membre": "Le membre absent qui donne pouvoir.",
    "ag_constitutive.representes.*.mandataire": (
        "Le membre présent qui reçoit le pouvoir (deux au plus par défaut)."
    ),
    "ag_constitutive.administrateurs_elus": (
        "L'AG élit les administrateurs, dans la limite des sièges de chaque collège (art. 9)."
    ),
    "ag_constitutive.bureau_elu.administrateurs_delegues": (
        "Bureau collégial : le conseil d'administration désigne parmi ses membres les administrateurs "
        "délégués qui représentent l'association, convoquent, signent et ordonnancent les dépenses ; "
        "sans leurs noms, les documents laissent des blancs."
    ),
    "ag_constitutive.votes": (
        "Le modèle présume l'unanimité ; sinon le procès-verbal donne les voix pour, contre et abstentions."
    ),
    "ag_constitutive.refus_statuts": (
        "Qui vote contre les statuts ou s'abstient n'adhère pas : il n'est pas fondateur, ne signe pas "
        "et ne vote plus."
    ),
    "ag_constitutive.voix_bureau": (
        "Au scrutin secret, le procès-verbal donne les voix de chaque élu du bureau ; sinon des blancs."
    ),
}

for _key, _line in _MEMBRE.items():
    _LINES[f"membres.fondateurs.*.{_key}"] = _line
    _LINES[f"membres.honneur.*.{_key}"] = _line
for _fonction in _FONCTIONS:
    _base = f"ag_constitutive.bureau_elu.{_fonction}"
    for _suffix in ("", ".personne", ".*", ".*.personne"):
        _LINES[_base + _suffix] = _DESIGNATION
for _resolution in RESOLUTIONS:
    for _count in ("pour", "contre", "abstention"):
        _LINES[f"ag_constitutive.votes.{_resolution}.{_count}"] = _VOTE

POURQUOI: Mapping[str, str] = MappingProxyType(_LINES)
