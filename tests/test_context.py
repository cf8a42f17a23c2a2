"""The documents' contexts, built from the model without rendering any template."""

from pathlib import Path

import pytest

from generator.api import load_answers
from generator.context import commun, document_context
from generator.context.titres import titre
from generator.model import Designation
from generator.rules import dirigeants_incomplets
from generator.values import Montant

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _with_civilite(model, member_id, civilite):
    """Return the model where one founder has another civilité (and no genre, which would decide)."""
    fondateurs = tuple(
        f._replace(civilite=civilite, genre=None) if f.id == member_id else f for f in model.fondateurs
    )
    return model._replace(fondateurs=fondateurs)


def _without_ag(model):
    return model._replace(ag_constitutive=None)


@pytest.mark.parametrize(
    ("fonction", "feminin", "nombre", "le", "au", "cellule"),
    [
        ("president", False, 1, "le président", "au président", "Président"),
        ("president", True, 1, "la présidente", "à la présidente", "Présidente"),
        ("co_president", False, 2, "les co-présidents", "aux co-présidents", "Co-présidents"),
        ("co_president", True, 2, "les co-présidentes", "aux co-présidentes", "Co-présidentes"),
        ("co_president", True, 1, "la co-présidente", "à la co-présidente", "Co-présidente"),
        ("tresorier", True, 1, "la trésorière", "à la trésorière", "Trésorière"),
        (
            "secretaire_adjoint",
            True,
            1,
            "la secrétaire adjointe",
            "à la secrétaire adjointe",
            "Secrétaire adjointe",
        ),
        (
            "vice_president_2",
            True,
            1,
            "la seconde vice-présidente",
            "à la seconde vice-présidente",
            "Seconde vice-présidente",
        ),
        ("administrateur", True, 1, "l'administratrice", "à l'administratrice", "Administratrice"),
    ],
)
def test_titles_by_number_and_gender(fonction, feminin, nombre, le, au, cellule):
    forme = titre(fonction, feminin, nombre)
    assert (forme.le, forme.au, forme.titre) == (le, au, cellule)


def test_participle_agreement():
    assert [titre("president", f, n).accord for f in (False, True) for n in (1, 2)] == ["", "s", "e", "es"]


def test_the_presidency_follows_the_elected_president(avecsante):
    # The AVECsanté example elects gperrin, a man.
    assert commun(avecsante).presidence.le == "le président"
    femme = _with_civilite(avecsante, "gperrin", "Mme")
    assert commun(femme).presidence.le == "la présidente"
    assert commun(femme).signataires[0].titre.le == "la présidente"


def test_co_presidents_are_feminine_only_when_all_are_women(copresidence):
    # kjaouen (Dr, genre féminin) and a delegate of a legal person, whose civilité the answers do not give.
    shared = commun(copresidence)
    assert shared.presidence.le == "les co-présidents"
    assert [s.titre.titre for s in shared.signataires] == ["Co-présidente", "Co-président"]
    assert shared.presidents == (
        "Dr Katell Jaouen",
        "Dr Erwan Le Du (Maison de santé pluriprofessionnelle du Meu)",
    )
    # Without the genre, a « Dr » says nothing: the masculine; « Mme » still says the feminine.
    sans_genre = _replace_member(copresidence, "kjaouen", genre=None)
    assert [s.titre.titre for s in commun(sans_genre).signataires] == ["Co-président", "Co-président"]
    femme = _with_civilite(sans_genre, "kjaouen", "Mme")
    assert [s.titre.titre for s in commun(femme).signataires] == ["Co-présidente", "Co-président"]
    assert commun(femme).presidence.le == "les co-présidents"


