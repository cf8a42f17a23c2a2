"""Match the articles in force with the new ones, and diff the matched ones word by word.

Numbers move when an article is added or removed, so articles are matched by label (a text this
tool rendered), then by title, then by the likeness of their text; what is left was added or
removed. The diff aligns the blocks (paragraphs, list items) of two matched articles, then the
words of two aligned blocks; removed words are wrapped in ``<del>``, added ones in ``<ins>``,
which the DOCX writer prints struck through and underlined. Every other character of the texts
is escaped: a text in force cannot inject Markdown into the tableau.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.markdown import escape
from generator.modifier.articles import Article, normalized, title_key

AJOUTE, SUPPRIME, MODIFIE, RENUMEROTE = "ajoute", "supprime", "modifie", "renumerote"
# Two unmatched articles whose texts are this alike are one article whose title changed.
_LIKENESS = 0.6
# Two blocks sharing fewer words than this are a rewriting: shown whole, struck and underlined,
# rather than as a confetti of common words (« le », « de ») between changes.
_REWRITTEN = 0.4
# A common run between two changes that is this short, of words this short, is folded into them.
_GLUE_TOKENS = 2
_GLUE_LETTERS = 3
# A word (letters, digits, apostrophes and hyphens inside it) or one punctuation mark, and the
# spaces after it.
_TOKEN = re.compile(r"([\w'’-]+|[^\w\s])(\s*)")
# ``escape`` makes every space a plain one; the no-break spaces of the statuts (« 1 500 € »,
# « délibérative ; ») go through it as private-use stand-ins and come back after.
_KEPT = {"\xa0": "\ue000", "\u202f": "\ue001"}


def _escaped(text: str) -> str:
    """Return ``text`` escaped as Markdown, its no-break spaces kept."""
    for space, stand_in in _KEPT.items():
        text = text.replace(space, stand_in)
    text = escape(text)
    for space, stand_in in _KEPT.items():
        text = text.replace(stand_in, space)
    return text


@dataclass(frozen=True, slots=True)
class Change:
    """One article that is added, removed, modified or only renumbered."""

    kind: str
    key: str  # the label the AGE's votes use
    old: Article | None
    new: Article | None
    rows: tuple[tuple[str, str], ...] = ()  # Markdown cells: ancienne, nouvelle rédaction


def _text_of(article: Article) -> list[str]:
    return [normalized(block) for block in article.blocks]


def _ratio(old: Article, new: Article) -> float:
    return difflib.SequenceMatcher(None, " ".join(_text_of(old)), " ".join(_text_of(new))).ratio()


def match(
    old: tuple[Article, ...], new: tuple[Article, ...], old_titles: dict[str, str] | None = None
) -> list[tuple[Article | None, Article | None]]:
    """Pair old and new articles; ``old_titles`` maps a title key to its label in the old answers."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    new_by_label = {a.label: j for j, a in enumerate(new) if a.label is not None}
    new_by_title: dict[str, int] = {}
    for index, a in enumerate(new):
        new_by_title.setdefault(title_key(a.title), index)
    for i, a in enumerate(old):
        label = a.label
        if label is None and old_titles is not None:
            label = old_titles.get(title_key(a.title))
        j: int | None = new_by_label.get(label) if label is not None else None
        if j is None:
            j = new_by_title.get(title_key(a.title))
        if j is not None and j not in used:
            pairs[i] = j
            used.add(j)
    alike = sorted(
        (
            (-_ratio(a, b), i, j)
            for i, a in enumerate(old)
            if i not in pairs
            for j, b in enumerate(new)
            if j not in used
        ),
    )
    for score, i, j in alike:
        if -score >= _LIKENESS and i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    # New order; a removed article goes after the new place of the old article before it.
    placed: list[tuple[float, int, tuple[Article | None, Article | None]]] = []
    by_new = {j: i for i, j in pairs.items()}
    for j, b in enumerate(new):
        placed.append((j, 0, (old[by_new[j]] if j in by_new else None, b)))
    last = -1.0
    for i, a in enumerate(old):
        if i in pairs:
            last = pairs[i]
        else:
            placed.append((last + 0.5, i, (a, None)))
    return [pair for _, _, pair in sorted(placed, key=lambda p: (p[0], p[1]))]


def _tokens(text: str) -> list[tuple[str, str]]:
    """Return the words and punctuation marks of ``text``, each with the spaces that follow it."""
    return [(match.group(1), match.group(2)) for match in _TOKEN.finditer(text.strip())]


