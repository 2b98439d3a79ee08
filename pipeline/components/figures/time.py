"""Normalise the time a claim refers to from the DATE entities of its sentence.

"fiscal year 2025" -> FY2025, "August 30, 2024" -> 2024-08-30, "in 2019" -> 2019, "the
2023-24 season" -> 2023/24; against the document's publication date when it is known:
"last year" -> the year before, "last month" -> the month before, "on Tuesday" -> the
last Tuesday on or before it, a month without a year -> its last occurrence up to the
publication month ("in September", said in June 2024, is 2023-09), or its next one when
the clause looks ahead ("will rise ... in April", "by March").

A date is a figure's time when it belongs to the figure's clause, or is fronted in a
clause above it ("In 2023, exports rose 5% and imports fell 3%"); not when it is a
reference point ("the lowest since 2020"). A figure with no date of its own, told in
the simple past, goes on in the time of the figure before it in its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from pipeline import resources
from pipeline.annotations import Figure
from pipeline.components.figures import numbers
from pipeline.components.figures.context import absolute_clause

_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s*'?(\d{4}|\d{2})\b", re.IGNORECASE)
_YEAR = re.compile(rf"\b({numbers.YEAR})\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4}
_PART = re.compile(
    r"\b(?:(first|1st|second|2nd|third|3rd|fourth|4th)[\s-]+(quarter|half)|([QH])([1-4]))\b",
    re.IGNORECASE,
)
_SEASON = re.compile(r"\b((?:19|20)\d\d)[-/–](\d\d)\b(?![-/]\d)")
_RELATIVE = {"last year": -1, "this year": 0, "next year": 1, "a year ago": -1,
             "start of the year": 0, "beginning of the year": 0}
_RELATIVE_MONTH = {"last month": -1, "this month": 0, "next month": 1}
_LOOKING_AHEAD = frozenset({"will", "shall", "'ll", "wo"})  # "wo" of "won't"
_BY = frozenset({"by", "until", "till"})
_REFERENCE = frozenset({"since"})
_PERIOD = re.compile(r"\b(?:to|until|through)\b|[-–]", re.IGNORECASE)
_TEMPORAL_MARKS = frozenset({"when", "once", "after", "before", "until", "while"})
_TEMPORAL_PREPOSITIONS = _TEMPORAL_MARKS | {"since", "during", "by"}
_RECORD = frozenset({"first", "record", "time"})  # "for the first time since", "a record"
_DAYS_BACK = {"today": 0, "yesterday": 1}


def published(value: str | None) -> tuple[int | None, date | None]:
    """The publication year and, when the string holds one, the date."""
    if not value:
        return None, None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return (int(value[:4]) if value[:4].isdigit() else None), None
    return day.year, day


def _relative_day(text: str, day: date) -> str | None:
    lowered = text.lower()
    for word, back in _DAYS_BACK.items():
        if word in lowered:
            return (day - timedelta(days=back)).isoformat()
    for index, name in enumerate(_weekdays()):
        if name in lowered:
            return (day - timedelta(days=(day.weekday() - index) % 7)).isoformat()
    return None


@cache
def months() -> dict[str, int]:
    """English month names and abbreviations from CLDR (Babel) -> 1 to 12, with the
    abbreviations news adds ("sept")."""
    from babel import Locale

    english = Locale.parse("en")
    table = {name.lower(): number for width in ("wide", "abbreviated")
             for number, name in english.months["format"][width].items()}
    return table | resources.load("figures")["month_abbreviations"]


@cache
def _weekdays() -> tuple[str, ...]:
    """English weekday names from CLDR, Monday first (as ``date.weekday``)."""
    from babel import Locale

    names = Locale.parse("en").days["format"]["wide"]
    return tuple(names[index].lower() for index in range(7))


def _month(text: str) -> int | None:
    table = months()
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in table:
            return table[word]
    return None


def _month_year(month: int, doc_day: date | None, doc_year: int, ahead: bool) -> int:
    """The year of a month named without one: its last occurrence up to the publication
    month, or with ``ahead`` its next one from there."""
    if doc_day is None:
        return doc_year
    if ahead:
        return doc_year + (month < doc_day.month)
    return doc_year - (month > doc_day.month)


def normalise(text: str, published_at: str | None = None, *, ahead: bool = False) -> str | None:
    """An ISO-like time for a DATE span's text, or None when it names no period;
    ``ahead`` when its clause looks ahead ("will rise in April")."""
    doc_year, doc_day = published(published_at)
    season = _SEASON.search(text)
    if season and int(season.group(2)) == (int(season.group(1)) + 1) % 100:
        return f"{season.group(1)}/{season.group(2)}"  # "the 2023-24 season"
    part = _PART.search(text)
    if part:  # "the first quarter of 2024" -> 2024-Q1, "H2" -> 2024-H2
        year = _YEAR.search(text)
        year_value = int(year.group(1)) if year else doc_year
        if part.group(3):
            kind, number = part.group(3).upper(), int(part.group(4))
        else:
            kind, number = part.group(2)[0].upper(), _ORDINALS[part.group(1).lower()]
        if year_value is not None and (kind == "Q" or number <= 2):
            return f"{year_value}-{kind}{number}"
    fiscal = _FISCAL.search(text)
    if fiscal:
        year = fiscal.group(1)
        return f"FY{year if len(year) == 4 else '20' + year}"
    year_match = _YEAR.search(text)
    lowered = text.lower()
    year = int(year_match.group(1)) if year_match else None
    month = _month(text)
    if year is None:
        month_shift = next((v for k, v in _RELATIVE_MONTH.items() if k in lowered), None)
        if month_shift is not None and doc_day is not None:
            index = doc_day.year * 12 + doc_day.month - 1 + month_shift
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        shift = next((v for k, v in _RELATIVE.items() if k in lowered), None)
        if doc_day is not None and shift is None and month is None:
            return _relative_day(text, doc_day)
        if doc_year is None or (shift is None and month is None):
            return None
        if shift is None and month is not None:
            year = _month_year(month, doc_day, doc_year, ahead)
        else:
            year = doc_year + (shift or 0)
    if month is None:
        return str(year)
    rest = text.replace(year_match.group(1), " ") if year_match else text
    day = _DAY.search(rest)
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year:04d}-{month:02d}-{int(day.group(1)):02d}"
    return f"{year:04d}-{month:02d}"


def _clause(token: Token) -> Token | None:
    """The verb whose clause holds the token."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _in_scope(date: Span, figure: Span | None) -> bool:
    """The date belongs to the figure's clause, or to a clause above it that the figure's
    clause depends on ("rose 7.6% in May, beating forecasts of 6% growth") but is not
    coordinated with, unless fronted ("In 2023, exports rose 5% and imports fell 3%"),
    to a relative clause on the figure ("the 250 million pounds it borrowed last year"),
    or to a temporal clause below ("will hold 45,000 fans when it opens in 2026"); not to
    a clause of its own ("invest $3.3bn, creating 2,300 jobs by 2026")."""
    if figure is None:
        return True
    date_clause, figure_clause = _clause(date.root), _clause(figure.root)
    if date_clause is None or figure_clause is None or date_clause.i == figure_clause.i:
        return True
    if _modifies(date_clause, figure_clause):
        return True
    absolute = absolute_clause(figure_clause)
    if absolute is not None and date_clause.i == absolute.i:
        return True  # "with ASEAN being ... in 2023, accounting for $468.8bn"
    if date_clause.dep_ in ("relcl", "acl") and figure.start <= date_clause.head.i < figure.end:
        return True
    if figure_clause in date_clause.ancestors and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in _TEMPORAL_MARKS for c in date_clause.children
    ):
        return True  # "will hold 45,000 fans when it opens in 2026"
    path = [figure_clause, *figure_clause.ancestors]
    if date_clause not in path:
        return False
    below = path[path.index(date_clause) - 1]  # the date clause's child on the way down
    return date.start < date_clause.i or below.dep_ != "conj"


