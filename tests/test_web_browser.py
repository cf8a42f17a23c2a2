"""``cpts serve`` in a real browser: Playwright's sync API driving Debian's chromium, headless.

One server and one browser for the module. Skipped, with the reason, only when
``/usr/bin/chromium`` is absent (``.ci/run`` installs it; Playwright downloads no browser).
Set ``CPTS_CAPTURE_DOCS=1`` to refresh the README's screenshot (docs/questionnaire.png).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _serve import serving
from click.testing import CliRunner

from generator import api, bundle, loader
from generator.cli import cli

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium absent (/usr/bin/chromium)")

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("navigateur")


@pytest.fixture(scope="module")
def base(folder: Path) -> Iterator[str]:
    with serving(folder) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


def field(page: Page, name: str) -> str:
    return "#f-" + re.sub(r"([.\[\]])", r"\\\1", name)


def answer(page: Page, name: str, value: str) -> None:
    """Type an answer as a founder does (then Tab), and wait until it is saved."""
    target = page.locator(field(page, name))
    if target.evaluate("e => e.tagName") == "SELECT":
        target.select_option(value)
    else:
        target.fill(value)
        target.press("Tab")
    expect(page.locator("#etat")).to_have_text("Enregistré.")
    page.evaluate("document.getElementById('etat').textContent = ''")


def add_row(page: Page, table: str) -> None:
    page.locator(f"section[id='{table}'] > form.ligne button").click()
    page.wait_for_load_state()


def new_draft(page: Page, base: str, name: str) -> None:
    page.goto(base + "/")
    page.fill("#nom", name)
    page.get_by_role("button", name="Nouveau fichier de réponses").click()
    page.wait_for_url(re.compile(r"/b/.+/association"))


def test_a_small_cpts_from_an_empty_draft_to_a_downloaded_bundle(page: Page, base: str, folder: Path) -> None:
    new_draft(page, base, "petite")
    for name, value in (
        ("association.nom", "CPTS du Val"),
        ("association.territoire", "Val de Lys"),
        ("association.departement", "59"),
        ("association.communes", "Lille\nRoubaix"),
        ("association.siege.adresse", "1 rue de la Gare"),
        ("association.siege.code_postal", "59000"),
        ("association.siege.commune", "Lille"),
    ):
        answer(page, name, value)
    page.get_by_role("link", name="2. Les collèges", exact=True).click()
    for index, code in enumerate(("ps", "usagers")):
        add_row(page, "colleges")
        answer(page, f"colleges[{index}].code", code)
    # Each collège's cotisation is asked in theme 6, as in the terminal.
    page.get_by_role("link", name="6. Cotisations et adhésion", exact=True).click()
    expect(page.get_by_label("Cotisation annuelle du collège « usagers »")).to_be_visible()
    for index, cotisation in enumerate(("20 €", "5")):
        answer(page, f"colleges[{index}].cotisation", cotisation)
    page.get_by_role("link", name=re.compile("^8. Les fondateurs")).click()
    for index, (prenom, nom) in enumerate(
        (("Marie", "Dupont"), ("Jean", "Martin"), ("Luc", "Durand"), ("Anne", "Petit"), ("Paul", "Roy"))
    ):
        add_row(page, "membres.fondateurs")
        answer(page, f"membres.fondateurs[{index}].prenom", prenom)
        answer(page, f"membres.fondateurs[{index}].nom", nom)
        answer(page, f"membres.fondateurs[{index}].college", "usagers" if index == 4 else "ps")
        answer(page, f"membres.fondateurs[{index}].id", f"{prenom[0]}{nom}".lower())
    # A « Dr » gives no gender: the founder's own select gives it, in words.
    answer(page, "membres.fondateurs[0].civilite", "Dr")
    expect(page.locator(field(page, "membres.fondateurs[0].genre") + " option")).to_have_text(
        ["—", "féminin", "masculin"]
    )
    answer(page, "membres.fondateurs[0].genre", "féminin")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger les documents").click()
    received = Path(download.value.path()).read_bytes()
    model = api.load_answers(folder / "petite.yaml")
    assert received == bundle.zip_bytes(api.render_bundle(model))
    assert model.association.nom == "CPTS du Val"
    assert [c["cotisation"] for c in loader.load_file(folder / "petite.yaml").data["colleges"]] == [20, 5]
    assert len(loader.load_file(folder / "petite.yaml").data["membres"]["fondateurs"]) == 5
    assert (model.fondateurs[0].civilite, model.fondateurs[0].genre) == ("Dr", "feminin")


def test_a_wrong_answer_shows_its_message_at_the_field(page: Page, base: str) -> None:
    new_draft(page, base, "faux")
    answer(page, "association.departement", "599")
    message = page.locator("[id='message-association.departement']")
    expect(message).to_contain_text("code de département INSEE")
    assert re.fullmatch(r"[A-Z][A-Z-]+", message.locator("span").first.get_attribute("title") or "")
    page.locator(field(page, "association.population")).fill("beaucoup")
    page.locator(field(page, "association.population")).press("Tab")
    expect(page.locator("[id='message-association.population']")).to_contain_text("1 500")


def test_the_preview_changes_when_the_name_changes(page: Page, base: str) -> None:
    new_draft(page, base, "apercu")
    answer(page, "association.nom", "CPTS des Collines")
    expect(page.locator("#apercu")).to_contain_text("CPTS des Collines")
    answer(page, "association.nom", "CPTS des Vallons")
    expect(page.locator("#apercu")).to_contain_text("CPTS des Vallons")
    expect(page.locator("#apercu .change").first).to_contain_text("CPTS des Vallons")
    page.select_option("#document", "reglement-interieur")
    expect(page.locator("#apercu")).to_contain_text("CPTS des Vallons")
    if os.environ.get("CPTS_CAPTURE_DOCS"):
        page.screenshot(path=str(ROOT / "docs" / "questionnaire.png"))


def test_reload_resumes_at_the_first_unanswered_question(page: Page, base: str) -> None:
    new_draft(page, base, "reprise")
    answer(page, "association.nom", "CPTS du Lac")
    page.goto(base + "/b/reprise")
    assert page.url.endswith("/association?question=association.territoire")
    assert page.evaluate("document.activeElement.id") == "f-association.territoire"
    page.reload()
    expect(page.locator(field(page, "association.nom"))).to_have_value("CPTS du Lac")


def test_back_keeps_the_answers(page: Page, base: str) -> None:
    new_draft(page, base, "retour")
    answer(page, "association.territoire", "Haut Val")
    page.get_by_role("link", name=re.compile("Thème suivant")).click()
    page.wait_for_url(re.compile("/colleges"))
    page.go_back()
    expect(page.locator(field(page, "association.territoire"))).to_have_value("Haut Val")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_uploaded_example_gives_the_bundle_of_cpts_render(
    page: Page, base: str, example: Path, tmp_path: Path
) -> None:
    page.goto(base + "/")
    page.get_by_label("Ouvrir un fichier de réponses").set_input_files(str(example))
    page.wait_for_url(re.compile(r"/b/.+/"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger les documents").click()
    archive = tmp_path / "cpts.zip"
    result = CliRunner().invoke(cli, ["render", str(example), "--zip", "-o", str(archive)], prog_name="cpts")
    assert result.exit_code == 0, result.output
    assert Path(download.value.path()).read_bytes() == archive.read_bytes()
    with page.expect_download() as answers:
        page.get_by_role("link", name="Télécharger les réponses").click()
    assert Path(answers.value.path()).read_bytes() == example.read_bytes()


def test_keyboard_alone_reaches_every_control(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.get_by_label("Ouvrir un fichier de réponses").set_input_files(str(EXAMPLES[0]))
    page.wait_for_url(re.compile(r"/b/.+/"))
    page.goto(page.url.split("#")[0].rsplit("/", 1)[0] + "/colleges")
    controls = page.evaluate(
        """() => {
            const all = Array.from(document.querySelectorAll('a[href], input, select, textarea, button'))
                .filter(e => e.type !== 'hidden' && e.offsetParent !== null);
            all.forEach((e, i) => { e.dataset.clavier = String(i); });
            return all.length;
        }"""
    )
    reached = set()
    for _ in range(controls + 5):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.dataset.clavier || ''"))
    reached.discard("")
    assert reached == {str(i) for i in range(controls)}
    for label in ("Ouvrir un fichier de réponses", "Télécharger les réponses", "Télécharger les documents"):
        assert page.get_by_text(label, exact=True).count() >= 1


def test_the_token_is_required_off_loopback(browser: Browser, tmp_path: Path) -> None:
    with serving(tmp_path, jeton="jeton-de-test", loopback=False) as address:
        context = browser.new_context()
        opened = context.new_page()
        refused = opened.goto(address + "/")
        assert refused is not None and refused.status == 403
        expect(opened.locator("body")).to_contain_text("Jeton")
        allowed = opened.goto(address + "/?jeton=jeton-de-test")
        assert allowed is not None and allowed.status == 200
        again = opened.goto(address + "/")  # the cookie set with the token
        assert again is not None and again.status == 200
        context.close()


def test_two_tabs_on_one_draft_never_lose_an_answer_silently(page: Page, base: str, folder: Path) -> None:
    new_draft(page, base, "onglets")
    other = page.context.new_page()
    other.goto(base + "/b/onglets/association")
    answer(page, "association.nom", "CPTS du premier onglet")
    other.locator(field(other, "association.territoire")).fill("Territoire du second")
    other.locator(field(other, "association.territoire")).press("Tab")
    expect(other.locator("#etat")).to_contain_text("un autre onglet")
    text = (folder / "onglets.yaml").read_text(encoding="utf-8")
    assert "CPTS du premier onglet" in text
    assert "Territoire du second" not in text  # refused, and the founder was told so
    other.reload()
    expect(other.locator(field(other, "association.nom"))).to_have_value("CPTS du premier onglet")
