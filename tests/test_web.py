"""``cpts serve`` through HTTP: drafts, one answer saved at a time, checks, downloads, security."""

from __future__ import annotations

import html
import io
import os
import re
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pexpect
import pytest
from _serve import free_port, serving
from click.testing import CliRunner

from generator import api, loader
from generator.cli import cli
from generator.init import themes
from generator.web import brouillons, formulaire, verification
from generator.web.commande import loopback

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


def example(stem: str) -> Path:
    """Return an example by name (the list grows: an index would move)."""
    return next(p for p in EXAMPLES if p.stem == stem)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("brouillons")


@pytest.fixture(scope="module")
def client(folder: Path) -> Iterator[httpx.Client]:
    with serving(folder) as base, httpx.Client(base_url=base) as session:
        yield session


def csrf(client: httpx.Client) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text)
    assert found
    return found.group(1)


def new_draft(client: httpx.Client, name: str) -> str:
    answer = client.post("/nouveau", data={"nom": name, "csrf": csrf(client)})
    assert answer.status_code == 303
    return answer.headers["location"].rsplit("/", 1)[-1]


def version(client: httpx.Client, nom: str, theme: str = "association") -> str:
    found = re.search(r'data-version="([^"]+)"', client.get(f"/b/{nom}/{theme}").text)
    assert found
    return found.group(1)


def change(
    client: httpx.Client, nom: str, chemin: str, *valeurs: str, theme: str = "association"
) -> httpx.Response:
    data = {"csrf": csrf(client), "version": version(client, nom, theme), "theme": theme, "chemin": chemin}
    return client.post(f"/b/{nom}/champ", data={**data, "valeur": list(valeurs)})


def test_the_home_page_lists_the_drafts_and_creates_one(client: httpx.Client, folder: Path) -> None:
    nom = new_draft(client, "Ma CPTS")
    assert nom == "Ma-CPTS"
    assert new_draft(client, "../../etc/passwd") == "passwd"  # a plain name, never a path
    assert not (folder.parent / "etc").exists()
    assert (folder / f"{nom}.yaml").is_file()
    assert (folder / "questionnaire.schema.json").is_file()  # what the draft's $schema line names
    assert (
        (folder / f"{nom}.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=questionnaire.schema.json\n")
    )
    home = client.get("/").text
    assert f'href="/b/{nom}"' in home
    assert "Ouvrir un fichier de réponses" in home
    resumed = client.get(f"/b/{nom}")
    assert resumed.status_code == 303
    assert resumed.headers["location"] == f"/b/{nom}/association?question=association.nom"


def test_an_answer_is_saved_at_once_with_the_comments_of_the_file(client: httpx.Client, folder: Path) -> None:
    nom = new_draft(client, "commentaires")
    path = folder / f"{nom}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# Notre note.\n", encoding="utf-8")
    answer = change(client, nom, "association.nom", "CPTS du Val")
    assert answer.status_code == 200
    text = path.read_text(encoding="utf-8")
    assert 'nom: "CPTS du Val"' in text
    assert "# Notre note." in text
    assert answer.json()["version"] == brouillons.version(text)
    assert "CPTS du Val" in answer.json()["apercu"]["statuts"]


def test_french_input_is_read_the_same_way_as_in_the_terminal(client: httpx.Client, folder: Path) -> None:
    nom = new_draft(client, "francais")
    assert change(client, nom, "ag_constitutive", "oui", theme="fondateurs").status_code == 200
    assert change(client, nom, "ag_constitutive.date", "15 mars 2025", theme="fondateurs").status_code == 200
    assert change(client, nom, "ag_constitutive.heure", "20 h 30", theme="fondateurs").status_code == 200
    assert change(client, nom, "association.population", "95 000").status_code == 200
    text = (folder / f"{nom}.yaml").read_text(encoding="utf-8")
    assert "date: 2025-03-15" in text or 'date: "2025-03-15"' in text
    assert '"20:30"' in text
    assert "population: 95000" in text
    refused = change(client, nom, "ag_constitutive.date", "31/02/2025", theme="fondateurs")
    assert refused.status_code == 400
    assert "15/03/2025" in refused.json()["erreur"]


