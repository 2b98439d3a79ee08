"""Numbers as written in news: digits ("1,200.5", tokenised "6 . 2") and words ("three
dozen", "two-thirds", "half a million", "one hundred and three").

Pure functions; the vocabulary is ``models/numbers.json``. ``WORD_NUMBER`` is a regular
expression fragment for a run of number words, ``word_value`` its value.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import resources

# "2 1/4" and "3/4" (not a date: no second slash), "1.2e10", "1,200.5", and
# tokenised text's "80 , 000" and "6 . 2"
_FRACTION = r"(?:\d+\s+)?\d+\s?/\s?\d+(?![/\d])"
# thousands grouped by commas, by (narrow) no-break spaces, or by plain spaces when there
# are two groups or more ("1 234 567"; "in 2019 300 people" stays two numbers)
_GROUPED = r"\d{1,3}(?:(?:,| , )\d{3})+|\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d{1,3}(?: \d{3}){2,}"
_PLAIN = rf"(?:{_GROUPED}|\d+)(?:(?:\.| \. )\d+)?(?:[eE][+-]?\d+)?|\.\d+"
DIGITS = rf"{_FRACTION}|{_PLAIN}"
_MIXED = re.compile(r"^(?:(\d+)\s+)?(\d+)\s?/\s?(\d+)$")


@cache
def _vocabulary() -> dict[str, dict[str, float]]:
    data = resources.load("numbers")
    return {key: data[key] for key in ("units", "tens", "scales", "multipliers", "fractions")}


@cache
def word_number_pattern() -> str:
    """A run of number words joined by spaces, hyphens or 'and' (never 'and' alone)."""
    vocab = _vocabulary()
    data = resources.load("numbers")
    words = sorted((w for table in vocab.values() for w in table), key=len, reverse=True)
    word = "(?:" + "|".join(words) + ")"
    article = "(?:" + "|".join(data["articles"]) + ")"
    return (
        rf"(?:{article}[\s-]+(?={word}))?{word}"
        rf"(?:[\s-]+(?:and[\s-]+)?(?:{article}[\s-]+)?{word})*"
    )


def digits_value(text: str) -> float | None:
    mixed = _MIXED.match(text)
    if mixed:
        whole, numerator, denominator = (int(g) if g else 0 for g in mixed.groups())
        return whole + numerator / denominator if denominator else None
    return float(re.sub(r"[\s,\u00a0\u202f]", "", text))


def word_value(text: str) -> float | None:
    """The value of a run of number words, or None when it is not a quantity ("one of",
    a bare "quarter"). ``small`` is what the words since the last "hundred" or scale
    add up to, so "three hundred and two dozens" is 300 + 2 x 12."""
    vocab = _vocabulary()
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w]
    joined = " ".join(words)
    left, _, right = joined.rpartition(" and ")
    if left and any(w in vocab["fractions"] for w in right.split()):
        # "one and a half", "twenty and three fifths"
        a, b = word_value(left), word_value(right)
        return None if a is None or b is None else a + b
    total, current, small, seen = 0.0, 0.0, 0.0, False
    for w in words:
        if w == "and":
            continue
        if w in ("a", "an"):
            if not current:
                current, small = 1.0, 1.0
        elif w in vocab["units"] or w in vocab["tens"]:
            number = vocab["units"].get(w, vocab["tens"].get(w, 0))
            current, small, seen = current + number, small + number, True
        elif w in vocab["multipliers"]:
            factor = vocab["multipliers"][w]
            if small:
                current += small * (factor - 1)
            else:  # "half a dozen"
                current = (current or 1.0) * factor
            small, seen = 0.0, True
        elif w == "hundred":
            current, small, seen = (current or 1.0) * 100, 0.0, True
        elif w in vocab["scales"]:
            if not current and total:
                total *= vocab["scales"][w]  # "three lakh crore"
            else:
                total += (current or 1.0) * vocab["scales"][w]
            current, small, seen = 0.0, 0.0, True
        elif w in vocab["fractions"]:
            if not current and total:
                current, total = total, 0.0  # "a hundred thousand trillionths"
            if not current and w != "half":
                return None  # a bare "quarter" or "third" is a period or a rank
            current, small, seen = (current or 1.0) / vocab["fractions"][w], 0.0, True
        else:
            return None
    return total + current if seen else None
