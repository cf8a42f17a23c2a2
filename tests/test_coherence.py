"""The six documents state the same facts the same way (spec, « cross-document consistency »).

Each fact is read back from the rendered Markdown of each document that states it, as a reader
would find it, and compared with the other documents and with the model: seats per collège
(statuts, PV), elected administrators (PV, liste des dirigeants), cotisation per collège (RI, PV,
bulletin), officers (PV, liste des dirigeants, statuts signatures, bulletin receipt), the votes of
the PV's resolutions (answers), and every citation of a statuts article (same label, same number).
A template that states another figure, forgets a collège or cites the wrong article fails here.
"""

import re
from pathlib import Path

import pytest

from generator.api import load_answers
from generator.labels import college_dans_phrase, fonction_titre
from generator.markdown import escape
from generator.render import render_documents
from generator.typography import en_lettres, montant, montant_complet, montant_en_lettres

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# French spacing puts non-breaking spaces before « : » and « ; »: read them as spaces.
SPACES = "[ \u00a0\u202f]"
NOMBRES_EN_LETTRES = {en_lettres(n): n for n in range(1, 100)}
RESOLUTIONS_ORDRE = (
    "statuts",
    "administrateurs",
    "bureau",
    "cotisations",
    "reglement_interieur",
    "formalites",
)


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request):
    model = load_answers(request.param)
    documents = render_documents(model)
    # A reader reads « ’ » and « ' » alike: the facts are compared with the answers' spelling.
    texts = {name: doc.markdown.replace("\u2019", "'") for name, doc in documents.items()}
    return model, texts, documents


def section(text: str, heading: str) -> str:
    """Return the text under the first heading that starts with ``heading``, up to the next one."""
    lines = text.split("\n")
    start = next(
        i for i, line in enumerate(lines) if line.startswith("#") and line.lstrip("# ").startswith(heading)
    )
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    body = []
    for line in lines[start + 1 :]:
        if line.startswith("#") and len(line) - len(line.lstrip("#")) <= level:
            break
        body.append(line)
    return "\n".join(body)


def table_after(text: str, header: str) -> list[list[str]]:
    """Return the body rows of the Markdown table whose header row starts with ``header``."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([normalise(cell).strip() for cell in line.strip("|").split(" | ")])
    return rows


def normalise(text: str) -> str:
    return re.sub(SPACES, " ", text)


# A woman's title (« Trésorière, administratrice ») read as its function's masculine name.
FEMININS = (
    ("L'administratrice déléguée", "L'administrateur délégué"),
    ("Administratrice déléguée", "Administrateur délégué"),
    ("La présidente", "Le président"),
    ("La co-présidente", "Le co-président"),
    ("La secrétaire", "Le secrétaire"),
    ("présidente", "président"),
    ("Présidente", "Président"),
    ("trésorière", "trésorier"),
    ("Trésorière", "Trésorier"),
    ("adjointe", "adjoint"),
    ("Seconde", "Second"),
    ("administratrice", "administrateur"),
    ("Administratrice", "Administrateur"),
)


def masculin(title: str) -> str:
    for feminine, masculine in FEMININS:
        title = title.replace(feminine, masculine)
    return title


def statuts_seats(statuts: str) -> dict[str, int]:
    """Seats per collège as the statuts' CA article words them: « - quatre sièges pour le collège … »."""
    heading = next(
        h for h in statuts.split("\n") if h.startswith("### ") and h.endswith("– Conseil d'administration")
    )
    article = normalise(section(statuts, heading.lstrip("# ")))
    seats = {}
    for words, name in re.findall(r"^- ([a-z-]+(?: [a-z-]+)*) sièges? pour le (.+?) ?[;.]$", article, re.M):
        seats[name] = NOMBRES_EN_LETTRES[words]
    return seats


def pv_elections(pv: str) -> list[list[str]]:
    resolution = section(pv, "Deuxième résolution")
    # One class of members (issue 15; revue 14, L7): no collège column, one row read as « Membres ».
    if "| Collège | Sièges |" not in resolution:
        return [["Membres", *row] for row in table_after(resolution, "| Sièges | Administrateurs élus |")]
    return table_after(resolution, "| Collège | Sièges |")


