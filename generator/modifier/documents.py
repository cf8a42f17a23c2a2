"""Prepare and render the four documents of an amendment: tableau, PV of the AGE, statuts, verification.

Everything the templates print about the statuts in force (who convenes, the delay, the quorum, the
majority, their article numbers) comes from the OLD answers and the text in force; the new answers
give the amended text. The amended statuts are the new answers' rendering, dated and signed for
the AGE: their « Fait à …, le … » carries the AGE's date and the signatures are left for the
officers in office, who sign the filed copy.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2

import generator.context as contexts
from generator import render, typography
from generator.context.statuts import statuts as statuts_context
from generator.errors import TemplateRenderError
from generator.labels import ORDINAUX_RESOLUTIONS
from generator.markdown import Safe
from generator.model import Cpts
from generator.modifier import age as age_rules
from generator.modifier import compare
from generator.modifier.age import Age
from generator.modifier.articles import Article, normalized, parse, title_key, with_labels

# Stems of the bundle's documents, in order, with their entry template (None: rendered by ``render``).
DOCUMENTS: Mapping[str, str | None] = {
    "tableau-comparatif": "tableau_comparatif/document.md.j2",
    "pv-age": "pv_age/document.md.j2",
    "statuts": None,
    "verification": "verification_modification/document.md.j2",
}
# Articles on which the ACI contract (arrêté du 21 août 2019) relies: who the CPTS is, its
# territory and missions, who represents and governs it.
ACI_LABELS = frozenset(
    {
        "denomination",
        "objet",
        "siege",
        "composition",
        "membres",
        "colleges",
        "conseil_administration",
        "bureau",
        "bureau_composition",
        "president",
        "pouvoirs",
        "dissolution",
    }
)
_ORDINAUX_SUITE = (
    "Onzième",
    "Douzième",
    "Treizième",
    "Quatorzième",
    "Quinzième",
    "Seizième",
    "Dix-septième",
    "Dix-huitième",
    "Dix-neuvième",
    "Vingtième",
)
# The rendered text's own words, after the typography pass (« ’ »).
_CONSTITUTION = "après la constitution de l’association"
_CONSTITUTION_RI = "après la constitution"  # the règlement intérieur's calendar says it shorter
_FIRST_MEETING = "première réunion du conseil d’administration"
_FOUNDING_SEATS = "sièges pourvus lors de la constitution de l’association"
# The mention of the AGEs that amended a text, and the dates it lists (« 1er mai 2025 »).
_AMENDED = re.compile(r"Statuts .*modifiés par l(?:'|’|es )assembl")
_DATE = re.compile(r"\b(\d{1,2}(?:er)? [a-zéû]+ \d{4})\b")
_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


@dataclass(frozen=True, slots=True)
class Texts:
    """The articles in force and the new ones, and where the text in force came from."""

    in_force: tuple[Article, ...]
    new: tuple[Article, ...]
    source: str | None  # the --texte-en-vigueur file, or None: the old answers rendered
    ri_old: tuple[Article, ...]
    ri_new: tuple[Article, ...]
    old_rendered: tuple[Article, ...]  # the old answers' rendering, whose numbers stand in for missing ones


@dataclass(frozen=True, slots=True)
class Modification:
    """Everything the four documents need."""

    old: Cpts
    new: Cpts
    age: Age
    texts: Texts
    changes: tuple[compare.Change, ...]
    ri_changes: tuple[compare.Change, ...]
    statuts_markdown: str  # the new statuts as rendered for the AGE
    earlier: tuple[str, ...] = ()  # dates of the AGEs that amended the text in force before

    @property
    def modified(self) -> tuple[str, ...]:
        """Return the keys of the articles the AGE votes on (a renumbering alone is not voted)."""
        return tuple(c.key for c in self.changes if c.kind != compare.RENUMEROTE)

    def old_number(self, label: str) -> str:
        """Return the number an article has in the text in force, else in the old answers' rendering."""
        for articles in (self.texts.in_force, self.texts.old_rendered):
            for article in articles:
                if article.label == label:
                    return article.number
        raise TemplateRenderError(f"l'article « {label} » est introuvable dans le texte en vigueur")