def test_a_wrong_answer_gets_its_message_at_the_field_with_the_rule_in_a_tooltip(
    client: httpx.Client,
) -> None:
    nom = new_draft(client, "faux")
    answer = change(client, nom, "association.departement", "599")
    messages = answer.json()["messages"]["association.departement"]
    assert "code de département INSEE" in messages[0]["message"]
    page = client.get(f"/b/{nom}/association").text
    assert re.search(r'id="message-association.departement"[^>]*><span class="erreur" title="[A-Z-]+">', page)


def test_two_tabs_never_lose_an_answer_silently(client: httpx.Client, folder: Path) -> None:
    nom = new_draft(client, "onglets")
    old = version(client, nom)
    token = csrf(client)
    first = {
        "csrf": token,
        "version": old,
        "theme": "association",
        "chemin": "association.nom",
        "valeur": "A",
    }
    assert client.post(f"/b/{nom}/champ", data=first).status_code == 200
    second = {**first, "chemin": "association.territoire", "valeur": "B"}
    stale = client.post(f"/b/{nom}/champ", data=second)
    assert stale.status_code == 409
    assert "un autre onglet" in stale.json()["conflit"]
    assert 'nom: "A"' in (folder / f"{nom}.yaml").read_text(encoding="utf-8")


def test_conditional_questions_appear_when_they_apply(client: httpx.Client) -> None:
    nom = new_draft(client, "conditions")
    assert "gouvernance.conseil_administration.quorum" not in client.get(f"/b/{nom}/gouvernance").text
    answer = change(client, nom, "gouvernance.conseil_administration", "oui", theme="gouvernance")
    assert answer.json()["recharger"] is True
    assert "gouvernance.conseil_administration.quorum" in client.get(f"/b/{nom}/gouvernance").text


def test_a_table_gets_and_loses_rows(client: httpx.Client, folder: Path) -> None:
    nom = new_draft(client, "tableau")
    form = {"csrf": csrf(client), "theme": "colleges", "tableau": "colleges"}
    for _ in range(2):
        added = client.post(f"/b/{nom}/ligne", data={**form, "version": version(client, nom, "colleges")})
        assert added.status_code == 303
    assert change(client, nom, "colleges[1].code", "esp", theme="colleges").status_code == 200
    removed = client.post(
        f"/b/{nom}/ligne", data={**form, "version": version(client, nom, "colleges"), "supprimer": "0"}
    )
    assert removed.status_code == 303
    assert formulaire.parse_path("colleges[0].code") == ("colleges", 0, "code")
    assert brouillons.Folder(folder).read(nom).data["colleges"] == [{"code": "esp"}]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_uploaded_example_gives_the_bundle_of_cpts_render(
    client: httpx.Client, example: Path, tmp_path: Path
) -> None:
    files = {"fichier": (example.name, example.read_bytes(), "application/yaml")}
    opened = client.post("/ouvrir", data={"csrf": csrf(client)}, files=files)
    assert opened.status_code == 303
    nom = opened.headers["location"].rsplit("/", 1)[-1]
    assert client.get(f"/b/{nom}/reponses.yaml").content == example.read_bytes()
    bundle = client.get(f"/b/{nom}/documents.zip")
    assert bundle.status_code == 200
    archive = tmp_path / "documents.zip"
    rendered = CliRunner().invoke(
        cli, ["render", str(example), "--zip", "-o", str(archive)], prog_name="cpts"
    )
    assert rendered.exit_code == 0, rendered.output
    assert bundle.content == archive.read_bytes()
    names = zipfile.ZipFile(io.BytesIO(bundle.content)).namelist()
    assert "statuts.docx" in names


def test_an_incomplete_draft_says_what_is_missing_instead_of_a_bundle(client: httpx.Client) -> None:
    nom = new_draft(client, "incomplet")
    answer = client.get(f"/b/{nom}/documents.zip")
    assert answer.status_code == 409
    assert "pas encore complet" in answer.text


def test_a_post_without_the_csrf_token_is_refused(client: httpx.Client, folder: Path) -> None:
    before = sorted(p.name for p in folder.iterdir())
    assert client.post("/nouveau", data={"nom": "pirate"}).status_code == 403
    assert sorted(p.name for p in folder.iterdir()) == before


def test_uploads_are_bounded_like_the_loader(client: httpx.Client) -> None:
    big = b"# " + b"x" * (1024 * 1024 + 10) + b"\n"
    answer = client.post("/ouvrir", data={"csrf": csrf(client)}, files={"fichier": ("gros.yaml", big)})
    assert answer.status_code == 400
    assert "trop gros" in answer.text