def classe_unique(model) -> bool:
    """One class of members, without collèges (issue 15, W-MODELE-COLLEGES)."""
    return len(model.colleges) == 1 and not model.inter_cpts


def test_seats_per_college_agree(rendered):
    model, docs, _ = rendered
    if model.conseil_administration is None:
        # No CA: no seats in the statuts, no election of administrators in the PV.
        assert "– Conseil d'administration" not in docs["statuts"]
        assert "Élection des administrateurs" not in docs["pv-ag-constitutive"]
        return
    expected = {escape(c.intitule): c.sieges_ca for c in model.colleges if c.sieges_ca > 0}
    statuts = statuts_seats(docs["statuts"])
    if classe_unique(model):
        # No seats per collège: the statuts give the CA's size only.
        total = en_lettres(model.conseil_administration.sieges_total)
        assert statuts == {}
        assert f"composé de {total} membres." in normalise(docs["statuts"])
    else:
        assert statuts == {
            escape(college_dans_phrase(c.intitule)): c.sieges_ca for c in model.colleges if c.sieges_ca
        }
    pv = {row[0]: int(row[1]) for row in pv_elections(docs["pv-ag-constitutive"])}
    assert pv == expected
    assert sum(pv.values()) == model.conseil_administration.sieges_total


def dirigeants_rows(liste: str) -> list[list[str]]:
    """The liste's rows by member: a legal person's row under its name, its representative's row dropped."""
    rows = []
    for row in table_after(liste, "| Fonction |"):
        if row[0] == "représentée par":
            continue
        name = row[1].removesuffix(" (personne morale)")
        # An inter-CPTS officer is the person a member CPTS designated: the row names the CPTS.
        designated = re.fullmatch(r".+ \(désignation : (.+?)(?:, dont le siège est .+)?\)", name)
        rows.append([masculin(row[0]), designated.group(1) if designated else name, *row[2:]])
    return rows


def membre(name: str) -> str:
    """The member behind a name of the PV (« Hélène Berthier (MSP) » is the MSP)."""
    designated = re.fullmatch(r"[^(]+ \((.+)\)", name)
    return designated.group(1) if designated else name


def test_elected_administrators_agree(rendered):
    model, docs, _ = rendered
    ag = model.ag_constitutive
    liste = dirigeants_rows(docs["liste-dirigeants"])
    if model.conseil_administration is None or model.droit_local:
        # Without a CA the bureau administers, and under local law the liste is the direction
        # (the bureau): the PV's bureau and the liste are the same members.
        bureau = {membre(escape(model.nom(d))) for _, ds in ag.bureau_elu for d in ds}
        assert {row[1] for row in liste} == bureau
        return
    pv_names = []
    for row in pv_elections(docs["pv-ag-constitutive"]):
        names = [n for n in row[2].split(" ; ") if "non pourvu" not in n]
        pv_names.extend(names)
    # A legal person on the bureau is listed under the person it designated.
    liste_members = {row[1] for row in liste if "dministrateur" in row[0]}
    pv_members = {membre(name) for name in pv_names}
    assert len(pv_names) == len(ag.administrateurs_elus)
    assert pv_members == liste_members
    assert pv_members == {
        escape(model.membre(d.membre).nom_complet if model.membre(d.membre).personne_morale else model.nom(d))
        for d in ag.administrateurs_elus
    }
    assert len([row for row in liste if "dministrateur" in row[0]]) == len(ag.administrateurs_elus)