def _segment(tokens: list[tuple[str, str]], tag: str | None) -> str:
    """Return tokens as escaped Markdown, inside ``tag``; the space after the last stays outside."""
    if not tokens:
        return ""
    text = _escaped("".join(word + space for word, space in tokens[:-1]) + tokens[-1][0])
    marked = f"<{tag}>{text}</{tag}>" if tag and text else text
    # The space after the segment is the text's own: a no-break one stays no-break.
    return marked + (tokens[-1][1][:1] if tokens[-1][1] else "")


def diff_words(old: str, new: str) -> tuple[str, str]:
    """Return the two blocks as Markdown: removed words in ``<del>``, added ones in ``<ins>``.

    Punctuation marks are tokens of their own: « délibérative. » against « délibérative ; »
    strikes the full stop and underlines the semicolon, not the word.
    """
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [normalized(w) for w, _ in a], [normalized(w) for w, _ in b], autojunk=False
    )
    if matcher.ratio() < _REWRITTEN:
        return _segment(a, "del").strip(), _segment(b, "ins").strip()
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in _merged(matcher.get_opcodes(), a):
        left.append(_segment(a[i1:i2], None if tag == "equal" else "del"))
        right.append(_segment(b[j1:j2], None if tag == "equal" else "ins"))
    return "".join(left).strip(), "".join(right).strip()


Opcode = tuple[str, int, int, int, int]


def _glue(tokens: list[tuple[str, str]]) -> bool:
    """Tell whether a run of common tokens is only glue: at most two short words or marks."""
    return len(tokens) <= _GLUE_TOKENS and all(len(word) <= _GLUE_LETTERS for word, _ in tokens)


def _merged(opcodes: Sequence[Opcode], old: list[tuple[str, str]]) -> list[Opcode]:
    """Fold into the changes around it a common run that is only glue (« à », « du », « , »).

    « renouvelé <del>en totalité</del> à <del>l'expiration</del> du <del>mandat</del> » reads as
    confetti; « renouvelé <del>en totalité à l'expiration du mandat</del> » reads as what it is.
    """
    out: list[Opcode] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between = 0 < index < len(opcodes) - 1
        kind = "replace" if tag == "equal" and between and _glue(old[i1:i2]) else tag
        if out and kind != "equal" and out[-1][0] != "equal":
            _, p1, _, q1, _ = out.pop()
            out.append(("replace", p1, i2, q1, j2))
        else:
            out.append((kind, i1, i2, j1, j2))
    return out


def diff_blocks(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Align the blocks of two articles; return one row per aligned pair."""
    matcher = difflib.SequenceMatcher(None, [normalized(b) for b in old], [normalized(b) for b in new], False)
    rows: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs = zip(range(i1, i2), range(j1, j2), strict=True)
            rows.extend((_escaped(old[i]), _escaped(new[j])) for i, j in pairs)
            continue
        for i, j in itertools.zip_longest(range(i1, i2), range(j1, j2)):
            if i is not None and j is not None:
                rows.append(diff_words(old[i], new[j]))
            elif i is not None:
                rows.append((_segment(_tokens(old[i]), "del").strip(), ""))
            elif j is not None:
                rows.append(("", _segment(_tokens(new[j]), "ins").strip()))
    return tuple(rows)


def _key(old: Article | None, new: Article | None) -> str:
    for article in (new, old):
        if article is not None and article.label is not None:
            return article.label
    article = new or old
    assert article is not None
    return "article_" + article.number.replace("-", "_")


def changes(pairs: list[tuple[Article | None, Article | None]]) -> tuple[Change, ...]:
    """Return the changes of the matched pairs, in the new text's order; unchanged ones are left out."""
    found: list[Change] = []
    for old, new in pairs:
        key = _key(old, new)
        if old is None and new is not None:
            rows = tuple(("", _segment(_tokens(b), "ins").strip()) for b in new.blocks)
            found.append(Change(AJOUTE, key, None, new, rows))
        elif new is None and old is not None:
            rows = tuple((_segment(_tokens(b), "del").strip(), "") for b in old.blocks)
            found.append(Change(SUPPRIME, key, old, None, rows))
        elif old is not None and new is not None:
            same_text = _text_of(old) == _text_of(new)
            same_title = title_key(old.title) == title_key(new.title)
            if same_text and same_title:
                if old.number != new.number:
                    found.append(Change(RENUMEROTE, key, old, new))
                continue
            same_heading = normalized(old.heading) == normalized(new.heading)
            title = (
                (_escaped(old.heading), _escaped(new.heading))
                if same_heading
                else diff_words(old.heading, new.heading)
            )
            rows = ((f"**{title[0]}**", f"**{title[1]}**"), *diff_blocks(old.blocks, new.blocks))
            found.append(Change(MODIFIE, key, old, new, rows))
    return tuple(found)
