"""French formats and typography for the documents: amounts, dates, fractions, lists, spacing.

Amounts and dates come from babel (« 1 500 € », « 2 février 2023 »), numbers in letters from
num2words. The final pass puts the non-breaking spaces French typography wants before « : ; ! ? »
and inside « guillemets », and the typographic apostrophe « ’ », on the whole rendered Markdown,
user text included.

The formatters are pure and a bundle asks them for the same few values hundreds of times: their
results are cached. babel and num2words are imported on first use (num2words loads every
language it knows), so that ``cpts check``, which formats nothing, does not pay for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar, cast

from generator.values import Fraction

LOCALE = "fr_FR"
NBSP = "\u00a0"
NNBSP = "\u202f"  # espace fine insécable
APOSTROPHE = "\u2019"

MOIS = {
    "janvier": "janvier",
    "fevrier": "février",
    "mars": "mars",
    "avril": "avril",
    "mai": "mai",
    "juin": "juin",
    "juillet": "juillet",
    "aout": "août",
    "septembre": "septembre",
    "octobre": "octobre",
    "novembre": "novembre",
    "decembre": "décembre",
}


Formatter = TypeVar("Formatter", bound=Callable[..., str])


def _cached(function: Formatter) -> Formatter:
    """Cache a pure formatter on the exact values of its arguments.

    The key holds each argument's type and repr, not the argument alone: ``Decimal("1.0")``,
    ``Decimal(1)``, ``1`` and ``True`` are equal keys for a dict but not for a formatter
    (« 1,0 » against « 1 »).
    """

    @functools.lru_cache(maxsize=4096)
    def by_value(key: tuple[tuple[type, str], ...], args: tuple[Any, ...]) -> str:
        return function(*args)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        if kwargs:
            return function(*args, **kwargs)
        return by_value(tuple((type(arg), repr(arg)) for arg in args), args)

    return cast(Formatter, wrapper)


def _format_decimal(value: int | Decimal, pattern: str | None = None) -> str:
    from babel.numbers import format_decimal  # noqa: PLC0415 - see the module docstring

    return str(format_decimal(value, format=pattern, locale=LOCALE))


def _num2words(value: int, to: str = "cardinal") -> str:
    from num2words import num2words  # noqa: PLC0415 - see the module docstring

    return str(num2words(value, lang="fr", to=to))


@_cached
def nombre(value: int | Decimal) -> str:
    """Return a number with French digit grouping: « 1 500 », « 12,5 »."""
    return _format_decimal(value)


@_cached
def montant(value: Decimal | int) -> str:
    """Return an amount in euros: « 1 500 € », « 12,50 € »."""
    amount = Decimal(value)
    pattern = "#,##0" if amount == amount.to_integral_value() else "#,##0.00"
    return f"{_format_decimal(amount, pattern)}{NBSP}€"


@_cached
def en_lettres(value: int) -> str:
    """Return a whole number in French words: 1500 → « mille cinq cents »."""
    return _num2words(int(value))


@_cached
def montant_en_lettres(value: Decimal | int) -> str:
    """Return an amount in words: « mille cinq cents euros », « douze euros cinquante »."""
    amount = Decimal(value).quantize(Decimal("0.01"))
    euros = int(amount)
    centimes = int((amount - euros) * 100)
    words = en_lettres(euros)
    # « un million d'euros », but « mille euros »
    if euros >= 1_000_000 and euros % 1_000_000 == 0:
        text = f"{words} d'euros"
    else:
        text = f"{words} euro{'s' if euros > 1 else ''}"
    if centimes:
        text += f" et {en_lettres(centimes)} centime{'s' if centimes > 1 else ''}"
    return text


def montant_complet(value: Decimal | int) -> str:
    """Return an amount in words then figures, as legal texts state it."""
    return f"{montant_en_lettres(value)} ({montant(value)})"


@_cached
def date_longue(value: dt.date) -> str:
    """Return « 2 février 2023 », with « 1er » for the first of the month."""
    from babel.dates import format_date  # noqa: PLC0415 - see the module docstring

    text = format_date(value, "d MMMM y", locale=LOCALE)
    if value.day == 1:
        text = "1er" + text[1:]
    return str(text)


def heure(value: str) -> str:
    """Return « 19 h » or « 19 h 30 » from « 19:00 » / « 19:30 »."""
    hours, _, minutes = value.partition(":")
    hours = str(int(hours))
    return f"{hours}{NBSP}h" if minutes in {"", "00"} else f"{hours}{NBSP}h{NBSP}{minutes}"


def mois(code: str) -> str:
    """Return the French month name for a month code (``aout`` → « août »)."""
    return MOIS[code]


def fraction(value: str) -> str:
    """Return a fraction in words with its article: « la moitié », « les deux tiers ».

    ``value`` is a :class:`generator.values.Fraction` or its text (« 2/3 », « 1/2+1 »).
    """
    return Fraction(value).mots


def de_fraction(value: str) -> str:
    """Return « de la moitié », « des deux tiers », « du quart » (fraction after « de »)."""
    return Fraction(value).de_mots


def liste(items: list[str] | tuple[str, ...], conjonction: str = "et") -> str:
    """Join items the French way: « a, b et c »."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjonction} {items[-1]}"