def test_no_client_path_reaches_the_file_system(client: httpx.Client) -> None:
    for url in ("/b/..%2F..%2Fetc%2Fpasswd", "/b/%2Fetc%2Fpasswd/reponses.yaml", "/b/inconnu/reponses.yaml"):
        assert client.get(url).status_code in (404, 303)
    assert client.get("/b/inconnu/association").status_code == 404
    assert formulaire.parse_path("../../etc") is None
    assert formulaire.parse_path("association.inconnu") is None


def test_loopback_refuses_another_host_header(client: httpx.Client) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403


def test_off_loopback_every_request_needs_the_token(tmp_path: Path) -> None:
    with (
        serving(tmp_path, jeton="secret-du-jour", loopback=False) as base,
        httpx.Client(base_url=base) as session,
    ):
        refused = session.get("/")
        assert refused.status_code == 403
        assert "Jeton" in refused.text
        assert session.get("/?jeton=faux").status_code == 403
        allowed = session.get("/?jeton=secret-du-jour")
        assert allowed.status_code == 200
        assert session.get("/").status_code == 200  # the cookie carries it from then on


def test_only_loopback_addresses_count_as_local() -> None:
    assert loopback("127.0.0.1")
    assert loopback("::1")
    assert loopback("localhost")
    assert not loopback("0.0.0.0")
    assert not loopback("192.168.1.10")


def test_a_majority_is_typed_in_words_or_as_a_fraction(client: httpx.Client, folder: Path) -> None:
    nom = new_draft(client, "majorites")
    theme = "assemblees"
    assert change(
        client, nom, "gouvernance.assemblees.ordinaire.majorite", "majorité absolue", theme=theme
    ).is_success
    assert change(
        client, nom, "gouvernance.assemblees.extraordinaire.majorite_statuts", "3/4", theme=theme
    ).is_success
    data = brouillons.Folder(folder).read(nom).data["gouvernance"]["assemblees"]
    assert data["ordinaire"]["majorite"] == "absolue"
    assert data["extraordinaire"]["majorite_statuts"] == "3/4"


def upload(client: httpx.Client, example: Path) -> str:
    files = {"fichier": (example.name, example.read_bytes(), "application/yaml")}
    answer = client.post("/ouvrir", data={"csrf": csrf(client)}, files=files)
    return answer.headers["location"].rsplit("/", 1)[-1]


def change_parts(client: httpx.Client, nom: str, chemin: str, **parts: str | list[str]) -> httpx.Response:
    """Send a detailed answer as the page does: each input under the name of its part."""
    data: dict[str, str | list[str]] = {
        "csrf": csrf(client),
        "version": version(client, nom, "fondateurs"),
        "theme": "fondateurs",
        "chemin": chemin,
    }
    data.update({f"partie.{key}": value for key, value in parts.items()})
    return client.post(f"/b/{nom}/champ", data=data)


def test_a_vote_count_is_shown_and_edited_in_the_form(client: httpx.Client, folder: Path) -> None:
    nom = upload(client, EXAMPLES[0])
    page = client.get(f"/b/{nom}/fondateurs").text
    assert "{&#39;pour&#39;" not in page and "réponse détaillée" not in page
    # The election of the administrators is voted per candidate (voix_candidats): the example's
    # counted vote is on the règlement intérieur.
    reglement = page[page.index('id="champ-ag_constitutive.votes.reglement_interieur"') :]
    assert '<option value="decompte" selected>' in reglement[: reglement.index("</fieldset>")]
    assert 'data-partie="pour" value="17"' in reglement
    path = "ag_constitutive.votes.cotisations"
    assert change_parts(client, nom, path, mode="decompte", pour="20", contre="1", abstention="").is_success
    votes = brouillons.Folder(folder).read(nom).data["ag_constitutive"]["votes"]
    assert votes["cotisations"] == {"pour": 20, "contre": 1, "abstention": 0}
    assert change_parts(client, nom, path, mode="unanimite", pour="20").is_success
    assert brouillons.Folder(folder).read(nom).data["ag_constitutive"]["votes"]["cotisations"] == "unanimite"
    refused = change_parts(client, nom, path, mode="decompte", pour="")
    assert refused.status_code == 400 and "voix pour" in refused.json()["erreur"]
    refused = change_parts(client, nom, path, mode="decompte", pour="douze")
    assert refused.status_code == 400 and "voix pour" in refused.json()["erreur"]