def test_the_genre_decides_before_the_civilite(avecsante):
    from generator.context.titres import est_une_femme

    assert est_une_femme(avecsante, "nkhelifi")  # « Mme », no genre
    assert not est_une_femme(_replace_member(avecsante, "nkhelifi", genre="masculin"), "nkhelifi")
    docteur = _with_civilite(avecsante, "nkhelifi", "Dr")
    assert not est_une_femme(docteur, "nkhelifi")
    assert est_une_femme(_replace_member(docteur, "nkhelifi", genre="feminin"), "nkhelifi")


def test_a_draft_names_nobody_and_says_the_masculine(copresidence):
    shared = commun(_without_ag(copresidence))
    assert shared.presidents == ()
    assert all(p.nom is None for p in shared.postes)
    assert [p.titre.titre for p in shared.postes][:2] == ["Co-président", "Co-président"]
    assert len(shared.postes) == len(copresidence.bureau.fonctions) + 1


def test_a_delegate_of_a_legal_person_has_the_gender_the_answers_give(avecsante):
    from generator.context.titres import est_une_femme

    # The example gives her designation « genre: feminin »; without it, nothing is guessed.
    assert est_une_femme(avecsante, Designation("msp-vallee", "Hélène Berthier", ()))
    ag = avecsante.ag_constitutive
    sans = ag._replace(
        bureau_elu=tuple((f, tuple(d._replace(genre=None) for d in ds)) for f, ds in ag.bureau_elu)
    )
    berthier = Designation("msp-vallee", "Hélène Berthier", ())
    assert not est_une_femme(avecsante._replace(ag_constitutive=sans), berthier)
    assert est_une_femme(avecsante, Designation("nkhelifi", None, ()))


def test_dirigeants_lines_are_titled_for_each_person(avecsante):
    doc = document_context("liste-dirigeants", avecsante, commun(avecsante))
    lignes = {ligne.nom: ligne.fonctions for ligne in doc.lignes}
    assert lignes["Mme Nadia Khelifi"] == "Trésorière, administratrice"
    assert doc.lignes[0].fonctions.startswith("Président")
    assert doc.lignes_vierges == ()
    assert doc.administrateurs_elus == sum(1 for d in avecsante.dirigeants() if d.administrateur)


def test_dirigeants_blank_form_has_one_line_per_seat(copresidence):
    model = _without_ag(copresidence)
    doc = document_context("liste-dirigeants", model, commun(model))
    assert doc.lignes == ()
    assert len(doc.lignes_vierges) == model.conseil_administration.sieges_total
    assert doc.lignes_vierges[:2] == ("Co-président, administrateur", "Co-président, administrateur")
    assert doc.lignes_vierges[-1] == "Administrateur"
    assert doc.administrateurs_elus is None


def test_dirigeants_announce_blanks_when_a_domicile_is_missing(avecsante):
    doc = document_context("liste-dirigeants", avecsante, commun(avecsante))
    assert not doc.incomplet
    fondateurs = tuple(f._replace(domicile=None) if f.id == "nkhelifi" else f for f in avecsante.fondateurs)
    model = avecsante._replace(fondateurs=fondateurs)
    assert document_context("liste-dirigeants", model, commun(model)).incomplet


def _replace_member(model, member_id, **changes):
    fondateurs = tuple(f._replace(**changes) if f.id == member_id else f for f in model.fondateurs)
    return model._replace(fondateurs=fondateurs)


def test_dirigeants_legal_person_gives_its_siege_then_its_representative(avecsante):
    doc = document_context("liste-dirigeants", avecsante, commun(avecsante))
    index = next(i for i, ligne in enumerate(doc.lignes) if ligne.nom.startswith("EHPAD Les Tilleuls"))
    structure, personne = doc.lignes[index], doc.lignes[index + 1]
    ehpad = avecsante.membre("ehpad-tilleuls")
    assert structure.nom == "EHPAD Les Tilleuls (personne morale)"
    assert structure.domicile == ehpad.domicile
    assert (structure.profession, structure.nationalite) == ("sans objet", "sans objet")
    assert personne.representant and personne.fonctions == "représentée par"
    assert personne.nom == "Nathalie Brun"
    assert personne.profession == ehpad.representant_profession
    assert personne.domicile == ehpad.representant_domicile
    assert doc.certifiee