# The articles whose rules the AGE applies: its convocation, quorum and majority.
RULES_LABELS = ("ag_dispositions_communes", "age")
# « article 16-1 », « articles 9 et 12 »: references that move with the numbering.
_REFERENCE = re.compile(r"\b(articles?) [0-9]+(?:-[0-9]+)?")


def _masked(article: Article) -> list[str]:
    return [_REFERENCE.sub(r"\1 #", normalized(block)) for block in article.blocks]


def rules_differ(modification: Modification) -> tuple[str, ...]:
    """Return the numbers of the adopted articles on the AGE's rules that the old answers do not render.

    References to other articles aside, since numbers move: the quorum and the majority the PV
    applies are the old answers', which may not be the adopted ones.
    """
    if modification.texts.source is None:
        return ()
    differ = []
    for label in RULES_LABELS:
        adopted = next((a for a in modification.texts.in_force if a.label == label), None)
        rendered = next((a for a in modification.texts.old_rendered if a.label == label), None)
        if adopted is None or rendered is None or _masked(adopted) != _masked(rendered):
            differ.append(adopted.number if adopted is not None else modification.old_number(label))
    return tuple(differ)


def ordinal(rank: int) -> str:
    """Return « Première », « Deuxième »… for a resolution's rank (1-based)."""
    names = (*ORDINAUX_RESOLUTIONS, *_ORDINAUX_SUITE)
    return names[rank - 1] if rank <= len(names) else f"{rank}e"


def three_months_after(date: dt.date) -> dt.date:
    """Return the last day of the three months that follow ``date`` (the same day, or the month's last)."""
    month = date.month + 3
    year, month = date.year + (month - 1) // 12, (month - 1) % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(date.day, last))


def counted_from_age(model: Cpts, age: Age, old: Cpts) -> Cpts:
    """Return the new model with a partial renewal the amendment brings in counted from the AGE.

    The first renewals of a partial renewal introduced by the AGE come after the AGE, not after the
    constitution years ago: the calendar's years are counted from the AGE's.
    """
    ca = model.conseil_administration
    if ca is None or not ca.calendrier_renouvellement or _partial(old):
        return model
    calendrier = tuple(
        e._replace(annee=age.date.year + e.annees_apres_constitution) for e in ca.calendrier_renouvellement
    )
    return model._replace(conseil_administration=ca._replace(calendrier_renouvellement=calendrier))


def dated_for_age(model: Cpts, age: Age) -> Cpts:
    """Return the model as the amended statuts print it: dated of the AGE, signed by the officers in office.

    The names of the signatories are left blank: the AGE's answers do not say who holds office.
    """
    ag = model.ag_constitutive
    if ag is None:
        return model
    return model._replace(
        ag_constitutive=ag._replace(date=age.date, bureau_elu=(), administrateurs_delegues=())
    )


def _partial(model: Cpts) -> bool:
    ca = model.conseil_administration
    return ca is not None and bool(ca.calendrier_renouvellement)


def _since_age(text: str, age: Age) -> str:
    """Count a new partial renewal from the AGE that brings it in, in the text's own words.

    The drawing of lots cannot take place at « la première réunion du conseil d'administration »,
    held years ago, nor share out « les sièges pourvus lors de la constitution »: it is held at the
    first meeting after the AGE, among all the seats of the council: the AGE may create seats
    (a new collège) that are filled only at the next ordinary assembly.
    """
    date = typography.date_longue(age.date)
    since = f"après l’assemblée générale extraordinaire du {date}"
    text = text.replace(_CONSTITUTION, since).replace(_CONSTITUTION_RI, since)
    text = text.replace(
        _FIRST_MEETING, f"{_FIRST_MEETING} qui suit l’assemblée générale extraordinaire du {date}"
    )
    return text.replace(_FOUNDING_SEATS, "sièges du conseil d’administration")


def _since_age_articles(articles: tuple[Article, ...], age: Age) -> tuple[Article, ...]:
    return tuple(
        Article(a.number, a.title, tuple(_since_age(b, age) for b in a.blocks), a.label) for a in articles
    )