def test_cotisations_agree(rendered):
    model, docs, _ = rendered
    if classe_unique(model):
        # One cotisation, in a sentence of the RI and of the PV, and on the one form.
        [college] = model.colleges
        amount = normalise(f"{montant(college.cotisation)} ({montant_en_lettres(college.cotisation)})")
        ri_text = normalise(section(docs["reglement-interieur"], "Article 3 – Montant"))
        assert f"s'établit à {amount}." in ri_text
        assert f"ordinaire : {amount}." in normalise(docs["pv-ag-constitutive"])
        assert f"Cotisation annuelle : {amount}," in normalise(docs["bulletin-adhesion"])
        return
    ri = {
        row[0]: row[1]
        for row in table_after(docs["reglement-interieur"], "| Collège | Cotisation annuelle |")
    }
    pv_section = section(
        docs["pv-ag-constitutive"],
        next(
            h.lstrip("# ")
            for h in docs["pv-ag-constitutive"].split("\n")
            if h.endswith("Montant des cotisations")
        ),
    )
    pv = {row[0]: row[1] for row in table_after(pv_section, "| Collège | Cotisation annuelle |")}
    bulletin = {}
    for college in model.colleges:
        form = normalise(section(docs["bulletin-adhesion"], escape(college.intitule)))
        found = re.search(r"^Cotisation annuelle : (.+?)(?: \((.+?)\)|$)", form, re.M)
        bulletin[escape(college.intitule)] = found.group(1)
        if college.cotisation:
            # In figures and in letters, on the form and again on its receipt.
            assert found.group(2) == normalise(montant_en_lettres(college.cotisation))
            assert normalise(montant_complet(college.cotisation)) in form.split("<!-- coupon -->")[1]
    expected = {
        escape(c.intitule): normalise(montant(c.cotisation)) if c.cotisation else "0 €"
        for c in model.colleges
    }
    assert {k: normalise(v) for k, v in ri.items()} == expected
    assert {k: normalise(v) for k, v in pv.items()} == expected
    # The bulletin says « exonérés » in words for a free collège; its amount otherwise.
    assert {k: (v if "exonérés" not in v else "0 €") for k, v in bulletin.items()} == expected
    # One form per collège, in the statuts' order, then the notice on personal data, once.
    headings = re.findall(r"^## (.+)$", docs["bulletin-adhesion"], re.M)
    assert headings == [escape(c.intitule) for c in model.colleges] + [
        "Information sur vos données personnelles"
    ]


def pv_officers(pv: str) -> dict[str, list[str]]:
    bureau = normalise(
        section(pv, next(h.lstrip("# ") for h in pv.split("\n") if "du bureau" in h and "résolution" in h))
    )
    officers: dict[str, list[str]] = {}
    for title, name in re.findall(r"^- (.+?) : (.+?)(?: ;|\.)$", bureau, re.M):
        officers.setdefault(masculin(title), []).append(name)
    # Elected by the assembly: a table of the seats with the votes of each elected member, or
    # without them when one global count elected the list.
    for title, name in re.findall(r"^\| (.+?) \| (.+?) \| .+ votants \|$", bureau, re.M):
        officers.setdefault(masculin(title), []).append(name)
    if "sur une liste unique" in bureau:
        for title, name in re.findall(r"^\| (.+?) \| (.+?) \|$", bureau, re.M):
            if title not in {"Fonction", "---"}:
                officers.setdefault(masculin(title), []).append(name)
    return officers


def test_officers_agree(rendered):
    model, docs, _ = rendered
    pv = pv_officers(docs["pv-ag-constitutive"])
    liste: dict[str, list[str]] = {}
    for row in dirigeants_rows(docs["liste-dirigeants"]):
        for title in row[0].split(", "):
            if title != "administrateur" and title != "Administrateur":
                liste.setdefault(title, []).append(row[1])
    assert {title: [membre(name) for name in names] for title, names in pv.items()} == liste
    expected: dict[str, list[str]] = {}
    if model.bureau.collegial and model.conseil_administration is not None:
        # The administrateurs délégués sit on the bureau first (statuts, composition of the bureau).
        for d in model.ag_constitutive.administrateurs_delegues:
            expected.setdefault("Administrateur délégué", []).append(escape(model.nom(d)))
    for fonction, designations in model.ag_constitutive.bureau_elu:
        title = (
            "Co-président"
            if fonction == "president" and model.bureau.co_presidence
            else fonction_titre(fonction)
        )
        expected.setdefault(title, []).extend(escape(model.nom(d)) for d in designations)
    assert pv == expected
    # The receipt of each form: the trésorier, who collects the cotisations (RI), signs it.
    receipt_names = re.findall(
        r"^\| Pour l'association, (?:le trésorier|la trésorière) \|\n\|---\|\n\| (.+?) \|$",
        docs["bulletin-adhesion"],
        re.M,
    )
    # A legal person's office is signed by its representative: « Dr X (Structure) ».
    assert len(receipt_names) == len(model.colleges)
    assert all(pv["Trésorier"][0] in normalise(name) for name in receipt_names)
    if model.bureau.collegial:
        # No président: the administrateurs délégués the answers name sign, beside the secrétaire.
        assert "Président" not in pv and "Co-président" not in pv
        lines = docs["statuts"].split("\n")
        header = next(line for line in lines if masculin(line).startswith("| L'administrateur délégué |"))
        names = [cell.strip() for cell in lines[lines.index(header) + 2].strip("|").split(" | ")]
        assert [normalise(n) for n in names] == [*pv["Administrateur délégué"], pv["Secrétaire"][0]]
        return
    presidents = pv.get("Président") or pv["Co-président"]
    # The statuts' signature block: header row of functions, then the names.
    header = next(
        line
        for line in docs["statuts"].split("\n")
        if masculin(line).startswith(("| Le président", "| Le co-président"))
    )
    lines = docs["statuts"].split("\n")
    names = [cell.strip() for cell in lines[lines.index(header) + 2].strip("|").split(" | ")]
    titles = [masculin(cell.strip()) for cell in header.strip("|").split(" | ")]
    signed = dict(zip(titles, names, strict=True)) if not model.bureau.co_presidence else None
    if signed is not None:
        assert signed["Le président"] == presidents[0]
        assert signed["Le secrétaire"] == pv["Secrétaire"][0]
    else:
        assert names[:2] == presidents
        assert names[2] == pv["Secrétaire"][0]