def test_an_elected_officer_is_a_member_and_the_person_it_designates(
    client: httpx.Client, folder: Path
) -> None:
    nom = upload(client, EXAMPLES[0])
    page = client.get(f"/b/{nom}/fondateurs").text
    assert 'data-partie="personne" value="Hélène Berthier"' in page
    path = "ag_constitutive.bureau_elu.secretaire"
    assert change_parts(client, nom, path, membre="msp-vallee", personne="Jeanne Roy").is_success
    elu = brouillons.Folder(folder).read(nom).data["ag_constitutive"]["bureau_elu"]
    assert elu["secretaire"] == {"membre": "msp-vallee", "personne": "Jeanne Roy"}
    assert change_parts(client, nom, path, membre="gperrin", personne="").is_success
    elu = brouillons.Folder(folder).read(nom).data["ag_constitutive"]["bureau_elu"]
    assert elu["secretaire"] == "gperrin"
    refused = change_parts(client, nom, path, membre="inconnu", personne="")
    assert refused.status_code == 400 and "membres fondateurs" in refused.json()["erreur"]


def test_a_co_presidency_elects_two_designations(client: httpx.Client, folder: Path) -> None:
    nom = upload(client, example("cpts-copresidence"))
    page = client.get(f"/b/{nom}/fondateurs").text
    assert "Membre élu n° 2" in page and 'value="Dr Erwan Le Du"' in page
    path = "ag_constitutive.bureau_elu.president"
    sent = change_parts(client, nom, path, membre=["kjaouen", "msp-meu"], personne=["", "Dr Anne Le Du"])
    assert sent.is_success
    elu = brouillons.Folder(folder).read(nom).data["ag_constitutive"]["bureau_elu"]["president"]
    assert elu == ["kjaouen", {"membre": "msp-meu", "personne": "Dr Anne Le Du"}]


def test_the_members_present_are_everyone_or_a_list(client: httpx.Client, folder: Path) -> None:
    nom = upload(client, EXAMPLES[0])
    assert 'id="champ-ag_constitutive.presents"' in client.get(f"/b/{nom}/fondateurs").text
    path = "ag_constitutive.presents"
    assert change_parts(client, nom, path, mode="liste", membres=["gperrin", "nkhelifi"]).is_success
    assert brouillons.Folder(folder).read(nom).data["ag_constitutive"]["presents"] == ["gperrin", "nkhelifi"]
    page = client.get(f"/b/{nom}/fondateurs").text
    assert 'data-partie="membres" value="gperrin" checked' in page
    assert change_parts(client, nom, path, mode="all").is_success
    assert brouillons.Folder(folder).read(nom).data["ag_constitutive"]["presents"] == "all"


def test_elected_administrators_keep_the_person_a_legal_member_designates(
    client: httpx.Client, folder: Path
) -> None:
    nom = upload(client, EXAMPLES[0])
    path = "ag_constitutive.administrateurs_elus"
    sent = change_parts(
        client, nom, path, membre=["gperrin", "msp-vallee"], **{"personne:msp-vallee": "Hélène Berthier"}
    )
    assert sent.is_success
    elus = brouillons.Folder(folder).read(nom).data["ag_constitutive"]["administrateurs_elus"]
    assert elus == ["gperrin", {"membre": "msp-vallee", "personne": "Hélène Berthier"}]
    page = client.get(f"/b/{nom}/fondateurs").text
    assert 'data-partie="personne:msp-vallee" value="Hélène Berthier"' in page


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_saving_from_the_kept_tree_writes_what_reading_the_file_again_would(
    example: Path, tmp_path: Path
) -> None:
    # The folder keeps the YAML tree it last wrote (speed); a fresh folder reads the file each time.
    kept, fresh = tmp_path / "kept", tmp_path / "fresh"
    for where in (kept, fresh):
        where.mkdir()
        (where / "f.yaml").write_bytes(example.read_bytes())
    keeper = brouillons.Folder(kept)
    edits = [
        (("association", "nom"), "CPTS « Test »"),
        (("association", "population"), 12345),
        (("association", "sigle"), brouillons.DELETE),
        (("gouvernance", "bureau", "mandat_annees"), 4),
        (("association", "nom"), "CPTS du Val"),
    ]
    for path, value in edits:
        for folder in (keeper, brouillons.Folder(fresh)):
            seen = folder.read("f").version
            folder.change("f", seen, lambda d, p=path, v=value: brouillons.set_value(d, p, v))
        assert (kept / "f.yaml").read_bytes() == (fresh / "f.yaml").read_bytes()