def _rendered(model: Cpts, name: str) -> tuple[str, tuple[Article, ...]]:
    documents = render.render_documents(model, ["statuts", name])
    doc = documents[name]
    return doc.markdown, with_labels(parse(doc.markdown), doc.numbered)


def _amended(model: Cpts) -> tuple[str, tuple[Article, ...]]:
    """Render the amended statuts: without the founders' signature block under local law.

    The founders sign the statuts that found the association (code civil local, art. 59); an
    amendment is filed by the direction with the AGE's decision (art. 71): the officers sign it.
    The block follows the articles (« Fait à … »): the comparison does not see it.
    """
    shared = contexts.commun(model)
    context = statuts_context(model, shared, signatures_fondateurs=False)
    doc = render.render_document("statuts", model, shared=shared, context=context)
    return doc.markdown, with_labels(parse(doc.markdown), doc.numbered)


def prepare(old: Cpts, new: Cpts, age: Age, in_force_text: str | None, source: str | None) -> Modification:
    """Render, parse, match and diff the statuts and the règlement intérieur."""
    counted = counted_from_age(new, age, old)
    _, old_articles = _rendered(old, "statuts")
    new_md, new_articles = _amended(dated_for_age(counted, age))
    _, ri_old = _rendered(old, "reglement-interieur")
    _, ri_new = _rendered(counted, "reglement-interieur")
    if counted is not new:
        new_md = _since_age(new_md, age)
        new_articles = _since_age_articles(new_articles, age)
        ri_new = _since_age_articles(ri_new, age)
    old_titles = {title_key(a.title): a.label for a in old_articles if a.label is not None}
    if in_force_text is None:
        in_force = old_articles
    else:
        in_force = tuple(
            a
            if a.label is not None
            else Article(a.number, a.title, a.blocks, old_titles.get(title_key(a.title)))
            for a in parse(in_force_text)
        )
    texts = Texts(in_force, new_articles, source, ri_old, ri_new, old_articles)
    changes = compare.changes(compare.match(in_force, new_articles, old_titles))
    ri_changes = compare.changes(compare.match(ri_old, ri_new))
    earlier = earlier_amendments(in_force_text)
    return Modification(old, new, age, texts, changes, ri_changes, new_md, earlier)


def _tidy(text: str) -> str:
    text = _TRAILING.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return typography.french_spacing(text.strip("\n") + "\n")


def _vote_view(modification: Modification, resolution: age_rules.Resolution) -> dict[str, Any]:
    votants = modification.age.votants
    majorite = modification.old.assemblees.extraordinaire_majorite_statuts
    view: dict[str, Any] = {"saisi": resolution.vote is not None, "unanimite": False}
    if resolution.vote is not None:
        pour, contre, abstention = resolution.vote.counts(votants)
        view.update(
            unanimite=resolution.vote.unanimite,
            pour=pour,
            contre=contre,
            abstention=abstention,
            adoptee=age_rules.pour_requis(majorite, votants, pour, contre),
        )
    view["requis"] = _required(majorite, votants)
    return view


def _required(majorite: str, votants: int) -> int | None:
    """Return the votes « pour » a majority needs among ``votants``; None when it depends on « contre »."""
    if majorite == "simple":
        return None
    return next(pour for pour in range(votants + 1) if age_rules.pour_requis(majorite, votants, pour, 0))


def _title(change: compare.Change) -> str:
    """Return « l'article 5-2 « Les collèges » », by its number in the amended statuts if it stays."""
    article = change.new or change.old
    if article is None:
        return change.key
    return f"l'article {article.number} « {article.title} »"


def _published(modification: Modification) -> list[str]:
    """Return what the JOAFE may publish of the amendment: the title, the objet, the seat's address."""
    changed = {c.key for c in modification.changes if c.kind != compare.RENUMEROTE}
    old, new = modification.old.association, modification.new.association
    found = []
    if "denomination" in changed or old.nom != new.nom:
        found.append("du titre")
    if "objet" in changed:
        found.append("de l'objet")
    if (old.siege.adresse, old.siege.code_postal, old.siege.commune) != (
        new.siege.adresse,
        new.siege.code_postal,
        new.siege.commune,
    ):
        found.append("de l'adresse du siège")
    return found