def test_pv_votes_are_the_answers(rendered):
    model, docs, _ = rendered
    pv = normalise(docs["pv-ag-constitutive"])
    titles = re.findall(r"^### (\S+) résolution – (.+)$", pv, re.M)
    codes = [
        r for r in RESOLUTIONS_ORDRE if r != "administrateurs" or model.conseil_administration is not None
    ]
    assert len(titles) == len(codes)
    for (ordinal, title), code in zip(titles, codes, strict=True):
        assert SUJETS[code] in title, (code, title)
        body = section(pv, f"{ordinal} résolution")
        vote = model.ag_constitutive.votes.get(code)
        if (
            code == "bureau"
            and model.bureau.elu_par == "conseil_administration"
            and model.conseil_administration
        ):
            # The CA elects the bureau (its own PV): the assembly takes note without voting.
            assert "n'est pas appelée à voter" in body and "Pour :" not in body
            assert "unanimité" not in body
        elif (code == "administrateurs" and model.ag_constitutive.voix_candidats) or (
            code == "bureau" and model.ag_constitutive.voix_bureau
        ):
            # Voted per candidate at the secret ballot: that is the vote, no global count.
            assert vote is None and "tient lieu de vote" in body and "Pour :" not in body, (code, body)
        elif vote is None:
            # No vote in the answers: blanks to fill, never a presumed unanimity.
            assert "unanimité" not in body and "☐ adoptée ☐ rejetée" in body
        elif vote.unanimite:
            assert "adoptée à l'unanimité" in body, (code, body)
            assert "Pour :" not in body
        else:
            counts = re.search(r"^Pour : (\d+) ; contre : (\d+) ; abstentions? : (\d+)\.", body, re.M)
            assert counts is not None, (code, body)
            assert tuple(map(int, counts.groups())) == (vote.pour, vote.contre, vote.abstention), code


SUJETS = {
    "statuts": "statuts",
    "administrateurs": "administrateurs",
    "bureau": "bureau",
    "cotisations": "cotisations",
    "reglement_interieur": "règlement intérieur",
    "formalites": "formalités",
}
STATUTS_CITATION = re.compile(r"articles? ((?:\d+(?:-\d+)?(?:, | et )?)+) des statuts")


def test_every_statuts_citation_is_the_statuts_article(rendered):
    _, _, documents = rendered
    statuts = documents["statuts"].numbered
    numbers = {h.number for h in statuts.headings if h.kind != "T"}
    for name, doc in documents.items():
        if name == "statuts":
            continue
        for label, number in doc.citations:
            assert statuts.number(label) == number, (name, label)
        cited = {
            n
            for group in STATUTS_CITATION.findall(normalise(doc.markdown))
            for n in re.findall(r"\d+(?:-\d+)?", group)
        }
        assert cited <= numbers, (name, cited - numbers)
        assert cited == {number for _, number in doc.citations}, name