def test_cpts_serve_off_loopback_prints_the_token_and_warns(tmp_path: Path) -> None:
    port = free_port()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "LC_ALL": "C.UTF-8"}
    args = [
        "-m",
        "generator",
        "serve",
        str(tmp_path),
        "--hote",
        "0.0.0.0",
        "--port",
        str(port),
        "--sans-navigateur",
    ]
    child = pexpect.spawn(sys.executable, args, env=env, encoding="utf-8", timeout=20)
    try:
        child.expect(r"\?jeton=([A-Za-z0-9_-]+)")
        jeton = child.match.group(1)
        child.expect("n'a pas de comptes")
        child.expect("Ctrl-C")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as session:
            for _ in range(100):
                try:
                    refused = session.get("/")
                    break
                except httpx.ConnectError:
                    time.sleep(0.05)
            assert refused.status_code == 403
            assert session.get(f"/?jeton={jeton}").status_code == 200
    finally:
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()


def test_cpts_serve_refuses_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["serve", str(tmp_path / "absent"), "--sans-navigateur"], prog_name="cpts"
    )
    assert result.exit_code == 2
    assert "n'est pas un dossier" in result.output


def test_a_cross_field_rule_shows_at_every_answer_it_names() -> None:
    data = loader.load_file(EXAMPLES[0]).data  # cpts-avecsante: gperrin is president
    data["ag_constitutive"]["bureau_elu"]["secretaire"] = "gperrin"
    data["gouvernance"]["assemblees"]["pouvoirs_max"] = 0
    found = verification.verify(data, None).messages
    rules = {path: {f.rule for f in items} for path, items in found.items()}
    assert "E-BUREAU-CUMUL" in rules["ag_constitutive.bureau_elu.secretaire"]
    assert "E-BUREAU-CUMUL" in rules["ag_constitutive.bureau_elu.president"]  # the other function named
    assert "E-AG-CONSTITUTIVE" in rules["ag_constitutive.representes[0].mandataire"]
    assert "E-AG-CONSTITUTIVE" in rules["gouvernance.assemblees.pouvoirs_max"]  # the key the message cites
    assert "E-BUREAU-CUMUL" not in rules.get("ag_constitutive.presidence_seance", set())


def test_answers_not_given_yet_show_as_marked_blanks_in_the_preview() -> None:
    # A made-up word (« territoire », « commune ») in the preview would read like an answer.
    empty = verification.verify({"version": 1}, "statuts").apercu["statuts"]
    for blank in ("[territoire à compléter]", "[adresse à compléter]", "[code postal à compléter]"):
        assert f'<mark class="a-completer">{blank}</mark>' in empty
    assert "00000" not in empty
    given = {"version": 1, "association": {"territoire": "Val de Sambre", "siege": {"code_postal": "59600"}}}
    preview = verification.verify(given, "statuts").apercu["statuts"]
    assert "Val de Sambre" in preview and "59600" in preview
    assert "[territoire à compléter]" not in preview and "[code postal à compléter]" not in preview
    assert '<mark class="a-completer">[commune à compléter]</mark>' in preview


def test_the_form_asks_what_the_terminal_asks_from_the_same_data(client: httpx.Client, folder: Path) -> None:
    nom = upload(client, EXAMPLES[0])
    # Each collège's cotisation in theme 6 (as in the terminal), no longer in the collèges' table.
    assert 'id="champ-colleges[0].cotisation"' not in client.get(f"/b/{nom}/colleges").text
    cotisations = client.get(f"/b/{nom}/cotisations").text
    assert "Cotisation annuelle du collège « ps »" in cotisations
    assert 'id="champ-colleges[3].cotisation"' in cotisations
    # Theme 7: the controls of the scales only with a scale, and the ACI size from the population.
    indemnisation = client.get(f"/b/{nom}/indemnisation").text
    baremes = brouillons.Folder(folder).read(nom).data["indemnisation"].get("baremes")
    assert ('id="champ-indemnisation.justificatifs"' in indemnisation) == bool(baremes)
    assert '<p class="remarque">Taille ACI' in indemnisation
    sans_bareme = upload(client, example("cpts-petite-bureau"))
    assert not brouillons.Folder(folder).read(sans_bareme).data["indemnisation"].get("baremes")
    assert 'id="champ-indemnisation.justificatifs"' not in client.get(f"/b/{sans_bareme}/indemnisation").text