def _changes_by_key(modification: Modification) -> dict[str, compare.Change]:
    return {c.key: c for c in modification.changes}


def context(modification: Modification) -> dict[str, Any]:
    """Return the names every template of the bundle reads."""
    old, new, age = modification.old, modification.new, modification.age
    resolutions = age_rules.resolutions(age, modification.modified)
    by_key = _changes_by_key(modification)
    quorum = old.assemblees.extraordinaire_quorum
    dirigeants_old = [(d.membre.id, d.personne, d.fonctions) for d in old.dirigeants()]
    dirigeants_new = [(d.membre.id, d.personne, d.fonctions) for d in new.dirigeants()]
    return {
        "ancien": old,
        "m": new,
        "age": age,
        "changes": modification.changes,
        "modifies": [c for c in modification.changes if c.kind != compare.RENUMEROTE],
        "renumerotes": [c for c in modification.changes if c.kind == compare.RENUMEROTE],
        "ri_changes": modification.ri_changes,
        "resolutions": [
            {
                "ordinal": ordinal(rank),
                "cle": r.cle,
                "changes": [by_key[key] for key in r.articles],
                "vote": _vote_view(modification, r),
            }
            for rank, r in enumerate(resolutions, start=1)
        ],
        "article_convocation": modification.old_number("ag_dispositions_communes"),
        "article_age": modification.old_number("age"),
        "article_ri": modification.old_number("reglement_interieur"),
        "quorum_requis": None if quorum is None else age_rules.quorum_requis(quorum, age.membres_a_jour),
        "source": modification.texts.source,
        "echeance": three_months_after(age.date),
        "dirigeants_changent": dirigeants_old != dirigeants_new,
        "aci_titres": [
            _title(c) for c in modification.changes if c.key in ACI_LABELS and c.kind != compare.RENUMEROTE
        ],
        "publiables": _published(modification),
        "regles_differentes": rules_differ(modification),
        "AJOUTE": compare.AJOUTE,
        "SUPPRIME": compare.SUPPRIME,
        "MODIFIE": compare.MODIFIE,
        "safe": Safe,
    }


def earlier_amendments(in_force_text: str | None) -> tuple[str, ...]:
    """Return the dates of the AGEs that already amended the text in force, as its mention says."""
    if in_force_text is None:
        return ()
    for line in in_force_text.splitlines()[:12]:
        if _AMENDED.search(line):
            return tuple(_DATE.findall(line.split("modifiés par", 1)[1]))
    return ()


def _mention(modification: Modification) -> str:
    ag = modification.old.ag_constitutive
    today = typography.date_longue(modification.age.date)
    dates = [*dict.fromkeys(d for d in modification.earlier if d != today), today]
    if len(dates) == 1:
        amended = f"modifiés par l'assemblée générale extraordinaire du {dates[0]}"
    else:
        listed = typography.liste([f"du {date}" for date in dates])
        amended = f"modifiés par les assemblées générales extraordinaires {listed}"
    if ag is None:
        return f"Statuts {amended}."
    adopted = f"adoptés par l'assemblée générale constitutive du {typography.date_longue(ag.date)}"
    return f"Statuts {adopted} et {amended}."


def amended_statuts(modification: Modification) -> str:
    """Return the amended statuts: the new text, with the mention of its adoption under the title.

    The text is rendered without the founders' signature block (:func:`_amended`).
    """
    title, _, rest = modification.statuts_markdown.partition("\n")
    return f"{title}\n\n*{typography.french_spacing(_mention(modification))}*\n{rest}"


def render_all(modification: Modification) -> dict[str, str]:
    """Return the Markdown of the four documents, by file stem."""
    names = context(modification)
    texts: dict[str, str] = {}
    for name, template_name in DOCUMENTS.items():
        if template_name is None:
            texts[name] = amended_statuts(modification)
            continue
        try:
            template = render.environment().get_template(template_name)
            texts[name] = _tidy(template.render(**names, document=name))
        except jinja2.TemplateError as exc:
            raise TemplateRenderError(f"{name} : erreur de modèle ({exc})") from exc
    return texts