def _modifies(date_clause: Token, figure_clause: Token) -> bool:
    """The date's clause is a non-finite one inside a phrase of the figure's clause: a
    date told by a participle ("for the fiscal year starting April 2025"), a clause after
    a preposition that is no time of its own, or an infinitive ("requested ¥5.96bn (for)
    to strengthen ... in its budget request for the fiscal year"); not a clause of its own
    ("invest $3.3bn, creating 2,300 jobs by 2026"), an event with a time of its own
    ("weakened to 146 after hitting a high on Monday") or a participle on another noun
    ("a target set in 2021")."""
    token = date_clause
    for _ in range(12):
        if token.i == figure_clause.i:
            return True
        if token.head.i == token.i:
            return False
        if token.pos_ in ("VERB", "AUX") and not (
            (token.dep_ == "acl" and token.head.ent_type_ == "DATE")
            or (token.dep_ == "pcomp" and token.head.lower_ not in _TEMPORAL_PREPOSITIONS)
            or (token.dep_ == "xcomp" and any(c.lower_ == "to" for c in token.children))
        ):
            return False
        token = token.head
    return False


def _attached(date: Span, figure: Span | None) -> bool:
    """The date modifies the figure or the phrase that holds it, below their clause's
    verb: "up from 8.1 million tonnes in 2023"."""
    if figure is None:
        return False
    clause = _clause(figure.root)
    own = {t.i for t in figure} | {figure.root.head.i}
    for token in date.root.ancestors:
        if token == clause:
            return False
        if token.i in own:
            return True
    return False