def pluriel(count: int, singulier: str, pluriel_: str | None = None) -> str:
    """Return the singular or plural form for ``count`` (French: 0 and 1 are singular)."""
    return singulier if count <= 1 else (pluriel_ or singulier + "s")


_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_SPACES = " \u00a0\u202f"
_COLON = re.compile(":")
_HIGH_MARKS = re.compile("[;!?]")
# What the spacing never touches, found in one scan of the whole text: a table's separator line
# (« |---|:--| », whose colons are alignment marks), URLs and e-mail addresses (their colons and
# question marks). No match crosses a newline (``\S`` and ``[^\S\n]`` exclude it).
_PROTECTED = re.compile(r"^[^\S\n]*\|-[^\n]*|https?://\S+|\S+@\S+", re.MULTILINE)
# What any protected span contains. A pattern that starts with literals is searched for quickly;
# ``_PROTECTED``, which starts with ``^`` or ``\S``, is tried at every character it is given.
_PROTECTED_HINT = re.compile(r"\|-|http|@")


def _space_before(text: str, marks: re.Pattern[str], followers: str, refused: str, space: str) -> str:
    r"""Put ``space`` before each mark, replacing the spaces already there, where French wants one.

    A mark takes the space when it is followed by whitespace, one of ``followers`` or the end,
    and preceded (spaces aside) by a character that is neither whitespace nor in ``refused``.
    It is the substitution
    ``(?<=[^\s{refused}])[ \u00a0\u202f]*({marks})(?=[\s{followers}]|$)``, written as a loop
    over the marks because a pattern that starts with a lookbehind is tried at every character
    of the text, and a bundle has some 90 000 of them against a few hundred marks.
    """
    out: list[str] = []
    start = 0
    for found in marks.finditer(text):
        at = found.start()
        after = text[at + 1 : at + 2]
        if after and not (after.isspace() or after in followers):
            continue
        run = at
        while run > 0 and text[run - 1] in _SPACES:
            run -= 1
        if run == 0 or text[run - 1].isspace() or text[run - 1] in refused:
            continue
        out += (text[start:run], space, found.group())
        start = at + 1
    out.append(text[start:])
    return "".join(out)


def _close_quotes(text: str) -> str:
    """Put one no-break space before every « » », replacing the spaces already there."""
    parts = text.split("»")
    return "".join(f"{part.rstrip(_SPACES)}{NBSP}»" for part in parts[:-1]) + parts[-1]


def _segment_typography(text: str) -> str:
    # French prints the apostrophe « ’ » (U+2019), in the templates' words and in the answers'
    # alike; URLs and e-mail addresses, which may hold a straight one, are protected spans.
    text = text.replace("'", APOSTROPHE)
    text = _OPEN_QUOTE.sub(f"«{NBSP}", text)
    text = _close_quotes(text)
    text = _space_before(text, _COLON, "", "\\|:", NBSP)
    # « ; ! ? » take a thin non-breaking space, but not after an escape (« \! ») nor inside « ?! ».
    return _space_before(text, _HIGH_MARKS, "»)", "\\;!?", NNBSP)


def french_spacing(markdown: str) -> str:
    """Put French non-breaking spaces before « : ; ! ? » and inside guillemets, and « ’ » for « ' ».

    The text is cut only around protected spans, not line by line: no rule crosses a newline
    (the spaces they take are plain, no-break and thin no-break ones; their
    conditions read the newline as a space), so spacing a run of lines at once gives what
    spacing each line would. A run starts or ends at a protected span as a line would: nothing
    before it, the end after it.
    """
    out: list[str] = []
    start = 0
    for match in _protected_spans(markdown):
        out.append(_segment_typography(markdown[start : match.start()]))
        out.append(match.group())
        start = match.end()
    out.append(_segment_typography(markdown[start:]))
    return "".join(out)


def _protected_spans(markdown: str) -> Iterator[re.Match[str]]:
    """Return the protected spans, looked for only on the lines that may hold one.

    Scanning line by line finds what scanning the whole text would: no span crosses a newline.
    """
    line_end = 0
    while hint := _PROTECTED_HINT.search(markdown, line_end):
        line_start = markdown.rfind("\n", 0, hint.start()) + 1
        line_end = markdown.find("\n", hint.end())
        if line_end < 0:
            line_end = len(markdown)
        yield from _PROTECTED.finditer(markdown, line_start, line_end)