def test_dirigeants_never_presume_a_nationality(avecsante):
    model = _replace_member(avecsante, "nkhelifi", nationalite=None)
    doc = document_context("liste-dirigeants", model, commun(model))
    ligne = next(ligne for ligne in doc.lignes if ligne.nom == "Mme Nadia Khelifi")
    assert ligne.nationalite is None
    assert doc.incomplet and not doc.certifiee
    messages = list(dirigeants_incomplets(model))
    assert [path for path, _ in messages] == [model.membre("nkhelifi").path]
    assert "nationalité" in messages[0][1]


def test_dirigeants_a_person_designated_other_than_the_representative_is_a_blank(avecsante):
    model = _replace_member(avecsante, "ehpad-tilleuls", representant="Paul Autre")
    doc = document_context("liste-dirigeants", model, commun(model))
    personne = next(ligne for ligne in doc.lignes if ligne.nom == "Nathalie Brun")
    assert (personne.profession, personne.domicile, personne.nationalite) == (None, None, None)
    assert not doc.certifiee


def test_dirigeants_under_local_law_list_the_direction_with_birth():
    model = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    doc = document_context("liste-dirigeants", model, commun(model))
    assert doc.direction
    bureau = [d for d in model.dirigeants() if d.fonctions]
    assert len(doc.lignes) == len(bureau) < len(model.dirigeants())
    assert doc.lignes[0].naissance == "2 avril 1971, Metz"
    assert all(ligne.profession is not None for ligne in doc.lignes)  # not asked: never blank
    assert doc.certifiee
    sans_date = _replace_member(model, "tschmitt", date_naissance=None)
    assert document_context("liste-dirigeants", sans_date, commun(sans_date)).lignes[0].naissance is None


def test_bulletin_inter_cpts_partners_have_their_own_conditions():
    model = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    doc = document_context("bulletin-adhesion", model, commun(model))
    forms = {f.college.code: f for f in doc.formulaires}
    cpts, partenaires = forms["cpts"], forms["partenaires"]
    assert not cpts.conditions_des_statuts and partenaires.conditions_des_statuts
    assert any("territoire d'action" in w for w in cpts.conditions)
    assert not any("territoire" in w for w in partenaires.conditions)
    assert any("soutiens la coordination" in w for w in partenaires.conditions)


def test_bulletin_receipt_and_forms(avecsante, copresidence):
    doc = document_context("bulletin-adhesion", avecsante, commun(avecsante))
    # The trésorier collects the cotisations (RI): he signs the receipt.
    tresorier = next(p for p in commun(avecsante).postes if p.fonction == "tresorier")
    assert (doc.recu_signataire, doc.recu_nom) == ("la trésorière", tresorier.nom)  # Mme Nadia Khelifi
    assert doc.recu_nom is not None
    assert [f.college.code for f in doc.formulaires] == [c.code for c in avecsante.colleges]
    assert all(f.exonere == (f.college.cotisation == 0) for f in doc.formulaires)
    for f in doc.formulaires:
        assert "respecter" not in " ".join(f.conditions)
        assert len(f.conditions) == len(commun(avecsante).conditions_adhesion) - (
            "respecter_statuts_et_reglement" in avecsante.adhesion.conditions
        )
        assert all(w.startswith(("j'", "je ")) for w in f.conditions)  # first person after « Je remplis »
    co = document_context("bulletin-adhesion", copresidence, commun(copresidence))
    assert co.recu_signataire in {"le trésorier", "la trésorière"} and co.recu_nom is not None
    usagers = next(f for f in co.formulaires if f.college.code == "usagers")
    assert usagers.exonere and usagers.personnes == "mixtes"
    assert usagers.nom == "collège des habitants et des usagers"


