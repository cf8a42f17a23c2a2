"""``cpts modifier``: the AGE's bundle from the old and new answers (issue 16).

Three amendments on their own (a collège with seats, total to partial renewal, président to
co-présidence), the example pair with all three, and a text in force whose article numbers differ
from the new ones; the quorum and majority of the statuts in force refuse a vote that misses them.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from _markdown_snapshot import MarkdownSnapshotExtension
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import api, render
from generator.cli import cli
from generator.modifier import compare, documents, pipeline
from generator.modifier.articles import Article, parse

ROOT = Path(__file__).resolve().parent.parent
ANCIEN = ROOT / "examples" / "modification" / "ancien.yaml"
NOUVEAU = ROOT / "examples" / "modification" / "nouveau.yaml"
DOCUMENTS = ("tableau-comparatif", "pv-age", "statuts", "verification")

AGE = """
age:
  date: 2026-03-12
  heure: "18:30"
  lieu: "Salle de l'Athanor, Chalonnes-sur-Loire"
  membres_a_jour: {membres}
  presents: {presents}
  representes: {representes}
  president_seance: "Dr Guillaume Perrin"
  secretaire_seance: "Pauline Lambert"
  seconde_convocation: {seconde}
  votes:
{votes}
"""

COLLEGE = (
    "    cotisation: 10\n\nmembres:",
    '    cotisation: 10\n  - code: collectivites\n    intitule: "Collège des collectivités territoriales"\n'
    "    personnes: morales\n    sieges_ca: 2\n    cotisation: 50\n\nmembres:",
)
PARTIEL = ("renouvellement: {mode: total}", 'renouvellement: {mode: partiel, fraction: "1/3"}')
COPRESIDENCE = [
    ("    co_presidence: false", "    co_presidence: true"),
    ("    president: gperrin\n", "    president: [gperrin, bvasseur]\n"),
]


@pytest.fixture
def snapshot_md(snapshot):
    return snapshot.use_extension(MarkdownSnapshotExtension)


def variant(
    folder: Path,
    replacements,
    votes: str = "    ensemble: unanimite",
    *,
    membres: int = 84,
    presents: int = 41,
    representes: int = 14,
    seconde: str = "false",
) -> Path:
    """Write the old answers with ``replacements`` applied and an age section; return the file."""
    text = ANCIEN.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    text += AGE.format(
        membres=membres, presents=presents, representes=representes, seconde=seconde, votes=votes
    )
    path = folder / "nouveau.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def built(nouveau: Path, texte: Path | None = None) -> pipeline.Result:
    return pipeline.build(str(ANCIEN), str(nouveau), str(texte) if texte else None)


def text(result: pipeline.Result, name: str) -> str:
    """Return a document with its French no-break spaces read as spaces."""
    assert result.texts is not None
    return result.texts[name].replace("\xa0", " ").replace("\u202f", " ")


def kinds(result: pipeline.Result) -> dict[str, str]:
    assert result.modification is not None
    return {c.key: c.kind for c in result.modification.changes}


# --- the three amendments, one at a time -------------------------------------------------------


def test_a_new_college_with_seats_changes_the_colleges_and_the_board(tmp_path):
    result = built(variant(tmp_path, [COLLEGE]))
    assert result.valid, [f.format() for f in result.findings]
    assert kinds(result) == {"colleges": "modifie", "conseil_administration": "modifie"}
    tableau = text(result, "tableau-comparatif")
    assert "<del>quatre</del>" in tableau and "<ins>cinq</ins>" in tableau
    assert "<del>douze</del>" in tableau and "<ins>quatorze</ins>" in tableau
    assert "Les autres articles des statuts demeurent inchangés." in tableau
    assert "Collège des collectivités territoriales" in text(result, "statuts")


def test_partial_renewal_brings_its_first_drawing_of_lots_counted_from_the_age(tmp_path):
    result = built(variant(tmp_path, [PARTIEL]))
    assert result.valid, [f.format() for f in result.findings]
    assert kinds(result) == {"conseil_administration": "modifie"}
    statuts = text(result, "statuts")
    assert "désignés par tirage au sort" in statuts
    # The AGE of 2026 brings the renewal in: the first third leaves in 2027, not a year after 2024.
    assert "assemblée générale ordinaire de 2027 (un an après l’assemblée générale extraordinaire" in statuts
    assert "de 2025" not in statuts
    # The lots are drawn after the AGE, among the seats filled then, not at the founding meeting.
    after = (
        "première réunion du conseil d’administration qui suit l’assemblée générale extraordinaire "
        "du 12 mars 2026"
    )
    assert after in statuts
    assert after in text(result, "tableau-comparatif")
    assert "les douze sièges du conseil d’administration sont répartis en trois groupes" in text(
        result, "tableau-comparatif"
    )
    assert "lors de la constitution de l’association sont répartis" not in text(result, "tableau-comparatif")
    tableau = text(result, "tableau-comparatif")
    assert "renouvelé <del>en totalité à l’expiration du mandat</del> de ses membres" in tableau
    assert "renouvelé <ins>à raison du tiers</ins> de ses membres" in tableau
    assert "<ins>Pour la mise en place de ce renouvellement" in tableau


def test_co_presidence_retitles_the_president_article(tmp_path):
    result = built(variant(tmp_path, COPRESIDENCE))
    assert result.valid, [f.format() for f in result.findings]
    assert result.modification is not None
    change = next(c for c in result.modification.changes if c.key == "president")
    assert change.kind == compare.MODIFIE
    assert (change.old.title, change.new.title) == ("Le président", "La co-présidence")
    assert "colleges" not in kinds(result)
    assert "désormais intitulé « La co-présidence »" in text(result, "pv-age")
    assert "**Article 15-2 – <del>Le président</del>**" in text(result, "tableau-comparatif")
    # The amended statuts are signed by the two co-presidents in office, names left to fill.
    assert "| Le co-président | Le co-président | Le secrétaire |" in text(result, "statuts")


def test_the_regles_interieur_change_is_shown_with_the_organ_that_decides_it(tmp_path):
    result = built(variant(tmp_path, COPRESIDENCE))
    tableau = text(result, "tableau-comparatif")
    assert "## Règlement intérieur" in tableau
    assert (
        "établi par le conseil d’administration et soumis à l’approbation de l’assemblée générale" in tableau
    )


# --- a text in force whose numbers differ ------------------------------------------------------


def _word_text_in_force(folder: Path) -> Path:
    """The adopted text as an advisor converts it from Word: an extra article 4, bold headings."""
    statuts = render.render_documents(api.load_answers(ANCIEN), ["statuts"])["statuts"].markdown
    shift = {}

    def renumber(match):
        number = match.group(2)
        head, _, sub = number.partition("-")
        new = str(int(head) + 1) if int(head) >= 4 else head
        shift[number] = new + (f".{sub}" if sub else "")
        return f"**ARTICLE {shift[number]} : {match.group(3)}**"

    text = re.sub(r"^#{3,4} (Article) ([0-9-]+) – (.+)$", renumber, statuts, flags=re.MULTILINE)
    extra = (
        "**ARTICLE 4 : Affiliation**\n\nL'association adhère à la fédération régionale des CPTS et "
        "peut adhérer à toute autre fédération poursuivant un objet similaire.\n\n"
    )
    text = text.replace("**ARTICLE 5 : Durée**", extra + "**ARTICLE 5 : Durée**", 1)
    path = folder / "statuts-adoptes.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_word_headings_are_read():
    articles = parse("**ARTICLE 1er : Dénomination**\n\nTexte.\n\nArticle 2 - Objet\n\n- un ;\n- deux.\n")
    assert [(a.number, a.title, a.blocks) for a in articles] == [
        ("1", "Dénomination", ("Texte.",)),
        ("2", "Objet", ("– un ;", "– deux.")),
    ]


def test_articles_are_matched_by_title_when_the_numbers_differ(tmp_path):
    texte = _word_text_in_force(tmp_path)
    result = built(variant(tmp_path, [COLLEGE], "    ensemble: {pour: 50, contre: 3, abstention: 2}"), texte)
    assert result.valid, [f.format() for f in result.findings]
    assert result.modification is not None
    changes = {c.key: c for c in result.modification.changes}
    assert changes["colleges"].kind == compare.MODIFIE
    assert (changes["colleges"].old.number, changes["colleges"].new.number) == ("6-2", "5-2")
    assert changes["conseil_administration"].kind == compare.MODIFIE
    assert (changes["conseil_administration"].old.number, changes["conseil_administration"].new.number) == (
        "10",
        "9",
    )
    assert changes["article_4"].kind == compare.SUPPRIME
    renumbered = [c for c in result.modification.changes if c.kind == compare.RENUMEROTE]
    assert len(renumbered) > 10
    assert all(c.old.number != c.new.number for c in renumbered)
    tableau = text(result, "tableau-comparatif")
    assert "### Article 5-2 – Les collèges (ancien article 6-2)" in tableau
    assert "### Article 4 – Affiliation (article supprimé)" in tableau
    assert "- l’article 18 « Ressources de l’association » devient l’article 17 ;" in tableau
    assert "- l’article 24 « Libéralités » devient l’article 23." in tableau
    pv = text(result, "pv-age")
    # Convocation, quorum and majority cite the articles of the text in force, not the new ones.
    assert "conformément à l’article 17-1 des statuts en vigueur" in pv
    assert "L’article 17-3 des statuts en vigueur exige" in pv
    assert "Suppression de l’article 4 « Affiliation »" in pv
    assert "statuts-adoptes.md" in text(result, "verification")
    # The tableau is annexed to the PV: it names no file and says nothing of how it was made.
    assert "statuts-adoptes.md" not in tableau and "rapprochés" not in tableau


def test_an_adopted_text_whose_age_rules_differ_from_the_old_answers_is_flagged(runner, tmp_path):
    texte = _word_text_in_force(tmp_path)
    adopted = texte.read_text(encoding="utf-8")
    rule = "Les résolutions de l’assemblée générale extraordinaire sont prises à la majorité des deux tiers"
    assert rule in adopted
    texte.write_text(adopted.replace(rule, rule.replace("deux tiers", "trois quarts")), encoding="utf-8")
    nouveau = variant(tmp_path, [COLLEGE], "    ensemble: {pour: 50, contre: 3, abstention: 2}")
    out = tmp_path / "age"
    args = ["modifier", str(ANCIEN), str(nouveau), "-o", str(out), "--format", "md"]
    result = runner.invoke(cli, [*args, "--texte-en-vigueur", str(texte)])
    assert result.exit_code == 0, result.output
    line = adopted.splitlines().index("**ARTICLE 17.3 : Assemblée générale extraordinaire**") + 1
    assert f"{texte}:{line}:0: (racine): [W-AGE-TEXTE] l'article 17-3 du texte adopté" in result.output
    verification = (out / "verification.md").read_text(encoding="utf-8").replace("\xa0", " ")
    assert "**Attention.** L’article 17-3 du texte adopté" in verification
    # The same text with the adopted rules: no warning, and the report says the rules were compared.
    texte.write_text(adopted, encoding="utf-8")
    result = runner.invoke(cli, [*args, "--texte-en-vigueur", str(texte), "--force"])
    assert result.exit_code == 0 and "W-AGE-TEXTE" not in result.output
    verification = (out / "verification.md").read_text(encoding="utf-8")
    assert "Les articles 17-1 et 17-3 du texte adopté" in verification and "Attention" not in verification


def test_the_adopted_word_document_reads_as_the_text_it_was_made_from(tmp_path):
    # The DOCX the tool wrote in 2024, given back as the text in force: the same articles are found
    # changed as from the old answers (list paragraphs, headings and no-break spaces read alike).
    old = api.load_answers(ANCIEN)
    texte = tmp_path / "statuts-2024.docx"
    texte.write_bytes(api.render_bundle(old, ["statuts"], ["docx"])["statuts.docx"])
    nouveau = variant(tmp_path, [COLLEGE, PARTIEL])
    from_word = built(nouveau, texte)
    from_answers = built(nouveau)
    assert from_word.valid, [f.format() for f in from_word.findings]
    assert (
        kinds(from_word)
        == kinds(from_answers)
        == {"colleges": "modifie", "conseil_administration": "modifie"}
    )
    assert [c.rows for c in from_word.modification.changes] == [
        c.rows for c in from_answers.modification.changes
    ]


def test_a_text_saved_from_word_has_one_paragraph_per_line():
    articles = parse(
        "STATUTS DE L'ASSOCIATION CPTS X\nLa santé est un état.\nARTICLE 1 – Dénomination\n"
        "Il est fondé une association.\nElle a pour sigle X.\nARTICLE 2 : Objet\nElle a pour objet :\n"
        "• l'accès aux soins ;\n• la prévention.\nFait à Metz, le 3 mai 2020\n"
    )
    assert [(a.number, a.blocks) for a in articles] == [
        ("", ("La santé est un état.",)),
        ("1", ("Il est fondé une association.", "Elle a pour sigle X.")),
        ("2", ("Elle a pour objet :", "– l'accès aux soins ;", "– la prévention.")),
    ]


def test_the_amended_statuts_keep_the_list_of_earlier_amendments(tmp_path):
    # The text in force is the statuts an earlier AGE amended: its mention is carried on, and it is
    # not taken for a change of the preamble.
    statuts = render.render_documents(api.load_answers(ANCIEN), ["statuts"])["statuts"].markdown
    title, _, rest = statuts.partition("\n")
    mention = (
        "*Statuts adoptés par l'assemblée générale constitutive du 20 juin 2024 et modifiés par "
        "l'assemblée générale extraordinaire du 1er avril 2025.*"
    )
    texte = tmp_path / "statuts-2025.md"
    texte.write_text(f"{title}\n\n{mention}\n{rest}", encoding="utf-8")
    result = built(variant(tmp_path, [COLLEGE]), texte)
    assert result.valid, [f.format() for f in result.findings]
    assert kinds(result) == {"colleges": "modifie", "conseil_administration": "modifie"}
    assert text(result, "statuts").splitlines()[2] == (
        "*Statuts adoptés par l’assemblée générale constitutive du 20 juin 2024 et modifiés par les "
        "assemblées générales extraordinaires du 1er avril 2025 et du 12 mars 2026.*"
    )


def test_a_text_in_force_cannot_inject_markup(tmp_path):
    texte = tmp_path / "statuts.md"
    texte.write_text(
        "### Article 1 – Dénomination\n\nIl est fondé <ins>pirate</ins> | <!-- signatures --> ~~x~~.\n",
        encoding="utf-8",
    )
    result = built(variant(tmp_path, [COLLEGE]), texte)
    assert result.valid, [f.format() for f in result.findings]
    tableau = text(result, "tableau-comparatif")
    assert "\\<ins\\>pirate" in tableau
    assert "<ins>pirate" not in tableau.replace("\\<ins\\>pirate", "")
    assert "\\<!-- signatures" in tableau


def test_under_local_law_the_amendment_takes_effect_once_inscribed(tmp_path):
    moselle = ROOT / "examples" / "cpts-moselle-droit-local.yaml"
    answers = moselle.read_text(encoding="utf-8").replace(*PARTIEL, 1)
    answers += AGE.format(
        membres=30, presents=20, representes=3, seconde="false", votes="    ensemble: unanimite"
    )
    nouveau = tmp_path / "nouveau.yaml"
    nouveau.write_text(answers, encoding="utf-8")
    result = pipeline.build(str(moselle), str(nouveau))
    assert result.valid, [f.format() for f in result.findings]
    verification = text(result, "verification")
    assert "registre des associations du tribunal judiciaire" in verification
    assert "code civil local, article 71" in verification
    assert "préfecture" not in verification
    pv = text(result, "pv-age")
    assert "à leur inscription au registre des associations (article 71 du code civil local)" in pv
    # The filing is made at the greffe by a member of the direction (CPC, local annex, art. 30-1).
    assert "au greffe du tribunal judiciaire par un membre de la direction" in pv
    assert "par un membre de la direction" in verification and "en original et en copie" in verification
    assert "### Première résolution – Modification des statuts" in pv
    # The founders sign the founding statuts only (code civil local, art. 59): the amended ones,
    # rendered with the context's flag off, keep the officers' block and lose the founders' one.
    statuts = text(result, "statuts")
    founders_table = "| Membre fondateur | Représentant | Signature |"
    assert "Signatures des membres fondateurs" not in statuts and founders_table not in statuts
    assert "Le président | Le secrétaire |" in statuts
    assert "| Signature : | Signature : |" in statuts
    founding = render.render_documents(api.load_answers(moselle), ["statuts"])["statuts"].markdown
    assert "Signatures des membres fondateurs" in founding and founders_table in founding


def test_the_declaration_names_its_form_and_the_law_that_asks_for_it(tmp_path):
    result = built(variant(tmp_path, COPRESIDENCE))
    verification = text(result, "verification")
    declaration = next(line for line in verification.splitlines() if "Déclaration à la préfecture" in line)
    assert "Cerfa n° 13972\\*03" in declaration and "« e-Modification »" in declaration
    # The three months come from the law; the decree's article 3 is about the officers, not the statuts.
    assert "(loi du 1er juillet 1901, article 5)" in declaration and "décret" not in declaration
    officers = next(line for line in verification.splitlines() if "Liste des dirigeants" in line)
    assert "décret du 16 août 1901, article 3" in officers and "Cerfa n° 13971\\*03" in officers
    assert "JOAFE" not in verification  # neither the title, the objet nor the seat changes
    assert "l’article 15-2 « La co-présidence »" in verification


def test_a_new_title_may_be_published_in_the_joafe(tmp_path):
    renamed = ('  nom: "CPTS Loire Layon Aubance"', '  nom: "CPTS Loire Layon Aubance Corniche"')
    result = built(variant(tmp_path, [renamed]))
    assert result.valid, [f.format() for f in result.findings]
    verification = text(result, "verification")
    published = "La modification du titre peut être publiée au Journal officiel des associations (JOAFE)"
    assert published in verification


# --- the rules of the statuts in force ---------------------------------------------------------


def _codes(result: pipeline.Result) -> list[str]:
    return [f.rule for f in result.findings if f.severity.value == "erreur"]


def test_a_vote_that_misses_the_majority_is_refused_citing_the_old_article(tmp_path):
    result = built(variant(tmp_path, [COLLEGE], "    colleges: {pour: 30, contre: 20, abstention: 5}"))
    assert not result.valid
    assert _codes(result) == ["E-AGE-MAJORITE"]
    message = next(f for f in result.findings if f.rule == "E-AGE-MAJORITE")
    assert "article 16-3 des statuts en vigueur" in message.message
    assert "à la majorité des deux tiers" in message.message
    assert message.path == "age.votes.colleges" and message.line > 300


def test_the_age_votes_under_the_old_rules_not_the_ones_it_adopts(tmp_path):
    # The new statuts drop the AGE's quorum and lower its majority; the vote is still held to the
    # quorum (half plus one) and the two-thirds majority of the statuts in force.
    lowered = (
        'extraordinaire: {quorum: "1/2+1", seconde_convocation_jours: 15, majorite_statuts: "2/3"}',
        'extraordinaire: {quorum: null, seconde_convocation_jours: 15, majorite_statuts: "simple"}',
    )
    votes = "    ensemble: {pour: 19, contre: 10, abstention: 1}"
    result = built(variant(tmp_path, [lowered], votes, presents=25, representes=5))
    assert _codes(result) == ["E-AGE-QUORUM", "E-AGE-MAJORITE"]
    enough = built(variant(tmp_path, [lowered], votes, presents=25, representes=5, seconde="true"))
    assert _codes(enough) == ["E-AGE-MAJORITE"]


def test_one_resolution_for_the_whole_lists_every_modification(tmp_path):
    result = built(
        variant(tmp_path, [COLLEGE, *COPRESIDENCE], "    ensemble: {pour: 40, contre: 10, abstention: 5}")
    )
    assert result.valid, [f.format() for f in result.findings]
    pv = text(result, "pv-age")
    assert pv.count(" résolution – ") == 1
    assert "- modification de l’article 5-2 « Les collèges » ;" in pv
    assert (
        "- modification de l’article 15-2 « Le président », désormais intitulé « La co-présidence » ;" in pv
    )
    assert "Pour : 40 ; contre : 10 ; abstentions : 5." in pv


def test_a_missed_quorum_is_refused_unless_on_second_convocation(tmp_path):
    refused = built(variant(tmp_path, [COLLEGE], presents=20, representes=10))
    assert _codes(refused) == ["E-AGE-QUORUM"]
    assert "en exige au moins 43" in refused.findings[-1].message
    second = built(variant(tmp_path, [COLLEGE], presents=20, representes=10, seconde="true"))
    assert second.valid
    assert "sur seconde convocation, avec le même ordre du jour, à quinze jours au moins" in text(
        second, "pv-age"
    )


def test_more_voters_than_members_is_refused(tmp_path):
    result = built(variant(tmp_path, [COLLEGE], membres=40, presents=35, representes=10))
    assert "E-AGE-EFFECTIF" in _codes(result)


def test_a_vote_on_an_article_that_does_not_change_is_refused(tmp_path):
    votes = "    colleges: unanimite\n    objet: unanimite"
    result = built(variant(tmp_path, [COLLEGE], votes))
    assert _codes(result) == ["E-AGE-VOTES"]


def test_a_resolution_without_a_vote_is_left_blank(tmp_path):
    result = built(variant(tmp_path, [COLLEGE], "    colleges: unanimite"))
    assert result.valid
    pv = text(result, "pv-age")
    # colleges, conseil_administration (no vote), then the whole text (no « ensemble » vote), and
    # the powers for the formalities (no « pouvoirs_formalites » vote)
    assert pv.count(" résolution – ") == 3
    assert pv.count("est ☐ adoptée ☐ rejetée") == 3
    assert (
        "le vote sur l’ensemble du texte modifié, qui suit les votes article par article, se donne"
        in text(result, "verification")
    )


def test_votes_per_article_end_with_the_vote_on_the_whole_text(tmp_path):
    votes = (
        "    colleges: unanimite\n    conseil_administration: unanimite\n"
        "    ensemble: {pour: 30, contre: 20, abstention: 5}\n"
        "    pouvoirs_formalites: {pour: 50, contre: 0, abstention: 5}"
    )
    refused = built(variant(tmp_path, [COLLEGE], votes))
    # The adoption of the whole text is a resolution like the others: held to the two-thirds.
    assert _codes(refused) == ["E-AGE-MAJORITE"]
    assert refused.findings[-1].path == "age.votes.ensemble"
    votes = votes.replace("pour: 30, contre: 20", "pour: 45, contre: 5")
    result = built(variant(tmp_path, [COLLEGE], votes))
    assert result.valid, [f.format() for f in result.findings]
    pv = text(result, "pv-age")
    assert pv.count(" résolution – ") == 3
    last = pv.split("### Troisième résolution – Adoption de l’ensemble des statuts modifiés", 1)[1]
    assert "adopte l’ensemble du texte des statuts ainsi modifiés" in last
    assert "Pour : 45 ; contre : 5 ; abstentions : 5." in last.split("###", 1)[0]
    powers = pv.split("### Pouvoirs pour les formalités", 1)[1]
    adopted = "Pour : 50 ; contre : 0 ; abstentions : 5. Cette résolution est adoptée à la majorité simple."
    assert adopted in powers
    assert "☐" not in pv


def test_a_single_resolution_votes_the_renumbering_too(tmp_path):
    texte = _word_text_in_force(tmp_path)
    result = built(variant(tmp_path, [COLLEGE], "    ensemble: unanimite"), texte)
    assert result.valid, [f.format() for f in result.findings]
    pv = text(result, "pv-age")
    assert pv.count(" résolution – ") == 1
    assert "- modification de l’article 10 « Conseil d’administration », qui devient l’article 9 ;" in pv
    assert (
        "- renumérotation des autres articles qui en découle.\n\n"
        "Elle adopte en conséquence le texte des statuts ainsi modifiés" in pv
    )


def test_an_age_before_the_constitution_is_refused(tmp_path):
    nouveau = variant(tmp_path, [COLLEGE])
    nouveau.write_text(nouveau.read_text(encoding="utf-8").replace("date: 2026-03-12", "date: 2024-01-10"))
    result = built(nouveau)
    assert _codes(result) == ["E-AGE-DATE"]
    assert "20 juin 2024" in result.findings[-1].message


@pytest.mark.parametrize(
    ("day", "deadline"),
    [("2026-03-12", "2026-06-12"), ("2026-11-30", "2027-02-28"), ("2027-11-30", "2028-02-29")],
)
def test_the_declaration_is_due_three_months_after_the_age(day, deadline):
    assert documents.three_months_after(dt.date.fromisoformat(day)) == dt.date.fromisoformat(deadline)


@pytest.mark.parametrize(("rank", "name"), [(1, "Première"), (11, "Onzième"), (20, "Vingtième"), (21, "21e")])
def test_resolutions_are_ranked_in_words(rank, name):
    assert documents.ordinal(rank) == name


def test_removing_the_devolution_is_refused():
    devolution = Article(
        "20", "Dissolution", ("L'actif net est dévolu à un organisme poursuivant un objet similaire.",)
    )
    partage = Article("20", "Dissolution", ("L'actif net est partagé entre les membres.",))
    assert pipeline.devolution_removed([devolution], [partage]) == devolution
    assert pipeline.devolution_removed([devolution], [devolution]) is None


# --- the command --------------------------------------------------------------------------------


@pytest.fixture
def runner():
    return CliRunner()


def test_the_command_writes_the_four_documents(runner, tmp_path):
    out = tmp_path / "age"
    result = runner.invoke(cli, ["modifier", str(ANCIEN), str(NOUVEAU), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{d}.{e}" for d in DOCUMENTS for e in ("md", "docx")
    )
    again = tmp_path / "again"
    assert runner.invoke(cli, ["modifier", str(ANCIEN), str(NOUVEAU), "-o", str(again)]).exit_code == 0
    for path in out.iterdir():
        assert path.read_bytes() == (again / path.name).read_bytes(), path.name


def test_the_command_refuses_a_missed_majority_and_writes_nothing(runner, tmp_path):
    nouveau = variant(tmp_path, [COLLEGE], "    colleges: {pour: 30, contre: 20, abstention: 5}")
    out = tmp_path / "age"
    result = runner.invoke(cli, ["modifier", str(ANCIEN), str(nouveau), "-o", str(out)])
    assert result.exit_code == 1
    assert "[E-AGE-MAJORITE]" in result.output and "article 16-3 des statuts en vigueur" in result.output
    assert "aucun document écrit" in result.stderr
    assert not out.exists()


def test_the_command_keeps_an_existing_folder_without_force(runner, tmp_path):
    out = tmp_path / "age"
    out.mkdir()
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    result = runner.invoke(cli, ["modifier", str(ANCIEN), str(NOUVEAU), "-o", str(out), "--format", "md"])
    assert result.exit_code == 3
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    forced = runner.invoke(
        cli, ["modifier", str(ANCIEN), str(NOUVEAU), "-o", str(out), "--format", "md", "--force"]
    )
    assert forced.exit_code == 0, forced.output
    assert sorted(p.name for p in out.iterdir()) == sorted(["notes.txt", *(f"{d}.md" for d in DOCUMENTS)])


def test_the_command_needs_an_age_section(runner, tmp_path):
    result = runner.invoke(cli, ["modifier", str(ANCIEN), str(ANCIEN), "-o", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "[E-AGE-ABSENTE]" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "fichier introuvable"),
        (b"Aucun article ici.\n", "aucun article reconnu"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b"PK\x03\x04 pas une archive", "document Word illisible"),
        (
            "### Article 1 – Objet\n\nUn \u202etexte\u202c inversé.\n".encode(),
            "ligne 3 : caractère invisible",
        ),
        ("### Article 1 – Objet\n\nUn marqueur \x1eA:objet\x1f.\n".encode(), "U+001E"),
    ],
)
def test_an_unusable_text_in_force_is_a_usage_error(runner, tmp_path, content, message):
    texte = tmp_path / "statuts.md"
    if content is not None:
        texte.write_bytes(content)
    result = runner.invoke(
        cli,
        ["modifier", str(ANCIEN), str(NOUVEAU), "-o", str(tmp_path / "x"), "--texte-en-vigueur", str(texte)],
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_an_endless_text_in_force_is_refused_without_reading_it_all(runner, tmp_path):
    result = runner.invoke(
        cli,
        ["modifier", str(ANCIEN), str(NOUVEAU), "-o", str(tmp_path / "x"), "--texte-en-vigueur", "/dev/zero"],
    )
    assert result.exit_code == 2
    assert "trop gros" in result.stderr


def test_a_missing_answers_file_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(
        cli, ["modifier", str(tmp_path / "absent.yaml"), str(NOUVEAU), "-o", str(tmp_path / "x")]
    )
    assert result.exit_code == 2
    assert "absent.yaml" in result.stderr and "introuvable" in result.stderr
    assert not (tmp_path / "x").exists()


def test_the_package_ships_in_the_wheel():
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "generator.modifier" in setuptools["packages"]


def test_the_help_is_french(runner):
    result = runner.invoke(cli, ["modifier", "--help"])
    assert result.exit_code == 0
    assert "--texte-en-vigueur" in result.output and "Show this message" not in result.output


def test_render_and_modifier_share_one_output_option_whose_help_fits_each():
    def sortie(command):
        return next(p for p in cli.commands[command].params if p.name == "sortie")

    render_option, modifier_option = sortie("render"), sortie("modifier")
    for option in (render_option, modifier_option):
        assert (option.opts, option.required, option.metavar) == (["-o", "--sortie"], True, "DOSSIER")
    # The same words, and only render, which takes a batch and --zip, explains them.
    assert modifier_option.help == "Dossier à créer pour les documents."
    assert render_option.help.startswith("Dossier à créer pour les documents (")
    assert "--zip" in render_option.help and "--zip" not in modifier_option.help


# --- the DOCX tableau ------------------------------------------------------------------------------


def test_the_docx_tableau_strikes_removed_words_and_underlines_added_ones(tmp_path):
    import docx  # python-docx reads the result back

    files = pipeline.files(built(NOUVEAU), ["docx"])
    path = tmp_path / "tableau.docx"
    path.write_bytes(files["tableau-comparatif.docx"])
    runs = [
        run
        for table in docx.Document(str(path)).tables
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    struck = {run.text for run in runs if run.font.strike}
    underlined = {run.text for run in runs if run.font.underline}
    assert "quatre" in struck and "cinq" in underlined
    # A rewritten phrase is struck and underlined whole, not word by word around « à » and « du ».
    assert "en totalité à l’expiration du mandat" in struck
    assert "à raison du tiers" in underlined
    assert not struck & underlined
    assert not any(run.font.strike or run.font.underline for run in runs if run.text == "Ancienne rédaction")


# --- the example pair, as a jurist reads it ------------------------------------------------------


@pytest.mark.parametrize("document", DOCUMENTS)
def test_snapshot(document, snapshot_md):
    result = built(NOUVEAU)
    assert result.valid, [f.format() for f in result.findings]
    assert result.texts[document] == snapshot_md


# --- the word diff, on any text ----------------------------------------------------------------------

WORDS = [
    "le",
    "président",
    "co-présidents",
    "l'association",
    ";",
    ".",
    ",",
    ":",
    "«",
    "»",
    "*",
    "|",
    "<b>",
    "#",
    "-",
    "1.",
    "\\",
]


def test_the_tableau_keeps_the_no_break_spaces_of_the_statuts(tmp_path):
    # An amount and a French mark at the edge of a change stay unbreakable, as in the statuts.
    result = built(variant(tmp_path, [COLLEGE]))
    assert result.texts is not None
    tableau = result.texts["tableau-comparatif"]
    assert "Collège des collectivités territoriales\u202f; 50\xa0€\u202f; cinquante euros" in tableau
    assert "usagers\u202f<ins>;</ins>" in tableau
    assert "usagers <ins>" not in tableau and not re.search(r"\d €", tableau)
    left, right = compare.diff_words("de 1\xa0500\xa0€ par an", "de 1\xa0600\xa0€ par an")
    assert (left, right) == ("de 1\xa0<del>500</del>\xa0€ par an", "de 1\xa0<ins>600</ins>\xa0€ par an")


def test_common_glue_between_two_changes_goes_with_them():
    left, right = compare.diff_words("assiste le président dans", "assiste les co-présidents dans")
    assert (left, right) == (
        "assiste <del>le président</del> dans",
        "assiste <ins>les co-présidents</ins> dans",
    )
    # Two words of substance in common stay unmarked between the changes.
    left, _ = compare.diff_words("un des deux membres", "le des deux élus")
    assert left == "<del>un</del> des deux <del>membres</del>"


def _back(cell: str, tag: str) -> str:
    """Return a cell's text without its revision tags and escapes, spaces collapsed."""
    text = cell.replace(f"<{tag}>", "").replace(f"</{tag}>", "")
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


