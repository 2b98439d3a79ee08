"""Normalise the time a claim refers to from the DATE entities of its sentence.

"fiscal year 2025" -> FY2025, "August 30, 2024" -> 2024-08-30, "in 2019" -> 2019;
against the document's publication date when it is known: "last year" -> the year
before, "August 30" -> that year's, "on Tuesday" -> the last Tuesday on or before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

from pipeline import resources

_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s*'?(\d{4}|\d{2})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2}|21\d{2})\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4}
_PART = re.compile(
    r"\b(?:(first|1st|second|2nd|third|3rd|fourth|4th)\s+(quarter|half)|([QH])([1-4]))\b",
    re.IGNORECASE,
)
_RELATIVE = {"last year": -1, "this year": 0, "next year": 1, "a year ago": -1}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
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
    for index, name in enumerate(_WEEKDAYS):
        if name in lowered:
            return (day - timedelta(days=(day.weekday() - index) % 7)).isoformat()
    return None


def _month(text: str) -> int | None:
    months = resources.load("figures")["months"]
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in months:
            index = months.index(word)
            return index + 1 if index < 12 else [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][index - 12]
    return None


def normalise(text: str, published_at: str | None = None) -> str | None:
    """An ISO-like time for a DATE span's text, or None when it names no period."""
    doc_year, doc_day = published(published_at)
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
        shift = next((v for k, v in _RELATIVE.items() if k in lowered), None)
        if doc_day is not None and shift is None and month is None:
            return _relative_day(text, doc_day)
        if doc_year is None or (shift is None and month is None):
            return None
        year = doc_year + (shift or 0)
    if month is None:
        return str(year)
    rest = text.replace(year_match.group(1), " ") if year_match else text
    day = _DAY.search(rest)
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year:04d}-{month:02d}-{int(day.group(1)):02d}"
    return f"{year:04d}-{month:02d}"


def time_of(sent: Span, anchor: int, published_at: str | None = None) -> str | None:
    """The time of the claim at char offset ``anchor``: the nearest DATE in the sentence
    that normalises, fiscal periods first (a budget "for fiscal year 2025" announced "on
    August 30" is about FY2025)."""
    scored = []
    fiscal = False  # "the fiscal year starting April 2025" is FY2025
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        fiscal = fiscal or "fiscal" in ent.text.lower()
        value = normalise(ent.text, published_at)
        if value is None:
            continue
        distance = abs(ent.start_char - anchor)
        scored.append((not value.startswith("FY"), distance, value))
    if not scored:
        return None
    best = min(scored)[2]
    return f"FY{best[:4]}" if fiscal and not best.startswith("FY") else best