def test_pv_resolutions_in_order_with_their_votes(avecsante):
    doc = document_context("pv-ag-constitutive", avecsante, commun(avecsante))
    codes = [r.code for r in doc.resolutions]
    assert codes == [
        "statuts",
        "administrateurs",
        "bureau",
        "cotisations",
        "reglement_interieur",
        "formalites",
    ]
    assert [r.ordinal for r in doc.resolutions][:2] == ["Première", "Deuxième"]
    assert doc.ordinaux["formalites"] == "Sixième"
    assert all(r.vote is avecsante.ag_constitutive.votes.get(r.code) for r in doc.resolutions)
    # The election by candidate (voix_candidats) is its own vote: no global count.
    assert [r.code for r in doc.resolutions if r.par_candidat] == ["administrateurs"]


def test_pv_without_ca_has_no_election_of_administrators(avecsante):
    model = avecsante._replace(conseil_administration=None)
    doc = document_context("pv-ag-constitutive", model, commun(model))
    assert "administrateurs" not in [r.code for r in doc.resolutions]
    assert doc.ordinaux["formalites"] == "Cinquième"
    assert not doc.bureau_par_ca


def test_pv_draft_has_no_votes_nor_attendance(avecsante):
    model = _without_ag(avecsante)
    doc = document_context("pv-ag-constitutive", model, commun(model))
    assert all(r.vote is None for r in doc.resolutions)
    assert doc.presences is None
    assert doc.president_seance.nom is None
    assert {e.presence for e in doc.emargement} == {None}


def test_pv_attendance_counts(copresidence):
    doc = document_context("pv-ag-constitutive", copresidence, commun(copresidence))
    p = doc.presences
    ag = copresidence.ag_constitutive
    assert (p.presents, p.representes) == (len(ag.presents), len(ag.representes))
    assert p.presents + p.representes + p.absents == len(copresidence.fondateurs)
    assert p.votants == len(copresidence.votants())
    assert p.pouvoirs[0] == ("Mme Anaïs Morel", "Mme Solenn Robin")
    lignes = {e.nom: e for e in doc.emargement}
    assert lignes["Mme Solenn Robin"].accord == "e"
    assert lignes["Dr Katell Jaouen"].accord == "e"  # her genre, not her « Dr »
    assert all(e.accord == "" for e in doc.emargement if e.nom.startswith("M. "))
    assert lignes["Mme Anaïs Morel"].presence == "represente"
    assert doc.secretaire_seance.titre.le == "la secrétaire"


def test_pv_partial_renewal_schedule(copresidence):
    doc = document_context("pv-ag-constitutive", copresidence, commun(copresidence))
    assert [e.rang for e in doc.renouvellement] == ["Premier", "Deuxième"]
    assert [e.dernier for e in doc.renouvellement] == [False, True]
    assert sum(e.sieges for e in doc.renouvellement) == copresidence.conseil_administration.sieges_total
    assert sum(len(e.noms) for e in doc.elections) == doc.administrateurs_elus


def test_reglement_thresholds_and_lists(copresidence, avecsante):
    doc = document_context("reglement-interieur", copresidence, commun(copresidence))
    depenses = copresidence.finances.depenses
    assert doc.seuil == min(depenses.seuil_engagement_seul, depenses.double_signature_au_dela)
    assert doc.double == depenses.double_signature_au_dela
    assert doc.cartes == ("à chacun des co-présidents", "au trésorier")
    assert commun(copresidence).exoneres == ("collège des habitants et des usagers",)
    # The RI's signature block names its signatories as the statuts' does (issue 13).
    statuts = document_context("statuts", copresidence, commun(copresidence))
    assert [(s.titre.le, s.nom) for s in doc.signataires] == [
        (s.titre.le, s.nom) for s in statuts.signataires
    ]
    assert doc.majorites[-1] == ("Les autres décisions", "simple")
    assert ("L'affectation des sommes perçues par la CPTS", "2/3") in doc.majorites
    assert doc.adopte_le_ag
    draft = _without_ag(avecsante)
    blank = document_context("reglement-interieur", draft, commun(draft)).signataires
    assert [(s.titre.le, s.nom) for s in blank] == [("le président", None), ("le secrétaire", None)]
    assert commun(avecsante).vice_presidents == ("le vice-président",)