@given(st.lists(st.sampled_from(WORDS), max_size=25), st.lists(st.sampled_from(WORDS), max_size=25))
@settings(max_examples=300, deadline=None)
def test_the_word_diff_keeps_every_word_and_marks_only_its_own(old_words, new_words):
    old, new = " ".join(old_words), " ".join(new_words)
    left, right = compare.diff_words(old, new)
    assert _back(left, "del") == " ".join(old.split())
    assert _back(right, "ins") == " ".join(new.split())
    # Once the escaped characters are dropped, the only « < » left are the tags the diff wrote.
    for cell, tag in ((left, "del"), (right, "ins")):
        bare = re.sub(r"\\.", "", cell)
        assert re.findall(r"<[^>]*>", bare) == re.findall(rf"</?{tag}>", bare)
    if old_words == new_words:
        assert "<del>" not in left and "<ins>" not in right


def test_the_word_model_gives_its_header_to_the_four_documents(runner, tmp_path):
    import docx  # python-docx writes the letterhead and reads the result back

    model = tmp_path / "entete.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "URPS Exemple"
    letterhead.save(model)
    out = tmp_path / "age"
    arguments = [
        "modifier",
        str(ANCIEN),
        str(NOUVEAU),
        "-o",
        str(out),
        "--format",
        "docx",
        "--modele-word",
        str(model),
    ]
    result = runner.invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    for document in DOCUMENTS:
        assert docx.Document(out / f"{document}.docx").sections[0].header.paragraphs[0].text == "URPS Exemple"
    refused = runner.invoke(
        cli, [*arguments[:3], "-o", str(tmp_path / "md"), "--format", "md", "--modele-word", str(model)]
    )
    assert refused.exit_code == 2
    assert "ne sert qu'aux formats docx et pdf" in refused.output
    assert not (tmp_path / "md").exists()