def test_the_collèges_table_asks_a_wording_only_of_an_unknown_code(client: httpx.Client) -> None:
    nom = upload(client, EXAMPLES[0])
    assert change(client, nom, "colleges[0].code", "pharma", theme="colleges").is_success
    page = client.get(f"/b/{nom}/colleges").text
    assert 'class="champ manquant" id="champ-colleges[0].intitule"' in page
    assert 'class="champ" id="champ-colleges[1].intitule"' in page  # « esp »: the model's wording
    assert 'id="champ-colleges[0].description"' in page
    # The seats of each collège are asked with the CA (theme 3), as in the terminal.
    assert 'id="champ-colleges[0].sieges_ca"' not in page
    assert "Sièges au CA du collège « pharma »" in client.get(f"/b/{nom}/gouvernance").text


def test_an_inter_cpts_is_told_it_has_no_ca_instead_of_being_asked(client: httpx.Client) -> None:
    inter = upload(client, next(p for p in EXAMPLES if p.stem.startswith("inter")))
    page = client.get(f"/b/{inter}/gouvernance").text
    assert '<p class="remarque">Une inter-CPTS n&#39;a pas de conseil d&#39;administration' in page
    assert 'id="champ-gouvernance.conseil_administration"' not in page
    assert "CPTS distinctes au bureau" in page
    cpts = upload(client, EXAMPLES[0])
    page = client.get(f"/b/{cpts}/gouvernance").text
    assert 'id="champ-gouvernance.conseil_administration"' in page
    assert "Majorité au CA : affectation des fonds" in page  # words, as in the terminal


def test_moselle_founders_are_told_the_local_law_minimum(client: httpx.Client) -> None:
    moselle = upload(client, next(p for p in EXAMPLES if "moselle" in p.stem))
    page = client.get(f"/b/{moselle}/fondateurs").text
    assert '<p class="remarque">Droit local d&#39;Alsace-Moselle : au moins 7 membres fondateurs.' in page
    assert "Droit local" not in client.get(f"/b/{upload(client, EXAMPLES[0])}/fondateurs").text


def test_communes_are_lines_with_their_departement_and_sous_territoire(
    client: httpx.Client, folder: Path
) -> None:
    nom = upload(client, example("cpts-deux-departements"))
    page = client.get(f"/b/{nom}/association").text
    assert "Châtillon-sur-Indre ; 36 ; Châtillonnais" in page  # shown as the line that types it
    assert "nom\u00a0; département\u00a0; sous-territoire" in page  # and told how to type one
    lines = "Loches ; ; Lochois\nClion ; 36 ; Châtillonnais\nGenillé"
    assert change(client, nom, "association.communes", lines).status_code == 200
    saved = loader.load_file(folder / f"{nom}.yaml").data
    assert saved["association"]["communes"] == [
        {"nom": "Loches", "sous_territoire": "Lochois"},
        {"nom": "Clion", "departement": "36", "sous_territoire": "Châtillonnais"},
        "Genillé",
    ]
    refused = change(client, nom, "association.communes", "a ; b ; c ; d")
    assert refused.status_code == 400
    assert "trois parties au plus" in refused.json()["erreur"]