def test_reglement_a_higher_single_threshold_is_bounded_by_the_double_signature(avecsante):
    depenses = avecsante.finances.depenses._replace(seuil_engagement_seul=9000, double_signature_au_dela=5000)
    model = avecsante._replace(finances=avecsante.finances._replace(depenses=depenses))
    doc = document_context("reglement-interieur", model, commun(model))
    assert (doc.seuil, doc.double) == (5000, 5000)


def test_reglement_without_ca_has_no_majorities(avecsante):
    model = avecsante._replace(conseil_administration=None)
    doc = document_context("reglement-interieur", model, commun(model))
    assert doc.majorites == () and doc.majorite_reglement is None
    assert commun(model).organe.le == "le bureau"


@pytest.mark.parametrize(
    ("exercice", "debut", "fin"),
    [
        ("civil", None, None),
        ("01-01", None, None),
        ("04-01", "1er avril", "le 31 mars"),
        ("03-01", "1er mars", "le dernier jour de février"),
        ("01-15", "15 janvier", "le 14 janvier"),
        ("07-02", "2 juillet", "le 1er juillet"),
    ],
)
def test_statuts_financial_year(avecsante, exercice, debut, fin):
    model = avecsante._replace(finances=avecsante.finances._replace(exercice=exercice))
    doc = document_context("statuts", model, commun(model))
    assert (doc.exercice_debut, doc.exercice_fin) == (debut, fin)


def test_statuts_signatures_name_and_title_each_signatory(copresidence):
    doc = document_context("statuts", copresidence, commun(copresidence))
    assert [(s.titre.le, s.nom) for s in doc.signataires] == [
        ("la co-présidente", "Dr Katell Jaouen"),
        ("le co-président", "Dr Erwan Le Du (Maison de santé pluriprofessionnelle du Meu)"),
        ("la secrétaire", "Mme Solenn Robin"),
    ]
    assert doc.date == copresidence.ag_constitutive.date
    draft = _without_ag(copresidence)
    assert [s.nom for s in document_context("statuts", draft, commun(draft)).signataires] == [None] * 3


def test_statuts_lists(copresidence, avecsante):
    doc = document_context("statuts", copresidence, commun(copresidence))
    assert doc.administrateurs == "administrateurs"
    assert doc.intervalle == 2
    assert [r.rang for r in doc.renouvellement] == ["premier", "deuxième"]
    assert ("l'affectation des sommes perçues par la CPTS", "2/3") in doc.majorites_speciales
    assert all(decision != "les autres décisions" for decision, _ in doc.majorites_speciales)
    assert doc.versements == ("des remboursements de frais", "des rémunérations")
    msp = next(f for f in doc.fondateurs if f.nom == "Maison de santé pluriprofessionnelle du Meu")
    assert (msp.personne_morale, msp.representant, msp.civilite) == (True, "Dr Erwan Le Du", None)
    jaouen = next(f for f in doc.fondateurs if f.nom == "Katell Jaouen")
    assert (jaouen.civilite, jaouen.profession, jaouen.representant) == ("Dr", "Médecin généraliste", None)
    sans_ca = avecsante._replace(conseil_administration=None)
    assert document_context("statuts", sans_ca, commun(sans_ca)).administrateurs == "membres du bureau"


