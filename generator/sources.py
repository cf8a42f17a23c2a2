"""The sources of each article, for advisors' annotations (``cpts render --annotations``).

Advisors annotate drafts by hand with where each clause comes from: the AVECsanté model article,
the law, the seed document's point de vigilance, the rule that chose the variant. This table is
that annotation, as data (the templates are the wording, not the place for references): for each
document, its articles by title (the words after « Article N – », compared without accents or
case), each with its sources, and the notes of the variants that change it. A heading the table
does not know gets its document's general sources. The seed documents are those of
``shared/seeds`` (``README.md`` there says what each one gives).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

MODEL = "Modèle de statuts AVECsanté (guide « Construire une CPTS », 2019, partie 05), article"
LOI_1901 = "Loi du 1er juillet 1901 relative au contrat d'association"
CSP_CPTS = "Code de la santé publique, art. L. 1434-12 (CPTS)"
HDF = "URPS Hauts-de-France, atelier « vie associative » (2023), point de vigilance"
FCPTS = "FCPTS, « Un départ sans fausse note » (2023)"
OCCITANIE = "URPS Occitanie, « Infos conseils » n° 11 sur l'inter-CPTS (2022)"
LOCAL = "Code civil local (Moselle, Bas-Rhin, Haut-Rhin), art. 21 à 79, au lieu de la loi de 1901"


Sources = Callable[[str], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Variants:
    """The facts of the answers that choose a variant of an article."""

    droit_local: bool = False
    inter_cpts: bool = False
    sans_conseil: bool = False
    co_presidence: bool = False


# Variant notes: which fact, and what it changed, naming the answer that chose it.
_VARIANT_NOTES = {
    "droit_local": f"Variante de droit local (association.departement en Moselle ou Alsace) : {LOCAL}.",
    "inter_cpts": f"Variante inter-CPTS (modele: inter_cpts) : deux collèges, sans conseil ; {OCCITANIE}.",
    "sans_conseil": "Variante sans conseil d'administration (gouvernance sans conseil_administration) : "
    "le bureau administre.",
    "co_presidence": "Variante de co-présidence (gouvernance.bureau.co_presidence) : les pouvoirs du "
    "président sont exercés conjointement.",
}

_STATUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # title key: (sources, variants that change the article)
    "denomination": ((f"{MODEL} 1", CSP_CPTS, f"{LOI_1901}, art. 5 (déclaration)"), ("droit_local",)),
    "objet": (
        (f"{MODEL} 2", CSP_CPTS, "Accord conventionnel interprofessionnel (ACI) des CPTS : missions"),
        (),
    ),
    # The articles of issue #15 that the model has not: each names the model article it details.
    "territoire": (
        (f"{MODEL} 2 (territoire de l'objet)", CSP_CPTS, "Statuts de CPTS publiés (sous-territoires)"),
        (),
    ),
    "principes": (
        (
            f"{MODEL} 2 (objet)",
            "Code de la santé publique, art. L. 1110-4 (secret) et L. 1110-8 (libre choix du patient)",
        ),
        (),
    ),
    "affiliations": ((f"{MODEL} 2 (objet)", f"{LOI_1901}, art. 1er"), ()),
    "partenaires": (
        (f"{MODEL} 5 (composition ; ici, les structures partenaires non membres)", CSP_CPTS),
        (),
    ),
    "siege social": ((f"{MODEL} 3", f"{LOI_1901}, art. 5"), ()),
    "duree": ((f"{MODEL} 4",), ()),
    "composition": ((f"{MODEL} 5 (quatre collèges)", CSP_CPTS), ("inter_cpts",)),
    "les cotisations": ((f"{MODEL} 6", f"{LOI_1901}, art. 6"), ()),
    "conditions d'adhesion": ((f"{MODEL} 7", f"{HDF} : critères d'adhésion"), ()),
    "perte de la qualite de membre": ((f"{MODEL} 8", f"{LOI_1901}, art. 4 (retrait)"), ("droit_local",)),
    "conseil d'administration": (
        (f"{MODEL} 9", f"{HDF} : renouvellement partiel", "Règle W-RENOUVELLEMENT-TOTAL"),
        ("sans_conseil",),
    ),
    "acces au conseil d'administration": ((f"{MODEL} 10",), ()),
    "reunions du conseil d'administration": ((f"{MODEL} 11",), ()),
    "exclusion du conseil d'administration": ((f"{MODEL} 12",), ()),
    "reunions du bureau": (
        (f"{MODEL} 11 (réunions du conseil, tenues ici par le bureau)",),
        ("sans_conseil",),
    ),
    "retributions": (
        (f"{MODEL} 13", f"{HDF} : règles d'indemnisation", "Code général des impôts, art. 261, 7-1° d"),
        (),
    ),
    "pouvoirs": ((f"{MODEL} 14",), ("co_presidence",)),
    "le bureau": ((f"{MODEL} 15", f"{HDF} : contrôle du bureau"), ("co_presidence", "inter_cpts")),
    "assemblees generales": ((f"{MODEL} 16", f"{HDF} : quorum de l'assemblée générale"), ("inter_cpts",)),
    "ressources de l'association": ((f"{MODEL} 17", f"{LOI_1901}, art. 6"), ()),
    "cotisation": ((f"{MODEL} 18",), ()),
    "comptabilite": (
        (f"{MODEL} 19", "Code de commerce, art. L. 612-4 et D. 612-5 (commissaire aux comptes)", FCPTS),
        (),
    ),
    "dissolution et devolution des biens": ((f"{MODEL} 20", f"{LOI_1901}, art. 9"), ("droit_local",)),
    "reglement interieur": ((f"{MODEL} 21",), ()),
    "formalites administratives": (
        (f"{MODEL} 22", f"{LOI_1901}, art. 5", "Décret du 16 août 1901, art. 3"),
        ("droit_local",),
    ),
    "liberalites": ((f"{MODEL} 23", f"{LOI_1901}, art. 6"), ()),
}

_GENERAL = {
    "statuts": (f"{MODEL}s 1 à 23", LOI_1901),
    "reglement-interieur": (f"{HDF} : contenu du règlement intérieur", f"{MODEL} 21 (règlement intérieur)"),
    "pv-ag-constitutive": (
        f"{LOI_1901}, art. 5",
        "Statuts de l'association, article des assemblées générales",
    ),
    "bulletin-adhesion": (f"{MODEL} 7 (conditions d'adhésion)", "Règlement (UE) 2016/679 (RGPD), art. 13"),
    "liste-dirigeants": (
        f"{LOI_1901}, art. 5 (déclaration des dirigeants)",
        "Décret du 16 août 1901, art. 3",
    ),
    "verification": (FCPTS, HDF.rsplit(",", 1)[0]),
}

_LAW_1901 = (LOI_1901, "Décret du 16 août 1901")
_ARTICLE = re.compile(r"^(?:Article\s+\d+\s*[–-]\s*|[\w ]+ résolution\s*[–-]\s*)", re.IGNORECASE)


def _key(title: str) -> str:
    # The apostrophe is made straight before the accents go: « ’ » is not ASCII either.
    text = _ARTICLE.sub("", title.strip()).replace("\u2019", "'")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.lower().split())


def for_document(name: str, variants: Variants) -> Sources:
    """Return the function giving the sources of an article of document ``name`` from its title."""
    general = _GENERAL.get(name, ())
    table = _STATUTS if name == "statuts" else {}
    chosen = {field for field in _VARIANT_NOTES if getattr(variants, field)}

    def sources(title: str) -> tuple[str, ...]:
        found, changed_by = table.get(_key(title), (general, ()))
        if variants.droit_local:  # the code civil local replaces the law of 1901 and its decree
            found = tuple(source for source in found if not source.startswith(_LAW_1901))
        notes = tuple(_VARIANT_NOTES[field] for field in changed_by if field in chosen)
        return tuple(_french(source) for source in (*found, *notes))

    return sources


CLAUSE = "Clause supplémentaire des réponses (clauses_supplementaires) : texte des fondateurs, hors du modèle"


def with_clauses(sources: Sources, titres: tuple[str, ...]) -> Sources:
    """Return ``sources`` where the free clauses' titles give the free clause as their source."""
    keys = {_key(titre) for titre in titres}

    def found(title: str) -> tuple[str, ...]:
        return (_french(CLAUSE),) if _key(title) in keys else sources(title)

    return found


def _french(text: str) -> str:
    """Return ``text`` with no-break spaces before « : » and « ; », inside quotes, and « ’ »."""
    pairs = ((" :", "\u00a0:"), (" ;", "\u00a0;"), ("« ", "«\u00a0"), (" »", "\u00a0»"), ("'", "\u2019"))
    for plain, french in pairs:
        text = text.replace(plain, french)
    return text


def footnotes(markdown: str, sources: Sources) -> str:
    """Return ``markdown`` with a footnote on each article heading giving its sources.

    The same text as the DOCX's comments, for a reader of the Markdown: the ``*.sources.md`` file.
    """
    lines = markdown.rstrip("\n").split("\n")
    notes: list[str] = []
    for index, line in enumerate(lines):
        if line.startswith("### "):
            found = sources(line[4:])
            if found:
                text = "\u00a0; ".join(source.rstrip(".") for source in found)
                notes.append(f"[^{len(notes) + 1}]: {text}.")
                lines[index] = f"{line}[^{len(notes)}]"
    return "\n".join([*lines, "", *notes, ""]) if notes else markdown