def test_each_founder_is_asked_the_gender_that_agrees_the_titles(client: httpx.Client, folder: Path) -> None:
    nom = upload(client, example("cpts-avecsante"))
    founders = brouillons.Folder(folder).read(nom).data["membres"]["fondateurs"]
    # Asked as the terminal asks it: in words, one select per founder, optional (never « manquant »).
    page = client.get(f"/b/{nom}/fondateurs").text
    for index in range(len(founders)):
        cell = page[page.index(f'id="champ-membres.fondateurs[{index}].genre"') :]
        cell = cell[: cell.index("</select>")]
        assert 'class="champ manquant"' not in cell[:80]
        assert re.search('<option value="feminin"( selected)?>féminin</option>', cell)
        assert re.search('<option value="masculin"( selected)?>masculin</option>', cell)
    assert founders[0]["civilite"] == "Dr" and founders[0]["genre"] == "masculin"
    bureau = brouillons.Folder(folder).read(nom).data["ag_constitutive"]["bureau_elu"]
    assert founders[0]["id"] == bureau["president"]
    assert change(client, nom, "membres.fondateurs[0].genre", "feminin", theme="fondateurs").is_success
    page = client.get(f"/b/{nom}/fondateurs").text
    assert '<option value="feminin" selected>féminin</option>' in page
    # The saved file round-trips: read again, it gives the model the gender and the titles agree.
    saved = client.get(f"/b/{nom}/reponses.yaml").content
    assert loader.load_text(saved.decode(), "f.yaml").data["membres"]["fondateurs"][0]["genre"] == "feminin"
    again = upload(client, folder / f"{nom}.yaml")
    assert brouillons.Folder(folder).read(again).text.encode() == saved
    model = api.load_answers(folder / f"{nom}.yaml")
    assert model.fondateurs[0].genre == "feminin"
    liste = api.render_bundle(model, ["liste-dirigeants"], formats=["md"])["liste-dirigeants.md"].decode()
    assert "| Présidente, administratrice | Dr Guillaume Perrin |" in liste
    assert change(client, nom, "membres.fondateurs[0].genre", "", theme="fondateurs").is_success
    assert "genre" not in brouillons.Folder(folder).read(nom).data["membres"]["fondateurs"][0]


_SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
_OPTION = re.compile(r'<option value="([^"]*)"[^>]*>([^<]*)</option>|value="([^"]*)"[^>]*> ([^<]*)</label>')


def _fields(page: str) -> Iterator[tuple[str, list[tuple[str, str]], dict[str, str]]]:
    """Yield each field of a page: its name, its choices (code, words), its help and model lines."""
    for block in page.split('<div class="champ')[1:]:
        name = re.search(r'data-nom="([^"]+)"', block)
        assert name
        found = _OPTION.findall(block)
        choices = [(html.unescape(a or c), html.unescape(b or d).strip()) for a, b, c, d in found]
        lines = dict(re.findall(r'<p class="(aide|modele)">([^<]*)</p>', block))
        yield name.group(1), choices, {k: html.unescape(v) for k, v in lines.items()}


def test_no_help_line_names_a_choice_by_its_code(client: httpx.Client) -> None:
    drafts = [upload(client, path) for path in EXAMPLES] + [new_draft(client, "aides")]
    aide, modele = {}, {}
    for nom in drafts:
        for theme in themes.THEMES:
            for name, choices, lines in _fields(client.get(f"/b/{nom}/{theme.cle}").text):
                key = re.sub(r"\[[0-9]+\]", "[]", name)
                aide[key], modele[key] = lines.get("aide", ""), lines.get("modele", "")
                said = " ".join(lines.values())
                assert not _SNAKE.search(said), (name, said)
                for code, words in choices:
                    if code and code != words and re.fullmatch(r"[a-z]+", code):
                        assert not re.search(rf"(?<![\w-]){code}(\s?:|\s\(|\s?»|$)", said), (name, code, said)
    # The codes of these help lines are named as their selects show them.
    assert aide["modele"].startswith("« une CPTS et ses collèges (modèle AVECsanté) »")
    assert "« une association des CPTS d" in aide["modele"]
    effet = "« au paiement de la première cotisation » (modèle AVECsanté) ; « à la notification de l"
    assert aide["adhesion.effet"].startswith(effet)
    assert "« le conseil d" in aide["association.siege.transfert"]
    assert modele["association.siege.transfert"].startswith("Modèle AVECsanté : le conseil (ou le bureau)")
    cac = "finances.commissaire_aux_comptes"
    assert modele[cac] == "Modèle AVECsanté : selon la loi (automatique)"
    assert "« selon la loi (automatique) » le décide" in aide[cac]
    assert aide["ag_constitutive.presents"].startswith("« tous les fondateurs non représentés » ;")
    assert aide["ag_constitutive.heure"] and "guillemets" not in aide["ag_constitutive.heure"]  # YAML's way