def test_reglement_working_groups_and_first_mandates(copresidence, avecsante):
    doc = document_context("reglement-interieur", copresidence, commun(copresidence))
    ca = copresidence.conseil_administration
    assert doc.groupes_indemnises == ("groupes_travail" in copresidence.indemnisation.activites)
    # Four-year mandates renewed by halves: the first group leaves after two years.
    assert ca.calendrier_renouvellement[0].annees_apres_constitution == 2 and doc.premier_mandat_abrege
    sans_baremes = copresidence._replace(indemnisation=copresidence.indemnisation._replace(baremes=()))
    assert not document_context("reglement-interieur", sans_baremes, commun(sans_baremes)).groupes_indemnises
    total = avecsante._replace(
        conseil_administration=avecsante.conseil_administration._replace(calendrier_renouvellement=())
    )
    assert not document_context("reglement-interieur", total, commun(total)).premier_mandat_abrege


def test_inter_cpts_words_the_adhesion_conditions_for_a_cpts():
    model = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    wordings = commun(model).conditions_adhesion
    assert wordings["adherer_au_projet_de_sante"].startswith("adhérer aux objectifs de l'association")
    assert all("projet de santé de la CPTS" not in w for w in wordings.values())
    assert commun(model).vice_presidents == ("le vice-président", "le second vice-président")


def test_verification_warns_that_a_taille_1_passes_the_cac_threshold_in_year_2():
    petite = load_answers(EXAMPLES / "cpts-petite-bureau.yaml")
    doc = document_context("verification", petite, commun(petite))
    seuil = petite.parametres.seuil_commissaire_aux_comptes.valeur
    assert petite.taille_aci == 1 and not petite.cac.obligatoire
    assert doc.financement_annee_pleine > seuil
    assert doc.depassement_probable
    assert doc.signataires_statuts == "la présidente et la secrétaire"  # Dr Marchal (genre), Mme Leroux


def test_cac_threshold_is_passed_only_above_it():
    from generator import facts

    assert not facts.decision_cac("auto", Montant(153000), Montant(153000)).obligatoire
    assert facts.decision_cac("auto", Montant("153000.01"), Montant(153000)).obligatoire


def test_pv_a_resolution_without_vote_is_blank_never_unanimous(avecsante):
    ag = avecsante.ag_constitutive
    votes = {code: vote for code, vote in ag.votes.items() if code != "cotisations"}
    model = avecsante._replace(ag_constitutive=ag._replace(votes=votes))
    doc = document_context("pv-ag-constitutive", model, commun(model))
    assert next(r for r in doc.resolutions if r.code == "cotisations").vote is None
    from generator.render import render_document

    pv = render_document("pv-ag-constitutive", model, render_document("statuts", model).numbered).markdown
    section = pv[pv.index("résolution – Montant des cotisations") :]
    section = section[: section.index("### ")]
    assert "unanimité" not in section and "☐ adoptée ☐ rejetée" in section


def test_pv_signatures_count_the_present_founders_who_adopt():
    model = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    doc = document_context("pv-ag-constitutive", model, commun(model))
    presents = len(model.ag_constitutive.presents)
    assert doc.signatures.nombre == presents == len(model.fondateurs) - 1  # one is represented
    ag = model.ag_constitutive
    vote = ag.votes["statuts"]._replace(unanimite=False, pour=6, contre=1, abstention=1)
    refus = model._replace(ag_constitutive=ag._replace(votes={**ag.votes, "statuts": vote}))
    doc = document_context("pv-ag-constitutive", refus, commun(refus))
    assert (doc.signatures.nombre, doc.signatures.refus) == (presents - 2, 2)


def test_pv_acceptance_at_the_meeting_or_in_writing(copresidence):
    doc = document_context("pv-ag-constitutive", copresidence, commun(copresidence))
    ag = copresidence.ag_constitutive
    absents = {copresidence.nom(d) for d in ag.administrateurs_elus if d.membre not in ag.presents}
    assert set(doc.acceptation_administrateurs.par_ecrit) == absents
    assert not set(doc.acceptation_administrateurs.presents) & absents