def _compared_with(date: Span, value: str, published_at: str | None) -> bool:
    """'up 7% from 2022' compares with a past time; 'from July' or 'from 2026' after the
    publication date is when the claim starts, and 'from January to March' a period."""
    doc = date.doc
    if not published_at or date.start == 0 or doc[date.start - 1].lower_ != "from":
        return False
    return not _PERIOD.search(date.text) and value < published_at[: len(value)]


def _looks_ahead(date: Span) -> bool:
    """'by March', 'until April', or a clause with 'will'."""
    doc = date.doc
    if date.start > 0 and doc[date.start - 1].lower_ in _BY:
        return True
    clause = _clause(date.root)
    return clause is not None and any(
        c.dep_ == "aux" and c.lower_ in _LOOKING_AHEAD
        for verb in (clause, *clause.ancestors) for c in verb.children
    )


def _reference_point(date: Span) -> bool:
    """'the lowest since 2020', 'the first time since March': the start of a comparison,
    not the claim's time; but "lost 18,000 jobs since 2023" counts from then."""
    doc = date.doc
    since = date.start if date[0].lower_ in _REFERENCE else date.start - 1
    if since < 0 or doc[since].lower_ not in _REFERENCE:
        return False
    before = doc[max(date.sent.start, since - 6) : since]
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in _RECORD for t in before)


def time_of(
    dates: Sequence[Span], anchor: int, published_at: str | None = None,
    figure: Span | None = None,
) -> str | None:
    """The time of the claim at char offset ``anchor`` (whose tokens are ``figure``) from
    the DATE entities of its sentence: the nearest in its scope that normalises, fiscal
    periods first (a budget "for fiscal year 2025" announced "on August 30" is about
    FY2025), then dates on the figure itself ("exceed 8.5 million tonnes in 2024, up from
    8.1 million tonnes in 2023")."""
    scored = []
    fiscal = False  # "the fiscal year starting April 2025" is FY2025
    for ent in dates:
        if _reference_point(ent) or not _in_scope(ent, figure):
            continue
        fiscal = fiscal or "fiscal" in ent.text.lower()
        value = normalise(ent.text, published_at, ahead=_looks_ahead(ent))
        if value is None or _compared_with(ent, value, published_at):
            continue
        distance = abs(ent.start_char - anchor)
        scored.append((not value.startswith("FY"), not _attached(ent, figure), distance, value))
    if not scored:
        return None
    best = min(scored)[-1]
    return f"FY{best[:4]}" if fiscal and not best.startswith("FY") else best


def carry_over(doc: Doc, text: str, figures: list[Figure]) -> list[Figure]:
    """An undated figure in a simple-past clause takes the time of the figure before it
    in the same paragraph: "revenue of £287.4m for the 2023-24 season ... The club posted
    a pre-tax loss of £64.2m" (2023/24). ``text`` is ``doc.text``, read once."""
    out: list[Figure] = []
    for figure in figures:
        previous = out[-1] if out else None
        if figure.time is None and previous is not None and previous.time \
                and "\n" not in text[previous.span[1] : figure.span[0]]:
            tokens = doc.char_span(*figure.span, alignment_mode="expand")
            clause = _clause(tokens.root) if tokens is not None else None
            if clause is not None and clause.tag_ == "VBD":
                figure = replace(figure, time=previous.time)
        out.append(figure)
    return out