def test_the_new_documents_apply_only_where_the_law_asks(avecsante):
    from generator.render import applicable

    petite = load_answers(EXAMPLES / "cpts-petite-bureau.yaml")
    moselle = load_answers(EXAMPLES / "cpts-moselle-droit-local.yaml")
    assert applicable("pv-premier-ca", avecsante) and not applicable("pv-premier-ca", petite)
    assert applicable("requete-inscription", moselle) and not applicable("requete-inscription", avecsante)
    requete = document_context("requete-inscription", moselle, commun(moselle))
    assert [nom for _, nom in requete.signataires] == [
        moselle.nom(d) for _, ds in moselle.ag_constitutive.bureau_elu for d in ds
    ]
    assert requete.premier_ca and requete.signataires_statuts == len(moselle.ag_constitutive.presents)
    premier = document_context("pv-premier-ca", avecsante, commun(avecsante))
    assert len(premier.tirage) == 3 and premier.tirage[-1].dernier
    assert premier.president_seance.nom == avecsante.nom("gperrin")
    assert premier.secretaire_seance.nom is None  # the assembly's secretary is no administrator


def test_bulletin_asks_a_professional_number_only_of_professionals(avecsante):
    doc = document_context("bulletin-adhesion", avecsante, commun(avecsante))
    par_code = {f.college.code: f for f in doc.formulaires}
    assert par_code["ps"].professionnel
    assert not par_code["usagers"].professionnel  # an inhabitant gives his domicile
    assert doc.contact == avecsante.association.email and doc.destinataires_aci


def test_an_inter_cpts_officer_is_the_designated_person_not_the_cpts():
    """Two people designated by one CPTS hold two offices: the CPTS does not appear to cumulate them."""
    model = load_answers(EXAMPLES / "inter-cpts-departementale.yaml")
    doc = document_context("liste-dirigeants", model, commun(model))
    assert not any(ligne.representant for ligne in doc.lignes)
    holders = {ligne.fonctions: ligne.nom for ligne in doc.lignes}
    assert holders["Présidente"].startswith("Marion Aubert (désignation : CPTS Brenne et Creuse")
    assert holders["Trésorier"].startswith("Olivier Sabourin (désignation : CPTS Brenne et Creuse")
    assert len(doc.lignes) == len(model.dirigeants())


@pytest.mark.parametrize(
    ("quorum", "sieges", "requis"),
    [
        (None, 12, None),
        ("1/2", 12, 6),
        ("1/2", 7, 4),
        ("1/2+1", 12, 7),
        ("1/2+1", 7, 4),
        ("2/3", 12, 8),
        ("1/3", 7, 3),
    ],
)
def test_first_ca_quorum_in_administrators(quorum, sieges, requis):
    from generator.context.pv_premier_ca import quorum_requis

    assert quorum_requis(quorum, sieges) == requis


def test_the_first_ca_pv_states_that_its_quorum_is_reached(avecsante):
    doc = document_context("pv-premier-ca", avecsante, commun(avecsante))
    assert doc.quorum_requis == 6
    assert doc.quorum_atteint
    assert not document_context("pv-premier-ca", _without_ag(avecsante), commun(avecsante)).quorum_atteint


def test_pv_gives_each_elected_administrator_his_votes_when_answered(avecsante, copresidence):
    doc = document_context("pv-ag-constitutive", avecsante, commun(avecsante))
    voix = avecsante.ag_constitutive.voix_candidats
    assert len(doc.elus) == len(avecsante.ag_constitutive.administrateurs_elus)
    assert {e.nom: e.voix for e in doc.elus} == {avecsante.nom(i): n for i, n in voix.items()}
    sans = document_context("pv-ag-constitutive", copresidence, commun(copresidence))
    assert sans.elus and all(e.voix is None for e in sans.elus)  # blanks to fill
    assert document_context("pv-ag-constitutive", _without_ag(copresidence), commun(copresidence)).elus == ()
